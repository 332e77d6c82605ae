/** Synthesis building blocks for the sound set: oscillators, tones, soft noise, a small room, finishing. */

export const SAMPLE_RATE = 22050;
/** Silence before the first sprite and between sprites, so encoder delay or a late stop never bleeds. */
export const GAP_MS = 250;
/** Loops are written with this much of their own (periodic) continuation on each side. */
export const LOOP_PAD_MS = 60;

export const SR = SAMPLE_RATE;
export const TAU = Math.PI * 2;

// ---------------------------------------------------------------------------------------------------
// Building blocks

/** Deterministic PRNG (mulberry32) so noise, and so the files, are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const midi = (m: number): number => 440 * 2 ** ((m - 69) / 12);
export const samples = (seconds: number): number => Math.round(seconds * SR);

export function buffer(seconds: number): Float32Array {
  return new Float32Array(samples(seconds));
}

export type Wave = 'sine' | 'triangle' | 'softsquare';

export function osc(wave: Wave, phase: number): number {
  switch (wave) {
    case 'sine':
      return Math.sin(phase);
    case 'triangle': {
      const x = (phase / TAU) % 1;
      return 4 * Math.abs(x - 0.5) - 1;
    }
    case 'softsquare':
      // A rounded square: odd harmonics, gently.
      return Math.tanh(2.2 * Math.sin(phase)) / Math.tanh(2.2);
  }
}

export interface ToneOpts {
  /** Start, seconds into the buffer. */
  at: number;
  freq: number;
  /** Glide to this frequency over the note (exponential). */
  toFreq?: number;
  dur: number;
  gain: number;
  wave?: Wave;
  attack?: number;
  /** Exponential decay time constant (s); the note also fades out linearly over its last 15%. */
  decay?: number;
  /** Bell-like partials: [ratio, relative gain, decay multiplier] (decay multiplier < 1 = faster). */
  partials?: Array<[number, number, number]>;
  vibratoHz?: number;
  vibratoDepth?: number;
}

/** Adds a note into `out`. */
export function tone(out: Float32Array, o: ToneOpts): void {
  const start = samples(o.at);
  const n = samples(o.dur);
  const attack = Math.max(1, samples(o.attack ?? 0.006));
  const decay = o.decay ?? o.dur;
  const parts = o.partials ?? [[1, 1, 1]];
  const wave = o.wave ?? 'sine';
  const phases = parts.map(() => 0);
  for (let i = 0; i < n && start + i < out.length; i++) {
    const t = i / SR;
    const k = o.toFreq ? (o.toFreq / o.freq) ** (i / n) : 1;
    const vib = o.vibratoHz ? 1 + (o.vibratoDepth ?? 0.004) * Math.sin(TAU * o.vibratoHz * t) : 1;
    const f = o.freq * k * vib;
    const att = i < attack ? 0.5 - 0.5 * Math.cos((Math.PI * i) / attack) : 1;
    const tailStart = n * 0.85;
    const tail = i > tailStart ? 1 - (i - tailStart) / (n - tailStart) : 1;
    let v = 0;
    for (let p = 0; p < parts.length; p++) {
      const [ratio, g, dm] = parts[p] ?? [1, 1, 1];
      phases[p] = (phases[p] ?? 0) + (TAU * f * ratio) / SR;
      v += g * Math.exp(-t / (decay * dm)) * osc(p === 0 ? wave : 'sine', phases[p] ?? 0);
    }
    out[start + i] = (out[start + i] ?? 0) + o.gain * att * tail * v;
  }
}

/** A soft bell: sine with a few quiet inharmonic-ish partials that die away faster than the body. */
export const BELL: Array<[number, number, number]> = [
  [1, 1, 1],
  [2, 0.28, 0.45],
  [3.01, 0.09, 0.3],
  [4.2, 0.035, 0.2],
];
/** A warm mallet: fundamental and an octave. */
export const MALLET: Array<[number, number, number]> = [
  [1, 1, 1],
  [2, 0.16, 0.5],
];

