/**
 * The level checker, shared by the command line (`npm run levels:check`), the game's level
 * loader and the drag-and-drop preview. Pure (no fs, no DOM) and never throws.
 *
 *   const { level, problems } = checkLevelText(text, 'levels/01-right-desk.json');
 *   problems.map(formatProblem) // 'levels/01-right-desk.json:12:7: department "billing" > staff is missing. ...'
 */
import { FORMAT_VERSION, Level } from './schema';
import { issueProblems, withWhere, type PathProblem } from './issues';
import { LineIndex, offsetOf, parseJson, type JsonPath } from './jsonText';
import { semanticCheck } from './semantic';

export interface Problem {
  /** File path or name as given by the caller. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  col: number;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  /** Missing means 'error'. Warnings do not stop a level from loading. */
  severity?: 'error' | 'warning';
}

export interface CheckResult {
  /** The level with defaults filled in, or null when there is any error. */
  level: Level | null;
  /** Errors and warnings, in the order they appear in the file. */
  problems: Problem[];
}

/** The most problems reported for one file; a broken file can have thousands of echoes. */
export const MAX_PROBLEMS = 100;

/**
 * The most schema issues turned into located problems. Zod reports every broken item of a long
 * list; placing each in the file costs time, so past this the rest are only counted.
 */
const SCHEMA_CAP = 300;

/** `path:line:col: message` (warnings say so). */
export function formatProblem(p: Problem): string {
  return `${p.path}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export const isError = (p: Problem): boolean => p.severity !== 'warning';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Older formats are upgraded here, one version at a time, before validation. Version 1 is the
 * first, so there is nothing to upgrade yet; a future version 2 adds `1: (level) => ...`.
 */
const MIGRATIONS: Record<number, (level: Rec) => Rec> = {};

function versionProblems(data: Rec): { problems: PathProblem[]; data: Rec | null } {
  const v = Object.prototype.hasOwnProperty.call(data, 'formatVersion') ? data.formatVersion : undefined;
  const add = `Add "formatVersion": ${FORMAT_VERSION} near the top of the file, after "$schema".`;
  if (v === undefined)
    return {
      problems: [{ path: [], message: `This level does not say which format it uses. ${add}` }],
      data: { ...data, formatVersion: FORMAT_VERSION },
    };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    return {
      problems: [
        {
          path: ['formatVersion'],
          message: `formatVersion must be the whole number ${FORMAT_VERSION} (without quotes), but it is ${JSON.stringify(v)}.`,
        },
      ],
      data: { ...data, formatVersion: FORMAT_VERSION },
    };
  }
  if (v > FORMAT_VERSION) {
    return {
      problems: [
        {
          path: ['formatVersion'],
          message: `This level was made for a newer version of Ripple Effect (format ${v}); this game reads format ${FORMAT_VERSION}. Update the game, or ask the level's author for a version-${FORMAT_VERSION} file.`,
        },
      ],
      data: null,
    };
  }
  if (v === 0)
    return {
      problems: [
        {
          path: ['formatVersion'],
          message: `formatVersion 0 is from before the format was fixed. ${add.replace('Add', 'Write')}`,
        },
      ],
      data: { ...data, formatVersion: FORMAT_VERSION },
    };
  let cur = data;
  for (let from = v; from < FORMAT_VERSION; from++) cur = MIGRATIONS[from]?.(cur) ?? cur;
  return { problems: [], data: cur };
}

const pathKey = (p: JsonPath): string => JSON.stringify(p);

function run(text: string, file: string): CheckResult {
  const lines = new LineIndex(text);
  const at = (offset: number, message: string, severity?: 'warning'): Problem => {
    const { line, col } = lines.at(offset);
    return severity ? { path: file, line, col, message, severity } : { path: file, line, col, message };
  };
  const parsed = parseJson(text, lines);
  if (parsed.problems.length > 0)
    return { level: null, problems: parsed.problems.map((p) => at(p.offset, p.message)) };
  const raw = parsed.value;
  if (!isRec(raw)) {
    return {
      level: null,
      problems: [
        at(
          parsed.root?.offset ?? 0,
          'A level file must be one group of fields in curly braces: { "formatVersion": 1, "id": ..., ... }. Copy levels/sandbox.json to start.',
        ),
      ],
    };
  }

  const version = versionProblems(raw);
  const pathProblems: PathProblem[] = version.problems.slice();
  // Problems that were found but not placed in the file (past the caps): counted, not shown.
  let unplaced = 0;
  let stoppedEarly = false;
  const dupes = parsed.notes.slice(0, SCHEMA_CAP).map((n) => at(n.offset, n.message));
  unplaced += parsed.notes.length - dupes.length;
  if (version.data) {
    const data = version.data;
    const result = Level.safeParse(data);
    const issues = result.success ? [] : result.error.issues;
    const schemaProblems = issues
      .slice(0, SCHEMA_CAP)
      .flatMap((i) => issueProblems(Level as unknown as Parameters<typeof issueProblems>[0], data, i));
    unplaced += Math.max(0, issues.length - SCHEMA_CAP);
    const seen = new Set(schemaProblems.map((p) => pathKey(p.path)));
    const versionKey = pathKey(['formatVersion']);
    for (const p of schemaProblems) if (pathKey(p.path) !== versionKey) pathProblems.push(p);
    const invalid = (path: JsonPath): boolean => seen.has(pathKey(path));
    const semantic = semanticCheck(data, invalid);
    stoppedEarly = semantic.truncated;
    for (const p of semantic.problems) if (!seen.has(pathKey(p.path))) pathProblems.push(p);
  }
  const problems = dupes.concat(
    pathProblems
      .map((p) => withWhere(raw, p))
      .map((p) =>
        at(
          offsetOf(parsed.root, p.path, p.atKey),
          p.message,
          p.severity === 'warning' ? 'warning' : undefined,
        ),
      ),
  );
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  const unique = problems.filter(
    (p, i) => i === 0 || formatProblem(p) !== formatProblem(problems[i - 1] as Problem),
  );
  const hidden = Math.max(0, unique.length - MAX_PROBLEMS) + unplaced;
  const capped =
    hidden > 0 || stoppedEarly
      ? [
          ...unique.slice(0, MAX_PROBLEMS),
          at(
            0,
            stoppedEarly
              ? `...and at least ${hidden} more problems (the checker stops looking after a few hundred). Fix the ones above first, then check again.`
              : `...and ${hidden} more problems. Fix the ones above first, then check again.`,
          ),
        ]
      : unique;
  let level: Level | null = null;
  if (!capped.some(isError) && version.data) {
    const ok = Level.safeParse(version.data);
    level = ok.success ? ok.data : null;
  }
  return { level, problems: capped };
}

/** Checks one level file's text. Never throws; `path` is only used in the problems. */
export function checkLevelText(text: string, path: string): CheckResult {
  try {
    if (typeof text !== 'string')
      return {
        level: null,
        problems: [
          { path, line: 1, col: 1, message: 'This is not a text file. A level is a .json text file.' },
        ],
      };
    return run(text, path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      level: null,
      problems: [
        {
          path,
          line: 1,
          col: 1,
          message: `The checker could not read this file (${why.slice(0, 120)}). Please report this to the developers with the file attached.`,
        },
      ],
    };
  }
}
