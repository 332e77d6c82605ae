/**
 * The name book's shortcuts (free places as bits, the lowest number that may be free) choose exactly
 * the names the plain rule does: the next free name of the list in turn, numbered only when taken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseName, nameLeft, nameTaken, newNameBook } from './nameBook';

/** The rule written plainly: scan the list from `at`, then every number from 2. */
function plainChoice(inUse: Map<string, number>, list: readonly string[], at: number, given: string | null) {
  let base = given;
  let next = at;
  if (base === null) {
    for (let k = 0; k < list.length; k++) {
      const candidate = list[(at + k) % list.length]!;
      if (!inUse.has(candidate) || k === list.length - 1) {
        base = candidate;
        next = (at + k + 1) % list.length;
        break;
      }
    }
  }
  const first = base ?? list[0]!;
  if (!inUse.has(first)) return { name: first, next };
  for (let n = 2; ; n++) if (!inUse.has(`${first} ${n}`)) return { name: `${first} ${n}`, next };
}

const GIVEN = ['Ana', 'Ana 2', 'Ana 02', 'Ana 2 2', 'Ben 3', 'Zed', 'Ana 10', 'Ana 1', 'Mo 2'];

describe('name book', () => {
  it('chooses what the plain rule chooses, through arrivals, leavers and scripted names', () => {
    const lists = fc.constantFrom(
      ['Ana', 'Ben', 'Cy'],
      ['Ana', 'Ben', 'Ana', 'Cy 2'],
      Array.from({ length: 70 }, (_, i) => `N${i}`),
      ['Solo'],
    );
    const step = fc.oneof(
      { arbitrary: fc.constant({ kind: 'arrive' as const, given: null }), weight: 6 },
      { arbitrary: fc.constantFrom(...GIVEN).map((g) => ({ kind: 'arrive' as const, given: g })), weight: 1 },
      { arbitrary: fc.nat().map((i) => ({ kind: 'leave' as const, i })), weight: 5 },
    );
    fc.assert(
      fc.property(lists, fc.array(step, { maxLength: 400 }), (list, steps) => {
        const book = newNameBook(list, []);
        const inUse = new Map<string, number>();
        const company: string[] = [];
        let at = 0;
        for (const s of steps) {
          if (s.kind === 'arrive') {
            const want = plainChoice(inUse, list, at, s.given);
            const got = chooseName(book, list, at, s.given);
            expect(got).toEqual(want);
            at = got.next;
            inUse.set(got.name, (inUse.get(got.name) ?? 0) + 1);
            nameTaken(book, got.name);
            company.push(got.name);
          } else if (company.length > 0) {
            const [name] = company.splice(s.i % company.length, 1);
            const left = inUse.get(name!)! - 1;
            if (left > 0) inUse.set(name!, left);
            else inUse.delete(name!);
            nameLeft(book, name!);
          }
          expect(new Set(company).size).toBe(company.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a book built from the names carried picks up where the company is', () => {
    const list = ['Ana', 'Ben'];
    const book = newNameBook(list, ['Ana', 'Ben', 'Ana 2']);
    expect(chooseName(book, list, 0, null)).toEqual({ name: 'Ben 2', next: 0 });
    expect(chooseName(book, list, 1, null)).toEqual({ name: 'Ana 3', next: 1 });
    nameLeft(book, 'Ben');
    expect(chooseName(book, list, 0, null)).toEqual({ name: 'Ben', next: 0 });
  });
});
