/**
 * The round in progress kept in this browser's storage (src/roundlog/kept.ts) as it grows, and the
 * "Resume with 4:30 left" offer after a reload or a crash (in the board's terms: time left).
 *
 *  - When a board starts (fresh or resumed), `began` wraps its sim so a command marks the record dirty;
 *    each frame (`frame`) writes it when a command came in, the pause or speed changed, or 3 sim seconds
 *    passed; the page going away writes it once more. The record names the facilitator's round and
 *    attempt when the board plays one.
 *  - A finished round, a board left for another screen, and a discarded offer clear it.
 *  - `offer` reads it once per page, checked in full; a broken one becomes a title message and is set
 *    aside. `resume` rebuilds it (a replica of its log, at the same state hash) and starts the board
 *    there, paused; a facilitator's round must still be that attempt, being played.
 * Storage full or blocked: one warning toast, and the game plays on.
 */
import type { KeptHooks, KeptOffer } from '../game/hooks';
import type { Level } from '../level/schema';
import {
  clearKept,
  clockOf,
  keptFrom,
  levelHash,
  peekKept,
  readKept,
  rebuildKept,
  setKeptAside,
  writeKept,
  type KeptRound,
  type KeptSession,
  type KeptStorage,
} from '../roundlog/kept';
import type { ReplayFn } from '../roundlog/index';
import { forwardingSim } from '../roundlog/forwardingSim';
import { replay } from '../sim/index';
import type { Sim } from '../sim/types';
import type { PlayData } from '../game/scenes/sceneData';
import type { UiStoreApi } from '../store/store';
import { choicesFromLog, endOf, timeLeftText } from './runChoices';

/** Sim seconds between two writes while nothing else happens. */
export const KEPT_EVERY = 3;

export const KEPT_CANNOT_SAVE =
  "This browser can't keep the game in progress (its storage is full or blocked), so a reload would start it over. The game goes on.";

export interface KeptDeps {
  store: UiStoreApi;
  storage: KeptStorage | null;
  /** The game's own level of an id (null when it has none). */
  levelOf(id: string): Level | null;
  /** A level that only the kept round holds (a trainer's file): make it playable again. */
  adoptLevel(level: Level): void;
  /** The facilitator's round this board plays now, and its attempt (null: none, or tools not loaded). */
  session(): KeptSession | null;
  /** Makes that round the one being played again; a problem in plain words when it no longer can. */
  resumeSession(s: KeptSession): Promise<string | null>;
  /** That attempt is dropped: the round goes back to planned, without its bookmarks. */
  dropSession(s: KeptSession): Promise<void>;
  /** Starts the board (stopping whatever runs). */
  start(data: PlayData): void;
  /** Messages for the title screen. */
  messages: string[];
  nowMs?: () => number;
}

export interface KeptInfo {
  /** This page's board is being kept. */
  keeping: boolean;
  writes: number;
  /** Writes the storage refused, and how many times the player was told (once at most). */
  refused: number;
  warnings: number;
  failed: boolean;
  /** The stored record now (read back from storage): its time, commands and state hash. */
  stored: { t: number; commands: number; hash: string; speed: number; paused: boolean; roundId: string | null; attempt: number } | null;
}

export interface KeptService extends KeptHooks {
  /** Each board frame: writes when due. */
  frame(): void;
  /** The round ended: nothing to resume. */
  finished(): void;
  /** The page goes away: one last write. */
  flush(): void;
  info(): KeptInfo;
}

interface Current {
  sim: Sim;
  header: { levelId: string; attempt: number; session: KeptSession | null; levelHash: string };
  dirty: boolean;
  t: number;
  speed: number;
  paused: boolean;
}

/** Replays with events on: the resumed board hands the rebuilt part's events to the journeys. */
const replayWithEvents: ReplayFn = (level, seed, log, untilT) => replay(level, seed, log, untilT ?? 0, { recordEvents: true });

