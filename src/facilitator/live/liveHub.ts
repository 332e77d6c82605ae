/**
 * The presenter window's end of live facilitation: one hub for the whole page (it outlives the play
 * scene, so reveals during the debrief go out too). It keeps the PresenterState, publishes it on the
 * session's channel, and answers projector windows that say hello.
 *
 * Channels: always `channelName('local')` (so `?audience=1` works without a session), and also the
 * active round's session channel when a facilitator round runs (`?audience=<sessionId>`).
 *
 * The play scene calls roundStarted / frame / roundEnded / left (see ./livePlay.ts); the debrief can
 * call reveal(). Nothing here reads the clock: callers pass wall-clock ms.
 */
import type { Level } from '../../level/schema';
import type { Sim, TimedCommand } from '../../sim/types';
import { getActiveRound, onActiveRoundChange } from '../session/activeRound';
import { createPresenterLink, type PresenterLink } from './presenter';
import {
  channelName,
  createSyncChannel,
  NOTHING_REVEALED,
  type PresenterState,
  type Revealed,
  type SyncChannel,
} from './sync';

export const LOCAL_SESSION = 'local';

export interface LiveHub {
  /** A new run of a level began (start or restart): everyone gets the full state. */
  roundStarted(level: Level, levelId: string, seed: number, nowMs: number): void;
  /** Each frame: new commands from the sim's log (with their indices), then a tick. */
  frame(sim: Sim, speed: number, paused: boolean, nowMs: number): void;
  /** The level ended: last commands and tick, and the room sees the results screen. */
  roundEnded(sim: Sim, nowMs: number): void;
  /** The presenter left the level before its end (menu, another level): the room waits in the lobby. */
  left(): void;
  /** What the room may see; the debrief steps through it. */
  reveal(r: Revealed): void;
  revealed(): Revealed;
  /** Whether the projector windows play sound (the presenter window has its own mute). */
  setRoomMuted(m: boolean): void;
  roomMuted(): boolean;
  /** The session the room follows (the active round's, or 'local'). */
  sessionId(): string;
  /** Wall-clock ms when a projector window last said hello (−Infinity: never). */
  lastHelloMs(): number;
  state(): PresenterState;
  close(): void;
}

interface Link {
  id: string;
  channel: SyncChannel;
  link: PresenterLink;
}

export function createLiveHub(
  opts: { now?: () => number; makeChannel?: (name: string) => SyncChannel } = {},
): LiveHub {
  const now = opts.now ?? (() => performance.now());
  const makeChannel = opts.makeChannel ?? ((name: string) => createSyncChannel(name));
  // A run number that differs after a reload of the presenter window, so audiences never mix two runs.
  let run = Math.floor(now()) % 1_000_000;
  let level: Level | null = null;
  let levelId: string | null = null;
  let seed = 1;
  let log: TimedCommand[] = [];
  let simTime = 0;
  let speed = 1;
  let paused = true;
  let revealed: Revealed = NOTHING_REVEALED;
  let muted = false;
  let hello = -Infinity;
  const links = new Map<string, Link>();

  const state = (): PresenterState => {
    const active = getActiveRound();
    return {
      sessionId: active?.sessionId ?? LOCAL_SESSION,
      roundId: active?.roundId ?? null,
      run,
      levelId,
      seed,
      level,
      commandLog: log.map((c) => ({ ...c })),
      simTime,
      speed,
      paused,
      revealed,
      muted,
    };
  };

  function open(id: string): void {
    if (links.has(id)) return;
    const channel = makeChannel(channelName(id));
    const link = createPresenterLink(channel, state, { tickEveryMs: 50 });
    channel.subscribe((msg) => {
      if (msg.type === 'hello') hello = now();
    });
    links.set(id, { id, channel, link });
  }

  function syncChannels(): void {
    const wanted = new Set([LOCAL_SESSION, getActiveRound()?.sessionId ?? LOCAL_SESSION]);
    for (const [id, l] of links) {
      if (wanted.has(id)) continue;
      l.link.close();
      l.channel.close();
      links.delete(id);
    }
    for (const id of wanted) open(id);
  }

  syncChannels();
  const stopFollowing = onActiveRoundChange(() => {
    syncChannels();
    for (const l of links.values()) l.link.sendState();
  });
  const each = (fn: (l: PresenterLink) => void) => {
    for (const l of links.values()) fn(l.link);
  };

  function publishCommands(sim: Sim): void {
    const full = sim.commandLog();
    if (full.length < log.length) log = [];
    for (let i = log.length; i < full.length; i++) {
      const tc = full[i]!;
      log.push(tc);
      each((l) => l.command(run, i, tc));
    }
  }

  return {
    roundStarted(lv, id, sd, nowMs) {
      run += 1;
      level = lv;
      levelId = id;
      seed = sd;
      log = [];
      simTime = 0;
      paused = false;
      speed = 1;
      revealed = { ...NOTHING_REVEALED, screen: 'play' };
      syncChannels();
      each((l) => l.sendState());
      each((l) => l.tick(run, 0, speed, paused, nowMs));
    },
    frame(sim, sp, pz, nowMs) {
      if (!level) return;
      publishCommands(sim);
      simTime = sim.now();
      speed = sp;
      paused = pz;
      each((l) => l.tick(run, simTime, speed, paused, nowMs));
    },
    roundEnded(sim, nowMs) {
      if (!level) return;
      publishCommands(sim);
      simTime = sim.now();
      paused = true;
      each((l) => l.tick(run, simTime, speed, paused, nowMs));
      revealed = { ...NOTHING_REVEALED, screen: 'results' };
      each((l) => l.reveal(revealed));
    },
    left() {
      if (revealed.screen !== 'play') return;
      revealed = { ...NOTHING_REVEALED };
      paused = true;
      each((l) => l.sendState());
    },
    reveal(r) {
      revealed = r;
      each((l) => l.reveal(r));
    },
    revealed: () => revealed,
    setRoomMuted(m) {
      muted = m;
      each((l) => l.mute(m));
    },
    roomMuted: () => muted,
    sessionId: () => getActiveRound()?.sessionId ?? LOCAL_SESSION,
    lastHelloMs: () => hello,
    state,
    close() {
      stopFollowing();
      for (const l of links.values()) {
        l.link.close();
        l.channel.close();
      }
      links.clear();
    },
  };
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
