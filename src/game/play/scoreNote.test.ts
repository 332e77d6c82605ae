import { describe, expect, it } from 'vitest';
import { getLevelById } from '../../level/catalog';
import { createSim } from '../../sim/index';
import { SCORE_DIP_NOTE, ScoreNote, type ScoreSample } from './scoreNote';

const at = (score: number, arrived: number, resolved: number, abandoned = 0): ScoreSample => ({
  score,
  arrived,
  resolved,
  abandoned,
});

describe('the note on why the live score dips', () => {
  it('is said once, the first time the score falls only because customers arrived', () => {
    const n = new ScoreNote();
    expect(n.sample(at(47.5, 5, 2))).toBeNull();
    expect(n.sample(at(34.4, 12, 2))).toBe(SCORE_DIP_NOTE);
    expect(n.sample(at(47.5, 12, 5))).toBeNull();
    expect(n.sample(at(30, 20, 5))).toBeNull();
  });

  it('is not said for a fall with another cause, or a small ebb', () => {
    const n = new ScoreNote();
    n.sample(at(60, 10, 6));
    expect(n.sample(at(50, 11, 6, 1)), 'someone gave up').toBeNull();
    expect(n.sample(at(45, 11, 6, 1)), 'nobody new: the waiting grow unhappy').toBeNull();
    expect(n.sample(at(44, 12, 6, 1)), 'a fall of a point').toBeNull();
    expect(n.sample(at(50, 13, 8, 1)), 'a rise').toBeNull();
  });

  it('on level 1 with nobody routing, it is said (the sim\'s own scores)', () => {
    const level = getLevelById('right-desk')!.level!;
    const sim = createSim(level, 3, {});
    const n = new ScoreNote();
    const said: string[] = [];
    // Customers come and nobody passes work on: Tier 1 still answers questions itself.
    for (let t = 10; t <= 150; t += 10) {
      sim.advanceTo(t);
      const note = n.sample({ score: sim.score().total, ...sim.view().counts });
      if (note) said.push(note);
    }
    expect(said).toEqual([SCORE_DIP_NOTE]);
  });
});