export function createKeptService(deps: KeptDeps): KeptService {
  const { store, storage } = deps;
  const nowMs = deps.nowMs ?? (() => performance.now());
  let current: Current | null = null;
  let pending: KeptRound | null | undefined;
  let writes = 0;
  let failed = false;
  let refused = 0;
  let warnings = 0;

  const speedNow = () => {
    const s = store.getState();
    return { paused: s.speed === 0, speed: s.speed === 0 ? s.lastSpeed : s.speed };
  };

  function write(c: Current): void {
    if (c.sim.isOver()) return;
    const { paused, speed } = speedNow();
    const res = writeKept(storage, keptFrom(c.sim, c.header, speed, paused));
    c.dirty = false;
    c.t = c.sim.now();
    c.speed = speed;
    c.paused = paused;
    if (res.ok) {
      writes++;
      failed = false;
      return;
    }
    failed = true;
    refused++;
    if (warnings === 0) {
      warnings++;
      store.getState().toast(KEPT_CANNOT_SAVE, 'warning', nowMs());
    }
  }

  function stop(): void {
    if (!current) return;
    current = null;
    clearKept(storage);
  }

  // Leaving the board for any other screen (menu, levels, another level's briefing): nothing to resume.
  store.subscribe((s, prev) => {
    if (s.screen !== prev.screen && s.screen !== 'play') stop();
  });

  function read(): KeptRound | null {
    if (pending !== undefined) return pending;
    const r = readKept(storage, deps.levelOf);
    if (r.kind === 'set-aside') deps.messages.push(r.message);
    pending = r.kind === 'ok' ? r.kept : null;
    return pending;
  }

  function giveUp(message: string): string {
    const r = setKeptAside(storage, message);
    deps.messages.push(r.kind === 'set-aside' ? r.message : message);
    pending = null;
    return message;
  }

  /** A board that starts mid-round: the player's own choices back from its log, and where it stands. */
  function resumed(s: Sim): void {
    const { care } = choicesFromLog(s.level, s.commandLog());
    if (care) store.getState().select({ care });
    const left = timeLeftText(s.view().end, s.now());
    const notes = care ? ` Notes for the next handoff: ${care}.` : '';
    store.getState().toast(`Back where the game was left, with ${left} left.${notes} Paused: press Space to go on.`, 'info', nowMs(), 'paused');
  }

  return {
    began(play) {
      // A new game replaces whatever was kept (cleared first: should its first write fail, an older game
      // must not be offered after a reload as if it were this one).
      pending = null;
      clearKept(storage);
      const session = deps.session();
      const c: Current = {
        sim: play.sim,
        header: { levelId: play.levelId, attempt: session?.attempt ?? 1, session, levelHash: levelHash(play.level) },
        dirty: true,
        t: -Infinity,
        speed: NaN,
        paused: false,
      };
      current = c;
      const s = play.sim;
      const mark = <T>(r: T): T => {
        c.dirty = true;
        return r;
      };
      const sim = forwardingSim(() => s, {
        apply: (cmd) => mark(s.apply(cmd)),
        applyAfter: (entry) => mark(s.applyAfter(entry)),
      });
      write(c);
      if (s.now() > 0) resumed(s);
      return sim;
    },
    frame() {
      const c = current;
      if (!c || c.sim.isOver()) return;
      const { paused, speed } = speedNow();
      const t = c.sim.now();
      const due =
        c.dirty || paused !== c.paused || speed !== c.speed || (paused ? t !== c.t : t - c.t >= KEPT_EVERY);
      if (due) write(c);
    },
    finished: stop,
    flush() {
      if (current) write(current);
    },
    offer(): KeptOffer | null {
      if (current) return null;
      const k = read();
      if (!k) return null;
      return {
        levelTitle: k.round.level.title,
        at: clockOf(k.round.t),
        left: timeLeftText(endOf(k.round.level, k.round.log), k.round.t),
        team: k.session?.team ?? null,
        roundId: k.session?.roundId ?? null,
        attempt: k.session?.attempt ?? 1,
      };
    },
    async resume() {
      const k = read();
      if (!k) return 'There is no game in progress to resume.';
      const rebuilt = rebuildKept(k, replayWithEvents);
      if (!rebuilt.ok) return giveUp(rebuilt.message);
      if (k.session) {
        const problem = await deps.resumeSession(k.session);
        if (problem) return giveUp(problem);
      }
      const { level, levelId, seed, speed } = k.round;
      if (!deps.levelOf(levelId)) deps.adoptLevel(level);
      pending = null;
      store.getState().setSeed(seed);
      const go: 1 | 2 | 4 = speed >= 4 ? 4 : speed >= 2 ? 2 : 1;
      deps.start({ level, levelId, seed, resume: { sim: rebuilt.sim, speed: go } });
      return null;
    },
    async discard() {
      const k = read();
      pending = null;
      clearKept(storage);
      if (k?.session) await deps.dropSession(k.session);
    },
    info() {
      const k = peekKept(storage, deps.levelOf);
      return {
        keeping: current !== null,
        writes,
        refused,
        warnings,
        failed,
        stored: k
          ? {
              t: k.round.t,
              commands: k.round.log.length,
              hash: k.hash,
              speed: k.round.speed,
              paused: k.round.paused,
              roundId: k.session?.roundId ?? null,
              attempt: k.session?.attempt ?? 1,
            }
          : null,
      };
    },
  };
}
