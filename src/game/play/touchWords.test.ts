/**
 * The board's words on a touch-only device (coarse pointer, no fine one, no key pressed): tap, never
 * keys. The page's input kind is read from `window`, so this file hands in a tablet's.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boardBanner, leaveBanner } from './boardLines';
import { RoutingController } from './routingController';
import { board as boardOf } from './testing/board';

/** The shared test board with Tier 1's tray holding `outbox`. */
const board = (outbox: number[]) => boardOf({}, { t1: outbox });

const tablet = { touch: true };

beforeAll(() => {
  vi.stubGlobal('window', {
    matchMedia: (q: string) => ({
      get matches() {
        return q === '(pointer: coarse)' ? tablet.touch : q === '(any-pointer: fine)' ? !tablet.touch : false;
      },
    }),
    addEventListener: () => undefined,
  });
});
afterAll(() => vi.unstubAllGlobals());


const KEY_WORDS = /Enter|Escape|Tab|arrows|press/;

describe('a touch-only device', () => {
  it('is asked whether to leave in taps: Menu again leaves, a tap on the board keeps playing', () => {
    tablet.touch = true;
    expect(leaveBanner()).toBe('Leave this level? This game ends.\nTap Menu again: leave  ·  Tap the board: keep playing');
    expect(boardBanner('quit', 1, 1)).toBe(leaveBanner());
    const c = new RoutingController();
    c.askQuit();
    const hint = c.hint(board([7]));
    expect(hint).toBe('Leave this level? Tap Menu again to go to the menu, or tap the board to keep playing.');
  });

  it('a desk tapped with work ready, or none, is told nothing about keys', () => {
    tablet.touch = true;
    const c = new RoutingController();
    c.clickDept('t1', board([7, 8]));
    expect(c.hint(board([7, 8]))).toBe('Tier 1: tap a ticket in its "Ready to send" tray to pick it (2 ready).');
    expect(c.hint(board([]))).toBe('Tier 1 has nothing ready to send yet.');
    expect(c.hint({ ...board([]), notMine: () => "Tier 1's work is for the person at Tier 1." })).toBe(
      "Tier 1's work is for the person at Tier 1.",
    );
    for (const b of [board([7]), board([])]) expect(c.hint(b)).not.toMatch(KEY_WORDS);
  });

  it('with a mouse or keyboard the same moments name the keys', () => {
    tablet.touch = false;
    expect(leaveBanner()).toBe('Leave this level? This game ends.\nEnter or Menu again: leave  ·  Escape: keep playing');
    const c = new RoutingController();
    c.clickDept('t1', board([7]));
    expect(c.hint(board([7]))).toMatch(/press Enter .* Tab or arrows/);
    c.askQuit();
    expect(c.hint(board([7]))).toMatch(/Press Enter .* Escape/);
  });
});
