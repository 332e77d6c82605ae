/**
 * Which words the screen's instructions use: a touch-only device (a tablet or phone with no mouse and
 * no keyboard seen yet) is told to tap, and sees no key hints; anything else keeps the key words.
 * Once a key is pressed the device has a keyboard, and the key words come back for good.
 */

/** The part of window used here (so a test can hand in its own). */
export interface InputWindow {
  matchMedia(query: string): { matches: boolean };
  addEventListener(type: 'keydown', fn: () => void, opts: { capture: boolean }): void;
}

export interface InputKind {
  /** True on a coarse pointer with no fine one, until a key is pressed. */
  touchOnly(): boolean;
}

export function createInputKind(win: InputWindow): InputKind {
  const coarse = win.matchMedia('(pointer: coarse)');
  const fine = win.matchMedia('(any-pointer: fine)');
  let keyboard = false;
  win.addEventListener(
    'keydown',
    () => {
      keyboard = true;
    },
    { capture: true },
  );
  return { touchOnly: () => !keyboard && coarse.matches && !fine.matches };
}

// Listening from the first load on: a key pressed on the title counts (not only from the first ask).
let shared: InputKind | null =
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? createInputKind(window) : null;

/** This page's input kind (false where there is no window, as in Node). */
export function touchOnly(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  shared ??= createInputKind(window);
  return shared.touchOnly();
}

/**
 * The one words function for instructions that name keys: `keys` for a keyboard and mouse, `touch`
 * for a touch-only device.
 */
export function keysOrTap(keys: string, touch: string): string {
  return touchOnly() ? touch : keys;
}
