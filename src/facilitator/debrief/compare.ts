/**
 * Rounds side by side: same level and seed, so every team met the same customers. Pure.
 */
import { scoreBreakdown, type ScoreBreakdown } from '../../sim/scoring';
import type { ScorePart } from '../../sim/types';
import type { CauseKind } from './causes';
import { readCause } from './causes';
import type { Round, RoundResult, Session } from '../session/session';
import { finishedRounds } from '../session/session';

export type RowFormat = 'points' | 'stars' | 'count' | 'seconds' | 'percent';

export interface CompareRow {
  key: string;
  label: string;
  group: 'score' | 'customers' | 'time';
  format: RowFormat;
  /** One value per round, in the order of RoundComparison.rounds; null when unknown. */
  values: Array<number | null>;
  /** True when higher is better, false when lower is better, null when neither (e.g. the work itself). */
  higherIsBetter: boolean | null;
  /**
   * Indices of the best rounds on this row. Only outcome rows (score, stars, customers helped and lost,
   * satisfaction) are marked: less time writing notes or waiting in one queue is not better in itself
   * (careless teams "win" those), and a mean time that leaves out the customers who gave up is not a win.
   */
  best: number[];
  /** Per round, a short word to show beside the value ("3 gave up, not counted"), or null. */
  notes: Array<string | null>;
  /** Largest minus smallest value. */
  spread: number;
}

export interface RoundComparison {
  rounds: Array<{ id: string; team: string; levelTitle: string; seed: number }>;
  rows: CompareRow[];
  /** True when all rounds share level and seed, so the numbers are a fair comparison. */
  sameSetup: boolean;
}

export const PART_LABELS: Record<ScorePart['key'], string> = {
  satisfaction: 'Customer satisfaction',
  resolved: 'Customers resolved',
  meanTime: 'Mean resolution time',
  p95Time: 'Slowest 5% of customers',
  firstContact: 'Solved at first contact',
  effort: 'Low customer effort',
  handoffQuality: 'Handoffs without rework',
  requestsOnTime: 'Internal requests on time',
  cost: 'Staff cost',
};

/** Customer time by kind of cause, for the comparison; the work itself is shown but not judged. */
const TIME_ROWS: Array<{ key: string; label: string; kinds: CauseKind[]; judged: boolean }> = [
  { key: 'time:queue', label: 'Waiting in queues', kinds: ['queue'], judged: true },
  { key: 'time:outbox', label: 'Waiting to be routed', kinds: ['outbox'], judged: true },
  { key: 'time:notes', label: 'Writing handoff notes', kinds: ['notes'], judged: true },
  { key: 'time:rework', label: 'Rework after thin notes', kinds: ['rework'], judged: true },
  { key: 'time:bounced', label: 'Bounced or sent to the wrong desk', kinds: ['clarify', 'misroute'], judged: true },
  { key: 'time:event', label: 'Held up by incidents', kinds: ['event'], judged: true },
  { key: 'time:transit', label: 'Moving between desks', kinds: ['transit'], judged: true },
  { key: 'time:work', label: 'The work itself', kinds: ['work'], judged: false },
];

export function timeByKind(result: RoundResult): Map<CauseKind, number> {
  const m = new Map<CauseKind, number>();
  for (const [cause, s] of Object.entries(result.metrics.attribution)) {
    if (!Number.isFinite(s)) continue;
    const k = readCause(cause).kind;
    m.set(k, (m.get(k) ?? 0) + s);
  }
  return m;
}

/** Finished rounds played on the same level and seed as `focus` (itself included), in session order. */
export function comparableRounds(session: Session, focus: Round): Array<Round & { result: RoundResult }> {
  return finishedRounds(session).filter((r) => r.levelId === focus.levelId && r.seed === focus.seed);
}

