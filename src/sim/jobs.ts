/** Departments, queues, people and the phases a ticket moves through. */
import { queueCause, setCause } from './attribution';
import { cNotes, cOutbox, cService, cTransit } from './compile';
import { sample } from './distributions';
import { E_JOB, E_TRANSIT, schedule } from './events';
import { abandon, finish } from './customers';
import { pickTarget, pickup, route, triageDone } from './handoffs';
import { startRequestJob } from './requests';
import { STREAM_SERVICE } from './rng';
import type { TicketPhase } from './types';
import {
  J_CLARIFY,
  J_NOTES,
  J_REWORK,
  J_TRIAGE,
  J_WORK,
  JOB_NAMES,
  TM_CLARIFY,
  TM_INBOX,
  TM_OUTBOX,
  B_NONE,
  type Dept,
  type State,
  type Ticket,
  type World,
} from './state';

/** Bring the department's time integrals up to now (call before changing busy, staff, away or inbox). */
export function touch(s: State, d: Dept): void {
  const dt = s.t - d.lastT;
  if (dt > 0) {
    const busy = d.busy;
    const present = d.staff - d.away;
    d.busyInt += dt * busy;
    d.presentInt += dt * (present > busy ? present : busy);
    d.qInt += dt * d.inbox.length;
    d.lastT = s.t;
  }
}

/** Recompute people away: absent ones leave once they finish their job; an outage idles everyone. */
export function refreshAway(w: World, d: Dept): void {
  const idle = Math.max(0, d.staff - d.busy);
  const away = d.outage > 0 ? idle : Math.min(d.absent, idle);
  if (away !== d.away) {
    touch(w.s, d);
    d.away = away;
    if (w.rec) w.out.push({ type: 'staff', t: w.s.t, dept: d.id, staff: d.staff, away });
  }
}

export function updateStatus(w: World, d: Dept, di: number): void {
  const cfg = w.st.level.departments[di]!;
  const n = d.inbox.length;
  const status = n >= cfg.queueLimit ? 'red' : n >= cfg.queueWarning ? 'amber' : 'green';
  if (status !== d.status) {
    d.status = status;
    if (w.rec) w.out.push({ type: 'status', t: w.s.t, dept: d.id, status });
  }
}

export function setPhase(s: State, T: Ticket, phase: TicketPhase): void {
  if (T.phase === phase) return;
  if (T.phase === 'service') s.serving--;
  else if (phase === 'service') s.serving++;
  T.phase = phase;
}

/** Start as many jobs as free people allow: notes/clarify first, then inbox and requests in turn. */
export function startJobs(w: World, d: Dept, di: number): void {
  const s = w.s;
  while (d.outage === 0 && d.staff - d.absent - d.busy > 0) {
    if (d.pending.length > 0) {
      const T = s.tickets.get(d.pending.shift()!)!;
      const kind = d.pendKind.shift()!;
      T.inPending = false;
      const H = w.st.level.handoffs;
      if (kind === J_NOTES) {
        const secs = T.hThorough ? H.thoroughNoteSeconds : H.quickNoteSeconds;
        beginJob(w, T, d, di, J_NOTES, secs * d.speedFactor, cNotes(di), true);
      } else {
        beginJob(w, T, d, di, J_CLARIFY, H.clarifySeconds * d.speedFactor, T.override, true);
      }
      continue;
    }
    const nIn = d.inbox.length;
    const nReq = d.reqQ.length;
    if (nIn === 0 && nReq === 0) break;
    if (nReq > 0 && (nIn === 0 || d.reqSeq[0]! < s.tickets.get(d.inbox[0]!)!.qSeq)) {
      startRequestJob(w, d, di);
      continue;
    }
    touch(s, d);
    const T = s.tickets.get(d.inbox.shift()!)!;
    updateStatus(w, d, di);
    pickup(w, T, d, di);
  }
}

export function beginJob(
  w: World,
  T: Ticket,
  d: Dept,
  di: number,
  kind: number,
  dur: number,
  cause: number,
  newPerson: boolean,
): void {
  const s = w.s;
  if (newPerson) {
    touch(s, d);
    d.busy++;
    if (d.absent > 0 || d.outage > 0) refreshAway(w, d);
  }
  setPhase(s, T, 'service');
  T.jobKind = kind;
  const t = s.t;
  const end = t + dur;
  T.job = { kind: JOB_NAMES[kind]!, start: t, end };
  T.di = di;
  T.dept = d.id;
  setCause(w, T, T.override >= 0 ? T.override : cause);
  schedule(s, end, E_JOB, T.id, kind);
  if (w.rec) w.out.push({ type: 'jobStart', t, ticket: T.id, dept: d.id, kind: JOB_NAMES[kind]!, end });
}

export function startWork(w: World, T: Ticket, d: Dept, di: number, newPerson: boolean): void {
  const st = w.st;
  const dist = st.svc[di * st.S + T.sk[T.step]!]!;
  beginJob(
    w,
    T,
    d,
    di,
    J_WORK,
    sample(dist, w.s.rng, STREAM_SERVICE) * d.speedFactor,
    cService(di),
    newPerson,
  );
}

