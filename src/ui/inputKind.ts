/**
 * Which words the screen's instructions use: a touch-only device (a tablet or phone with no mouse and
 * no keyboard seen yet) is told to tap, and sees no key hints; anything else keeps the key words.
 * Once a key is pressed the device has a keyboard, and the key words come back for good.
 */

/** The part of window used here (so a test can hand in its own). */
export interface InputWindow {
  matchMedia(query: string): { matches: boolean };
  addEventListener(type: 'keydown', fn: (e: { target: unknown }) => void, opts: { capture: boolean }): void;
}

/**
 * Typing in a text field (a join code, a team name) is what a phone's on-screen keyboard does too: it
 * does not show that the device has a keyboard of its own.
 */
function typedInField(target: unknown): boolean {
  const t = target as { tagName?: unknown; isContentEditable?: unknown } | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable === true);
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
    (e) => {
      if (!typedInField(e.target)) keyboard = true;
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

/** A key as a level's text names one: a letter or digit, a sign, or a named key. */
const KEY = String.raw`(?:[A-Z0-9]|[-+=/.,\[\]]|Space|Enter|Tab|Escape|Esc|Shift)`;
/** A bracketed key hint: "(G)", "(-)", "(or G)", "(or press F)", "(Q/T)", "(keys Q and T)", "(1-3)". */
const KEY_HINT = new RegExp(
  String.raw`\s*\((?:or )?(?:press |keys? )?${KEY}(?:(?:\s*(?:/|,|or|and)\s*|-)${KEY})*\)`,
  'g',
);

/**
 * Words written for a mouse and keyboard, for a finger: bracketed key hints go ("'Move 1 (-)'" reads
 * "'Move 1'", as the button does on a touch screen) and click or press becomes tap. For the level's
 * own texts (a trainer writes them once, for every device) and the briefing's lines.
 */
export function tapWords(text: string): string {
  return text
    .replace(KEY_HINT, '')
    .replace(/\b([Cc]lick|[Pp]ress)(ing|ed|es|s)?\b/g, (_m, verb: string, end: string | undefined) => {
      const tap = verb[0] === verb[0]!.toUpperCase() ? 'Tap' : 'tap';
      const tail = end === 'ing' ? 'ping' : end === 'ed' ? 'ped' : end ? 's' : '';
      return tap + tail;
    });
}

/** A text written for a keyboard and mouse, in the words this device needs (see tapWords). */
export function forInput(text: string): string {
  return touchOnly() ? tapWords(text) : text;
}