function makeRow(
  key: string,
  label: string,
  group: CompareRow['group'],
  format: RowFormat,
  values: Array<number | null>,
  higherIsBetter: boolean | null,
  outcome = false,
): CompareRow {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const max = known.length ? known.reduce((a, b) => Math.max(a, b), -Infinity) : 0;
  const min = known.length ? known.reduce((a, b) => Math.min(a, b), Infinity) : 0;
  const spread = max - min;
  const target = higherIsBetter ? max : min;
  const best =
    !outcome || higherIsBetter === null || spread <= 1e-9 || known.length < 2
      ? []
      : values.flatMap((v, i) => (v !== null && Math.abs(v - target) <= 1e-9 ? [i] : []));
  return { key, label, group, format, values, higherIsBetter, best, spread, notes: values.map(() => null) };
}

export function compareRounds(rounds: ReadonlyArray<Round>): RoundComparison {
  const results = rounds.map((r) => r.result ?? null);
  const pick = (f: (res: RoundResult) => number | null | undefined): Array<number | null> =>
    results.map((res) => (res ? (f(res) ?? null) : null));
  const rows: CompareRow[] = [
    makeRow('total', 'Score', 'score', 'points', pick((r) => r.score.total), true, true),
    makeRow('stars', 'Stars', 'score', 'stars', pick((r) => r.score.stars), true, true),
  ];
  // The points as the results screen shows them (src/game/scenes/resultsExplain.ts): each part's own
  // points, then what the customers not served cost, from one breakdown of the same score.
  const breakdowns = results.map((res) => (res ? scoreBreakdown(res.metrics, res.score) : null));
  const pickPart = (f: (b: ScoreBreakdown) => number | undefined): Array<number | null> =>
    breakdowns.map((b) => (b ? (f(b) ?? null) : null));
  const partKeys = Object.keys(PART_LABELS) as Array<ScorePart['key']>;
  for (const k of partKeys) {
    const used = results.some((res) => res?.score.parts.some((p) => p.key === k && p.weight > 0));
    if (!used) continue;
    rows.push(makeRow(`part:${k}`, PART_LABELS[k], 'score', 'points', pickPart((b) => b.parts.find((p) => p.key === k)?.rawPoints), true));
  }
  if (breakdowns.some((b) => b && b.unservedPoints > 0.05))
    rows.push(makeRow('part:unserved', 'Customers not served', 'score', 'points', pickPart((b) => -b.unservedPoints), true));
  const gaveUp = pick((r) => r.metrics.customers.abandoned);
  // Resolution times count helped customers only: say beside each time how many were left out.
  const leftOut = gaveUp.map((n) => (n !== null && n > 0 ? `${n} gave up, not counted` : null));
  const timeRow = (key: string, label: string, f: (res: RoundResult) => number): CompareRow => ({
    ...makeRow(key, label, 'customers', 'seconds', pick(f), false),
    notes: leftOut,
  });
  rows.push(
    makeRow('resolved', 'Customers resolved', 'customers', 'count', pick((r) => r.metrics.customers.resolved), true, true),
    makeRow('abandoned', 'Customers who gave up', 'customers', 'count', gaveUp, false, true),
    timeRow('meanTime', 'Mean resolution time (helped customers)', (r) => r.metrics.customers.meanResolutionTime),
    timeRow('p95Time', 'Slowest 5% of helped customers', (r) => r.metrics.customers.p95ResolutionTime),
    makeRow('satisfaction', 'Mean satisfaction', 'customers', 'percent', pick((r) => r.metrics.customers.meanSatisfaction), true, true),
  );
  const kinds = results.map((res) => (res ? timeByKind(res) : null));
  for (const t of TIME_ROWS) {
    const values = kinds.map((m) => (m ? t.kinds.reduce((s, k) => s + (m.get(k) ?? 0), 0) : null));
    rows.push(makeRow(t.key, t.label, 'time', 'seconds', values, t.judged ? false : null));
  }
  const first = rounds[0];
  const sameSetup = rounds.every((r) => first !== undefined && r.levelId === first.levelId && r.seed === first.seed);
  return {
    rounds: rounds.map((r) => ({ id: r.id, team: r.team, levelTitle: r.levelTitle, seed: r.seed })),
    rows,
    sameSetup,
  };
}
