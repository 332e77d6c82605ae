import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLevelText, isError } from './check';

const texts = ['01-right-desk.json', 'sandbox.json'].map((f) =>
  readFileSync(new URL(`../../levels/${f}`, import.meta.url), 'utf8'),
);

/** Every path to a value inside `v`. */
function paths(
  v: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  let parent = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return root;
}

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    -1,
    0,
    1e9,
    0.5,
    '',
    ' ',
    'billing',
    'tier-1',
    '<script>x</script>',
    null,
    [],
    {},
    'uniform',
    'exponential',
  ),
  fc.record({
    kind: fc.constantFrom('uniform', 'fixed', 'speed', 'surge', 'nope'),
    min: fc.integer(),
    max: fc.integer(),
  }),
);

/** The level's data with one to three random edits (change, delete, add a field). */
const dataMutation = fc
  .tuple(
    fc.nat(texts.length - 1),
    fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'add'), junk, fc.string({ maxLength: 12 })),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([which, edits]) => {
    let level = JSON.parse(texts[which] ?? '{}') as unknown;
    for (const [pick, op, value, key] of edits) {
      const all = paths(level);
      const path = all[pick % all.length] ?? [];
      if (op === 'add') {
        const target =
          path.length === 0
            ? level
            : path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], level);
        if (target !== null && typeof target === 'object' && !Array.isArray(target))
          (target as Record<string, unknown>)[key] = value;
      } else level = setAt(level, path, value, op === 'delete' && path.length > 0);
    }
    return JSON.stringify(level, null, 2);
  });

/** The level's text with random characters deleted, inserted or the file cut short. */
const textMutation = fc
  .tuple(
    fc.nat(texts.length - 1),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('delete', 'insert', 'cut'),
        fc.constantFrom(',', '{', '}', '[', ']', '"', ':', 'x', '1', ' ', '\n', '\\', '/'),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([which, edits]) => {
    let text = texts[which] ?? '';
    for (const [pos, op, ch] of edits) {
      const at = pos % (text.length + 1);
      if (op === 'delete') text = text.slice(0, at) + text.slice(at + 1);
      else if (op === 'insert') text = text.slice(0, at) + ch + text.slice(at);
      else text = text.slice(0, at);
    }
    return text;
  });

function assertSound(text: string): void {
  const lineCount = text.split('\n').length;
  const { level, problems } = checkLevelText(text, 'fuzz.json');
  if (level === null) expect(problems.filter(isError).length).toBeGreaterThan(0);
  else expect(problems.filter(isError)).toEqual([]);
  for (const p of problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.col).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount);
    expect(p.message.length).toBeGreaterThan(10);
  }
}

describe('checker property: never throws, always accepts or explains with a position', () => {
  it('random edits of the data', () => {
    fc.assert(fc.property(dataMutation, assertSound), { numRuns: 5000, seed: 4242 });
  });
  it('random edits of the text', () => {
    fc.assert(fc.property(textMutation, assertSound), { numRuns: 5000, seed: 4343 });
  });
  it('arbitrary strings and JSON values', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 6 })), assertSound), {
      numRuns: 2000,
      seed: 4444,
    });
  });
});
