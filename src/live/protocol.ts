/**
 * The live workshop's wire protocol between the room server (server/) and the devices: join options,
 * the messages a device may send (each checked with zod at the server's edge, with bounded sizes) and
 * the messages the server sends. Browser-safe: the join screen and the room view use the same types.
 *
 * A round of a table is its level, its seed and the ordered log of commands stamped with sim time;
 * the server is the one authority that orders and validates that log, and every board that shows the
 * table (its devices, the projector, the facilitator's view) is a replica replaying it.
 */
import { z } from 'zod';
import { CommandSchema } from '../contract/commands';
import type { Level } from '../level/schema';
import type { LogMessage } from '../roundlog/index';
import type { Metrics, ScoreReport, TimedCommand } from '../sim/types';

/** Bumped whenever a message changes shape: a device of another version is refused with plain words. */
export const PROTOCOL_VERSION = 3;
export const ROOM_NAME = 'live';

/** A whole board on one device, or one department per device. */
export type SeatMode = 'board' | 'departments';
/** The one seat of a whole-board table. */
export const BOARD_SEAT = 'board';

export const TEAM_NAME_MAX = 40;
const text = (max: number) => z.string().max(max);
const secret = z.string().min(16).max(128);
const ident = z.string().min(1).max(64);

/** Team names are plain text: trimmed, inner runs of spaces kept to one, no control characters. */
export function cleanTeamName(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const TeamName = text(200)
  .transform(cleanTeamName)
  .pipe(
    z
      .string()
      .min(1, 'Type a team name.')
      .max(TEAM_NAME_MAX, `A team name has at most ${TEAM_NAME_MAX} characters.`),
  );

export const JoinOptions = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('facilitator'),
    version: z.number().int(),
    key: secret,
    /** Only when creating the session. */
    seats: z.enum(['board', 'departments']).optional(),
  }),
  z.object({
    role: z.literal('table'),
    version: z.number().int(),
    team: TeamName,
    /** Kept in the device's session storage: gives back its seats after a server restart. */
    device: secret.optional(),
  }),
  z.object({ role: z.literal('projector'), version: z.number().int() }),
]);
export type JoinOptions = z.input<typeof JoinOptions>;
export type Role = JoinOptions['role'];

export const ControlAction = z.enum(['start', 'pause', 'resume', 'extend', 'end']);
export type ControlAction = z.infer<typeof ControlAction>;

/** Messages a device may send, by type. Anything else, or anything malformed, is refused. */
export const ClientMessages = {
  /** A table's command for its own seats. `seq` goes up by one per command of this device. */
  cmd: z.object({ seq: z.number().int().min(0).max(1e9), cmd: CommandSchema }),
  claim: z.object({ seat: ident }),
  release: z.object({ seat: ident }),
  /** Send me the whole round of this table again (late join, missed message, hash mismatch). */
  catchup: z.object({ table: ident }),
  control: z.object({
    action: ControlAction,
    /** One table, or every table when absent. */
    table: ident.optional(),
    levelId: ident.optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
  }),
  event: z.object({ event: ident }),
  /**
   * The facilitator's choice of level for the next round: tables waiting for it read its briefing (and,
   * one department each, take its desks) before the round starts.
   */
  next: z.object({ levelId: ident }),
  leaderboard: z.object({ show: z.boolean() }),
  /** The facilitator picks the table the projector shows ('' for the projector's own choice). */
  project: z.object({ table: z.union([ident, z.literal('')]) }),
} as const;
export type ClientMessageType = keyof typeof ClientMessages;
export type ClientMessage<K extends ClientMessageType> = z.input<(typeof ClientMessages)[K]>;

/** Messages larger than this (as JSON) are refused before they are parsed. */
export const MAX_MESSAGE_CHARS = 2048;
/** More than this many messages a second from one device and the server drops it. */
export const MAX_MESSAGES_PER_SECOND = 30;

export type RoundStatus = 'waiting' | 'running' | 'paused' | 'over';

/** A logged command: who sent it (a seat, the computer for a free seat, or the facilitator). */
export interface LogEntry extends TimedCommand {
  by: string;
}

/**
 * One round-log message (src/roundlog: round, entry, tick, check) of one table. Each table's round has
 * its own authority id, so a replica of table t2 never takes t1's messages.
 */
export interface TableLogMessage {
  table: string;
  msg: LogMessage;
}

export type AckMessage =
  { seq: number; ok: true; index: number } | { seq: number; ok: false; reason: string };

/**
 * A host name or an IPv4 address as the server offers it (never a path, a port or markup): what a join
 * link is built from.
 */
export const HostName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$/);

/** The server's first message to a device once it has joined; the page reads it through this schema. */
export const WelcomeSchema = z.object({
  role: z.enum(['facilitator', 'table', 'projector']),
  code: z.string().max(64),
  /** A table's id and its device token (to keep in session storage). */
  table: z.string().max(64).optional(),
  device: z.string().max(128).optional(),
  /** The seats this device holds (a whole-board table's first device takes the board at once). */
  seats: z.array(z.string().max(64)).max(64).optional(),
  /**
   * To the facilitator only: the room server's addresses on the venue network (IPv4, best first), the
   * ones a phone at a table can open; empty when the machine is on no network. A page opened at
   * localhost builds its join link and QR code from the first (src/live/joinAddress.ts). Pages of
   * protocol 3 without it ignore it.
   */
  addresses: z.array(HostName).max(16).optional(),
});
export type WelcomeMessage = z.infer<typeof WelcomeSchema>;

/** To one table device whenever its table's seats change: the seats it holds now. */
export interface SeatsMessage {
  seats: string[];
}

/**
 * The official result of a table's finished round, from the server's own sim (the same fields as the
 * facilitator's export): to the table's devices and the projector when the round ends, and again to
 * whoever joins or rejoins while it is over.
 */
export interface ResultMessage {
  table: string;
  team: string;
  run: number;
  levelId: string;
  seed: number;
  simTime: number;
  hash: string;
  score: ScoreReport;
  metrics: Metrics;
  commands: number;
}

/**
 * A finished round as the facilitator gets it (the 'results' answer and the JSON export): the official
 * result with the level and the ordered log it was played with, so the facilitator's browser can replay
 * it for the debrief (checked against the official hash) and the export can be replayed later.
 */
export interface OfficialRound extends ResultMessage {
  level: Level;
  log: LogEntry[];
}
