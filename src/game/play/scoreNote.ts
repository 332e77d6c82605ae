/**
 * Why the live score dips: it is the score if the level ended now, so a customer who has just arrived
 * counts as not served until served, and the score falls as new customers come in while the player
 * has done nothing wrong (playtest 6: "41, 23, 32, 49, 39 while serving" read as punishment). The
 * first time it falls for that reason alone (more customers arrived, nobody served or lost since), the
 * board says so once, in a toast. The score itself is the sim's: this only reads it.
 */

export interface ScoreSample {
  /** The sim's score now (0 to 100). */
  score: number;
  arrived: number;
  resolved: number;
  abandoned: number;
}

/** The words, kept here so the board and its tests agree. */
export const SCORE_DIP_NOTE =
  'The score dips when new customers arrive: they count as not served until you serve them. It climbs as you do.';

/** A fall smaller than this is the slow ebb of waiting customers' mood, not a new arrival's. */
const DIP_POINTS = 2;

export class ScoreNote {
  private last: ScoreSample | null = null;
  private said = false;

  /** Reads a new sample; the note's words the first time the score dipped only because customers came. */
  sample(now: ScoreSample): string | null {
    const before = this.last;
    this.last = now;
    if (this.said || !before) return null;
    const onlyArrivals =
      now.arrived > before.arrived && now.resolved === before.resolved && now.abandoned === before.abandoned;
    if (!onlyArrivals || before.score - now.score < DIP_POINTS) return null;
    this.said = true;
    return SCORE_DIP_NOTE;
  }
}
