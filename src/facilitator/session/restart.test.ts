import { describe, expect, it } from 'vitest';
import { addBookmark, addRound, createSession, restartRound, startRound, stopRound, type Session } from './session';

const playing = (): Session => {
  let s = createSession({ id: 's', createdAt: '2026-12-01T10:00:00Z' });
  s = (addRound(s, { levelId: 'l', levelTitle: 'L', seed: 3, team: 'Blue' }) as { session: Session }).session;
  s = startRound(s, 'r1').session;
  return addBookmark(s, 'r1', 42, 'quick notes pile up').session;
};

describe('restarting and leaving a round', () => {
  it('a restart counts in the round and drops the discarded attempt’s bookmarks', () => {
    const c = restartRound(playing(), 'r1');
    expect(c.ok).toBe(true);
    expect(c.session.rounds[0]).toMatchObject({ status: 'playing', restarts: 1, bookmarks: [] });
    expect(restartRound(c.session, 'r1').session.rounds[0]!.restarts).toBe(2);
  });

  it('leaving puts the round back to planned, without its bookmarks', () => {
    const c = stopRound(playing(), 'r1');
    expect(c.session.rounds[0]).toMatchObject({ status: 'planned', bookmarks: [] });
    expect(stopRound(c.session, 'r1').ok).toBe(false);
    expect(restartRound(c.session, 'r1').ok).toBe(false);
  });

  it('starting another round puts the one in play back to planned, without that attempt’s bookmarks', () => {
    let s = (addRound(playing(), { levelId: 'l', levelTitle: 'L', seed: 3, team: 'Red' }) as { session: Session }).session;
    s = startRound(s, 'r2').session;
    expect(s.rounds[0]).toMatchObject({ status: 'planned', bookmarks: [] });
    expect(s.rounds[1]).toMatchObject({ status: 'playing' });
  });
});
