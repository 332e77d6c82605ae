/**
 * The facilitator's side of a kept game in progress (src/app/keptRound.ts): which round and attempt the
 * board plays now, whether a kept game may still be resumed into its round, and dropping its attempt.
 *
 * An attempt is the round's restarts so far plus one: a restart (R, or Restart in the panel) starts the
 * next one, so a kept game of an earlier attempt, and its bookmarks, never come back.
 */
import type { KeptSession } from '../../roundlog/kept';
import { getActiveRound, setActiveRound } from './activeRound';
import { getSessionStore } from './roundRecorder';
import { findRound, type Round } from './session';
import type { SessionStoreApi } from './sessionStore';

export const attemptOf = (r: Round): number => (r.restarts ?? 0) + 1;

/** The round being played on this board now, with its attempt; null when none. */
export function playingAttempt(store: SessionStoreApi = getSessionStore()): KeptSession | null {
  const a = getActiveRound();
  const session = store.getState().session;
  if (!a || session.id !== a.sessionId) return null;
  const r = findRound(session, a.roundId);
  if (!r || r.status !== 'playing') return null;
  return { sessionId: session.id, roundId: r.id, attempt: attemptOf(r), team: r.team };
}

/** The kept game's round, when it is still that attempt being played; else why not, in plain words. */
function stillPlaying(k: KeptSession, store: SessionStoreApi): { round: Round } | { problem: string } {
  const session = store.getState().session;
  const who = `${k.team}'s round`;
  if (session.id !== k.sessionId) return { problem: `${who} belongs to another session than the one open now, so its game cannot be resumed.` };
  const r = findRound(session, k.roundId);
  if (!r) return { problem: `${who} is no longer in the session, so its game cannot be resumed.` };
  if (r.status === 'finished') return { problem: `${who} has a result already, so the game left in progress cannot be resumed.` };
  if (r.status !== 'playing' || attemptOf(r) !== k.attempt)
    return { problem: `${who} was left or started again since, so the game left in progress cannot be resumed.` };
  return { round: r };
}

/** Makes the kept game's round the one being played again. Null when it is; else the problem. */
export function resumeKeptRound(k: KeptSession, store: SessionStoreApi = getSessionStore()): string | null {
  const s = stillPlaying(k, store);
  if ('problem' in s) return s.problem;
  setActiveRound({ sessionId: k.sessionId, roundId: s.round.id });
  return null;
}

/** The kept game was discarded: its round goes back to planned without that attempt's bookmarks. */
export function dropKeptRound(k: KeptSession, store: SessionStoreApi = getSessionStore()): void {
  const s = stillPlaying(k, store);
  if ('problem' in s) return;
  store.getState().stopRound(s.round.id);
  const a = getActiveRound();
  if (a && a.roundId === s.round.id) setActiveRound(null);
}
