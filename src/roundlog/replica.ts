/**
 * A replica of a round: it takes the authority's messages (./messages.ts) through `receive`, keeps the
 * log they describe, and runs its own sim on that log (the sim is deterministic, so the same level,
 * seed and commands at the same times give the same board). It steps forward where it can and rebuilds
 * from the whole log where it must (a restart, a late command, a gap repaired).
 *
 * It trusts one authority (the first whose `round` it takes, or the one it is bound to) and rejects
 * what does not fit: another authority, an old run, a gap in the indices, a command before the one
 * ahead of it, a time past the level's end. It compares its state hash at every `check` it can, and on
 * a gap, a conflict or a different hash it asks for the whole round (`wantsRound()`); the next `round`
 * then rebuilds it from scratch.
 *
 * No clock: the caller passes elapsed wall seconds to `frame`.
 */
import type { Level } from '../level/schema';
import type { Sim, TimedCommand } from '../sim/types';
import { advanceChecked } from './checks';
import { sameEntry, type CheckMsg, type LogMessage } from './messages';

/** src/sim `replay`: a sim with `log` applied at its times, advanced to `untilT`. */
export type ReplayFn = (level: Level, seed: number, log: TimedCommand[], untilT?: number) => Sim;

export type Verdict = 'applied' | 'ignored' | 'rejected' | 'resync';

export interface ReplicaTarget {
  authority: string;
  run: number;
  levelId: string | null;
  seed: number;
  level: Level | null;
  log: TimedCommand[];
  t: number;
  speed: number;
  paused: boolean;
}

export interface ReplicaStatus {
  authority: string | null;
  run: number;
  count: number;
  /** The authority's last known sim time. */
  t: number;
  /** Hash checks that matched, and that did not. */
  checked: number;
  diverged: number;
  /** Messages refused (foreign, impossible, malformed by the rules above). */
  rejected: number;
  rebuilds: number;
  /** Why the replica last asked for the whole round. */
  lastReason: string | null;
}

export interface ReplicaOptions {
  /** Trust only this authority (else the first whose round arrives). */
  authority?: string;
  /** Between ticks the replica runs on by itself, never more than this many wall seconds ahead. Default 0.4. */
  maxLeadSeconds?: number;
}

export interface Replica {
  receive(msg: LogMessage): Verdict;
  /** Brings the sim in line with what was received (cheap when nothing changed). */
  sync(): void;
  /** Runs the sim on by `wallSeconds` at the authority's speed (unless paused). Returns sim time. */
  frame(wallSeconds: number): number;
  sim(): Sim | null;
  target(): ReplicaTarget | null;
  /** True until the first round, and after a gap, a conflict or a divergence, until the next round. */
  wantsRound(): boolean;
  /** Trust this authority from now on (a new link). */
  bind(authority: string): void;
  status(): ReplicaStatus;
}

const MAX_EXTEND = 3600;
const KEEP = 16;

