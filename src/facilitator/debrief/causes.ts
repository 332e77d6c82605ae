/**
 * Cause keys of the sim's attribution ("queue:billing", "rework:tier1>billing", ...) in plain words,
 * with department names from the level. Keys are read with the sim's parseCause only. Pure.
 */
import type { Level } from '../../level/schema';
import { causePlace, parseCause } from '../../sim/index';
import type { DeptLabel } from '../session/session';
import { duration } from '../../game/scenes/resultsExplain';

export type CauseKind = 'work' | 'queue' | 'outbox' | 'notes' | 'transit' | 'rework' | 'clarify' | 'misroute' | 'event' | 'other';

export interface ParsedCause {
  kind: CauseKind;
  /** The department where the time passed (for rework: the receiver; for bounces: the sender). */
  dept: string | null;
  /** For handoff causes: who sent and who received. */
  from: string | null;
  to: string | null;
  /** For event causes: the event key. */
  event: string | null;
}

/** A cause key read with the sim's one parser, in the debrief's terms ('work' for service, 'other' for a key no sim writes). */
export function readCause(key: string): ParsedCause {
  const c = parseCause(key);
  const none = { dept: null, from: null, to: null, event: null };
  if (c === null) return { kind: 'other', ...none };
  switch (c.kind) {
    case 'transit':
      return { kind: 'transit', ...none };
    case 'event':
      return { kind: 'event', ...none, event: c.event };
    case 'rework':
    case 'clarify':
    case 'misroute':
      return { kind: c.kind, dept: causePlace(c), from: c.from, to: c.to, event: null };
    default:
      return { kind: c.kind === 'service' ? 'work' : c.kind, ...none, dept: c.dept };
  }
}

/** The department whose choices caused this time (the sender, for handoff problems). */
export function causeOwner(p: ParsedCause): string | null {
  return isHandoffProblem(p.kind) ? p.from : p.dept;
}

/** Rework, bounces and misroutes: the ripples of careless handoffs. */
export function isHandoffProblem(kind: CauseKind): boolean {
  return kind === 'rework' || kind === 'clarify' || kind === 'misroute';
}

export type Names = ReadonlyMap<string, string>;

/** Department names by id: from the level when we have it, else from what the round kept. */
export function deptNames(departments: readonly DeptLabel[], level?: Level | null): Names {
  const m = new Map<string, string>();
  for (const d of departments) m.set(d.id, d.name);
  for (const d of level?.departments ?? []) m.set(d.id, d.name);
  return m;
}

export const nameOf = (names: Names, id: string | null): string => (id ? (names.get(id) ?? id) : 'somewhere');

/** Text of a level event by its key (its id, or "<kind>-<n>" counting from 1). */
export function eventText(level: Level | null | undefined, key: string, names: Names = new Map()): string | null {
  const events = level?.events ?? [];
  const i = events.findIndex((e, n) => (e.id ?? `${e.kind}-${n + 1}`) === key);
  const e = events[i];
  if (!e) return null;
  if (e.text) return e.text;
  if (e.kind === 'absence') return `people away at ${nameOf(names, e.department)}`;
  if (e.kind === 'outage') return `an outage at ${nameOf(names, e.department)}`;
  return 'a surge of customers';
}

/** "Waiting in Billing's queue", "Rework at Billing after quick notes from Tier 1", ... */
export function causeLabel(key: string, names: Names, level?: Level | null): string {
  const p = readCause(key);
  const d = nameOf(names, p.dept);
  const from = nameOf(names, p.from);
  const to = nameOf(names, p.to);
  switch (p.kind) {
    case 'work':
      return `Work at ${d}`;
    case 'queue':
      return `Waiting in the ${d} queue`;
    case 'outbox':
      return `Done at ${d}, waiting to be routed`;
    case 'notes':
      return `${d} writing handoff notes`;
    case 'transit':
      return 'Moving between desks';
    case 'rework':
      return `Rework at ${to} after thin notes from ${from}`;
    case 'clarify':
      return `Bounced back from ${to} to ${from} to clarify`;
    case 'misroute':
      return `Sent from ${from} to ${to}, the wrong desk`;
    case 'event': {
      const text = eventText(level, p.event ?? '', names);
      return `Held up: ${text ?? p.event ?? 'an incident'}${p.dept ? ` (${d})` : ''}`;
    }
    case 'other':
      return key;
  }
}

/** "45 s", "7 min 20 s", "1 h 5 min" (the results screen's words); a dash when there is no figure. */
export function formatDuration(seconds: number): string {
  return Number.isFinite(seconds) ? duration(seconds) : '–';
}

/** Sim time as a clock: "3:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
