/**
 * Internal requests: open at `at`, granted by the player or automatically, done as a work job at the
 * provider (queued behind customer work), effect on the requester when done; neglect when late.
 * A slowdown neglect stops growing once the request is done, but the slowdown reached stays.
 */
import { E_HIRE, E_NEGLECT, E_REQDUE, E_REQJOB, schedule } from './events';
import { refreshAway, takePerson, touch } from './desks';
import type { RequestStatus } from './types';
import type { Dept, Req, World } from './state';

function setStatus(w: World, r: Req, status: RequestStatus): void {
  r.status = status;
  if (w.rec) w.out.push({ type: 'request', t: w.s.t, request: r.id, status });
}

/** The request opens (it is asked for). True when it grants itself (the dispatcher then grants it). */
export function openRequest(w: World, ri: number): boolean {
  const s = w.s;
  const r = s.reqs[ri]!;
  const cfg = w.st.level.internalRequests[ri]!;
  r.openedAt = s.t;
  r.dueAt = s.t + cfg.dueWithin;
  s.agg.reqOpened++;
  s.attention++;
  setStatus(w, r, 'open');
  schedule(s, r.dueAt, E_REQDUE, ri, 0);
  return cfg.autoGrant;
}

/** Granted: the request joins the provider's work, in turn. Returns the provider's index. */
export function queueRequest(w: World, ri: number): number {
  const s = w.s;
  const r = s.reqs[ri]!;
  r.granted = true;
  if (!r.overdue) setStatus(w, r, 'granted');
  const di = w.st.requests[ri]!.to;
  const d = s.depts[di]!;
  d.reqQ.push(ri);
  d.reqSeq.push(++d.seqBack);
  d.requestQueue.push(r.id);
  return di;
}

/** A free person at d takes the oldest granted request there. */
export function startRequestJob(w: World, d: Dept, di: number): void {
  const s = w.s;
  const ri = d.reqQ.shift()!;
  d.reqSeq.shift();
  d.requestQueue.shift();
  takePerson(w, d);
  const r = s.reqs[ri]!;
  if (!r.overdue) setStatus(w, r, 'inProgress');
  const secs = w.st.level.internalRequests[ri]!.workSeconds * d.speedFactor;
  schedule(s, s.t + secs, E_REQJOB, ri, di);
}

/** The provider di finished the request's work: its effect on the requester. The dispatcher frees the person. */
export function requestDone(w: World, ri: number, di: number): void {
  const s = w.s;
  const r = s.reqs[ri]!;
  const cfg = w.st.level.internalRequests[ri]!;
  const d = s.depts[di]!;
  d.completed++;
  r.doneAt = s.t;
  if (!r.overdue) s.agg.reqOnTime++;
  setStatus(w, r, 'done');
  const from = w.st.requests[ri]!.from;
  const req = s.depts[from]!;
  const e = cfg.effect;
  if (e.kind === 'speed') req.speedFactor *= e.factor;
  else if (e.kind === 'quality') req.qualityFactor *= e.factor;
  else schedule(s, s.t + e.rampSeconds, E_HIRE, ri, 0);
}

export function onRequestDue(w: World, ri: number): void {
  const s = w.s;
  const r = s.reqs[ri]!;
  if (r.doneAt !== null) return;
  r.overdue = true;
  s.agg.reqLate++;
  setStatus(w, r, 'late');
  const cfg = w.st.level.internalRequests[ri]!;
  const n = cfg.neglect;
  if (!n) return;
  const from = w.st.requests[ri]!.from;
  const d = s.depts[from]!;
  if (n.kind === 'slowdown') {
    d.speedFactor *= n.factor;
    r.steps = 1;
    if (r.steps < n.maxSteps) schedule(s, s.t + n.everySeconds, E_NEGLECT, ri, 0);
  } else if (n.kind === 'quality') {
    d.qualityFactor *= n.factor;
  } else {
    touch(s, d);
    d.staff = Math.max(0, d.staff - n.staff);
    if (w.rec) w.out.push({ type: 'staff', t: s.t, dept: d.id, staff: d.staff, away: d.away });
    refreshAway(w, d);
  }
}

export function onNeglectStep(w: World, ri: number): void {
  const s = w.s;
  const r = s.reqs[ri]!;
  const n = w.st.level.internalRequests[ri]!.neglect;
  if (r.doneAt !== null || !n || n.kind !== 'slowdown') return;
  const d = s.depts[w.st.requests[ri]!.from]!;
  d.speedFactor *= n.factor;
  r.steps++;
  if (r.steps < n.maxSteps) schedule(s, s.t + n.everySeconds, E_NEGLECT, ri, 0);
}

/** The hired people start at the requester. Returns its index (the dispatcher starts jobs), or -1. */
export function hire(w: World, ri: number): number {
  const s = w.s;
  const cfg = w.st.level.internalRequests[ri]!;
  if (cfg.effect.kind !== 'hire') return -1;
  const di = w.st.requests[ri]!.from;
  const d = s.depts[di]!;
  touch(s, d);
  d.staff += cfg.effect.staff;
  if (w.rec) w.out.push({ type: 'staff', t: s.t, dept: d.id, staff: d.staff, away: d.away });
  refreshAway(w, d);
  return di;
}
