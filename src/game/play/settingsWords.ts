/**
 * What the board says after the settings panel closes mid-level, in words that match what the board
 * does: the desks take a new text size at once (playCards.ts); the side panels, the customer list, the
 * contrast and the motion are drawn when a level starts. Pure.
 */
import type { Settings } from '../../store/store';

type Shown = Pick<Settings, 'textScale' | 'highContrast' | 'reducedMotion'>;

export function settingsChangedWords(before: Shown, after: Shown): string | null {
  const size = after.textScale !== before.textScale;
  const rest = after.highContrast !== before.highContrast || after.reducedMotion !== before.reducedMotion;
  if (size && rest) return 'The desks show the new text size now. The rest shows from the next level you start.';
  if (size) return 'The desks show the new text size now. The side panels follow from the next level you start.';
  if (rest) return 'The new contrast and motion settings show from the next level you start.';
  return null;
}
