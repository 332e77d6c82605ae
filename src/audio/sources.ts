/**
 * Where the sprite comes from. Normally the files under public/audio/, next to the page. The single-file
 * build (`vite build --mode single`, opened from file://) cannot fetch files, so there the sprite is
 * inlined as data: URLs. The inlined branch is removed from normal builds (MODE is replaced at build time).
 */
import { SPRITE_FILES } from './sprite.generated';

export function fileSources(baseUrl: string): string[] {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return SPRITE_FILES.map((f) => `${base}${f}`);
}

export function defaultBaseUrl(): string {
  const base = import.meta.env.BASE_URL || './';
  return `${base}${base.endsWith('/') ? '' : '/'}audio/`;
}

/** True in the single-file build, where sources must be inlined. */
export const INLINE_SOURCES = import.meta.env.MODE === 'single';

/** The sprite as data: URLs (single-file build only; loads ~350 KB of base64, so only call it there). */
export async function inlineSources(): Promise<string[]> {
  // Spelled out (not via INLINE_SOURCES) so the bundler drops the imports below from other builds.
  if (import.meta.env.MODE !== 'single' && import.meta.env.MODE !== 'test') return [];
  const [ogg, mp3] = await Promise.all([
    import('../../public/audio/sfx.ogg?inline'),
    import('../../public/audio/sfx.mp3?inline'),
  ]);
  return [ogg.default, mp3.default];
}
