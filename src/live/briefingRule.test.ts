import { describe, expect, it } from 'vitest';
import { briefingWant, newBriefingMemory } from './briefingRule';

describe('when a live table sees the briefing', () => {
  it('always while it waits for its first round, of the level the facilitator chose', () => {
    const m = newBriefingMemory();
    expect(briefingWant({ status: 'waiting', run: 0 }, 'right-desk', m)).toMatchObject({
      case: 'waiting',
      levelId: 'right-desk',
      show: true,
    });
    // Taking it away does not hold while there is nothing else to see.
    m.closed = 'waiting:every-job';
    expect(briefingWant({ status: 'waiting', run: 0 }, 'every-job', m).show).toBe(true);
  });

  it('during a round only on asking, of the round\u2019s own level; a new round takes it away', () => {
    const m = newBriefingMemory();
    const first = briefingWant({ status: 'running', run: 1 }, 'right-desk', m);
    expect(first).toMatchObject({ case: 'round', levelId: null, show: false });
    m.asked = first.key;
    expect(briefingWant({ status: 'paused', run: 1 }, 'right-desk', m).show).toBe(true);
    expect(briefingWant({ status: 'running', run: 2 }, 'right-desk', m).show).toBe(false);
  });

  it('after a round: by itself once the facilitator chooses the next level, until the table goes back to its results', () => {
    const m = newBriefingMemory();
    const over = { status: 'over', run: 1 };
    // The round just ended with the same next level as before: the results stay.
    expect(briefingWant(over, 'right-desk', m).show).toBe(false);
    const chosen = briefingWant(over, 'notes', m);
    expect(chosen).toMatchObject({ case: 'over', levelId: 'notes', show: true });
    m.closed = chosen.key;
    expect(briefingWant(over, 'notes', m).show).toBe(false);
    // Another choice brings it back; asking brings it back too.
    expect(briefingWant(over, 'supervisor-out', m).show).toBe(true);
    m.asked = briefingWant(over, 'notes', m).key;
    expect(briefingWant(over, 'notes', m).show).toBe(true);
  });

  it('a page that opens on a finished round keeps its results until a level is chosen', () => {
    const m = newBriefingMemory();
    expect(briefingWant({ status: 'over', run: 3 }, 'every-job', m).show).toBe(false);
    expect(briefingWant({ status: 'over', run: 3 }, 'right-desk', m).show).toBe(true);
  });
});
