/**
 * Everything the debrief charts show, derived from a finished round. Pure: no DOM, no chart library.
 */
import type { Level } from '../../level/schema';
import type { RippleSummary } from '../../sim/types';
import type { CauseKind, Names } from './causes';
import { causeLabel, causeOwner, deptNames, formatDuration, isHandoffProblem, nameOf, readCause } from './causes';
import type { CustomerJourney, RoundResult } from '../session/session';

export interface Series {
  key: string;
  label: string;
  values: number[];
}

export interface TimeSeries {
  /** Sim time of each sample, seconds. */
  t: number[];
  series: Series[];
}

/**
 * Tickets waiting at every department over time, in the level's department order: every place a
 * ticket waits counts (the line for a free person, the "Ready to send" tray, notes still to write).
 */
export function queueSeries(result: RoundResult, names: Names): TimeSeries {
  const ids = result.departments.map((d) => d.id);
  for (const s of result.timeline) for (const id of Object.keys(s.queues)) if (!ids.includes(id)) ids.push(id);
  const waiting = (s: RoundResult['timeline'][number], id: string) => (s.queues[id] ?? 0) + (s.trays?.[id] ?? 0);
  return {
    t: result.timeline.map((s) => s.t),
    series: ids.map((id) => ({ key: id, label: nameOf(names, id), values: result.timeline.map((s) => waiting(s, id)) })),
  };
}

/** The desk whose "Ready to send" tray held customers longest in total (seconds), if any did. */
export function longestTray(result: RoundResult): { dept: string; seconds: number } | null {
  let best: { dept: string; seconds: number } | null = null;
  for (const [cause, s] of Object.entries(result.metrics.attribution)) {
    const p = readCause(cause);
    if (p.kind !== 'outbox' || !p.dept || !Number.isFinite(s) || s <= 0) continue;
    if (!best || s > best.seconds) best = { dept: p.dept, seconds: s };
  }
  return best;
}

/** Customers resolved and given up (running totals) and still waiting, over time. */
export function outcomeSeries(result: RoundResult): TimeSeries {
  const tl = result.timeline;
  return {
    t: tl.map((s) => s.t),
    series: [
      { key: 'resolved', label: 'Resolved', values: tl.map((s) => s.resolved) },
      { key: 'waiting', label: 'Waiting for a person', values: tl.map((s) => s.waiting) },
      { key: 'abandoned', label: 'Gave up', values: tl.map((s) => s.abandoned) },
    ],
  };
}

// ---- ripple trace ----

export interface TraceRow {
  cause: string;
  kind: CauseKind;
  label: string;
  /** The department whose choices caused this time (the sender, for handoff problems). */
  owner: string | null;
  seconds: number;
  /** Share of all customer time, 0..1. */
  share: number;
  /** The same seconds split by how those customers' stories ended (estimated when journeys were capped). */
  byOutcome: { resolved: number; abandoned: number; waiting: number };
  /** Customers (among the kept journeys) who spent time here. */
  customers: number;
}

export interface OwnerGroup {
  dept: string;
  name: string;
  /** Delay this department's queue, outbox, notes and handoffs added (work itself left out). */
  seconds: number;
  /** Of which rework, bounces and misroutes. */
  handoffSeconds: number;
  causes: string[];
}

export interface RippleTrace {
  /** All customer time, seconds. */
  total: number;
  /** Time spent on the work itself (not a delay). */
  workSeconds: number;
  /** Every cause except the work itself, largest first. */
  rows: TraceRow[];
  /** Delays by the department that caused them, largest first. */
  byOwner: OwnerGroup[];
  /** The largest handoff ripples in one plain sentence each. */
  sentences: string[];
  /** False when only some customers' journeys were kept, so the outcome split is an estimate. */
  exact: boolean;
}

/** "4 handoffs from Tier 1 with thin notes needed rework at Billing, costing 4 customers 1 min 15 s each." */
export function rippleSentence(r: RippleSummary, names: Names): string {
  const handoffs = r.handoffs === 1 ? '1 handoff' : `${r.handoffs} handoffs`;
  const customers = r.customers === 1 ? '1 customer' : `${r.customers} customers`;
  const each = r.customers > 0 ? r.seconds / r.customers : r.seconds;
  const cost = `costing ${customers} ${formatDuration(each)}${r.customers > 1 ? ' each' : ''}`;
  const src = nameOf(names, r.source);
  const at = nameOf(names, r.at);
  switch (r.kind) {
    case 'rework':
      return `${handoffs} from ${src} with thin notes needed rework at ${at}, ${cost}.`;
    case 'clarify':
      return `${handoffs} from ${src} came back from ${at} to be clarified, ${cost}.`;
    case 'misroute':
      return `${handoffs} from ${src} went to the wrong desk (${at}), ${cost}.`;
  }
}

