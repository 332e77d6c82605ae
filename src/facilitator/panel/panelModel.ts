/**
 * What the session panel shows and decides, without the DOM: the level list, seeds, the rounds table,
 * and what an import would do. Pure.
 */
import type { Level } from '../../level/schema';
import { sessionFromJSON } from '../session/exporters';
import type { Round, Session } from '../session/session';
import { describeMerge, finishedRounds, mergeSessions } from '../session/session';

export interface LevelChoice {
  id: string;
  title: string;
  level: Level;
  /** Shown in the level list: "Level 2", "Extra level", "From a file". */
  group: string;
}

interface CatalogEntry {
  id: string | null;
  title: string;
  level: Level | null;
}

/** Campaign levels first (in order), then other level files, then levels loaded from a file. */
export function levelChoices(
  campaign: readonly CatalogEntry[],
  all: readonly CatalogEntry[],
  loose: ReadonlyMap<string, Level> = new Map(),
): LevelChoice[] {
  const out: LevelChoice[] = [];
  const seen = new Set<string>();
  const push = (level: Level, group: string) => {
    if (seen.has(level.id)) return;
    seen.add(level.id);
    out.push({ id: level.id, title: level.title || level.id, level, group });
  };
  campaign.forEach((e, i) => {
    if (e.level) push(e.level, `Level ${i + 1}`);
  });
  for (const e of all) if (e.level) push(e.level, 'Extra level');
  for (const level of loose.values()) push(level, 'From a file');
  return out;
}

/** "Level 1: The Right Desk" for the level list. */
export function levelLabel(c: LevelChoice): string {
  return `${c.group}: ${c.title}`;
}

/** A seed typed by the facilitator: a whole number from 0 to 2^31 - 1. */
export function parseSeed(text: string): { seed: number } | { error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { error: 'The seed must be a whole number, like 1 or 42.' };
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n > 2147483647)
    return { error: 'The seed is too large; use a number below 2147483648.' };
  return { seed: n };
}

/**
 * The seed a new round of `levelId` gets. With `sameSeed` (the default), every team meets the same
 * customers: the seed of the first round of that level, else `fallback`. Without it, a seed no round
 * of this session has used yet.
 */
export function suggestedSeed(
  session: Session,
  levelId: string,
  sameSeed: boolean,
  fallback: number,
): number {
  if (sameSeed) return session.rounds.find((r) => r.levelId === levelId)?.seed ?? fallback;
  const used = new Set(session.rounds.map((r) => r.seed));
  let s = session.rounds.reduce((m, r) => Math.max(m, r.seed + 1), Math.max(fallback, 0));
  while (used.has(s)) s++;
  return s;
}

/** The next team name, "Team 3", not yet used in the session. */
export function suggestedTeam(session: Session): string {
  const used = new Set(session.rounds.map((r) => r.team.toLowerCase()));
  let n = session.rounds.length + 1;
  while (used.has(`team ${n}`)) n++;
  return `Team ${n}`;
}

export interface RoundRow {
  id: string;
  number: number;
  team: string;
  level: string;
  seed: number;
  status: Round['status'];
  /** "Planned", "Playing now", "Finished". */
  statusText: string;
  /** "72 ★★☆" for finished rounds, "" otherwise. */
  score: string;
  total: number | null;
  bookmarks: number;
  /** Start is offered when the level is available here and the round has no result yet. */
  canStart: boolean;
  /** Why the round cannot start (plain words), or null. */
  startNote: string | null;
}

export const starsText = (n: number | null): string =>
  n === null ? '' : '★'.repeat(n) + '☆'.repeat(Math.max(0, 3 - n));

const STATUS_TEXT: Record<Round['status'], string> = {
  planned: 'Planned',
  playing: 'Playing now',
  finished: 'Finished',
};

export function roundRows(session: Session, available: ReadonlySet<string>): RoundRow[] {
  return session.rounds.map((r, i) => {
    const total = r.result ? Math.floor(r.result.score.total) : null;
    const stars = r.result ? starsText(r.result.score.stars) : '';
    const hasLevel = available.has(r.levelId);
    return {
      id: r.id,
      number: i + 1,
      team: r.team,
      level: r.levelTitle || r.levelId,
      seed: r.seed,
      status: r.status,
      statusText: STATUS_TEXT[r.status],
      score: total === null ? '' : `${total}${stars ? ` ${stars}` : ''}`,
      total,
      bookmarks: r.bookmarks.length,
      canStart: r.status !== 'finished' && hasLevel,
      startNote:
        r.status !== 'finished' && !hasLevel
          ? `The level "${r.levelId}" is not loaded here. Drop its file onto the game first.`
          : null,
    };
  });
}

/**
 * Rounds to put side by side: finished rounds with the same level and seed as `focus` (by default the
 * latest finished round). Falls back to every finished round when none share a setup.
 */
export function compareSet(session: Session, focusId?: string): Round[] {
  const done = finishedRounds(session);
  const focus = done.find((r) => r.id === focusId) ?? done[done.length - 1];
  if (!focus) return [];
  const same = done.filter((r) => r.levelId === focus.levelId && r.seed === focus.seed);
  return same.length > 1 ? same : done;
}

export type ImportPlan =
  | { kind: 'error'; message: string }
  /** The same session (same id): merged, every finished result of both copies kept; `message` says how. */
  | { kind: 'merge'; session: Session; added: number; message: string }
  /**
   * Another session (another table's file): merge it in (`merged`, said by `mergeMessage`), or let it
   * replace the open one (`session`). `finishedHere` results would leave the panel on a replace.
   */
  | { kind: 'replace'; session: Session; finishedHere: number; merged: Session; mergeMessage: string };

/** Stars that the level's thresholds could not give for that total: "says 3 stars for 5 points...". */
export function impossibleStars(
  session: Session,
  levels: readonly Pick<LevelChoice, 'id' | 'level'>[],
): string | null {
  for (const [i, r] of session.rounds.entries()) {
    const score = r.result?.score;
    const th = levels.find((c) => c.id === r.levelId)?.level.scoring.stars;
    if (!score || th === undefined || Number.isNaN(score.total)) continue;
    const want = th === null ? null : th.filter((x) => x <= score.total).length;
    if (score.stars === want) continue;
    const says = score.stars === null ? 'no stars' : `${score.stars} star${score.stars === 1 ? '' : 's'}`;
    const why =
      th === null
        ? 'that level gives no stars'
        : `on "${r.levelTitle}" a score of ${score.total} earns ${want} (stars at ${th.join(', ')})`;
    return `This session file has a problem, so nothing was imported: round ${i + 1} ("${r.team}") says ${says}, but ${why}.`;
  }
  return null;
}

export function planImport(
  current: Session,
  text: string,
  levels: readonly Pick<LevelChoice, 'id' | 'level'>[] = [],
): ImportPlan {
  const read = sessionFromJSON(text);
  if ('error' in read) return { kind: 'error', message: read.error };
  const stars = impossibleStars(read.session, levels);
  if (stars) return { kind: 'error', message: stars };
  const merged = mergeSessions(current, read.session);
  const from = `"${read.session.name}"`;
  if (read.session.id === current.id) {
    return {
      kind: 'merge',
      session: merged.session,
      added: merged.added,
      message: describeMerge(merged, `the file's copy of ${from}`),
    };
  }
  return {
    kind: 'replace',
    session: read.session,
    finishedHere: finishedRounds(current).length,
    merged: merged.session,
    mergeMessage: describeMerge(merged, from),
  };
}
