/**
 * Test-only: hand-made pieces of a SimView (a department, a ticket) for tests of code that reads the
 * view (policies, the board model), with plain defaults that `over` replaces.
 */
import type { DepartmentState, TicketState } from '../types';

export function deptState(id: string, over: Partial<DepartmentState> = {}): DepartmentState {
  return {
    id,
    staff: 1,
    away: 0,
    busy: 0,
    inbox: [],
    outbox: [],
    pending: [],
    requestQueue: [],
    care: 'quick',
    speedFactor: 1,
    qualityFactor: 1,
    status: 'green',
    ...over,
  };
}

/** A ticket at step 1 of a three-step journey, queued at department 'a', with a happy customer. */
export function ticketState(id: number, over: Partial<TicketState> = {}): TicketState {
  return {
    id,
    customer: `C${id}`,
    workType: 'w',
    arrivedAt: 0,
    step: 1,
    journey: ['triage', 'billing-fix', 'reply'],
    phase: 'queued',
    dept: 'a',
    transit: null,
    sendingTo: null,
    job: null,
    satisfaction: 1,
    patienceAt: 100,
    handoffs: 0,
    bounces: 0,
    reasks: 0,
    escalated: false,
    abandonAt: 300,
    ...over,
  };
}
