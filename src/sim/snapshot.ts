/**
 * Snapshot, restore and hash. The snapshot is plain JSON: tickets as an array (in Map order), the heap's
 * live part, every counter and PRNG word. Restoring rebuilds the ticket index and continues bit for bit.
 * The hash covers the whole state except the timeline (which depends on the sampleEvery option) and
 * the timers left by customers who have gone: those do nothing, and a replay (which catches up event by
 * event) or a run stepped event by event may sweep them out at other moments than the original did, so
 * the hash sees the events still to come in their running order, not the heap's layout.
 */
import { isStaleTimer } from './events';
import { heapCopy, heapInOrder } from './heap';
import type { SimSnapshot } from './types';
import type { State, Ticket } from './state';

type PlainState = Omit<State, 'tickets'> & { tickets: Ticket[] };

function plain(s: State, withTimeline: boolean): PlainState {
  return {
    ...s,
    heap: withTimeline ? heapCopy(s.heap) : heapInOrder(s.heap, (code) => !isStaleTimer(s, code)),
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
  const tickets = new Map<number, Ticket>();
  for (const T of p.tickets) tickets.set(T.id, T);
  // A snapshot from before stale timers were counted: they are found at the next count's sweep.
  return { ...p, stale: p.stale ?? 0, tickets };
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
