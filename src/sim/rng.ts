/**
 * Seeded PRNG: three independent sfc32 streams whose state lives in a plain number array (4 signed
 * 32-bit words per stream), so it serialises as JSON and restores bit for bit.
 *
 * Separate streams keep runs comparable: arrivals (gaps, work types, patience) do not shift when a
 * player's commands change how many service or handoff draws happen ("common random numbers").
 */
export const STREAM_ARRIVALS = 0;
export const STREAM_SERVICE = 4;
export const STREAM_HANDOFF = 8;
export const RNG_WORDS = 12;

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** Fresh state for all streams from a seed (any finite number; integer part and sign are used). */
export function seedRng(seed: number, streams = 3): number[] {
  const lo = seed | 0;
  const hi = Math.floor(seed / 4294967296) | 0;
  const s: number[] = [];
  for (let k = 0; k < streams; k++) {
    let x = (lo ^ Math.imul(k + 1, 0x632be5ab) ^ hi) | 0;
    for (let i = 0; i < 4; i++) {
      x = splitmix32(x + i);
      s.push(x);
    }
  }
  for (let k = 0; k < streams; k++) for (let i = 0; i < 16; i++) rand(s, k * 4);
  return s;
}

/** Next uniform number in [0, 1) from the stream at offset o. */
export function rand(s: number[], o: number): number {
  const a = s[o]!;
  const b = s[o + 1]!;
  const c = s[o + 2]!;
  const d = s[o + 3]!;
  const t = (((a + b) | 0) + d) | 0;
  s[o + 3] = (d + 1) | 0;
  s[o] = b ^ (b >>> 9);
  s[o + 1] = (c + (c << 3)) | 0;
  s[o + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return (t >>> 0) / 4294967296;
}

/** Integer in [0, n). */
export function randInt(s: number[], o: number, n: number): number {
  return Math.floor(rand(s, o) * n);
}
