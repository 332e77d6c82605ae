/** The generator and the committed sprite agree, and the synthesis is sane (no clipping, seamless loops). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSprite, GAP_MS, LOOP_SECONDS, SAMPLE_RATE, SOUNDS } from './generate-audio';

const { pcm, sprite } = buildSprite();

describe('generate-audio', () => {
  it('produces the sprite map that is committed (regenerate with npm run audio:generate)', () => {
    const committed = JSON.parse(
      readFileSync(join(process.cwd(), 'public', 'audio', 'sfx.json'), 'utf8'),
    ) as unknown;
    expect(sprite).toEqual(committed);
  });

  it('is deterministic', () => {
    const again = buildSprite();
    expect(again.pcm.length).toBe(pcm.length);
    expect(Buffer.from(again.pcm.buffer).equals(Buffer.from(pcm.buffer))).toBe(true);
  });

  it('never clips and leaves silence before the first sound', () => {
    let peak = 0;
    for (const v of pcm) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeLessThan(0.5);
    const lead = Math.floor(((GAP_MS - 100) / 1000) * SAMPLE_RATE);
    expect(pcm.subarray(0, lead).every((v) => v === 0)).toBe(true);
  });

  it('makes every sound audible', () => {
    for (const def of SOUNDS) {
      const [startMs, durMs] = sprite[def.name] ?? [0, 0];
      const a = Math.round((startMs / 1000) * SAMPLE_RATE);
      const seg = pcm.subarray(a, a + Math.round((durMs / 1000) * SAMPLE_RATE));
      const peak = seg.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(peak, def.name).toBeGreaterThan(0.05);
    }
  });

  it('writes loops that repeat seamlessly, with periodic margins for decoder offsets', () => {
    const loops = SOUNDS.filter((s) => s.loop);
    expect(loops.length).toBe(2);
    const n = LOOP_SECONDS * SAMPLE_RATE;
    for (const def of loops) {
      const [startMs, durMs, loop] = sprite[def.name] ?? [0, 0];
      expect(loop).toBe(true);
      expect(durMs).toBe(LOOP_SECONDS * 1000);
      const a = Math.round((startMs / 1000) * SAMPLE_RATE);
      for (const k of [-500, -1, 0, 1, 500]) {
        expect(pcm[a + k + n], `${def.name} at ${k}`).toBeCloseTo(pcm[a + k] ?? Number.NaN, 6);
      }
    }
  });
});
