/**
 * Snapshot, restore and hash. The snapshot is plain JSON: tickets as an array (in Map order), the pending
 * events of both heaps as one (`heap`, in running order, as when there was one heap), every counter and
 * PRNG word. Restoring rebuilds the ticket index and the two heaps and continues bit for bit.
 * The hash covers the whole state except the timeline (which depends on the sampleEvery option) and
 * the timers left by customers who have gone: those do nothing, and a replay (which catches up event by
 * event) or a run stepped event by event may sweep them out at other moments than the original did, so
 * the hash sees the events still to come in their running order, not the heap's layout.
 */
import { isStaleTimer, isTimerKind, KIND_MASK } from './events';
import { heapInOrder, heapInsert, heapJoin, newHeap } from './heap';
import type { SimSnapshot } from './types';
import type { State, Ticket } from './state';
import { TicketMap } from './ticketMap';

type PlainState = Omit<State, 'tickets' | 'timers'> & { tickets: Ticket[]; timers?: undefined };

function plain(s: State, withTimeline: boolean): PlainState {
  const all = heapJoin(s.heap, s.timers);
  return {
    ...s,
    heap: withTimeline ? heapInOrder(all, () => true) : heapInOrder(all, (code) => !isStaleTimer(s, code)),
    timers: undefined, // part of heap (JSON leaves the key out)
    stale: withTimeline ? s.stale : 0,
    tickets: [...s.tickets.values()],
    timeline: withTimeline ? s.timeline : [],
    nextSample: withTimeline ? s.nextSample : 0,
  };
}

export function takeSnapshot(s: State, levelId: string, seed: number): SimSnapshot {
  return { version: 1, levelId, seed, state: JSON.parse(JSON.stringify(plain(s, true))) as unknown };
}

export function restoreState(snap: SimSnapshot): State {
  const p = JSON.parse(JSON.stringify(snap.state)) as PlainState;
  const tickets = new TicketMap<Ticket>(p.tickets);
  // The customers' timers go back to their own heap, each with its number.
  const all = p.heap;
  const heap = newHeap(); // the same shape as a fresh sim's (one hidden class for the hot path)
  heap.seq = all.seq;
  const timers = newHeap();
  for (let i = 0; i < all.n; i++) {
    const code = all.c[i]!;
    heapInsert(isTimerKind(code & KIND_MASK) ? timers : heap, all.t[i]!, all.q[i]!, code, all.b[i]!);
  }
  // A snapshot from before stale timers were counted: they are found at the next count's sweep.
  return { ...p, heap, timers, stale: p.stale ?? 0, tickets };
}

/** 64-bit hash (two 32-bit lanes) of a string, as 16 hex digits. */
export function hashString(str: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export function hashState(s: State): string {
  return hashString(JSON.stringify(plain(s, false)));
}
