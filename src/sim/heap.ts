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
}

export function newHeap(): HeapData {
  return { t: [], q: [], c: [], b: [], n: 0, seq: 0 };
}

export function heapPush(h: HeapData, time: number, code: number, b: number): void {
  const T = h.t;
  const Q = h.q;
  const C = h.c;
  const B = h.b;
  const seq = h.seq++;
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

/** Plain copy holding only the live part. */
export function heapCopy(h: HeapData): HeapData {
  return { t: h.t.slice(0, h.n), q: h.q.slice(0, h.n), c: h.c.slice(0, h.n), b: h.b.slice(0, h.n), n: h.n, seq: h.seq };
}
