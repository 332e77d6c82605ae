/**
 * URL parameters, parsed purely: `?level=<id>` opens that level's briefing, `?seed=N` fixes the
 * random seed, `?facilitator=1` unlocks every level. Mistakes give a plain message and change nothing.
 */
import { closest } from '../level/suggest';

export interface UrlParams {
  level: string | null;
  seed: number | null;
  facilitator: boolean | null;
  /** Plain-words messages about parameters that could not be used. */
  messages: string[];
}

const TRUE = new Set(['1', 'true', 'yes', 'on', '']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

export function parseUrlParams(search: string): UrlParams {
  const q = new URLSearchParams(search);
  const out: UrlParams = { level: null, seed: null, facilitator: null, messages: [] };

  const level = q.get('level');
  if (level !== null) {
    const id = level.trim();
    if (id) out.level = id;
    else out.messages.push('The link asks for a level but does not name one, so the game opened normally.');
  }

  const seed = q.get('seed');
  if (seed !== null) {
    const s = seed.trim();
    if (/^\d{1,9}$/.test(s)) out.seed = Number(s);
    else out.messages.push(`The seed "${seed}" is not a whole number (like 7 or 1234), so the usual seed is used.`);
  }

  const fac = q.get('facilitator');
  if (fac !== null) {
    const f = fac.trim().toLowerCase();
    if (TRUE.has(f)) out.facilitator = true;
    else if (FALSE.has(f)) out.facilitator = false;
    else out.messages.push(`"facilitator=${fac}" was not understood; use facilitator=1 to unlock every level.`);
  }
  return out;
}

/** Message for a level id that does not exist, with a suggestion and the ids that do. */
export function unknownLevelMessage(id: string, known: readonly string[]): string {
  const guess = closest(id, known);
  const hint = guess ? ` Did you mean '${guess}'?` : '';
  const list = known.length ? ` The levels are: ${known.join(', ')}.` : ' No levels could be loaded.';
  return `There is no level called '${id}'.${hint}${list}`;
}
