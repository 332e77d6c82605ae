/**
 * npm run levels:check [-- files...]
 * Checks level files (all of levels/*.json when none are given) and levels/campaign.json.
 * Prints one line per problem as path:line:col: message. Exit 0 when there are no errors
 * (warnings are printed but allowed), 1 otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLevelSet, type LevelFile } from '../level/campaign';
import { formatProblem, isError, type Problem } from '../level/check';

export const LEVELS_DIR = resolve(fileURLToPath(new URL('../../levels', import.meta.url)));
const SKIP = new Set(['schema.json', 'campaign.json']);

function read(path: string, shown: string): LevelFile | Problem {
  try {
    return { path: shown, text: readFileSync(path, 'utf8') };
  } catch {
    return {
      path: shown,
      line: 1,
      col: 1,
      message: existsSync(path)
        ? 'This file could not be read.'
        : 'There is no file with this name. Check the spelling and the folder.',
    };
  }
}

const isProblem = (x: LevelFile | Problem): x is Problem => 'message' in x;

export function main(
  argv: string[],
  opts: { levelsDir?: string; cwd?: string } = {},
): { code: number; lines: string[] } {
  const dir = opts.levelsDir ?? LEVELS_DIR;
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string): string => relative(cwd, p).split('\\').join('/') || p;
  const named = argv.filter((a) => !a.startsWith('--'));
  const folderFiles = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json') && !SKIP.has(f))
        .sort()
    : [];
  const folder = folderFiles.map((f) => read(join(dir, f), show(join(dir, f))));
  const targets =
    named.length > 0
      ? named
          .filter((f) => !SKIP.has(f.split(/[\\/]/).pop() ?? ''))
          .map((f) => read(resolve(cwd, f), show(resolve(cwd, f))))
      : folder;
  const wantCampaign =
    named.length === 0 || named.some((f) => (f.split(/[\\/]/).pop() ?? '') === 'campaign.json');

  const problems: Problem[] = targets.filter(isProblem);
  const files = targets.filter((t): t is LevelFile => !isProblem(t));
  // Ids are compared across the whole folder, so the named files are checked together with it.
  // Files outside the folder (drafts, copies) are checked on their own.
  const folderPaths = new Set(folder.map((f) => f.path));
  const namedPaths = new Set(files.map((f) => f.path));
  const others = folder.filter((f): f is LevelFile => !isProblem(f) && !namedPaths.has(f.path));
  const campaignPath = join(dir, 'campaign.json');
  const campaign = existsSync(campaignPath) ? read(campaignPath, show(campaignPath)) : undefined;
  const inFolder = files.filter((f) => folderPaths.has(f.path));
  const set = checkLevelSet(
    [...inFolder, ...others],
    campaign && !isProblem(campaign) ? campaign : undefined,
  );
  for (const f of files) {
    const checked = folderPaths.has(f.path)
      ? set.levels.find((l) => l.path === f.path)
      : checkLevelSet([f]).levels[0];
    for (const p of checked?.problems ?? []) problems.push(p);
  }
  if (wantCampaign) {
    if (!campaign)
      problems.push({
        path: show(campaignPath),
        line: 1,
        col: 1,
        message:
          'There is no campaign.json. Create it with { "levels": ["<level id>", ...] }: level ids in play order.',
      });
    else if (isProblem(campaign)) problems.push(campaign);
    else for (const p of set.campaignProblems) problems.push(p);
  }

  const lines = problems.map(formatProblem);
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  const count = files.length + problems.filter((p) => p.message.startsWith('There is no file')).length;
  const noun = `${count} level file${count === 1 ? '' : 's'}${wantCampaign ? ' and the campaign' : ''}`;
  if (count === 0 && named.length === 0) lines.push(`There are no level files in ${show(dir)}.`);
  if (errors === 0)
    lines.push(
      `Checked ${noun}: no errors${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`,
    );
  else
    lines.push(
      `Checked ${noun}: ${errors} error${errors === 1 ? '' : 's'}${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. Fix them and run the check again.`,
    );
  return { code: errors > 0 ? 1 : 0, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { code, lines } = main(process.argv.slice(2));
  for (const line of lines) console.log(line);
  process.exitCode = code;
}
