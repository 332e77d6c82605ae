/**
 * Presenter and audience windows, kept in step over a BroadcastChannel (same browser, same origin).
 *
 * The presenter owns everything: the sim, the clock, and what the room may see (`revealed`). The audience
 * window only mirrors. Because the sim is deterministic, the presenter sends the level, the seed and its
 * commands, never the board; the audience runs its own replica (see ./follower.ts).
 *
 * `audienceReduce` is pure; `createSyncChannel` is a thin wrapper that tests replace with a fake.
 */
import { z } from 'zod';
import { Level } from '../../level/schema';
import type { TimedCommand } from '../../sim/types';
import { CommandSchema, TimedCommandSchema } from '../../contract/commands';

export function channelName(sessionId: string): string {
  return `ripple-effect:${sessionId}`;
}

/** Debrief panels in the order the presenter reveals them. */
export const DEBRIEF_PANELS = ['outcomes', 'queues', 'ripples', 'journey', 'rounds', 'questions'] as const;
export type DebriefPanel = (typeof DEBRIEF_PANELS)[number];

/** What the room may see. Only the presenter changes it; the audience never runs ahead of it. */
export interface Revealed {
  screen: 'lobby' | 'play' | 'results' | 'debrief';
  /** How many debrief panels are shown, in DEBRIEF_PANELS order (0: none yet). */
  debriefStep: number;
  /** How many of the level's discussion questions are shown (in order). */
  questions: number;
  /** The customer whose journey is on screen, if any. */
  customer: number | null;
}

export const NOTHING_REVEALED: Revealed = { screen: 'lobby', debriefStep: 0, questions: 0, customer: null };

/** The full picture the presenter sends on request and after any restart. */
export interface PresenterState {
  sessionId: string;
  roundId: string | null;
  /** Goes up by one each time a round starts or restarts, so stale ticks and commands are recognised. */
  run: number;
  levelId: string | null;
  seed: number;
  /** The whole level, so a level dropped onto the presenter window works in the audience window too. */
  level: Level | null;
  commandLog: TimedCommand[];
  simTime: number;
  speed: number;
  paused: boolean;
  revealed: Revealed;
  muted: boolean;
}

export type SyncMessage =
  | { type: 'hello'; from: string }
  | ({ type: 'state' } & PresenterState)
  | { type: 'tick'; run: number; simTime: number; speed: number; paused: boolean }
  | ({ type: 'command'; run: number; index: number } & TimedCommand)
  | { type: 'reveal'; revealed: Revealed }
  | { type: 'mute'; muted: boolean }
  | { type: 'bye' };

const RevealedSchema = z.object({
  screen: z.enum(['lobby', 'play', 'results', 'debrief']),
  debriefStep: z.number().int().min(0),
  questions: z.number().int().min(0),
  customer: z.number().int().nullable(),
});

const MessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), from: z.string() }),
  z.object({
    type: z.literal('state'),
    sessionId: z.string(),
    roundId: z.string().nullable(),
    run: z.number().int(),
    levelId: z.string().nullable(),
    seed: z.number().int(),
    level: z.unknown(),
    commandLog: z.array(TimedCommandSchema),
    simTime: z.number().min(0),
    speed: z.number().min(0),
    paused: z.boolean(),
    revealed: RevealedSchema,
    muted: z.boolean(),
  }),
  z.object({ type: z.literal('tick'), run: z.number().int(), simTime: z.number().min(0), speed: z.number().min(0), paused: z.boolean() }),
  z.object({
    type: z.literal('command'),
    run: z.number().int(),
    index: z.number().int().min(0),
    at: z.number().min(0),
    cmd: CommandSchema,
    after: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('reveal'), revealed: RevealedSchema }),
  z.object({ type: z.literal('mute'), muted: z.boolean() }),
  z.object({ type: z.literal('bye') }),
]);

/** Checks a message from the channel; anything malformed is dropped (null). The level is re-validated. */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  const m = MessageSchema.safeParse(data);
  if (!m.success) return null;
  if (m.data.type !== 'state') return m.data;
  if (m.data.level === null) return { ...m.data, level: null };
  const level = Level.safeParse(m.data.level);
  return level.success ? { ...m.data, level: level.data } : null;
}

// ---- audience side ----

export interface AudienceState extends PresenterState {
  /** True once a full state has arrived and until the presenter says goodbye. */
  connected: boolean;
  /** A tick or command arrived that does not fit what we have: ask the presenter with a 'hello'. */
  needsState: boolean;
}

