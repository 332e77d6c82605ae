import { describe, expect, it } from 'vitest';
import { TicketMap } from './ticketMap';
import { seedRng, rand } from './rng';

type T = { id: number; v: number };

describe('TicketMap', () => {
  it('reads like a Map through arrivals and leavers, in the order the tickets came', () => {
    const m = new TicketMap<T>();
    const ref = new Map<number, T>();
    const rng = seedRng(42);
    let next = 1;
    const gathered: string[] = [];
    for (let step = 0; step < 5000; step++) {
      if (ref.size === 0 || rand(rng, 0) < 0.55) {
        const t = { id: next, v: step };
        next++;
        m.set(t.id, t);
        ref.set(t.id, t);
      } else {
        const ids = [...ref.keys()];
        const id = ids[Math.floor(rand(rng, 0) * ids.length)]!;
        gathered.push(`${m.delete(id)}${ref.delete(id)}`);
        gathered.push(`${m.delete(id)}${ref.delete(id)}`); // twice: the second finds nothing
      }
      if (step % 97 === 0) {
        expect([...m.keys()]).toEqual([...ref.keys()]);
        expect([...m.values()]).toEqual([...ref.values()]);
        expect([...m]).toEqual([...ref]);
      }
      gathered.push(`${m.size}=${ref.size} ${m.has(next - 1)}=${ref.has(next - 1)} ${m.get(step % next)?.v}=${ref.get(step % next)?.v}`);
    }
    const bad = gathered.filter((g) => !(g === 'truetrue' || g === 'falsefalse' || /^(\d+)=\1 (\w+)=\2 (\w+)=\3$/.test(g)));
    expect(bad).toEqual([]);
    const seen: number[] = [];
    m.forEach((v, k, map) => {
      expect(map).toBe(m);
      expect(v.id).toBe(k);
      seen.push(k);
    });
    expect(seen).toEqual([...ref.keys()]);
  });

  it('keeps increasing order for an id set below the newest, and replaces a present one', () => {
    const m = new TicketMap<T>([{ id: 5, v: 0 }, { id: 9, v: 0 }]);
    m.set(7, { id: 7, v: 1 });
    m.set(9, { id: 9, v: 2 });
    expect([...m.keys()]).toEqual([5, 7, 9]);
    expect(m.get(9)?.v).toBe(2);
    expect(m.size).toBe(3);
    m.delete(7);
    m.set(7, { id: 7, v: 3 });
    expect([...m.keys()]).toEqual([5, 7, 9]);
    expect(m.size).toBe(3);
  });
});
