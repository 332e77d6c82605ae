/**
 * npm run sim -- <level.json> [--seed N] [--policy idle|random|siloed|wholistic] [--runs K] [--json]
 *
 * Checks the level (problems go to stderr as path:line:col: message; exit 1 on errors), plays it
 * headlessly with a policy and prints a readable report, or one JSON object with --json. With --runs K
 * it plays seeds N..N+K-1 and reports mean, sd, min and max of every figure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { checkLevelText, formatProblem, isError } from '../level/check';
import type { Level } from '../level/schema';
import { runPolicy, type Metrics, type PolicyName, type ScoreReport, type Sim } from '../sim/index';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): string;
}

const nodeIO: CliIO = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  readFile: (p) => readFileSync(p, 'utf8'),
};

const POLICIES: PolicyName[] = ['idle', 'random', 'siloed', 'wholistic', 'humanCareful', 'humanCareless'];
const USAGE = `usage: npm run sim -- <level.json> [--seed N] [--policy ${POLICIES.join('|')}] [--runs K] [--json]`;

interface Args {
  file: string;
  seed: number;
  policy: PolicyName;
  runs: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  let file: string | null = null;
  let seed = 1;
  let policy: PolicyName = 'wholistic';
  let runs = 1;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | null => argv[++i] ?? null;
    if (a === '--json') json = true;
    else if (a === '--seed') {
      const v = Number(value());
      if (!Number.isInteger(v)) return '--seed needs a whole number';
      seed = v;
    } else if (a === '--runs') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1 || v > 10_000) return '--runs needs a whole number from 1 to 10000';
      runs = v;
    } else if (a === '--policy') {
      const v = value();
      if (!POLICIES.includes(v as PolicyName)) return `--policy must be one of ${POLICIES.join(', ')}`;
      policy = v as PolicyName;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (file === null) file = a;
    else return `only one level file, please (got "${file}" and "${a}")`;
  }
  if (file === null) return 'which level? give the path of a level file';
  return { file, seed, policy, runs, json };
}

/** The figures reported for one run (also the shape of --json). */
export function runReport(level: Level, seed: number, policy: PolicyName, sim: Sim) {
  const m: Metrics = sim.metrics();
  const score: ScoreReport = sim.score();
  const c = m.customers;
  return {
    level: level.id,
    title: level.title,
    seed,
    policy,
    simulatedSeconds: m.simulatedSeconds,
    events: m.events,
    score: {
      total: score.total,
      stars: score.stars,
      parts: Object.fromEntries(
        score.parts.map((p) => [p.key, { value: p.value, weight: p.weight, points: p.points }]),
      ),
    },
    customers: {
      arrived: c.arrived,
      resolved: c.resolved,
      abandoned: c.abandoned,
      inSystem: c.inSystem,
      meanWait: c.meanWait,
      meanResolutionTime: c.meanResolutionTime,
      p95ResolutionTime: c.p95ResolutionTime,
      meanSatisfaction: c.meanSatisfaction,
      firstContactResolution: c.firstContactResolution,
      meanEffort: c.meanEffort,
    },
    departments: m.departments,
    attribution: m.attribution,
    handoffs: m.handoffs,
    requests: m.requests,
    staffSecondsBusy: m.staffSecondsBusy,
    ripples: m.ripples,
  };
}
type Report = ReturnType<typeof runReport>;

interface Stat {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** Mean, sd, min, max of every numeric leaf over the runs (a missing leaf counts 0). */
function aggregate(values: unknown[]): unknown {
  const first = values.find((v) => v !== undefined && v !== null);
  if (typeof first === 'number' || first === undefined || first === null) {
    const xs = values.map((v) => (typeof v === 'number' ? v : 0));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
    return {
      mean,
      sd,
      min: xs.reduce((a, b) => Math.min(a, b), Infinity),
      max: xs.reduce((a, b) => Math.max(a, b), -Infinity),
    } satisfies Stat;
  }
  if (typeof first !== 'object' || Array.isArray(first)) return first;
  const keys = new Set<string>();
  for (const v of values) if (v && typeof v === 'object') for (const k of Object.keys(v)) keys.add(k);
  const out: Record<string, unknown> = {};
  for (const k of keys)
    out[k] = aggregate(
      values.map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined)),
    );
  return out;
}

const f1 = (x: number): string => x.toFixed(1);
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const stat = (s: Stat, fmt: (x: number) => string = f1): string =>
  `${fmt(s.mean)} ± ${fmt(s.sd)} [${fmt(s.min)} .. ${fmt(s.max)}]`;

