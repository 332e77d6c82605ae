/**
 * Event kinds in the heap and the scheduling helper. An event's code packs its kind into the low
 * KIND_BITS bits and its subject `a` (a ticket id, a request index, ...) above them; `b` is the payload.
 */
import { heapInsert, heapKeepFront, heapPush } from './heap';
import type { State, World } from './state';
import { indexHas } from './ticketIndex';

/** Every event kind, in code order. The codes below are their positions; add a kind at the end. */
export const EVENT_KINDS = [
  'arrival', // b = arrival token
  'script', // a = position in the scripted order
  'job', // a = ticket id, b = job kind
  'requestJob', // a = request index, b = provider index
  'transit', // a = ticket id
  'abandon', // a = ticket id
  'patience', // a = ticket id
  'mood', // a = ticket id, b = token * 4 + threshold
  'rate', // a = schedule index
  'levelEventStart', // a = level event index
  'levelEventEnd', // a = level event index
  'requestOpen', // a = request index
  'requestDue', // a = request index
  'neglect', // a = request index
  'hire', // a = request index
] as const;

export const KIND_BITS = 4;
export const KIND_MASK = (1 << KIND_BITS) - 1;

/** Throws unless every kind fits in KIND_BITS bits: a 17th kind must not fail quietly as another one. */
export function checkKindsFit(kinds: readonly string[]): void {
  if (kinds.length > KIND_MASK + 1)
    throw new Error(
      `src/sim/events.ts: ${kinds.length} event kinds do not fit in ${KIND_BITS} bits (at most ${KIND_MASK + 1}); ` +
        `"${kinds[KIND_MASK + 1]}" would be read as "${kinds[0]}". Raise KIND_BITS (and check that subjects still fit).`,
    );
}
checkKindsFit(EVENT_KINDS);

// The same check for the compiler: `npm run typecheck` fails at a 17th kind, too.
type UpTo16 = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16;
const _kindsFit: (typeof EVENT_KINDS)['length'] extends UpTo16 ? true : never = true;

const code = (kind: (typeof EVENT_KINDS)[number]): number => EVENT_KINDS.indexOf(kind);

export const E_ARRIVAL = code('arrival');
export const E_SCRIPT = code('script');
export const E_JOB = code('job');
export const E_REQJOB = code('requestJob');
export const E_TRANSIT = code('transit');
export const E_ABANDON = code('abandon');
export const E_PATIENCE = code('patience');
export const E_MOOD = code('mood');
export const E_RATE = code('rate');
export const E_EVSTART = code('levelEventStart');
export const E_EVEND = code('levelEventEnd');
export const E_REQOPEN = code('requestOpen');
export const E_REQDUE = code('requestDue');
export const E_NEGLECT = code('neglect');
export const E_HIRE = code('hire');

export function schedule(s: State, time: number, kind: number, a: number, b: number): void {
  heapPush(s.heap, time, kind + a * (KIND_MASK + 1), b);
}

/** A customer's own timer (E_PATIENCE, E_ABANDON or E_MOOD for ticket `a`): into s.timers, numbered in turn with the rest. */
export function scheduleTimer(s: State, time: number, kind: number, a: number, b: number): void {
  heapInsert(s.timers, time, s.heap.seq++, kind + a * (KIND_MASK + 1), b);
}

/** A customer's own timer kind (they go to s.timers). */
export function isTimerKind(kind: number): boolean {
  return kind === E_PATIENCE || kind === E_ABANDON || kind === E_MOOD;
}

/**
 * A customer's own timer (patience, abandon, mood) left behind when the customer has gone: it would do
 * nothing, so it is dropped unseen (not counted as an event, the clock does not move to it).
 */
export function isStaleTimer(s: State, code: number): boolean {
  const kind = code & KIND_MASK;
  return isTimerKind(kind) && !s.tickets.has(code >>> KIND_BITS);
}

/** Below this many stale timers the heap is left alone. */
const STALE_MIN = 256;

/**
 * A customer left with `armed` patience or abandon timers still in s.timers. Once such stale timers are
 * more than a quarter of the timers, they are all taken out at once, so a level with long patience keeps
 * no more events than customers in the company need, however long it runs.
 */
export function timersLeft(w: World, armed: number): void {
  const s = w.s;
  s.stale += armed;
  if (s.stale > STALE_MIN && s.stale * 4 > s.timers.n) {
    sweepStale(w);
    s.stale = 0;
  }
}

/** Take every stale timer out of s.timers (into w.ticks when the headless players keep them). */
function sweepStale(w: World): void {
  const s = w.s;
  const h = s.timers;
  const ticks = w.ticks;
  const ix = w.ix;
  const T = h.t;
  const Q = h.q;
  const C = h.c;
  const B = h.b;
  const n0 = h.n;
  let n = 0;
  for (let i = 0; i < n0; i++) {
    const code = C[i]!;
    if (!indexHas(ix, code >>> KIND_BITS)) {
      if (ticks) heapInsert(ticks, T[i]!, Q[i]!, code, B[i]!);
      continue;
    }
    if (n !== i) {
      T[n] = T[i]!;
      Q[n] = Q[i]!;
      C[n] = code;
      B[n] = B[i]!;
    }
    n++;
  }
  heapKeepFront(h, n);
}
