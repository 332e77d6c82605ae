/**
 * The tickets in the company, in the order they came (which is the order of their ids): what views,
 * the snapshot and the hash see as `tickets`, with a Map's read-only face. A Map hashed every id on
 * each arrival and leave and rehashed as it grew and shrank, about 5% of a busy level's run; here an
 * arrival is a push, a leave a binary search that leaves a hole, and the holes are closed up once they
 * outnumber the tickets (at an arrival, so never under a reader's loop: the sim adds no ticket while it
 * walks them). The engine's look-ups by id go through the ticket index (ticketIndex.ts), not this.
 */
import type { Keyed } from './ticketIndex';

export class TicketMap<V extends Keyed> implements ReadonlyMap<number, V> {
  /** Ids in increasing order, holes included (a hole keeps its id, so the order stays searchable). */
  private ids: number[] = [];
  private vals: (V | undefined)[] = [];
  private live = 0;

  constructor(tickets?: Iterable<V>) {
    if (tickets) for (const T of tickets) this.set(T.id, T);
  }

  get size(): number {
    return this.live;
  }

  /** Where id is in `ids`, or -1. */
  private find(id: number): number {
    const ids = this.ids;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = ids[mid]!;
      if (k < id) lo = mid + 1;
      else if (k > id) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  set(id: number, T: V): this {
    const ids = this.ids;
    const n = ids.length;
    if (n === 0 || ids[n - 1]! < id) {
      if (n >= 64 && (n - this.live) * 2 > n) this.compact();
      this.ids.push(id);
      this.vals.push(T);
      this.live++;
      return this;
    }
    const at = this.find(id);
    if (at >= 0) {
      if (this.vals[at] === undefined) this.live++;
      this.vals[at] = T;
      return this;
    }
    // an id below the newest (not in the engine's own use): into its place in the order
    let i = 0;
    while (ids[i]! < id) i++;
    ids.splice(i, 0, id);
    this.vals.splice(i, 0, T);
    this.live++;
    return this;
  }

  delete(id: number): boolean {
    const at = this.find(id);
    if (at < 0 || this.vals[at] === undefined) return false;
    this.vals[at] = undefined;
    this.live--;
    return true;
  }

  private compact(): void {
    const ids = this.ids;
    const vals = this.vals;
    let j = 0;
    for (let i = 0; i < ids.length; i++) {
      const T = vals[i];
      if (T === undefined) continue;
      ids[j] = ids[i]!;
      vals[j] = T;
      j++;
    }
    ids.length = j;
    vals.length = j;
  }

  get(id: number): V | undefined {
    const at = this.find(id);
    return at < 0 ? undefined : this.vals[at];
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  *values(): MapIterator<V> {
    const vals = this.vals;
    for (let i = 0; i < vals.length; i++) {
      const T = vals[i];
      if (T !== undefined) yield T;
    }
  }

  *keys(): MapIterator<number> {
    for (const T of this.values()) yield T.id;
  }

  *entries(): MapIterator<[number, V]> {
    for (const T of this.values()) yield [T.id, T];
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: number, map: ReadonlyMap<number, V>) => void, thisArg?: unknown): void {
    const vals = this.vals;
    for (let i = 0; i < vals.length; i++) {
      const T = vals[i];
      if (T !== undefined) fn.call(thisArg, T, T.id, this);
    }
  }

  get [Symbol.toStringTag](): string {
    return 'TicketMap';
  }
}
