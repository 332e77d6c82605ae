/**
 * What a finished run's time went on, for the results screen: every second of customer time by cause
 * (the attribution, so the causes add up to all of it), every customer who gave up with what they
 * waited on, and the staff time spent writing handoff notes. Pure: it replays the run from its level,
 * seed and command log (deterministic), or reads events already recorded.
 */
import type { Level } from '../level/schema';
import { replay } from './sim';
import type { CauseKey, Metrics, SimEvent, TimedCommand } from './types';

export interface CauseTime {
  cause: CauseKey;
  seconds: number;
}

export interface GaveUp {
  ticket: number;
  customer: string;
  workType: string;
  /** Seconds from arrival to giving up. */
  seconds: number;
  /** Their time by cause, largest first (adds up to `seconds`). */
  causes: CauseTime[];
}

export interface RunExplanation {
  /** All customer time by cause, largest first (finished customers and those still waiting). */
  causes: CauseTime[];
  /** Sum of `causes`. */
  totalSeconds: number;
  gaveUp: GaveUp[];
  /** Staff seconds spent writing handoff notes (up to the end of the level). */
  notesStaffSeconds: number;
  /** Handoffs sent with thorough notes, by work type (what a "quick notes are enough" advice needs). */
  thoroughByWorkType: Record<string, number>;
}

const byTime = (a: CauseTime, b: CauseTime): number =>
  b.seconds - a.seconds || a.cause.localeCompare(b.cause);

/** Explanation from the run's metrics and its recorded events (all of them, from the start). */
export function explainEvents(metrics: Metrics, events: Iterable<SimEvent>): RunExplanation {
  const causes = Object.entries(metrics.attribution)
    .filter(([, s]) => s > 0)
    .map(([cause, seconds]) => ({ cause, seconds }))
    .sort(byTime);
  const totalSeconds = causes.reduce((a, c) => a + c.seconds, 0);
  const end = metrics.simulatedSeconds;
  const gaveUp: GaveUp[] = [];
  let notesStaffSeconds = 0;
  const workType = new Map<number, string>();
  const thoroughByWorkType: Record<string, number> = {};
  for (const e of events) {
    if (e.type === 'arrive') workType.set(e.ticket, e.workType);
    else if (e.type === 'handoff' && e.care === 'thorough') {
      const w = workType.get(e.ticket);
      if (w !== undefined) thoroughByWorkType[w] = (thoroughByWorkType[w] ?? 0) + 1;
    } else if (e.type === 'jobStart' && e.kind === 'notes')
      notesStaffSeconds += Math.max(0, Math.min(e.end, end) - e.t);
    else if (e.type === 'abandoned') {
      const m = new Map<string, number>();
      for (const s of e.segments) m.set(s.cause, (m.get(s.cause) ?? 0) + (s.to - s.from));
      gaveUp.push({
        ticket: e.ticket,
        customer: e.customer,
        workType: e.workType,
        seconds: e.totalSeconds,
        causes: [...m]
          .map(([cause, seconds]) => ({ cause, seconds }))
          .filter((c) => c.seconds > 0)
          .sort(byTime),
      });
    }
  }
  return { causes, totalSeconds, gaveUp, notesStaffSeconds, thoroughByWorkType };
}

/**
 * Replays the run (same level, seed and commands give the same run) and explains it. `until`: the sim
 * time the run stopped at, when a facilitator ended it early; without it the replay runs to the end, and
 * customers still waiting at an early end would be counted as having given up later.
 */
export function explainRun(
  level: Level,
  seed: number,
  log: readonly TimedCommand[],
  until?: number,
): RunExplanation {
  const sim = replay(level, seed, log, until, { recordEvents: true, sampleEvery: 0 });
  return explainEvents(sim.metrics(), sim.drainEvents());
}
