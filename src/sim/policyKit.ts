/**
 * What the headless players share (./policies.ts, ./humanPolicy.ts): reading the board and judging a
 * handoff. Pure reads of the view and the level; imports no player, so the players never import each other.
 */
import type { Level } from '../level/schema';
import type { Care, DepartmentView, Sim, SimView, TicketView } from './types';

/** Seconds a siloed desk lets finished work sit while its own line is not empty. */
export const SILO_PATIENCE = 60;

/** Departments with a skill, by skill. */
export function skillMap(level: Level): Map<string, number[]> {
  const m = new Map<string, number[]>();
  level.departments.forEach((d, i) => {
    for (const s of d.skills) {
      const list = m.get(s) ?? [];
      list.push(i);
      m.set(s, list);
    }
  });
  return m;
}

export function bestFor(view: SimView, list: number[] | undefined, exclude: string): DepartmentView | null {
  if (!list) return null;
  let best: DepartmentView | null = null;
  let bestLoad = 0;
  for (const i of list) {
    const d = view.departments[i]!;
    if (d.id === exclude) continue;
    const load = (d.inbox.length + d.busy + 1) / (d.staff > 0 ? d.staff : 1e-6);
    if (best === null || load < bestLoad) {
      best = d;
      bestLoad = load;
    }
  }
  return best;
}

export function outboxTickets(view: SimView, sim: Sim): TicketView[] {
  const out: TicketView[] = [];
  for (const d of view.departments) {
    for (const id of d.outbox) {
      const T = sim.ticket(id);
      if (T) out.push(T);
    }
  }
  return out;
}

/** Expected extra customer seconds of a handoff from `from` of work type risk `risk` with this care. */
export function expectedHandoffCost(
  level: Level,
  from: DepartmentView,
  to: DepartmentView | null,
  risk: number,
  care: Care,
): number {
  const H = level.handoffs;
  const C = level.customers;
  const q = risk * from.qualityFactor;
  const pR = Math.min(1, (care === 'quick' ? H.quickReworkChance : H.thoroughReworkChance) * q);
  const pB = Math.min(1, (care === 'quick' ? H.quickBounceChance : H.thoroughBounceChance) * q);
  const rework =
    typeof H.reworkTime === 'number'
      ? H.reworkTime
      : 'mean' in H.reworkTime
        ? H.reworkTime.mean
        : 'value' in H.reworkTime
          ? H.reworkTime.value
          : (H.reworkTime.min + H.reworkTime.max) / 2;
  // Penalties in seconds of lateness they are worth.
  const perSec = Math.max(C.dropPerMinuteLate, 0.05) / 60;
  const requeue = to ? (to.inbox.length / Math.max(1, to.staff)) * 30 : 30;
  const bounce =
    H.misrouteTriageSeconds + 2 * H.transferSeconds + H.clarifySeconds + requeue + C.bouncePenalty / perSec;
  const notes = care === 'quick' ? H.quickNoteSeconds : H.thoroughNoteSeconds;
  return notes + pR * (rework + C.reaskPenalty / perSec) + pB * bounce;
}

