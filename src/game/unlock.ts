/**
 * Which campaign levels are open: the first always, then each after one that was played to the end,
 * whatever the score. Stars show mastery; they do not gate the campaign, so nobody in a workshop is
 * stuck behind a level while the room moves on (a first try often lands just under the first star).
 */
import type { LevelProgress } from '../store/store';

export function unlockedLevels(
  ids: readonly (string | null)[],
  progress: Readonly<Record<string, LevelProgress>>,
  facilitator: boolean,
): boolean[] {
  return ids.map((_, i) => {
    if (facilitator || i === 0) return true;
    const prev = ids[i - 1];
    return prev != null && progress[prev] !== undefined;
  });
}

/**
 * Why a locked level is locked, in the same rule as unlockedLevels (played to the end, any score): the
 * level list and the results screen say it with these words, so they never promise a star gate.
 * `n` is the locked level's 1-based place in the campaign.
 */
export function lockedText(n: number): string {
  return `Level ${n} opens once level ${n - 1} has been played to the end.`;
}

/** The results screen's line when the campaign's next level is still closed. */
export const NEXT_LOCKED_NOTE = 'Play this level to the end to open the next one.';

/** Stars earned on a level, 0 when never played. */
export function starsOf(progress: Readonly<Record<string, LevelProgress>>, id: string | null): number {
  return id ? Math.min(3, Math.max(0, progress[id]?.stars ?? 0)) : 0;
}

/** "2 of 3 stars", "1 of 3 stars", "no stars yet". */
export function starsText(stars: number): string {
  if (stars <= 0) return 'No stars yet';
  return `${stars} of 3 stars`;
}
