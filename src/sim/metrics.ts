/**
 * Metrics from running sums (finished customers are not kept) plus the customers still in the system.
 * Reading metrics never changes the state (integrals are extended to now on the fly).
 */
import { isRipple } from './causes';
import { satisfactionAt } from './customers';
import { histQuantile } from './histogram';
import type { DepartmentMetrics, Metrics, RippleSummary } from './types';
import type { WeightedCustomers } from './scoring';
import type { World } from './state';

/** Seconds by cause index, including the open segments of customers still in the system. */
export function attributionNow(w: World): number[] {
  const s = w.s;
  const out = s.attrib.slice();
  for (const T of s.tickets.values()) out[T.cause] = out[T.cause]! + (s.t - T.segStart);
  return out;
}

/** Sum of current satisfaction of customers still in the system. */
export function inSystemSatisfaction(w: World): number {
  let sum = 0;
  for (const T of w.s.tickets.values()) sum += satisfactionAt(w, T, w.s.t);
  return sum;
}

/** Customers counted by their work type's scoreWeight (null when every weight is 1). */
export function weightedCustomers(w: World): WeightedCustomers | null {
  if (!w.st.anyScoreWeight) return null;
  const a = w.s.agg;
  let inSystemSat = 0;
  for (const T of w.s.tickets.values()) inSystemSat += satisfactionAt(w, T, w.s.t) * w.st.wts[T.wt]!.scoreWeight;
  return { arrived: a.wArrived ?? 0, resolved: a.wResolved ?? 0, finishedSat: a.wSatSum ?? 0, inSystemSat };
}

export function computeMetrics(w: World): Metrics {
  const s = w.s;
  const st = w.st;
  const t = s.t;
  const a = s.agg;
  const c = s.counts;
  const attrib = attributionNow(w);
  const departments: Record<string, DepartmentMetrics> = {};
  let staffSecondsBusy = 0;
  for (const d of s.depts) {
    const dt = t - d.lastT;
    const busyInt = d.busyInt + dt * d.busy;
    const present = d.staff - d.away;
    const presentInt = d.presentInt + dt * (present > d.busy ? present : d.busy);
    const qInt = d.qInt + dt * d.inbox.length;
    staffSecondsBusy += busyInt;
    departments[d.id] = {
      arrivals: d.arrivals,
      completed: d.completed,
      meanQueueWait: d.waitN > 0 ? d.waitSum / d.waitN : 0,
      meanQueueLength: t > 0 ? qInt / t : 0,
      utilization: presentInt > 0 ? busyInt / presentInt : 0,
    };
  }
  const attribution: Record<string, number> = {};
  attrib.forEach((v, i) => {
    if (v > 0) attribution[st.causes[i]!] = v;
  });
  const ripples: RippleSummary[] = [];
  s.ripH.forEach((n, i) => {
    if (n <= 0) return;
    const c = st.causeOf[i]!;
    if (!isRipple(c)) return;
    ripples.push({
      kind: c.kind,
      source: c.from,
      at: c.to,
      handoffs: n,
      customers: s.ripC[i]!,
      seconds: attrib[i]!,
    });
  });
  ripples.sort((x, y) => y.seconds - x.seconds || x.source.localeCompare(y.source) || x.at.localeCompare(y.at));
  let open = 0;
  for (const r of s.reqs) if (r.openedAt !== null && r.doneAt === null) open++;
  return {
    simulatedSeconds: t,
    events: s.processed,
    customers: {
      arrived: c.arrived,
      resolved: c.resolved,
      abandoned: c.abandoned,
      inSystem: c.inSystem,
      meanWait: a.finished > 0 ? a.waitSum / a.finished : 0,
      meanResolutionTime: c.resolved > 0 ? a.resTimeSum / c.resolved : 0,
      p95ResolutionTime: histQuantile(s.hist, 0.95),
      meanSatisfaction: c.arrived > 0 ? (a.satSum + inSystemSatisfaction(w)) / c.arrived : 0,
      firstContactResolution: c.resolved > 0 ? a.fcr / c.resolved : 0,
      meanEffort: a.finished > 0 ? a.effortSum / a.finished : 0,
    },
    departments,
    attribution,
    ripples,
    handoffs: {
      total: a.hoTotal,
      quick: a.hoQuick,
      thorough: a.hoThorough,
      withRework: a.hoRework,
      bounced: a.hoBounced,
      misrouted: a.hoMisrouted,
    },
    requests: { total: a.reqOpened, onTime: a.reqOnTime, late: a.reqLate, open },
    staffSecondsBusy,
  };
}
