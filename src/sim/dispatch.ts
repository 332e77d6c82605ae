/**
 * The dispatcher: what happens next to a ticket, a person or a request. It is the one module that
 * knows every flow (customers, handoffs, jobs, requests, level events) and chains their steps: a flow
 * does its own step and hands back, it never calls another flow's next step. Imports go one way:
 * engine and commands -> dispatch -> flows -> desk bookkeeping.
 */
import { queueCause, setCause } from './attribution';
import { cNotes, cOutbox, cTransit } from './compile';
import { abandon, finish, newTicket, scriptedArrival } from './customers';
import { freePeople, refreshAway, releasePerson, setPhase, touch, updateStatus } from './desks';
import { E_TRANSIT, schedule } from './events';
import { handOff, pickTarget, pickup, triageOutcome } from './handoffs';
import { beginJob, startWork } from './jobs';
import { beginLevelEvent, finishLevelEvent, recordLevelEvent } from './levelEvents';
import { hire, openRequest, queueRequest, requestDone, startRequestJob } from './requests';
import {
  B_NONE,
  J_CLARIFY,
  J_NOTES,
  J_REWORK,
  J_TRIAGE,
  J_WORK,
  TM_CLARIFY,
  TM_INBOX,
  TM_OUTBOX,
  type Dept,
  type Ticket,
  type World,
} from './state';
import type { Care } from './types';
import { indexGet } from './ticketIndex';

/** Start as many jobs as free people allow: notes/clarify first, then inbox and requests in turn. */
export function startJobs(w: World, d: Dept, di: number): void {
  const s = w.s;
  while (freePeople(d) > 0) {
    if (d.pending.length > 0) {
      const T = indexGet(w.ix, d.pending.shift()!)!;
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
    if (nReq > 0 && (nIn === 0 || d.reqSeq[0]! < indexGet(w.ix, d.inbox[0]!)!.qSeq)) {
      startRequestJob(w, d, di);
      continue;
    }
    touch(s, d);
    const T = indexGet(w.ix, d.inbox.shift()!)!;
    updateStatus(w, d, di);
    pickup(w, T, d, di);
  }
}

/**
 * A person at di finished a job (a customer's or a request's): the next one to finish moves if a staff
 * move waits, then everyone free takes the next job.
 */
export function freePerson(w: World, di: number): void {
  const s = w.s;
  const d = s.depts[di]!;
  const to = releasePerson(w, di);
  if (to >= 0) {
    const dt = s.depts[to]!;
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
    const wts = w.st.wts;
    const pr = wts[T.wt]!.priority;
    if (pr > 0) {
      let at = d.inbox.length;
      while (at > 0 && wts[indexGet(w.ix, d.inbox[at - 1]!)!.wt]!.priority < pr) at--;
      d.inbox.splice(at, 0, T.id);
    } else d.inbox.push(T.id);
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

/** Send T (in the outbox of `from`) to department `to`: notes first when they take time. Validation is the caller's job. */
export function route(w: World, T: Ticket, from: number, to: number, care: Care, auto: boolean): void {
  if (handOff(w, T, from, to, care, auto)) addPending(w, T, w.s.depts[from]!, from, J_NOTES);
  else depart(w, T, to, TM_INBOX);
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
      freePerson(w, di);
      return;
    }
    case J_REWORK:
      startWork(w, T, d, di, false);
      return;
    case J_NOTES:
      depart(w, T, T.hTo, TM_INBOX);
      freePerson(w, di);
      return;
    case J_CLARIFY:
      toOutbox(w, T, d, di);
      freePerson(w, di);
      return;
    case J_TRIAGE: {
      const mode = triageOutcome(w, T, di);
      if (mode < 0) toOutbox(w, T, d, di);
      else depart(w, T, T.hFrom, mode);
      freePerson(w, di);
      return;
    }
  }
}

/** A new customer arrives at the entry desk. */
export function arrive(w: World, wtIdx: number, name: string | null): void {
  const T = newTicket(w, wtIdx, name);
  enqueue(w, T, w.s.depts[T.di]!, T.di, false);
}

/** The next scripted customer arrives. */
export function onScript(w: World, pos: number): void {
  const { wtIdx, name } = scriptedArrival(w, pos);
  arrive(w, wtIdx, name);
}

export function grantRequest(w: World, ri: number): void {
  const di = queueRequest(w, ri);
  startJobs(w, w.s.depts[di]!, di);
}

export function onRequestOpen(w: World, ri: number): void {
  if (openRequest(w, ri)) grantRequest(w, ri);
}

/** A request's work is done at the provider di: its effect, then the person is free like any other. */
export function onRequestDone(w: World, ri: number, di: number): void {
  requestDone(w, ri, di);
  freePerson(w, di);
}

export function onHire(w: World, ri: number): void {
  const di = hire(w, ri);
  if (di >= 0) startJobs(w, w.s.depts[di]!, di);
}

export function startLevelEvent(w: World, e: number): void {
  if (beginLevelEvent(w, e)) recordLevelEvent(w, e, 'start');
}

export function endLevelEvent(w: World, e: number): void {
  const di = finishLevelEvent(w, e);
  if (di === null) return;
  if (di >= 0) startJobs(w, w.s.depts[di]!, di);
  recordLevelEvent(w, e, 'end');
}
