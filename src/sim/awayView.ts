/**
 * For views: what the desk's public numbers do not say about people away. Someone called away (an
 * absence, a shift ending) finishes the job in hand first, so for a while they count as busy, not away;
 * and a desk whose systems are down has everyone away for another reason than an absence.
 */
import type { Dept } from './state';
import type { DepartmentView } from './types';

export interface DeskAway {
  /** People due to be away who are still finishing a job here. */
  leaving: number;
  /** The desk's systems are down (an outage): nobody can work, whoever is there. */
  outage: boolean;
}

export function deskAway(d: DepartmentView): DeskAway {
  // The sim's view is its live department (see SimView); a view built elsewhere has neither field.
  const live = d as unknown as Partial<Pick<Dept, 'absent' | 'outage'>>;
  const outage = (live.outage ?? 0) > 0;
  const due = Math.min(live.absent ?? 0, d.staff);
  return { leaving: outage ? 0 : Math.max(0, due - d.away), outage };
}
