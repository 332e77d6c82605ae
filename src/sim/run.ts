/** Play a whole level headlessly with a policy. */
import type { Level } from '../level/schema';
import { policies, type PolicyName } from './policies';
import { newHeap } from './heap';
import { SimImpl, worldOf } from './sim';
import type { Sim, SimOptions } from './types';

export interface RunOptions extends SimOptions {
  /** Also ask the policy at least this often (sim seconds), for staffing decisions. Default 5. */
  decideEvery?: number;
}

/**
 * Runs the level to its end. The policy is asked whenever something lands in an outbox or a request
 * opens (checked after every event), and at least every `decideEvery` seconds. Events are not recorded
 * unless opts.recordEvents is true.
 */
export function runPolicy(level: Level, seed: number, policyName: PolicyName, opts?: RunOptions): Sim {
  const sim = new SimImpl(level, seed, null, { recordEvents: false, ...opts });
  const make = policies[policyName];
  if (!make) throw new Error(`Unknown policy "${String(policyName)}"`);
  const policy = make(seed);
  // Asked at stale timers' moments too, as before they were swept out of the heap (state.ts World.ticks).
  worldOf(sim).ticks = newHeap();
  if (policyName === 'idle') {
    sim.runToEnd();
    return sim;
  }
  const s = worldOf(sim).s;
  // A person at the board looks again every second (their own reaction time is in the policy).
  const every = opts?.decideEvery ?? (policyName.startsWith('human') ? 1 : 5);
  let seen = -1;
  let nextAt = 0;
  for (;;) {
    if (s.attention !== seen || s.t >= nextAt) {
      seen = s.attention;
      if (s.t >= nextAt) nextAt = s.t + every;
      const cmds = policy.decide(sim.view(), sim);
      for (const c of cmds) sim.apply(c);
    }
    if (!sim.step()) break;
  }
  return sim;
}
