/**
 * The session as CSV, for spreadsheets: one row per round, headers in plain words, values in real units
 * (seconds, customers, handoffs, percent), an empty cell where a part does not apply to the round's
 * level, and the bookmark notes. Pure. The JSON file (./exporters.ts) stays the complete, re-importable
 * copy; this one is for reading.
 */
import type { ScorePart } from '../../sim/types';
import { formatClock } from '../debrief/causes';
import { PART_LABELS } from '../debrief/compare';
import type { Round, Session } from './session';
import { PART_GROUP } from '../../sim/scoring';

type Cell = string | number | null | undefined;

/**
 * Text a spreadsheet would run as a formula, even after blanks or line breaks it skips (= + - @ and
 * their full-width forms), or that starts with a tab, carriage return or line feed.
 */
const FORMULA_START = /^(?:[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;

/**
 * One CSV field (RFC 4180). Typed text that could run as a formula gets a leading apostrophe, because
 * team names and notes are typed by people. Numbers are written as they are; NaN and missing values
 * give an empty field.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

const rounded = (x: number | undefined, digits = 0): number | undefined =>
  x === undefined || !Number.isFinite(x) ? undefined : Math.round(x * 10 ** digits) / 10 ** digits;

/** Every score part, in the order of the score breakdown (the sim's one list of parts). */
export const SCORE_PART_KEYS = Object.keys(PART_GROUP) as readonly ScorePart['key'][];
interface Column {
  header: string;
  value(session: Session, round: Round, index: number): Cell;
}

const res = (r: Round) => r.result;
const customers = (r: Round) => r.result?.metrics.customers;
const handoffs = (r: Round) => r.result?.metrics.handoffs;
/** The level has internal requests (its score counts them), or some were opened. */
const hasRequests = (r: Round): boolean => {
  const m = r.result?.metrics.requests;
  const part = r.result?.score.parts.find((p) => p.key === 'requestsOnTime');
  return (m?.total ?? 0) > 0 || (part?.weight ?? 0) > 0;
};
const requests = (r: Round) => (hasRequests(r) ? r.result?.metrics.requests : undefined);
const extendSeconds = (r: Round): number | undefined =>
  r.result?.commandLog.reduce((s, c) => s + (c.cmd.type === 'extend' ? c.cmd.seconds : 0), 0);

/** Points a part earned, or nothing when the part does not count on this level (weight 0). */
const partColumn = (key: ScorePart['key']): Column => ({
  header: `Points: ${PART_LABELS[key].toLowerCase()}`,
  value: (_s, r) => {
    const p = r.result?.score.parts.find((x) => x.key === key);
    return p && p.weight > 0 ? rounded(p.points, 1) : undefined;
  },
});

export const CSV_COLUMNS: readonly Column[] = [
  { header: 'Session', value: (s) => s.name },
  { header: 'Round', value: (_s, _r, i) => i + 1 },
  { header: 'Team', value: (_s, r) => r.team },
  { header: 'Level', value: (_s, r) => r.levelTitle || r.levelId },
  { header: 'Level id', value: (_s, r) => r.levelId },
  { header: 'Seed', value: (_s, r) => r.seed },
  { header: 'Status', value: (_s, r) => r.status },
  { header: 'Finished at', value: (_s, r) => res(r)?.finishedAt },
  { header: 'Round length (s)', value: (_s, r) => rounded(res(r)?.metrics.simulatedSeconds) },
  { header: 'Time added by the facilitator (s)', value: (_s, r) => rounded(extendSeconds(r)) },
  { header: 'Restarts', value: (_s, r) => (r.status === 'planned' ? undefined : (r.restarts ?? 0)) },
  { header: 'Score (of 100)', value: (_s, r) => rounded(res(r)?.score.total, 1) },
  { header: 'Stars (of 3)', value: (_s, r) => res(r)?.score.stars ?? undefined },
  ...SCORE_PART_KEYS.map(partColumn),
  { header: 'Customers who arrived', value: (_s, r) => customers(r)?.arrived },
  { header: 'Customers helped', value: (_s, r) => customers(r)?.resolved },
  { header: 'Customers who gave up', value: (_s, r) => customers(r)?.abandoned },
  { header: 'Customers still waiting at the end', value: (_s, r) => customers(r)?.inSystem },
  {
    header: 'Customers helped at first contact',
    value: (_s, r) => {
      const c = customers(r);
      return c && c.resolved > 0 ? rounded(c.firstContactResolution * c.resolved) : undefined;
    },
  },
  {
    header: 'Mean resolution time (s)',
    value: (_s, r) => ((customers(r)?.resolved ?? 0) > 0 ? rounded(customers(r)?.meanResolutionTime, 1) : undefined),
  },
  {
    header: 'Slowest 5% resolution time (s)',
    value: (_s, r) => ((customers(r)?.resolved ?? 0) > 0 ? rounded(customers(r)?.p95ResolutionTime, 1) : undefined),
  },
  { header: 'Mean wait in queues (s)', value: (_s, r) => rounded(customers(r)?.meanWait, 1) },
  { header: 'Mean satisfaction (%)', value: (_s, r) => rounded((customers(r)?.meanSatisfaction ?? Number.NaN) * 100) },
  { header: 'Bounces and re-asks per customer', value: (_s, r) => rounded(customers(r)?.meanEffort, 2) },
  { header: 'Handoffs', value: (_s, r) => handoffs(r)?.total },
  { header: 'Handoffs with quick notes', value: (_s, r) => handoffs(r)?.quick },
  { header: 'Handoffs with thorough notes', value: (_s, r) => handoffs(r)?.thorough },
  { header: 'Handoffs that needed rework', value: (_s, r) => handoffs(r)?.withRework },
  { header: 'Handoffs sent back to clarify', value: (_s, r) => handoffs(r)?.bounced },
  { header: 'Handoffs to the wrong desk', value: (_s, r) => handoffs(r)?.misrouted },
  { header: 'Internal requests', value: (_s, r) => requests(r)?.total },
  { header: 'Internal requests on time', value: (_s, r) => requests(r)?.onTime },
  { header: 'Internal requests late', value: (_s, r) => requests(r)?.late },
  { header: 'Internal requests still open', value: (_s, r) => requests(r)?.open },
  { header: 'Staff time busy (s)', value: (_s, r) => rounded(res(r)?.metrics.staffSecondsBusy) },
  { header: 'Bookmarks', value: (_s, r) => r.bookmarks.length },
  {
    header: 'Bookmark notes',
    value: (_s, r) => r.bookmarks.map((b) => `${formatClock(b.t)} ${b.note}`).join('; ') || undefined,
  },
];

export function csvHeader(): string[] {
  return CSV_COLUMNS.map((c) => c.header);
}

/** One row per round, CRLF line ends, header first. */
export function sessionToCSV(session: Session): string {
  const rows = [csvHeader(), ...session.rounds.map((r, i) => CSV_COLUMNS.map((c) => c.value(session, r, i)))];
  return rows.map(csvRow).join('\r\n') + '\r\n';
}

/** Reads CSV as written above (RFC 4180: quoted fields, doubled quotes, CRLF rows). For checks and tests. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
