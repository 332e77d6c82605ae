/**
 * Hostile sizes: the checker's work is bounded whatever the file (issue 14, item 1). A level of
 * 9,000 departments on one spot used to build every overlapping pair (40 million) before the cap,
 * then spread them into a push: a stack overflow at 800, a dead tab at 9,000.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLevelText, isError, MAX_PROBLEMS } from './check';
import { PAIRWISE_SCAN, SEMANTIC_CAP, semanticCheck } from './semantic';

const example = JSON.parse(
  readFileSync(new URL('../../levels/01-right-desk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** Level 1 with `n` small departments all at the centre of the map, as compact JSON. */
function crowded(n: number): string {
  const departments = Array.from({ length: n }, (_, i) => ({
    id: i === 0 ? 'tier-1' : `d${i.toString(36)}`,
    name: 'D',
    position: { x: 50, y: 50 },
    staff: 1,
    skills: ['triage'],
    serviceTime: { triage: 20 },
  }));
  return JSON.stringify({ ...example, departments, entry: 'tier-1' });
}

describe('a level with thousands of departments on one spot', () => {
  it.each([800, 9000])('%i departments: located problems, capped, no crash', (n) => {
    const text = crowded(n);
    if (n === 9000) expect(text.length).toBeLessThan(1_000_000); // under the file size cap, as in the issue
    const { level, problems } = checkLevelText(text, 'crowd.json');
    expect(level).toBeNull();
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    const messages = problems.map((p) => p.message);
    expect(messages.join('\n')).not.toMatch(/report this to the developers|call stack/);
    expect(messages[0]).toMatch(`departments has too many items (${n}): at most 12`);
    const close = problems.filter((p) => /is too close to "(tier-1|d[0-9a-z]+)"/.test(p.message));
    expect(close.length).toBeGreaterThan(90);
    // Located: each points at its own department's position, not at 1:1.
    expect(new Set(close.map((p) => p.col)).size).toBeGreaterThan(10);
    for (const p of close) expect(text.slice(p.col - 1, p.col + 12)).toBe('{"x":50,"y":5');
    expect(messages.at(-1)).toMatch(/^\.\.\.and at least \d+ more problems/);
  });

  it('the semantic checks stop at their cap and say so', () => {
    const data = JSON.parse(crowded(9000)) as unknown;
    const r = semanticCheck(data);
    expect(r.problems).toHaveLength(SEMANTIC_CAP);
    expect(r.truncated).toBe(true);
    // Pairs are only looked for among the first departments (the format allows 12).
    const flagged = r.problems.map((p) => p.path[1] as number).filter((i) => typeof i === 'number');
    expect(Math.max(...flagged.slice(0, 100))).toBeLessThan(PAIRWISE_SCAN);
  });

  it('thousands of broken items in every list are counted, the first ones placed', () => {
    const level = JSON.parse(crowded(12)) as Record<string, unknown> & { arrivals: Record<string, unknown> };
    level.departments = Array.from({ length: 3000 }, () => ({ id: 'Bad Id', staff: -1 }));
    level.arrivals = {
      ...level.arrivals,
      scripted: Array.from({ length: 6000 }, () => ({ at: -1, workType: 'x' })),
    };
    const { problems } = checkLevelText(JSON.stringify(level), 'broken.json');
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.slice(0, MAX_PROBLEMS).every(isError)).toBe(true);
    expect(problems.slice(0, MAX_PROBLEMS).some((p) => p.col > 1)).toBe(true);
    expect(problems.at(-1)?.message).toMatch(/more problems/);
  });

  it('a handful of problems still lists them all with no "more" line', () => {
    const { problems } = checkLevelText(crowded(3), 'three.json');
    expect(problems.every((p) => !/more problems/.test(p.message))).toBe(true);
    expect(problems.filter((p) => /too close/.test(p.message))).toHaveLength(3);
  });
});

describe('scoring weights', () => {
  const withWeights = (weights: Record<string, number>) =>
    JSON.stringify({ ...example, scoring: { ...(example.scoring as object), weights } });
  const zero = {
    satisfaction: 0,
    resolved: 0,
    meanTime: 0,
    p95Time: 0,
    firstContact: 0,
    effort: 0,
    handoffQuality: 0,
    requestsOnTime: 0,
    cost: 0,
  };
  it('all 0 is a warning that says every play scores 0', () => {
    const { level, problems } = checkLevelText(withWeights(zero), 'zero.json');
    expect(level).not.toBeNull();
    expect(problems.map((p) => p.message).join('\n')).toMatch(/weight 0.*every play scores 0/);
  });
  it('one part above 0, or a part left at its default, is fine', () => {
    for (const w of [
      { ...zero, cost: 1 },
      { ...zero, satisfaction: undefined as unknown as number },
    ]) {
      const { problems } = checkLevelText(withWeights(w), 'w.json');
      expect(problems.some((p) => /every play scores 0/.test(p.message))).toBe(false);
    }
  });
});
