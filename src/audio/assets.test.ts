/** The committed audio files: small enough, well-formed, and in step with the sprite map the game uses. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SPRITE, SPRITE_FILES } from './sprite.generated';

const dir = join(process.cwd(), 'public', 'audio');
const BUDGET_BYTES = 600 * 1024;

/** Duration of an Ogg Vorbis file: last page's granule position over the sample rate of the id header. */
function oggDurationMs(buf: Buffer): number {
  expect(buf.subarray(0, 4).toString('latin1')).toBe('OggS');
  // First page: 27-byte header + segment table, then the Vorbis identification packet.
  const segments = buf[26] ?? 0;
  const packet = 27 + segments;
  expect(buf.subarray(packet + 1, packet + 7).toString('latin1')).toBe('vorbis');
  const rate = buf.readUInt32LE(packet + 12);
  const last = buf.lastIndexOf('OggS');
  const granule = Number(buf.readBigUInt64LE(last + 6));
  return (granule / rate) * 1000;
}

describe('audio assets', () => {
  it(`stay under ${BUDGET_BYTES / 1024} KB in total`, () => {
    const files = readdirSync(dir);
    const total = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    expect(files.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(BUDGET_BYTES);
  });

  it('has every sprite file the game asks for, in two formats', () => {
    expect(SPRITE_FILES.map((f) => f.split('.').pop())).toEqual(['ogg', 'mp3']);
    for (const f of SPRITE_FILES) expect(statSync(join(dir, f)).size).toBeGreaterThan(10_000);
    const mp3 = readFileSync(join(dir, 'sfx.mp3'));
    const id3 = mp3.subarray(0, 3).toString('latin1') === 'ID3';
    const frameSync = mp3[0] === 0xff && ((mp3[1] ?? 0) & 0xe0) === 0xe0;
    expect(id3 || frameSync).toBe(true);
  });

  it('publishes the same sprite map as JSON that the game compiles in', () => {
    const json = JSON.parse(readFileSync(join(dir, 'sfx.json'), 'utf8')) as unknown;
    expect(json).toEqual(SPRITE);
  });

  it('lays sprites out in order, with silence between them, inside the file', () => {
    const duration = oggDurationMs(readFileSync(join(dir, 'sfx.ogg')));
    const entries = Object.values(SPRITE) as ReadonlyArray<readonly [number, number, boolean?]>;
    let prevEnd = 0;
    for (const [start, dur] of entries) {
      expect(dur).toBeGreaterThan(0);
      expect(start - prevEnd).toBeGreaterThanOrEqual(200);
      prevEnd = start + dur;
    }
    expect(prevEnd).toBeLessThanOrEqual(duration);
  });
});
