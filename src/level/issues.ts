/**
 * Turns zod issues into plain-words problems with a data path, for trainers.
 * Walks the zod schema to list allowed fields ("did you mean") and to quote field descriptions.
 */
import type { z } from 'zod';
import type { JsonPath } from './jsonText';
import { didYouMean, listWords } from './suggest';
import { get, show, where } from './where';

export interface PathProblem {
  path: JsonPath;
  /** Point at the field name instead of its value (unknown fields). */
  atKey?: boolean;
  message: string;
  severity?: 'error' | 'warning';
}

type Issue = z.core.$ZodIssue;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  valueType?: Schema;
  options?: Schema[];
  values?: unknown[];
}
interface Schema {
  _zod: { def: Def };
  description?: string;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(s: Schema): { schema: Schema; description: string | undefined } {
  let description = s.description;
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const def = cur._zod.def;
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!next) break;
    cur = next;
    description ??= cur.description;
  }
  return { schema: cur, description };
}

/** Object options of a union that fit the data (matching "kind" when there is one). */
function objectOptions(s: Schema, data: unknown): Schema[] {
  const { schema } = unwrap(s);
  const def = schema._zod.def;
  if (def.type === 'object') return [schema];
  if (def.type !== 'union') return [];
  const all = (def.options ?? []).flatMap((o) => objectOptions(o, data));
  const kind = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).kind : undefined;
  const matching = all.filter((o) => {
    const k = o._zod.def.shape?.kind;
    return k !== undefined && unwrap(k).schema._zod.def.values?.includes(kind);
  });
  return matching.length > 0 ? matching : all;
}

/** The schema for a data path (best effort through unions). */
export function schemaAt(
  root: Schema,
  data: unknown,
  path: JsonPath,
): { schema: Schema; description: string | undefined } | undefined {
  let cur: { schema: Schema; description: string | undefined } = unwrap(root);
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    const def = cur.schema._zod.def;
    let next: Schema | undefined;
    if (def.type === 'array' && typeof k === 'number') next = def.element;
    else if (def.type === 'tuple' && typeof k === 'number') next = def.items?.[k];
    else if (def.type === 'record') next = def.valueType;
    else if (typeof k === 'string') {
      next = objectOptions(cur.schema, get(data, path.slice(0, i)))
        .map((o) => o._zod.def.shape?.[k])
        .find((x) => x !== undefined);
    }
    if (!next) return undefined;
    cur = unwrap(next);
  }
  return cur;
}

function allowedKeys(root: Schema, data: unknown, path: JsonPath): string[] {
  const at = schemaAt(root, data, path);
  if (!at) return [];
  const keys = objectOptions(at.schema, get(data, path)).flatMap((o) => Object.keys(o._zod.def.shape ?? {}));
  return [...new Set(keys)];
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number, like 30',
  int: 'a whole number, like 2',
  string: 'text in double quotes, like "Billing"',
  boolean: 'true or false (without quotes)',
  array: 'a list in square brackets, like [ ... ]',
  tuple: 'a list in square brackets, like [ ... ]',
  object: 'a group of fields in curly braces, like { ... }',
  record: 'a group of fields in curly braces, like { ... }',
};

function numberLimit(
  issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean },
  small: boolean,
): string {
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (small) return issue.inclusive === false ? `more than ${limit}` : `at least ${limit}`;
  return issue.inclusive === false ? `less than ${limit}` : `at most ${limit}`;
}

function sizeMessage(issue: Issue, value: unknown, small: boolean): string {
  const i = issue as Issue & { origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean };
  const limit = Number(small ? i.minimum : i.maximum);
  switch (i.origin) {
    case 'string':
      if (small && typeof value === 'string' && value.length === 0) return 'is empty: write some text here.';
      return small
        ? `is too short: write at least ${limit} characters.`
        : `is too long (${typeof value === 'string' ? value.length : '?'} characters): keep it to ${limit} characters or fewer.`;
    case 'array':
      return small
        ? `needs at least ${limit} item${limit === 1 ? '' : 's'} in the list.`
        : `has too many items (${Array.isArray(value) ? value.length : '?'}): at most ${limit} are allowed.`;
    default:
      return `is ${show(value)}, which is too ${small ? 'small' : 'large'}: it must be ${numberLimit(i, small)}.`;
  }
}

function typeMessage(expected: string, value: unknown, description: string | undefined): string {
  if (value === undefined) return `is missing. Add it${description ? `: ${description}` : '.'}`;
  if (expected === 'int' && typeof value === 'number')
    return `is ${value}, but it must be a whole number, like ${Math.max(0, Math.round(value))}.`;
  if (
    (expected === 'number' || expected === 'int') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return `is text (${show(value)}): write numbers without quotes, like ${Number(value)}.`;
  }
  if (expected === 'number' && typeof value === 'number') return 'must be a real number (not infinite).';
  if (expected === 'boolean' && (value === 'true' || value === 'false'))
    return `is text (${show(value)}): write ${value} without quotes.`;
  return `should be ${TYPE_WORDS[expected] ?? expected}, but it is ${show(value)}.`;
}

function regexMessage(value: unknown, message: string): string {
  if (typeof value === 'string' && /letters, digits and dashes/.test(message)) {
    const slug = value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 32);
    return `${show(value)} is not a valid id: ${message}${slug ? `, e.g. "${slug}"` : ''}.`;
  }
  return `${show(value)} is not valid: ${message}.`;
}

