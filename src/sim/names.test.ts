/**
 * Two customers in the company never share a name, also when there are more customers than names
 * and after a sim is restored from a snapshot (the count of names in use is a cache, rebuilt then).
 */
import { describe, expect, it } from 'vitest';
import { createSim, restoreSim } from './index';
import { autoLevel } from './testing/levels';

function namesInCompany(sim: ReturnType<typeof createSim>): string[] {
  return [...sim.view().tickets.values()].map((t) => t.customer);
}

describe('customer names', () => {
  const level = autoLevel({ arrivals: { ratePerMinute: 40 }, durationSeconds: 1200 });

  it('are unique among the customers in the company, also past the name list', () => {
    const sim = createSim(level, 7);
    let most = 0;
    for (let t = 30; t <= 900; t += 30) {
      sim.advanceTo(t);
      const names = namesInCompany(sim);
      most = Math.max(most, names.length);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(most).toBeGreaterThan(60); // more customers at once than the default name list holds
  });

  it('stay unique and identical to an unbroken run after a restore', () => {
    const a = createSim(level, 3);
    a.advanceTo(400);
    const b = restoreSim(level, a.snapshot());
    a.advanceTo(900);
    b.advanceTo(900);
    const names = namesInCompany(b);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(namesInCompany(a));
    expect(b.hash()).toBe(a.hash());
  });
});
