/** Pure keyboard-navigation helpers for lists and grids of buttons. */

export type NavKey = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'home' | 'end';

/** Maps a KeyboardEvent key (plus shift) to a navigation move, or null. */
export function navKeyOf(key: string, shift = false): NavKey | null {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'Tab':
      return shift ? 'prev' : 'next';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    default:
      return null;
  }
}

/**
 * Next focused index. `cols` = 1 for a vertical list (left/right then also step through it),
 * `cols` = count for a horizontal row, anything between for a grid. Tab wraps; arrows stop at edges
 * in a grid's columns but move to the neighbour row's end in a list.
 */
export function moveFocus(index: number, key: NavKey, count: number, cols = 1): number {
  if (count <= 0) return -1;
  const i = Math.min(Math.max(index, 0), count - 1);
  const c = Math.max(1, Math.min(cols, count));
  switch (key) {
    case 'next':
      return (i + 1) % count;
    case 'prev':
      return (i - 1 + count) % count;
    case 'home':
      return 0;
    case 'end':
      return count - 1;
    case 'left':
      return c === 1 ? Math.max(0, i - 1) : i % c === 0 ? i : i - 1;
    case 'right':
      return c === 1 ? Math.min(count - 1, i + 1) : i % c === c - 1 || i + 1 >= count ? i : i + 1;
    case 'up':
      return i - c >= 0 ? i - c : i;
    case 'down':
      if (i + c < count) return i + c;
      // Last, partly filled row: go to its last item if there is a row below at all.
      return Math.floor(i / c) < Math.floor((count - 1) / c) ? count - 1 : i;
  }
}
