/**
 * The audience window's sim replica. The sim is deterministic, so the same level, seed and commands at
 * the same sim times give the same board: the follower applies the presenter's commands where they
 * happened and advances to the presenter's time. When that is impossible (a command arrives for a time
 * already passed, the round restarts, a message went missing), it rebuilds the replica with `replay`.
 *
 * Pure apart from the sim it drives: no clock (the caller passes elapsed wall seconds to `frame`).
 */
import type { Level } from '../../level/schema';
import type { Sim, TimedCommand } from '../../sim/types';

/** src/sim/index.ts `replay`: a sim with `log` applied at its times, advanced to `untilT`. */
export type ReplayFn = (level: Level, seed: number, log: TimedCommand[], untilT?: number) => Sim;

/** What the replica should match; an AudienceState from ./sync.ts fits. */
export interface FollowTarget {
  level: Level | null;
  seed: number;
  run: number;
  commandLog: readonly TimedCommand[];
  simTime: number;
  speed: number;
  paused: boolean;
}

export interface FollowOutcome {
  /** True when the replica was rebuilt from the start (replay) rather than stepped forward. */
  rebuilt: boolean;
  /** Commands applied by stepping forward during this call. */
  applied: number;
}

export interface FollowerOptions {
  /**
   * Between ticks the replica runs on by itself so motion stays smooth, but never more than this many
   * wall seconds ahead of the last time heard from the presenter. Default 0.4.
   */
  maxLeadSeconds?: number;
}

export interface Follower {
  /** Brings the replica in line with the target. */
  sync(target: FollowTarget): FollowOutcome;
  /** Runs the replica on by `wallSeconds` at the presenter's speed (unless paused). Returns sim time. */
  frame(wallSeconds: number): number;
  sim(): Sim | null;
  /** How many times the replica was rebuilt (for tests and the debug overlay). */
  rebuilds(): number;
}

const sameCommand = (a: TimedCommand | undefined, b: TimedCommand | undefined): boolean =>
  a !== undefined && b !== undefined && a.at === b.at && a.after === b.after && JSON.stringify(a.cmd) === JSON.stringify(b.cmd);

export function createFollower(replay: ReplayFn, opts: FollowerOptions = {}): Follower {
  const maxLead = opts.maxLeadSeconds ?? 0.4;
  let sim: Sim | null = null;
  let key = '';
  let applied: TimedCommand[] = [];
  let target: FollowTarget | null = null;
  let rebuilds = 0;

  function rebuild(t: FollowTarget, level: Level, until: number): FollowOutcome {
    const log = t.commandLog.filter((c) => c.at <= until);
    sim = replay(level, t.seed, log, until);
    applied = log;
    rebuilds += 1;
    return { rebuilt: true, applied: 0 };
  }

  return {
    sync(t) {
      target = t;
      const level = t.level;
      if (!level) {
        sim = null;
        key = '';
        applied = [];
        return { rebuilt: false, applied: 0 };
      }
      const nextKey = `${level.id}|${t.seed}|${t.run}`;
      if (!sim || nextKey !== key) {
        key = nextKey;
        return rebuild(t, level, t.simTime);
      }
      const current = sim;
      const now = current.now();
      const log = t.commandLog;
      const lastApplied = applied.length - 1;
      const consistent = applied.length <= log.length && (lastApplied < 0 || sameCommand(applied[lastApplied], log[lastApplied]));
      const fresh = consistent ? log.slice(applied.length) : [];
      if (!consistent || fresh.some((c) => c.at < now)) return rebuild(t, level, Math.max(t.simTime, now));
      for (let i = 0; i < fresh.length; i++) {
        const c = fresh[i]!;
        current.advanceTo(c.at);
        // The presenter may have applied it between two events with the same time stamp (after
        // stepping event by event); only replay can put it there.
        if (c.after !== undefined && current.metrics().events !== c.after) return rebuild(t, level, Math.max(t.simTime, now));
        current.apply(c.cmd);
        applied.push(c);
      }
      if (t.simTime > current.now()) current.advanceTo(t.simTime);
      return { rebuilt: false, applied: fresh.length };
    },
    frame(wallSeconds) {
      if (!sim || !target) return 0;
      const now = sim.now();
      if (target.paused || target.speed <= 0 || wallSeconds <= 0) return now;
      const limit = target.simTime + maxLead * target.speed;
      const next = Math.min(now + wallSeconds * target.speed, limit, sim.view().end);
      if (next > now) sim.advanceTo(next);
      return sim.now();
    },
    sim: () => sim,
    rebuilds: () => rebuilds,
  };
}
