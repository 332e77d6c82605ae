import { describe, expect, it } from 'vitest';
import { createSim } from './index';
import { makeLevel } from './testing/levels';
import type { SimEvent } from './types';

const base = makeLevel();
const [tier1, billing, it1] = base.departments as [typeof base.departments[0], typeof base.departments[0], typeof base.departments[0]];
const one = (at: number, workType = 'invoice') => ({ ratePerMinute: 0, scripted: [{ at, workType }] });
const ofType = <K extends SimEvent['type']>(ev: SimEvent[], type: K) => ev.filter((e): e is SimEvent & { type: K } => e.type === type);

describe('routing and commands', () => {
  it('refuses in plain words and changes nothing', () => {
    const sim = createSim(makeLevel({ arrivals: one(0) }), 1);
    sim.advanceTo(5); // in triage
    const h = sim.hash();
    expect(sim.apply({ type: 'route', ticket: 1, to: 'billing' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not waiting in an outbox/) });
    expect(sim.apply({ type: 'route', ticket: 77, to: 'billing' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no longer here/) });
    expect(sim.apply({ type: 'route', ticket: 1, to: 'hr' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no department called "hr"/) });
    expect(sim.apply({ type: 'moveStaff', from: 'tier-1', to: 'it' })).toMatchObject({ ok: false });
    expect(sim.apply({ type: 'setPolicy', department: 'tier-1', care: 'thorough' })).toMatchObject({ ok: false });
    expect(sim.apply({ type: 'grant', request: 'x' })).toMatchObject({ ok: false });
    expect(sim.apply({ type: 'inject', event: 'x' })).toMatchObject({ ok: false });
    expect(sim.apply({ type: 'extend', seconds: -5 })).toMatchObject({ ok: false });
    // only the command log grew
    expect(sim.commandLog()).toHaveLength(8);
    expect(sim.hash()).not.toBe(h);
    const noRoute = createSim(makeLevel({ arrivals: one(0), actions: { route: false } }), 1);
    noRoute.advanceTo(25);
    expect(noRoute.apply({ type: 'route', ticket: 1, to: 'billing' })).toMatchObject({ ok: false, reason: expect.stringMatching(/by itself/) });
  });

  it('routes with notes at the front of the sender queue, transit, then the receiver inbox', () => {
    const lvl = makeLevel({
      arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'invoice' }, { at: 0, workType: 'invoice' }, { at: 0, workType: 'invoice' }] },
      departments: [{ ...tier1, staff: 1 }, billing, it1],
      handoffs: { quickNoteSeconds: 5, thoroughNoteSeconds: 30, transferSeconds: 2, quickReworkChance: 0, quickBounceChance: 0 },
      actions: { route: true, handoffCare: true },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(20); // ticket 1 triaged at 20, ticket 2 starts triage
    expect(sim.view().departments[0]!.outbox).toEqual([1]);
    sim.drainEvents();
    expect(sim.apply({ type: 'route', ticket: 1, to: 'billing', care: 'thorough' })).toEqual({ ok: true });
    expect(sim.ticket(1)!.phase).toBe('queued');
    expect(sim.view().departments[0]!.pending).toEqual([1]);
    sim.advanceTo(40); // ticket 2 triage ends at 40; thorough notes (30 s) go before ticket 3
    let ev = sim.drainEvents();
    expect(ofType(ev, 'jobStart').map((e) => [e.ticket, e.kind, e.t])).toEqual([[1, 'notes', 40]]);
    sim.advanceTo(72);
    ev = sim.drainEvents();
    expect(ofType(ev, 'transferArrive')).toEqual([{ type: 'transferArrive', t: 72, ticket: 1, dept: 'billing' }]);
    expect(sim.ticket(1)!.handoffs).toBe(1);
  });

  it('moves staff now when someone is free, else the next one to finish', () => {
    const lvl = makeLevel({ arrivals: one(0, 'question'), actions: { moveStaff: true } });
    const sim = createSim(lvl, 1);
    sim.advanceTo(1); // one of two tier-1 people busy
    expect(sim.apply({ type: 'moveStaff', from: 'tier-1', to: 'it' })).toEqual({ ok: true });
    expect(sim.view().departments.map((d) => d.staff)).toEqual([1, 2, 2]);
    expect(sim.apply({ type: 'moveStaff', from: 'tier-1', to: 'it' })).toMatchObject({ ok: false, reason: expect.stringMatching(/at least one/) });
    const lvl2 = makeLevel({ arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'question' }, { at: 0, workType: 'question' }, { at: 0, workType: 'question' }] }, actions: { moveStaff: true } });
    const sim2 = createSim(lvl2, 1);
    sim2.advanceTo(1); // both busy
    expect(sim2.apply({ type: 'moveStaff', from: 'tier-1', to: 'billing' })).toEqual({ ok: true });
    expect(sim2.view().departments[0]!.staff).toBe(2);
    sim2.advanceTo(20.5); // triage ends at 20: one person leaves instead of taking the next job
    expect(sim2.view().departments.map((d) => d.staff)).toEqual([1, 3, 1]);
  });

  it('prioritise moves a ticket to the front of the queue', () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 1 }, billing, it1],
      arrivals: { ratePerMinute: 0, scripted: [0, 1, 2, 3].map((at) => ({ at, workType: 'question' })) },
      actions: { reprioritise: true },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(5);
    expect(sim.view().departments[0]!.inbox).toEqual([2, 3, 4]);
    expect(sim.apply({ type: 'prioritise', department: 'tier-1', ticket: 4 })).toEqual({ ok: true });
    expect(sim.view().departments[0]!.inbox).toEqual([4, 2, 3]);
    sim.advanceTo(21);
    // ticket 1 continues with its reply at once (front of the queue), then ticket 4 is next
    expect(sim.ticket(1)!.job).toMatchObject({ kind: 'work', start: 20, end: 35 });
    sim.advanceTo(36);
    expect(sim.ticket(4)!.phase).toBe('service');
  });
});

