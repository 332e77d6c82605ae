/**
 * Timers that will never fire (a customer served before their patience ran out) do not pile up in the
 * heap: a long run keeps no more pending events than a short one, counts no more events per hour, and
 * sweeping them out changes nothing (a replay and the run it replays reach the same hash).
 */
import { describe, expect, it } from 'vitest';
import { Level, type LevelInput } from '../level/schema';
import { createSim, replay, restoreSim, runPolicy } from './index';
import { makeLevel } from './testing/levels';
import type { Sim } from './types';

/** One quick desk, customers who would wait four hours: nearly every patience timer goes stale. */
function patientLevel(hours: number): Level {
  const lvl = Level.parse({
    formatVersion: 1,
    id: 'patient',
    title: 'Patient customers',
    texts: { briefing: ['Test.'], goal: 'Test.' },
    durationSeconds: 3600,
    departments: [
      { id: 'desk', name: 'Desk', position: { x: 50, y: 50 }, staff: 4, skills: ['serve'], serviceTime: { serve: { kind: 'exponential', mean: 5 } } },
    ],
    workTypes: [{ id: 'job', name: 'Job', shape: 'circle', journey: [{ skill: 'serve' }] }],
    arrivals: { ratePerMinute: 20 },
    customers: { patience: { kind: 'exponential', mean: 4 * 3600 } },
    autoRoute: 'all',
    scoring: {
      targets: { meanResolutionSeconds: 60, p95ResolutionSeconds: 120, staffSecondsPerCustomer: 30 },
      stars: [40, 60, 80],
    },
  } satisfies LevelInput);
  // Past the schema's two hours on purpose: the sim itself has no limit.
  const d = hours * 3600;
  return { ...lvl, durationSeconds: d, arrivals: { ...lvl.arrivals, stopAt: d } };
}

function peakPending(sim: Sim, every: number): number {
  let peak = 0;
  for (let t = every; t <= sim.view().end; t += every) {
    sim.advanceTo(t);
    peak = Math.max(peak, sim.pendingEvents());
  }
  return peak;
}

describe('stale timers', () => {
  it('a ten-hour run keeps no more pending events, and no more events an hour, than a one-hour run', () => {
    const short = createSim(patientLevel(1), 4, { recordEvents: false, sampleEvery: 0 });
    const long = createSim(patientLevel(10), 4, { recordEvents: false, sampleEvery: 0 });
    const shortPeak = peakPending(short, 60);
    const longPeak = peakPending(long, 60);
    expect(long.metrics().customers.resolved).toBeGreaterThan(10_000);
    // Left in the heap, the stale timers of ten hours would be thousands (about 20 a minute for hours).
    expect(longPeak).toBeLessThan(Math.max(2 * shortPeak, 500));
    const perHour = long.eventsProcessed() / 10;
    expect(perHour).toBeLessThan(short.eventsProcessed() * 1.1);
  });

  it('a run played live and its replay from the command log reach the same state', () => {
    const base = makeLevel({ durationSeconds: 3600, arrivals: { ratePerMinute: 30 } });
    const level: Level = {
      ...base,
      customers: { ...base.customers, patience: { kind: 'exponential', mean: 1200 } },
      departments: base.departments.map((d) => ({ ...d, staff: d.staff * 15 })),
    };
    const live = createSim(level, 2, { recordEvents: false });
    // A sweep shows as a sudden drop of pending events; the replay catches up event by event and sweeps
    // at other moments.
    let sweeps = 0;
    for (let t = 0.5; t <= level.durationSeconds; t += 0.5) {
      const before = live.pendingEvents();
      live.advanceTo(t);
      if (live.pendingEvents() < before - 100) sweeps++;
      for (const d of live.view().departments) {
        for (const id of [...d.outbox]) {
          const T = live.ticket(id)!;
          const to = level.departments.find((x) => x.skills.includes(T.journey[T.step]!));
          live.apply({ type: 'route', ticket: id, to: to!.id, care: id % 2 ? 'quick' : 'thorough' });
        }
      }
    }
    live.runToEnd();
    const m = live.metrics();
    expect(m.customers.resolved).toBeGreaterThan(400);
    expect(sweeps).toBeGreaterThan(0);
    const again = replay(level, 2, live.commandLog(), undefined, { recordEvents: false });
    expect(again.hash()).toBe(live.hash());
    expect(again.metrics()).toEqual(m);
    // A log written when stale timers still counted as events holds larger counts: replay stops at
    // each command's time all the same.
    const older = live.commandLog().map((e, i) => ({ ...e, after: (e.after ?? 0) + 40 + i * 7 }));
    expect(replay(level, 2, older, undefined, { recordEvents: false }).metrics()).toEqual(m);
    // A headless player is also asked at stale timers' moments; its replay sweeps them at other moments.
    const played = runPolicy(level, 3, 'random');
    expect(replay(level, 3, played.commandLog()).hash()).toBe(played.hash());
  });

  it('the customers\' timers keep their own heap, but a snapshot holds every pending event in one, in running order', () => {
    const sim = createSim(patientLevel(1), 6, { recordEvents: false });
    sim.advanceTo(1800);
    const state = sim.snapshot().state as { heap: { t: number[]; q: number[]; n: number; seq: number }; timers?: unknown };
    expect('timers' in state).toBe(false);
    const h = state.heap;
    expect(h.n).toBe(sim.pendingEvents());
    // patience timers of the customers in the company, and the desk's jobs and the next arrival
    expect(h.n).toBeGreaterThan(sim.view().counts.inSystem);
    for (let i = 1; i < h.n; i++) expect(h.t[i - 1]! < h.t[i]! || (h.t[i - 1] === h.t[i] && h.q[i - 1]! < h.q[i]!)).toBe(true);
    const back = restoreSim(patientLevel(1), JSON.parse(JSON.stringify(sim.snapshot())));
    expect(back.pendingEvents()).toBe(sim.pendingEvents());
    expect(back.hash()).toBe(sim.hash());
    sim.runToEnd();
    back.runToEnd();
    expect(back.hash()).toBe(sim.hash());
    expect(back.metrics()).toEqual(sim.metrics());
  });
});
