import { describe, expect, it } from 'vitest';
import { defaultBaseUrl, fileSources, INLINE_SOURCES, inlineSources } from './sources';

describe('sprite sources', () => {
  it('lists the ogg first, then the mp3, under the base folder', () => {
    expect(fileSources('./audio/')).toEqual(['./audio/sfx.ogg', './audio/sfx.mp3']);
    expect(fileSources('https://cdn.example/a')).toEqual([
      'https://cdn.example/a/sfx.ogg',
      'https://cdn.example/a/sfx.mp3',
    ]);
  });

  it('defaults to audio/ under the Vite base', () => {
    expect(defaultBaseUrl()).toBe(`${import.meta.env.BASE_URL}audio/`);
    expect(INLINE_SOURCES).toBe(false);
  });

  it('can inline the sprite as data: URLs for the single-file build', async () => {
    const [ogg, mp3] = await inlineSources();
    expect(ogg?.startsWith('data:audio/ogg;base64,')).toBe(true);
    expect(mp3?.startsWith('data:audio/mpeg;base64,')).toBe(true);
  });
});