describe('customers', () => {
  it('abandon when waiting past patience x abandonAfter, never while being served', () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 1, serviceTime: { triage: 100, reply: 10 } }, billing, it1],
      arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'question' }, { at: 1, workType: 'question' }] },
      customers: { patience: 20, abandonAfter: 2 },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(40.5);
    const ev = sim.drainEvents();
    expect(ofType(ev, 'abandoned')).toEqual([]); // ticket 2 arrived at 1: gives up at 1 + 20 x 2
    sim.advanceTo(41);
    expect(ofType(sim.drainEvents(), 'abandoned').map((e) => [e.ticket, e.t, e.satisfaction])).toEqual([[2, 41, 0]]);
    // ticket 1 is in service past its abandon time (40) and stays
    expect(sim.ticket(1)!.phase).toBe('service');
    sim.advanceTo(100.5); // triage done at 100: back in the queue for the reply, past abandon time: leaves
    expect(sim.ticket(1)).toBeUndefined();
    expect(sim.view().counts).toEqual({ arrived: 2, resolved: 0, abandoned: 2, inSystem: 0 });
  });

  it('satisfaction falls past patience, with mood events at each quarter, and penalties', () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 1, serviceTime: { triage: 400, reply: 10 } }, billing, it1],
      arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'question' }] },
      customers: { patience: 60, abandonAfter: 10, dropPerMinuteLate: 0.25 },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(400);
    const moods = ofType(sim.drainEvents(), 'mood').map((e) => [e.t, e.satisfaction]);
    expect(moods).toEqual([[120, 0.75], [180, 0.5], [240, 0.25], [300, 0]]);
  });

  it('escalation adds a step after the current one, once', () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 1, skills: ['triage', 'reply', 'escalation'], serviceTime: { triage: 100, reply: 10, escalation: 30 } }, billing, it1],
      arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'question' }] },
      customers: { patience: 50, abandonAfter: 10, escalateChance: 1 },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(51);
    expect(sim.ticket(1)!.journey).toEqual(['triage', 'escalation', 'reply']);
    expect(sim.ticket(1)!.escalated).toBe(true);
    sim.runToEnd();
    const res = ofType(sim.drainEvents(), 'resolved')[0]!;
    expect(res.totalSeconds).toBe(140);
  });

  it('customer names come from the level in turn (numbered when both are still waiting)', () => {
    const lvl = makeLevel({ arrivals: { ratePerMinute: 10 }, customers: { names: ['Ada', 'Bo'] } });
    const sim = createSim(lvl, 3);
    sim.advanceTo(120);
    const names = ofType(sim.drainEvents(), 'arrive').map((e) => e.customer);
    expect(names.length).toBeGreaterThan(4);
    expect(names.slice(0, 2)).toEqual(['Ada', 'Bo']);
    names.forEach((n) => expect(n).toMatch(/^(Ada|Bo)( \d+)?$/));
  });
});

