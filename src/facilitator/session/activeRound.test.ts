import { afterEach, describe, expect, it } from 'vitest';
import { getActiveRound, onActiveRoundChange, setActiveRound } from './activeRound';

afterEach(() => setActiveRound(null));

describe('activeRound', () => {
  it('starts empty and holds the round set', () => {
    expect(getActiveRound()).toBeNull();
    setActiveRound({ sessionId: 's1', roundId: 'r1' });
    expect(getActiveRound()).toMatchObject({ sessionId: 's1', roundId: 'r1' });
  });

  it('increments run on every (re)start, even of the same round', () => {
    setActiveRound({ sessionId: 's1', roundId: 'r1' });
    const first = getActiveRound()!.run;
    setActiveRound({ sessionId: 's1', roundId: 'r1', run: first });
    expect(getActiveRound()!.run).toBe(first + 1);
    setActiveRound({ sessionId: 's1', roundId: 'r2' });
    expect(getActiveRound()!.run).toBe(first + 2);
  });

  it('notifies listeners and stops after unsubscribe', () => {
    const seen: (string | null)[] = [];
    const off = onActiveRoundChange((r) => seen.push(r ? r.roundId : null));
    setActiveRound({ sessionId: 's', roundId: 'a' });
    setActiveRound(null);
    setActiveRound(null); // no change, no call
    off();
    setActiveRound({ sessionId: 's', roundId: 'b' });
    expect(seen).toEqual(['a', null]);
  });

  it('a throwing listener does not stop the others', () => {
    const seen: string[] = [];
    const offA = onActiveRoundChange(() => {
      throw new Error('boom');
    });
    const offB = onActiveRoundChange((r) => seen.push(r?.roundId ?? 'none'));
    const orig = console.error;
    console.error = () => undefined;
    setActiveRound({ sessionId: 's', roundId: 'x' });
    console.error = orig;
    offA();
    offB();
    expect(seen).toEqual(['x']);
  });
});
