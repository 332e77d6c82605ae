/**
 * "Try this next time" comes from this run's causes and only names what the level lets players do:
 * a careless run hears about thorough notes, a careful one does not; a level without the notes choice
 * never suggests it; a run with nothing big left says so.
 */
import { describe, expect, it } from 'vitest';
import { explainRun } from '../../sim/explain';
import { runPolicy } from '../../sim/index';
import { makeLevel } from '../../sim/testing/levels';
import type { Level } from '../../level/schema';
import { adviceFor, NOTHING_BIG, tryNext } from './resultsAdvice';

const notesLevel = makeLevel({
  durationSeconds: 900,
  workTypes: [{ id: 'invoice', name: 'Invoice', shape: 'circle', handoffRisk: 2, journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }] }],
  handoffs: { quickReworkChance: 0.5, quickBounceChance: 0.3, reworkTime: 90, clarifySeconds: 40 },
  actions: { route: true, handoffCare: true },
  arrivals: { ratePerMinute: 3 },
});

function run(level: Level, policy: 'siloed' | 'wholistic', seed = 3) {
  const sim = runPolicy(level, seed, policy);
  return { exp: explainRun(level, seed, sim.commandLog()), m: sim.metrics() };
}

describe('try this next time', () => {
  it('a careless run is told to write thorough notes, naming the desks that had to ask again; a careful one is not', () => {
    const careless = run(notesLevel, 'siloed');
    const advice = tryNext(careless.exp, notesLevel, careless.m);
    expect(advice.length).toBeGreaterThanOrEqual(1);
    expect(advice.length).toBeLessThanOrEqual(2);
    expect(advice.join(' ')).toMatch(/Write thorough notes for handoffs to (Billing|Tier 1)/);
    const careful = run(notesLevel, 'wholistic');
    const calm = tryNext(careful.exp, notesLevel, careful.m);
    expect(calm.join(' ')).not.toMatch(/thorough notes/);
    expect(calm).not.toEqual(advice);
  });

  it('only what the level allows: no notes advice where notes are not a choice', () => {
    const fixed = { ...notesLevel, actions: { ...notesLevel.actions, handoffCare: false } };
    const r = run(fixed, 'siloed');
    expect(adviceFor(r.exp, fixed, r.m).some((a) => /notes/.test(a.text))).toBe(false);
  });

  it('the largest cause first, and only causes worth saying', () => {
    const r = run(notesLevel, 'siloed');
    const all = adviceFor(r.exp, notesLevel, r.m);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.seconds).toBeGreaterThanOrEqual(all[i]!.seconds);
    for (const a of all) expect(a.seconds).toBeGreaterThanOrEqual(Math.max(30, 0.03 * r.exp.totalSeconds));
  });

  it('nothing big to change: it says so', () => {
    const quiet = { causes: [{ cause: 'service:tier-1', seconds: 600 }], totalSeconds: 600, gaveUp: [], notesStaffSeconds: 0, thoroughByWorkType: {} };
    expect(tryNext(quiet, notesLevel, run(notesLevel, 'wholistic').m)).toEqual([NOTHING_BIG]);
  });
});
