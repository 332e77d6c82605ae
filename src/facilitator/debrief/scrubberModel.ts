/**
 * The board at any moment of a finished round, rebuilt by replaying the sim from its command log
 * (deterministic: same level, seed and commands give the same board). Pure: no DOM.
 */
import type { Level } from '../../level/schema';
import { replay } from '../../sim/index';
import type { SimEvent, TimedCommand } from '../../sim/types';
import { deptNames, eventText, formatClock, formatDuration, nameOf, type Names } from './causes';
import type { HandoffNote } from './debriefData';

export interface DeptAt {
  id: string;
  name: string;
  staff: number;
  away: number;
  busy: number;
  /** Customers waiting in the inbox. */
  inbox: number;
  /** Finished here, waiting to be routed on. */
  outbox: number;
  /** Notes to write or fix before the inbox. */
  pending: number;
  status: 'green' | 'amber' | 'red';
  care: 'quick' | 'thorough';
}

export interface BoardAt {
  t: number;
  end: number;
  waiting: number;
  served: number;
  lost: number;
  arrived: number;
  departments: DeptAt[];
  /** The latest things that happened up to t (newest first), in plain words with their time. */
  recent: Array<{ t: number; text: string }>;
}

export const STATUS_WORDS: Record<DeptAt['status'], string> = {
  green: 'OK',
  amber: 'Busy',
  red: 'Overloaded',
};
/** Shapes as well as colours, so status never depends on colour alone. */
export const STATUS_SHAPES: Record<DeptAt['status'], string> = { green: '●', amber: '▲', red: '■' };

function describe(e: SimEvent, names: Names, level: Level, who: ReadonlyMap<number, string>): string | null {
  switch (e.type) {
    case 'handoff': {
      const notes = e.care === 'quick' ? 'quick notes' : 'careful notes';
      return `${nameOf(names, e.from)} passed ${who.get(e.ticket) ?? 'a customer'}'s case to ${nameOf(names, e.to)} with ${notes}.`;
    }
    case 'ripple': {
      const src = nameOf(names, e.source);
      const at = nameOf(names, e.at);
      if (e.kind === 'rework') return `Thin notes from ${src}: ${e.customer}'s case needs rework at ${at}.`;
      if (e.kind === 'clarify') return `${at} sends ${e.customer}'s case back to ${src} to clarify.`;
      return `${e.customer}'s case went from ${src} to the wrong desk (${at}).`;
    }
    case 'abandoned':
      return `${e.customer} gave up waiting.`;
    case 'resolved':
      return `${e.customer} was helped, after ${formatDuration(e.totalSeconds)}.`;
    case 'levelEvent': {
      if (e.phase !== 'start') return null;
      return `Incident: ${e.text ?? eventText(level, e.event, names) ?? e.kind}.`;
    }
    case 'escalated':
      return `${e.customer}'s case was escalated.`;
    default:
      return null;
  }
}

/**
 * The board at sim time t (clamped to 0..end, where the end counts every minute the facilitator added:
 * the sim itself stops there). `recentCount` notable events are kept.
 */
export function boardAt(
  level: Level,
  seed: number,
  log: readonly TimedCommand[],
  t: number,
  recentCount = 4,
): BoardAt {
  const at = Number.isFinite(t) ? Math.max(0, t) : 0;
  const sim = replay(level, seed, log, at, { recordEvents: true, sampleEvery: 0 });
  const view = sim.view();
  const names = deptNames([], level);
  const recent: BoardAt['recent'] = [];
  const events = sim.drainEvents();
  const who = new Map<number, string>();
  for (const e of events) if (e.type === 'arrive') who.set(e.ticket, e.customer);
  for (let i = events.length - 1; i >= 0 && recent.length < recentCount; i--) {
    const e = events[i]!;
    const text = describe(e, names, level, who);
    if (text) recent.push({ t: e.t, text });
  }
  return {
    t: view.t,
    end: view.end,
    waiting: view.counts.inSystem,
    served: view.counts.resolved,
    lost: view.counts.abandoned,
    arrived: view.counts.arrived,
    departments: view.departments.map((d) => ({
      id: d.id,
      name: nameOf(names, d.id),
      staff: d.staff,
      away: d.away,
      busy: d.busy,
      inbox: d.inbox.length,
      outbox: d.outbox.length,
      pending: d.pending.length,
      status: d.status,
      care: d.care,
    })),
    recent,
  };
}

/** Where a round ends: the level's length plus every minute added (accepted extends), from its log. */
export function roundEnd(level: Level, seed: number, log: readonly TimedCommand[]): number {
  let lastExtend = -1;
  log.forEach((c, i) => {
    if (c.cmd.type === 'extend') lastExtend = i;
  });
  if (lastExtend < 0) return level.durationSeconds;
  // Replaying up to the last extend tells whether each one was accepted (the sim refuses some).
  const at = log[lastExtend]!.at;
  return replay(level, seed, log.slice(0, lastExtend + 1), at, { recordEvents: false, sampleEvery: 0 }).view().end;
}

const handoffCache = new WeakMap<readonly TimedCommand[], Map<number, HandoffNote[]>>();

/** Every ticket's handoffs with their notes (quick or thorough), replayed once per round and kept. */
export function handoffNotes(level: Level, seed: number, log: readonly TimedCommand[]): Map<number, HandoffNote[]> {
  const known = handoffCache.get(log);
  if (known) return known;
  const out = new Map<number, HandoffNote[]>();
  try {
    const sim = replay(level, seed, log, undefined, { recordEvents: true, sampleEvery: 0 });
    for (const e of sim.drainEvents()) {
      if (e.type !== 'handoff') continue;
      const list = out.get(e.ticket) ?? [];
      list.push({ t: e.t, from: e.from, care: e.care });
      out.set(e.ticket, list);
    }
  } catch (err) {
    console.error('Could not replay the round for its handoff notes', err);
  }
  handoffCache.set(log, out);
  return out;
}

/**
 * How long the replay of a finished round runs: to where it stopped (the sim's own time at the end: the
 * level's end with the minutes the facilitator added, or earlier when the round was ended early); a
 * record without it runs to the end its log gives.
 */
export function replayLength(
  level: Level,
  seed: number,
  result: { metrics: { simulatedSeconds: number }; timeline: ReadonlyArray<{ t: number }>; commandLog: readonly TimedCommand[] },
): number {
  if (result.metrics.simulatedSeconds > 0) return result.metrics.simulatedSeconds;
  return Math.max(result.timeline.at(-1)?.t ?? 0, roundEnd(level, seed, result.commandLog));
}

/** "3 staff · 2 busy · 1 away" */
export function staffLine(d: DeptAt): string {
  const parts = [`${d.staff} staff`, `${d.busy} busy`];
  if (d.away > 0) parts.push(`${d.away} away`);
  return parts.join(' · ');
}

/** "2:30 of 10:00" */
export function clockLine(t: number, end: number): string {
  return `${formatClock(t)} of ${formatClock(end)}`;
}
