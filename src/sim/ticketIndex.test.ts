/** The ticket index finds what the Map of tickets holds, through arrivals and leavers in any order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from './state';
import { indexAdd, indexDelete, indexGet, indexHas, newTicketIndex } from './ticketIndex';

const ticket = (id: number): Ticket => ({ id }) as Ticket;

describe('ticket index', () => {
  it('agrees with a Map through arrivals (ids in turn) and leavers', () => {
    const step = fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 40 }).map((k) => ({ kind: 'arrive' as const, k })), weight: 3 },
      { arbitrary: fc.nat().map((i) => ({ kind: 'leave' as const, i })), weight: 3 },
      // ids far apart share places of a small table (the same id & mask)
      { arbitrary: fc.integer({ min: 1, max: 8 }).map((k) => ({ kind: 'jump' as const, k })), weight: 1 },
    );
    // Checked without an expect per id (a full sweep of every id after every step took 20 s here quiet,
    // and a minute under load): after each step the ids it touched and every id held, plain compares
    // gathered into one list; after the last step, every id from 0 to the last.
    const wrong = (ix: ReturnType<typeof newTicketIndex<Ticket>>, map: Map<number, Ticket>, id: number) =>
      indexGet(ix, id) !== map.get(id) || indexHas(ix, id) !== map.has(id);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const map = new Map<number, Ticket>();
        const ix = newTicketIndex<Ticket>([]);
        const bad: string[] = [];
        let next = 1;
        steps.forEach((s, at) => {
          const touched: number[] = [];
          if (s.kind === 'arrive' || s.kind === 'jump') {
            if (s.kind === 'jump') next += 64 * s.k;
            const n = s.kind === 'arrive' ? s.k : 1;
            for (let j = 0; j < n; j++) {
              const T = ticket(next++);
              map.set(T.id, T);
              indexAdd(ix, T);
              touched.push(T.id);
            }
          } else if (map.size > 0) {
            const ids = [...map.keys()];
            const id = ids[s.i % ids.length]!;
            map.delete(id);
            indexDelete(ix, id);
            touched.push(id);
          }
          if (ix.n !== map.size) bad.push(`step ${at}: ${ix.n} held, the Map has ${map.size}`);
          for (const id of [0, next, ...touched, ...map.keys()])
            if (wrong(ix, map, id)) bad.push(`step ${at}: id ${id}`);
        });
        for (let id = 0; id <= next; id++) if (wrong(ix, map, id)) bad.push(`at the end: id ${id}`);
        expect(bad.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is built from the tickets carried (a restored sim)', () => {
    const ts = [5, 69, 133, 6, 1000].map(ticket);
    const ix = newTicketIndex(ts);
    for (const T of ts) expect(indexGet(ix, T.id)).toBe(T);
    expect(indexGet(ix, 7)).toBeUndefined();
  });

  it('shrinks back as the company empties, so a long run holds no more than a short one', () => {
    const ix = newTicketIndex<Ticket>([]);
    for (let id = 1; id <= 5000; id++) indexAdd(ix, ticket(id));
    const big = ix.keys.length;
    for (let id = 1; id <= 4990; id++) indexDelete(ix, id);
    expect(ix.keys.length).toBeLessThan(big / 16);
    for (let id = 4991; id <= 5000; id++) expect(indexGet(ix, id)?.id).toBe(id);
  });
});