describe('internal requests and level events', () => {
  it('a granted request speeds up the requester when done; a neglected one slows it, up to maxSteps', () => {
    const mk = (grant: boolean) =>
      makeLevel({
        arrivals: { ratePerMinute: 0 },
        durationSeconds: 1200,
        actions: { grantRequests: true },
        internalRequests: [
          { id: 'kit', title: 'Kit', from: 'tier-1', to: 'it', at: 10, workSeconds: 50, dueWithin: 100, effect: { kind: 'speed', factor: 0.5 }, neglect: { kind: 'slowdown', factor: 2, everySeconds: 100, maxSteps: 3 }, autoGrant: grant },
        ],
      });
    const good = createSim(mk(true), 1);
    good.runToEnd();
    expect(good.view().departments[0]!.speedFactor).toBe(0.5);
    expect(good.view().requests[0]).toMatchObject({ status: 'done', openedAt: 10, dueAt: 110, doneAt: 60, overdue: false });
    expect(good.metrics().requests).toEqual({ total: 1, onTime: 1, late: 0, open: 0 });
    const bad = createSim(mk(false), 1);
    bad.advanceTo(250);
    expect(bad.view().departments[0]!.speedFactor).toBe(4); // due at 110, again at 210
    expect(bad.apply({ type: 'grant', request: 'kit' })).toEqual({ ok: true });
    bad.runToEnd();
    // done late at 300: the slowdown stops growing but stays, and the effect still applies
    expect(bad.view().departments[0]!.speedFactor).toBe(2);
    expect(bad.view().requests[0]).toMatchObject({ status: 'done', overdue: true, doneAt: 300 });
    expect(bad.score().parts.find((p) => p.key === 'requestsOnTime')!.value).toBe(0);
  });

  it('hire adds people after the ramp; loseStaff takes them away when late', () => {
    const lvl = makeLevel({
      arrivals: { ratePerMinute: 0 },
      internalRequests: [
        { id: 'hire', title: 'Hire', from: 'billing', to: 'tier-1', at: 0, workSeconds: 30, dueWithin: 100, autoGrant: true, effect: { kind: 'hire', staff: 2, rampSeconds: 60 } },
        { id: 'tools', title: 'Tools', from: 'it', to: 'billing', at: 0, workSeconds: 30, dueWithin: 50, effect: { kind: 'speed', factor: 0.9 }, neglect: { kind: 'loseStaff', staff: 5 } },
      ],
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(89);
    expect(sim.view().departments.map((d) => d.staff)).toEqual([2, 2, 0]);
    sim.advanceTo(90);
    expect(sim.view().departments.map((d) => d.staff)).toEqual([2, 4, 0]);
  });

  it('an outage stops new jobs; an absence takes people once they finish; a surge raises arrivals', () => {
    const lvl = makeLevel({
      durationSeconds: 3000,
      arrivals: { ratePerMinute: 2, stopAt: 3000 },
      events: [
        { kind: 'outage', id: 'down', trigger: 'facilitator', department: 'tier-1', durationSeconds: 200 },
        { kind: 'surge', at: 1000, factor: 5, durationSeconds: 1000 },
      ],
    });
    const sim = createSim(lvl, 2);
    sim.advanceTo(300);
    sim.drainEvents();
    expect(sim.apply({ type: 'inject', event: 'down' })).toEqual({ ok: true });
    expect(sim.apply({ type: 'inject', event: 'down' })).toMatchObject({ ok: false, reason: expect.stringMatching(/already/) });
    sim.advanceTo(500);
    const starts = ofType(sim.drainEvents(), 'jobStart').filter((e) => e.dept === 'tier-1');
    expect(starts.every((e) => e.t < 300 || e.t >= 500)).toBe(true);
    expect(starts.some((e) => e.t === 500)).toBe(true);
    sim.runToEnd();
    const arrivals = ofType(createSimEvents(lvl), 'arrive');
    const inSurge = arrivals.filter((e) => e.t >= 1000 && e.t < 2000).length;
    const outside = arrivals.filter((e) => e.t >= 2000).length;
    expect(inSurge).toBeGreaterThan(3 * outside);
  });

  it('extend moves the end; status lights follow the queue', () => {
    const lvl = makeLevel({ departments: [{ ...tier1, staff: 0, queueWarning: 2, queueLimit: 3 }, billing, it1], arrivals: { ratePerMinute: 0, scripted: [0, 1, 2].map((at) => ({ at, workType: 'question' })) } });
    const sim = createSim(lvl, 1);
    sim.advanceTo(10);
    expect(ofType(sim.drainEvents(), 'status').map((e) => [e.t, e.status])).toEqual([[1, 'amber'], [2, 'red']]);
    expect(sim.apply({ type: 'extend', seconds: 60 })).toEqual({ ok: true });
    sim.runToEnd();
    expect(sim.now()).toBe(660);
    expect(sim.view().end).toBe(660);
    expect(sim.timeline()).toHaveLength(67);
    expect(sim.apply({ type: 'extend', seconds: 60 })).toMatchObject({ ok: false, reason: expect.stringMatching(/over/) });
  });
});

function createSimEvents(lvl: ReturnType<typeof makeLevel>): SimEvent[] {
  const s = createSim(lvl, 2);
  s.runToEnd();
  return s.drainEvents();
}
