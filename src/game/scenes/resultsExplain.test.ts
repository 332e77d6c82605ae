import { describe, expect, it } from 'vitest';
import { explainRun } from '../../sim/explain';
import { runPolicy } from '../../sim/index';
import { makeLevel } from '../../sim/testing/levels';
import { causeLines, causeWords, duration, gaveUpLines, notesLine, partMeasure, scoreRows, WORK_ITSELF } from './resultsExplain';

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
  handoffs: { quickReworkChance: 0.5, quickBounceChance: 0.3, reworkTime: 90, clarifySeconds: 40 },
  actions: { route: true, handoffCare: true },
  arrivals: { ratePerMinute: 4 },
});

describe('results words', () => {
  const sim = runPolicy(level, 3, 'siloed');
  const m = sim.metrics();
  const exp = explainRun(level, 3, sim.commandLog());

  it('durations in real units', () => {
    expect(duration(45)).toBe('45 s');
    expect(duration(220)).toBe('3 min 40 s');
    expect(duration(3900)).toBe('1 h 5 min');
  });

  it('cause lines add up to all customer time, folded or not', () => {
    for (const max of [Infinity, 4]) {
      const lines = causeLines(exp, level, max);
      expect(lines.reduce((a, l) => a + l.seconds, 0)).toBeCloseTo(exp.totalSeconds, 6);
      expect(lines.reduce((a, l) => a + l.share, 0)).toBeCloseTo(1, 9);
    }
    expect(causeLines(exp, level, 4)).toHaveLength(4);
  });

  it('folded or not, every line names a kind and a place, and each cause is on exactly one line', () => {
    const names = level.departments.map((d) => d.name);
    for (const max of [Infinity, 8, 6, 5, 4, 3]) {
      const lines = causeLines(exp, level, max);
      const keys = lines.flatMap((l) => l.causes).sort();
      expect(keys, `max ${max}`).toEqual(exp.causes.map((c) => c.cause).sort());
      for (const l of lines) {
        expect(l.text).not.toMatch(/smaller|together|other waits/);
        if (l.cause === 'transit') continue;
        expect(names.some((n) => l.text.includes(n)) || l.text === WORK_ITSELF, `"${l.text}" names a desk`).toBe(true);
        const kinds = new Set(l.causes.map((c) => c.split(':')[0]));
        if (l.cause.startsWith('kind:') || l.causes.length === 1) expect(kinds.size, l.text).toBe(1);
      }
    }
    // Room for four lines of 10+ causes: still no line says nothing; only whole families are merged.
    const four = causeLines(exp, level, 4);
    expect(exp.causes.length).toBeGreaterThan(8);
    for (const l of four) expect(l.cause).toMatch(/^(kind:|family:|service$|[a-z]+:)/);
  });

  it('names every customer who gave up, once', () => {
    const text = gaveUpLines(exp, level).join('\n');
    expect(exp.gaveUp.length).toBeGreaterThan(0);
    for (const g of exp.gaveUp) expect(text).toContain(g.customer);
    const mentions = exp.gaveUp.reduce((a, g) => a + text.split(g.customer).length - 1, 0);
    expect(mentions).toBe(exp.gaveUp.length);
  });

  it('parts show their own measures, different where the measures differ', () => {
    const { rows, unserved } = scoreRows(level, m, sim.score());
    const measures = rows.map((r) => r.measure);
    expect(new Set(measures).size).toBe(measures.length);
    expect(partMeasure('meanTime', level, m)).toContain('target');
    expect(unserved?.points).toBeGreaterThan(0);
  });

  it('causes in plain words with department names', () => {
    const name = level.departments[0]!.name;
    expect(causeWords(`queue:${level.departments[0]!.id}`, level)).toBe(`waiting in the line at ${name}`);
    expect(causeWords('transit', level)).toBe('travelling between desks');
  });
});

describe('who gave up, shorter when room is short', () => {
  it('every customer who gave up is named once at every length, in fewer lines', () => {
    const busy = makeLevel({ ...level, arrivals: { ratePerMinute: 8 } });
    const sim = runPolicy(busy, 5, 'siloed');
    const exp = explainRun(busy, 5, sim.commandLog());
    expect(exp.gaveUp.length).toBeGreaterThan(3);
    const sizes: number[] = [];
    for (const compact of [0, 1, 2] as const) {
      const lines = gaveUpLines(exp, busy, compact);
      const text = lines.join('\n');
      for (const g of exp.gaveUp) expect(text.split(g.customer).length - 1, `${g.customer} at ${compact}`).toBeGreaterThanOrEqual(1);
      sizes.push(lines.length);
    }
    expect(sizes[1]).toBeLessThanOrEqual(sizes[0]!);
    expect(sizes[2]).toBe(1);
  });
});

describe("the notes' staff time", () => {
  it('says it is every person\'s time added up (it can be longer than the round)', () => {
    const level = makeLevel({ actions: { route: true, handoffCare: true } });
    const sim = runPolicy(level, 3, 'wholistic');
    const exp = explainRun(level, 3, sim.commandLog());
    const m = sim.metrics();
    expect(exp.notesStaffSeconds).toBeGreaterThan(0);
    expect(notesLine({ ...exp, notesStaffSeconds: 425 }, m)).toBe(
      `Writing handoff notes took staff 7 min 5 s, added up (${m.handoffs.thorough} thorough ${m.handoffs.thorough === 1 ? 'handoff' : 'handoffs'}, ${m.handoffs.quick} quick ${m.handoffs.quick === 1 ? 'one' : 'ones'}).`,
    );
  });
});
