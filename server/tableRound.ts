/**
 * One table's round on the server: the authority. It holds the level, the seed and the ordered log of
 * commands stamped with sim time, runs the same deterministic sim headless, validates every command
 * with the sim (a refusal says why, as in solo play) and owns the official result and state hash.
 * Replicas (the table's devices, the projector, the facilitator's view) replay the same log.
 *
 * No clock and no transport: the room calls `advance(seconds)` from its timer, so tests drive time.
 */
import type { Level } from '../src/level/schema';
import type { LogEntry, RoundMessage, RoundStatus, TickMessage } from '../src/live/protocol';
import { createSim, policies, replay } from '../src/sim/index';
import type { Command, Metrics, Policy, ScoreReport, Sim } from '../src/sim/types';

export type Submitted =
  | { ok: true; index: number; entry: LogEntry }
  /** Refused: with `entry` when the sim refused it (logged), without when it never reached the sim. */
  | { ok: false; reason: string; index?: number; entry?: LogEntry };

/** Commands one round's log may hold (a person makes a few hundred in a round). */
export const MAX_LOG = 20_000;

/** The official result of a finished round, from the server's own sim. */
export interface RoundResult {
  table: string;
  team: string;
  run: number;
  levelId: string;
  seed: number;
  simTime: number;
  hash: string;
  score: ScoreReport;
  metrics: Metrics;
  commands: number;
}

/** Who plays a seat nobody holds. */
export const COMPUTER = 'computer';
export const FACILITATOR = 'facilitator';

export class TableRound {
  readonly log: LogEntry[] = [];
  status: RoundStatus;
  private sim: Sim;
  private policy: Policy;

  constructor(
    readonly table: string,
    readonly run: number,
    readonly level: Level,
    readonly seed: number,
    restored?: { log: readonly LogEntry[]; simTime: number; status: RoundStatus },
  ) {
    this.policy = policies.wholistic(seed);
    if (restored) {
      this.log.push(...restored.log.map((e) => ({ ...e, cmd: { ...e.cmd } })));
      this.sim = replay(level, seed, this.log, Math.max(restored.simTime, this.log.at(-1)?.at ?? 0));
      this.status = this.sim.isOver() ? 'over' : restored.status;
    } else {
      this.sim = createSim(level, seed, { recordEvents: false });
      this.status = 'waiting';
    }
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
    switch (cmd.type) {
      case 'route':
        return this.sim.ticket(cmd.ticket)?.dept ?? '';
      case 'setPolicy':
      case 'prioritise':
        return cmd.department;
      case 'moveStaff':
        return cmd.from;
      case 'grant':
        return this.level.internalRequests.find((r) => r.id === cmd.request)?.to ?? '';
      case 'inject':
      case 'extend':
        return null;
    }
  }

  /**
   * Applies a command at the current sim time. Refused commands enter the log too, as in the sim's own
   * command log (its state hash covers them), so every replica that replays the log gets the same hash.
   */
  submit(cmd: Command, by: string): Submitted {
    if (this.status === 'waiting') return { ok: false, reason: 'The round has not started yet.' };
    if (this.status === 'over') return { ok: false, reason: 'The round is over.' };
    if (this.log.length >= MAX_LOG) return { ok: false, reason: 'This round has taken all the commands it can.' };
    const r = this.sim.apply(cmd);
    const entry: LogEntry = { at: this.sim.now(), cmd: { ...cmd }, by };
    this.log.push(entry);
    const index = this.log.length - 1;
    return r.ok ? { ok: true, index, entry } : { ok: false, reason: r.reason, index, entry };
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

  message(): RoundMessage {
    return {
      table: this.table,
      run: this.run,
      levelId: this.level.id,
      seed: this.seed,
      log: this.log.map((e) => ({ ...e, cmd: { ...e.cmd } })),
      simTime: this.sim.now(),
      status: this.status,
    };
  }

  tick(): TickMessage {
    return { table: this.table, run: this.run, simTime: this.sim.now(), status: this.status, hash: this.sim.hash() };
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
      commands: this.log.length,
    };
  }
}