/** A person at d finished a job: maybe moves away (pending staff move), then takes the next job. */
export function freePerson(w: World, d: Dept, di: number): void {
  const s = w.s;
  touch(s, d);
  d.busy--;
  if (d.moves.length > 0 && d.staff <= 1) d.moves.length = 0; // staff was lost meanwhile: keep the last one
  if (d.moves.length > 0) {
    const to = d.moves.shift()!;
    d.staff--;
    const dt = s.depts[to]!;
    touch(s, dt);
    dt.staff++;
    if (w.rec) {
      w.out.push({ type: 'staff', t: s.t, dept: d.id, staff: d.staff, away: d.away });
      w.out.push({ type: 'staff', t: s.t, dept: dt.id, staff: dt.staff, away: dt.away });
    }
    refreshAway(w, dt);
    startJobs(w, dt, to);
  }
  if (d.absent > 0 || d.outage > 0) refreshAway(w, d);
  startJobs(w, d, di);
}

/** Put a ticket into the inbox of d (back, or front when continuing or prioritised). */
export function enqueue(w: World, T: Ticket, d: Dept, di: number, front: boolean): void {
  const s = w.s;
  touch(s, d);
  setPhase(s, T, 'queued');
  T.di = di;
  T.dept = d.id;
  T.inPending = false;
  if (front) {
    T.qSeq = --d.seqFront;
    d.inbox.unshift(T.id);
  } else {
    T.qSeq = ++d.seqBack;
    // Higher priority waits ahead of lower; equal priorities keep their order.
    let at = d.inbox.length;
    const wts = w.st.wts;
    const pr = wts[T.wt]!.priority;
    if (pr > 0) while (at > 0 && wts[s.tickets.get(d.inbox[at - 1]!)!.wt]!.priority < pr) at--;
    d.inbox.splice(at, 0, T.id);
  }
  T.qEnter = s.t;
  d.arrivals++;
  setCause(w, T, T.override >= 0 ? T.override : queueCause(d, di));
  updateStatus(w, d, di);
  if (T.abandonDue) {
    abandon(w, T);
    return;
  }
  startJobs(w, d, di);
}

/** Queue a notes or clarify job for T at d (served before the inbox). */
export function addPending(w: World, T: Ticket, d: Dept, di: number, kind: number): void {
  setPhase(w.s, T, 'queued');
  T.di = di;
  T.dept = d.id;
  T.inPending = true;
  d.pending.push(T.id);
  d.pendKind.push(kind);
  setCause(w, T, T.override >= 0 ? T.override : cNotes(di));
  if (T.abandonDue) {
    abandon(w, T);
    return;
  }
  startJobs(w, d, di);
}

export function toOutbox(w: World, T: Ticket, d: Dept, di: number): void {
  const s = w.s;
  setPhase(s, T, 'outbox');
  T.di = di;
  T.dept = d.id;
  T.override = -1;
  T.bKind = B_NONE;
  if (w.rec) w.out.push({ type: 'ready', t: s.t, ticket: T.id, dept: d.id });
  if (!T.abandonDue && w.st.wts[T.wt]!.auto) {
    // auto-routed work never sits in the outbox
    const to = pickTarget(w, T.sk[T.step]!, di);
    if (to >= 0) {
      route(w, T, di, to, d.care, true);
      return;
    }
  }
  d.outbox.push(T.id);
  setCause(w, T, cOutbox(di));
  s.attention++;
  if (T.abandonDue) abandon(w, T);
}

export function depart(w: World, T: Ticket, to: number, mode: number): void {
  const s = w.s;
  const st = w.st;
  const dur = st.level.handoffs.transferSeconds;
  setPhase(s, T, 'transit');
  T.tMode = mode;
  const toId = st.deptIds[to]!;
  T.transit = { from: T.dept, to: toId, departAt: s.t, arriveAt: s.t + dur };
  T.sendingTo = null;
  T.di = to;
  T.dept = toId;
  setCause(w, T, T.override >= 0 ? T.override : cTransit(st.D));
  if (dur > 0) schedule(s, s.t + dur, E_TRANSIT, T.id, 0);
  else transitArrive(w, T);
}

export function transitArrive(w: World, T: Ticket): void {
  T.transit = null;
  const di = T.di;
  const d = w.s.depts[di]!;
  if (w.rec) w.out.push({ type: 'transferArrive', t: w.s.t, ticket: T.id, dept: d.id });
  if (T.tMode === TM_INBOX) enqueue(w, T, d, di, false);
  else if (T.tMode === TM_OUTBOX) toOutbox(w, T, d, di);
  else if (T.tMode === TM_CLARIFY) addPending(w, T, d, di, J_CLARIFY);
}

/** A job of T ended at its department. */
export function jobEnd(w: World, T: Ticket, kind: number): void {
  const s = w.s;
  const di = T.di;
  const d = s.depts[di]!;
  T.job = null;
  switch (kind) {
    case J_WORK: {
      d.completed++;
      T.step++;
      if (T.step >= T.sk.length) {
        finish(w, T, true);
      } else if (w.st.has[di * w.st.S + T.sk[T.step]!]) {
        enqueue(w, T, d, di, true);
      } else {
        toOutbox(w, T, d, di);
      }
      freePerson(w, d, di);
      return;
    }
    case J_REWORK:
      startWork(w, T, d, di, false);
      return;
    case J_NOTES:
      depart(w, T, T.hTo, TM_INBOX);
      freePerson(w, d, di);
      return;
    case J_CLARIFY:
      toOutbox(w, T, d, di);
      freePerson(w, d, di);
      return;
    case J_TRIAGE:
      triageDone(w, T, d, di);
      freePerson(w, d, di);
      return;
  }
}
