/**
 * State-hash checks at agreed sim times. Both the authority and every replica advance their sims with
 * `advanceChecked`, which stops at each multiple of CHECK_EVERY on the way and hashes the state there
 * (before any command stamped at that exact time is applied, on both sides). The sim gives the same
 * state whatever steps it is advanced in, so equal logs give equal hashes at those times.
 */
import type { Sim } from '../sim/types';
import { CHECK_EVERY } from './messages';

export type OnCheckpoint = (t: number, count: number, hash: string) => void;

/** Advances `sim` to `t`, calling `onCheck` at every grid time passed on the way (not at the end). */
export function advanceChecked(sim: Sim, t: number, onCheck: OnCheckpoint): void {
  const now = sim.now();
  if (sim.isOver() || !(t > now)) {
    sim.advanceTo(t);
    return;
  }
  for (let k = Math.floor(now / CHECK_EVERY) + 1; ; k++) {
    const g = k * CHECK_EVERY;
    if (g > t || g >= sim.view().end) break;
    sim.advanceTo(g);
    if (sim.isOver()) return;
    onCheck(g, sim.commandLog().length, sim.hash());
  }
  sim.advanceTo(t);
}
