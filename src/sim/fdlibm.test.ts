import { describe, expect, it } from 'vitest';
import { cos, exp, log } from './fdlibm';

/** Node 20's V8 computes Math.log, Math.exp and Math.cos with fdlibm: there the ports must agree bit for bit. */
const engineIsFdlibm = process.versions.v8.startsWith('11.');

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

describe('fdlibm ports (the same numbers on every engine)', () => {
  it.runIf(engineIsFdlibm)(
    'log, exp and cos equal this engine’s fdlibm bit for bit over the sim’s ranges',
    () => {
      const rnd = lcg(7);
      let differ = 0;
      for (let i = 0; i < 400_000; i++) {
        const u = rnd();
        const v = rnd();
        const xs = [u, 1 - u, u * 1e-6, u * 5000, 1 + u * 1e-9];
        for (const x of xs) if (log(x) !== Math.log(x)) differ++;
        for (const x of [u * 12 - 6, (u - 0.5) * 1400, u * 1e-9, v * 30])
          if (exp(x) !== Math.exp(x)) differ++;
        for (const x of [2 * Math.PI * u, u * 20 - 10, (v - 0.5) * 1e5]) if (cos(x) !== Math.cos(x)) differ++;
      }
      expect(differ).toBe(0);
    },
  );

  it('edge values', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Math.E)).toBeCloseTo(1, 15);
    expect(log(5e-324)).toBeCloseTo(-744.44007192138, 9);
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBeCloseTo(Math.E, 15);
    expect(exp(800)).toBe(Infinity);
    expect(exp(-800)).toBe(0);
    expect(exp(-740)).toBeGreaterThan(0);
    expect(cos(0)).toBe(1);
    expect(cos(Math.PI)).toBe(-1);
    expect(Math.abs(cos(Math.PI / 2))).toBeLessThan(1e-15);
  });
});
