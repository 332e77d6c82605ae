/**
 * Scoring: nine parts of 0..1, weighted by the level into a 0..100 total.
 *  - satisfaction: mean over every customer who arrived; abandoned count 0, customers still in the
 *    system at the end count half their current satisfaction.
 *  - resolved: resolved / arrived (in-system customers count as not resolved).
 *  - meanTime, p95Time: target / actual, capped at 1.
 *  - firstContact: resolved customers never re-asked nor bounced / resolved.
 *  - effort: 1 / (1 + mean bounces and re-asks per finished customer).
 *  - handoffQuality: handoffs without rework, bounce or misroute / handoffs (1 with no handoffs).
 *  - requestsOnTime: requests done in time / requests opened (1 with none).
 *  - cost: target staff seconds per resolved customer / actual, capped at 1.
 * Coverage: every part except satisfaction, resolved and requestsOnTime is multiplied by the share of customers
 * resolved (resolved / arrived). Otherwise a player who only finishes the work that needs no handoff
 * (and leaves the rest in the outboxes) gets full marks for time, first contact, effort, handoffs and
 * cost from those few customers; on a typical level idle play scored 75 without this.
 * If nobody was resolved every part is 0: an idle or hopeless run must not score.
 * A part that cannot happen in the level does not count: with no internal requests in the level,
 * requestsOnTime has weight 0 (free marks for nothing would blur the lesson and confuse the results).
 */
import type { Metrics, ScorePart, ScoreReport } from './types';
import type { Level } from '../level/schema';

const clamp01 = (x: number): number => (Number.isFinite(x) ? (x < 0 ? 0 : x > 1 ? 1 : x) : 0);

/** Which group each score part belongs to (for customers, inside the company, cost). */
export const PART_GROUP: Record<ScorePart['key'], ScorePart['group']> = {
  satisfaction: 'external',
  resolved: 'external',
  meanTime: 'external',
  p95Time: 'external',
  firstContact: 'external',
  effort: 'external',
  handoffQuality: 'internal',
  requestsOnTime: 'internal',
  cost: 'cost',
};

/**
 * Parts multiplied by the share of customers resolved. Not satisfaction and resolved (they already
 * count every customer), nor requestsOnTime: a colleague's request served on time is served whatever
 * happened to the customers (one request done on time reading "5.7 of 7.7" looked like a mistake).
 */
export const COVERED: ReadonlySet<ScorePart['key']> = new Set<ScorePart['key']>([
  'meanTime',
  'p95Time',
  'firstContact',
  'effort',
  'handoffQuality',
  'cost',
]);

/** Share of customers resolved, 0..1. */
export function coverageOf(m: Metrics): number {
  const c = m.customers;
  return c.arrived > 0 ? clamp01(c.resolved / c.arrived) : 0;
}

export interface PartBreakdown {
  key: ScorePart['key'];
  /** The part's own measure as 0..1, before the share resolved is applied. */
  raw: number;
  /** Points the part would give with every customer resolved: raw x its share of 100. */
  rawPoints: number;
  /** Its share of the 100 total. */
  maxPoints: number;
}

export interface ScoreBreakdown {
  parts: PartBreakdown[];
  /** Share of customers resolved. */
  coverage: number;
  /**
   * Points lost once, for customers not resolved: sum of rawPoints minus the total. With it, each part
   * shows what its own measure earns, and the parts minus this add up to the total.
   */
  unservedPoints: number;
}

/**
 * The score taken apart so that each part shows its own measure: the share resolved, which scoreFrom
 * multiplies into every covered part, comes out as one line instead. Nothing here changes the score.
 */
export function scoreBreakdown(m: Metrics, report: ScoreReport): ScoreBreakdown {
  const coverage = coverageOf(m);
  const sumW = report.parts.reduce((a, p) => a + p.weight, 0);
  let sumRaw = 0;
  const parts = report.parts.map((p) => {
    const maxPoints = sumW > 0 ? (100 * p.weight) / sumW : 0;
    const raw = COVERED.has(p.key) ? (coverage > 0 ? clamp01(p.value / coverage) : 0) : p.value;
    const rawPoints = raw * maxPoints;
    sumRaw += rawPoints;
    return { key: p.key, raw, rawPoints, maxPoints };
  });
  const exact = report.parts.reduce((a, p) => a + p.points, 0);
  return { parts, coverage, unservedPoints: Math.max(0, sumRaw - exact) };
}

/** Customers counted by their work type's scoreWeight. */
export interface WeightedCustomers {
  arrived: number;
  resolved: number;
  finishedSat: number;
  inSystemSat: number;
}

/**
 * `weighted` (levels where a work type has a scoreWeight other than 1): satisfaction, resolved and the
 * share resolved count each customer by its work type's weight.
 */
export function scoreFrom(
  level: Level,
  m: Metrics,
  finishedSatSum: number,
  inSystemSatSum: number,
  weighted: WeightedCustomers | null = null,
): ScoreReport {
  const c = m.customers;
  const tg = level.scoring.targets;
  const any = c.resolved > 0;
  const h = m.handoffs;
  const bad = h.withRework + h.bounced + h.misrouted;
  const values: Record<ScorePart['key'], number> = {
    satisfaction: weighted
      ? weighted.arrived > 0 ? clamp01((weighted.finishedSat + 0.5 * weighted.inSystemSat) / weighted.arrived) : 0
      : c.arrived > 0 ? clamp01((finishedSatSum + 0.5 * inSystemSatSum) / c.arrived) : 0,
    resolved: weighted
      ? weighted.arrived > 0 ? clamp01(weighted.resolved / weighted.arrived) : 0
      : c.arrived > 0 ? clamp01(c.resolved / c.arrived) : 0,
    meanTime: clamp01(tg.meanResolutionSeconds / c.meanResolutionTime),
    p95Time: clamp01(tg.p95ResolutionSeconds / c.p95ResolutionTime),
    firstContact: clamp01(c.firstContactResolution),
    effort: clamp01(1 / (1 + c.meanEffort)),
    handoffQuality: h.total > 0 ? clamp01((h.total - bad) / h.total) : 1,
    requestsOnTime: m.requests.total > 0 ? clamp01(m.requests.onTime / m.requests.total) : 1,
    cost: clamp01(tg.staffSecondsPerCustomer / (m.staffSecondsBusy / c.resolved)),
  };
  const cover = coverageOf(m);
  for (const k of Object.keys(values) as ScorePart['key'][]) if (COVERED.has(k)) values[k] *= cover;
  const weights = { ...level.scoring.weights };
  if (level.internalRequests.length === 0) weights.requestsOnTime = 0;
  const keys = Object.keys(PART_GROUP) as ScorePart['key'][];
  let sumW = 0;
  for (const k of keys) sumW += weights[k];
  let total = 0;
  const parts: ScorePart[] = keys.map((key) => {
    const value = any ? values[key] : 0;
    const weight = weights[key];
    const points = sumW > 0 ? (value * weight * 100) / sumW : 0;
    total += points;
    return { key, group: PART_GROUP[key], value, weight, points };
  });
  total = Math.round(total * 10) / 10;
  const th = level.scoring.stars;
  const stars = th === null ? null : th.filter((x) => x <= total).length;
  return { total, stars, parts };
}
