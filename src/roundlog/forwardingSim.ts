/**
 * A Sim that forwards every call to whichever sim is current, except the calls it overrides.
 *
 * Every board that follows a round reads one Sim, but what stands behind it may change: a replica
 * rebuilds its sim on a late command or a resync, an authority wraps the presenter's sim to feed the
 * log, the kept round marks itself dirty on a command. Each of them is `forwardingSim(current, {...})`
 * with only what differs. The object lists every member of Sim, so a member added to Sim fails to
 * compile here instead of going missing in one of the copies.
 */
import { replay } from '../sim/index';
import type { Sim } from '../sim/types';
import type { ReplayFn } from './replica';

/** The methods of a Sim a forwarder may replace (level and seed always come from the current sim). */
export type SimOverrides = Partial<Omit<Sim, 'level' | 'seed'>>;

export function forwardingSim(current: () => Sim, overrides: SimOverrides = {}): Sim {
  const o = overrides;
  return {
    get level() {
      return current().level;
    },
    get seed() {
      return current().seed;
    },
    now: o.now ?? (() => current().now()),
    advanceTo: o.advanceTo ?? ((t) => current().advanceTo(t)),
    step: o.step ?? (() => current().step()),
    runToEnd: o.runToEnd ?? (() => current().runToEnd()),
    isOver: o.isOver ?? (() => current().isOver()),
    apply: o.apply ?? ((cmd) => current().apply(cmd)),
    view: o.view ?? (() => current().view()),
    ticket: o.ticket ?? ((id) => current().ticket(id)),
    eventsProcessed: o.eventsProcessed ?? (() => current().eventsProcessed()),
    pendingEvents: o.pendingEvents ?? (() => current().pendingEvents()),
    applyAfter: o.applyAfter ?? ((entry) => current().applyAfter(entry)),
    drainEvents: o.drainEvents ?? (() => current().drainEvents()),
    metrics: o.metrics ?? (() => current().metrics()),
    score: o.score ?? (() => current().score()),
    timeline: o.timeline ?? (() => current().timeline()),
    commandLog: o.commandLog ?? (() => current().commandLog()),
    snapshot: o.snapshot ?? (() => current().snapshot()),
    hash: o.hash ?? (() => current().hash()),
  };
}

/**
 * A follower's board: it never moves the game itself (advancing is its replica's job, so the play
 * scene's own advanceTo calls do nothing) and every command goes to `apply` (refused, or sent on).
 */
export function followingSim(current: () => Sim, apply: Sim['apply'], applyAfter: Sim['applyAfter']): Sim {
  return forwardingSim(current, {
    advanceTo: () => undefined,
    step: () => false,
    runToEnd: () => undefined,
    apply,
    applyAfter,
  });
}

/** Replays with events on (sounds, toasts), then drops the backlog so a rebuild is silent. */
export const quietReplay: ReplayFn = (level, seed, log, untilT) => {
  const sim = replay(level, seed, log, untilT ?? 0, { recordEvents: true });
  sim.drainEvents();
  return sim;
};
