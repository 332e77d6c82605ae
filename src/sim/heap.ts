/**
 * Binary min-heap of timestamped events in parallel plain arrays (no per-event objects):
 * t = time, q = insertion sequence (ties run in the order they were scheduled), c = code (kind + 16 * a),
 * b = extra payload. Plain data, so it serialises with the sim state.
 */
export interface HeapData {
  t: number[];
  q: number[];
  c: number[];
  b: number[];
  n: number;
  seq: number;
  /**
   * The top event is being processed (heapTakeTop): the next heapPush puts its event in the top's place
   * (one sift down instead of a pop's and a push's), heapSettle pops it if none came. Unset between events.
   */
  taken?: boolean;
}

export function newHeap(): HeapData {
  return { t: [], q: [], c: [], b: [], n: 0, seq: 0, taken: false };
}

export function heapPush(h: HeapData, time: number, code: number, b: number): void {
  if (h.taken) {
    h.taken = false;
    const i = 0;
    h.t[i] = time;
    h.q[i] = h.seq++;
    h.c[i] = code;
    h.b[i] = b;
    siftDown(h, i);
  } else heapInsert(h, time, h.seq++, code, b);
}

/**
 * The event at the top is being processed: it leaves the heap at the next heapPush (which takes its
 * place) or at heapSettle. Until then the top is not to be read.
 */
export function heapTakeTop(h: HeapData): void {
  h.taken = true;
}

/** The event is over: pop the taken top if no push took its place. */
export function heapSettle(h: HeapData): void {
  if (h.taken) {
    h.taken = false;
    heapPop(h);
  }
}

/** Insert with a sequence number of the caller's (heapPush numbers events in the order scheduled). */
export function heapInsert(h: HeapData, time: number, seq: number, code: number, b: number): void {
  const T = h.t;
  const Q = h.q;
  const C = h.c;
  const B = h.b;
  let i = h.n++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const pt = T[p]!;
    if (pt < time || (pt === time && Q[p]! < seq)) break;
    T[i] = pt;
    Q[i] = Q[p]!;
    C[i] = C[p]!;
    B[i] = B[p]!;
    i = p;
  }
  T[i] = time;
  Q[i] = seq;
  C[i] = code;
  B[i] = b;
}

/** Remove the top event (read it first from index 0). */
export function heapPop(h: HeapData): void {
  const n = --h.n;
  if (n <= 0) {
    h.n = 0;
    return;
  }
  const T = h.t;
  const Q = h.q;
  const C = h.c;
  const B = h.b;
  const time = T[n]!;
  const seq = Q[n]!;
  const code = C[n]!;
  const b = B[n]!;
  const half = n >> 1;
  let i = 0;
  while (i < half) {
    let c = 2 * i + 1;
    let ct = T[c]!;
    let cq = Q[c]!;
    const r = c + 1;
    if (r < n) {
      const rt = T[r]!;
      const rq = Q[r]!;
      if (rt < ct || (rt === ct && rq < cq)) {
        c = r;
        ct = rt;
        cq = rq;
      }
    }
    if (time < ct || (time === ct && seq < cq)) break;
    T[i] = ct;
    Q[i] = cq;
    C[i] = C[c]!;
    B[i] = B[c]!;
    i = c;
  }
  T[i] = time;
  Q[i] = seq;
  C[i] = code;
  B[i] = b;
}

/**
 * The events `keep` accepts in the order they will run: the same for two heaps that will run the same
 * events, however each came to its layout (what a state hash must see).
 */
export function heapInOrder(h: HeapData, keep: (code: number) => boolean): HeapData {
  const idx: number[] = [];
  for (let i = 0; i < h.n; i++) if (keep(h.c[i]!)) idx.push(i);
  idx.sort((x, y) => h.t[x]! - h.t[y]! || h.q[x]! - h.q[y]!);
  return {
    t: idx.map((i) => h.t[i]!),
    q: idx.map((i) => h.q[i]!),
    c: idx.map((i) => h.c[i]!),
    b: idx.map((i) => h.b[i]!),
    n: idx.length,
    seq: h.seq,
  };
}

/** The events of both heaps in one (not yet in heap order: heapInOrder sorts it); seq is a's. */
export function heapJoin(a: HeapData, b: HeapData): HeapData {
  return {
    t: a.t.slice(0, a.n).concat(b.t.slice(0, b.n)),
    q: a.q.slice(0, a.n).concat(b.q.slice(0, b.n)),
    c: a.c.slice(0, a.n).concat(b.c.slice(0, b.n)),
    b: a.b.slice(0, a.n).concat(b.b.slice(0, b.n)),
    n: a.n + b.n,
    seq: a.seq,
  };
}

/**
 * The caller moved the `n` events it keeps to the front of the arrays: make them the heap again
 * (Floyd's bottom-up build). Events run in (time, sequence) order, which is total, so the events kept
 * still come out in the same order. The arrays keep their length (the places past n are unused).
 */
export function heapKeepFront(h: HeapData, n: number): void {
  h.n = n;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(h, i);
}

function siftDown(h: HeapData, at: number): void {
  const T = h.t;
  const Q = h.q;
  const C = h.c;
  const B = h.b;
  const n = h.n;
  const time = T[at]!;
  const seq = Q[at]!;
  const code = C[at]!;
  const b = B[at]!;
  let i = at;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let ct = T[c]!;
    let cq = Q[c]!;
    const r = c + 1;
    if (r < n) {
      const rt = T[r]!;
      const rq = Q[r]!;
      if (rt < ct || (rt === ct && rq < cq)) {
        c = r;
        ct = rt;
        cq = rq;
      }
    }
    if (time < ct || (time === ct && seq < cq)) break;
    T[i] = ct;
    Q[i] = cq;
    C[i] = C[c]!;
    B[i] = B[c]!;
    i = c;
  }
  T[i] = time;
  Q[i] = seq;
  C[i] = code;
  B[i] = b;
}
