/**
 * The one authority of a round: it orders the log. Whatever reaches its sim (a participant's command, a
 * facilitator's extend or inject) is stamped with its index in the log and its sim time, and goes out
 * as an `entry`; its time goes out as `tick`s; its state hash at agreed times as `check`s; the whole
 * round as `round` to whoever joins late or asks for a resync.
 *
 * Two ways in, one log:
 *  - the presenter's window plays on its own sim: `attach(sim)` gives back the same sim whose apply and
 *    advanceTo also queue the entries and checks (whatever else touched the sim is picked up too);
 *  - a server takes commands from the network: `submit(raw)` checks them against the command contract
 *    and applies them to the attached sim at its current time.
 * `take()` hands over what is queued, in order; the transport sends it.
 */
import type { Level } from '../level/schema';
import type { ApplyResult, Sim, TimedCommand } from '../sim/types';
import { CommandSchema } from '../contract/commands';
import { advanceChecked } from './checks';
import { forwardingSim } from './forwardingSim';
import type { CheckMsg, EntryMsg, LogMessage, RoundMsg, TickMsg } from './messages';

export interface AuthorityOptions {
  /** Who this authority is; the transport vouches for it (a per-link secret, a server connection). */
  id: string;
  /** The first run number (make it differ after a reload, e.g. from the clock). Default 1. */
  firstRun?: number;
}

export type Submitted = { ok: true; result: ApplyResult; entry: EntryMsg | null } | { ok: false; reason: string };

export interface Authority {
  readonly id: string;
  run(): number;
  /** A new run of a round (a start or a restart), or null for none; drops what was queued. */
  begin(round: { level: Level; levelId: string; seed: number } | null): void;
  /** Makes `sim` this run's sim and returns it wrapped: apply and advanceTo also feed the log. */
  attach(sim: Sim): Sim;
  /** The server path: a command from outside, validated, then applied now. */
  submit(raw: unknown): Submitted;
  /** Entries and checks queued since the last call, in the order they happened. */
  take(): LogMessage[];
  tick(speed: number, paused: boolean): TickMsg;
  /** The state hash now (for a pause or the end). Null before a round. */
  checkNow(): CheckMsg | null;
  /** The whole round, for a late joiner or a resync. */
  snapshot(speed: number, paused: boolean): RoundMsg;
  /** The log as ordered so far (copies). */
  log(): TimedCommand[];
}

export function createAuthority(opts: AuthorityOptions): Authority {
  const id = opts.id;
  let run = opts.firstRun ?? 1;
  let header: { level: Level; levelId: string; seed: number } | null = null;
  let sim: Sim | null = null;
  let log: TimedCommand[] = [];
  let queue: LogMessage[] = [];

  const onCheck = (t: number, count: number, hash: string) => {
    queue.push({ kind: 'check', authority: id, run, t, count, hash });
  };

  /** Stamps whatever the sim logged that the log does not hold yet. */
  function reconcile(): void {
    if (!sim) return;
    const full = sim.commandLog();
    for (let i = log.length; i < full.length; i++) {
      const tc = full[i]!;
      log.push(tc);
      const entry: EntryMsg = { kind: 'entry', authority: id, run, index: i, at: tc.at, cmd: tc.cmd };
      if (tc.after !== undefined) entry.after = tc.after;
      queue.push(entry);
    }
  }

  const time = () => sim?.now() ?? 0;

  return {
    id,
    run: () => run,
    begin(round) {
      run += 1;
      header = round;
      sim = null;
      log = [];
      queue = [];
    },
    attach(s) {
      sim = s;
      reconcile();
      const advanceTo = (t: number) => {
        reconcile();
        advanceChecked(s, t, onCheck);
      };
      const after = <T>(r: T): T => {
        reconcile();
        return r;
      };
      return forwardingSim(() => s, {
        advanceTo,
        step: () => after(s.step()),
        runToEnd: () => advanceTo(s.view().end),
        apply: (cmd) => after(s.apply(cmd)),
        applyAfter: (entry) => after(s.applyAfter(entry)),
      });
    },
    submit(raw) {
      if (!sim) return { ok: false, reason: 'No round is running.' };
      const cmd = CommandSchema.safeParse(raw);
      if (!cmd.success) return { ok: false, reason: 'That is not a command this game knows.' };
      const before = log.length;
      const result = sim.apply(cmd.data);
      reconcile();
      const entry = log.length > before ? (queue.findLast((m) => m.kind === 'entry') as EntryMsg) : null;
      return { ok: true, result, entry };
    },
    take() {
      reconcile();
      const out = queue;
      queue = [];
      return out;
    },
    tick(speed, paused) {
      reconcile();
      return { kind: 'tick', authority: id, run, t: time(), speed, paused, count: log.length };
    },
    checkNow() {
      if (!sim) return null;
      reconcile();
      return { kind: 'check', authority: id, run, t: sim.now(), count: log.length, hash: sim.hash() };
    },
    snapshot(speed, paused) {
      reconcile();
      return {
        kind: 'round',
        authority: id,
        run,
        levelId: header?.levelId ?? null,
        seed: header?.seed ?? 0,
        level: header?.level ?? null,
        log: log.map((c) => ({ ...c, cmd: { ...c.cmd } })),
        t: time(),
        speed,
        paused,
      };
    },
    log: () => log.map((c) => ({ ...c, cmd: { ...c.cmd } })),
  };
}
