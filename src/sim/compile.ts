/**
 * Facts derived once from a validated level: index tables, compiled distributions, cause keys.
 * Never serialised (rebuilt from the level on restore).
 */
import type { Level } from '../level/schema';
import { compileDist, type CDist } from './distributions';
import { DEFAULT_NAMES } from './names';

export const CK_SERVICE = 0;
export const CK_QUEUE = 1;
export const CK_OUTBOX = 2;
export const CK_NOTES = 3;
export const CK_TRANSIT = 4;
export const CK_REWORK = 5;
export const CK_CLARIFY = 6;
export const CK_MISROUTE = 7;
export const CK_EVENT = 8;

export interface WorkTypeInfo {
  id: string;
  skills: string[];
  sk: number[];
  risk: number;
  auto: boolean;
}

export interface LevelEventInfo {
  kind: 'absence' | 'outage' | 'surge';
  key: string;
  dept: number;
  staff: number;
  factor: number;
  duration: number;
  at: number;
  scheduled: boolean;
  text: string | null;
}

export interface RequestInfo {
  from: number;
  to: number;
}

export interface Static {
  level: Level;
  D: number;
  deptIds: string[];
  deptIndex: Map<string, number>;
  skillIndex: Map<string, number>;
  S: number;
  /** has[d * S + s] */
  has: boolean[];
  /** svc[d * S + s], null when the department lacks the skill */
  svc: (CDist | null)[];
  entry: number;
  wts: WorkTypeInfo[];
  wtIndex: Map<string, number>;
  wtCum: number[];
  wtTotal: number;
  causes: string[];
  causeKind: number[];
  causeDept: (string | null)[];
  patience: CDist;
  reworkTime: CDist;
  stopAt: number;
  schedule: { from: number; rate: number }[];
  scriptOrder: number[];
  names: readonly string[];
  escSkill: number;
  events: LevelEventInfo[];
  eventIndex: Map<string, number>;
  requests: RequestInfo[];
  requestIndex: Map<string, number>;
  /** Handoff targets with the skill, per skill index, in department order. */
  bySkill: number[][];
}

export const cService = (d: number): number => 4 * d;
export const cQueue = (d: number): number => 4 * d + 1;
export const cOutbox = (d: number): number => 4 * d + 2;
export const cNotes = (d: number): number => 4 * d + 3;
export const cTransit = (D: number): number => 4 * D;
export const cRework = (D: number, f: number, t: number): number => 4 * D + 1 + f * D + t;
export const cClarify = (D: number, f: number, t: number): number => 4 * D + 1 + D * D + f * D + t;
export const cMisroute = (D: number, f: number, t: number): number => 4 * D + 1 + 2 * D * D + f * D + t;
export const cEvent = (D: number, e: number): number => 4 * D + 1 + 3 * D * D + e;

