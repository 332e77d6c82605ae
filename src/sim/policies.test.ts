import { describe, expect, it } from 'vitest';
import { policies, SILO_PATIENCE } from './policies';
import { makeLevel } from './testing/levels';
import { deptState, ticketState } from './testing/views';
import type { Sim, SimView, TicketState } from './types';

/** Two desks can fix invoices: 'billing' is listed first, 'billing-2' second (and idle). */
const level = makeLevel({
  departments: [
    {
      id: 'tier-1',
      name: 'Tier 1',
      role: 'frontline',
      position: { x: 10, y: 50 },
      staff: 2,
      skills: ['triage', 'reply'],
      serviceTime: { triage: 20, reply: 15 },
    },
    {
      id: 'billing',
      name: 'Billing',
      role: 'billing',
      position: { x: 60, y: 30 },
      staff: 1,
      skills: ['fix'],
      serviceTime: { fix: 40 },
    },
    {
      id: 'billing-2',
      name: 'Billing 2',
      role: 'billing',
      position: { x: 60, y: 70 },
      staff: 1,
      skills: ['fix'],
      serviceTime: { fix: 40 },
    },
  ],
  workTypes: [
    {
      id: 'invoice',
      name: 'Invoice',
      shape: 'circle',
      journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }],
    },
  ],
});

const dept = deptState;

const ticket: TicketState = ticketState(7, {
  customer: 'Ada',
  workType: 'invoice',
  journey: ['triage', 'fix', 'reply'],
  phase: 'outbox',
  dept: 'tier-1',
});

function view(t: number, tier1Inbox: number[], billingQueue: number): SimView {
  return {
    t,
    end: 600,
    departments: [
      dept('tier-1', { staff: 2, inbox: tier1Inbox, outbox: [7] }),
      dept('billing', { inbox: Array.from({ length: billingQueue }, (_, i) => 100 + i) }),
      dept('billing-2'),
    ],
    tickets: new Map([[7, ticket]]),
    requests: [],
    counts: { arrived: 1, resolved: 0, abandoned: 0, inSystem: 1 },
  };
}

const sim = { level, ticket: (id: number) => (id === 7 ? ticket : undefined) } as unknown as Sim;

describe('siloed policy (own desk first)', () => {
  it('keeps finished work in the outbox while its own desk has a queue', () => {
    const p = policies.siloed(1);
    expect(p.decide(view(10, [1, 2], 0), sim)).toEqual([]);
    expect(p.decide(view(10 + SILO_PATIENCE - 1, [1, 2], 0), sim)).toEqual([]);
  });

  it('passes it on after SILO_PATIENCE seconds anyway, to the first desk listed, with quick notes', () => {
    const p = policies.siloed(1);
    p.decide(view(10, [1], 5), sim);
    expect(p.decide(view(10 + SILO_PATIENCE, [1], 5), sim)).toEqual([
      { type: 'route', ticket: 7, to: 'billing', care: 'quick' },
    ]);
  });

  it('passes it on at once when its own queue is empty, still ignoring how busy the next desk is', () => {
    const p = policies.siloed(1);
    expect(p.decide(view(10, [], 5), sim)).toEqual([
      { type: 'route', ticket: 7, to: 'billing', care: 'quick' },
    ]);
  });

  it('wholistic play sends the same ticket at once to the least busy desk that can do it', () => {
    const p = policies.wholistic(1);
    const cmds = p.decide(view(10, [1, 2], 5), sim).filter((c) => c.type === 'route');
    expect(cmds).toEqual([expect.objectContaining({ type: 'route', ticket: 7, to: 'billing-2' })]);
  });
});
