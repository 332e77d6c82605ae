/**
 * The event loop: start-up, processing one event (each kind handed to its flow through the dispatcher),
 * advancing the clock, sampling and the end.
 */
import { onAbandon, onMood, onPatience, resetArrivals, scheduleMood, scheduleNextArrival, scheduleScript, scheduleTimers, pickWorkType } from './customers';
import { touch } from './desks';
import {
  arrive, endLevelEvent, jobEnd, onHire, onRequestDone, onRequestOpen, onScript, startLevelEvent, transitArrive,
} from './dispatch';
import {
  E_ABANDON, E_ARRIVAL, E_EVEND, E_EVSTART, E_HIRE, E_JOB, E_MOOD, E_NEGLECT, E_PATIENCE, E_RATE, E_REQDUE,
  E_REQJOB, E_REQOPEN, E_SCRIPT, E_TRANSIT, KIND_BITS, KIND_MASK, schedule,
} from './events';
import { heapPop, heapSettle, heapTakeTop, type HeapData } from './heap';
import { onNeglectStep, onRequestDue } from './requests';
import type { State, Ticket, World } from './state';
import { indexGet } from './ticketIndex';

/** Schedule everything known at t = 0. */
export function initWorld(w: World): void {
  const s = w.s;
  const st = w.st;
  const sched = st.schedule;
  s.rate = st.level.arrivals.ratePerMinute;
  sched.forEach((x, i) => {
    if (x.from <= 0) s.rate = x.rate;
    else schedule(s, x.from, E_RATE, i, 0);
  });
  scheduleScript(w);
  st.events.forEach((e, i) => {
    if (e.scheduled) schedule(s, e.at, E_EVSTART, i, 0);
  });
  st.level.internalRequests.forEach((r, i) => schedule(s, r.at, E_REQOPEN, i, 0));
  scheduleNextArrival(w);
}

/** The heap whose top event comes next (s.heap or s.timers: by time, then by the order scheduled), or null when none is left. */
export function nextQueue(s: State): HeapData | null {
  const h = s.heap;
  const m = s.timers;
  if (m.n === 0) return h.n > 0 ? h : null;
  if (h.n === 0) return m;
  const ht = h.t[0]!;
  const mt = m.t[0]!;
  return mt < ht || (mt === ht && m.q[0]! < h.q[0]!) ? m : h;
}

/**
 * Process the top event of h, the heap nextQueue chose (the caller checked it is due and within the
 * level). A stale timer (its customer gone) is dropped unseen: false then. An event of s.heap leaves it
 * as the first event it schedules there takes its place (most schedule one: a job ends, the next begins).
 */
export function processNext(w: World, h: HeapData): boolean {
  const s = w.s;
  const et = h.t[0]!;
  const code = h.c[0]!;
  const b = h.b[0]!;
  const kind = code & KIND_MASK;
  const a = code >>> KIND_BITS;
  let T: Ticket | undefined;
  if (h === s.heap) heapTakeTop(h);
  else {
    heapPop(h);
    // s.timers: a customer's own timer
    T = indexGet(w.ix, a);
    if (!T) {
      if (kind !== E_MOOD && s.stale > 0) s.stale--;
      return false;
    }
  }
  if (w.sampleEvery > 0 && s.nextSample <= et) takeSamples(w, et);
  s.t = et;
  s.processed++;
  runEvent(w, kind, a, b, T);
  heapSettle(s.heap);
  return true;
}

/** The event's flow: `a` its subject, `b` its payload, T the ticket of a customer's own timer. */
function runEvent(w: World, kind: number, a: number, b: number, T: Ticket | undefined): void {
  const s = w.s;
  switch (kind) {
    case E_ARRIVAL:
      if (b === s.arrTok) {
        arrive(w, pickWorkType(w), null);
        scheduleNextArrival(w);
      }
      return;
    case E_JOB: {
      const J = indexGet(w.ix, a);
      if (J) jobEnd(w, J, b);
      return;
    }
    case E_TRANSIT: {
      const J = indexGet(w.ix, a);
      if (J) transitArrive(w, J);
      return;
    }
    case E_ABANDON:
      onAbandon(w, T!);
      return;
    case E_PATIENCE:
      onPatience(w, T!);
      return;
    case E_MOOD:
      onMood(w, T!, b);
      return;
    case E_SCRIPT:
      onScript(w, a);
      return;
    case E_REQJOB:
      onRequestDone(w, a, b);
      return;
    case E_RATE: {
      const r = w.st.schedule[a]!.rate;
      if (r !== s.rate) {
        s.rate = r;
        resetArrivals(w);
      }
      return;
    }
    case E_EVSTART:
      startLevelEvent(w, a);
      return;
    case E_EVEND:
      endLevelEvent(w, a);
      return;
    case E_REQOPEN:
      onRequestOpen(w, a);
      return;
    case E_REQDUE:
      onRequestDue(w, a);
      return;
    case E_NEGLECT:
      onNeglectStep(w, a);
      return;
    case E_HIRE:
      onHire(w, a);
      return;
  }
}