export function rippleTrace(result: RoundResult, names: Names, level?: Level | null): RippleTrace {
  const attribution = result.metrics.attribution;
  const exact = result.journeys.length >= result.journeysTotal;
  const split = new Map<string, { resolved: number; abandoned: number; waiting: number; customers: Set<number> }>();
  for (const j of result.journeys) {
    for (const s of j.segments) {
      const e = split.get(s.cause) ?? { resolved: 0, abandoned: 0, waiting: 0, customers: new Set<number>() };
      e[j.outcome] += s.to - s.from;
      e.customers.add(j.ticket);
      split.set(s.cause, e);
    }
  }
  let total = 0;
  let workSeconds = 0;
  const rows: TraceRow[] = [];
  for (const [cause, raw] of Object.entries(attribution)) {
    const seconds = Number.isFinite(raw) ? raw : 0;
    if (seconds <= 0) continue;
    total += seconds;
    const p = readCause(cause);
    if (p.kind === 'work') {
      workSeconds += seconds;
      continue;
    }
    const e = split.get(cause);
    const known = e ? e.resolved + e.abandoned + e.waiting : 0;
    let byOutcome = { resolved: 0, abandoned: 0, waiting: seconds };
    if (e && known > 0) {
      byOutcome = exact
        ? { resolved: e.resolved, abandoned: e.abandoned, waiting: Math.max(0, seconds - e.resolved - e.abandoned) }
        : { resolved: (seconds * e.resolved) / known, abandoned: (seconds * e.abandoned) / known, waiting: (seconds * e.waiting) / known };
    }
    rows.push({
      cause,
      kind: p.kind,
      label: causeLabel(cause, names, level),
      owner: causeOwner(p),
      seconds,
      share: 0,
      byOutcome,
      customers: e?.customers.size ?? 0,
    });
  }
  for (const r of rows) r.share = total > 0 ? r.seconds / total : 0;
  rows.sort((a, b) => b.seconds - a.seconds || a.cause.localeCompare(b.cause));

  const owners = new Map<string, OwnerGroup>();
  for (const r of rows) {
    if (!r.owner) continue;
    const g = owners.get(r.owner) ?? { dept: r.owner, name: nameOf(names, r.owner), seconds: 0, handoffSeconds: 0, causes: [] };
    g.seconds += r.seconds;
    if (isHandoffProblem(r.kind)) g.handoffSeconds += r.seconds;
    g.causes.push(r.cause);
    owners.set(r.owner, g);
  }
  const byOwner = [...owners.values()].sort((a, b) => b.seconds - a.seconds);
  const sentences = [...result.metrics.ripples]
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 5)
    .map((r) => rippleSentence(r, names));
  return { total, workSeconds, rows, byOwner, sentences, exact };
}

// ---- one customer's Engagement Cycle ----

export interface SwimBlock {
  /** Index into Swimlane.lanes. */
  lane: number;
  from: number;
  to: number;
  kind: CauseKind | 'customer';
  /** Short words drawn on the block: "waiting", "rework", ... */
  words: string;
  /** The cause in a full sentence, for the tooltip and the list under the chart. */
  detail: string;
}

export interface Swimlane {
  ticket: number;
  title: string;
  /** "Customer" first, then departments in the order the work visited them. */
  lanes: string[];
  laneIds: Array<string | null>;
  blocks: SwimBlock[];
  start: number;
  end: number;
  summary: string;
}

const OUTCOME_WORDS: Record<CustomerJourney['outcome'], string> = {
  resolved: 'resolved',
  abandoned: 'gave up',
  waiting: 'still waiting at the end',
};

const BLOCK_WORDS: Record<CauseKind, string> = {
  work: 'working',
  queue: 'waiting',
  outbox: 'waiting to be routed',
  notes: 'writing notes',
  transit: 'in transit',
  rework: 'rework',
  clarify: 'bounced',
  misroute: 'bounced',
  event: 'held up',
  other: 'other',
};

