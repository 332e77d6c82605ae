/**
 * Generates the game's sound set: every sound is synthesised here from sine and triangle tones,
 * envelopes, soft filtered noise and a small room reverb. Nothing is sampled or downloaded.
 *
 *   npm run audio:generate
 *
 * Writes one audio sprite in two formats browsers accept, plus its map:
 *   public/audio/sfx.ogg              Ogg Vorbis (Chrome, Firefox, Edge, recent Safari)
 *   public/audio/sfx.mp3              MP3 (every browser, Safari's fallback)
 *   public/audio/sfx.json             howler sprite map { name: [startMs, durationMs, loop?] }
 *   src/audio/sprite.generated.ts     the same map as a typed constant for the game
 *
 * Only this script needs the encoders (`oggenc` from vorbis-tools and `lame`, or `ffmpeg` for either):
 *   apt-get install vorbis-tools lame
 * CI and the game never regenerate; they use the committed files. Output is deterministic (seeded noise,
 * fixed Ogg serial number), so regenerating without changes gives the same files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SAMPLE_RATE = 22050;
/** Silence before the first sprite and between sprites, so encoder delay or a late stop never bleeds. */
export const GAP_MS = 250;
/** Loops are written with this much of their own (periodic) continuation on each side. */
const LOOP_PAD_MS = 60;

const SR = SAMPLE_RATE;
const TAU = Math.PI * 2;

// ---------------------------------------------------------------------------------------------------
// Building blocks

/** Deterministic PRNG (mulberry32) so noise, and so the files, are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const midi = (m: number): number => 440 * 2 ** ((m - 69) / 12);
const samples = (seconds: number): number => Math.round(seconds * SR);

function buffer(seconds: number): Float32Array {
  return new Float32Array(samples(seconds));
}

type Wave = 'sine' | 'triangle' | 'softsquare';

function osc(wave: Wave, phase: number): number {
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

interface ToneOpts {
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
function tone(out: Float32Array, o: ToneOpts): void {
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
const BELL: Array<[number, number, number]> = [
  [1, 1, 1],
  [2, 0.28, 0.45],
  [3.01, 0.09, 0.3],
  [4.2, 0.035, 0.2],
];
/** A warm mallet: fundamental and an octave. */
const MALLET: Array<[number, number, number]> = [
  [1, 1, 1],
  [2, 0.16, 0.5],
];

