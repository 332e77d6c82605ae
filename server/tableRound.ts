/**
 * One table's round on the server: the authority. It holds the level, the seed and the ordered log of
 * commands stamped with sim time, runs the same deterministic sim headless, validates every command
 * with the shared contract and the sim (a refusal says why, as in solo play) and owns the official
 * result and state hash. The ordering, stamping, ticks and hash checks are the round log's
 * (src/roundlog/): the same authority as the presenter's window in one browser, over another transport.
 * Replicas (the table's devices, the projector, the facilitator's view) run src/roundlog's replica.
 *
 * No clock and no transport: the room calls `advance(seconds)` from its timer and sends `take()`.
 */
import type { Level } from '../src/level/schema';
import type { LogEntry, OfficialRound, ResultMessage, RoundStatus } from '../src/live/protocol';
import {
  MAX_LOG,
  createAuthority,
  type Authority,
  type CheckMsg,
  type LogMessage,
  type RoundMsg,
  type TickMsg,
} from '../src/roundlog/index';
import { commandDepartment } from '../src/live/seatRules';
import { createSim, policies, replay } from '../src/sim/index';
import type { Command, Policy, ScoreReport, Sim } from '../src/sim/types';

export type Submitted =
  | { ok: true; index: number; entry: LogEntry }
  /** Refused: with `entry` when the sim refused it (logged), without when it never reached the sim. */
  | { ok: false; reason: string; index?: number; entry?: LogEntry };

/** The official result of a finished round, from the server's own sim (the wire shape in src/live/protocol). */
export type RoundResult = OfficialRound;

/** What a table's devices and the projector get of a result: no level, no log. */
export function publicResult(r: RoundResult): ResultMessage {
  const { level: _level, log: _log, ...rest } = r;
  return rest;
}

/** Who plays a seat nobody holds. */
export const COMPUTER = 'computer';
export const FACILITATOR = 'facilitator';

export class TableRound {
  /** Who sent each entry of the log, by index: a seat, the computer or the facilitator. */
  private by: string[] = [];
  status: RoundStatus;
  /** Sim seconds per wall second (1 in a workshop; the bench runs faster). Replicas run at it between ticks. */
  speed = 1;
  private authority: Authority;
  private sim: Sim;
  private policy: Policy;

  constructor(
    readonly table: string,
    readonly run: number,
    readonly level: Level,
    readonly seed: number,
    /** The id the replicas trust: the session and the table. */
    readonly authorityId: string,
    restored?: { log: readonly LogEntry[]; simTime: number; status: RoundStatus },
  ) {
    this.policy = policies.wholistic(seed);
    this.authority = createAuthority({ id: authorityId, firstRun: run - 1 });
    this.authority.begin({ level, levelId: level.id, seed });
    if (restored) {
      const log = restored.log.map((e) => ({ ...e, cmd: { ...e.cmd } }));
      this.by = log.map((e) => e.by);
      const sim = replay(level, seed, log, Math.max(restored.simTime, log.at(-1)?.at ?? 0), {
        recordEvents: false,
      });
      this.sim = this.authority.attach(sim);
      this.authority.take(); // the replayed entries are not news: replicas get them in the round
      this.status = sim.isOver() ? 'over' : restored.status;
    } else {
      this.sim = this.authority.attach(createSim(level, seed, { recordEvents: false }));
      this.status = 'waiting';
    }
  }

  get log(): LogEntry[] {
    return this.authority.log().map((e, i) => ({ ...e, by: this.by[i] ?? '' }));
  }
  logLength(): number {
    return this.by.length;
  }
  now(): number {
    return this.sim.now();
  }
  end(): number {
    return this.sim.view().end;
  }
  hash(): string {
    return this.sim.hash();
  }
  counts(): { arrived: number; resolved: number; abandoned: number; inSystem: number } {
    return { ...this.sim.view().counts };
  }
  score(): ScoreReport {
    return this.sim.score();
  }
  departments(): string[] {
    return this.level.departments.map((d) => d.id);
  }

  /** Runs the round on by `seconds` of sim time when it is running. True when it just ended. */
  advance(seconds: number): boolean {
    if (this.status !== 'running' || seconds <= 0) return false;
    this.sim.advanceTo(Math.min(this.sim.now() + seconds, this.end()));
    if (this.sim.isOver() || this.sim.now() >= this.end()) {
      this.status = 'over';
      return true;
    }
    return false;
  }

  /**
   * The department a command acts for, which the sender's seat must hold; null for the facilitator's
   * own commands (live events, extra time), which no table may send.
   */
  departmentOf(cmd: Command): string | null {
    return commandDepartment(cmd, this.level, (id) => this.sim.ticket(id)?.dept);
  }

  /**
   * Applies a command at the current sim time through the round log's authority. Refused commands
   * enter the log too, as in the sim's own command log (its state hash covers them), so every replica
   * that replays the log gets the same hash.
   */
  submit(cmd: Command, by: string): Submitted {
    if (this.status === 'waiting') return { ok: false, reason: 'The round has not started yet.' };
    if (this.status === 'over') return { ok: false, reason: 'The round is over.' };
    if (this.by.length >= MAX_LOG)
      return { ok: false, reason: 'This round has taken all the commands it can.' };
    const r = this.authority.submit(cmd);
    if (!r.ok) return r;
    if (!r.entry) return r.result.ok ? { ok: false, reason: 'The round is over.' } : r.result;
    this.by[r.entry.index] = by;
    const e = r.entry;
    const entry: LogEntry =
      e.after === undefined ? { at: e.at, cmd: e.cmd, by } : { at: e.at, cmd: e.cmd, after: e.after, by };
    return r.result.ok
      ? { ok: true, index: e.index, entry }
      : { ok: false, reason: r.result.reason, index: e.index, entry };
  }

  /**
   * The computer plays the departments in `free` (seats nobody holds or whose device is away): the
   * built-in wholistic policy decides for the whole board and only its commands for those desks apply.
   */
  computerTurn(free: ReadonlySet<string>): Array<{ index: number; entry: LogEntry }> {
    if (this.status !== 'running' || free.size === 0) return [];
    const out: Array<{ index: number; entry: LogEntry }> = [];
    for (const cmd of this.policy.decide(this.sim.view(), this.sim)) {
      const dept = this.departmentOf(cmd);
      if (dept === null || !free.has(dept)) continue;
      const r = this.submit(cmd, COMPUTER);
      if (r.entry !== undefined && r.index !== undefined) out.push({ index: r.index, entry: r.entry });
    }
    return out;
  }

  /** Round-log messages (entries, hash checks) queued since the last call, in order. */
  take(): LogMessage[] {
    return this.authority.take();
  }
  /** The whole round, for a device that joins, rejoins or asks for a resync. */
  snapshot(): RoundMsg {
    return this.authority.snapshot(this.speed, this.status !== 'running');
  }
  tick(): TickMsg {
    return this.authority.tick(this.speed, this.status !== 'running');
  }
  /** The state hash at exactly this moment (a pause, the end). */
  checkNow(): CheckMsg | null {
    return this.authority.checkNow();
  }

  result(team: string): RoundResult {
    return {
      table: this.table,
      team,
      run: this.run,
      levelId: this.level.id,
      seed: this.seed,
      simTime: this.sim.now(),
      hash: this.sim.hash(),
      score: this.sim.score(),
      metrics: this.sim.metrics(),
      commands: this.by.length,
      level: this.level,
      log: this.log,
    };
  }
}
