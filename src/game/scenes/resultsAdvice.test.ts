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

  it("says that each figure is many customers' time added up (it can be longer than the round)", () => {
    // Playtest 8: 'it sat done in the trays at Tier 1 and Orders for 1 h 7 min' after an 8-minute round.
    const level = makeLevel({
      durationSeconds: 480,
      workTypes: [
        { id: 'invoice', name: 'Invoice', shape: 'circle', handoffRisk: 2, journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }] },
        { id: 'easy', name: 'Question', shape: 'square', handoffRisk: 0.1, journey: [{ skill: 'triage' }, { skill: 'reply' }] },
      ],
      actions: { route: true, handoffCare: true, moveStaff: true },
    });
    const m = run(notesLevel, 'siloed').m;
    const exp = {
      causes: [
        { cause: 'outbox:tier-1', seconds: 2400 },
        { cause: 'outbox:billing', seconds: 1620 },
        { cause: 'rework:tier-1>billing', seconds: 1500 },
        { cause: 'misroute:tier-1>it', seconds: 1200 },
        { cause: 'queue:billing', seconds: 900 },
        { cause: 'notes:tier-1', seconds: 800 },
        { cause: 'service:tier-1', seconds: 600 },
      ],
      totalSeconds: 9020,
      gaveUp: [],
      notesStaffSeconds: 700,
      thoroughByWorkType: { easy: 40 },
    };
    const all = adviceFor(exp, level, m).map((a) => a.text);
    expect(all.length, 'trays, notes, wrong desk, a line, quick notes').toBe(5);
    expect(all[0]).toBe("Send finished work on as soon as it is ready (customers' time in the trays at Tier 1 and Billing, added up: 1 h 7 min).");
    for (const text of all) expect(text).toMatch(/added up/);
  });

  it('nothing big to change: it says so', () => {
    const quiet = { causes: [{ cause: 'service:tier-1', seconds: 600 }], totalSeconds: 600, gaveUp: [], notesStaffSeconds: 0, thoroughByWorkType: {} };
    expect(tryNext(quiet, notesLevel, run(notesLevel, 'wholistic').m)).toEqual([NOTHING_BIG]);
  });
});
