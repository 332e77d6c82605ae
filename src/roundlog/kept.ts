/**
 * The round in progress kept in this browser's storage, so a reload or a crash can resume it: one more
 * transport of the round log, whose far end is the next page load. What is kept is the round log's own
 * `round` message (level, seed, the ordered timed commands, sim time, speed, pause) plus what a resume
 * must check: the level's content hash, the state hash at that time, and the facilitator's round and
 * attempt when it is one. It is read back through the same gate as every other copy of the log
 * (`parseLogMessage`: zod shapes, the command contract, the level re-validated) and rebuilt by a
 * replica, which refuses a log that cannot be true; the rebuilt state hash must equal the kept one.
 *
 * Anything that does not pass (unreadable text, another format version, a level that changed since, a
 * log that does not add up) is set aside under KEPT_SET_ASIDE_KEY with a plain message, never thrown.
 * No DOM and no clock: the caller passes the storage.
 */
import { z } from 'zod';
import type { Level } from '../level/schema';
import type { Sim } from '../sim/types';
import { hashString } from '../sim/snapshot';
import { parseLogMessage, type RoundMsg } from './messages';
import { createReplica, type ReplayFn } from './replica';
import { KEPT_KEY } from './keptKey';

export { KEPT_KEY };
export const KEPT_SET_ASIDE_KEY = `${KEPT_KEY}:set-aside`;
export const KEPT_FORMAT = 'ripple-effect-round-in-progress';
export const KEPT_VERSION = 1;
/** The authority name a kept round carries (this browser is its own authority). */
export const KEPT_AUTHORITY = 'this-browser';

/** The part of the Web Storage API used here; tests pass a fake. */
export interface KeptStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The facilitator's round this play belongs to, and which attempt of it (1: first, 2: after a restart). */
export interface KeptSession {
  sessionId: string;
  roundId: string;
  attempt: number;
  team: string;
}

export interface KeptRound {
  format: typeof KEPT_FORMAT;
  version: typeof KEPT_VERSION;
  /** levelHash(level) of the level as played. */
  levelHash: string;
  /** sim.hash() at round.t. */
  hash: string;
  session: KeptSession | null;
  /** The round log's own message: level, seed, log, t, speed (to go on at) and paused. */
  round: RoundMsg & { levelId: string; level: Level };
}

export type ReadKept =
  | { kind: 'none' }
  | { kind: 'ok'; kept: KeptRound }
  | { kind: 'set-aside'; message: string };

export type WriteKept = { ok: true } | { ok: false; reason: 'full' | 'blocked' };

const SessionSchema = z.object({
  sessionId: z.string().min(1).max(200),
  roundId: z.string().min(1).max(200),
  attempt: z.number().int().min(1).max(1_000_000),
  team: z.string().max(200),
});

const Envelope = z.object({
  format: z.literal(KEPT_FORMAT),
  version: z.number(),
  levelHash: z.string().regex(/^[0-9a-f]{1,64}$/),
  hash: z.string().regex(/^[0-9a-f]{1,64}$/),
  session: SessionSchema.nullable(),
  round: z.unknown(),
});

/** A hash of the level's content, so a kept round is never resumed on an edited level. */
export function levelHash(level: Level): string {
  return hashString(JSON.stringify(level));
}

/** The record for a sim now; `speed` is the speed to go on at, `paused` whether it stands still. */
export function keptFrom(
  sim: Sim,
  header: { levelId: string; attempt: number; session: KeptSession | null; levelHash?: string },
  speed: number,
  paused: boolean,
): KeptRound {
  const level = sim.level;
  return {
    format: KEPT_FORMAT,
    version: KEPT_VERSION,
    levelHash: header.levelHash ?? levelHash(level),
    hash: sim.hash(),
    session: header.session,
    round: {
      kind: 'round',
      authority: KEPT_AUTHORITY,
      run: header.attempt,
      levelId: header.levelId,
      seed: sim.seed,
      level,
      log: sim.commandLog(),
      t: sim.now(),
      speed,
      paused,
    },
  };
}

function isQuota(e: unknown): boolean {
  const { name, code } = (e ?? {}) as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Writes the record over the last one. Storage refusing says why; nothing else is touched. */
export function writeKept(storage: KeptStorage | null, kept: KeptRound): WriteKept {
  if (!storage) return { ok: false, reason: 'blocked' };
  try {
    storage.setItem(KEPT_KEY, JSON.stringify(kept));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: isQuota(e) ? 'full' : 'blocked' };
  }
}

/** Nothing to resume any more (the round finished, or was left or discarded). */
export function clearKept(storage: KeptStorage | null): void {
  try {
    storage?.removeItem(KEPT_KEY);
  } catch {
    /* blocked storage holds nothing of ours */
  }
}

