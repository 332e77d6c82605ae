/**
 * The facilitator's session: a list of rounds (level, seed, team) and every finished result.
 *
 * Pure data and pure functions: no DOM, no storage, no clock. Times of day (createdAt, finishedAt) are
 * ISO strings passed in by the caller; ids are passed in or derived from what is already there.
 * Every change returns a new Session and leaves the old one untouched, so a store can keep the last
 * good copy. A finished result is never removed or overwritten by any function here.
 */
import type { Level } from '../../level/schema';
import type { Metrics, ScoreReport, Segment, TimedCommand, TimelineSample } from '../../sim/types';

export const SESSION_VERSION = 1 as const;
export const MAX_TEAM_NAME = 40;
export const MAX_SESSION_NAME = 80;
export const MAX_BOOKMARK_NOTE = 200;

export type RoundStatus = 'planned' | 'playing' | 'finished';

/** A moment the facilitator marked during play to come back to in the debrief. */
export interface Bookmark {
  /** Sim time in seconds. */
  t: number;
  note: string;
}

/** One external customer's path through the company, for the swimlane and the ripple trace. */
export interface CustomerJourney {
  ticket: number;
  customer: string;
  workType: string;
  outcome: 'resolved' | 'abandoned' | 'waiting';
  arrivedAt: number;
  endedAt: number;
  totalSeconds: number;
  /** 0 (furious) to 1 (delighted) at the end. */
  satisfaction: number;
  /** Seconds caused by rework, clarification bounces and misroutes. */
  rippleSeconds: number;
  segments: Segment[];
}

/** A department id with the name players saw, kept so labels survive without the level file. */
export interface DeptLabel {
  id: string;
  name: string;
}

export interface RoundResult {
  /** ISO date-time when the round ended (wall clock, passed in). */
  finishedAt: string;
  score: ScoreReport;
  metrics: Metrics;
  timeline: TimelineSample[];
  commandLog: TimedCommand[];
  /** At most MAX_JOURNEYS customers, the most telling ones first chosen (see selectJourneys). */
  journeys: CustomerJourney[];
  /** How many customers finished in total (journeys may hold fewer). */
  journeysTotal: number;
  departments: DeptLabel[];
  /**
   * The level exactly as it was played, so a replay or debrief never uses another version with the
   * same id (a trainer's draft, an edited file). Missing in files saved before it was kept.
   */
  level?: Level;
}

export interface Round {
  id: string;
  levelId: string;
  levelTitle: string;
  seed: number;
  team: string;
  status: RoundStatus;
  /** Marks set during play; they stay with the round once it is finished. */
  bookmarks: Bookmark[];
  /** Times the round was started over before it finished (absent: none recorded). */
  restarts?: number;
  result?: RoundResult;
}

export interface Session {
  version: typeof SESSION_VERSION;
  id: string;
  name: string;
  /** ISO date-time, passed in by the caller. */
  createdAt: string;
  rounds: Round[];
}

/** Every change says whether it happened; on refusal the session is the unchanged input. */
export type Change = { ok: true; session: Session } | { ok: false; session: Session; message: string };

const done = (session: Session): Change => ({ ok: true, session });
const refuse = (session: Session, message: string): Change => ({ ok: false, session, message });

