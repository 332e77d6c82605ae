/**
 * The presenter window's end of live facilitation: the authority of the round log (src/roundlog/) on
 * the BroadcastChannel transport (./sync.ts). One hub for the whole page (it outlives the play scene,
 * so the link holds through the results and the debrief).
 *
 * Channels: always `channelName('local')` (so `?audience=1` works without a session), and the session
 * channel of the current (or last) facilitator round (`?audience=<sessionId>`).
 *
 * Links: each projector window has its own key. The Projector window button makes one and puts it in
 * the new window's address (`newLink`); a window opened by hand says hello and gets a key in a welcome.
 * Keys are kept in this tab's sessionStorage, so a reload of the presenter keeps its links.
 * The hub answers a window that asks for the round (a late joiner, a reload, a resync), at most twice a
 * second per window, and notices another presenter on the same channel.
 *
 * The play scene calls roundStarted / frame / roundEnded / left (see ./livePlay.ts); the debrief calls
 * reveal(). Callers pass wall-clock ms where time matters.
 */
import type { Level } from '../../level/schema';
import { createAuthority, type Authority, type LogMessage } from '../../roundlog/index';
import type { Sim } from '../../sim/types';
import { getActiveRound, onActiveRoundChange } from '../session/activeRound';
import { findRound } from '../session/session';
import { roundPlace } from '../session/roundPlace';
import { getSessionStore } from '../session/roundRecorder';
import { randomToken } from './linkKey';
import {
  channelName,
  createSyncChannel,
  NOTHING_REVEALED,
  signature,
  type PresentBody,
  type Revealed,
  type RoomBody,
  type SyncChannel,
  type Wire,
} from './sync';

export const LOCAL_SESSION = 'local';
/** A projector window counts as linked while it spoke within this many ms (it says "alive" every second). */
export const LINK_TIMEOUT_MS = 3500;
const MAX_LINKS = 8;

export interface LinkKey {
  presenter: string;
  audience: string;
  key: string;
}

export interface HubState {
  sessionId: string;
  run: number;
  revealed: Revealed;
  simTime: number;
  paused: boolean;
}

export interface LiveHub {
  /**
   * A new run of a level began (start, restart, resume): returns the sim to play on (it feeds the log).
   * `at` is how it starts (a resumed game starts paused); default running at 1x.
   */
  roundStarted(level: Level, levelId: string, seed: number, sim: Sim, nowMs: number, at?: { speed: number; paused: boolean }): Sim;
  /** Each frame: new entries and checks, then a tick (at most every 50 ms, at once on a change). */
  frame(sim: Sim, speed: number, paused: boolean, nowMs: number): void;
  /** The level ended: last entries, the final check, and the room sees the results screen. */
  roundEnded(sim: Sim, nowMs: number): void;
  /** The presenter left the level before its end (menu, another level): the room waits in the lobby. */
  left(): void;
  reveal(r: Revealed): void;
  revealed(): Revealed;
  /** The session round whose run the room shows (null: a play outside the session, or none yet). */
  roomRoundId(): string | null;
  setRoomMuted(m: boolean): void;
  roomMuted(): boolean;
  /** The session the room follows (the active round's, or the last one's, or 'local'). */
  sessionId(): string;
  /** A fresh key for a projector window about to be opened (goes into its address). */
  newLink(): LinkKey;
  /** Projector windows heard from within LINK_TIMEOUT_MS. */
  linkedCount(nowMs?: number): number;
  /** Wall-clock ms when another presenter window was last heard on our channels (−Infinity: never). */
  otherPresenterMs(): number;
  state(): HubState;
  /** Sends what a second passing needs (the link's heartbeat); the hub's own timer calls it. */
  heartbeat(nowMs: number): void;
  close(): void;
}

interface Channel {
  id: string;
  channel: SyncChannel;
}

export interface HubOptions {
  now?: () => number;
  makeChannel?: (name: string) => SyncChannel;
  /** This tab's storage for the presenter id and the links (sessionStorage); null keeps them in memory. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Runs the heartbeat every second (default true; tests call heartbeat themselves). */
  timer?: boolean;
  teamOf?: (sessionId: string, roundId: string) => string | null;
  /** "Blue table · round 2 of 3" for the room's board (default: from the session store). */
  labelOf?: (sessionId: string, roundId: string) => string | null;
}

const STORE_KEY = 'ripple-effect:presenter-link';

function tabStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function defaultTeam(sessionId: string, roundId: string): string | null {
  const session = getSessionStore().getState().session;
  return session.id === sessionId ? (findRound(session, roundId)?.team ?? null) : null;
}

function defaultLabel(sessionId: string, roundId: string): string | null {
  const session = getSessionStore().getState().session;
  return session.id === sessionId ? (roundPlace(session, roundId)?.label ?? null) : null;
}

