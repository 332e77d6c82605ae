/**
 * Customers: arrivals, patience, mood, escalation, abandoning, and the end of a customer's journey.
 * Random arrivals stop at arrivals.stopAt (default 85% of the duration); scripted ones come at their
 * time regardless. A rate change (schedule, surge) redraws the next gap from that moment, which is
 * exact for Poisson arrivals.
 */
import { closeSeg, queueCause, toSegments } from './attribution';
import { sample, sampleGap } from './distributions';
import { E_ABANDON, E_ARRIVAL, E_MOOD, E_PATIENCE, E_SCRIPT, schedule, scheduleTimer, timersLeft } from './events';
import { touch, updateStatus } from './desks';
import { histAdd } from './histogram';
import { nameLeft, newNameBook, recLeft, takeName, type NameBook, type NameRec } from './nameBook';
import { rand, STREAM_ARRIVALS } from './rng';
import { B_NONE, TM_INBOX, type Ticket, type World } from './state';
import type { WorkTypeInfo } from './compile';
import { indexAdd, indexAux, indexDelete } from './ticketIndex';

/** Current arrival rate per minute: schedule rate times active surges. */
export function arrivalRate(w: World): number {
  const s = w.s;
  let r = s.rate;
  for (let i = 0; i < s.surges.length; i++) r *= w.st.events[s.surges[i]!]!.factor;
  return r;
}

export function scheduleNextArrival(w: World): void {
  const s = w.s;
  const st = w.st;
  const rate = arrivalRate(w);
  if (rate <= 0 || s.t >= st.stopAt) return;
  const at = s.t + sampleGap(st.level.arrivals.spread, 60 / rate, s.rng, STREAM_ARRIVALS);
  if (at <= st.stopAt) schedule(s, at, E_ARRIVAL, 0, s.arrTok);
}

/** The rate changed: forget the pending arrival and draw the next gap from now (exact for Poisson). */
export function resetArrivals(w: World): void {
  w.s.arrTok++;
  scheduleNextArrival(w);
}

export function pickWorkType(w: World): number {
  const st = w.st;
  let cum = st.wtCum;
  let total = st.wtTotal;
  for (const m of st.mixes) {
    if (m.from > w.s.t) break;
    cum = m.cum;
    total = m.total;
  }
  const n = cum.length;
  if (n <= 1 || total <= 0) return 0;
  const u = rand(w.s.rng, STREAM_ARRIVALS) * total;
  for (let i = 0; i < n; i++) if (u < cum[i]!) return i;
  return n - 1;
}

/** The journey this customer will live through: branches are drawn once, on arrival. */
function drawJourney(w: World, wt: WorkTypeInfo): { skills: string[]; sk: number[] } {
  if (wt.branches.length === 0) return wt; // its own skills and sk, shared as before (never changed in place)
  const skills: string[] = [];
  const sk: number[] = [];
  let b = 0;
  for (let i = 0; i < wt.sk.length; i++) {
    skills.push(wt.skills[i]!);
    sk.push(wt.sk[i]!);
    const br = wt.branches[b];
    if (!br || br.after !== i) continue;
    b++;
    const u = rand(w.s.rng, STREAM_ARRIVALS);
    const k = br.cum.findIndex((c) => u < c);
    const taken = k >= 0 ? br.steps[k]! : null;
    if (!taken) continue;
    for (let j = 0; j < taken.sk.length; j++) {
      skills.push(taken.skills[j]!);
      sk.push(taken.sk[j]!);
    }
    if (taken.end) break;
  }
  return { skills, sk };
}

export function scheduleScript(w: World): void {
  const s = w.s;
  const pos = s.scriptPos;
  const idx = w.st.scriptOrder[pos];
  if (idx === undefined) return;
  schedule(s, w.st.level.arrivals.scripted[idx]!.at, E_SCRIPT, pos, 0);
}

/** The scripted arrival at `pos` is due: schedule the next one, and say who comes now. */
export function scriptedArrival(w: World, pos: number): { wtIdx: number; name: string | null } {
  const st = w.st;
  const sc = st.level.arrivals.scripted[st.scriptOrder[pos]!]!;
  w.s.scriptPos = pos + 1;
  scheduleScript(w);
  return { wtIdx: st.wtIndex.get(sc.workType) ?? 0, name: sc.name ?? null };
}

/** The names in the company (built once from the tickets, then kept up to date). */
function nameBook(w: World): NameBook {
  if (!w.names) w.names = newNameBook(w.st.names, Array.from(w.s.tickets.values(), (T) => T.customer));
  return w.names;
}

