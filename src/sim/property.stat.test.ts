/** Property tests: random valid levels and random command sequences never break the invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Level, type LevelInput } from '../level/schema';
import { createSim, replay, runPolicy } from './index';
import type { Command, Sim, SimEvent } from './types';

const SKILLS = ['triage', 'fix', 'repair', 'reply', 'escalation'];
const DEPTS = ['tier-1', 'billing', 'it', 'boss'];

const dist = fc.oneof(
  fc.integer({ min: 0, max: 60 }),
  fc.record({ kind: fc.constant('exponential' as const), mean: fc.double({ min: 1, max: 60, noNaN: true }) }),
  fc.record({ kind: fc.constant('uniform' as const), min: fc.integer({ min: 0, max: 20 }), max: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('lognormal' as const), mean: fc.double({ min: 1, max: 60, noNaN: true }), sd: fc.double({ min: 0, max: 40, noNaN: true }) }),
  fc.record({ kind: fc.constant('fixed' as const), value: fc.integer({ min: 0, max: 30 }) }),
);

const levelArb: fc.Arbitrary<Level> = fc
  .record({
    nd: fc.oneof({ weight: 1, arbitrary: fc.constant(1) }, { weight: 4, arbitrary: fc.integer({ min: 2, max: 4 }) }),
    skillsets: fc.array(fc.subarray(SKILLS, { minLength: 1 }), { minLength: 4, maxLength: 4 }),
    staff: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) }), { minLength: 4, maxLength: 4 }),
    times: fc.array(dist, { minLength: 5, maxLength: 5 }),
    journeys: fc.array(fc.array(fc.constantFrom(...SKILLS.slice(0, 4)), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    risks: fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
    rate: fc.integer({ min: 0, max: 200 }).map((x) => x / 10),
    spread: fc.constantFrom('exponential' as const, 'fixed' as const, 'uniform' as const, 'lognormal' as const),
    duration: fc.integer({ min: 30, max: 600 }),
    patience: fc.oneof(fc.integer({ min: 20, max: 600 }), dist),
    abandonAfter: fc.double({ min: 1, max: 4, noNaN: true }),
    escalate: fc.double({ min: 0, max: 1, noNaN: true }),
    chances: fc.array(fc.integer({ min: 0, max: 100 }).map((x) => x / 100), { minLength: 4, maxLength: 4 }),
    noteTimes: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
    autoRoute: fc.oneof(fc.constant<'none' | 'all' | string[]>('none'), fc.constant<'none' | 'all' | string[]>('all'), fc.constant<'none' | 'all' | string[]>(['w0'])),
    actions: fc.record({ route: fc.constantFrom(true, true, true, false), handoffCare: fc.boolean(), moveStaff: fc.boolean(), grantRequests: fc.boolean(), reprioritise: fc.boolean() }),
    withEvents: fc.boolean(),
    withRequests: fc.boolean(),
    care: fc.constantFrom('quick' as const, 'thorough' as const),
  })
  .map((r) => {
    const ids = DEPTS.slice(0, r.nd);
    const input: LevelInput = {
      formatVersion: 1,
      id: 'prop',
      title: 'Property',
      texts: { briefing: ['x'], goal: 'x' },
      durationSeconds: r.duration,
      departments: ids.map((id, i) => {
        const skills = r.skillsets[i]!;
        return {
          id,
          name: id,
          position: { x: 10 * i, y: 10 },
          staff: r.staff[i]!,
          skills,
          serviceTime: Object.fromEntries(skills.map((s, k) => [s, r.times[(i + k) % 5]!])),
          handoffCare: r.care,
          queueWarning: 2,
          queueLimit: 4,
        };
      }),
      workTypes: r.journeys.map((j, i) => ({ id: `w${i}`, name: `W${i}`, shape: 'circle' as const, handoffRisk: r.risks[i]!, journey: j.map((skill) => ({ skill })) })),
      arrivals: { ratePerMinute: r.rate, spread: r.spread, schedule: [{ from: r.duration / 3, ratePerMinute: r.rate * 2 }], scripted: [{ at: 1, workType: 'w0', name: 'Pat' }] },
      customers: { patience: r.patience, abandonAfter: r.abandonAfter, escalateChance: r.escalate },
      handoffs: {
        quickReworkChance: r.chances[0]!,
        quickBounceChance: r.chances[1]!,
        thoroughReworkChance: r.chances[2]! / 4,
        thoroughBounceChance: r.chances[3]! / 4,
        quickNoteSeconds: r.noteTimes[0]!,
        thoroughNoteSeconds: r.noteTimes[1]!,
        clarifySeconds: r.noteTimes[2]!,
        misrouteTriageSeconds: r.noteTimes[3]!,
        transferSeconds: r.noteTimes[4]! / 5,
      },
      autoRoute: r.autoRoute,
      actions: r.actions,
      events: r.withEvents
        ? [
            { kind: 'absence', at: r.duration / 4, department: ids[0]!, staff: 1, durationSeconds: r.duration / 3 },
            { kind: 'outage', id: 'down', trigger: 'facilitator', department: ids[ids.length - 1]!, durationSeconds: 30 },
            { kind: 'surge', at: r.duration / 2, factor: 3, durationSeconds: 60 },
          ]
        : [],
      internalRequests: r.withRequests
        ? [
            { id: 'kit', title: 'Kit', from: ids[0]!, to: ids[ids.length - 1]!, at: 10, workSeconds: 20, dueWithin: 40, effect: { kind: 'speed', factor: 0.8 }, neglect: { kind: 'slowdown', factor: 1.5, everySeconds: 10, maxSteps: 3 } },
            { id: 'hire', title: 'Hire', from: ids[0]!, to: ids[0]!, at: 5, workSeconds: 10, dueWithin: 30, autoGrant: true, effect: { kind: 'hire', staff: 1, rampSeconds: 10 }, neglect: { kind: 'loseStaff', staff: 2 } },
            { id: 'qa', title: 'QA', from: ids[ids.length - 1]!, to: ids[0]!, at: 20, workSeconds: 5, dueWithin: 5, effect: { kind: 'quality', factor: 0.5 }, neglect: { kind: 'quality', factor: 2 } },
          ]
        : [],
      scoring: { targets: { meanResolutionSeconds: 60, p95ResolutionSeconds: 120, staffSecondsPerCustomer: 60 }, stars: [30, 60, 90] },
    };
    return Level.parse(input);
  });

const cmdArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('route' as const), ticket: fc.integer({ min: 0, max: 40 }), to: fc.constantFrom(...DEPTS, 'nowhere'), care: fc.constantFrom('quick' as const, 'thorough' as const, undefined) }),
  fc.record({ type: fc.constant('setPolicy' as const), department: fc.constantFrom(...DEPTS), care: fc.constantFrom('quick' as const, 'thorough' as const) }),
  fc.record({ type: fc.constant('moveStaff' as const), from: fc.constantFrom(...DEPTS), to: fc.constantFrom(...DEPTS) }),
  fc.record({ type: fc.constant('grant' as const), request: fc.constantFrom('kit', 'hire', 'qa', 'nope') }),
  fc.record({ type: fc.constant('prioritise' as const), department: fc.constantFrom(...DEPTS), ticket: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ type: fc.constant('inject' as const), event: fc.constantFrom('down', 'absence-1', 'nope') }),
  fc.record({ type: fc.constant('extend' as const), seconds: fc.oneof(fc.integer({ min: -10, max: 120 }), fc.constant(Number.NaN)) }),
);

/** Every ticket sits in exactly one place that matches its phase; counters add up; nothing negative. */
function checkInvariants(sim: Sim): void {
  const v = sim.view();
  const c = v.counts;
  expect(c.arrived).toBe(c.resolved + c.abandoned + c.inSystem);
  const seen = new Map<number, string>();
  for (const d of v.departments) {
    expect(d.busy).toBeGreaterThanOrEqual(0);
    expect(d.staff).toBeGreaterThanOrEqual(0);
    expect(d.away).toBeGreaterThanOrEqual(0);
    for (const [list, where] of [[d.inbox, 'inbox'], [d.pending, 'pending'], [d.outbox, 'outbox']] as const) {
      for (const id of list) {
        expect(seen.has(id), `ticket ${id} twice`).toBe(false);
        seen.set(id, `${where}:${d.id}`);
      }
    }
  }
  const tickets = [...(v.tickets as ReadonlyMap<number, ReturnType<Sim['ticket']>>).values()];
  expect(tickets.length).toBe(c.inSystem);
  for (const T of tickets) {
    if (!T) continue;
    const at = seen.get(T.id);
    if (T.phase === 'queued') expect(at === `inbox:${T.dept}` || at === `pending:${T.dept}`).toBe(true);
    else if (T.phase === 'outbox') expect(at).toBe(`outbox:${T.dept}`);
    else expect(at).toBeUndefined();
    if (T.phase === 'service') expect(T.job && T.job.end >= T.job.start && T.job.end >= v.t - 1e-9).toBeTruthy();
    if (T.phase === 'transit') expect(T.transit && T.transit.arriveAt >= T.transit.departAt).toBeTruthy();
    expect(T.satisfaction).toBeGreaterThanOrEqual(0);
    expect(T.satisfaction).toBeLessThanOrEqual(1);
    expect(T.step).toBeLessThan(T.journey.length);
  }
  expect(seen.size).toBe(tickets.filter((T) => T && (T.phase === 'queued' || T.phase === 'outbox')).length);
}

