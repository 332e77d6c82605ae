/**
 * The Sim a live board reads. Its replica (src/roundlog) may rebuild its own sim at any time (a late
 * command, a resync), so this stand-in always forwards to the current one. Nothing here moves the
 * game: advancing is the replica's job (the play scene's own advanceTo calls do nothing), and a
 * command goes to `send` (a table's device: to the room server; the projector: refused).
 */
import type { Level } from '../../level/schema';
import { replay } from '../../sim/index';
import type { ApplyResult, Command, Sim, TimedCommand } from '../../sim/types';

/** Replays with events on (sounds, toasts), then drops the backlog so a rebuild is silent. */
export function quietReplay(level: Level, seed: number, log: TimedCommand[], untilT?: number): Sim {
  const sim = replay(level, seed, log, untilT ?? 0, { recordEvents: true });
  sim.drainEvents();
  return sim;
}

export function seatSim(current: () => Sim | null, fallback: Sim, send: (cmd: Command) => ApplyResult): Sim {
  const cur = (): Sim => current() ?? fallback;
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
    apply: (cmd) => send(cmd),
    view: () => cur().view(),
    ticket: (id) => cur().ticket(id),
    eventsProcessed: () => cur().eventsProcessed(),
    pendingEvents: () => cur().pendingEvents(),
    applyAfter: () => ({ ok: false, reason: 'Only the room server places commands in this round.' }),
    drainEvents: () => cur().drainEvents(),
    metrics: () => cur().metrics(),
    score: () => cur().score(),
    timeline: () => cur().timeline(),
    commandLog: () => cur().commandLog(),
    snapshot: () => cur().snapshot(),
    hash: () => cur().hash(),
  };
}
