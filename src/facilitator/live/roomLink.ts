/**
 * The projector window's end of the BroadcastChannel transport: it links with one presenter, checks
 * every envelope (that presenter, this window's signature, a higher seq), and feeds the round-log
 * messages to its replica (src/roundlog/replica.ts); it keeps what the room may see (`present`).
 *
 * It says `alive` every second (so the presenter's "linked" is true, and goes false when this window
 * closes), asks for the round (`want`) whenever the replica needs it, and without a key says `hello`
 * with a nonce until a presenter welcomes it. No DOM: the caller passes wall-clock ms to `poll`.
 */
import { createReplica, parseLogMessage, type Replica, type ReplayFn } from '../../roundlog/index';
import type { LinkKey } from './liveHub';
import { randomToken } from './linkKey';
import { PresentSchema, signature, type PresentBody, type SyncChannel, type Wire } from './sync';

/** Largest envelope body read (a two-hour round's log with a big level fits many times over). */
export const MAX_BODY_CHARS = 4_000_000;
/** No word from the presenter for this long: the room is not linked. */
export const SILENCE_MS = 3500;

export interface RoomLinkInfo {
  linked: boolean;
  /** The presenter this window trusts, if any. */
  presenter: string | null;
  /** Envelopes refused: unsigned, badly signed, replayed, too big, malformed. */
  refused: number;
  /** Envelopes from another presenter than ours. */
  foreign: number;
  everLinked: boolean;
  presenterGone: boolean;
}

export interface RoomLink {
  readonly replica: Replica;
  present(): PresentBody | null;
  /** Sends what is due (hello, want, alive); call it a few times a second. */
  poll(nowMs: number): void;
  connected(nowMs: number): boolean;
  info(nowMs: number): RoomLinkInfo;
  close(): void;
}

export interface RoomLinkOptions {
  channel: SyncChannel;
  link: LinkKey | null;
  /** Keeps a key the presenter handed over (this tab's sessionStorage), so a reload stays linked. */
  saveLink?: (link: LinkKey) => void;
  replay: ReplayFn;
  maxLeadSeconds?: number;
  /** Called after each accepted message (the window redraws). */
  onChange?: () => void;
}

export function createRoomLink(opts: RoomLinkOptions): RoomLink {
  const { channel } = opts;
  let link = opts.link;
  const me = link?.audience ?? randomToken();
  const nonce = randomToken();
  const replica = createReplica(opts.replay, {
    maxLeadSeconds: opts.maxLeadSeconds,
    ...(link ? { authority: link.presenter } : {}),
  });
  let present: PresentBody | null = null;
  let lastSeq = -1;
  let heard = -Infinity;
  let gone = false;
  let everLinked = false;
  let refused = 0;
  let foreign = 0;
  let lastHello = -Infinity;
  let lastWant = -Infinity;
  let lastAlive = -Infinity;
  let now = 0;

  const send = (kind: 'hello' | 'want' | 'alive' | 'bye') =>
    channel.post(kind === 'hello' && !link ? { re: 'room', from: me, kind, nonce } : { re: 'room', from: me, kind });
  const want = () => {
    if (now - lastWant < 500) return;
    lastWant = now;
    send('want');
  };

  function onEnvelope(msg: Extract<Wire, { re: 'presenter' }>): void {
    if (!link || msg.from !== link.presenter) {
      foreign++;
      return;
    }
    const sig = msg.sig[me];
    const json = JSON.stringify(msg.body);
    if (!sig || msg.seq <= lastSeq || json.length > MAX_BODY_CHARS || signature(link.key, msg.seq, json) !== sig) {
      refused++;
      return;
    }
    lastSeq = msg.seq;
    heard = now;
    everLinked = true;
    const body = msg.body as { kind: string };
    if (body.kind === 'bye') {
      gone = true;
    } else if (body.kind === 'present') {
      gone = false;
      const p = PresentSchema.safeParse(body);
      if (p.success) present = p.data;
      else refused++;
    } else {
      gone = false;
      const m = parseLogMessage(body);
      if (!m) refused++;
      else if (replica.receive(m) === 'resync') want();
    }
    opts.onChange?.();
  }

  const unsubscribe = channel.subscribe((msg) => {
    if (msg.re === 'welcome') {
      if (link || msg.to !== nonce || msg.audience !== me) return;
      link = { presenter: msg.from, audience: me, key: msg.key };
      opts.saveLink?.(link);
      replica.bind(link.presenter);
      lastWant = -Infinity;
      want();
      return;
    }
    if (msg.re === 'presenter') onEnvelope(msg);
  });

  const connected = (t: number) => link !== null && !gone && t - heard < SILENCE_MS;

  return {
    replica,
    present: () => present,
    poll(t) {
      now = t;
      if (!link) {
        if (t - lastHello >= 1000) {
          lastHello = t;
          send('hello');
        }
        return;
      }
      if (replica.wantsRound() || !connected(t)) want();
      if (t - lastAlive >= 1000) {
        lastAlive = t;
        send('alive');
      }
    },
    connected,
    info: (t) => ({
      linked: connected(t),
      presenter: link?.presenter ?? null,
      refused,
      foreign,
      everLinked,
      presenterGone: gone,
    }),
    close() {
      send('bye');
      unsubscribe();
    },
  };
}
