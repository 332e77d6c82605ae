/**
 * The results screen's explanations in plain words (pure):
 *  - each score part with its own measure in real units, its target and the points it cost, and the
 *    customers not served as one line of their own;
 *  - "Where the time went": every second of customer time by cause, largest first, adding up to 100%;
 *  - who gave up and what they waited on; the staff time spent writing handoff notes.
 */
import type { Level } from '../../level/schema';
import type { GaveUp, RunExplanation } from '../../sim/explain';
import { scoreBreakdown } from '../../sim/scoring';
import type { Metrics, ScorePart, ScoreReport } from '../../sim/types';
import { PART_LABELS } from './resultsWords';
import { causeWords, groupWords, isWork, KIND_NOUN, listNames, type CauseLine } from './resultsCauses';
import type { CauseKind } from '../../sim/causes';

export { causeLines, causeWords, WORK_ITSELF, type CauseLine } from './resultsCauses';

/** "45 s", "3 min 40 s", "1 h 5 min". */
export function duration(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const r = s % 60;
    return r ? `${m} min ${r} s` : `${m} min`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

const pct = (x: number): string => `${Math.round(Math.max(0, Math.min(1, x)) * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export interface PartRow {
  key: ScorePart['key'];
  label: string;
  /** The part's own measure in real units, with its target when it has one. */
  measure: string;
  /** 0..1: how much of its points the measure earns (the bar). */
  raw: number;
  /** Points this measure earns, and at most. */
  points: number;
  maxPoints: number;
}

export interface ScoreRows {
  rows: PartRow[];
  /** "Customers not served: 9 of 40 ... -12.3 points", or null when everyone was served. */
  unserved: { text: string; points: number } | null;
}

/** What each part measured, in real units, with its target. */
export function partMeasure(key: ScorePart['key'], level: Level, m: Metrics): string {
  const c = m.customers;
  const tg = level.scoring.targets;
  const none = 'nobody was served';
  const served = c.resolved > 0;
  switch (key) {
    case 'satisfaction':
      return `average mood ${pct(c.meanSatisfaction)}, target 100%`;
    case 'resolved':
      return `${c.resolved} of ${c.arrived} served, target all`;
    case 'meanTime':
      return served
        ? `average ${duration(c.meanResolutionTime)}, target ${duration(tg.meanResolutionSeconds)}`
        : none;
    case 'p95Time':
      return served ? `${duration(c.p95ResolutionTime)}, target ${duration(tg.p95ResolutionSeconds)}` : none;
    case 'firstContact':
      return served ? `${pct(c.firstContactResolution)} of those served, target 100%` : none;
    case 'effort':
      return `${c.meanEffort.toFixed(2)} re-asks or bounces each, target none`;
    case 'handoffQuality': {
      const h = m.handoffs;
      const bad = h.withRework + h.bounced + h.misrouted;
      return h.total > 0 ? `${h.total - bad} of ${h.total} needed no fixing, target all` : 'no handoffs';
    }
    case 'requestsOnTime':
      return `${m.requests.onTime} of ${m.requests.total} done in time, target all`;
    case 'cost':
      return served
        ? `${duration(m.staffSecondsBusy / c.resolved)} per customer, target ${duration(tg.staffSecondsPerCustomer)}`
        : none;
  }
}

/** Rows of the score breakdown (weighted parts only) and the one line for customers not served. */
export function scoreRows(level: Level, m: Metrics, report: ScoreReport): ScoreRows {
  const b = scoreBreakdown(m, report);
  const rows: PartRow[] = [];
  b.parts.forEach((p) => {
    if (p.maxPoints <= 0) return;
    rows.push({
      key: p.key,
      label: PART_LABELS[p.key],
      measure: partMeasure(p.key, level, m),
      raw: p.raw,
      points: p.rawPoints,
      maxPoints: p.maxPoints,
    });
  });
  const c = m.customers;
  const notServed = c.arrived - c.resolved;
  const unserved =
    b.unservedPoints > 0.05 && notServed > 0
      ? {
          text: `${notServed} of ${c.arrived} not served (${c.abandoned} gave up${c.inSystem > 0 ? `, ${c.inSystem} still waiting` : ''}): the other parts count only the ${pct(b.coverage)} served`,
          points: b.unservedPoints,
        }
      : null;
  return { rows, unserved };
}

/** "22 min (31%): waiting in the line at Billing". */
export function causeLineText(l: CauseLine): string {
  return `${duration(l.seconds)} (${pct(l.share)}): ${l.text}`;
}

/** The cause a customer who gave up waited on most (never the work itself when they also waited). */
export function mainCause(g: GaveUp): string | null {
  const waits = g.causes.filter((c) => !isWork(c.cause));
  return (waits[0] ?? g.causes[0])?.cause ?? null;
}

/**
 * Who gave up, grouped by what they waited on most, largest group first:
 * "Ana, Ben and Cal gave up: 2 min 10 s of their 3 min went on waiting in the line at Billing (on average)".
 * Every customer who gave up is named once. Shorter when room is short: `compact` 1 groups them by the
 * kind of that wait ("Ana and Ben gave up; what they waited on longest: waiting in the lines at Billing
 * and Tier 1."), 2 names them all in one line with how many waited longest on each kind.
 */
export function gaveUpLines(exp: RunExplanation, level: Level, compact: 0 | 1 | 2 = 0): string[] {
  if (exp.gaveUp.length === 0) return [];
  const kindOf = (g: GaveUp): string => (mainCause(g) ?? '').split(':')[0] ?? '';
  if (compact === 2) {
    const counts = new Map<string, number>();
    for (const g of exp.gaveUp) counts.set(kindOf(g), (counts.get(kindOf(g)) ?? 0) + 1);
    const kinds = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const what = listNames(kinds.map(([k, n]) => `${KIND_NOUN[k as CauseKind] ?? 'waiting'} (${n})`));
    return [`${listNames(exp.gaveUp.map((g) => g.customer))} gave up. What they waited on longest: ${what}.`];
  }
  const groups = new Map<string, GaveUp[]>();
  for (const g of exp.gaveUp) {
    const k = compact === 1 ? kindOf(g) : (mainCause(g) ?? '');
    const list = groups.get(k) ?? [];
    list.push(g);
    groups.set(k, list);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([cause, list]) => {
      const n = list.length;
      const who = listNames(list.map((g) => g.customer));
      if (compact === 1) {
        const what = groupWords(level, [...new Set(list.map((g) => mainCause(g) ?? ''))].filter((c) => c !== ''));
        return `${who} gave up; what ${n === 1 ? 'they' : 'each'} waited on longest: ${what}.`;
      }
      const on = list.reduce((a, g) => a + (g.causes.find((c) => c.cause === cause)?.seconds ?? 0), 0) / n;
      const all = list.reduce((a, g) => a + g.seconds, 0) / n;
      const what = cause ? causeWords(cause, level) : 'waiting';
      return `${who} gave up: ${duration(on)} of their ${duration(all)}${n === 1 ? '' : ' (on average)'} went on ${what}.`;
    });
}

/** The staff time that notes took, or null when nobody wrote any. */
export function notesLine(exp: RunExplanation, m: Metrics): string | null {
  if (exp.notesStaffSeconds <= 0) return null;
  const h = m.handoffs;
  return `Writing handoff notes took staff ${duration(exp.notesStaffSeconds)}, added up (${plural(h.thorough, 'thorough handoff')}, ${plural(h.quick, 'quick one')}).`;
}