interface NoiseOpts {
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
function noise(out: Float32Array, o: NoiseOpts): void {
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
function room(dry: Float32Array, wet: number, tailSeconds = 0.5): Float32Array {
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
function finish(buf: Float32Array, peakDb: number, loop = false): Float32Array {
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

// ---------------------------------------------------------------------------------------------------
// The sounds. Key of C major, mostly pentatonic, so anything that overlaps stays consonant.

const C4 = 60;

function arrive(): Float32Array {
  // A soft two-note chime: a ticket has come in.
  const b = buffer(0.6);
  tone(b, { at: 0, freq: midi(C4 + 19), dur: 0.45, gain: 0.6, decay: 0.18, partials: BELL });
  tone(b, { at: 0.085, freq: midi(C4 + 24), dur: 0.5, gain: 0.5, decay: 0.22, partials: BELL });
  return finish(room(b, 0.22, 0.35), -14);
}

function pickup(): Float32Array {
  // A light upward blip with a paper-ish tick.
  const b = buffer(0.16);
  tone(b, {
    at: 0,
    freq: 520,
    toFreq: 820,
    dur: 0.11,
    gain: 0.7,
    wave: 'triangle',
    attack: 0.004,
    decay: 0.05,
  });
  noise(b, { at: 0, dur: 0.03, gain: 0.25, lowpass: 5000, highpass: 1500, attack: 0.003, seed: 11 });
  return finish(b, -11);
}

function drop(): Float32Array {
  // The reverse: a short downward blip and a soft thud as the ticket lands.
  const b = buffer(0.2);
  tone(b, {
    at: 0,
    freq: 760,
    toFreq: 480,
    dur: 0.12,
    gain: 0.6,
    wave: 'triangle',
    attack: 0.004,
    decay: 0.05,
  });
  tone(b, { at: 0.02, freq: 170, toFreq: 120, dur: 0.12, gain: 0.6, attack: 0.003, decay: 0.04 });
  return finish(b, -11);
}

function click(): Float32Array {
  const b = buffer(0.06);
  tone(b, { at: 0, freq: 1480, dur: 0.04, gain: 0.5, attack: 0.001, decay: 0.009 });
  noise(b, { at: 0, dur: 0.015, gain: 0.3, lowpass: 6000, highpass: 2000, attack: 0.001, seed: 21 });
  return finish(b, -15);
}

function invalid(): Float32Array {
  // Two low, soft "nope" notes; informative, never a buzzer.
  const b = buffer(0.32);
  tone(b, { at: 0, freq: midi(C4 - 7), dur: 0.12, gain: 0.7, wave: 'triangle', attack: 0.005, decay: 0.06 });
  tone(b, {
    at: 0.12,
    freq: midi(C4 - 9),
    dur: 0.18,
    gain: 0.7,
    wave: 'triangle',
    attack: 0.005,
    decay: 0.07,
  });
  return finish(b, -11);
}

function handoffQuick(): Float32Array {
  // A quick swish and a single light tap: fast, a bit careless.
  const b = buffer(0.25);
  noise(b, {
    at: 0,
    dur: 0.16,
    gain: 0.9,
    lowpass: 1200,
    toLowpass: 5200,
    highpass: 600,
    attack: 0.06,
    seed: 31,
  });
  tone(b, {
    at: 0.1,
    freq: midi(C4 + 19),
    dur: 0.12,
    gain: 0.22,
    attack: 0.003,
    decay: 0.04,
    partials: MALLET,
  });
  return finish(b, -12);
}

function handoffCareful(): Float32Array {
  // Two small pen strokes, then a warm settled chord: notes written, work passed on with care.
  const b = buffer(0.75);
  noise(b, { at: 0, dur: 0.07, gain: 0.35, lowpass: 3500, highpass: 900, attack: 0.02, seed: 41 });
  noise(b, { at: 0.09, dur: 0.08, gain: 0.35, lowpass: 3800, highpass: 900, attack: 0.02, seed: 42 });
  tone(b, { at: 0.2, freq: midi(C4 + 12), dur: 0.5, gain: 0.45, decay: 0.25, partials: MALLET });
  tone(b, { at: 0.2, freq: midi(C4 + 16), dur: 0.5, gain: 0.35, decay: 0.25, partials: MALLET });
  tone(b, { at: 0.29, freq: midi(C4 + 19), dur: 0.46, gain: 0.4, decay: 0.25, partials: MALLET });
  return finish(room(b, 0.2, 0.35), -11);
}

function bounce(): Float32Array {
  // Comes back: a rounded "boing" down and a smaller second bounce.
  const b = buffer(0.5);
  tone(b, {
    at: 0,
    freq: midi(C4 + 7),
    toFreq: midi(C4 + 2),
    dur: 0.2,
    gain: 0.7,
    wave: 'triangle',
    attack: 0.005,
    decay: 0.12,
  });
  tone(b, {
    at: 0.19,
    freq: midi(C4 + 4),
    toFreq: midi(C4 - 1),
    dur: 0.24,
    gain: 0.45,
    wave: 'triangle',
    attack: 0.005,
    decay: 0.1,
  });
  return finish(room(b, 0.15, 0.25), -10);
}

function ripple(): Float32Array {
  // A drop in water and rings spreading out: fading echoes, each lower and softer.
  const b = buffer(1.1);
  tone(b, { at: 0, freq: 1250, toFreq: 560, dur: 0.09, gain: 0.7, attack: 0.002, decay: 0.05 });
  const rings = [C4 + 14, C4 + 9, C4 + 7, C4 + 2];
  rings.forEach((m, i) => {
    tone(b, {
      at: 0.08 + i * 0.15,
      freq: midi(m),
      dur: 0.4,
      gain: 0.5 * 0.62 ** i,
      decay: 0.14,
      partials: BELL,
      vibratoHz: 6,
      vibratoDepth: 0.006,
    });
  });
  return finish(room(b, 0.3, 0.5), -10);
}

function delighted(): Float32Array {
  // A bright rising arpeggio that settles on the octave.
  const b = buffer(1.0);
  [C4 + 12, C4 + 16, C4 + 19, C4 + 24].forEach((m, i) => {
    tone(b, { at: i * 0.075, freq: midi(m), dur: 0.75 - i * 0.05, gain: 0.45, decay: 0.3, partials: BELL });
  });
  return finish(room(b, 0.25, 0.45), -9);
}

function customerLost(): Float32Array {
  // A sigh: a falling minor third with the second note bending down and fading.
  const b = buffer(1.0);
  tone(b, { at: 0, freq: midi(C4 + 7), dur: 0.35, gain: 0.55, wave: 'triangle', attack: 0.02, decay: 0.35 });
  tone(b, {
    at: 0.28,
    freq: midi(C4 + 3),
    toFreq: midi(C4 + 2),
    dur: 0.65,
    gain: 0.55,
    wave: 'triangle',
    attack: 0.03,
    decay: 0.35,
  });
  tone(b, { at: 0.28, freq: midi(C4 - 12), dur: 0.65, gain: 0.3, attack: 0.05, decay: 0.4 });
  return finish(room(b, 0.25, 0.45), -10);
}

function warning(): Float32Array {
  // Two soft double-pulses of an open fifth: noticeable from the back of a room, not an alarm.
  const b = buffer(0.8);
  for (const at of [0, 0.16, 0.42]) {
    tone(b, { at, freq: midi(C4 + 9), dur: 0.13, gain: 0.45, wave: 'softsquare', attack: 0.01, decay: 0.09 });
    tone(b, { at, freq: midi(C4 + 16), dur: 0.13, gain: 0.25, attack: 0.01, decay: 0.09 });
  }
  return finish(room(b, 0.15, 0.3), -10);
}

function levelWon(): Float32Array {
  // A short, warm fanfare: arpeggio, then the full chord held with a little vibrato.
  const b = buffer(2.0);
  [C4 + 7, C4 + 12, C4 + 16].forEach((m, i) => {
    tone(b, { at: i * 0.12, freq: midi(m), dur: 0.3, gain: 0.45, decay: 0.2, partials: BELL });
  });
  for (const [m, g] of [
    [C4, 0.3],
    [C4 + 7, 0.25],
    [C4 + 12, 0.35],
    [C4 + 16, 0.3],
    [C4 + 19, 0.3],
    [C4 + 24, 0.25],
  ] as const) {
    tone(b, {
      at: 0.38,
      freq: midi(m),
      dur: 1.5,
      gain: g,
      wave: 'triangle',
      attack: 0.02,
      decay: 0.8,
      vibratoHz: 5,
      vibratoDepth: 0.003,
    });
  }
  return finish(room(b, 0.28, 0.6), -7);
}

function levelLost(): Float32Array {
  // A gentle descent into a soft minor chord: it did not work out, try again.
  const b = buffer(2.0);
  [C4 + 7, C4 + 5, C4 + 3].forEach((m, i) => {
    tone(b, {
      at: i * 0.2,
      freq: midi(m),
      dur: 0.35,
      gain: 0.5,
      wave: 'triangle',
      attack: 0.015,
      decay: 0.2,
    });
  });
  for (const [m, g] of [
    [C4 - 12, 0.3],
    [C4, 0.3],
    [C4 + 3, 0.25],
    [C4 + 7, 0.22],
  ] as const) {
    tone(b, { at: 0.62, freq: midi(m), dur: 1.3, gain: g, wave: 'triangle', attack: 0.05, decay: 0.6 });
  }
  return finish(room(b, 0.28, 0.6), -9);
}

// Loops. Their content is exactly periodic over LOOP_SECONDS (frequencies on multiples of 1/L, note tails
// wrapped around), so any window of that length loops seamlessly, even if a decoder shifts it a little.
export const LOOP_SECONDS = 8;

/** Nearest frequency with a whole number of cycles in the loop. */
const loopFreq = (f: number): number => Math.round(f * LOOP_SECONDS) / LOOP_SECONDS;

function ambientBase(): Float32Array {
  // A quiet pad that breathes between C major 9 and A minor 7 over the 8 seconds.
  const n = samples(LOOP_SECONDS);
  const b = new Float32Array(n);
  const chordA = [C4 - 12, C4 - 5, C4 + 4, C4 + 11, C4 + 14].map((m) => loopFreq(midi(m)));
  const chordB = [C4 - 15, C4 - 8, C4 + 4, C4 + 7, C4 + 12].map((m) => loopFreq(midi(m)));
  for (let i = 0; i < n; i++) {
    const t = i / SR;
    const x = t / LOOP_SECONDS; // 0..1
    const wA = Math.cos(Math.PI * x) ** 2; // 1 -> 0 -> 1
    const wB = 1 - wA;
    const breath = 0.85 + 0.15 * Math.sin(TAU * 2 * x);
    let v = 0;
    chordA.forEach((f, k) => (v += (wA * Math.sin(TAU * f * t + k)) / (1 + k * 0.4)));
    chordB.forEach((f, k) => (v += (wB * Math.sin(TAU * f * t + k * 2)) / (1 + k * 0.4)));
    b[i] = v * breath;
  }
  return finish(b, -16, true);
}

function ambientTension(): Float32Array {
  // Soft plucks on a steady pulse: what a busy office sounds like when queues start to grow.
  const n = samples(LOOP_SECONDS);
  const b = new Float32Array(n);
  const pattern = [C4 + 16, C4 + 19, C4 + 21, C4 + 19, C4 + 16, C4 + 14, C4 + 12, C4 + 14];
  const step = LOOP_SECONDS / 16;
  for (let s = 0; s < 16; s++) {
    const f = loopFreq(midi(pattern[s % pattern.length] ?? C4));
    const start = samples(s * step);
    const len = samples(0.45);
    const accent = s % 4 === 0 ? 1 : 0.65;
    for (let i = 0; i < len; i++) {
      const t = i / SR;
      const env = (1 - Math.exp(-t / 0.004)) * Math.exp(-t / 0.09);
      const v = accent * env * (Math.sin(TAU * f * t) + 0.2 * Math.sin(TAU * 2 * f * t));
      const j = (start + i) % n;
      b[j] = (b[j] ?? 0) + v;
    }
  }
  // A low pulse on the beats underneath, also wrapped.
  for (let s = 0; s < 8; s++) {
    const f = loopFreq(midi(C4 - 24));
    const start = samples(s * step * 2);
    const len = samples(0.5);
    for (let i = 0; i < len; i++) {
      const t = i / SR;
      const env = (1 - Math.exp(-t / 0.01)) * Math.exp(-t / 0.15);
      const j = (start + i) % n;
      b[j] = (b[j] ?? 0) + 0.8 * env * Math.sin(TAU * f * t);
    }
  }
  return finish(b, -15, true);
}

interface SoundDef {
  name: string;
  make: () => Float32Array;
  loop?: boolean;
}

export const SOUNDS: readonly SoundDef[] = [
  { name: 'arrive', make: arrive },
  { name: 'pickup', make: pickup },
  { name: 'drop', make: drop },
  { name: 'click', make: click },
  { name: 'invalid', make: invalid },
  { name: 'handoffQuick', make: handoffQuick },
  { name: 'handoffCareful', make: handoffCareful },
  { name: 'bounce', make: bounce },
  { name: 'ripple', make: ripple },
  { name: 'delighted', make: delighted },
  { name: 'customerLost', make: customerLost },
  { name: 'warning', make: warning },
  { name: 'levelWon', make: levelWon },
  { name: 'levelLost', make: levelLost },
  { name: 'ambientBase', make: ambientBase, loop: true },
  { name: 'ambientTension', make: ambientTension, loop: true },
];

export type SpriteEntry = [number, number] | [number, number, boolean];

/** Lays the sounds out on one timeline with silent gaps. Start times fall on whole milliseconds. */
export function buildSprite(): { pcm: Float32Array; sprite: Record<string, SpriteEntry> } {
  const pad = samples(LOOP_PAD_MS / 1000);
  const placed: Array<{
    name: string;
    data: Float32Array;
    startMs: number;
    durMs: number;
    loop: boolean;
    offset: number;
  }> = [];
  let cursorMs = GAP_MS;
  for (const def of SOUNDS) {
    const body = def.make();
    let data = body;
    let offset = 0;
    if (def.loop) {
      // Periodic continuation on both sides of the loop window.
      data = new Float32Array(body.length + 2 * pad);
      for (let i = 0; i < data.length; i++)
        data[i] = body[(((i - pad) % body.length) + body.length) % body.length] ?? 0;
      offset = pad;
      // The padding before the loop window must not overlap the previous sound's gap entirely.
      cursorMs += LOOP_PAD_MS;
    }
    const durMs = def.loop ? (body.length / SR) * 1000 : Math.ceil((body.length / SR) * 1000);
    placed.push({ name: def.name, data, startMs: cursorMs, durMs, loop: Boolean(def.loop), offset });
    cursorMs += Math.ceil(durMs) + (def.loop ? LOOP_PAD_MS : 0) + GAP_MS;
  }
  const pcm = new Float32Array(samples(cursorMs / 1000));
  const sprite: Record<string, SpriteEntry> = {};
  for (const p of placed) {
    const at = samples(p.startMs / 1000) - p.offset;
    pcm.set(p.data, at);
    sprite[p.name] = p.loop ? [p.startMs, p.durMs, true] : [p.startMs, p.durMs];
  }
  return { pcm, sprite };
}

// ---------------------------------------------------------------------------------------------------
// Output

function wav16(pcm: Float32Array): Buffer {
  const data = Buffer.alloc(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) {
    const v = Math.max(-1, Math.min(1, pcm[i] ?? 0));
    data.writeInt16LE(Math.round(v * 32767), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SR, 24);
  h.writeUInt32LE(SR * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    try {
      execFileSync(cmd, ['-version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
}

function encode(wavPath: string, oggPath: string, mp3Path: string): void {
  const ffmpeg = has('ffmpeg');
  if (has('oggenc')) {
    execFileSync('oggenc', ['-Q', '-q', '2', '--serial', '1', '-o', oggPath, wavPath]);
  } else if (ffmpeg) {
    execFileSync('ffmpeg', [
      '-y',
      '-loglevel',
      'error',
      '-i',
      wavPath,
      '-c:a',
      'libvorbis',
      '-q:a',
      '2',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      oggPath,
    ]);
  } else {
    throw new Error('No Ogg Vorbis encoder: install one with `apt-get install vorbis-tools` (or ffmpeg).');
  }
  if (has('lame')) {
    execFileSync('lame', ['--quiet', '-m', 'm', '-b', '48', '--noreplaygain', wavPath, mp3Path]);
  } else if (ffmpeg) {
    execFileSync('ffmpeg', [
      '-y',
      '-loglevel',
      'error',
      '-i',
      wavPath,
      '-c:a',
      'libmp3lame',
      '-b:a',
      '48k',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      mp3Path,
    ]);
  } else {
    throw new Error('No MP3 encoder: install one with `apt-get install lame` (or ffmpeg).');
  }
}

function spriteModule(sprite: Record<string, SpriteEntry>): string {
  const lines = Object.entries(sprite).map(([name, entry]) => `  ${name}: [${entry.join(', ')}],`);
  return [
    '// Generated by scripts/generate-audio.ts (npm run audio:generate). Do not edit by hand.',
    '// The howler sprite map of public/audio/sfx.ogg and sfx.mp3: name -> [startMs, durationMs, loop?].',
    'export const SPRITE = {',
    ...lines,
    '} as const satisfies Record<string, readonly [number, number] | readonly [number, number, boolean]>;',
    '',
    'export type SoundName = keyof typeof SPRITE;',
    '',
    '/** Files of the sprite under public/audio/, in order of preference (howler picks the first it can play). */',
    "export const SPRITE_FILES = ['sfx.ogg', 'sfx.mp3'] as const;",
    '',
  ].join('\n');
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = join(root, 'public', 'audio');
  const { pcm, sprite } = buildSprite();
  const tmp = mkdtempSync(join(tmpdir(), 'ripple-audio-'));
  try {
    const wavPath = join(tmp, 'sfx.wav');
    writeFileSync(wavPath, wav16(pcm));
    mkdirSync(outDir, { recursive: true });
    encode(wavPath, join(outDir, 'sfx.ogg'), join(outDir, 'sfx.mp3'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(join(outDir, 'sfx.json'), JSON.stringify(sprite, null, 2) + '\n');
  writeFileSync(join(root, 'src', 'audio', 'sprite.generated.ts'), spriteModule(sprite));
  const total = (pcm.length / SR).toFixed(2);
  console.log(`audio sprite: ${Object.keys(sprite).length} sounds, ${total} s at ${SR} Hz mono`);
  for (const f of ['sfx.ogg', 'sfx.mp3', 'sfx.json']) {
    console.log(`  public/audio/${f}  ${(statSync(join(outDir, f)).size / 1024).toFixed(1)} KB`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
