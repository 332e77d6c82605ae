/**
 * The BroadcastChannel transport of the round log (src/roundlog/): presenter and projector windows of
 * one browser. The presenter's window is the authority; each projector window is a replica.
 *
 * On the wire:
 *  - presenter -> room: an envelope { re: 'presenter', from, seq, body, sig } whose body is a round-log
 *    message, `present` (what the room may see, the team, mute) or `bye`; `sig` holds, for each linked
 *    projector window, the HMAC of `seq|body` under that window's own key (./linkKey.ts). A window takes
 *    only envelopes from the presenter it linked with, signed with its key, with a higher seq;
 *  - room -> presenter: { re: 'room', from, kind: 'hello' | 'want' | 'alive' | 'bye' };
 *  - { re: 'welcome' }: the presenter hands a key to a window that was opened by hand (`?audience=1`
 *    typed in a new tab): it said hello with a nonce. A window opened with the Projector window button
 *    gets its key in the address (#link=...) instead, so that key never crosses the channel.
 * Each side drops what arrives faster than it can use (see `createSyncChannel`).
 */
import { z } from 'zod';
import type { LogMessage } from '../../roundlog/index';
import { hmac } from './linkKey';

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
  /** The panel the room's screen shows (one of those revealed); null: the last one revealed. */
  focus: DebriefPanel | null;
  /** The replay board at this sim second fills the room's screen instead of a panel; null: no replay. */
  replay: number | null;
}

export const NOTHING_REVEALED: Revealed = {
  screen: 'lobby',
  debriefStep: 0,
  questions: 0,
  customer: null,
  focus: null,
  replay: null,
};

/** What the room may see, the team, and whether it plays sound. */
export interface PresentBody {
  kind: 'present';
  sessionId: string;
  roundId: string | null;
  team: string | null;
  /** The team and the round's place in the session ("Blue table · round 2 of 3"), shown during play. */
  label: string | null;
  revealed: Revealed;
  muted: boolean;
}

export type RoomBody = LogMessage | PresentBody | { kind: 'bye' };

export interface PresenterEnvelope {
  re: 'presenter';
  from: string;
  seq: number;
  body: RoomBody;
  sig: Record<string, string>;
}
export interface RoomMsg {
  re: 'room';
  from: string;
  kind: 'hello' | 'want' | 'alive' | 'bye';
  /** hello from a window without a key: the presenter answers with a welcome to this nonce. */
  nonce?: string;
}
export interface WelcomeMsg {
  re: 'welcome';
  from: string;
  to: string;
  audience: string;
  key: string;
}
export type Wire = PresenterEnvelope | RoomMsg | WelcomeMsg;

export const RevealedSchema = z.object({
  screen: z.enum(['lobby', 'play', 'results', 'debrief']),
  debriefStep: z.number().int().min(0).max(20),
  questions: z.number().int().min(0).max(100),
  customer: z.number().int().nullable(),
  focus: z.enum(DEBRIEF_PANELS).nullable().default(null),
  replay: z.number().min(0).max(1_000_000).nullable().default(null),
});

export const PresentSchema = z.object({
  kind: z.literal('present'),
  sessionId: z.string().min(1).max(200),
  roundId: z.string().max(200).nullable(),
  team: z.string().max(200).nullable(),
  label: z.string().max(300).nullable().default(null),
  revealed: RevealedSchema,
  muted: z.boolean(),
});

const token = z.string().min(8).max(80);
const EnvelopeSchema = z.object({
  re: z.literal('presenter'),
  from: token,
  seq: z.number().int().min(0),
  body: z.object({ kind: z.string() }).passthrough(),
  sig: z.record(z.string().max(80), z.string().max(80)),
});
const RoomSchema = z.object({
  re: z.literal('room'),
  from: token,
  kind: z.enum(['hello', 'want', 'alive', 'bye']),
  nonce: token.optional(),
});
const WelcomeSchema = z.object({ re: z.literal('welcome'), from: token, to: token, audience: token, key: token });

/** The wire message's shape (the body is checked by whoever reads it), or null. */
export function parseWire(data: unknown): Wire | null {
  const re = (data as { re?: unknown } | null)?.re;
  const schema = re === 'presenter' ? EnvelopeSchema : re === 'room' ? RoomSchema : re === 'welcome' ? WelcomeSchema : null;
  const m = schema?.safeParse(data);
  return m?.success ? (m.data as Wire) : null;
}

/** The signature of one envelope for one window's key. */
export function signature(key: string, seq: number, bodyJson: string): string {
  return hmac(key, `${seq}|${bodyJson}`);
}

// ---- presenter side: what to reveal next ----

/**
 * One key for the presenter: each press shows the next debrief panel; on the questions panel it shows
 * the next question. Back (-1) hides in reverse order. Clamped at both ends. While the room shows the
 * replay or a panel the facilitator chose, a step first brings it back to the newest part.
 */
export function stepReveal(was: Revealed, dir: 1 | -1, questionCount: number): Revealed {
  const last = DEBRIEF_PANELS.length;
  // A step brings the room back from a chosen panel or the replay to the newest part.
  const r: Revealed = { ...was, focus: null, replay: null };
  if (dir === 1) {
    if (r.debriefStep < last) return { ...r, screen: 'debrief', debriefStep: r.debriefStep + 1 };
    return { ...r, screen: 'debrief', questions: Math.min(questionCount, r.questions + 1) };
  }
  if (was.replay !== null || was.focus !== null) return r; // back takes the replay or the chosen panel away first
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
  post(msg: Wire): void;
  /** Well-shaped wire messages only; returns an unsubscribe function. */
  subscribe(fn: (msg: Wire) => void): () => void;
  /** Messages dropped for coming too fast or too big. */
  dropped(): number;
  close(): void;
}

/** The part of BroadcastChannel we use, so tests can pass a fake. */
export interface BroadcastChannelLike {
  postMessage(data: unknown): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}
export type BroadcastChannelCtor = new (name: string) => BroadcastChannelLike;

export interface ChannelOptions {
  BroadcastChannelImpl?: BroadcastChannelCtor;
  /** Wall-clock ms (tests pass their own). */
  now?: () => number;
  /** Most messages taken in one second; the rest are dropped unread. Default 400. */
  perSecond?: number;
}

export function createSyncChannel(name: string, opts: ChannelOptions = {}): SyncChannel {
  const Impl = opts.BroadcastChannelImpl ?? (globalThis.BroadcastChannel as unknown as BroadcastChannelCtor | undefined);
  const now = opts.now ?? (() => performance.now());
  const perSecond = opts.perSecond ?? 400;
  const listeners = new Set<(msg: Wire) => void>();
  let bc: BroadcastChannelLike | null = null;
  let windowStart = -Infinity;
  let taken = 0;
  let dropped = 0;
  try {
    bc = Impl ? new Impl(name) : null;
  } catch {
    bc = null;
  }
  if (bc) {
    bc.onmessage = (ev) => {
      const t = now();
      if (t - windowStart >= 1000) {
        windowStart = t;
        taken = 0;
      }
      if (++taken > perSecond) {
        dropped++;
        return;
      }
      const msg = parseWire(ev.data);
      if (msg) for (const fn of [...listeners]) fn(msg);
    };
  }
  return {
    available: bc !== null,
    post(msg) {
      try {
        bc?.postMessage(msg);
      } catch {
        // A closed channel or an uncloneable value: the room will ask again.
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    dropped: () => dropped,
    close() {
      listeners.clear();
      bc?.close();
      bc = null;
    },
  };
}
