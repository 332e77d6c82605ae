/**
 * Attribution: every second of a customer's time belongs to exactly one cause. A ticket keeps one open
 * segment (cause + start); each phase change closes it, adds its length to the running totals and
 * appends it to the ticket's closed segments (merging with the previous one when the cause repeats).
 */
import { CK_EVENT, CK_QUEUE, cQueue } from './compile';
import type { Segment } from './types';
import type { Dept, Ticket, World } from './state';

export function closeSeg(w: World, T: Ticket, t: number): void {
  const start = T.segStart;
  const dur = t - start;
  if (dur > 0) {
    const c = T.cause;
    const attrib = w.s.attrib;
    attrib[c] = attrib[c]! + dur;
    const k = w.st.causeKind[c];
    if (k === CK_QUEUE || k === CK_EVENT) T.waited += dur;
    const segs = T.segs;
    const n = segs.length;
    if (n >= 3 && segs[n - 3] === c && segs[n - 1] === start) segs[n - 1] = t;
    else segs.push(c, start, t);
  }
  T.segStart = t;
}

export function setCause(w: World, T: Ticket, c: number): void {
  if (c === T.cause) return;
  closeSeg(w, T, w.s.t);
  T.cause = c;
}

/** Cause of waiting in the inbox of department di: the latest active absence/outage there, else the queue. */
export function queueCause(d: Dept, di: number): number {
  const n = d.evCauses.length;
  return n > 0 ? d.evCauses[n - 1]! : cQueue(di);
}

/** Closed segments plus the open one up to t, as contract objects. */
export function toSegments(w: World, T: Ticket, t: number): Segment[] {
  const st = w.st;
  const out: Segment[] = [];
  const segs = T.segs;
  for (let i = 0; i < segs.length; i += 3) {
    const c = segs[i]!;
    out.push({ cause: st.causes[c]!, dept: st.causeDept[c] ?? null, from: segs[i + 1]!, to: segs[i + 2]! });
  }
  if (t > T.segStart) {
    const c = T.cause;
    const last = out[out.length - 1];
    if (last && last.cause === st.causes[c] && last.to === T.segStart) last.to = t;
    else out.push({ cause: st.causes[c]!, dept: st.causeDept[c] ?? null, from: T.segStart, to: t });
  }
  return out;
}
