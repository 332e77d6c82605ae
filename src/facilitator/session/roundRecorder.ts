/**
 * Records a facilitator round when its level ends, and holds the one session store the app shares.
 *
 * The session panel starts a round (sets the active round, see ./activeRound.ts); the app's results
 * service (src/app/results.ts) calls `recordRoundEnd` with what the play scene finished with and the
 * customers' journeys it collected from the events the board drained during play (no second run).
 *
 * Live controls (bookmarks) must use `getSessionStore()` too: two stores on one storage key would write
 * over each other.
 */
import type { FinishedPlay } from '../../game/hooks';
import { replay } from '../../sim/index';
import { getActiveRound, setActiveRound } from './activeRound';
import { createJourneyCollector, selectJourneys } from './journeys';
import type { CustomerJourney, RoundResult } from './session';
import { findRound } from './session';
import { createSessionStore, followOtherTabs, type SessionStoreApi } from './sessionStore';

export type { FinishedPlay };

let shared: SessionStoreApi | null = null;

/** The app's session store (created on first use, saved in localStorage). */
export function getSessionStore(): SessionStoreApi {
  if (!shared) {
    shared = createSessionStore();
    // A second facilitator tab's saves come in here (merged: finished rounds of both are kept).
    if (typeof window !== 'undefined') followOtherTabs(shared);
  }
  return shared;
}

/**
 * The journeys of a finished play rebuilt by replaying its level, seed and commands. Only for a window
 * that did not see the play's events itself (the projector's replica runs quiet).
 */
export function replayJourneys(play: FinishedPlay): CustomerJourney[] {
  const collector = createJourneyCollector();
  try {
    // Up to where the play stopped (a round ended early): those still waiting then did not give up.
    const sim = replay(play.level, play.seed, play.commandLog, play.metrics.simulatedSeconds, {
      recordEvents: true,
      sampleEvery: 0,
    });
    collector.add(sim.drainEvents());
  } catch (err) {
    console.error('Could not rebuild the customer journeys for the debrief', err);
  }
  return collector.all();
}

/** The RoundResult for a finished play: score, metrics, timeline and commands as played, and its journeys. */
export function buildRoundResult(
  play: FinishedPlay,
  journeys: readonly CustomerJourney[],
  finishedAt: string,
): RoundResult {
  return {
    finishedAt,
    score: play.score,
    metrics: play.metrics,
    timeline: play.timeline,
    commandLog: play.commandLog,
    journeys: selectJourneys(journeys),
    journeysTotal: journeys.length,
    departments: play.level.departments.map((d) => ({ id: d.id, name: d.name })),
    level: play.level,
  };
}

export type RecordOutcome =
  | { recorded: true; roundId: string }
  | { recorded: false; reason: 'no-round' | 'other-session' | 'other-level' | 'refused'; message?: string };

/**
 * If a facilitator round is active and this play is that round's level and seed, stores its result
 * (saved at once) and clears the active round. Anything else is left alone.
 */
export function recordRoundEnd(
  play: FinishedPlay,
  journeys: readonly CustomerJourney[],
  opts: { store?: SessionStoreApi; now?: () => string } = {},
): RecordOutcome {
  const active = getActiveRound();
  if (!active) return { recorded: false, reason: 'no-round' };
  const store = opts.store ?? getSessionStore();
  const session = store.getState().session;
  if (session.id !== active.sessionId) return { recorded: false, reason: 'other-session' };
  const round = findRound(session, active.roundId);
  if (!round) return { recorded: false, reason: 'other-session' };
  if (round.levelId !== play.levelId || round.seed !== play.seed)
    return { recorded: false, reason: 'other-level' };
  const now = opts.now ?? (() => new Date().toISOString());
  const change = store.getState().finishRound(round.id, buildRoundResult(play, journeys, now()));
  setActiveRound(null);
  if (!change.ok) return { recorded: false, reason: 'refused', message: change.message };
  return { recorded: true, roundId: round.id };
}

/** Adds a bookmark to the active round (used by live controls). Returns false when no round is active. */
export function bookmarkActiveRound(
  t: number,
  note: string,
  store: SessionStoreApi = getSessionStore(),
): boolean {
  const active = getActiveRound();
  if (!active || store.getState().session.id !== active.sessionId) return false;
  return store.getState().addBookmark(active.roundId, t, note).ok;
}
