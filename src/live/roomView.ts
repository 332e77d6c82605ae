/**
 * What the facilitator's room view shows of one table at a glance, from that table's replica (the
 * round log replayed in the facilitator's browser): a line per desk (who is waiting there and how the
 * desk copes) and the round so far as two short lines over time (customers waiting, customers who gave
 * up). Pure: no DOM.
 *
 * Why these: with six tables in view, the facilitator looks for the table that needs a word and the
 * desk where it hurts. A waiting line that climbs and a gave-up line that leaves zero say "this table is
 * in trouble" before the score does; the desk lines say where.
 */
import type { Level } from '../level/schema';
import type { DepartmentView, SimView, TimelineSample } from '../sim/types';

export interface DeskLine {
  id: string;
  name: string;
  /** Customers in the desk's line (waiting for a free person). */
  inLine: number;
  /** Finished here and waiting to be sent on, or waiting for notes. */
  inTray: number;
  staff: number;
  busy: number;
  status: DepartmentView['status'];
}

export interface TrendPoint {
  t: number;
  waiting: number;
  gaveUp: number;
}

export interface TableGlance {
  t: number;
  end: number;
  desks: DeskLine[];
  /** The round so far, oldest first, ending at `t`. */
  trend: TrendPoint[];
  /** Largest number of customers waiting at one desk (bars share this scale across desks). */
  deskMax: number;
  /** Largest value on the trend (its lines share one scale). */
  trendMax: number;
}

export function tableGlance(
  view: SimView,
  timeline: readonly TimelineSample[],
  level: Level | null,
): TableGlance {
  const names = new Map((level?.departments ?? []).map((d) => [d.id, d.name] as const));
  const desks = view.departments.map((d) => ({
    id: d.id,
    name: names.get(d.id) ?? d.id,
    inLine: d.inbox.length,
    inTray: d.outbox.length + d.pending.length,
    staff: d.staff,
    busy: d.busy,
    status: d.status,
  }));
  const trend: TrendPoint[] = timeline
    .filter((s) => s.t < view.t)
    .map((s) => ({ t: s.t, waiting: s.waiting, gaveUp: s.abandoned }));
  trend.push({ t: view.t, waiting: view.counts.inSystem, gaveUp: view.counts.abandoned });
  return {
    t: view.t,
    end: view.end,
    desks,
    trend,
    deskMax: desks.reduce((m, d) => Math.max(m, d.inLine + d.inTray), 0),
    trendMax: trend.reduce((m, p) => Math.max(m, p.waiting, p.gaveUp), 0),
  };
}

/** The trend as polyline points in a box of `width` x `height` (y grows downward), x over 0..end. */
export function trendPath(
  g: Pick<TableGlance, 'trend' | 'end' | 'trendMax'>,
  key: 'waiting' | 'gaveUp',
  width: number,
  height: number,
): Array<[number, number]> {
  const top = Math.max(4, g.trendMax);
  const end = Math.max(1, g.end);
  return g.trend.map((p) => [
    Math.round(Math.min(1, p.t / end) * width * 10) / 10,
    Math.round((height - (p[key] / top) * height) * 10) / 10,
  ]);
}