/** Timeline samples at every multiple of sampleEvery up to and including `upto` (and the end). */
export function takeSamples(w: World, upto: number): void {
  const s = w.s;
  const every = w.sampleEvery;
  if (every <= 0) return;
  while (s.nextSample <= upto && s.nextSample <= s.end) {
    const queues: Record<string, number> = {};
    const trays: Record<string, number> = {};
    for (const d of s.depts) {
      queues[d.id] = d.inbox.length;
      trays[d.id] = d.outbox.length + d.pending.length;
    }
    const a = s.agg;
    s.timeline.push({
      t: s.nextSample,
      queues,
      trays,
      waiting: s.counts.inSystem - s.serving,
      resolved: s.counts.resolved,
      abandoned: s.counts.abandoned,
      meanSatisfaction: a.finished > 0 ? a.satSum / a.finished : 1,
    });
    s.nextSample = s.timeline.length * every;
  }
}

function finishLevel(w: World): void {
  const s = w.s;
  if (w.sampleEvery > 0) takeSamples(w, s.end);
  s.t = s.end;
  for (const d of s.depts) touch(s, d);
  s.over = true;
  if (w.rec) w.out.push({ type: 'end', t: s.t });
}

/** Process every event with time <= t (clamped to the level end), then set the clock to t. */
export function advanceTo(w: World, t: number): void {
  const s = w.s;
  if (s.over || !(t >= s.t)) return;
  const T = t < s.end ? t : s.end;
  for (;;) {
    const h = nextQueue(s);
    if (h === null || h.t[0]! > T || s.over) break;
    processNext(w, h);
  }
  passTicks(w, T);
  if (s.over) return;
  if (T >= s.end) {
    finishLevel(w);
    return;
  }
  if (w.sampleEvery > 0) takeSamples(w, T);
  s.t = T;
}

/**
 * One event; false once the level is over. A stale timer dropped unseen is no step: on to the next
 * event (with ticks, the headless players' world, it is one: the clock moves to it and nothing happens).
 */
export function stepOnce(w: World): boolean {
  const s = w.s;
  if (s.over) return false;
  const k = w.ticks;
  for (;;) {
    const h = nextQueue(s);
    const due = h !== null && h.t[0]! <= s.end;
    if (k && k.n > 0 && k.t[0]! <= s.end && (h === null || !due || k.t[0]! < h.t[0]! || (k.t[0] === h.t[0] && k.q[0]! < h.q[0]!))) {
      const t = k.t[0]!;
      heapPop(k);
      tick(w, t);
      return true;
    }
    if (h === null || !due) break;
    const et = h.t[0]!;
    if (processNext(w, h)) return true;
    if (k) {
      tick(w, et);
      return true;
    }
  }
  finishLevel(w);
  return false;
}

/** The clock moves to a stale timer's moment (headless players only). */
function tick(w: World, t: number): void {
  if (w.sampleEvery > 0 && w.s.nextSample <= t) takeSamples(w, t);
  w.s.t = t;
}

/** Stale timers' moments up to t passed with the clock (headless players only). */
function passTicks(w: World, t: number): void {
  const k = w.ticks;
  if (k) while (k.n > 0 && k.t[0]! <= t) heapPop(k);
}

/**
 * One event due by `t` (and within the level); false when there is none. Replay catches up with a
 * logged command this way: a log written while stale timers still counted as events asks for more
 * events than there now are, and must not run past the command's time.
 */
export function stepUpTo(w: World, t: number): boolean {
  const s = w.s;
  if (s.over) return false;
  const T = t < s.end ? t : s.end;
  for (;;) {
    const h = nextQueue(s);
    if (h === null || h.t[0]! > T) return false;
    if (processNext(w, h)) return true;
  }
}

/** Set the clock forward without processing events (replay of a command applied between events). */
export function setClock(w: World, t: number): void {
  const s = w.s;
  if (t > s.t && t <= s.end) {
    if (w.sampleEvery > 0) takeSamples(w, t);
    s.t = t;
    passTicks(w, t);
  }
}

/** Facilitator extension: move the end, and arm timers that now fall inside the level. */
export function extendLevel(w: World, seconds: number): void {
  const s = w.s;
  s.end += seconds;
  for (const T of s.tickets.values()) {
    scheduleTimers(w, T);
    if (s.t >= T.patienceAt) {
      T.moodTok++;
      scheduleMood(w, T, -1);
    }
  }
}
