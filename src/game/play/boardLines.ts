/**
 * The board's own words over its bottom bar and board: the step line (a send or move confirmed for a
 * few seconds, else the routing controller's hint) and the banner (leaving? or paused, with the speed
 * Space goes on at), and the top bar's figures. Pure but for the words a touch-only device is told (tap, not keys); the Hud draws them (a paused banner as the pill
 * in the bottom bar).
 */
import type { SimView } from '../../sim/types';
import type { Speed } from '../../store/store';
import { keysOrTap } from '../../ui/inputKind';
import type { HudValues } from './Hud';
import type { RouteState } from './routingController';

/** The paused banner: the speed Space goes on at (a speed key while paused only chooses it). */
export function pausedBanner(lastSpeed: Speed): string {
  return `Paused\n${keysOrTap('Press Space or P', 'Tap Resume')} to continue at ${lastSpeed}x`;
}

/** The question when leaving (a touch screen is told to tap: a tap on the board keeps playing). */
export function leaveBanner(): string {
  return `Leave this level? This game ends.\n${keysOrTap('Enter or Menu again: leave  ·  Escape: keep playing', 'Tap Menu again: leave  ·  Tap the board: keep playing')}`;
}

/** The banner: the question when leaving, else paused, else none (''). */
export function boardBanner(mode: RouteState['mode'], speed: Speed, lastSpeed: Speed): string {
  if (mode === 'quit') return leaveBanner();
  return speed === 0 ? pausedBanner(lastSpeed) : '';
}

/** The step line: what was just said ("Sent Ben to Billing") until its time is up, unless a target is being chosen. */
export function stepLine(
  said: { text: string; until: number } | null,
  nowMs: number,
  mode: RouteState['mode'],
  hint: () => string,
): string {
  return said && nowMs < said.until && mode !== 'target' ? said.text : hint();
}

/** The top bar's figures from the sim's view (the score is sampled apart: it costs a replay of the parts). */
export function hudValues(view: SimView, score: number, speed: Speed): HudValues {
  const c = view.counts;
  return {
    timeLeft: view.end - view.t,
    score,
    served: c.resolved,
    waiting: c.inSystem,
    lost: c.abandoned,
    speed,
  };
}

/** How busy the board is, 0 to 1, for the ambient sound: customers in the building against four a person. */
export function boardLoad(view: SimView): number {
  const staff = view.departments.reduce((s, d) => s + Math.max(1, d.staff), 0);
  return Math.min(1, view.counts.inSystem / (staff * 4));
}
