/**
 * Customer journeys for the debrief, and building a RoundResult from a finished sim. Pure.
 *
 * The play scene drains sim events every frame; it hands them to a JourneyCollector as well, which keeps
 * only the 'resolved' and 'abandoned' events (each carries the customer's time segments by cause).
 * At the end of the round, `roundResultFromSim` keeps at most MAX_JOURNEYS of them, most telling first.
 */
import type { Level } from '../../level/schema';
import { isRipple, parseCause } from '../../sim/index';
import type { Segment, Sim, SimEvent, TimelineSample } from '../../sim/types';
import type { CustomerJourney, RoundResult } from './session';

export const MAX_JOURNEYS = 400;

/** Rework, bounce or misroute time: the ripples of a careless handoff. */
export function isRippleCause(cause: string): boolean {
  return isRipple(parseCause(cause));
}

/** Times to 2 decimals: plenty for a chart, and half the bytes in storage. */
const r2 = (x: number): number => Math.round(x * 100) / 100;

type FinishEvent = Extract<SimEvent, { type: 'resolved' | 'abandoned' }>;

export function journeyFromEvent(e: FinishEvent): CustomerJourney {
  const segments: Segment[] = e.segments.map((s) => ({
    cause: s.cause,
    dept: s.dept,
    from: r2(s.from),
    to: r2(s.to),
  }));
  const rippleSeconds = e.segments.reduce((sum, s) => sum + (isRippleCause(s.cause) ? s.to - s.from : 0), 0);
  const firstFrom = e.segments[0]?.from;
  return {
    ticket: e.ticket,
    customer: e.customer,
    workType: e.workType,
    outcome: e.type,
    arrivedAt: r2(firstFrom ?? e.t - e.totalSeconds),
    endedAt: r2(e.t),
    totalSeconds: r2(e.totalSeconds),
    satisfaction: Math.round(e.satisfaction * 1000) / 1000,
    rippleSeconds: r2(rippleSeconds),
    segments,
  };
}

/**
 * The most telling customers first: everyone who lived through a ripple (largest first), then those who
 * gave up, then the longest waits. Returns at most `max`, in ticket order.
 */
export function selectJourneys(all: readonly CustomerJourney[], max = MAX_JOURNEYS): CustomerJourney[] {
  if (all.length <= max) return [...all].sort((a, b) => a.ticket - b.ticket);
  const rank = (j: CustomerJourney): number => (j.rippleSeconds > 0 ? 0 : j.outcome === 'abandoned' ? 1 : 2);
  const chosen = [...all]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.rippleSeconds - a.rippleSeconds ||
        b.totalSeconds - a.totalSeconds ||
        a.ticket - b.ticket,
    )
    .slice(0, Math.max(0, max));
  return chosen.sort((a, b) => a.ticket - b.ticket);
}

export interface JourneyCollector {
  /** Feed every drained batch of sim events; other event types are ignored. */
  add(events: readonly SimEvent[]): void;
  count(): number;
  all(): CustomerJourney[];
  clear(): void;
}

export function createJourneyCollector(): JourneyCollector {
  const byTicket = new Map<number, CustomerJourney>();
  return {
    add(events) {
      for (const e of events) {
        if (e.type === 'resolved' || e.type === 'abandoned') byTicket.set(e.ticket, journeyFromEvent(e));
      }
    },
    count: () => byTicket.size,
    all: () => [...byTicket.values()],
    clear: () => byTicket.clear(),
  };
}

/** Everything a finished round keeps. `finishedAt` is an ISO string from the caller's clock. */
export function roundResultFromSim(
  sim: Sim,
  journeys: readonly CustomerJourney[],
  finishedAt: string,
  level: Level = sim.level,
): RoundResult {
  return {
    finishedAt,
    score: sim.score(),
    metrics: sim.metrics(),
    timeline: withEndSample(sim),
    commandLog: sim.commandLog(),
    journeys: selectJourneys(journeys),
    journeysTotal: journeys.length,
    departments: level.departments.map((d) => ({ id: d.id, name: d.name })),
  };
}

/**
 * The sim's timeline (a sample every 10 s) and, when the round stopped between two samples (ended
 * early, or a level length that is not a multiple of 10 s), one more at the moment it stopped, taken
 * the way the sim takes its own: so the debrief's charts reach the end the sentences under them speak
 * of. The sim keeps no mean satisfaction of the finished customers outside its samples: the last
 * sample's is carried (no chart reads it).
 */
export function withEndSample(sim: Sim): TimelineSample[] {
  const timeline = [...sim.timeline()];
  const last = timeline.at(-1);
  const v = sim.view();
  if (!last || last.t >= v.t) return timeline;
  const queues: Record<string, number> = {};
  const trays: Record<string, number> = {};
  for (const d of v.departments) {
    queues[d.id] = d.inbox.length;
    trays[d.id] = d.outbox.length + d.pending.length;
  }
  let serving = 0;
  for (const t of v.tickets.values()) if (t.phase === 'service') serving++;
  timeline.push({
    t: v.t,
    queues,
    trays,
    waiting: v.counts.inSystem - serving,
    resolved: v.counts.resolved,
    abandoned: v.counts.abandoned,
    meanSatisfaction: last.meanSatisfaction,
  });
  return timeline;
}