export function createReplica(replay: ReplayFn, opts: ReplicaOptions = {}): Replica {
  const maxLead = opts.maxLeadSeconds ?? 0.4;
  let bound: string | null = opts.authority ?? null;
  let target: ReplicaTarget | null = null;
  /** Latest time the level can reach with the log so far (its length plus every extend). */
  let endBound = 0;
  let want = true;
  let force = false;
  let dirty = false;
  let lastReason: string | null = 'no round yet';
  let sim: Sim | null = null;
  let key = '';
  let applied: TimedCommand[] = [];
  const stats = { checked: 0, diverged: 0, rejected: 0, rebuilds: 0 };
  /** Our hashes at grid times passed, and the authority's checks we could not compare yet. */
  let mine = new Map<number, { count: number; hash: string }>();
  let pending: CheckMsg[] = [];

  const ask = (reason: string, rebuild = false): Verdict => {
    want = true;
    lastReason = reason;
    if (rebuild) force = true;
    return 'resync';
  };
  const reject = (): Verdict => {
    stats.rejected += 1;
    return 'rejected';
  };

  function compare(c: CheckMsg, count: number, hash: string): void {
    if (count === c.count && hash === c.hash) stats.checked += 1;
    else {
      stats.diverged += 1;
      ask(`state hash differs at ${c.t.toFixed(1)} s`, true);
    }
  }

  const onCheck = (t: number, count: number, hash: string) => {
    mine.set(t, { count, hash });
    if (mine.size > KEEP) mine.delete(mine.keys().next().value!);
    const waiting = pending.filter((c) => c.t === t);
    if (waiting.length === 0) return;
    pending = pending.filter((c) => c.t !== t);
    for (const c of waiting) compare(c, count, hash);
  };

  /** Checks at exactly the sim's time (a pause, the end) once the log the check counts is applied. */
  function checkHere(): void {
    if (!sim || pending.length === 0) return;
    const now = sim.now();
    const count = sim.commandLog().length;
    const here = pending.filter((c) => c.t === now && c.count === count && applied.length === (target?.log.length ?? -1));
    if (here.length === 0) return;
    pending = pending.filter((c) => !here.includes(c));
    const hash = sim.hash();
    for (const c of here) compare(c, count, hash);
  }

  function rebuild(t: ReplicaTarget, level: Level, until: number): void {
    const log = t.log.filter((c) => c.at <= until);
    sim = replay(level, t.seed, log, until);
    applied = log;
    mine = new Map();
    stats.rebuilds += 1;
  }

  function syncNow(): void {
    dirty = false;
    const t = target;
    if (!t?.level) {
      sim = null;
      key = '';
      applied = [];
      return;
    }
    const level = t.level;
    const nextKey = `${t.authority}|${t.run}|${level.id}|${t.seed}`;
    if (!sim || nextKey !== key || force) {
      key = nextKey;
      force = false;
      rebuild(t, level, t.t);
    } else {
      let current = sim;
      const now = current.now();
      const log = t.log;
      const last = applied.length - 1;
      const consistent = applied.length <= log.length && (last < 0 || sameEntry(applied[last], log[last]));
      const fresh = consistent ? log.slice(applied.length) : [];
      if (!consistent || fresh.some((c) => c.at < now)) rebuild(t, level, Math.max(t.t, now));
      else {
        for (const c of fresh) {
          advanceChecked(current, c.at, onCheck);
          // Applied between two events with the same time stamp (event by event): only replay puts it there.
          if (c.after !== undefined && current.eventsProcessed() !== c.after) {
            rebuild(t, level, Math.max(t.t, now));
            current = sim!;
            break;
          }
          current.apply(c.cmd);
          applied.push(c);
        }
        if (t.t > current.now()) advanceChecked(current, t.t, onCheck);
      }
    }
    // Paused: show exactly the authority's moment, even if the replica had run a little ahead.
    if (t.paused && sim && sim.now() > t.t + 1e-9) rebuild(t, level, t.t);
    checkHere();
  }

  function receiveRound(m: Extract<LogMessage, { kind: 'round' }>): Verdict {
    if (bound !== null && m.authority !== bound) return reject();
    const sameRun = target !== null && target.authority === m.authority && m.run === target.run;
    if (target && target.authority === m.authority && m.run < target.run) return 'ignored'; // an old attempt
    if (sameRun && !want && m.log.length < target!.log.length) return 'ignored'; // an older copy
    if (m.level && !(m.t <= m.level.durationSeconds + extendSeconds(m.log) + 1e-6)) return reject();
    for (let i = 0; i < m.log.length; i++) {
      const c = m.log[i]!;
      if (c.at > m.t + 1e-6 || (i > 0 && c.at < m.log[i - 1]!.at)) return reject();
    }
    bound ??= m.authority;
    if (want && sameRun) force = true; // asked because something was wrong: start again from the log
    want = false;
    lastReason = null;
    target = {
      authority: m.authority,
      run: m.run,
      levelId: m.levelId,
      seed: m.seed,
      level: m.level,
      log: m.log.map((c) => ({ ...c })),
      t: m.t,
      speed: m.speed,
      paused: m.paused,
    };
    endBound = m.level ? m.level.durationSeconds + extendSeconds(m.log) : 0;
    pending = pending.filter((c) => c.run === m.run);
    dirty = true;
    syncNow();
    return 'applied';
  }

  function receive(m: LogMessage): Verdict {
    if (m.kind === 'round') return receiveRound(m);
    if (bound !== null && m.authority !== bound) return reject();
    const t = target;
    if (!t || t.authority !== m.authority) return ask('no round yet');
    if (m.run < t.run) return 'ignored';
    if (m.run > t.run) return ask('a new run began');
    switch (m.kind) {
      case 'entry': {
        const have = t.log[m.index];
        const tc: TimedCommand = m.after === undefined ? { at: m.at, cmd: m.cmd } : { at: m.at, cmd: m.cmd, after: m.after };
        if (have) return sameEntry(have, tc) ? 'ignored' : ask(`entry ${m.index} differs`, true);
        if (m.index > t.log.length) return ask(`entries ${t.log.length} to ${m.index - 1} are missing`);
        const prev = t.log[t.log.length - 1];
        if (m.at > endBound + 1e-6 || (prev && m.at < prev.at)) return reject();
        t.log.push(tc);
        if (tc.cmd.type === 'extend') endBound += extendBy(tc.cmd.seconds);
        dirty = true;
        return 'applied';
      }
      case 'tick': {
        if (m.t > endBound + 1e-6) return reject();
        if (m.t < t.t) return 'ignored'; // an older tick, overtaken
        t.t = m.t;
        t.speed = m.speed;
        t.paused = m.paused;
        dirty = true;
        if (m.count > t.log.length) return ask(`entries ${t.log.length} to ${m.count - 1} are missing`);
        if (m.count < t.log.length) return ask('this window holds an entry the facilitator never sent', true);
        return 'applied';
      }
      case 'check': {
        if (m.t > endBound + 1e-6) return reject();
        if (dirty) syncNow(); // a pause just arrived: be at its moment before comparing
        // A check at a grid time after commands stamped at that same time (a pause right there) counts
        // more entries than the grid hash taken before them: compare it only with a hash of its count.
        const grid = mine.get(m.t);
        const at = grid && grid.count === m.count ? grid : undefined;
        if (at) compare(m, at.count, at.hash);
        else if (!sim || sim.now() <= m.t) {
          pending.push(m);
          if (pending.length > KEEP) pending.shift();
          if (sim && sim.now() === m.t) checkHere();
        }
        return want ? 'resync' : 'applied';
      }
    }
  }

  return {
    receive,
    sync() {
      if (dirty) syncNow();
    },
    frame(wallSeconds) {
      if (dirty) syncNow();
      const t = target;
      if (!sim || !t) return 0;
      const now = sim.now();
      if (t.paused || t.speed <= 0 || !(wallSeconds > 0)) return now;
      const limit = t.t + maxLead * t.speed;
      const next = Math.min(now + wallSeconds * t.speed, limit, sim.view().end);
      if (next > now) advanceChecked(sim, next, onCheck);
      checkHere();
      return sim.now();
    },
    sim: () => sim,
    target: () => target,
    wantsRound: () => want,
    bind(authority) {
      if (bound === authority) return;
      bound = authority;
      if (target && target.authority !== authority) {
        target = null;
        sim = null;
        key = '';
        applied = [];
        ask('linked to another facilitator window');
      }
    },
    status: () => ({
      authority: target?.authority ?? bound,
      run: target?.run ?? -1,
      count: target?.log.length ?? 0,
      t: target?.t ?? 0,
      ...stats,
      lastReason: want ? lastReason : null,
    }),
  };
}

const extendBy = (s: number): number => (Number.isFinite(s) && s > 0 && s <= MAX_EXTEND ? s : 0);
const extendSeconds = (log: readonly TimedCommand[]): number =>
  log.reduce((s, c) => s + (c.cmd.type === 'extend' ? extendBy(c.cmd.seconds) : 0), 0);
