/**
 * npm run levels:balance [-- files...] [--seeds N] [--strict]
 * Runs the built-in policies (idle, random, siloed, wholistic) over N seeds (default 50) per level
 * and prints a table per level: mean score, sd, min..max and how many seeds got 0/1/2/3 stars,
 * plus warnings when a level does not teach its point. With --strict, a warning exits 1.
 * Under each table, why: winnable or not in words, how busy each desk was under thoughtful play, and
 * each internal request's and scheduled event's worth (mean score with and without it); --brief leaves
 * that out. A file that fails the check stops the report with its problems (exit 1).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  balanceLevel,
  formatReport,
  POLICIES,
  POLICY_WORDS,
  type PolicyName,
  type Runner,
} from '../level/balance';
import { checkLevelText, formatProblem } from '../level/check';
import type { Level } from '../level/schema';
import type { Sim, SimOptions } from '../sim/types';

type RunPolicy = (level: Level, seed: number, policy: PolicyName, opts?: SimOptions) => Sim;

export const LEVELS_DIR = resolve(fileURLToPath(new URL('../../levels', import.meta.url)));
const SIM_INDEX = resolve(fileURLToPath(new URL('../sim/index.ts', import.meta.url)));

/** The simulation's runPolicy, loaded at run time (the sim is built in parallel). */
export async function loadRunner(): Promise<Runner | string> {
  if (!existsSync(SIM_INDEX))
    return 'The simulation (src/sim/index.ts) is not there yet, so levels cannot be balanced.';
  const mod = (await import(pathToFileURL(SIM_INDEX).href)) as { runPolicy?: RunPolicy };
  const runPolicy = mod.runPolicy;
  if (typeof runPolicy !== 'function')
    return 'src/sim/index.ts does not export runPolicy(level, seed, policy, opts).';
  return (level, seed, policy) => {
    const sim = runPolicy(level, seed, policy, { recordEvents: false, sampleEvery: 0 });
    if (!sim.isOver()) sim.runToEnd();
    const { total, stars } = sim.score();
    const busy: Record<string, number> = {};
    for (const [id, d] of Object.entries(sim.metrics().departments)) busy[id] = d.utilization;
    return { total, stars, busy };
  };
}

export function parseArgs(argv: string[]): {
  files: string[];
  seeds: number;
  strict: boolean;
  brief: boolean;
  error?: string;
} {
  const files: string[] = [];
  let seeds = 50;
  let strict = false;
  let brief = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--strict') strict = true;
    else if (a === '--brief') brief = true;
    else if (a === '--seeds' || a.startsWith('--seeds=')) {
      const v = a.includes('=') ? a.slice(8) : argv[++i];
      seeds = Number(v);
      if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000)
        return {
          files,
          seeds: 50,
          strict,
          brief,
          error: `--seeds needs a whole number from 1 to 10000, not ${JSON.stringify(v ?? '')}.`,
        };
    } else if (a.startsWith('--'))
      return {
        files,
        seeds,
        strict,
        brief,
        error: `Unknown option ${a}. Use: levels:balance [files...] [--seeds N] [--strict] [--brief]`,
      };
    else files.push(a);
  }
  return { files, seeds, strict, brief };
}

export async function main(
  argv: string[],
  opts: { runner?: Runner; levelsDir?: string; cwd?: string } = {},
): Promise<{ code: number; lines: string[] }> {
  const args = parseArgs(argv);
  if (args.error) return { code: 2, lines: [args.error] };
  const dir = opts.levelsDir ?? LEVELS_DIR;
  const cwd = opts.cwd ?? process.cwd();
  const runner = opts.runner ?? (await loadRunner());
  if (typeof runner === 'string') return { code: 1, lines: [runner] };
  const paths =
    args.files.length > 0
      ? args.files.map((f) => resolve(cwd, f))
      : readdirSync(dir)
          .filter((f) => f.endsWith('.json') && f !== 'schema.json' && f !== 'campaign.json')
          .sort()
          .map((f) => join(dir, f));
  const lines: string[] = [];
  let warnings = 0;
  // Every file is checked first: a file that fails the check stops the report with its problems.
  const levels: { shown: string; level: Level }[] = [];
  const broken: string[] = [];
  for (const path of paths) {
    const shown = relative(cwd, path).split('\\').join('/');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      lines.push(`${shown}:1:1: There is no file with this name.`);
      broken.push(shown);
      continue;
    }
    const { level, problems } = checkLevelText(text, shown);
    if (!level) {
      for (const p of problems) lines.push(formatProblem(p));
      broken.push(shown);
      continue;
    }
    levels.push({ shown, level });
  }
  if (broken.length > 0) {
    lines.push(
      '',
      `Not balanced: ${broken.length === 1 ? `${broken[0]} does not pass the check` : `${broken.length} files do not pass the check (${broken.join(', ')})`}. Fix the problems above (npm run levels:check shows them too), then run the balance again.`,
    );
    return { code: 1, lines };
  }
  if (!args.brief) {
    lines.push('The built-in players:');
    for (const p of POLICIES) lines.push(`  ${p.padEnd(14)} ${POLICY_WORDS[p]}`);
    lines.push('');
  }
  for (const { level } of levels) {
    const started = performance.now();
    const report = balanceLevel(level, args.seeds, runner, POLICIES, { why: !args.brief });
    warnings += report.warnings.length;
    for (const line of formatReport(report)) lines.push(line);
    lines.push(
      `  (${report.stats.length * args.seeds} runs in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      '',
    );
  }
  const code = args.strict && warnings > 0 ? 1 : 0;
  lines.push(
    warnings === 0
      ? 'No balance warnings.'
      : `${warnings} balance warning${warnings === 1 ? '' : 's'}${args.strict ? ' (--strict: failing)' : ''}.`,
  );
  return { code, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2)).then(({ code, lines }) => {
    for (const line of lines) console.log(line);
    process.exitCode = code;
  });
}