function checkFinished(events: SimEvent[]): void {
  for (const e of events) {
    if (e.type !== 'resolved' && e.type !== 'abandoned') continue;
    expect(e.totalSeconds).toBeGreaterThanOrEqual(0);
    let sum = 0;
    for (const s of e.segments) {
      expect(s.to).toBeGreaterThanOrEqual(s.from);
      sum += s.to - s.from;
    }
    expect(Math.abs(sum - e.totalSeconds)).toBeLessThan(1e-6);
  }
}

describe('properties', () => {
  it('random levels and commands: no exceptions, no lost or duplicated tickets, no negative times', () => {
    const seen = { arrived: 0, withHandoffs: 0, abandoned: 0, runs: 0 };
    fc.assert(
      fc.property(levelArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000), cmdArb), { maxLength: 40 }), fc.integer(), (level, cmds, seed) => {
        const sim = createSim(level, seed);
        const sorted = [...cmds].sort((a, b) => a[0] - b[0]);
        for (const [frac, cmd] of sorted) {
          sim.advanceTo(frac * level.durationSeconds);
          checkInvariants(sim);
          // route what waits in outboxes: the first one where the command says (maybe wrong), the rest right
          let first = true;
          for (const d of sim.view().departments) {
            for (const id of [...d.outbox]) {
              const T = sim.ticket(id)!;
              const right = level.departments.find((x) => x.id !== d.id && x.skills.includes(T.journey[T.step]!));
              const to = first && cmd.type === 'route' ? cmd.to : (right?.id ?? 'nowhere');
              first = false;
              sim.apply({ type: 'route', ticket: id, to, care: id % 2 ? 'quick' : 'thorough' });
            }
          }
          const r = sim.apply(cmd);
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
          checkInvariants(sim);
        }
        sim.runToEnd();
        checkInvariants(sim);
        checkFinished(sim.drainEvents());
        const m = sim.metrics();
        seen.runs++;
        seen.arrived += m.customers.arrived;
        seen.abandoned += m.customers.abandoned;
        if (m.handoffs.total > 0) seen.withHandoffs++;
        expect(m.customers.arrived).toBe(m.customers.resolved + m.customers.abandoned + m.customers.inSystem);
        for (const v of Object.values(m.attribution)) expect(v).toBeGreaterThan(0);
        for (const d of Object.values(m.departments)) {
          expect(d.meanQueueWait).toBeGreaterThanOrEqual(0);
          expect(d.utilization).toBeGreaterThanOrEqual(0);
          expect(d.utilization).toBeLessThanOrEqual(1 + 1e-9);
        }
        const score = sim.score();
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(100);
        // and the run replays exactly
        expect(replay(level, seed, sim.commandLog()).hash()).toBe(sim.hash());
      }),
      { numRuns: 120 },
    );
    // the generated worlds are not trivially empty. Worlds with a handoff: 35 to 43 of 120 in six runs
    // (about 0.32 each, so a tenth is over four standard deviations below). The handoffs' total was
    // asked before and is heavy-tailed (91 to 619 in seven runs): a CI run failed on 91 against 120.
    expect(seen.arrived).toBeGreaterThan(seen.runs * 10);
    expect(seen.withHandoffs).toBeGreaterThanOrEqual(seen.runs / 10);
    expect(seen.abandoned).toBeGreaterThan(0);
  });

  it('policies on random levels keep the invariants and replay exactly', () => {
    let handoffs = 0;
    let runsWithHandoffs = 0;
    fc.assert(
      fc.property(levelArb, fc.constantFrom('random' as const, 'siloed' as const, 'wholistic' as const), fc.integer(), (level, policy, seed) => {
        const sim = runPolicy(level, seed, policy, { recordEvents: true });
        checkInvariants(sim);
        checkFinished(sim.drainEvents());
        const m = sim.metrics();
        handoffs += m.handoffs.total;
        if (m.handoffs.total > 0) runsWithHandoffs++;
        expect(replay(level, seed, sim.commandLog(), undefined, { recordEvents: false }).hash()).toBe(sim.hash());
      }),
      { numRuns: 60 },
    );
    // The generated worlds are not trivially empty. The total number of handoffs is heavy-tailed (93 to
    // 699 over 60 runs, so a fixed floor of 100 failed now and then); the number of runs that hand any
    // work on is about 18 of 60 (14 to 21 seen), so at least 5 fails only when the generator is broken.
    expect(handoffs).toBeGreaterThan(0);
    expect(runsWithHandoffs).toBeGreaterThanOrEqual(5);
  });
});
