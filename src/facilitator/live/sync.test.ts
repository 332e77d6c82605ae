import { describe, expect, it } from 'vitest';
import { NOTHING_REVEALED, PresentSchema, stepReveal, visiblePanels, type Revealed } from './sync';

const onRounds: Revealed = { ...NOTHING_REVEALED, screen: 'debrief', debriefStep: 5 };

describe('stepReveal with a chosen panel or the replay', () => {
  it('the next step shows the next part and drops the replay and the chosen panel', () => {
    const r = stepReveal({ ...onRounds, focus: 'journey', replay: 42, customer: 7 }, 1, 3);
    expect(r).toEqual({ ...onRounds, debriefStep: 6, customer: 7 });
  });

  it('back first takes away the replay (or the chosen panel), and hides a panel only after', () => {
    const back = stepReveal({ ...onRounds, replay: 42 }, -1, 3);
    expect(back).toEqual(onRounds);
    expect(visiblePanels(back)).toHaveLength(5);
    expect(stepReveal({ ...onRounds, focus: 'ripples' }, -1, 3)).toEqual(onRounds);
    expect(stepReveal(onRounds, -1, 3).debriefStep).toBe(4);
  });
});

describe('PresentSchema', () => {
  it('reads a present from an older presenter (no focus, replay or label) with those left empty', () => {
    const p = PresentSchema.parse({
      kind: 'present',
      sessionId: 's',
      roundId: null,
      team: null,
      revealed: { screen: 'results', debriefStep: 0, questions: 0, customer: null },
      muted: false,
    });
    expect(p.revealed.focus).toBeNull();
    expect(p.revealed.replay).toBeNull();
    expect(p.label).toBeNull();
  });

  it('refuses a panel that does not exist and a negative replay time', () => {
    const base = { kind: 'present', sessionId: 's', roundId: null, team: null, label: null, muted: false };
    expect(PresentSchema.safeParse({ ...base, revealed: { ...NOTHING_REVEALED, focus: 'secrets' } }).success).toBe(false);
    expect(PresentSchema.safeParse({ ...base, revealed: { ...NOTHING_REVEALED, replay: -1 } }).success).toBe(false);
  });
});