function cleanText(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

export function createSession(opts: { id: string; name?: string; createdAt: string }): Session {
  const name = cleanText(opts.name ?? '', MAX_SESSION_NAME) || 'Workshop session';
  return { version: SESSION_VERSION, id: opts.id, name, createdAt: opts.createdAt, rounds: [] };
}

export function renameSession(session: Session, name: string): Change {
  const clean = cleanText(name, MAX_SESSION_NAME);
  if (!clean) return refuse(session, 'A session needs a name.');
  return done({ ...session, name: clean });
}

/** The next free round id: r1, r2, ... (never reuses an id, even after a planned round was removed). */
export function nextRoundId(session: Session): string {
  let max = 0;
  for (const r of session.rounds) {
    const m = /^r(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `r${max + 1}`;
}

export interface NewRound {
  levelId: string;
  levelTitle: string;
  /** Reuse one seed for every team so they all meet the same customers. */
  seed: number;
  team?: string;
  id?: string;
}

export function addRound(session: Session, round: NewRound): Change {
  if (!Number.isInteger(round.seed) || round.seed < 0)
    return refuse(session, 'The seed must be a whole number, 0 or more.');
  if (!round.levelId) return refuse(session, 'Pick a level for the round.');
  const id = round.id ?? nextRoundId(session);
  if (session.rounds.some((r) => r.id === id)) return refuse(session, `There is already a round "${id}".`);
  const team = cleanText(round.team ?? '', MAX_TEAM_NAME) || `Team ${session.rounds.length + 1}`;
  const next: Round = {
    id,
    levelId: round.levelId,
    levelTitle: round.levelTitle || round.levelId,
    seed: round.seed,
    team,
    status: 'planned',
    bookmarks: [],
  };
  return done({ ...session, rounds: [...session.rounds, next] });
}

function withRound(session: Session, id: string, f: (r: Round) => Round | string): Change {
  const i = session.rounds.findIndex((r) => r.id === id);
  const round = session.rounds[i];
  if (!round) return refuse(session, `There is no round "${id}" in this session.`);
  const next = f(round);
  if (typeof next === 'string') return refuse(session, next);
  const rounds = session.rounds.slice();
  rounds[i] = next;
  return done({ ...session, rounds });
}

/**
 * Marks a round as being played. Any other round still marked as playing goes back to planned, without
 * the bookmarks of its attempt (a game nobody will see again).
 */
export function startRound(session: Session, id: string): Change {
  const target = session.rounds.find((r) => r.id === id);
  if (!target) return refuse(session, `There is no round "${id}" in this session.`);
  if (target.status === 'finished') {
    return refuse(
      session,
      'This round is finished and its result is kept. Add a new round to play it again.',
    );
  }
  const rounds = session.rounds.map((r): Round => {
    if (r.id === id) return { ...r, status: 'playing' };
    if (r.status === 'playing') return { ...r, status: 'planned', bookmarks: [] };
    return r;
  });
  return done({ ...session, rounds });
}

/**
 * The round being played starts over (R): the attempt so far is dropped, its bookmarks with it (they
 * mark moments of a game nobody will see again), and the restart is counted in the round's record.
 */
export function restartRound(session: Session, id: string): Change {
  return withRound(session, id, (r) => {
    if (r.status !== 'playing') return 'Only a round being played can start over.';
    return { ...r, bookmarks: [], restarts: (r.restarts ?? 0) + 1 };
  });
}

/** The facilitator left the round before its end (J): it goes back to planned, without this attempt's bookmarks. */
export function stopRound(session: Session, id: string): Change {
  return withRound(session, id, (r) => {
    if (r.status !== 'playing') return 'This round is not being played.';
    return { ...r, status: 'planned', bookmarks: [] };
  });
}

/** Stores the result. A round that already has a result keeps it: results are never overwritten. */
export function finishRound(session: Session, id: string, result: RoundResult): Change {
  return withRound(session, id, (r) => {
    if (r.status === 'finished') return 'This round already has a result, and it is kept as it is.';
    return { ...r, status: 'finished', result };
  });
}

/** Only planned rounds can be removed; finished results are never lost. */
export function removeRound(session: Session, id: string): Change {
  const round = session.rounds.find((r) => r.id === id);
  if (!round) return refuse(session, `There is no round "${id}" in this session.`);
  if (round.status === 'finished')
    return refuse(session, 'Finished rounds keep their results and cannot be removed.');
  if (round.status === 'playing') return refuse(session, 'This round is being played. Stop it first.');
  return done({ ...session, rounds: session.rounds.filter((r) => r.id !== id) });
}

/**
 * Removes a round the facilitator chose to drop on purpose, finished or not (the panel asks first and
 * offers to put it back). A round being played right now is refused: the caller says which one that is.
 */
export function discardRound(session: Session, id: string, playingNow: string | null): Change {
  const round = session.rounds.find((r) => r.id === id);
  if (!round) return refuse(session, `There is no round "${id}" in this session.`);
  if (round.id === playingNow) return refuse(session, 'This round is being played. Finish or leave it first.');
  return done({ ...session, rounds: session.rounds.filter((r) => r.id !== id) });
}

/** Puts a discarded round back where it was (undo). Refused when its id has been taken meanwhile. */
export function putBackRound(session: Session, round: Round, index: number): Change {
  if (session.rounds.some((r) => r.id === round.id))
    return refuse(session, `Round "${round.id}" cannot be put back: a round of that name was added since.`);
  const rounds = session.rounds.slice();
  rounds.splice(Math.max(0, Math.min(index, rounds.length)), 0, round);
  return done({ ...session, rounds });
}

export function renameTeam(session: Session, id: string, team: string): Change {
  const clean = cleanText(team, MAX_TEAM_NAME);
  if (!clean) return refuse(session, 'A team needs a name.');
  return withRound(session, id, (r) => ({ ...r, team: clean }));
}

/** Bookmarks stay in time order. Allowed while playing and after (for notes made in the debrief). */
export function addBookmark(session: Session, id: string, t: number, note: string): Change {
  if (!Number.isFinite(t) || t < 0) return refuse(session, 'A bookmark needs a time of 0 seconds or more.');
  const clean = cleanText(note, MAX_BOOKMARK_NOTE);
  return withRound(session, id, (r) => {
    if (r.status === 'planned') return 'Bookmarks can be set once the round has started.';
    const bookmarks = [...r.bookmarks, { t, note: clean || 'Bookmark' }].sort((a, b) => a.t - b.t);
    return { ...r, bookmarks };
  });
}

export function removeBookmark(session: Session, id: string, index: number): Change {
  return withRound(session, id, (r) => {
    if (!r.bookmarks[index]) return 'There is no such bookmark.';
    return { ...r, bookmarks: r.bookmarks.filter((_, i) => i !== index) };
  });
}

export function findRound(session: Session, id: string): Round | undefined {
  return session.rounds.find((r) => r.id === id);
}

export function finishedRounds(session: Session): Array<Round & { result: RoundResult }> {
  return session.rounds.filter(
    (r): r is Round & { result: RoundResult } => r.status === 'finished' && !!r.result,
  );
}

/**
 * Keeps a finished result that only one copy holds: takes `incoming` (a newer copy saved by another
 * tab) and puts back every finished round of `current` it lacks, holds without a result, or holds
 * with a different result (then as a round of its own). Another session replaces this one.
 */
export function keepFinished(current: Session, incoming: Session): Session {
  if (current.id !== incoming.id) return incoming;
  return mergeSessions(incoming, current, { finishedOnly: true }).session;
}

/** What a merge did, counted so the message can say exactly that. */
export interface MergeReport {
  session: Session;
  /** Finished rounds of the other copy now here that were not before. */
  added: number;
  /**
   * Finished rounds both copies held under one id with different results: the other copy's is kept
   * as a round of its own (a new id), so neither result is lost. Their team names.
   */
  separate: string[];
  /** Finished rounds of the other copy that were already here, result for result. */
  already: number;
  /** Planned rounds of the other copy added to the list. */
  planned: number;
}

/** Two results are the same play when they finished at the same moment with the same log and score. */
function sameResult(a: RoundResult, b: RoundResult): boolean {
  return (
    a.finishedAt === b.finishedAt &&
    Object.is(a.score.total, b.score.total) &&
    a.commandLog.length === b.commandLog.length &&
    JSON.stringify(a.commandLog) === JSON.stringify(b.commandLog)
  );
}

function sameRound(a: Round, b: Round): boolean {
  return a.levelId === b.levelId && a.seed === b.seed && a.team === b.team;
}

/**
 * Brings the rounds of `other` (another tab's saved copy, an imported file, another table's file) into
 * `current`, losing nothing: every finished result of either copy is in the outcome, and `current`'s
 * own rounds keep their ids, names and results. The same session (same id) matches rounds by id; a
 * round finished in both with different results keeps both, the other one under a new id. Another
 * session's rounds are added under ids that are free here, except results already here.
 */
export function mergeSessions(
  current: Session,
  other: Session,
  opts: { finishedOnly?: boolean } = {},
): MergeReport {
  const rounds = current.rounds.slice();
  const report = { added: 0, separate: [] as string[], already: 0, planned: 0 };
  const sameSession = current.id === other.id;
  const finishedHere = (): Array<Round & { result: RoundResult }> =>
    rounds.filter((r): r is Round & { result: RoundResult } => r.status === 'finished' && !!r.result);
  const freshId = (): string => nextRoundId({ ...current, rounds });
  for (const r of other.rounds) {
    const i = sameSession ? rounds.findIndex((x) => x.id === r.id) : -1;
    const mine = rounds[i];
    if (r.status === 'finished' && r.result) {
      const result = r.result;
      if (finishedHere().some((x) => sameResult(x.result, result))) {
        report.already++;
        continue;
      }
      if (mine && !(mine.status === 'finished' && mine.result)) {
        // Finished there, not here (yet): take the result, keep bookmarks from both.
        const bookmarks = [
          ...mine.bookmarks,
          ...r.bookmarks.filter((b) => !mine.bookmarks.some((m) => m.t === b.t && m.note === b.note)),
        ].sort((a, b) => a.t - b.t);
        rounds[i] = { ...r, team: mine.team, bookmarks };
        report.added++;
        continue;
      }
      const clash = mine !== undefined || rounds.some((x) => x.id === r.id);
      if (mine) report.separate.push(r.team);
      rounds.push({ ...r, id: clash ? freshId() : r.id });
      report.added++;
      continue;
    }
    // A planned (or, elsewhere, playing) round: only a new one is worth adding, as planned.
    if (mine || opts.finishedOnly) continue;
    if (!sameSession && rounds.some((x) => x.status !== 'finished' && sameRound(x, r))) continue;
    const clash = rounds.some((x) => x.id === r.id);
    rounds.push({ ...r, id: clash ? freshId() : r.id, status: 'planned', result: undefined });
    report.planned++;
  }
  return { session: { ...current, rounds }, ...report };
}

/** What a merge did, in plain words for the facilitator. */
export function describeMerge(m: MergeReport, from: string): string {
  const n = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;
  if (m.added === 0 && m.planned === 0)
    return `Nothing new in ${from}: ${m.already > 0 ? `its ${n(m.already, 'finished round')} ${m.already === 1 ? 'is' : 'are'} already here` : 'this session already holds all of it'}.`;
  const parts: string[] = [];
  if (m.added > 0) parts.push(`${n(m.added, 'finished round')} added`);
  if (m.separate.length > 0)
    parts.push(
      `${m.separate.length === 1 ? 'one of them' : `${m.separate.length} of them`} (${m.separate.map((t) => `"${t}"`).join(', ')}) had a different result here under the same round, so both results are kept as separate rounds`,
    );
  if (m.planned > 0) parts.push(`${n(m.planned, 'planned round')} added`);
  if (m.already > 0) parts.push(`${n(m.already, 'finished round')} already here`);
  return `Merged ${from}: ${parts.join('; ')}. Every finished result is kept.`;
}
