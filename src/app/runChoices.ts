/**
 * A round left in progress, in the board's terms and with the player's own choices (pure).
 *
 *  - The board counts time down ("4:30 left"), so the resume offer says the time left too:
 *    the level's length plus every "more time" the facilitator gave, less the time played.
 *  - The notes choice (Quick or Thorough) is not a sim command: it changes nothing until a handoff
 *    carries it, and every handoff in the log says which notes it took. So a resumed board reads the
 *    choice back from the log (the notes of its last handoff), and a round stays its level, seed and
 *    commands. A choice flipped after the last handoff and before a reload has changed nothing yet and
 *    is not kept. Speed is kept in the record already; a resumed game starts paused on purpose.
 */
import type { Care, Level } from '../level/schema';
import { careIsChosen } from '../sim/index';
import type { TimedCommand } from '../sim/types';
import { formatClock } from '../game/play/rippleText';

/** The level's end time after the facilitator's extensions in the log. */
export function endOf(level: Level, log: readonly TimedCommand[]): number {
  let end = level.durationSeconds;
  for (const e of log) if (e.cmd.type === 'extend' && Number.isFinite(e.cmd.seconds) && e.cmd.seconds > 0) end += e.cmd.seconds;
  return end;
}

/** Time left as the board's clock shows it ("4:30"). */
export function timeLeftText(end: number, t: number): string {
  return formatClock(Math.max(0, end - t));
}

/** The choices a player made on this board that live outside the sim, read back from its log. */
export interface RunChoices {
  /** Notes for the next handoff: those of the last handoff sent, or null (none sent, or not a choice here). */
  care: Care | null;
}

export function choicesFromLog(level: Level, log: readonly TimedCommand[]): RunChoices {
  if (!careIsChosen(level.actions)) return { care: null };
  for (let i = log.length - 1; i >= 0; i--) {
    const c = log[i]!.cmd;
    if (c.type === 'route' && c.care) return { care: c.care };
  }
  return { care: null };
}
