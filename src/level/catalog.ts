/**
 * The browser's view of the level files. Vite bundles every levels/*.json as raw text; each is
 * checked with the same checker as `npm run levels:check`, so a broken file shows its problems in
 * the game instead of a blank screen. In dev, editing a level file re-checks it at once and calls
 * the `onLevelsChanged` listeners (the game restarts the current level with the new version).
 *
 *   getCampaign()            levels in campaign order, each { id, title, path, level, problems }
 *   getLevelById('sandbox')  any level file by id (campaign or not), or undefined
 *   onLevelsChanged(cb)      returns an unsubscribe function
 */
import { checkLevelSet, type CheckedLevel, type CheckedSet, type LevelFile } from './campaign';
import type { Problem } from './check';

export type { CheckedLevel } from './campaign';

const CAMPAIGN_PATH = 'levels/campaign.json';

const rawFiles = import.meta.glob(['/levels/*.json', '!/levels/schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Builds the catalog from raw files keyed like '/levels/01-right-desk.json'. Exported for tests. */
export function buildCatalog(files: Record<string, string>): CheckedSet {
  const levels: LevelFile[] = [];
  let campaign: LevelFile | undefined;
  for (const key of Object.keys(files).sort()) {
    const path = key.replace(/^\//, '');
    const text = files[key] ?? '';
    if (path === CAMPAIGN_PATH) campaign = { path, text };
    else if (!path.endsWith('/schema.json')) levels.push({ path, text });
  }
  const set = checkLevelSet(levels, campaign);
  if (!campaign) {
    set.campaignProblems.push({
      path: CAMPAIGN_PATH,
      line: 1,
      col: 1,
      message:
        'There is no levels/campaign.json, so the campaign is empty. Create it with { "levels": ["<level id>", ...] }.',
    });
  }
  return set;
}

interface Shared {
  set: CheckedSet;
  listeners: Set<() => void>;
}

// Kept in import.meta.hot.data so that every version of this module (after a hot update) shares
// the same state and listeners: functions imported by the game before an edit see the new levels.
const hot = import.meta.hot;
const shared: Shared = (hot?.data.shared as Shared | undefined) ?? {
  set: buildCatalog(rawFiles),
  listeners: new Set(),
};
if (hot) {
  const isUpdate = hot.data.shared !== undefined;
  hot.data.shared = shared;
  if (isUpdate) {
    shared.set = buildCatalog(rawFiles);
    for (const cb of [...shared.listeners]) {
      try {
        cb();
      } catch (e) {
        console.error('A level-change listener failed:', e);
      }
    }
  }
}
// Self-accept, written literally so Vite sees it: a level edit re-runs only this module.
if (import.meta.hot) {
  import.meta.hot.accept();
}

/** Campaign levels in play order. Entries whose file is broken have level null and problems. */
export function getCampaign(): CheckedLevel[] {
  return shared.set.campaign;
}

/** Every level file (campaign or not), sorted by file name. */
export function getAllLevels(): CheckedLevel[] {
  return shared.set.levels;
}

/** A level file by its id (the "id" inside it), e.g. from `?level=sandbox`. */
export function getLevelById(id: string): CheckedLevel | undefined {
  return shared.set.levels.find((l) => l.id === id);
}

/** Problems of levels/campaign.json itself (unknown ids, broken JSON). */
export function getCampaignProblems(): Problem[] {
  return shared.set.campaignProblems;
}

/** Called after a level file or the campaign changed (dev only). Returns an unsubscribe function. */
export function onLevelsChanged(cb: () => void): () => void {
  shared.listeners.add(cb);
  return () => void shared.listeners.delete(cb);
}
