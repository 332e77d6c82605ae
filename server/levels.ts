/**
 * The levels the room server can start: the same files and the same checker as the game and
 * `npm run levels:check`, read from disk once at boot. A broken file is left out with its problems.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLevelSet, type LevelFile } from '../src/level/campaign';
import type { Level } from '../src/level/schema';

export const LEVELS_DIR = resolve(fileURLToPath(new URL('../levels', import.meta.url)));

export interface LevelShelf {
  /** Campaign order first, then the other files (the sandbox). */
  ids: string[];
  get(id: string): Level | undefined;
  problems: string[];
}

export function loadLevels(dir = LEVELS_DIR): LevelShelf {
  const files: LevelFile[] = [];
  let campaign: LevelFile | undefined;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === 'schema.json') continue;
    const file = { path: `levels/${name}`, text: readFileSync(join(dir, name), 'utf8') };
    if (name === 'campaign.json') campaign = file;
    else files.push(file);
  }
  const set = checkLevelSet(files, campaign);
  const byId = new Map<string, Level>();
  const ids: string[] = [];
  for (const c of [...set.campaign, ...set.levels]) {
    if (!c.level || byId.has(c.level.id)) continue;
    byId.set(c.level.id, c.level);
    ids.push(c.level.id);
  }
  const problems = [...set.campaignProblems, ...set.levels.flatMap((l) => l.problems)].map(
    (p) => `${p.path}:${p.line}:${p.col}: ${p.message}`,
  );
  return { ids, get: (id) => byId.get(id), problems };
}
