/**
 * The audience window's board reads one Sim, but the follower may rebuild its replica at any time (a
 * late command, a restart). `followerSim` is a stand-in that always forwards to the current replica,
 * and refuses everything that would let this window change the game: no commands, and advancing is
 * the follower's job (the play scene's own advanceTo calls do nothing here).
 */
import type { Level } from '../../level/schema';
import { replay } from '../../sim/index';
import type { ApplyResult, Sim, TimedCommand } from '../../sim/types';
import type { Replica, ReplayFn } from '../../roundlog/index';

/** Replays with events on (sounds, toasts), then drops the backlog so a rebuild is silent. */
export const quietReplay: ReplayFn = (
  level: Level,
  seed: number,
  log: TimedCommand[],
  untilT?: number,
): Sim => {
  const sim = replay(level, seed, log, untilT ?? 0, { recordEvents: true });
  sim.drainEvents();
  return sim;
};

const REFUSED: ApplyResult = { ok: false, reason: 'This window only shows the facilitator’s game.' };

/** `follower` is read each time: the audience may swap in a fresh one. */
export function followerSim(follower: () => Pick<Replica, 'sim'>, fallback: Sim): Sim {
  const cur = (): Sim => follower().sim() ?? fallback;
  return {
    get level() {
      return cur().level;
    },
    get seed() {
      return cur().seed;
    },
    now: () => cur().now(),
    advanceTo: () => undefined,
    step: () => false,
    runToEnd: () => undefined,
    isOver: () => cur().isOver(),
    apply: () => REFUSED,
    view: () => cur().view(),
    ticket: (id) => cur().ticket(id),
    eventsProcessed: () => cur().eventsProcessed(),
    pendingEvents: () => cur().pendingEvents(),
    applyAfter: () => REFUSED,
    drainEvents: () => cur().drainEvents(),
    metrics: () => cur().metrics(),
    score: () => cur().score(),
    timeline: () => cur().timeline(),
    commandLog: () => cur().commandLog(),
    snapshot: () => cur().snapshot(),
    hash: () => cur().hash(),
  };
}
