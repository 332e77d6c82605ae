/**
 * Balance report logic (pure): run built-in policies over many seeds, summarise scores and stars,
 * and warn when a level does not teach its point. The runner is passed in, so this file does not
 * depend on the simulation; src/cli/balance.ts plugs in the real one.
 */
import type { Level } from './schema';

export const POLICIES = ['idle', 'random', 'siloed', 'wholistic', 'humanCareful', 'humanCareless'] as const;
export type PolicyName = (typeof POLICIES)[number];

export interface RunResult {
  total: number;
  stars: number | null;
  /** Share of its people's time each desk was busy (0..1), by department id, when the runner knows it. */
  busy?: Record<string, number>;
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
  /** The reasons, in words: winnable or not, how busy each desk was, what each request and event is worth. */
  why?: string[];
}

/** What each built-in player does, for the report's legend and the guide. */
export const POLICY_WORDS: Record<PolicyName, string> = {
  idle: 'does nothing at all: what the level scores by itself',
  random: 'sends finished work to any desk, right or wrong, with quick notes',
  siloed: 'sends work to the right desk at once with quick notes, and ignores requests from colleagues',
  wholistic:
    "thoughtful play: the right desk, careful notes where they pay off, colleagues' requests granted and people moved to where the line is",
  humanCareful:
    "thoughtful play at a person's pace: notices things after about 6 seconds, one thing at a time, now and then a wrong drop",
  humanCareless:
    "own desk first at a person's pace: finished work waits while the desk is busy, then quick notes to the first desk listed",
};

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
 * Share of seeds on which careful human-paced play must earn 2 stars or more, and careless
 * human-paced play at most 1. Not every seed: the same careful player's score spans about +-15 points
 * from one seed's customers to another's, so a rule on every seed could not hold for both at once.
 */
export const HUMAN_SHARE = 0.8;

/**
 * The rules: careful play at a person's pace should earn 2 stars or more and careless play at a
 * person's pace at most 1 (each on HUMAN_SHARE of the seeds); thoughtful (wholistic) play should usually earn 3 stars; siloed play should usually
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
  const careful = by('humanCareful');
  const careless = by('humanCareless');
  if (careful?.stars) {
    const twoPlus = careful.stars[2] + careful.stars[3];
    if (twoPlus < Math.round(careful.runs * HUMAN_SHARE))
      out.push(
        `Careful play at a person's pace (humanCareful) got 2 or more stars on only ${share(twoPlus, careful.runs)}: lower the 2-star score or give players more time.`,
      );
  }
  if (careless?.stars) {
    const twoPlus = careless.stars[2] + careless.stars[3];
    if (twoPlus > careless.runs - Math.round(careless.runs * HUMAN_SHARE))
      out.push(
        `Careless play at a person's pace (humanCareless) got 2 or more stars on ${share(twoPlus, careless.runs)}: raise the 2-star score, or make careless handoffs cost more.`,
      );
  }
  if (wholistic && siloed && wholistic.runs > 0 && wholistic.mean < siloed.mean + 5) {
    out.push(
      `Thoughtful play (mean ${wholistic.mean.toFixed(1)}) does not clearly beat siloed play (mean ${siloed.mean.toFixed(1)}): the level may not teach its point.`,
    );
  }
  return out;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const one = (x: number): string => x.toFixed(1);

/** Winnable or not, in words, from thoughtful play's stars. */
export function winnableWords(stats: PolicyStats[]): string {
  const w = stats.find((s) => s.policy === 'wholistic');
  if (!w || w.runs === 0) return 'Not known: thoughtful play was not run.';
  if (!w.stars)
    return `No stars in this level (a practice level): thoughtful play scores ${one(w.mean)} on average.`;
  const [, a, b, c] = w.stars;
  const any = a + b + c;
  const seeds = `${w.runs} seeds`;
  if (c >= w.runs * 0.5)
    return `Winnable: thoughtful play earns 3 stars on ${c} of ${seeds} (at least 1 star on ${any}).`;
  if (any >= w.runs * 0.5)
    return `Hard: thoughtful play earns a star on ${any} of ${seeds}, but 3 stars on only ${c}. Lower the 3-star score, or give the busiest desk more people.`;
  return `Not winnable as it stands: thoughtful play earns a star on only ${any} of ${seeds}. Lower the star scores, or make the work lighter (fewer customers, shorter service times, more people).`;
}

