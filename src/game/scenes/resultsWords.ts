/** Plain labels for the score breakdown, in the order players read them: customers first. Pure. */
import type { ScorePart } from '../../sim/types';

export const PART_LABELS: Record<ScorePart['key'], string> = {
  satisfaction: 'Customer satisfaction',
  resolved: 'Resolved',
  meanTime: 'Average time',
  p95Time: 'Slowest 5%',
  firstContact: 'Sorted first time',
  effort: 'Customer effort',
  handoffQuality: 'Handoff quality',
  requestsOnTime: 'Requests on time',
  cost: 'Staff time',
};

export const GROUP_LABELS: Record<ScorePart['group'], string> = {
  external: 'For customers',
  internal: 'Inside the company',
  cost: 'Cost',
};

const GROUP_ORDER: ScorePart['group'][] = ['external', 'internal', 'cost'];

/** Parts grouped external, internal, cost; parts with no weight are left out. */
export function groupedParts(
  parts: readonly ScorePart[],
): { group: ScorePart['group']; label: string; parts: ScorePart[] }[] {
  return GROUP_ORDER.map((group) => ({
    group,
    label: GROUP_LABELS[group],
    parts: parts.filter((p) => p.group === group && p.weight > 0),
  })).filter((g) => g.parts.length > 0);
}

/**
 * The whole-number score players see and keep: rounded down, so it never reads as reaching a star the
 * exact score missed ("Score 50" next to "the first star needs 50 points" with 49.6 would contradict).
 */
export function shownScore(total: number): number {
  return Math.floor(total + 1e-9);
}

/** Points a part could earn at most: its share of the 100 total. */
export function maxPointsOf(p: ScorePart, parts: readonly ScorePart[]): number {
  const total = parts.reduce((s, q) => s + q.weight, 0);
  return total > 0 ? (100 * p.weight) / total : 0;
}

/**
 * A short verdict for the stars earned. `rippled` says whether any handoff came back or needed
 * rework: without one, the verdict points at the score breakdown instead of ripples that never were.
 */
export function verdict(stars: number | null, rippled = true): string {
  if (stars === null) return 'Practice round: no stars here.';
  if (stars >= 3) return 'Excellent: your colleagues and customers were well served.';
  if (!rippled) {
    if (stars === 2) return 'Good work. The score breakdown shows where the last points went.';
    if (stars === 1) return 'You got through. The score breakdown shows where to do better.';
    return 'The score breakdown shows where customers lost out.';
  }
  if (stars === 2) return 'Good work. A few handoffs still rippled out.';
  if (stars === 1) return 'You got through. Below: the ripples, and where the customers\u2019 time went.';
  return 'Below: the ripples, and where the customers lost their time.';
}

/** What the next star takes, e.g. "The next star needs 65 points." (empty at 3 stars or without stars). */
export function nextStarText(stars: number | null, thresholds: readonly number[] | null | undefined): string {
  if (stars === null || !thresholds) return '';
  const next = thresholds[Math.max(0, stars)];
  if (next === undefined) return '';
  return stars <= 0 ? `The first star needs ${next} points.` : `The next star needs ${next} points.`;
}

const NBSP = '\u00a0';

/**
 * A measure as it should wrap: its target ("target 2 min 30 s") and any short last word stay on one
 * line with what comes before, so a narrow column never leaves "0" or "all" alone on a line. Only the
 * spaces are changed (to no-break spaces); the words are the same.
 */
export function keepTogether(text: string): string {
  const i = text.lastIndexOf(', target ');
  if (i >= 0) return text.slice(0, i + 2) + text.slice(i + 2).replace(/ /g, NBSP);
  return text.replace(/ (\S{1,4})$/, `${NBSP}$1`);
}