export function compileLevel(level: Level): Static {
  const D = level.departments.length;
  const deptIds = level.departments.map((d) => d.id);
  const deptIndex = new Map(deptIds.map((id, i) => [id, i] as const));
  const skillIndex = new Map<string, number>();
  const addSkill = (s: string): number => {
    let i = skillIndex.get(s);
    if (i === undefined) {
      i = skillIndex.size;
      skillIndex.set(s, i);
    }
    return i;
  };
  for (const d of level.departments) for (const s of d.skills) addSkill(s);
  for (const w of level.workTypes) for (const j of w.journey) addSkill(j.skill);
  const escSkill = addSkill(level.customers.escalateSkill);
  const S = skillIndex.size;
  const has: boolean[] = new Array<boolean>(D * S).fill(false);
  const svc: (CDist | null)[] = new Array<CDist | null>(D * S).fill(null);
  level.departments.forEach((d, di) => {
    for (const s of d.skills) {
      const si = skillIndex.get(s)!;
      has[di * S + si] = true;
      const dist = d.serviceTime[s];
      svc[di * S + si] = compileDist(dist ?? 0);
    }
  });
  const bySkill: number[][] = [];
  for (let s = 0; s < S; s++) {
    const list: number[] = [];
    for (let d = 0; d < D; d++) if (has[d * S + s]) list.push(d);
    bySkill.push(list);
  }
  const auto = level.autoRoute;
  const wts: WorkTypeInfo[] = level.workTypes.map((w) => ({
    id: w.id,
    skills: w.journey.map((j) => j.skill),
    sk: w.journey.map((j) => skillIndex.get(j.skill)!),
    risk: w.handoffRisk,
    auto: auto === 'all' || (Array.isArray(auto) && auto.includes(w.id)),
  }));
  const wtCum: number[] = [];
  let acc = 0;
  for (const w of level.workTypes) {
    acc += w.weight;
    wtCum.push(acc);
  }
  const events: LevelEventInfo[] = level.events.map((e, i) => ({
    kind: e.kind,
    key: e.id ?? `${e.kind}-${i + 1}`,
    dept: e.kind === 'surge' ? -1 : (deptIndex.get(e.department) ?? -1),
    staff: e.kind === 'absence' ? e.staff : 0,
    factor: e.kind === 'surge' ? e.factor : 1,
    duration: e.durationSeconds,
    at: e.at,
    scheduled: e.trigger === 'scheduled',
    text: e.text ?? null,
  }));
  const causes: string[] = [];
  const causeKind: number[] = [];
  const causeDept: (string | null)[] = [];
  const add = (key: string, kind: number, dept: string | null): void => {
    causes.push(key);
    causeKind.push(kind);
    causeDept.push(dept);
  };
  for (const id of deptIds) {
    add(`service:${id}`, CK_SERVICE, id);
    add(`queue:${id}`, CK_QUEUE, id);
    add(`outbox:${id}`, CK_OUTBOX, id);
    add(`notes:${id}`, CK_NOTES, id);
  }
  add('transit', CK_TRANSIT, null);
  const pairs = (prefix: string, kind: number, atReceiver: boolean): void => {
    for (const f of deptIds) for (const t of deptIds) add(`${prefix}:${f}>${t}`, kind, atReceiver ? t : f);
  };
  pairs('rework', CK_REWORK, true);
  pairs('clarify', CK_CLARIFY, false);
  pairs('misroute', CK_MISROUTE, false);
  events.forEach((e) => add(`event:${e.key}`, CK_EVENT, e.dept >= 0 ? deptIds[e.dept]! : null));

  const schedule = level.arrivals.schedule
    .map((x, i) => ({ from: x.from, rate: x.ratePerMinute, i }))
    .sort((a, b) => a.from - b.from || a.i - b.i)
    .map(({ from, rate }) => ({ from, rate }));
  const scriptOrder = level.arrivals.scripted
    .map((x, i) => ({ at: x.at, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.i);
  const names = level.customers.names && level.customers.names.length > 0 ? level.customers.names : DEFAULT_NAMES;
  return {
    level,
    D,
    deptIds,
    deptIndex,
    skillIndex,
    S,
    has,
    svc,
    entry: level.entry !== undefined ? (deptIndex.get(level.entry) ?? 0) : 0,
    wts,
    wtIndex: new Map(wts.map((w, i) => [w.id, i] as const)),
    wtCum,
    wtTotal: acc,
    causes,
    causeKind,
    causeDept,
    patience: compileDist(level.customers.patience),
    reworkTime: compileDist(level.handoffs.reworkTime),
    stopAt: level.arrivals.stopAt ?? 0.85 * level.durationSeconds,
    schedule,
    scriptOrder,
    names,
    escSkill,
    events,
    eventIndex: new Map(events.map((e, i) => [e.key, i] as const)),
    requests: level.internalRequests.map((r) => ({ from: deptIndex.get(r.from) ?? 0, to: deptIndex.get(r.to) ?? 0 })),
    requestIndex: new Map(level.internalRequests.map((r, i) => [r.id, i] as const)),
    bySkill,
  };
}
