/** The sounds of Ripple Effect, each a small recipe, and the sprite that lays them out with gaps. */
import { BELL, LOOP_PAD_MS, MALLET, SR, TAU, buffer, finish, midi, noise, room, samples, tone, GAP_MS } from './synth';

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
