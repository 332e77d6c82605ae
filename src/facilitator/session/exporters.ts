/**
 * Session export and import: JSON (complete, versioned, re-importable); the CSV for spreadsheets is in
 * ./csv.ts. Pure: the browser download lives in ./download.ts.
 */
import type { Session } from './session';
import { SESSION_VERSION } from './session';
import { formatPath, plainIssue, SessionSchema } from './sessionSchema';

/** Marks our files so a foreign JSON file is recognised as such. */
export const SESSION_FORMAT = 'ripple-effect-session';

export function sessionToJSON(session: Session): string {
  return JSON.stringify({ format: SESSION_FORMAT, ...session }, null, 2) + '\n';
}

export type ImportResult = { session: Session } | { error: string };

/**
 * The largest session file read, in characters (about 10 MB). A long workshop of 30 rounds is a few
 * megabytes; a 69 MB file blocked the page for seconds while it was parsed, and no browser could
 * keep it saved anyway.
 */
export const MAX_SESSION_FILE_CHARS = 10_000_000;

/** "69 MB", "850 KB": a file size in plain words. */
export function sizeWords(chars: number): string {
  return chars >= 1_000_000
    ? `${Math.round(chars / 100_000) / 10} MB`
    : `${Math.max(1, Math.round(chars / 1000))} KB`;
}

/** The message for a file that is too big to read, or null when it is fine. Check before reading. */
export function tooBigMessage(size: number): string | null {
  if (size <= MAX_SESSION_FILE_CHARS) return null;
  return `This file is ${sizeWords(size)}, more than a session file can be (at most ${sizeWords(MAX_SESSION_FILE_CHARS)}), so it was not opened. Check that it is a session file exported from this panel.`;
}

function describeForeign(data: unknown): string | null {
  if (data === null || typeof data !== 'object') {
    return `This file holds ${data === null ? 'null' : `a ${typeof data}`}, not a Ripple Effect session.`;
  }
  if (Array.isArray(data)) return 'This file holds a list, not a Ripple Effect session.';
  const o = data as Record<string, unknown>;
  if ('formatVersion' in o && 'departments' in o) {
    const title = typeof o.title === 'string' ? ` ("${o.title}")` : '';
    return `This is a level file${title}, not a session. Drop it onto the game to play it, or import a session file saved from the facilitator panel.`;
  }
  if (o.format !== undefined && o.format !== SESSION_FORMAT) {
    return `This file says it is "${String(o.format)}", not a Ripple Effect session.`;
  }
  if (!('rounds' in o) && o.format !== SESSION_FORMAT) {
    return 'This file is not a Ripple Effect session: it has no "rounds" list.';
  }
  if (typeof o.version === 'number' && o.version > SESSION_VERSION) {
    return `This session was saved by a newer version of Ripple Effect (session version ${o.version}). Update the game to open it.`;
  }
  return null;
}

/** Reads a session file. Never throws; the error names what is wrong in plain words. */
export function sessionFromJSON(text: string): ImportResult {
  const big = tooBigMessage(text.length);
  if (big) return { error: big };
  if (!text.trim()) return { error: 'The file is empty.' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { error: `This file is not valid JSON, so it can't be a session file (${why}).` };
  }
  const foreign = describeForeign(data);
  if (foreign) return { error: foreign };
  const parsed = SessionSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { session: parsed.data };
  const rounds = (data as { rounds?: unknown }).rounds;
  const issues = parsed.error.issues;
  const lines = issues.slice(0, 3).map((issue) => {
    const [head, index] = issue.path;
    let where = formatPath(issue.path);
    if (head === 'rounds' && typeof index === 'number' && Array.isArray(rounds)) {
      const team = (rounds[index] as { team?: unknown } | undefined)?.team;
      where = `round ${index + 1}${typeof team === 'string' ? ` ("${team}")` : ''}, ${formatPath(issue.path.slice(2)) || 'itself'}`;
    }
    return `${where} ${plainIssue(issue)}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
  return { error: `This session file has ${count}, so nothing was imported. ${lines.join('; ')}${more}.` };
}

/** A file name without characters that trouble file systems: "ripple-effect-<name>-<date>.<ext>". */
export function exportFileName(session: Session, ext: 'json' | 'csv'): string {
  const slug = session.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const date = session.createdAt.slice(0, 10).replace(/[^0-9-]/g, '');
  return `ripple-effect-${slug || 'session'}${date ? `-${date}` : ''}.${ext}`;
}
