/**
 * Plain-words sentences for the largest ripples of a level, e.g.
 * "4 quick handoffs from Tier 1 cost 9 customers about 5 minutes each." Pure.
 */
import type { RippleSummary } from '../../sim/types';

export interface DeptNames {
  departments: readonly { id: string; name: string }[];
}

/** "about 5 minutes", "about 40 seconds", "about 1.5 hours". */
export function aboutDuration(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  if (s < 5) return 'a few seconds';
  if (s < 90) {
    const r = Math.max(5, Math.round(s / 5) * 5);
    return `about ${r} seconds`;
  }
  if (s < 3600) {
    const m = s < 600 ? Math.round(s / 30) / 2 : Math.round(s / 60);
    return `about ${fmt(m)} ${m === 1 ? 'minute' : 'minutes'}`;
  }
  const h = Math.round(s / 1800) / 2;
  return `about ${fmt(h)} ${h === 1 ? 'hour' : 'hours'}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function deptName(level: DeptNames, id: string): string {
  return level.departments.find((d) => d.id === id)?.name ?? id;
}

/** One ripple in one sentence. */
export function rippleSentence(r: RippleSummary, level: DeptNames): string {
  const from = deptName(level, r.source);
  const at = deptName(level, r.at);
  const customers = Math.max(1, r.customers);
  const each = aboutDuration(r.seconds / customers);
  const cost = `cost ${count(customers, 'customer', 'customers')} ${each}${customers === 1 ? '' : ' each'}`;
  switch (r.kind) {
    case 'rework':
      return `${count(r.handoffs, 'rushed handoff', 'rushed handoffs')} from ${from} ${cost}: ${at} had to ask them again.`;
    case 'clarify':
      return `${count(r.handoffs, 'handoff', 'handoffs')} from ${from} came back from ${at} for clearer notes, and ${cost}.`;
    case 'misroute':
      return `${count(r.handoffs, 'ticket', 'tickets')} sent from ${from} to the wrong desk (${at}) ${cost}.`;
  }
}

/** The `max` largest ripples (by customer time), largest first, as sentences. */
export function largestRipples(ripples: readonly RippleSummary[], level: DeptNames, max = 3): string[] {
  return [...ripples]
    .filter((r) => r.handoffs > 0 && r.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, max)
    .map((r) => rippleSentence(r, level));
}

export const NO_RIPPLES = 'No handoff came back or needed rework this time.';
