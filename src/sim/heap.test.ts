/** The heap's take-the-top path (the engine's) gives the events in the same order as a pop and a push. */
import { describe, expect, it } from 'vitest';
import { heapPop, heapPush, heapSettle, heapTakeTop, newHeap, type HeapData } from './heap';

function drain(h: HeapData): string[] {
  const out: string[] = [];
  while (h.n > 0) {
    out.push(`${h.t[0]}/${h.q[0]}/${h.c[0]}`);
    heapPop(h);
  }
  return out;
}

describe('heap', () => {
  it('an event pushed while the top is taken takes its place; the order is that of a pop and a push', () => {
    let x = 2463534242;
    const next = (): number => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 4294967296;
    };
    const a = newHeap();
    const b = newHeap();
    const seen: string[][] = [[], []];
    for (let i = 0; i < 50; i++) {
      const t = Math.floor(next() * 20); // ties on purpose: they run in the order scheduled
      heapPush(a, t, i, 0);
      heapPush(b, t, i, 0);
    }
    for (let step = 0; step < 5000; step++) {
      const now = a.t[0]!;
      seen[0]!.push(`${a.t[0]}/${a.q[0]}`);
      seen[1]!.push(`${b.t[0]}/${b.q[0]}`);
      heapPop(a);
      heapTakeTop(b);
      const pushes = step % 7 === 0 ? 0 : step % 5 === 0 ? 2 : 1;
      for (let k = 0; k < pushes; k++) {
        const t = now + Math.floor(next() * 30);
        heapPush(a, t, step, k);
        heapPush(b, t, step, k);
      }
      heapSettle(b);
      if (b.taken) throw new Error('the top stayed taken');
      expect(b.n).toBe(a.n);
      if (a.n === 0) break;
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(drain(b)).toEqual(drain(a));
  });
});