export function createLiveHub(opts: HubOptions = {}): LiveHub {
  const now = opts.now ?? (() => performance.now());
  const makeChannel = opts.makeChannel ?? ((name: string) => createSyncChannel(name));
  const storage = opts.storage === undefined ? tabStorage() : opts.storage;
  const teamOf = opts.teamOf ?? defaultTeam;
  const labelOf = opts.labelOf ?? (opts.teamOf ? () => null : defaultLabel);

  type Saved = { id?: unknown; links?: Array<{ audience?: unknown; key?: unknown }> };
  let saved: Saved | null = null;
  try {
    const raw = storage?.getItem(STORE_KEY);
    if (raw) saved = JSON.parse(raw) as Saved;
  } catch {
    saved = null;
  }
  const id = typeof saved?.id === 'string' && saved.id.length >= 8 ? saved.id : randomToken();
  const keys = new Map<string, string>();
  for (const l of Array.isArray(saved?.links) ? saved!.links! : [])
    if (typeof l?.audience === 'string' && typeof l.key === 'string') keys.set(l.audience, l.key);
  const persist = () => {
    try {
      storage?.setItem(STORE_KEY, JSON.stringify({ id, links: [...keys].map(([audience, key]) => ({ audience, key })) }));
    } catch {
      /* links then last as long as this page */
    }
  };
  persist();

  // Runs differ after a reload of the presenter window (the clock), so a room never mixes two runs.
  const authority: Authority = createAuthority({ id, firstRun: Math.floor(Date.now() / 1000) });
  let seq = Date.now() * 1000;
  let simTime = 0;
  let speed = 1;
  let paused = true;
  let live = false;
  let revealed: Revealed = NOTHING_REVEALED;
  let muted = false;
  const first = getActiveRound();
  let lastSession: { sessionId: string; roundId: string } | null = first
    ? { sessionId: first.sessionId, roundId: first.roundId }
    : null;
  let lastTickMs = -Infinity;
  let lastTick = { speed: NaN, paused: false };
  let lastCheckMs = -Infinity;
  let otherPresenter = -Infinity;
  let lastWelcome = -Infinity;
  const seen = new Map<string, number>();
  const answered = new Map<string, number>();
  const channels = new Map<string, Channel>();

  /** The session round of the run the room shows (null: a play outside the session); undefined: no run yet. */
  let runRound: { sessionId: string; roundId: string } | null | undefined;
  const sessionId = () => getActiveRound()?.sessionId ?? lastSession?.sessionId ?? LOCAL_SESSION;
  const roomRound = () => (runRound === undefined ? (getActiveRound() ?? lastSession) : runRound);
  const present = (): PresentBody => {
    const active = roomRound();
    return {
      kind: 'present',
      sessionId: sessionId(),
      roundId: active?.roundId ?? null,
      team: active ? teamOf(active.sessionId, active.roundId) : null,
      label: active ? labelOf(active.sessionId, active.roundId) : null,
      revealed,
      muted,
    };
  };

  function post(body: RoomBody, only?: Channel): void {
    const json = JSON.stringify(body);
    const s = ++seq;
    const sig: Record<string, string> = {};
    for (const [aud, key] of keys) sig[aud] = signature(key, s, json);
    const env: Wire = { re: 'presenter', from: id, seq: s, body, sig };
    for (const c of only ? [only] : channels.values()) c.channel.post(env);
  }
  const postAll = (msgs: readonly LogMessage[]) => {
    for (const m of msgs) post(m);
  };
  const snapshotTo = (c?: Channel) => {
    post(authority.snapshot(speed, paused), c);
    post(present(), c);
  };

  function addLink(aud: string, key: string): void {
    keys.delete(aud);
    keys.set(aud, key);
    while (keys.size > MAX_LINKS) keys.delete(keys.keys().next().value!);
    persist();
  }

  function onWire(c: Channel, msg: Wire): void {
    const t = now();
    if (msg.re === 'presenter' || msg.re === 'welcome') {
      if (msg.from !== id) otherPresenter = t;
      return;
    }
    if (msg.kind === 'hello' && !keys.has(msg.from)) {
      // A window opened by hand: one welcome a second at most, whoever asks.
      if (!msg.nonce || t - lastWelcome < 1000) return;
      lastWelcome = t;
      const key = randomToken();
      addLink(msg.from, key);
      c.channel.post({ re: 'welcome', from: id, to: msg.nonce, audience: msg.from, key });
      seen.set(msg.from, t);
      snapshotTo(c);
      return;
    }
    if (!keys.has(msg.from)) return;
    if (msg.kind === 'bye') {
      seen.delete(msg.from);
      return;
    }
    seen.set(msg.from, t);
    if (msg.kind === 'want' || msg.kind === 'hello') {
      if (t - (answered.get(msg.from) ?? -Infinity) < 500) return;
      answered.set(msg.from, t);
      snapshotTo(c);
    }
  }

  function open(cid: string): void {
    if (channels.has(cid)) return;
    const c: Channel = { id: cid, channel: makeChannel(channelName(cid)) };
    c.channel.subscribe((msg) => onWire(c, msg));
    channels.set(cid, c);
  }

  function syncChannels(): void {
    const wanted = new Set([LOCAL_SESSION, sessionId()]);
    for (const [cid, c] of channels) {
      if (wanted.has(cid)) continue;
      c.channel.post({ re: 'presenter', from: id, seq: ++seq, body: { kind: 'bye' }, sig: {} });
      c.channel.close();
      channels.delete(cid);
    }
    for (const cid of wanted) open(cid);
  }

  syncChannels();
  const stopFollowing = onActiveRoundChange((active) => {
    if (active) lastSession = { sessionId: active.sessionId, roundId: active.roundId };
    syncChannels();
    post(present());
  });

  function tick(t: number, force: boolean): void {
    const changed = speed !== lastTick.speed || paused !== lastTick.paused;
    if (!force && !changed && t - lastTickMs < 50) return;
    lastTickMs = t;
    lastTick = { speed, paused };
    post(authority.tick(speed, paused));
    if (paused && (changed || t - lastCheckMs > 2000)) {
      lastCheckMs = t;
      const c = authority.checkNow();
      if (c) post(c);
    }
  }

  const api: LiveHub = {
    roundStarted(level, levelId, seed, sim, nowMs, at) {
      const active = getActiveRound();
      if (active) lastSession = { sessionId: active.sessionId, roundId: active.roundId };
      runRound = active ? { sessionId: active.sessionId, roundId: active.roundId } : null;
      authority.begin({ level, levelId, seed });
      const wrapped = authority.attach(sim);
      live = true;
      simTime = sim.now();
      paused = at?.paused ?? false;
      speed = at?.speed ?? 1;
      revealed = { ...NOTHING_REVEALED, screen: 'play' };
      syncChannels();
      authority.take();
      snapshotTo();
      tick(nowMs, true);
      return wrapped;
    },
    frame(sim, sp, pz, nowMs) {
      if (!live) return;
      simTime = sim.now();
      speed = sp;
      paused = pz;
      postAll(authority.take());
      tick(nowMs, false);
    },
    roundEnded(sim, nowMs) {
      if (!live) return;
      simTime = sim.now();
      paused = true;
      postAll(authority.take());
      tick(nowMs, true);
      const c = authority.checkNow();
      if (c) post(c);
      revealed = { ...NOTHING_REVEALED, screen: 'results' };
      post(present());
    },
    left() {
      if (revealed.screen !== 'play') return;
      live = false;
      runRound = undefined;
      revealed = { ...NOTHING_REVEALED };
      paused = true;
      authority.begin(null);
      snapshotTo();
    },
    reveal(r) {
      revealed = r;
      post(present());
    },
    revealed: () => revealed,
    roomRoundId: () => roomRound()?.roundId ?? null,
    setRoomMuted(m) {
      muted = m;
      post(present());
    },
    roomMuted: () => muted,
    sessionId,
    newLink() {
      const link = { presenter: id, audience: randomToken(), key: randomToken() };
      addLink(link.audience, link.key);
      return link;
    },
    linkedCount(nowMs = now()) {
      let n = 0;
      for (const [aud, t] of seen) if (keys.has(aud) && nowMs - t < LINK_TIMEOUT_MS) n++;
      return n;
    },
    otherPresenterMs: () => otherPresenter,
    state: () => ({ sessionId: sessionId(), run: authority.run(), revealed, simTime, paused }),
    heartbeat(nowMs) {
      tick(nowMs, true);
      post(present());
    },
    close() {
      if (timer) globalThis.clearInterval(timer);
      stopFollowing();
      for (const c of channels.values()) {
        c.channel.post({ re: 'presenter', from: id, seq: ++seq, body: { kind: 'bye' }, sig: Object.fromEntries([...keys].map(([a, k]) => [a, signature(k, seq, JSON.stringify({ kind: 'bye' }))])) });
        c.channel.close();
      }
      channels.clear();
    },
  };
  const timer = opts.timer === false ? null : globalThis.setInterval(() => api.heartbeat(now()), 1000);
  return api;
}

/** The link status line of the bar and the reveal strip, in plain words. */
export function linkStatus(hub: LiveHub, nowMs: number): { text: string; linked: boolean; warn: boolean } {
  const linked = hub.linkedCount(nowMs);
  const warn = nowMs - hub.otherPresenterMs() < 5000;
  const text = warn
    ? 'Another facilitator window is sending to the room too: close one of them'
    : linked > 1
      ? `${linked} projector windows linked`
      : linked === 1
        ? 'Projector window linked'
        : 'No projector window linked';
  return { text, linked: linked > 0 && !warn, warn };
}

let hub: LiveHub | null = null;

/** The page's hub (facilitator mode only); created on first use, said goodbye to when the page goes. */
export function getLiveHub(): LiveHub {
  if (!hub) {
    const h = createLiveHub();
    hub = h;
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => h.close());
  }
  return hub;
}

/** The hub if one exists (no channel is opened just to ask). */
export function liveHubIfAny(): LiveHub | null {
  return hub;
}
