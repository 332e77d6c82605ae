import { describe, expect, it } from 'vitest';
import { getLevelById } from '../../level/catalog';
import { createSim } from '../../sim/index';
import { boardBanner, boardLoad, hudValues, leaveBanner, pausedBanner, stepLine } from './boardLines';

describe('the board lines', () => {
  it('says a send for its time, never over the choice of a target', () => {
    const said = { text: 'Sent Ben to Billing', until: 5000 };
    const hint = () => 'A ticket is ready at Tier 1';
    expect(stepLine(said, 4999, 'source', hint)).toBe('Sent Ben to Billing');
    expect(stepLine(said, 5000, 'source', hint)).toBe('A ticket is ready at Tier 1');
    expect(stepLine(said, 100, 'target', hint)).toBe('A ticket is ready at Tier 1');
    expect(stepLine(null, 100, 'idle', hint)).toBe('A ticket is ready at Tier 1');
  });

  it('asks before leaving, else says paused with the speed Space goes on at, else nothing', () => {
    expect(boardBanner('quit', 0, 2)).toBe(leaveBanner());
    expect(leaveBanner()).toMatch(/Escape: keep playing/);
    expect(boardBanner('idle', 0, 2)).toBe(pausedBanner(2));
    expect(pausedBanner(4)).toBe('Paused\nPress Space or P to continue at 4x');
    expect(boardBanner('source', 2, 2)).toBe('');
  });

  it("reads the top bar's figures and the load from the sim", () => {
    const sim = createSim(getLevelById('right-desk')!.level!, 1, {});
    sim.advanceTo(60);
    const v = sim.view();
    const h = hudValues(v, 42, 2);
    expect(h).toEqual({
      timeLeft: v.end - 60,
      score: 42,
      served: v.counts.resolved,
      waiting: v.counts.inSystem,
      lost: v.counts.abandoned,
      speed: 2,
    });
    expect(v.counts.inSystem).toBeGreaterThan(0);
    expect(boardLoad(v)).toBeGreaterThan(0);
    expect(boardLoad(v)).toBeLessThanOrEqual(1);
  });
});
