/**
 * "moveStaff: if everyone present is busy, the next one to finish a job moves" (commands.ts), whatever
 * the job: a customer's step or an internal request's work. Regression: a person finishing a request
 * job used to skip the queued move and take the next ticket.
 */
import { describe, expect, it } from 'vitest';
import { createSim } from './index';
import { makeLevel } from './testing/levels';

const level = () =>
  makeLevel({
    durationSeconds: 600,
    autoRoute: 'all',
    actions: { moveStaff: true },
    arrivals: { ratePerMinute: 0, scripted: [0, 0, 0, 0].map((at) => ({ at, workType: 'laptop' })) },
    departments: [
      { id: 'tier-1', name: 'Tier 1', role: 'frontline', position: { x: 10, y: 50 }, staff: 2, skills: ['triage', 'reply'], serviceTime: { triage: 10, reply: 10 } },
      { id: 'it', name: 'IT', role: 'it', position: { x: 60, y: 70 }, staff: 2, skills: ['repair'], serviceTime: { repair: 200 } },
    ],
    internalRequests: [
      { id: 'kit', title: 'Kit', from: 'tier-1', to: 'it', at: 0, workSeconds: 60, dueWithin: 300, effect: { kind: 'speed', factor: 0.9 }, autoGrant: true },
    ],
  });

describe('a queued staff move', () => {
  it('is taken by the next person to finish a job, when that job is an internal request', () => {
    const sim = createSim(level(), 1);
    sim.advanceTo(50);
    const it0 = sim.view().departments[1]!;
    // one IT person works on the request (until 60), the other on a laptop; more laptops wait in line
    expect(sim.view().requests[0]!.status).toBe('inProgress');
    expect(it0.busy).toBe(2);
    expect(it0.inbox.length).toBeGreaterThan(0);
    expect(sim.apply({ type: 'moveStaff', from: 'it', to: 'tier-1' })).toEqual({ ok: true });
    expect(it0.staff).toBe(2); // nobody free yet: the move waits for the next one to finish

    sim.advanceTo(61); // the request job ended at 60
    const [t1, it1] = sim.view().departments;
    expect(sim.view().requests[0]!.status).toBe('done');
    expect(it1!.staff).toBe(1);
    expect(t1!.staff).toBe(3);
    expect(it1!.busy).toBe(1); // the person who moved did not take the next laptop first
    expect(it1!.inbox.length).toBeGreaterThan(0);
  });

  it('is taken by the next person to finish a customer job too (unchanged)', () => {
    const sim = createSim(level(), 1);
    sim.advanceTo(50);
    const laptopEnd = [0, 1, 2, 3, 4].map((id) => sim.ticket(id)).find((t) => t?.dept === 'it' && t.job?.kind === 'work')!.job!.end;
    // two moves: the request person (at 60) and the laptop person take one each
    expect(sim.apply({ type: 'moveStaff', from: 'it', to: 'tier-1' })).toEqual({ ok: true });
    expect(sim.apply({ type: 'moveStaff', from: 'it', to: 'tier-1' })).toEqual({
      ok: false,
      reason: 'IT needs to keep at least one person.',
    });
    sim.advanceTo(laptopEnd + 0.01);
    expect(sim.view().departments[1]!.staff).toBe(1);
  });
});
