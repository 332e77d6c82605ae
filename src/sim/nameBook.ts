/**
 * Customer names in use, and the name a new customer gets: the next free name of the level's list in
 * turn (or the scripted one), with " 2", " 3"... only when it is taken, so two customers in the
 * company never share a name. A cache derived from the tickets (rebuilt after a restore, never saved).
 *
 * Two more caches keep a busy level (thousands of customers, a list of 50 names) from scanning the
 * list and every number at each arrival; they never change which name is chosen:
 * - one bit per place of the list, set while nobody has its name (the next free place is a bit scan);
 * - per name, a number below which every numbered copy is known to be taken (lowered when one leaves).
 * A name's record stays when its customer leaves, so a busy level looks each name up once, not at
 * every arrival (there are as many as customers in the company at its busiest, not more).
 */
/** One name ever carried in the company (kept when its customer leaves: a busy level reuses them). */
export interface NameRec {
  /** How many customers in the company carry it now. */
  c: number;
  /** The places of the list that hold it. */
  places: readonly number[] | null;
  /** For "base n" (n >= 2, no leading zero): base's record, and n. */
  of: NameRec | null;
  n: number;
  /** As a base: "this k" is taken for every 2 <= k < low. */
  low: number;
  /** The name itself. */
  name: string;
  /** As a base: the record of "this k" at k, once there is one (a busy level builds no name twice). */
  copies: (NameRec | undefined)[] | null;
}

export interface NameBook {
  readonly names: Map<string, NameRec>;
  readonly places: ReadonlyMap<string, readonly number[]>;
  /** Bit j set while nobody in the company has the name at place j. */
  readonly free: Uint32Array;
  /** The record of the name at each place of the list, once looked up. */
  readonly atPlace: (NameRec | undefined)[];
  /** The list place to go on from after takeName. */
  next: number;
}

export function newNameBook(list: readonly string[], carried: Iterable<string>): NameBook {
  const places = new Map<string, number[]>();
  list.forEach((n, j) => {
    const at = places.get(n);
    if (at) at.push(j);
    else places.set(n, [j]);
  });
  const free = new Uint32Array((list.length + 31) >>> 5);
  for (let j = 0; j < list.length; j++) free[j >>> 5]! |= 1 << (j & 31);
  const book: NameBook = {
    names: new Map(),
    places,
    free,
    atPlace: new Array<undefined>(list.length).fill(undefined),
    next: 0,
  };
  for (const n of carried) nameTaken(book, n);
  return book;
}

function recordOf(book: NameBook, name: string): NameRec {
  const known = book.names.get(name);
  if (known) return known;
  const rec: NameRec = {
    c: 0,
    places: book.places.get(name) ?? null,
    of: null,
    n: 0,
    low: 2,
    name,
    copies: null,
  };
  const n = numberAtEnd(name);
  if (n >= 2) {
    const of = recordOf(book, name.slice(0, name.lastIndexOf(' ')));
    rec.of = of;
    rec.n = n;
    (of.copies ??= [])[n] = rec;
  }
  book.names.set(name, rec);
  return rec;
}

/** n of "base n" written without leading zeros, else -1. */
function numberAtEnd(name: string): number {
  const sp = name.lastIndexOf(' ');
  if (sp <= 0 || sp === name.length - 1 || name.charCodeAt(sp + 1) === 48) return -1;
  let n = 0;
  for (let i = sp + 1; i < name.length; i++) {
    const d = name.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function nameTaken(book: NameBook, name: string): void {
  recTaken(book, recordOf(book, name));
}

function recTaken(book: NameBook, rec: NameRec): void {
  // The next search for base's numbered copies starts past this one.
  if (rec.of && rec.of.low === rec.n) rec.of.low = rec.n + 1;
  if (rec.c++ > 0 || !rec.places) return;
  for (const j of rec.places) book.free[j >>> 5]! &= ~(1 << (j & 31));
}

export function nameLeft(book: NameBook, name: string): void {
  const rec = book.names.get(name);
  if (rec) recLeft(book, rec);
}

/** nameLeft for the record the customer's name was taken with (takeName). */
export function recLeft(book: NameBook, rec: NameRec): void {
  if (rec.c === 0 || --rec.c > 0) return;
  if (rec.places) for (const j of rec.places) book.free[j >>> 5]! |= 1 << (j & 31);
  // "base n" is free again: base's search starts there again.
  if (rec.of && rec.n < rec.of.low) rec.of.low = rec.n;
}

/**
 * The name for a new customer (`given` for a scripted one, else the list's next free name from place
 * `at`) and the list place to go on from. The caller marks the name taken with nameTaken.
 */
export function chooseName(
  book: NameBook,
  list: readonly string[],
  at: number,
  given: string | null,
): { name: string; next: number } {
  const rec = pick(book, list, at, given);
  return { name: rec.name, next: book.next };
}

/** chooseName and nameTaken at once, without looking the names up: the record (rec.name), book.next set. */
export function takeName(book: NameBook, list: readonly string[], at: number, given: string | null): NameRec {
  const rec = pick(book, list, at, given);
  recTaken(book, rec);
  return rec;
}

function pick(book: NameBook, list: readonly string[], at: number, given: string | null): NameRec {
  let base: NameRec;
  book.next = at;
  if (given !== null) base = recordOf(book, given);
  else if (list.length === 0) base = recordOf(book, list[0]!);
  else {
    // The first free place from `at` on, round the list; with none before the last place of the
    // turn, that last place (the one before `at`), taken or not.
    const n = list.length;
    const j = firstFree(book.free, at, n);
    const k = j < 0 ? n - 1 : Math.min((j - at + n) % n, n - 1);
    const p = (at + k) % n;
    base = book.atPlace[p] ??= recordOf(book, list[p]!);
    book.next = (at + k + 1) % n;
  }
  if (base.c === 0) return base;
  // "base i" has a record exactly when the book has met that name (recordOf files it under base).
  const copies = base.copies;
  for (let i = base.low; ; i++) {
    const copy = copies === null ? undefined : copies[i];
    if (copy === undefined || copy.c === 0) {
      base.low = i;
      return copy ?? recordOf(book, `${base.name} ${i}`);
    }
  }
}

/** The first set bit at place `from` or after it, going round to the places before it; -1 if none. */
function firstFree(bits: Uint32Array, from: number, n: number): number {
  if (n === 0) return -1;
  const words = bits.length;
  const w0 = from >>> 5;
  for (let i = 0; i <= words; i++) {
    const w = (w0 + i) % words;
    let x = bits[w]!;
    if (i === 0) x &= ~0 << (from & 31);
    else if (i === words) x &= ~(~0 << (from & 31));
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
  }
  return -1;
}