function printOne(r: Report, io: CliIO): void {
  const c = r.customers;
  io.out(
    `${r.title} (${r.level}), seed ${r.seed}, policy ${r.policy}: ${f1(r.simulatedSeconds)} s simulated, ${r.events} events`,
  );
  const stars =
    r.score.stars === null
      ? 'no stars'
      : `${'★'.repeat(r.score.stars)}${'☆'.repeat(3 - r.score.stars)} (${r.score.stars} of 3)`;
  io.out(`Score ${f1(r.score.total)} / 100, ${stars}`);
  for (const [k, p] of Object.entries(r.score.parts)) {
    io.out(
      `  ${k.padEnd(15)} ${p.value.toFixed(2)}  x${String(p.weight).padEnd(4)} ${f1(p.points).padStart(5)} points`,
    );
  }
  io.out(
    `Customers: ${c.arrived} arrived, ${c.resolved} resolved, ${c.abandoned} gave up, ${c.inSystem} still waiting at the end`,
  );
  io.out(
    `  mean wait in queues ${f1(c.meanWait)} s, resolution time mean ${f1(c.meanResolutionTime)} s, 95th percentile ${f1(c.p95ResolutionTime)} s`,
  );
  io.out(
    `  satisfaction ${c.meanSatisfaction.toFixed(2)}, first-contact resolution ${pct(c.firstContactResolution)}, effort ${c.meanEffort.toFixed(2)} bounces and re-asks each`,
  );
  io.out('Departments:');
  for (const [id, d] of Object.entries(r.departments)) {
    io.out(
      `  ${id.padEnd(14)} ${String(d.arrivals).padStart(6)} in, ${String(d.completed).padStart(6)} done, queue wait ${f1(d.meanQueueWait).padStart(6)} s, queue length ${d.meanQueueLength.toFixed(2).padStart(6)}, busy ${pct(d.utilization).padStart(4)}`,
    );
  }
  const total = Object.values(r.attribution).reduce((a, b) => a + b, 0);
  io.out('Where customer time went:');
  for (const [k, v] of Object.entries(r.attribution)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)) {
    io.out(`  ${k.padEnd(28)} ${f1(v).padStart(9)} s  ${pct(total > 0 ? v / total : 0).padStart(4)}`);
  }
  if (r.ripples.length > 0) {
    io.out('Largest ripples:');
    for (const rp of r.ripples.slice(0, 5)) {
      const what =
        rp.kind === 'rework'
          ? 'notes that needed re-asking'
          : rp.kind === 'clarify'
            ? 'notes sent back for clarification'
            : 'tickets sent to the wrong desk';
      io.out(
        `  ${plural(rp.handoffs, 'handoff')} from ${rp.source} to ${rp.at} (${what}) cost ${plural(rp.customers, 'customer')} ${f1(rp.seconds / Math.max(1, rp.customers))} s each`,
      );
    }
  }
}

function printMany(a: Record<string, unknown>, runs: number, hasStars: boolean, io: CliIO): void {
  const g = (path: string): Stat =>
    path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], a) as Stat;
  io.out(
    `${String(a['title'])} (${String(a['level'])}), policy ${String(a['policy'])}, ${runs} runs from seed ${String(a['seed'])}: mean ± sd [min .. max]`,
  );
  io.out(`  score            ${stat(g('score.total'))}`);
  io.out(
    `  stars            ${hasStars ? stat(g('score.stars'), (x) => x.toFixed(2)) : 'none in this level'}`,
  );
  for (const k of ['arrived', 'resolved', 'abandoned', 'inSystem'])
    io.out(`  ${k.padEnd(16)} ${stat(g(`customers.${k}`))}`);
  io.out(`  mean wait        ${stat(g('customers.meanWait'))} s`);
  io.out(`  p95 resolution   ${stat(g('customers.p95ResolutionTime'))} s`);
  io.out(`  satisfaction     ${stat(g('customers.meanSatisfaction'), (x) => x.toFixed(3))}`);
  io.out(`  first contact    ${stat(g('customers.firstContactResolution'), (x) => x.toFixed(3))}`);
  for (const id of Object.keys(a['departments'] as object)) {
    io.out(
      `  ${id.padEnd(16)} queue wait ${stat(g(`departments.${id}.meanQueueWait`))} s, busy ${stat(g(`departments.${id}.utilization`), pct)}`,
    );
  }
}

/** Runs the CLI; returns the exit code. */
export function main(argv: string[], io: CliIO = nodeIO): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(args);
    io.err(USAGE);
    return 1;
  }
  let text: string;
  try {
    text = io.readFile(args.file);
  } catch {
    io.err(`${args.file}:1:1: this file could not be read. Check the name and the folder.`);
    return 1;
  }
  const { level, problems } = checkLevelText(text, args.file);
  for (const p of problems) io.err(formatProblem(p));
  if (!level || problems.some(isError)) return 1;
  const reports: Report[] = [];
  for (let k = 0; k < args.runs; k++) {
    const seed = args.seed + k;
    reports.push(
      runReport(
        level,
        seed,
        args.policy,
        runPolicy(level, seed, args.policy, { recordEvents: false, sampleEvery: 0 }),
      ),
    );
  }
  if (args.runs === 1) {
    const r = reports[0]!;
    if (args.json) io.out(JSON.stringify(r));
    else printOne(r, io);
    return 0;
  }
  const agg = {
    level: level.id,
    title: level.title,
    seed: args.seed,
    policy: args.policy,
    runs: args.runs,
    ...(aggregate(
      reports.map(({ level: _l, title: _t, seed: _s, policy: _p, ripples: _r, ...rest }) => rest),
    ) as Record<string, unknown>),
  };
  if (args.json) io.out(JSON.stringify(agg));
  else printMany(agg, args.runs, level.scoring.stars !== null, io);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
