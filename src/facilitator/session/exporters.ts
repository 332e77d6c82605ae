/**
 * Session export and import: JSON (complete, versioned, re-importable) and CSV (one row per round, for
 * spreadsheets). Pure: the browser download lives in ./download.ts.
 */
import type { ScorePart } from '../../sim/types';
import type { Round, Session } from './session';
import { SESSION_VERSION } from './session';
import { formatPath, plainIssue, SessionSchema } from './sessionSchema';

/** Marks our files so a foreign JSON file is recognised as such. */
export const SESSION_FORMAT = 'ripple-effect-session';

export function sessionToJSON(session: Session): string {
  return JSON.stringify({ format: SESSION_FORMAT, ...session }, null, 2) + '\n';
}

export type ImportResult = { session: Session } | { error: string };

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

// ---- CSV ----

export const SCORE_PART_KEYS: readonly ScorePart['key'][] = [
  'satisfaction',
  'resolved',
  'meanTime',
  'p95Time',
  'firstContact',
  'effort',
  'handoffQuality',
  'requestsOnTime',
  'cost',
];

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (starting with = + - @, tab
 * or carriage return) gets a leading apostrophe, because team names are typed by people.
 * Numbers are written as they are; NaN and missing values give an empty field.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return cells.map(csvCell).join(',');
}

const round = (x: number | undefined, digits: number): number | undefined =>
  x === undefined || !Number.isFinite(x) ? undefined : Math.round(x * 10 ** digits) / 10 ** digits;

export function csvHeader(): string[] {
  const parts = SCORE_PART_KEYS.flatMap((k) => [`${k} value`, `${k} points`]);
  return [
    'session',
    'round',
    'team',
    'level',
    'level id',
    'seed',
    'status',
    'total',
    'stars',
    ...parts,
    'arrived',
    'resolved',
    'abandoned',
    'mean resolution s',
    'p95 resolution s',
    'mean satisfaction',
    'first contact resolution',
    'bookmarks',
  ];
}

function roundRow(session: Session, r: Round, index: number): Array<string | number | undefined> {
  const res = r.result;
  const parts = SCORE_PART_KEYS.flatMap((k) => {
    const p = res?.score.parts.find((x) => x.key === k);
    return [round(p?.value, 3), round(p?.points, 2)];
  });
  const c = res?.metrics.customers;
  return [
    session.name,
    index + 1,
    r.team,
    r.levelTitle || r.levelId,
    r.levelId,
    r.seed,
    r.status,
    round(res?.score.total, 1),
    res?.score.stars ?? undefined,
    ...parts,
    c?.arrived,
    c?.resolved,
    c?.abandoned,
    round(c?.meanResolutionTime, 1),
    round(c?.p95ResolutionTime, 1),
    round(c?.meanSatisfaction, 3),
    round(c?.firstContactResolution, 3),
    r.bookmarks.length,
  ];
}

/** One row per round, CRLF line ends, header first. */
export function sessionToCSV(session: Session): string {
  const rows = [csvHeader(), ...session.rounds.map((r, i) => roundRow(session, r, i))];
  return rows.map(csvRow).join('\r\n') + '\r\n';
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
