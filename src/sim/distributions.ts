/** Time distributions, compiled once from the level so sampling in the hot path is a switch on a number. */
import type { Distribution } from '../level/schema';
import { cos, exp, log } from './fdlibm';
import { rand } from './rng';

export const D_FIXED = 0;
export const D_UNIFORM = 1;
export const D_EXP = 2;
export const D_LOGNORMAL = 3;

/** k: kind; fixed: a | uniform: a..b | exponential: mean a | lognormal: mu a, sigma b (of the log). */
export interface CDist {
  k: number;
  a: number;
  b: number;
  mean: number;
}

export function compileDist(d: Distribution): CDist {
  if (typeof d === 'number') return { k: D_FIXED, a: d, b: 0, mean: d };
  switch (d.kind) {
    case 'fixed':
      return { k: D_FIXED, a: d.value, b: 0, mean: d.value };
    case 'uniform': {
      const lo = Math.min(d.min, d.max);
      const hi = Math.max(d.min, d.max);
      return { k: D_UNIFORM, a: lo, b: hi, mean: (lo + hi) / 2 };
    }
    case 'exponential':
      return { k: D_EXP, a: d.mean, b: 0, mean: d.mean };
    case 'lognormal':
      return lognormal(d.mean, d.sd);
  }
}

export function lognormal(mean: number, sd: number): CDist {
  const s2 = log(1 + (sd * sd) / (mean * mean));
  return { k: D_LOGNORMAL, a: log(mean) - s2 / 2, b: Math.sqrt(s2), mean };
}

export function sample(d: CDist, s: number[], o: number): number {
  switch (d.k) {
    case D_FIXED:
      return d.a;
    case D_UNIFORM:
      return d.a + (d.b - d.a) * rand(s, o);
    case D_EXP:
      return -d.a * log(1 - rand(s, o));
    default: {
      // Box-Muller, one value per pair (keeps the stream state a plain array of words).
      const u1 = 1 - rand(s, o);
      const u2 = rand(s, o);
      const z = Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
      return exp(d.a + d.b * z);
    }
  }
}

/**
 * Gap between arrivals with the given mean, for the level's `spread` family:
 * exponential (Poisson arrivals), fixed, uniform on [0, 2*mean], lognormal with sd = mean / 2.
 */
export function sampleGap(spread: string, mean: number, s: number[], o: number): number {
  switch (spread) {
    case 'fixed':
      return mean;
    case 'uniform':
      return 2 * mean * rand(s, o);
    case 'lognormal': {
      const s2 = log(1.25);
      const u1 = 1 - rand(s, o);
      const u2 = rand(s, o);
      const z = Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
      return exp(log(mean) - s2 / 2 + Math.sqrt(s2) * z);
    }
    default:
      return -mean * log(1 - rand(s, o));
  }
}
