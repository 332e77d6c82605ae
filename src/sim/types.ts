/**
 * Public contract of the simulation. Everything outside src/sim/ (views, store, audio, facilitator,
 * CLI) talks to the sim only through these types and the functions in ./index.ts.
 *
 * The sim is pure and deterministic: same level + seed + timed commands give the same state, bit for bit.
 * Times are seconds of level time (floats). State is plain JSON-serialisable data.
 */
import type { CauseKey } from './causes';
import type { Command, TimedCommand } from '../contract/commands';
import type { Care, Level } from '../level/schema';

export type { Care, Level };

export type TicketId = number;
export type DeptId = string;

/** Commands are defined once, as zod schemas in the contract (src/contract/commands.ts). */
export type { Command, CommandOf, CommandType, PerCommand, TimedCommand } from '../contract/commands';

export type ApplyResult = { ok: true } | { ok: false; reason: string };

/** What a ticket is doing right now. */
export type TicketPhase =
  | 'queued' // in a department inbox
  | 'service' // a person is working on it (work, rework, triage, clarify, notes)
  | 'outbox' // finished a step, waiting to be routed
  | 'transit'; // moving between departments

export type JobKind = 'work' | 'rework' | 'notes' | 'clarify' | 'triage';

/** Why a second of a customer's time passed: a Cause (./causes.ts), as its stable string key. */
export type { Cause, CauseKey, CauseKind } from './causes';

export interface Segment {
  cause: CauseKey;
  dept: DeptId | null;
  from: number;
  to: number;
}

export interface TicketState {
  id: TicketId;
  customer: string;
  workType: string;
  arrivedAt: number;
  /** Index into the (possibly extended by escalation) journey of the next step to do. */
  step: number;
  /** Skills of the remaining journey, including any escalation step added. */
  journey: string[];
  phase: TicketPhase;
  /** Department the ticket is at; for transit, the destination. */
  dept: DeptId;
  /** Set while in transit: where from and when it left / arrives. */
  transit: { from: DeptId; to: DeptId; departAt: number; arriveAt: number } | null;
  /**
   * Added: set while the sender writes the handoff notes (waiting in its pending line, then at a desk):
   * the department the ticket goes to once the notes are done. Null otherwise.
   */
  sendingTo: DeptId | null;
  /** Set while in service: when the current job started and ends. */
  job: { kind: JobKind; start: number; end: number } | null;
  /** Satisfaction from 0 (furious) to 1 (delighted), as of the last update. */
  satisfaction: number;
  /** Time after which satisfaction starts falling. */
  patienceAt: number;
  handoffs: number;
  bounces: number;
  reasks: number;
  escalated: boolean;
  /** Added: time at which the customer gives up if still waiting (not while someone works on them). */
  abandonAt: number;
}

export interface DepartmentState {
  id: DeptId;
  /** People assigned (present or away). */
  staff: number;
  /** People away (absence, outage counts all of them). */
  away: number;
  /** People currently working on a job. */
  busy: number;
  inbox: TicketId[];
  outbox: TicketId[];
  /**
   * Added: tickets waiting here for a person to write handoff notes or fix notes after a bounce (phase
   * 'queued', dept = this one). These jobs go before the inbox.
   */
  pending: TicketId[];
  /** Added: internal request ids queued here as work (they take their turn with the inbox). */
  requestQueue: string[];
  /** Standing handoff policy. */
  care: Care;
  /** Multiplier on service times (upgrades < 1, neglect > 1). */
  speedFactor: number;
  /** Multiplier on rework and bounce chances of handoffs this department sends. */
  qualityFactor: number;
  /** 'green' | 'amber' | 'red' from queue length against the level thresholds. */
  status: 'green' | 'amber' | 'red';
}

export type RequestStatus = 'pending' | 'open' | 'granted' | 'inProgress' | 'done' | 'late';

export interface RequestState {
  id: string;
  status: RequestStatus;
  openedAt: number | null;
  dueAt: number | null;
  doneAt: number | null;
  /** True once past due while still not done. */
  overdue: boolean;
}