export function initialAudienceState(sessionId = ''): AudienceState {
  return {
    sessionId,
    roundId: null,
    run: -1,
    levelId: null,
    seed: 0,
    level: null,
    commandLog: [],
    simTime: 0,
    speed: 1,
    paused: true,
    revealed: NOTHING_REVEALED,
    muted: false,
    connected: false,
    needsState: true,
  };
}

/** Pure: the audience's picture after one message. */
export function audienceReduce(state: AudienceState, msg: SyncMessage): AudienceState {
  switch (msg.type) {
    case 'hello':
      return state;
    case 'state': {
      const { type: _type, ...presenter } = msg;
      return { ...presenter, commandLog: [...msg.commandLog], connected: true, needsState: false };
    }
    case 'tick':
      if (!state.connected || msg.run !== state.run) return { ...state, needsState: true };
      return { ...state, simTime: Math.max(state.simTime, msg.simTime), speed: msg.speed, paused: msg.paused };
    case 'command': {
      if (!state.connected || msg.run !== state.run) return { ...state, needsState: true };
      if (msg.index < state.commandLog.length) return state; // already have it
      if (msg.index > state.commandLog.length) return { ...state, needsState: true }; // missed one
      const tc: TimedCommand = msg.after === undefined ? { at: msg.at, cmd: msg.cmd } : { at: msg.at, cmd: msg.cmd, after: msg.after };
      return {
        ...state,
        commandLog: [...state.commandLog, tc],
        simTime: Math.max(state.simTime, msg.at),
      };
    }
    case 'reveal':
      return { ...state, revealed: msg.revealed };
    case 'mute':
      return { ...state, muted: msg.muted };
    case 'bye':
      return { ...state, connected: false, paused: true };
  }
}

// ---- presenter side: what to reveal next ----

/**
 * One key for the presenter: each press shows the next debrief panel; on the questions panel it shows
 * the next question. Back (-1) hides in reverse order. Clamped at both ends.
 */
export function stepReveal(r: Revealed, dir: 1 | -1, questionCount: number): Revealed {
  const last = DEBRIEF_PANELS.length;
  if (dir === 1) {
    if (r.debriefStep < last) return { ...r, screen: 'debrief', debriefStep: r.debriefStep + 1 };
    return { ...r, screen: 'debrief', questions: Math.min(questionCount, r.questions + 1) };
  }
  if (r.debriefStep === last && r.questions > 0) return { ...r, questions: r.questions - 1 };
  return { ...r, debriefStep: Math.max(0, r.debriefStep - 1) };
}

/** The debrief panels the room may see now. */
export function visiblePanels(r: Revealed): DebriefPanel[] {
  return r.screen === 'debrief' ? DEBRIEF_PANELS.slice(0, r.debriefStep) : [];
}

/** The discussion questions the room may see now; the rest are not handed to the view at all. */
export function visibleQuestions(questions: readonly string[], r: Revealed): string[] {
  return visiblePanels(r).includes('questions') ? questions.slice(0, r.questions) : [];
}

// ---- the channel ----

export interface SyncChannel {
  /** False when the browser has no BroadcastChannel: posting does nothing and nothing arrives. */
  readonly available: boolean;
  post(msg: SyncMessage): void;
  /** Valid messages only; returns an unsubscribe function. */
  subscribe(fn: (msg: SyncMessage) => void): () => void;
  close(): void;
}

/** The part of BroadcastChannel we use, so tests can pass a fake. */
export interface BroadcastChannelLike {
  postMessage(data: unknown): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}
export type BroadcastChannelCtor = new (name: string) => BroadcastChannelLike;

export function createSyncChannel(name: string, opts: { BroadcastChannelImpl?: BroadcastChannelCtor } = {}): SyncChannel {
  const Impl = opts.BroadcastChannelImpl ?? (globalThis.BroadcastChannel as unknown as BroadcastChannelCtor | undefined);
  const listeners = new Set<(msg: SyncMessage) => void>();
  let bc: BroadcastChannelLike | null = null;
  try {
    bc = Impl ? new Impl(name) : null;
  } catch {
    bc = null;
  }
  if (bc) {
    bc.onmessage = (ev) => {
      const msg = parseSyncMessage(ev.data);
      if (msg) for (const fn of [...listeners]) fn(msg);
    };
  }
  return {
    available: bc !== null,
    post(msg) {
      try {
        bc?.postMessage(msg);
      } catch {
        // A closed channel or an uncloneable value: the audience will ask again with 'hello'.
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    close() {
      listeners.clear();
      bc?.close();
      bc = null;
    },
  };
}
