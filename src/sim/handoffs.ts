/**
 * Handoffs: routing (notes, transit), what the receiver finds when it picks the ticket up (misroute,
 * bounce for clarification, rework), and the ripples they cause.
 */
import { cClarify, cMisroute, cRework, cService } from './compile';
import { sample } from './distributions';
import { penalize } from './customers';
import { beginJob, startWork } from './jobs';
import { rand, STREAM_HANDOFF } from './rng';
import type { Care } from './types';
import {
  B_CLARIFY,
  B_MISROUTE,
  B_NOSKILL,
  J_REWORK,
  J_TRIAGE,
  TM_CLARIFY,
  TM_OUTBOX,
  type Dept,
  type Ticket,
  type World,
} from './state';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * T leaves the outbox of `from` for `to`: the handoff's chances and records. True when the sender now
 * writes notes (T.sendingTo set); else T goes straight into transit. The dispatcher does either.
 */
export function handOff(w: World, T: Ticket, from: number, to: number, care: Care, auto: boolean): boolean {
  const s = w.s;
  const st = w.st;
  const H = st.level.handoffs;
  const d = s.depts[from]!;
  const i = d.outbox.indexOf(T.id);
  if (i >= 0) d.outbox.splice(i, 1);
  const quick = care === 'quick';
  T.handoffs++;
  s.agg.hoTotal++;
  if (quick) s.agg.hoQuick++;
  else s.agg.hoThorough++;
  T.hFrom = from;
  T.hTo = to;
  T.hOpen = true;
  T.hAt = s.t;
  T.hThorough = !quick;
  T.hMis = !st.has[to * st.S + T.sk[T.step]!];
  const risk = st.wts[T.wt]!.risk * d.qualityFactor;
  T.pBounce = clamp01((quick ? H.quickBounceChance : H.thoroughBounceChance) * risk);
  T.pRework = clamp01((quick ? H.quickReworkChance : H.thoroughReworkChance) * risk);
  if (T.hMis) T.override = cMisroute(st.D, from, to);
  if (w.rec)
    w.out.push({ type: 'handoff', t: s.t, ticket: T.id, from: d.id, to: st.deptIds[to]!, care, auto });
  const notes = quick ? H.quickNoteSeconds : H.thoroughNoteSeconds;
  if (notes <= 0) return false;
  T.sendingTo = st.deptIds[to]!;
  return true;
}

/** Best department for a skill: shortest inbox per person, first in level order on ties; -1 if none. */
export function pickTarget(w: World, skill: number, exclude: number): number {
  const list = w.st.bySkill[skill];
  if (!list) return -1;
  let best = -1;
  let bestLoad = 0;
  for (let k = 0; k < list.length; k++) {
    const di = list[k]!;
    if (di === exclude) continue;
    const d = w.s.depts[di]!;
    const load = (d.inbox.length + 1) / (d.staff > 0 ? d.staff : 1e-6);
    if (best < 0 || load < bestLoad) {
      best = di;
      bestLoad = load;
    }
  }
  return best;
}

function ripple(
  w: World,
  T: Ticket,
  cause: number,
  kind: 'rework' | 'clarify' | 'misroute',
  at: number,
  seconds: number,
): void {
  const s = w.s;
  let c = cause;
  s.ripH[c] = s.ripH[c]! + 1;
  if (T.rippleKeys === null) T.rippleKeys = [c];
  else if (!T.rippleKeys.includes(c)) T.rippleKeys.push(c);
  else c = -1;
  if (c >= 0) {
    s.ripC[c] = s.ripC[c]! + 1;
  }
  if (w.rec) {
    const ids = w.st.deptIds;
    w.out.push({
      type: 'ripple',
      t: s.t,
      ticket: T.id,
      customer: T.customer,
      kind,
      source: ids[T.hFrom]!,
      at: ids[at]!,
      seconds,
    });
  }
}

/** A person at d takes T from the inbox. */
export function pickup(w: World, T: Ticket, d: Dept, di: number): void {
  const s = w.s;
  const st = w.st;
  const H = st.level.handoffs;
  d.waitSum += s.t - T.qEnter;
  d.waitN++;
  if (T.hOpen) {
    T.hOpen = false;
    if (T.hMis) {
      T.bKind = B_MISROUTE;
      beginJob(w, T, d, di, J_TRIAGE, H.misrouteTriageSeconds * d.speedFactor, T.override, true);
      return;
    }
    if (T.pBounce > 0 && rand(s.rng, STREAM_HANDOFF) < T.pBounce) {
      T.bKind = B_CLARIFY;
      T.override = cClarify(st.D, T.hFrom, di);
      s.agg.hoBounced++;
      const sender = s.depts[T.hFrom]!;
      const est =
        H.misrouteTriageSeconds * d.speedFactor + H.transferSeconds + H.clarifySeconds * sender.speedFactor;
      ripple(w, T, T.override, 'clarify', di, est);
      beginJob(w, T, d, di, J_TRIAGE, H.misrouteTriageSeconds * d.speedFactor, T.override, true);
      return;
    }
    if (T.pRework > 0 && rand(s.rng, STREAM_HANDOFF) < T.pRework) {
      s.agg.hoRework++;
      T.reasks++;
      const c = cRework(st.D, T.hFrom, di);
      const dur = sample(st.reworkTime, s.rng, STREAM_HANDOFF) * d.speedFactor;
      ripple(w, T, c, 'rework', di, dur);
      penalize(w, T, st.level.customers.reaskPenalty);
      beginJob(w, T, d, di, J_REWORK, dur, c, true);
      return;
    }
  }
  if (!st.has[di * st.S + T.sk[T.step]!]) {
    // Arrived at a place that cannot do the step without a handoff (an entry without the first skill):
    // a short look, then it waits in the outbox for routing.
    T.bKind = B_NOSKILL;
    beginJob(w, T, d, di, J_TRIAGE, H.misrouteTriageSeconds * d.speedFactor, cService(di), true);
    return;
  }
  startWork(w, T, d, di, true);
}

/**
 * Triage at the receiver di ended. Returns -1 when the ticket goes on to the outbox there, else the
 * transit mode back to the sender (misroute: to its outbox; clarify: to a clarify job), bounce recorded.
 */
export function triageOutcome(w: World, T: Ticket, di: number): number {
  const s = w.s;
  const st = w.st;
  const kind = T.bKind;
  if (kind === B_NOSKILL) return -1;
  const misroute = kind === B_MISROUTE;
  T.bounces++;
  if (misroute) {
    s.agg.hoMisrouted++;
    const c = cMisroute(st.D, T.hFrom, di);
    ripple(w, T, c, 'misroute', di, s.t - T.hAt + st.level.handoffs.transferSeconds);
  }
  if (w.rec) {
    w.out.push({
      type: 'bounce',
      t: s.t,
      ticket: T.id,
      from: st.deptIds[di]!,
      to: st.deptIds[T.hFrom]!,
      reason: misroute ? 'misroute' : 'clarify',
    });
  }
  penalize(w, T, st.level.customers.bouncePenalty);
  return misroute ? TM_OUTBOX : TM_CLARIFY;
}
