/**
 * Fixed-size log-spaced histogram for resolution-time percentiles: bins grow by 1% from 0.01 s, so any
 * percentile is within about 0.5% of the exact value (interpolated inside the bin) whatever the run length.
 */
import { log } from './fdlibm';

const MIN = 0.01;
const RATIO = 1.01;
const LOG_R = log(RATIO);
export const HIST_BINS = 2400; // 0.01 s .. ~2.4e8 s

export function histAdd(h: number[], x: number): void {
  let i = x <= MIN ? 0 : 1 + Math.floor(log(x / MIN) / LOG_R);
  if (i >= HIST_BINS) i = HIST_BINS - 1;
  h[i] = h[i]! + 1;
}

/** The q-quantile (0..1) of the recorded values; 0 when empty. */
export function histQuantile(h: number[], q: number): number {
  let total = 0;
  for (let i = 0; i < h.length; i++) total += h[i]!;
  if (total === 0) return 0;
  const target = q * total;
  let acc = 0;
  for (let i = 0; i < h.length; i++) {
    const c = h[i]!;
    if (c > 0 && acc + c >= target) {
      if (i === 0) return MIN;
      const lo = MIN * Math.pow(RATIO, i - 1);
      const hi = lo * RATIO;
      const frac = (target - acc) / c;
      return lo + (hi - lo) * frac;
    }
    acc += c;
  }
  return MIN * Math.pow(RATIO, h.length - 1);
}