/** A handoff of one ticket: who sent it, when, and with which notes (from the sim's handoff events). */
export interface HandoffNote {
  t: number;
  from: string;
  care: 'quick' | 'thorough';
}

export function swimlane(
  j: CustomerJourney,
  names: Names,
  level?: Level | null,
  workTypeName?: string,
  handoffs: readonly HandoffNote[] = [],
): Swimlane {
  const laneIds: Array<string | null> = [null];
  const segs = j.segments;
  /** The notes of the handoff a "writing notes" segment belongs to: same desk, starting with it. */
  const careOf = (dept: string | null, from: number, to: number): HandoffNote['care'] | null => {
    let best: HandoffNote | null = null;
    for (const h of handoffs)
      if (h.from === dept && h.t >= from - 0.5 && h.t <= to + 0.5 && (!best || Math.abs(h.t - from) < Math.abs(best.t - from))) best = h;
    return best?.care ?? null;
  };
  // Time with no department (in transit) is drawn in the lane it is heading to.
  const deptAt = (i: number): string | null => {
    for (let k = i; k < segs.length; k++) if (segs[k]?.dept) return segs[k]!.dept;
    for (let k = i - 1; k >= 0; k--) if (segs[k]?.dept) return segs[k]!.dept;
    return null;
  };
  const blocks: SwimBlock[] = segs.map((s, i) => {
    const p = readCause(s.cause);
    // A bounce is drawn where the case was held up: the desk that got it and had to send it back
    // (its triage, then the trip back), not the sender's lane, which had already let it go.
    const dept = p.kind === 'clarify' || p.kind === 'misroute' ? (p.to ?? s.dept ?? deptAt(i)) : (s.dept ?? deptAt(i));
    let lane = laneIds.indexOf(dept);
    if (lane < 0) lane = laneIds.push(dept) - 1;
    const kind = p.kind;
    const detail = causeLabel(s.cause, names, level);
    if (kind === 'notes') {
      const care = careOf(p.dept, s.from, s.to);
      if (care) return { lane, from: s.from, to: s.to, kind, words: `${care} notes`, detail: `${detail} (${care} notes)` };
    }
    return { lane, from: s.from, to: s.to, kind, words: BLOCK_WORDS[kind], detail };
  });
  const outcome = OUTCOME_WORDS[j.outcome];
  const mood = `${Math.round(j.satisfaction * 100)}% satisfied`;
  blocks.unshift({
    lane: 0,
    from: j.arrivedAt,
    to: j.endedAt,
    kind: 'customer',
    words: `${outcome}, ${mood}`,
    detail: `${j.customer} waited ${formatDuration(j.totalSeconds)} and ${outcome === 'resolved' ? 'was helped' : outcome}.`,
  });
  const lanes = laneIds.map((id) => (id === null ? j.customer || 'Customer' : nameOf(names, id)));
  const wt = workTypeName ?? j.workType;
  const ripple = j.rippleSeconds > 0 ? `; ${formatDuration(j.rippleSeconds)} of it from handoff problems` : '';
  return {
    ticket: j.ticket,
    title: `${j.customer} (${wt})`,
    lanes,
    laneIds,
    blocks,
    start: j.arrivedAt,
    end: j.endedAt,
    summary: `${j.customer} ${outcome} after ${formatDuration(j.totalSeconds)}, ${mood}${ripple}.`,
  };
}

export interface CustomerChoice {
  ticket: number;
  label: string;
  totalSeconds: number;
  rippleSeconds: number;
  outcome: CustomerJourney['outcome'];
}

/** Customers to pick from, longest time first. */
export function customerChoices(result: RoundResult, level?: Level | null): CustomerChoice[] {
  const wt = new Map((level?.workTypes ?? []).map((w) => [w.id, w.name] as const));
  return [...result.journeys]
    .sort((a, b) => b.totalSeconds - a.totalSeconds || a.ticket - b.ticket)
    .map((j) => ({
      ticket: j.ticket,
      label: `${j.customer}, ${wt.get(j.workType) ?? j.workType}: ${formatDuration(j.totalSeconds)}, ${OUTCOME_WORDS[j.outcome]}`,
      totalSeconds: j.totalSeconds,
      rippleSeconds: j.rippleSeconds,
      outcome: j.outcome,
    }));
}

export { deptNames };
