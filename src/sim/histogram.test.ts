import { describe, expect, it } from 'vitest';
import { HIST_BINS, histAdd, histQuantile } from './histogram';
import { rand, seedRng } from './rng';

describe('percentile histogram', () => {
  it('p50/p95/p99 within 1% of the exact values, in bounded memory', () => {
    const rng = seedRng(5);
    for (const scale of [3, 120, 5000]) {
      const h = new Array<number>(HIST_BINS).fill(0);
      const xs: number[] = [];
      for (let i = 0; i < 50_000; i++) {
        const x = scale * Math.exp(0.8 * Math.sqrt(-2 * Math.log(1 - rand(rng, 0))) * Math.cos(2 * Math.PI * rand(rng, 0)));
        xs.push(x);
        histAdd(h, x);
      }
      xs.sort((a, b) => a - b);
      for (const q of [0.5, 0.95, 0.99]) {
        const exact = xs[Math.ceil(q * xs.length) - 1]!;
        expect(Math.abs(histQuantile(h, q) / exact - 1)).toBeLessThan(0.01);
      }
      expect(h.length).toBe(HIST_BINS);
    }
    expect(histQuantile(new Array<number>(HIST_BINS).fill(0), 0.95)).toBe(0);
  });

  it('the PRNG is seeded and repeatable, with distinct streams', () => {
    const a = seedRng(1);
    const b = seedRng(1);
    const xs = Array.from({ length: 5 }, () => rand(a, 0));
    expect(Array.from({ length: 5 }, () => rand(b, 0))).toEqual(xs);
    expect(rand(a, 4)).not.toBe(rand(a, 0));
    const c = seedRng(2);
    expect(rand(c, 0)).not.toBe(xs[0]);
    let mean = 0;
    for (let i = 0; i < 100_000; i++) mean += rand(c, 8);
    expect(mean / 100_000).toBeCloseTo(0.5, 2);
  });
});
