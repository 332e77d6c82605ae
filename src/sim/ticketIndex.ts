/**
 * The tickets by id for the hot path: a cache of s.tickets (the Map stays the truth that views, the
 * snapshot and the hash see), kept in step where a ticket comes and goes (newTicket, finish). Open
 * addressing with linear probing: ids are handed out in turn, so `id & mask` hardly ever collides, and
 * a look-up is an array read where a Map look-up hashes. Its size follows the tickets in the company
 * (at most half full), not how many ever came, so a long run holds no more than a short one.
 */
/** What the index keeps: anything with a ticket id (the engine's Ticket; no import of state.ts, which holds the index). */
export interface Keyed {
  id: number;
}

export interface TicketIndex<V extends Keyed = Keyed> {
  /** Ticket id at each place, 0 for an empty place (ids start at 1). */
  keys: Int32Array;
  vals: (V | undefined)[];
  /** Something the engine keeps beside each ticket (its name's record), or undefined. */
  aux: unknown[];
  mask: number;
  n: number;
}

const MIN_SIZE = 64;

export function newTicketIndex<V extends Keyed>(tickets: Iterable<V>): TicketIndex<V> {
  const ix: TicketIndex<V> = {
    keys: new Int32Array(MIN_SIZE),
    vals: new Array<V | undefined>(MIN_SIZE).fill(undefined),
    aux: new Array<unknown>(MIN_SIZE).fill(undefined),
    mask: MIN_SIZE - 1,
    n: 0,
  };
  for (const T of tickets) indexAdd(ix, T);
  return ix;
}

export function indexGet<V extends Keyed>(ix: TicketIndex<V>, id: number): V | undefined {
  const keys = ix.keys;
  const mask = ix.mask;
  let i = id & mask;
  for (;;) {
    const k = keys[i]!;
    if (k === 0) return undefined;
    if (k === id) return ix.vals[i];
    i = (i + 1) & mask;
  }
}

export function indexHas<V extends Keyed>(ix: TicketIndex<V>, id: number): boolean {
  const keys = ix.keys;
  const mask = ix.mask;
  let i = id & mask;
  for (;;) {
    const k = keys[i]!;
    if (k === 0) return false;
    if (k === id) return true;
    i = (i + 1) & mask;
  }
}

/** What was kept beside the ticket `id` (undefined when none or no such ticket). */
export function indexAux<V extends Keyed>(ix: TicketIndex<V>, id: number): unknown {
  const keys = ix.keys;
  const mask = ix.mask;
  let i = id & mask;
  for (;;) {
    const k = keys[i]!;
    if (k === 0) return undefined;
    if (k === id) return ix.aux[i];
    i = (i + 1) & mask;
  }
}

export function indexAdd<V extends Keyed>(ix: TicketIndex<V>, T: V, aux?: unknown): void {
  if ((ix.n + 1) * 2 > ix.keys.length) resize(ix, ix.keys.length * 2);
  place(ix, T.id, T, aux);
  ix.n++;
}

function place<V extends Keyed>(ix: TicketIndex<V>, id: number, T: V, aux: unknown): void {
  const keys = ix.keys;
  const mask = ix.mask;
  let i = id & mask;
  while (keys[i] !== 0 && keys[i] !== id) i = (i + 1) & mask;
  keys[i] = id;
  ix.vals[i] = T;
  ix.aux[i] = aux;
}

export function indexDelete<V extends Keyed>(ix: TicketIndex<V>, id: number): void {
  const keys = ix.keys;
  const vals = ix.vals;
  const aux = ix.aux;
  const mask = ix.mask;
  let i = id & mask;
  for (;;) {
    const k = keys[i]!;
    if (k === 0) return;
    if (k === id) break;
    i = (i + 1) & mask;
  }
  ix.n--;
  // Backward-shift deletion: move later entries of the run up into the gap when their home allows.
  let j = i;
  for (;;) {
    j = (j + 1) & mask;
    const k = keys[j]!;
    if (k === 0) break;
    const home = k & mask;
    const between = i <= j ? i < home && home <= j : i < home || home <= j;
    if (between) continue;
    keys[i] = k;
    vals[i] = vals[j];
    aux[i] = aux[j];
    i = j;
  }
  keys[i] = 0;
  vals[i] = undefined;
  aux[i] = undefined;
  if (ix.keys.length > MIN_SIZE && ix.n * 8 < ix.keys.length) resize(ix, ix.keys.length / 2);
}

function resize<V extends Keyed>(ix: TicketIndex<V>, size: number): void {
  const keys = ix.keys;
  const vals = ix.vals;
  const aux = ix.aux;
  ix.keys = new Int32Array(size);
  ix.vals = new Array<V | undefined>(size).fill(undefined);
  ix.aux = new Array<unknown>(size).fill(undefined);
  ix.mask = size - 1;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) place(ix, keys[i]!, vals[i]!, aux[i]);
}