/** Each desk's busy share under thoughtful play, busiest first, with what a full desk means. */
export function busyWords(level: Level, results: RunResult[]): string[] {
  const withBusy = results.filter((r) => r.busy);
  if (withBusy.length === 0) return [];
  const mean = (id: string): number =>
    withBusy.reduce((a, r) => a + (r.busy?.[id] ?? 0), 0) / withBusy.length;
  const desks = level.departments
    .map((d) => ({ name: d.name, busy: mean(d.id) }))
    .sort((x, y) => y.busy - x.busy);
  const lines = [`How busy each desk was under thoughtful play (share of its people's time at work):`];
  for (const d of desks) {
    const note =
      d.busy >= 0.9
        ? ': at its limit, so its line grows; this desk is what makes the level hard'
        : d.busy >= 0.75
          ? ': busy, little room for a rush'
          : d.busy < 0.2
            ? ': mostly idle'
            : '';
    lines.push(`  ${d.name} ${pct(d.busy)}${note}`);
  }
  return lines;
}

function meanOf(level: Level, seeds: number, run: Runner, policy: PolicyName): number {
  let sum = 0;
  for (let seed = 1; seed <= seeds; seed++) sum += run(level, seed, policy).total;
  return seeds > 0 ? sum / seeds : 0;
}

/**
 * For each internal request and each scheduled event: thoughtful and siloed play's mean score with it
 * and without it (the same seeds), so a trainer sees whether it matters.
 */
export function withoutWords(
  level: Level,
  seeds: number,
  run: Runner,
  means: Partial<Record<PolicyName, number>>,
): string[] {
  const lines: string[] = [];
  const names = new Map(level.departments.map((d) => [d.id, d.name] as const));
  const compare = (what: string, without: Level): void => {
    const parts = (['wholistic', 'siloed'] as const).map((p) => {
      const withIt = means[p] ?? meanOf(level, seeds, run, p);
      const w = meanOf(without, seeds, run, p);
      const d = withIt - w;
      const diff = Math.abs(d) < 0.5 ? 'about the same' : `${d > 0 ? '+' : ''}${one(d)}`;
      return `${p === 'wholistic' ? 'thoughtful' : 'siloed'} ${one(withIt)} with it, ${one(w)} without (${diff})`;
    });
    lines.push(`  ${what}: ${parts.join('; ')}`);
  };
  level.internalRequests.forEach((r, i) =>
    compare(`Request "${r.id}" (${names.get(r.from) ?? r.from} asks ${names.get(r.to) ?? r.to})`, {
      ...level,
      internalRequests: level.internalRequests.filter((_, j) => j !== i),
    }),
  );
  level.events.forEach((e, i) => {
    if (e.trigger !== 'scheduled') return;
    const where = e.kind === 'surge' ? '' : ` at ${names.get(e.department) ?? e.department}`;
    compare(`Event ${e.id ? `"${e.id}" ` : ''}(${e.kind}${where} at ${e.at} s)`, {
      ...level,
      events: level.events.filter((_, j) => j !== i),
    });
  });
  return lines.length > 0 ? ['What each request and event is worth (mean score):', ...lines] : [];
}

export function balanceLevel(
  level: Level,
  seeds: number,
  run: Runner,
  policies: readonly PolicyName[] = POLICIES,
  opts: { why?: boolean } = {},
): BalanceReport {
  const all = new Map<PolicyName, RunResult[]>();
  const stats = policies.map((policy) => {
    const results: RunResult[] = [];
    for (let seed = 1; seed <= seeds; seed++) results.push(run(level, seed, policy));
    all.set(policy, results);
    return summarise(policy, results);
  });
  const report: BalanceReport = { levelId: level.id, seeds, stats, warnings: balanceWarnings(stats) };
  if (opts.why) {
    const means = Object.fromEntries(stats.map((s) => [s.policy, s.mean]));
    report.why = [
      winnableWords(stats),
      ...busyWords(level, all.get('wholistic') ?? []),
      ...withoutWords(level, seeds, run, means),
    ];
  }
  return report;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padL = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** A plain-text table: policy, mean, sd, min..max, and seeds per star count. */
export function formatReport(r: BalanceReport): string[] {
  const lines = [
    `${r.levelId} (${r.seeds} seeds)`,
    `  ${pad('policy', 13)} ${padL('mean', 6)} ${padL('sd', 5)} ${padL('min..max', 13)}   stars 0/1/2/3`,
  ];
  for (const s of r.stats) {
    const stars = s.stars ? s.stars.map((n) => padL(String(n), 3)).join(' ') : '  (no stars)';
    lines.push(
      `  ${pad(s.policy, 13)} ${padL(s.mean.toFixed(1), 6)} ${padL(s.sd.toFixed(1), 5)} ${padL(`${s.min.toFixed(0)}..${s.max.toFixed(0)}`, 13)}   ${stars}`,
    );
  }
  for (const w of r.why ?? []) lines.push(`  ${w}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return lines;
}