/**
 * T with every field, array, map and set readonly, all the way down: what the sim hands out for reading.
 * Functions and primitives pass through unchanged.
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<DeepReadonly<K>, DeepReadonly<V>>
    : T extends ReadonlySet<infer U>
      ? ReadonlySet<DeepReadonly<U>>
      : T extends object
        ? { readonly [P in keyof T]: DeepReadonly<T[P]> }
        : T;

/** A ticket as the view shows it: live, read-only all the way down. */
export type TicketView = DeepReadonly<TicketState>;
/** A department as the view shows it: live, read-only all the way down. */
export type DepartmentView = DeepReadonly<DepartmentState>;
/** An internal request as the view shows it: live, read-only all the way down. */
export type RequestView = DeepReadonly<RequestState>;

/**
 * A read-only view of sim state for views and policies: live internal objects, typed deep-readonly so no
 * consumer can change sim state through it (copy before sorting or keeping).
 */
export interface SimView {
  readonly t: number;
  /** Level end time (duration plus any facilitator extensions). */
  readonly end: number;
  readonly departments: readonly DepartmentView[];
  readonly tickets: ReadonlyMap<TicketId, TicketView>;
  readonly requests: readonly RequestView[];
  readonly counts: {
    readonly arrived: number;
    readonly resolved: number;
    readonly abandoned: number;
    readonly inSystem: number;
  };
}

export type SimEvent =
  | { type: 'arrive'; t: number; ticket: TicketId; customer: string; workType: string; dept: DeptId }
  | { type: 'jobStart'; t: number; ticket: TicketId; dept: DeptId; kind: JobKind; end: number }
  | { type: 'ready'; t: number; ticket: TicketId; dept: DeptId }
  | { type: 'handoff'; t: number; ticket: TicketId; from: DeptId; to: DeptId; care: Care; auto: boolean }
  | { type: 'transferArrive'; t: number; ticket: TicketId; dept: DeptId }
  | {
      type: 'ripple';
      t: number;
      ticket: TicketId;
      customer: string;
      kind: 'rework' | 'clarify' | 'misroute';
      /** Department whose handoff caused it. */
      source: DeptId;
      /** Department where it surfaced. */
      at: DeptId;
      /** Seconds this adds to the customer's journey (known or expected). */
      seconds: number;
    }
  | { type: 'bounce'; t: number; ticket: TicketId; from: DeptId; to: DeptId; reason: 'misroute' | 'clarify' }
  | { type: 'mood'; t: number; ticket: TicketId; satisfaction: number }
  | { type: 'escalated'; t: number; ticket: TicketId; customer: string }
  | {
      type: 'resolved' | 'abandoned';
      t: number;
      ticket: TicketId;
      customer: string;
      workType: string;
      totalSeconds: number;
      satisfaction: number;
      segments: Segment[];
    }
  | { type: 'request'; t: number; request: string; status: RequestStatus }
  | {
      type: 'levelEvent';
      t: number;
      event: string;
      kind: 'absence' | 'outage' | 'surge';
      phase: 'start' | 'end';
      dept: DeptId | null;
      text: string | null;
    }
  | { type: 'staff'; t: number; dept: DeptId; staff: number; away: number }
  | { type: 'status'; t: number; dept: DeptId; status: 'green' | 'amber' | 'red' }
  | { type: 'command'; t: number; cmd: Command; result: ApplyResult }
  | { type: 'end'; t: number };

/** Aggregated ripple: "4 quick handoffs from Tier 1 cost 9 customers 5 minutes each". */
export interface RippleSummary {
  kind: 'rework' | 'clarify' | 'misroute';
  source: DeptId;
  at: DeptId;
  handoffs: number;
  customers: number;
  seconds: number;
}

export interface DepartmentMetrics {
  arrivals: number;
  completed: number;
  meanQueueWait: number;
  meanQueueLength: number;
  utilization: number;
}

