import { describe, expect, it } from 'vitest';
import { HUMAN_ACTION, HUMAN_REACTION } from './humanPolicy';
import { createSim, runPolicy } from './index';
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

describe('human-paced policies', () => {
  const busy = makeLevel({
    durationSeconds: 600,
    workTypes: [
      {
        id: 'invoice',
        name: 'Invoice',
        shape: 'circle',
        handoffRisk: 2,
        journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }],
      },
    ],
    actions: { route: true, handoffCare: true },
    arrivals: { ratePerMinute: 3 },
  });

  it('does one thing at a time, each only after noticing it for HUMAN_REACTION seconds', () => {
    for (const name of ['humanCareful', 'humanCareless'] as const) {
      const sim = runPolicy(busy, 2, name);
      const log = sim.commandLog();
      expect(log.length).toBeGreaterThan(5);
      for (let i = 1; i < log.length; i++)
        expect(log[i]!.at - log[i - 1]!.at).toBeGreaterThanOrEqual(HUMAN_ACTION - 1e-9);
    }
  });

  it('waits before sending a finished ticket on', () => {
    const sim = createSim(busy, 4);
    const p = policies.humanCareless(4);
    let readyAt: number | null = null;
    let routedAt: number | null = null;
    while (sim.step() && routedAt === null) {
      const v = sim.view();
      const ready = v.departments.some((d) => d.outbox.length > 0);
      if (ready && readyAt === null) readyAt = v.t;
      const cmds = p.decide(v, sim);
      if (cmds.some((c) => c.type === 'route')) routedAt = v.t;
    }
    expect(readyAt).not.toBeNull();
    expect(routedAt! - readyAt!).toBeGreaterThanOrEqual(HUMAN_REACTION);
  });

  it('careful human-paced play beats careless human-paced play', () => {
    let careful = 0;
    let careless = 0;
    for (let seed = 1; seed <= 6; seed++) {
      careful += runPolicy(busy, seed, 'humanCareful').score().total;
      careless += runPolicy(busy, seed, 'humanCareless').score().total;
    }
    expect(careful).toBeGreaterThan(careless);
  });
});
