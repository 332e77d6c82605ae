import { describe, expect, it } from 'vitest';
import { addRound, createSession, startRound, type Session } from './session';
import { nextPlannedRound, roundPlace } from './roundPlace';

function threeRounds(): Session {
  let s = createSession({ id: 's1', name: 'Morning', createdAt: '2026-01-01T09:00:00Z' });
  for (const team of ['Blue', 'Green', 'Red']) {
    const c = addRound(s, { levelId: 'clear-notes', levelTitle: 'Notes', seed: 3, team });
    if (!c.ok) throw new Error(c.message);
    s = c.session;
  }
  return s;
}

describe('roundPlace', () => {
  it('names the team and the round number out of the whole session', () => {
    const s = threeRounds();
    expect(roundPlace(s, s.rounds[1]!.id)).toEqual({ team: 'Green', number: 2, total: 3, label: 'Green · round 2 of 3' });
    expect(roundPlace(s, 'nope')).toBeNull();
  });

  it('the next round is the next one still planned, else an earlier planned one, else none', () => {
    let s = threeRounds();
    const [a, b, c] = s.rounds.map((r) => r.id) as [string, string, string];
    expect(nextPlannedRound(s, a)?.id).toBe(b);
    const started = startRound(s, b);
    if (!started.ok) throw new Error(started.message);
    s = started.session;
    expect(nextPlannedRound(s, a)?.id).toBe(c);
    expect(nextPlannedRound(s, c)?.id).toBe(a);
    expect(nextPlannedRound(s, b)?.id).toBe(c);
  });

  it('says none is left when every other round has been played', () => {
    const s0 = threeRounds();
    const s: Session = { ...s0, rounds: s0.rounds.map((r, i) => ({ ...r, status: i === 0 ? 'playing' : 'finished' })) };
    expect(nextPlannedRound(s, s.rounds[0]!.id)).toBeNull();
  });
});