function unionMessages(
  root: Schema,
  data: unknown,
  issue: Issue & { errors?: Issue[][]; options?: unknown[]; note?: string },
  base: JsonPath,
): PathProblem[] {
  const value = get(data, base);
  if (issue.note === 'No matching discriminator' || (issue.errors?.length ?? 0) === 0) {
    const options = (issue.options ?? []).map(String);
    const kind = get(data, issue.path as JsonPath);
    const choices = listWords(options);
    if (kind === undefined)
      return [{ path: base.slice(0, -1), message: `needs a "kind": one of ${choices}.` }];
    return [
      {
        path: base,
        message: `${show(kind)} is not a kind this game knows: use one of ${choices}.${typeof kind === 'string' ? didYouMean(kind, options) : ''}`,
      },
    ];
  }
  const branches = issue.errors ?? [];
  // Skip branches that fail on the "kind" or on the type of the whole value; prefer the one with fewest issues.
  const relevant = branches.filter(
    (b) =>
      !b.some(
        (e) =>
          (e.code === 'invalid_value' && e.path[0] === 'kind' && e.path.length === 1) ||
          (e.code === 'invalid_type' && e.path.length === 0),
      ),
  );
  if (relevant.length > 0) {
    const best = relevant.reduce((a, b) => (b.length < a.length ? b : a));
    return best.flatMap((e) => issueProblems(root, data, e, base));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const kinds = branches.flatMap((b) =>
      b
        .filter((e) => e.code === 'invalid_value' && e.path[0] === 'kind')
        .flatMap((e) => (e as { values?: unknown[] }).values ?? []),
    );
    const kind = (value as Record<string, unknown>).kind;
    if (kinds.length > 0) {
      const choices = kinds.map(String);
      if (kind === undefined)
        return [{ path: base, message: `needs a "kind": one of ${listWords(choices)}.` }];
      return [
        {
          path: [...base, 'kind'],
          message: `${show(kind)} is not a kind this game knows: use one of ${listWords(choices)}.${typeof kind === 'string' ? didYouMean(kind, choices) : ''}`,
        },
      ];
    }
  }
  const expected = [
    ...new Set(
      branches.flatMap((b) =>
        b
          .filter((e) => e.code === 'invalid_type' && e.path.length === 0)
          .map((e) => (e as { expected: string }).expected),
      ),
    ),
  ];
  if (expected.includes('number') && expected.includes('object')) {
    return [
      {
        path: base,
        message: `should be a number of seconds like 30, or a group like {"kind": "uniform", "min": 20, "max": 40}, but it is ${show(value)}.`,
      },
    ];
  }
  const words = expected.map((e) => (e === 'null' ? 'null' : (TYPE_WORDS[e] ?? e)));
  return [
    {
      path: base,
      message: `should be ${words.join(', or ') || 'something else'}, but it is ${show(value)}.`,
    },
  ];
}

/** Problems for one zod issue; `base` prefixes nested union issue paths. */
export function issueProblems(root: Schema, data: unknown, issue: Issue, base: JsonPath = []): PathProblem[] {
  const path = [...base, ...(issue.path as JsonPath)];
  const value = get(data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = allowedKeys(root, data, path);
        const hint = didYouMean(key, allowed);
        const list =
          allowed.length > 0 && !hint ? ` The fields allowed here are ${listWords(allowed, 16)}.` : '';
        return {
          path: [...path, key],
          atKey: true,
          message: `"${key}" is not a field this game knows here.${hint}${list}`,
        };
      });
    case 'invalid_type': {
      const at = schemaAt(root, data, path);
      if (value === undefined && path.length > 0) {
        const name = String(path[path.length - 1]);
        const what = at?.description ? ` ${at.description}` : '';
        const place = missingPlace(get(data, path.slice(0, -1)), path.length === 1);
        return [{ path: path.slice(0, -1), message: `is missing the field "${name}". Add it ${place}.${what}` }];
      }
      return [{ path, message: typeMessage(issue.expected, value, at?.description) }];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, message: sizeMessage(issue, value, issue.code === 'too_small') }];
    case 'invalid_format':
      return [{ path, message: regexMessage(value, issue.message) }];
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      if (values.length === 1)
        return [{ path, message: `must be ${JSON.stringify(issue.values[0])}, but it is ${show(value)}.` }];
      const hint = typeof value === 'string' ? didYouMean(value, values) : '';
      return [
        { path, message: `${show(value)} is not one of the choices: use ${listWords(values)}.${hint}` },
      ];
    }
    case 'invalid_union':
      return unionMessages(root, data, issue, path);
    default:
      return [{ path, message: `is not valid: ${issue.message}.` }];
  }
}

/**
 * Where a missing field goes, in words: at the top level of the file beside "title", or in the same
 * { } as a field already there ("beside \"id\" in the same { }"), so a trainer knows which braces.
 */
function missingPlace(owner: unknown, top: boolean): string {
  const keys = (owner && typeof owner === 'object' && !Array.isArray(owner) ? Object.keys(owner) : []).filter(
    (k) => !k.startsWith('$'),
  );
  const near = ['title', 'id'].find((k) => keys.includes(k)) ?? keys[0];
  if (top) return near ? `at the top level of the file, beside "${near}"` : 'at the top level of the file';
  return near ? `beside "${near}" in the same { }` : 'inside these { }';
}

/** Prefixes a problem message with where it is, in plain words. */
export function withWhere(data: unknown, p: PathProblem): PathProblem {
  const w = where(data, p.atKey ? p.path.slice(0, -1) : p.path);
  const msg = p.message;
  if (w === '') {
    if (msg.startsWith('is missing')) return { ...p, message: `The level ${msg}` };
    return { ...p, message: msg.charAt(0).toUpperCase() + msg.slice(1) };
  }
  const sep = msg.startsWith('"') || /^[A-Z]/.test(msg) ? ': ' : ' ';
  return { ...p, message: `${w}${sep}${msg}` };
}
