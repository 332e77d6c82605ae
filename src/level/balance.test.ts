import { describe, expect, it } from 'vitest';
import {
  balanceLevel,
  balanceWarnings,
  formatReport,
  summarise,
  type PolicyName,
  type RunResult,
} from './balance';
import type { Level } from './schema';

const level = { id: 'demo' } as Level;
const runs = (totals: number[], stars: (number | null)[]): RunResult[] =>
  totals.map((total, i) => ({ total, stars: stars[i] ?? null }));

describe('summarise', () => {
  it('mean, sample sd, range and star counts', () => {
    const s = summarise('random', runs([10, 20, 30], [0, 1, 3]));
    expect(s).toMatchObject({ runs: 3, mean: 20, min: 10, max: 30, stars: [1, 1, 0, 1] });
    expect(s.sd).toBeCloseTo(10);
    expect(summarise('idle', runs([5], [null])).stars).toBeNull();
  });
});

describe('balanceWarnings', () => {
  const stat = (policy: PolicyName, mean: number, stars: [number, number, number, number] | null) => ({
    policy,
    runs: 10,
    mean,
    sd: 0,
    min: mean,
    max: mean,
    stars,
  });
  it('is quiet for a well-balanced level', () => {
    expect(
      balanceWarnings([
        stat('idle', 5, [10, 0, 0, 0]),
        stat('siloed', 50, [2, 5, 3, 0]),
        stat('wholistic', 85, [0, 0, 2, 8]),
      ]),
    ).toEqual([]);
  });
  it('applies each rule at its boundary', () => {
    expect(balanceWarnings([stat('wholistic', 85, [0, 0, 5, 5])])).toEqual([]);
    expect(balanceWarnings([stat('wholistic', 85, [0, 0, 6, 4])])[0]).toMatch(
      /3 stars on only 4 of 10 seeds/,
    );
    expect(balanceWarnings([stat('siloed', 60, [0, 5, 5, 0])])).toEqual([]);
    expect(balanceWarnings([stat('siloed', 60, [0, 4, 5, 1])])[0]).toMatch(
      /Siloed play got 2 or more stars on 6 of 10/,
    );
    expect(balanceWarnings([stat('idle', 30, [9, 1, 0, 0])])[0]).toMatch(/idle\) got a star on 1 of 10/);
    expect(balanceWarnings([stat('humanCareful', 70, [0, 2, 4, 4])])).toEqual([]);
    expect(balanceWarnings([stat('humanCareful', 70, [0, 3, 4, 3])])[0]).toMatch(
      /humanCareful\) got 2 or more stars on only 7 of 10/,
    );
    expect(balanceWarnings([stat('humanCareless', 50, [4, 4, 2, 0])])).toEqual([]);
    expect(balanceWarnings([stat('humanCareless', 50, [4, 3, 2, 1])])[0]).toMatch(
      /humanCareless\) got 2 or more stars on 3 of 10/,
    );
    expect(balanceWarnings([stat('siloed', 60, null), stat('wholistic', 62, null)])[0]).toMatch(
      /does not clearly beat siloed/,
    );
  });
});

describe('balanceLevel', () => {
  it('runs every policy on seeds 1..N and formats a table', () => {
    const calls: string[] = [];
    const report = balanceLevel(level, 4, (_l, seed, policy) => {
      calls.push(`${policy}:${seed}`);
      const total = { idle: 0, random: 30, siloed: 50, wholistic: 90, humanCareful: 80, humanCareless: 45 }[
        policy
      ];
      return { total: total + seed, stars: total >= 90 ? 3 : total >= 80 ? 2 : total >= 50 ? 1 : 0 };
    });
    expect(calls).toHaveLength(24);
    expect(calls[0]).toBe('idle:1');
    expect(report.warnings).toEqual([]);
    const text = formatReport(report).join('\n');
    expect(text).toMatch(/^demo \(4 seeds\)/);
    expect(text).toMatch(/wholistic\s+92\.5\s+1\.3\s+91\.\.94\s+0\s+0\s+0\s+4/);
  });
});