/** A new customer's ticket, at the entry desk (the dispatcher puts it in line). */
export function newTicket(w: World, wtIdx: number, name: string | null): Ticket {
  const s = w.s;
  const st = w.st;
  const t = s.t;
  const id = s.nextId++;
  const wt = st.wts[wtIdx]!;
  const patience = sample(wt.patience ?? st.patience, s.rng, STREAM_ARRIVALS);
  const willEscalate = wt.escalateChance > 0 && rand(s.rng, STREAM_ARRIVALS) < wt.escalateChance;
  const book = nameBook(w);
  const nameRec = takeName(book, st.names, s.nameIdx, name);
  const customer = nameRec.name;
  s.nameIdx = book.next;
  const path = drawJourney(w, wt);
  const entry = st.entry;
  const d = s.depts[entry]!;
  const T: Ticket = {
    id,
    customer,
    workType: wt.id,
    arrivedAt: t,
    step: 0,
    journey: path.skills,
    phase: 'queued',
    dept: d.id,
    transit: null,
    sendingTo: null,
    job: null,
    satisfaction: 1,
    patienceAt: t + patience,
    handoffs: 0,
    bounces: 0,
    reasks: 0,
    escalated: false,
    abandonAt: t + patience * wt.abandonAfter,
    wt: wtIdx,
    di: entry,
    sk: path.sk,
    patience,
    willEscalate,
    penalty: 0,
    moodTok: 0,
    cause: queueCause(d, entry),
    segStart: t,
    segs: [],
    override: -1,
    qSeq: 0,
    qEnter: t,
    inPending: false,
    hFrom: -1,
    hTo: -1,
    hOpen: false,
    hMis: false,
    hThorough: false,
    hAt: 0,
    pBounce: 0,
    pRework: 0,
    bKind: B_NONE,
    tMode: TM_INBOX,
    jobKind: 0,
    abandonDue: false,
    waited: 0,
    rippleKeys: null,
    timers: 0,
  };
  s.tickets.set(id, T);
  indexAdd(w.ix, T, nameRec);
  s.counts.arrived++;
  if (st.anyScoreWeight) s.agg.wArrived = (s.agg.wArrived ?? 0) + wt.scoreWeight;
  s.counts.inSystem++;
  if (w.rec) w.out.push({ type: 'arrive', t, ticket: id, customer, workType: wt.id, dept: d.id });
  scheduleTimers(w, T);
  return T;
}

/**
 * Patience and abandon timers, only when they fall inside the level (re-run after `extend`). The abandon
 * timer is armed when patience runs out (abandonAt >= patienceAt), so customers served in time leave
 * one stale timer behind, not two. Bits: 1 patience armed, 4 patience passed, 2 abandon armed.
 */
export function scheduleTimers(w: World, T: Ticket): void {
  const s = w.s;
  if (!(T.timers & 4)) {
    if (!(T.timers & 1) && T.patienceAt <= s.end) {
      T.timers |= 1;
      scheduleTimer(s, Math.max(T.patienceAt, s.t), E_PATIENCE, T.id, 0);
    }
    return;
  }
  if (!(T.timers & 2) && T.abandonAt <= s.end) {
    T.timers |= 2;
    scheduleTimer(s, Math.max(T.abandonAt, s.t), E_ABANDON, T.id, 0);
  }
}

