/**
 * The facilitator round that is being played right now, if any.
 *
 * Pure module-level state (no DOM, no storage): the session panel sets it when
 * the facilitator starts a round; the results screen reads it to record the
 * result; live controls read it to attach bookmarks. `run` counts how many
 * times a round has been (re)started in this page, so a listener can tell a
 * restart of the same round from the same round continuing.
 *
 * The session itself lives in the one shared store: `getSessionStore()` in ./roundRecorder.ts
 * (bookmarks: `bookmarkActiveRound(t, note)` there, or `getSessionStore().getState().addBookmark`).
 */

export interface ActiveRound {
  readonly sessionId: string;
  readonly roundId: string;
  /** Increments every time a round (re)starts. */
  readonly run: number;
}

export type ActiveRoundListener = (round: ActiveRound | null) => void;

let active: ActiveRound | null = null;
let runCounter = 0;
const listeners = new Set<ActiveRoundListener>();

export function getActiveRound(): ActiveRound | null {
  return active;
}

/**
 * Sets (or clears, with null) the active round. The `run` given is ignored in
 * favour of a counter that increments on every non-null set, so callers may pass
 * `{ sessionId, roundId, run: 0 }` or the previous value.
 */
export function setActiveRound(round: { sessionId: string; roundId: string; run?: number } | null): void {
  if (round === null) {
    if (active === null) return;
    active = null;
  } else {
    runCounter += 1;
    active = { sessionId: round.sessionId, roundId: round.roundId, run: runCounter };
  }
  const snapshot = active;
  for (const fn of [...listeners]) {
    try {
      fn(snapshot);
    } catch (err) {
      console.error('activeRound listener failed', err);
    }
  }
}

/** Subscribes to changes; returns an unsubscribe function. */
export function onActiveRoundChange(fn: ActiveRoundListener): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}
