/**
 * Facts derived once from a validated level: index tables, compiled distributions, cause keys.
 * Never serialised (rebuilt from the level on restore).
 */
import type { Level } from '../level/schema';
import { causePlace, formatCause, type Cause, type CauseKey } from './causes';
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

/** After journey step `after`, take branch i with chance cum[i] - cum[i - 1]; the rest goes on. */
export interface BranchInfo {
  after: number;
  cum: number[];
  steps: { skills: string[]; sk: number[]; end: boolean }[];
}

export interface WorkTypeInfo {
  id: string;
  skills: string[];
  sk: number[];
  risk: number;
  auto: boolean;
  /** Own patience, or null for the level's. */
  patience: CDist | null;
  abandonAfter: number;
  escalateChance: number;
  priority: number;
  scoreWeight: number;
  branches: BranchInfo[];
}

/** From `from` on, random customers pick work types by these cumulative weights. */
export interface MixInfo {
  from: number;
  cum: number[];
  total: number;
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
  /** Work mix changes after the start, in time order. */
  mixes: MixInfo[];
  /** Some work type has a priority above 0, or a score weight other than 1. */
  anyPriority: boolean;
  anyScoreWeight: boolean;
  /** Every cause of this level, by cause index; causes[i] = formatCause(causeOf[i]). */
  causeOf: Cause[];
  causes: CauseKey[];
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
  /** Each department's queueLimit and queueWarning (its status thresholds), by department index. */
  queueLimit: number[];
  queueWarning: number[];
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

/**
 * Shifts and breaks become absences after the level's own events (so event indices stay the same):
 * outside every shift all of a desk's people are away, in a shift with fewer people the rest are.
 */
function hoursEvents(level: Level, deptIndex: Map<string, number>): LevelEventInfo[] {
  const out: LevelEventInfo[] = [];
  const FOREVER = 86_400 * 10;
  const away = (dept: string, n: number, at: number, until: number, key: string, text: string | null): void => {
    if (n > 0 && until > at)
      out.push({ kind: 'absence', key, dept: deptIndex.get(dept) ?? -1, staff: n, factor: 1, duration: until - at, at, scheduled: true, text });
  };
  for (const d of level.departments) {
    if (d.shifts && d.shifts.length > 0) {
      const shifts = d.shifts.map((x, i) => ({ ...x, i })).sort((a, b) => a.from - b.from || a.i - b.i);
      let open = 0;
      shifts.forEach((sh, k) => {
        away(d.id, d.staff, open, sh.from, `closed-${d.id}-${k + 1}`, `${d.name} is closed for now`);
        away(d.id, d.staff - (sh.staff ?? d.staff), sh.from, sh.to, `shift-${d.id}-${k + 1}`, null);
        open = Math.max(open, sh.to);
      });
      away(d.id, d.staff, open, FOREVER, `closed-${d.id}-${shifts.length + 1}`, `${d.name} has closed for the day`);
    }
    d.breaks.forEach((b, k) => away(d.id, b.staff, b.at, b.at + b.durationSeconds, `break-${d.id}-${k + 1}`, `${d.name}: ${b.staff === 1 ? 'one person is' : `${b.staff} people are`} on a break`));
  }
  return out;
}

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
  const C = level.customers;
  const wts: WorkTypeInfo[] = level.workTypes.map((w) => ({
    id: w.id,
    skills: w.journey.map((j) => j.skill),
    sk: w.journey.map((j) => skillIndex.get(j.skill)!),
    risk: w.handoffRisk,
    auto: auto === 'all' || (Array.isArray(auto) && auto.includes(w.id)),
    patience: w.patience !== undefined ? compileDist(w.patience) : null,
    abandonAfter: w.abandonAfter ?? C.abandonAfter,
    escalateChance: w.escalateChance ?? C.escalateChance,
    priority: w.priority,
    scoreWeight: w.scoreWeight,
    branches: w.journey.flatMap((j, after): BranchInfo[] => {
      if (!j.then) return [];
      let c = 0;
      return [
        {
          after,
          cum: j.then.map((b) => (c = Math.min(1, c + b.chance))),
          steps: j.then.map((b) => ({
            skills: b.steps.map((x) => x.skill),
            sk: b.steps.map((x) => skillIndex.get(x.skill)!),
            end: b.end,
          })),
        },
      ];
    }),
  }));
  const cumOf = (weight: (w: Level['workTypes'][number]) => number): { cum: number[]; total: number } => {
    const cum: number[] = [];
    let total = 0;
    for (const w of level.workTypes) {
      total += weight(w);
      cum.push(total);
    }
    return { cum, total };
  };
  const base = cumOf((w) => w.weight);
  const wtCum = base.cum;
  const acc = base.total;
  const mixes: MixInfo[] = level.arrivals.mix
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.from - b.m.from || a.i - b.i)
    .map(({ m }) => ({ from: m.from, ...cumOf((w) => m.weights[w.id] ?? w.weight) }));
  const levelEvents: LevelEventInfo[] = level.events.map((e, i) => ({
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
  const events = [...levelEvents, ...hoursEvents(level, deptIndex)];
  const causeOf: Cause[] = [];
  const causes: CauseKey[] = [];
  const causeKind: number[] = [];
  const causeDept: (string | null)[] = [];
  const add = (c: Cause, kind: number, dept: string | null = causePlace(c)): void => {
    causeOf.push(c);
    causes.push(formatCause(c));
    causeKind.push(kind);
    causeDept.push(dept);
  };
  for (const dept of deptIds) {
    add({ kind: 'service', dept }, CK_SERVICE);
    add({ kind: 'queue', dept }, CK_QUEUE);
    add({ kind: 'outbox', dept }, CK_OUTBOX);
    add({ kind: 'notes', dept }, CK_NOTES);
  }
  add({ kind: 'transit' }, CK_TRANSIT);
  const pairs = (kind: 'rework' | 'clarify' | 'misroute', ck: number): void => {
    for (const from of deptIds) for (const to of deptIds) add({ kind, from, to }, ck);
  };
  pairs('rework', CK_REWORK);
  pairs('clarify', CK_CLARIFY);
  pairs('misroute', CK_MISROUTE);
  // an event's time is placed at the department it hits
  events.forEach((e) => add({ kind: 'event', event: e.key }, CK_EVENT, e.dept >= 0 ? deptIds[e.dept]! : null));

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
    mixes,
    anyPriority: wts.some((w) => w.priority > 0),
    anyScoreWeight: wts.some((w) => w.scoreWeight !== 1),
    causeOf,
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
    queueLimit: level.departments.map((d) => d.queueLimit),
    queueWarning: level.departments.map((d) => d.queueWarning),
  };
}