export function satisfactionAt(w: World, T: Ticket, t: number): number {
  const late = t - T.patienceAt;
  const v = 1 - T.penalty - (late > 0 ? (late * w.st.level.customers.dropPerMinuteLate) / 60 : 0);
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Schedule the next mood threshold (0.75, 0.5, 0.25, 0) crossing while satisfaction falls. */
export function scheduleMood(w: World, T: Ticket, k0: number): void {
  const s = w.s;
  const drop = w.st.level.customers.dropPerMinuteLate;
  if (drop <= 0 || s.t < T.patienceAt) return;
  let k = k0;
  if (k < 0) {
    const cur = satisfactionAt(w, T, s.t);
    if (cur <= 0) return;
    k = Math.ceil(cur * 4) - 1;
  }
  const when = Math.max(s.t, T.patienceAt + ((1 - T.penalty - k / 4) * 60) / drop);
  if (when <= s.end) scheduleTimer(s, when, E_MOOD, T.id, T.moodTok * 4 + k);
}

export function onMood(w: World, T: Ticket, b: number): void {
  const k = b & 3;
  if (b >> 2 !== T.moodTok) return;
  T.satisfaction = satisfactionAt(w, T, w.s.t);
  if (w.rec) w.out.push({ type: 'mood', t: w.s.t, ticket: T.id, satisfaction: T.satisfaction });
  if (k > 0) scheduleMood(w, T, k - 1);
}

export function penalize(w: World, T: Ticket, p: number): void {
  if (p <= 0) return;
  T.penalty += p;
  T.moodTok++;
  T.satisfaction = satisfactionAt(w, T, w.s.t);
  if (w.rec) w.out.push({ type: 'mood', t: w.s.t, ticket: T.id, satisfaction: T.satisfaction });
  scheduleMood(w, T, -1);
}

export function onPatience(w: World, T: Ticket): void {
  T.timers = (T.timers & ~1) | 4;
  scheduleTimers(w, T);
  if (T.willEscalate && !T.escalated) {
    const st = w.st;
    const pos = T.phase === 'outbox' ? T.step : T.step + 1;
    T.journey = T.journey.slice();
    T.journey.splice(pos, 0, st.level.customers.escalateSkill);
    T.sk = T.sk.slice();
    T.sk.splice(pos, 0, st.escSkill);
    T.escalated = true;
    if (w.rec) w.out.push({ type: 'escalated', t: w.s.t, ticket: T.id, customer: T.customer });
  }
  T.satisfaction = satisfactionAt(w, T, w.s.t);
  scheduleMood(w, T, -1);
}

export function onAbandon(w: World, T: Ticket): void {
  T.timers &= ~2;
  if (T.phase === 'service' || T.phase === 'transit') T.abandonDue = true;
  else abandon(w, T);
}

/** The customer gives up: take the ticket out of wherever it waits. */
export function abandon(w: World, T: Ticket): void {
  const s = w.s;
  const d = s.depts[T.di]!;
  if (T.phase === 'outbox') {
    const i = d.outbox.indexOf(T.id);
    if (i >= 0) d.outbox.splice(i, 1);
  } else if (T.phase === 'queued') {
    if (T.inPending) {
      const i = d.pending.indexOf(T.id);
      if (i >= 0) {
        d.pending.splice(i, 1);
        d.pendKind.splice(i, 1);
      }
    } else {
      const i = d.inbox.indexOf(T.id);
      if (i >= 0) {
        touch(s, d);
        d.inbox.splice(i, 1);
        updateStatus(w, d, T.di);
      }
    }
  }
  finish(w, T, false);
}

/** The customer leaves the system, resolved or not. */
export function finish(w: World, T: Ticket, resolved: boolean): void {
  const s = w.s;
  const t = s.t;
  closeSeg(w, T, t);
  if (T.phase === 'service') s.serving--;
  const total = t - T.arrivedAt;
  const sat = resolved ? satisfactionAt(w, T, t) : 0;
  T.satisfaction = sat;
  const a = s.agg;
  a.finished++;
  a.satSum += sat;
  a.waitSum += T.waited;
  a.effortSum += T.bounces + T.reasks;
  if (w.st.anyScoreWeight) {
    const sw = w.st.wts[T.wt]!.scoreWeight;
    a.wSatSum = (a.wSatSum ?? 0) + sat * sw;
    if (resolved) a.wResolved = (a.wResolved ?? 0) + sw;
  }
  if (resolved) {
    s.counts.resolved++;
    a.resTimeSum += total;
    histAdd(s.hist, total);
    if (T.bounces === 0 && T.reasks === 0) a.fcr++;
  } else {
    s.counts.abandoned++;
  }
  s.counts.inSystem--;
  s.tickets.delete(T.id);
  // The name book is built at the first arrival; absent (a restored sim), it is built from the tickets left.
  // A ticket carried into a restored sim has no record beside it: its name is looked up.
  if (w.names) {
    const rec = indexAux(w.ix, T.id) as NameRec | undefined;
    if (rec) recLeft(w.names, rec);
    else nameLeft(w.names, T.customer);
  }
  indexDelete(w.ix, T.id);
  if (T.timers & 3) timersLeft(w, (T.timers & 1) + ((T.timers >> 1) & 1));
  if (w.rec) {
    w.out.push({
      type: resolved ? 'resolved' : 'abandoned',
      t,
      ticket: T.id,
      customer: T.customer,
      workType: T.workType,
      totalSeconds: total,
      satisfaction: sat,
      segments: toSegments(w, T, t),
    });
  }
}
