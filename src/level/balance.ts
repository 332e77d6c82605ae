/**
 * Balance report logic (pure): run built-in policies over many seeds, summarise scores and stars,
 * and warn when a level does not teach its point. The runner is passed in, so this file does not
 * depend on the simulation; src/cli/balance.ts plugs in the real one.
 */
import type { Level } from './schema';

export const POLICIES = ['idle', 'random', 'siloed', 'wholistic'] as const;
export type PolicyName = (typeof POLICIES)[number];

export interface RunResult {
  total: number;
  stars: number | null;
}

export type Runner = (level: Level, seed: number, policy: PolicyName) => RunResult;

export interface PolicyStats {
  policy: PolicyName;
  runs: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** How many seeds got 0, 1, 2 and 3 stars; null for levels without stars. */
  stars: [number, number, number, number] | null;
}

export interface BalanceReport {
  levelId: string;
  seeds: number;
  stats: PolicyStats[];
  warnings: string[];
}

export function summarise(policy: PolicyName, results: RunResult[]): PolicyStats {
  const totals = results.map((r) => r.total);
  const n = totals.length;
  const mean = n > 0 ? totals.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n > 1 ? Math.sqrt(totals.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const withStars = results.filter((r) => r.stars !== null);
  const stars: [number, number, number, number] | null = withStars.length > 0 ? [0, 0, 0, 0] : null;
  if (stars)
    for (const r of withStars)
      stars[Math.max(0, Math.min(3, Math.round(r.stars ?? 0))) as 0 | 1 | 2 | 3] += 1;
  return {
    policy,
    runs: n,
    mean,
    sd,
    min: n > 0 ? totals.reduce((a, b) => Math.min(a, b), Infinity) : 0,
    max: n > 0 ? totals.reduce((a, b) => Math.max(a, b), -Infinity) : 0,
    stars,
  };
}

const share = (count: number, runs: number): string => `${count} of ${runs} seeds`;

/**
 * The rules: thoughtful (wholistic) play should usually earn 3 stars; siloed play should usually
 * not earn 2; doing nothing should never earn a star; and wholistic play should clearly out-score siloed play.
 */
export function balanceWarnings(stats: PolicyStats[]): string[] {
  const by = (p: PolicyName): PolicyStats | undefined => stats.find((s) => s.policy === p);
  const out: string[] = [];
  const wholistic = by('wholistic');
  const siloed = by('siloed');
  const idle = by('idle');
  if (wholistic?.stars && wholistic.stars[3] < wholistic.runs * 0.5) {
    out.push(
      `Thoughtful (wholistic) play got 3 stars on only ${share(wholistic.stars[3], wholistic.runs)}: lower the 3-star score or make the level easier.`,
    );
  }
  if (siloed?.stars) {
    const twoPlus = siloed.stars[2] + siloed.stars[3];
    if (twoPlus > siloed.runs * 0.5)
      out.push(
        `Siloed play got 2 or more stars on ${share(twoPlus, siloed.runs)}: raise the 2-star score, or make careless handoffs cost more.`,
      );
  }
  if (idle?.stars) {
    const any = idle.runs - idle.stars[0];
    if (any > 0)
      out.push(`Doing nothing (idle) got a star on ${share(any, idle.runs)}: raise the 1-star score.`);
  }
  if (wholistic && siloed && wholistic.runs > 0 && wholistic.mean < siloed.mean + 5) {
    out.push(
      `Thoughtful play (mean ${wholistic.mean.toFixed(1)}) does not clearly beat siloed play (mean ${siloed.mean.toFixed(1)}): the level may not teach its point.`,
    );
  }
  return out;
}

export function balanceLevel(
  level: Level,
  seeds: number,
  run: Runner,
  policies: readonly PolicyName[] = POLICIES,
): BalanceReport {
  const stats = policies.map((policy) => {
    const results: RunResult[] = [];
    for (let seed = 1; seed <= seeds; seed++) results.push(run(level, seed, policy));
    return summarise(policy, results);
  });
  return { levelId: level.id, seeds, stats, warnings: balanceWarnings(stats) };
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padL = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** A plain-text table: policy, mean, sd, min..max, and seeds per star count. */
export function formatReport(r: BalanceReport): string[] {
  const lines = [
    `${r.levelId} (${r.seeds} seeds)`,
    `  ${pad('policy', 10)} ${padL('mean', 6)} ${padL('sd', 5)} ${padL('min..max', 13)}   stars 0/1/2/3`,
  ];
  for (const s of r.stats) {
    const stars = s.stars ? s.stars.map((n) => padL(String(n), 3)).join(' ') : '  (no stars)';
    lines.push(
      `  ${pad(s.policy, 10)} ${padL(s.mean.toFixed(1), 6)} ${padL(s.sd.toFixed(1), 5)} ${padL(`${s.min.toFixed(0)}..${s.max.toFixed(0)}`, 13)}   ${stars}`,
    );
  }
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines;
}
