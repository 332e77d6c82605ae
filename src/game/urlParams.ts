/**
 * URL parameters, parsed purely: `?level=<id>` opens that level's briefing, `?seed=N` fixes the
 * random seed, `?facilitator=1` unlocks every level, `?audience=1` (or `?audience=<session id>`) opens the
 * read-only projector window that follows a facilitator's window. Mistakes give a plain message and
 * change nothing.
 */
import { closest } from '../level/suggest';

export interface UrlParams {
  level: string | null;
  seed: number | null;
  facilitator: boolean | null;
  /** The session a projector (audience) window follows: 'local' for `audience=1`; null: not one. */
  audience: string | null;
  /** Plain-words messages about parameters that could not be used. */
  messages: string[];
}

/** The longest part of a link value repeated in a message; the rest is cut with "…". */
export const SHOWN_CHARS = 40;
/** A value from the link as shown in a message: at most SHOWN_CHARS characters, on one line. */
export function shown(value: string): string {
  const one = value.replace(/\s+/g, ' ');
  return one.length > SHOWN_CHARS ? `${one.slice(0, SHOWN_CHARS)}…` : one;
}
/** The largest seed, as in the session panel (2^31 - 1). */
export const MAX_SEED = 2147483647;

const TRUE = new Set(['1', 'true', 'yes', 'on', '']);
const FALSE = new Set(['0', 'false', 'no', 'off']);
/**
 * A session id: the game makes letters, digits and dashes, but an imported session keeps whatever id
 * its file had ("Workshop 12 (Tuesday)"), so any text up to the session format's length works, without
 * control characters or spaces at either end. `local` is the no-session channel.
 */
// eslint-disable-next-line no-control-regex
const SESSION_ID = /^(?!\s)[^\u0000-\u001f\u007f]{1,200}(?<!\s)$/u;

export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const out: UrlParams = { level: null, seed: null, facilitator: null, audience: null, messages: [] };

  const level = q.get('level');
  if (level !== null) {
    const id = level.trim();
    if (id) out.level = id;
    else out.messages.push('The link asks for a level but does not name one, so the game opened normally.');
  }

  const seed = q.get('seed');
  if (seed !== null) {
    const s = seed.trim();
    const usual = 'so the usual seed is used';
    if (/^\d+$/.test(s) && Number(s) <= MAX_SEED) out.seed = Number(s);
    else if (/^\d+$/.test(s))
      out.messages.push(`The seed "${shown(s)}" is too large (the largest is ${MAX_SEED}), ${usual}.`);
    else if (/^-\d+$/.test(s))
      out.messages.push(`The seed "${shown(s)}" is below 0; a seed is 0 or more (like 7 or 1234), ${usual}.`);
    else out.messages.push(`The seed "${shown(seed)}" is not a whole number (like 7 or 1234), ${usual}.`);
  }

  const fac = q.get('facilitator');
  if (fac !== null) {
    const f = fac.trim().toLowerCase();
    if (TRUE.has(f)) out.facilitator = true;
    else if (FALSE.has(f)) out.facilitator = false;
    else
      out.messages.push(
        `"facilitator=${shown(fac)}" was not understood; use facilitator=1 to unlock every level.`,
      );
  }

  const aud = q.get('audience');
  if (aud !== null) {
    const a = aud.trim();
    if (TRUE.has(a.toLowerCase())) out.audience = 'local';
    else if (FALSE.has(a.toLowerCase())) out.audience = null;
    else if (SESSION_ID.test(a)) out.audience = a;
    else
      out.messages.push(
        `"audience=${shown(aud)}" was not understood, so the game opened normally. For the projector window use audience=1, or the link from the facilitator's "Projector window" button.`,
      );
  }
  const renderer = q.get('renderer');
  if (renderer !== null && !RENDERERS.has(renderer.trim().toLowerCase()))
    out.messages.push(
      `"renderer=${shown(renderer)}" was not understood, so the game draws with Canvas. Use renderer=webgl for WebGL, or renderer=canvas.`,
    );
  return out;
}

const RENDERERS = new Set(['webgl', 'canvas']);

/** Message for a level id that does not exist, with a suggestion and the ids that do. */
export function unknownLevelMessage(id: string, known: readonly string[]): string {
  const guess = closest(id, known);
  const hint = guess ? ` Did you mean '${guess}'?` : '';
  const list = known.length ? ` The levels are: ${known.join(', ')}.` : ' No levels could be loaded.';
  return `There is no level called '${shown(id)}'.${hint}${list}`;
}

/**
 * Canvas by default: on the laptops and projectors workshops run on, WebGL is often software-rendered
 * (Debian's headless Chromium: about 3x slower per frame than Canvas with 300 tickets in flight, see
 * bench/frame.bench.ts), and the board needs nothing WebGL-only (colours are drawn into textures, no
 * tints). `?renderer=webgl` opts in to WebGL.
 */
export type Renderer = 'canvas' | 'webgl';

export function rendererFrom(search: string): Renderer {
  return new URLSearchParams(search).get('renderer')?.trim().toLowerCase() === 'webgl' ? 'webgl' : 'canvas';
}
