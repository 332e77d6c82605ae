/**
 * The round log's messages, the same on every transport. A round is its level, its seed and the ordered
 * log of commands; these four messages carry it from the one authority to any number of replicas:
 *
 *  - `round`: everything (header, whole log, time): what a late joiner or a resync starts from;
 *  - `entry`: one command, stamped by the authority with its index in the log and its sim time;
 *  - `tick`:  the authority's sim time, speed and pause, and how long the log is (a replica that holds
 *             fewer entries knows it missed one);
 *  - `check`: the authority's state hash at a sim time (a multiple of CHECK_EVERY seconds, a pause, the
 *             end); a replica whose hash differs at that time has diverged and asks for a resync.
 *
 * Every message names its `authority` (an id the transport vouches for) and its `run` (one attempt of a
 * round: a restart is a new run), so a replica never mixes two presenters or two attempts.
 * `parseLogMessage` is the one gate: zod shapes, the shared command contract, the level re-validated.
 */
import { z } from 'zod';
import { Level } from '../level/schema';
import type { Command, TimedCommand } from '../sim/types';
import { CommandSchema } from '../contract/commands';

/** Sim seconds between two state-hash checks (both sides hash at exactly the multiples of this). */
export const CHECK_EVERY = 5;
/** Longest log a message may carry (a 2-hour round with a command a second is 7,200). */
export const MAX_LOG = 20_000;

export interface RoundMsg {
  kind: 'round';
  authority: string;
  run: number;
  /** null: no round (the room waits). */
  levelId: string | null;
  seed: number;
  level: Level | null;
  log: TimedCommand[];
  t: number;
  speed: number;
  paused: boolean;
}

export interface EntryMsg {
  kind: 'entry';
  authority: string;
  run: number;
  index: number;
  at: number;
  after?: number;
  cmd: Command;
}

export interface TickMsg {
  kind: 'tick';
  authority: string;
  run: number;
  t: number;
  speed: number;
  paused: boolean;
  /** Entries in the log so far. */
  count: number;
}

export interface CheckMsg {
  kind: 'check';
  authority: string;
  run: number;
  t: number;
  count: number;
  hash: string;
}

export type LogMessage = RoundMsg | EntryMsg | TickMsg | CheckMsg;

const time = z.number().finite().min(0).max(1e7);
const id = z.string().min(1).max(120);
const run = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const speed = z.number().finite().min(0).max(16);
const TimedCommandSchema = z.object({ at: time, cmd: CommandSchema, after: z.number().int().min(0).optional() });

const Schema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('round'),
    authority: id,
    run,
    levelId: id.nullable(),
    seed: z.number().int(),
    level: z.unknown(),
    log: z.array(TimedCommandSchema).max(MAX_LOG),
    t: time,
    speed,
    paused: z.boolean(),
  }),
  z.object({
    kind: z.literal('entry'),
    authority: id,
    run,
    index: z.number().int().min(0).max(MAX_LOG),
    at: time,
    after: z.number().int().min(0).optional(),
    cmd: CommandSchema,
  }),
  z.object({ kind: z.literal('tick'), authority: id, run, t: time, speed, paused: z.boolean(), count: z.number().int().min(0) }),
  z.object({ kind: z.literal('check'), authority: id, run, t: time, count: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{1,64}$/) }),
]);

const plainEntry = (e: { at: number; cmd: Command; after?: number | undefined }): TimedCommand =>
  e.after === undefined ? { at: e.at, cmd: e.cmd } : { at: e.at, cmd: e.cmd, after: e.after };

/** A LogMessage, or null when anything about it is malformed (the level is checked in full). */
export function parseLogMessage(data: unknown): LogMessage | null {
  const m = Schema.safeParse(data);
  if (!m.success) return null;
  const d = m.data;
  switch (d.kind) {
    case 'round': {
      let level: Level | null = null;
      if (d.level !== null && d.level !== undefined) {
        const l = Level.safeParse(d.level);
        if (!l.success) return null;
        level = l.data;
      }
      if ((level === null) !== (d.levelId === null)) return null;
      return { ...d, level, log: d.log.map(plainEntry) };
    }
    case 'entry': {
      const { after, ...rest } = d;
      return after === undefined ? rest : { ...rest, after };
    }
    default:
      return d;
  }
}

const cmdKey = (c: Command): string =>
  JSON.stringify(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Whether two log entries are the same command at the same moment (key order does not matter). */
export function sameEntry(a: TimedCommand | undefined, b: TimedCommand | undefined): boolean {
  return a !== undefined && b !== undefined && a.at === b.at && a.after === b.after && cmdKey(a.cmd) === cmdKey(b.cmd);
}
