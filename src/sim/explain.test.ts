import { describe, expect, it } from 'vitest';
import { explainRun } from './explain';
import { replay, runPolicy } from './index';
import { scoreBreakdown } from './scoring';
import { makeLevel } from './testing/levels';

/** Busy and careless: customers give up, quick notes cause rework. */
const level = makeLevel({
  durationSeconds: 900,
  workTypes: [
    {
      id: 'invoice',
      name: 'Invoice',
      shape: 'circle',
      handoffRisk: 2,
      journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }],
    },
  ],
  handoffs: {
    quickReworkChance: 0.5,
    quickBounceChance: 0.3,
    reworkTime: 90,
    clarifySeconds: 40,
    quickNoteSeconds: 5,
    thoroughNoteSeconds: 30,
  },
  actions: { route: true, handoffCare: true, grantRequests: true },
  arrivals: { ratePerMinute: 4 },
});

describe('explainRun', () => {
  it('accounts for every second of customer time and every customer who gave up', () => {
    const sim = runPolicy(level, 3, 'siloed');
    const m = sim.metrics();
    const exp = explainRun(level, 3, sim.commandLog());
    const attributed = Object.values(m.attribution).reduce((a, b) => a + b, 0);
    expect(attributed).toBeGreaterThan(0);
    expect(exp.totalSeconds).toBeCloseTo(attributed, 6);
    expect(exp.causes.reduce((a, c) => a + c.seconds, 0)).toBeCloseTo(attributed, 6);
    expect(exp.causes.map((c) => c.seconds)).toEqual(
      [...exp.causes.map((c) => c.seconds)].sort((a, b) => b - a),
    );
    expect(m.customers.abandoned).toBeGreaterThan(0);
    expect(exp.gaveUp).toHaveLength(m.customers.abandoned);
    for (const g of exp.gaveUp) expect(g.causes.reduce((a, c) => a + c.seconds, 0)).toBeCloseTo(g.seconds, 6);
    expect(exp.notesStaffSeconds).toBeGreaterThan(0);
  });

  it('a run ended early names only those who gave up before it ended, not those still waiting', () => {
    const full = runPolicy(level, 3, 'siloed');
    const log = full.commandLog();
    const stop = 420;
    const early = replay(level, 3, log, stop);
    const m = early.metrics();
    expect(m.simulatedSeconds).toBe(stop);
    expect(m.customers.inSystem).toBeGreaterThan(0);
    const exp = explainRun(level, 3, log, m.simulatedSeconds);
    expect(exp.gaveUp).toHaveLength(m.customers.abandoned);
    // Replayed to the level's end instead, some of those still waiting at 7:00 give up later.
    expect(explainRun(level, 3, log).gaveUp.length).toBeGreaterThan(m.customers.abandoned);
    // At the natural end, stopping there explains the same run.
    expect(explainRun(level, 3, log, full.metrics().simulatedSeconds)).toEqual(explainRun(level, 3, log));
  });

  it('notes staff time is the number of notes times their length when every handoff is quick', () => {
    const sim = runPolicy(level, 4, 'siloed');
    const exp = explainRun(level, 4, sim.commandLog());
    const h = sim.metrics().handoffs;
    // Siloed play writes quick notes only; notes still being written at the end are cut off there.
    expect(h.thorough).toBe(0);
    expect(exp.notesStaffSeconds).toBeLessThanOrEqual(h.quick * 5 + 1e-9);
    expect(exp.notesStaffSeconds).toBeGreaterThan((h.quick - 3) * 5);
  });
});

describe('scoreBreakdown', () => {
  it('parts minus the one unserved line add up to the total, and each part shows its own measure', () => {
    const sim = runPolicy(level, 3, 'siloed');
    const m = sim.metrics();
    const report = sim.score();
    const b = scoreBreakdown(m, report);
    const sum = b.parts.reduce((a, p) => a + p.rawPoints, 0) - b.unservedPoints;
    expect(sum).toBeCloseTo(
      report.parts.reduce((a, p) => a + p.points, 0),
      6,
    );
    expect(b.coverage).toBeCloseTo(m.customers.resolved / m.customers.arrived, 9);
    expect(b.coverage).toBeLessThan(1);
    expect(b.unservedPoints).toBeGreaterThan(0);
    const fcr = b.parts.find((p) => p.key === 'firstContact')!;
    expect(fcr.raw).toBeCloseTo(m.customers.firstContactResolution, 9);
    const effort = b.parts.find((p) => p.key === 'effort')!;
    expect(effort.raw).toBeCloseTo(1 / (1 + m.customers.meanEffort), 9);
  });
});
