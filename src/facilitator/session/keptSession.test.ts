/**
 * A kept game in progress and its facilitator's round: it resumes only into the same attempt of a round
 * still being played; discarding it puts the round back to planned without that attempt's bookmarks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getActiveRound, setActiveRound } from './activeRound';
import { attemptOf, dropKeptRound, playingAttempt, resumeKeptRound } from './keptSession';
import { createSessionStore, type SessionStoreApi } from './sessionStore';

function rig(): { store: SessionStoreApi; sid: string } {
  const store = createSessionStore({ storage: null, newId: () => 'sess-1', now: () => '2026-12-01T10:00:00Z' });
  store.getState().addRound({ levelId: 'right-desk', levelTitle: 'The Right Desk', seed: 4, team: 'Blue' });
  store.getState().startRound('r1');
  store.getState().addBookmark('r1', 30, 'a slow handoff');
  return { store, sid: store.getState().session.id };
}

afterEach(() => setActiveRound(null));

describe('kept game and its round', () => {
  it('names the round being played and its attempt (restarts + 1)', () => {
    const { store, sid } = rig();
    expect(playingAttempt(store)).toBeNull();
    setActiveRound({ sessionId: sid, roundId: 'r1' });
    expect(playingAttempt(store)).toEqual({ sessionId: sid, roundId: 'r1', attempt: 1, team: 'Blue' });
    store.getState().restartRound('r1');
    expect(playingAttempt(store)?.attempt).toBe(2);
    expect(attemptOf(store.getState().session.rounds[0]!)).toBe(2);
  });

  it('resumes into the same attempt: the round is active again and keeps its bookmarks', () => {
    const { store, sid } = rig();
    expect(resumeKeptRound({ sessionId: sid, roundId: 'r1', attempt: 1, team: 'Blue' }, store)).toBeNull();
    expect(getActiveRound()).toMatchObject({ sessionId: sid, roundId: 'r1' });
    expect(store.getState().session.rounds[0]!.bookmarks).toHaveLength(1);
  });

  it('refuses, in plain words, a round started again, finished, removed or of another session', () => {
    const { store, sid } = rig();
    const k = { sessionId: sid, roundId: 'r1', attempt: 1, team: 'Blue' };
    store.getState().restartRound('r1');
    expect(resumeKeptRound(k, store)).toMatch(/Blue's round was left or started again/);
    expect(resumeKeptRound({ ...k, sessionId: 'other' }, store)).toMatch(/another session/);
    expect(resumeKeptRound({ ...k, roundId: 'r9' }, store)).toMatch(/no longer in the session/);
    expect(getActiveRound()).toBeNull();
  });

  it('discarding drops the attempt: planned, no bookmarks; a stale attempt is left alone', () => {
    const { store, sid } = rig();
    dropKeptRound({ sessionId: sid, roundId: 'r1', attempt: 2, team: 'Blue' }, store);
    expect(store.getState().session.rounds[0]).toMatchObject({ status: 'playing' });
    dropKeptRound({ sessionId: sid, roundId: 'r1', attempt: 1, team: 'Blue' }, store);
    expect(store.getState().session.rounds[0]).toMatchObject({ status: 'planned', bookmarks: [] });
  });
});
