/**
 * The logo as a data: URL, bundled with the code: it then loads from file:// too (the single-file build,
 * where the browser refuses to fetch files beside the page), with no request at all.
 */
import svg from '../../public/favicon.svg?raw';

export const LOGO_URL = `data:image/svg+xml;base64,${btoa(svg)}`;

let decoded: HTMLImageElement | null = null;

/**
 * Starts decoding the logo at once (main.ts calls it before Phaser boots), so boot can hand the
 * finished image to Phaser without a loader pass; the image is the loader's own (256 by 256).
 */
export function decodeLogo(): void {
  if (typeof Image === 'undefined' || decoded) return;
  const img = new Image();
  img.onload = () => (decoded = img);
  img.src = LOGO_URL;
}

/** The decoded logo, once it is. */
export function decodedLogo(): HTMLImageElement | null {
  return decoded;
}