export interface Metrics {
  simulatedSeconds: number;
  events: number;
  customers: {
    arrived: number;
    resolved: number;
    abandoned: number;
    inSystem: number;
    meanWait: number;
    meanResolutionTime: number;
    p95ResolutionTime: number;
    meanSatisfaction: number;
    firstContactResolution: number;
    meanEffort: number;
  };
  departments: Record<DeptId, DepartmentMetrics>;
  /** Seconds of customer time by cause, summed over all customers (finished and in system). */
  attribution: Record<CauseKey, number>;
  ripples: RippleSummary[];
  handoffs: {
    total: number;
    quick: number;
    thorough: number;
    withRework: number;
    bounced: number;
    misrouted: number;
  };
  requests: { total: number; onTime: number; late: number; open: number };
  staffSecondsBusy: number;
}

export interface ScorePart {
  key:
    | 'satisfaction'
    | 'resolved'
    | 'meanTime'
    | 'p95Time'
    | 'firstContact'
    | 'effort'
    | 'handoffQuality'
    | 'requestsOnTime'
    | 'cost';
  group: 'external' | 'internal' | 'cost';
  /** 0..1 */
  value: number;
  weight: number;
  /** Points contributed to the 0..100 total. */
  points: number;
}

export interface ScoreReport {
  total: number;
  /** 0..3; null for levels without stars. */
  stars: number | null;
  parts: ScorePart[];
}

/** A sampled point of the level timeline, for debrief charts (taken every `sampleEvery` seconds). */
export interface TimelineSample {
  t: number;
  /** Tickets in each desk's inbox (waiting for a free person). */
  queues: Record<DeptId, number>;
  /**
   * Tickets waiting at each desk outside its inbox: done and waiting in the "Ready to send" tray, or
   * waiting for notes. Absent in sessions saved before it was sampled.
   */
  trays?: Record<DeptId, number>;
  waiting: number;
  resolved: number;
  abandoned: number;
  meanSatisfaction: number;
}

export interface SimOptions {
  /** Keep an event list for drainEvents(). Off for fast headless runs. Default true. */
  recordEvents?: boolean;
  /** Timeline sampling period in seconds; 0 disables. Default 10. */
  sampleEvery?: number;
}

export interface Sim {
  readonly level: Level;
  readonly seed: number;
  /** Current sim time. */
  now(): number;
  /** Process every event up to and including time t (clamped to the level end), then set now = t. */
  advanceTo(t: number): void;
  /** Process the next event; false when the level is over. */
  step(): boolean;
  /** Run to the end of the level. */
  runToEnd(): void;
  isOver(): boolean;
  /** Apply a command at the current time. Refusals say why in plain words, and change nothing. */
  apply(cmd: Command): ApplyResult;
  view(): SimView;
  /** The live ticket, read-only like the view's (undefined once it left). */
  ticket(id: TicketId): TicketView | undefined;
  /** Events since the last drain (empty when recordEvents is off). */
  drainEvents(): SimEvent[];
  metrics(): Metrics;
  score(): ScoreReport;
  timeline(): TimelineSample[];
  /** Events processed so far (the `after` of a command applied now). */
  eventsProcessed(): number;
  /** Events still waiting in the queue (scheduled, not yet due). */
  pendingEvents(): number;
  /**
   * Apply a logged command where it was applied: with `after`, process events one by one until that many
   * were processed, set the clock to `at` and apply; without, advance to `at` and apply.
   */
  applyAfter(entry: TimedCommand): ApplyResult;
  /** Commands applied so far, with their times; with level and seed this replays the run exactly. */
  commandLog(): TimedCommand[];
  snapshot(): SimSnapshot;
  /** Hash of the full state (hex string). */
  hash(): string;
}

/** Plain JSON; restoreSim(level, snapshot) continues exactly where it was taken. */
export interface SimSnapshot {
  version: 1;
  levelId: string;
  seed: number;
  state: unknown;
}

/** A headless player. Called whenever something may need a decision; returns commands to apply now. */
export interface Policy {
  name: string;
  decide(view: SimView, sim: Sim): Command[];
}