const SET_ASIDE = 'It was set aside in this browser, and the game starts fresh.';

/** Moves the stored text out of the way (kept under the set-aside key), with a message saying why. */
function setAside(storage: KeptStorage, text: string, why: string): ReadKept {
  try {
    storage.setItem(KEPT_SET_ASIDE_KEY, text);
  } catch {
    /* no room for the copy: it goes, but the title must not offer it again and again */
  }
  clearKept(storage);
  return { kind: 'set-aside', message: `${why} ${SET_ASIDE}` };
}

type Examined = { ok: true; kept: KeptRound } | { ok: false; message: string };

const BROKEN = 'The game that was in progress before this page was reloaded could not be read.';

/** The stored text, checked in full (see readKept); no side effect. */
function examine(text: string, levelOf: (id: string) => Level | null): Examined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: BROKEN };
  }
  const env = Envelope.safeParse(data);
  if (!env.success) return { ok: false, message: BROKEN };
  if (env.data.version !== KEPT_VERSION)
    return { ok: false, message: 'The game that was in progress was saved by another version of Ripple Effect, so it cannot be resumed.' };
  const round = parseLogMessage(env.data.round);
  if (!round || round.kind !== 'round' || !round.level || round.levelId === null) return { ok: false, message: BROKEN };
  const level = round.level;
  if (levelHash(level) !== env.data.levelHash) return { ok: false, message: BROKEN };
  const current = levelOf(round.levelId);
  if (current && levelHash(current) !== env.data.levelHash)
    return {
      ok: false,
      message: `The level "${level.title}" has changed since its game was left in progress, so that game cannot be resumed.`,
    };
  return {
    ok: true,
    kept: {
      format: KEPT_FORMAT,
      version: KEPT_VERSION,
      levelHash: env.data.levelHash,
      hash: env.data.hash,
      session: env.data.session,
      round: { ...round, levelId: round.levelId, level: current ?? level },
    },
  };
}

function storedText(storage: KeptStorage | null): string | null {
  try {
    return storage?.getItem(KEPT_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * The kept round, checked in full: its format and version, the round message through the shared
 * gate, and its level against `levelOf(levelId)` (the game's own level of that id; null when the game
 * has none, e.g. a trainer's file: the kept level is used). What fails is set aside. Never throws.
 */
export function readKept(storage: KeptStorage | null, levelOf: (id: string) => Level | null): ReadKept {
  const text = storedText(storage);
  if (text === null || !storage) return { kind: 'none' };
  const e = examine(text, levelOf);
  return e.ok ? { kind: 'ok', kept: e.kept } : setAside(storage, text, e.message);
}

/** The kept round as readKept sees it, without setting anything aside (for read-only tools). */
export function peekKept(storage: KeptStorage | null, levelOf: (id: string) => Level | null): KeptRound | null {
  const text = storedText(storage);
  if (text === null) return null;
  const e = examine(text, levelOf);
  return e.ok ? e.kept : null;
}

export type Rebuilt = { ok: true; sim: Sim } | { ok: false; message: string };

/**
 * The kept round's sim, rebuilt by a replica from the log (it refuses a log that cannot be true) and
 * checked against the kept state hash. `replay` is src/sim's replay (events on, so the board's
 * journeys can be collected from the rebuilt part).
 */
export function rebuildKept(kept: KeptRound, replay: ReplayFn): Rebuilt {
  const title = `"${kept.round.level.title}"`;
  try {
    const replica = createReplica(replay, { authority: KEPT_AUTHORITY });
    const verdict = replica.receive(kept.round);
    const sim = replica.sim();
    if (verdict !== 'applied' || !sim)
      return { ok: false, message: `The game of ${title} that was in progress does not add up, so it cannot be resumed.` };
    if (sim.hash() !== kept.hash)
      return {
        ok: false,
        message: `The game of ${title} that was in progress could not be rebuilt exactly as it was (the game may have been updated since), so it cannot be resumed.`,
      };
    return { ok: true, sim };
  } catch {
    return { ok: false, message: `The game of ${title} that was in progress could not be rebuilt, so it cannot be resumed.` };
  }
}

/** Sets the kept round aside after a failed rebuild (see readKept). */
export function setKeptAside(storage: KeptStorage | null, message: string): ReadKept {
  if (!storage) return { kind: 'set-aside', message };
  let text: string | null = null;
  try {
    text = storage.getItem(KEPT_KEY);
  } catch {
    /* nothing to move */
  }
  if (text === null) return { kind: 'set-aside', message };
  return setAside(storage, text, message);
}

/** m:ss of a sim time, as the resume offer says it ("Resume at 2:31"). */
export function clockOf(t: number): string {
  const s = Math.max(0, Math.floor(t));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