export interface NoiseOpts {
  at: number;
  dur: number;
  gain: number;
  /** One-pole low-pass cutoff (Hz), optionally sweeping to `toLowpass`. */
  lowpass: number;
  toLowpass?: number;
  /** One-pole high-pass cutoff (Hz). */
  highpass?: number;
  attack?: number;
  seed: number;
}

/** Adds soft filtered noise with a rise-and-fall envelope. */
export function noise(out: Float32Array, o: NoiseOpts): void {
  const rnd = prng(o.seed);
  const start = samples(o.at);
  const n = samples(o.dur);
  const attack = Math.max(1, samples(o.attack ?? o.dur * 0.3));
  let lp = 0;
  let hpIn = 0;
  let hpOut = 0;
  for (let i = 0; i < n && start + i < out.length; i++) {
    const cutoff = o.toLowpass ? o.lowpass * (o.toLowpass / o.lowpass) ** (i / n) : o.lowpass;
    const a = 1 - Math.exp((-TAU * cutoff) / SR);
    lp += a * (rnd() * 2 - 1 - lp);
    let v = lp;
    if (o.highpass) {
      const r = Math.exp((-TAU * o.highpass) / SR);
      hpOut = r * (hpOut + v - hpIn);
      hpIn = v;
      v = hpOut;
    }
    const env =
      i < attack
        ? Math.sin((Math.PI / 2) * (i / attack)) ** 2
        : Math.cos((Math.PI / 2) * ((i - attack) / (n - attack))) ** 2;
    out[start + i] = (out[start + i] ?? 0) + o.gain * env * v;
  }
}

/** A small Schroeder room (4 combs, 2 all-passes), mixed in at `wet`. Returns a longer buffer with the tail. */
export function room(dry: Float32Array, wet: number, tailSeconds = 0.5): Float32Array {
  const out = new Float32Array(dry.length + samples(tailSeconds));
  out.set(dry);
  const combs = [0.0297, 0.0371, 0.0411, 0.0437].map((s) => ({
    buf: new Float32Array(samples(s)),
    i: 0,
    lp: 0,
  }));
  const allpasses = [0.005, 0.0017].map((s) => ({ buf: new Float32Array(samples(s)), i: 0 }));
  const feedback = 0.72;
  const damp = 0.35;
  for (let n = 0; n < out.length; n++) {
    const x = n < dry.length ? (dry[n] ?? 0) : 0;
    let sum = 0;
    for (const c of combs) {
      const y = c.buf[c.i] ?? 0;
      c.lp = y * (1 - damp) + c.lp * damp;
      c.buf[c.i] = x + c.lp * feedback;
      c.i = (c.i + 1) % c.buf.length;
      sum += y;
    }
    let y = sum / combs.length;
    for (const a of allpasses) {
      const b = a.buf[a.i] ?? 0;
      const v = y + b * 0.5;
      a.buf[a.i] = v;
      a.i = (a.i + 1) % a.buf.length;
      y = b - v * 0.5;
    }
    out[n] = (out[n] ?? 0) + wet * y;
  }
  return out;
}

/** Scales to a peak level (dBFS); for one-shots also trims trailing near-silence and fades the last 10 ms. */
export function finish(buf: Float32Array, peakDb: number, loop = false): Float32Array {
  let peak = 0;
  for (const v of buf) peak = Math.max(peak, Math.abs(v));
  const scale = peak > 0 ? 10 ** (peakDb / 20) / peak : 0;
  if (loop) return buf.map((v) => v * scale);
  let end = buf.length;
  const floor = 10 ** (-66 / 20) / Math.max(scale, 1e-9);
  while (end > 0 && Math.abs(buf[end - 1] ?? 0) < floor) end--;
  end = Math.min(buf.length, end + samples(0.01));
  const out = buf.slice(0, end);
  const fade = Math.min(samples(0.01), out.length);
  for (let i = 0; i < out.length; i++) {
    const f = i >= out.length - fade ? (out.length - i) / fade : 1;
    out[i] = (out[i] ?? 0) * scale * f;
  }
  return out;
}
