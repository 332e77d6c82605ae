/** The Sim object: a thin wrapper over the world state and the engine functions. */
import type { Level } from '../level/schema';
import { applyCommand } from './commands';
import { compileLevel } from './compile';
import { advanceTo, initWorld, setClock, stepOnce, stepUpTo } from './engine';
import { computeMetrics, inSystemSatisfaction, weightedCustomers } from './metrics';
import { scoreFrom } from './scoring';
import { hashState, restoreState, takeSnapshot } from './snapshot';
import { newState, type State, type World } from './state';
import { newTicketIndex } from './ticketIndex';
import type {
  ApplyResult, Command, Metrics, ScoreReport, Sim, SimEvent, SimOptions, SimSnapshot, SimView, TicketId, TicketView,
  TimedCommand, TimelineSample,
} from './types';

/** The view object the sim keeps: its clock fields are refreshed on each view() call; consumers see SimView. */
type LiveView = { -readonly [K in keyof SimView]: SimView[K] };

export class SimImpl implements Sim {
  readonly level: Level;
  readonly seed: number;
  /** The engine world (state, compiled level, options): private; sim modules reach it with worldOf(). */
  private readonly w: World;
  private readonly v: LiveView;

  constructor(level: Level, seed: number, state: State | null, opts: SimOptions | undefined) {
    this.level = level;
    this.seed = seed;
    const st = compileLevel(level);
    const fresh = state === null;
    const s = state ?? newState(st, seed);
    const ix = newTicketIndex(s.tickets.values());
    this.w = { s, st, rec: opts?.recordEvents ?? true, out: [], sampleEvery: opts?.sampleEvery ?? 10, ix };
    if (fresh) initWorld(this.w);
    this.v = { t: s.t, end: s.end, departments: s.depts, tickets: s.tickets, requests: s.reqs, counts: s.counts };
  }

  now(): number {
    return this.w.s.t;
  }
  advanceTo(t: number): void {
    advanceTo(this.w, t);
  }
  step(): boolean {
    return stepOnce(this.w);
  }
  runToEnd(): void {
    advanceTo(this.w, this.w.s.end);
  }
  isOver(): boolean {
    return this.w.s.over;
  }
  apply(cmd: Command): ApplyResult {
    return applyCommand(this.w, cmd);
  }
  /** A live, read-only window on the state (same objects each call): copy what you need to keep. */
  view(): SimView {
    const v = this.v;
    v.t = this.w.s.t;
    v.end = this.w.s.end;
    return v;
  }
  ticket(id: TicketId): TicketView | undefined {
    return this.w.s.tickets.get(id);
  }
  drainEvents(): SimEvent[] {
    const out = this.w.out;
    this.w.out = [];
    return out;
  }
  metrics(): Metrics {
    return computeMetrics(this.w);
  }
  score(): ScoreReport {
    const m = computeMetrics(this.w);
    return scoreFrom(this.level, m, this.w.s.agg.satSum, inSystemSatisfaction(this.w), weightedCustomers(this.w));
  }
  timeline(): TimelineSample[] {
    return this.w.s.timeline.slice();
  }
  eventsProcessed(): number {
    return this.w.s.processed;
  }
  pendingEvents(): number {
    return this.w.s.heap.n + this.w.s.timers.n;
  }
  applyAfter(entry: TimedCommand): ApplyResult {
    const s = this.w.s;
    if (entry.after !== undefined) {
      while (s.processed < entry.after && stepUpTo(this.w, entry.at)) {
        /* catch up event by event */
      }
      setClock(this.w, entry.at);
    } else advanceTo(this.w, entry.at);
    return applyCommand(this.w, entry.cmd);
  }
  commandLog(): TimedCommand[] {
    return this.w.s.log.map((e) => ({ ...e, cmd: { ...e.cmd } }));
  }
  snapshot(): SimSnapshot {
    return takeSnapshot(this.w.s, this.level.id, this.seed);
  }
  hash(): string {
    return hashState(this.w.s);
  }
  /** Internal (replay): move the clock without processing events. */
  setClock(t: number): void {
    setClock(this.w, t);
  }
}

/** Sim modules only (not exported by index.ts): the world behind a sim. */
export function worldOf(sim: SimImpl): World {
  return sim['w'];
}

export function createSim(level: Level, seed: number, opts?: SimOptions): Sim {
  return new SimImpl(level, seed, null, opts);
}

export function restoreSim(level: Level, snap: SimSnapshot, opts?: SimOptions): Sim {
  if (snap.version !== 1) throw new Error(`Unsupported snapshot version ${String(snap.version)}`);
  if (snap.levelId !== level.id) throw new Error(`Snapshot is of level "${snap.levelId}", not "${level.id}"`);
  return new SimImpl(level, snap.seed, restoreState(snap), opts);
}

/**
 * Re-run a level from its seed and command log. Commands logged with `after` land between the same two
 * events as originally. Runs to untilT if given, else to the end of the level.
 */
export function replay(level: Level, seed: number, log: readonly TimedCommand[], untilT?: number, opts?: SimOptions): Sim {
  const sim = new SimImpl(level, seed, null, opts);
  for (const e of log) {
    if (untilT !== undefined && e.at > untilT) break;
    sim.applyAfter(e);
  }
  if (untilT !== undefined) sim.advanceTo(untilT);
  else sim.runToEnd();
  return sim;
}
