/**
 * Moving people between desks, as a player sees it: a desk of one shows its Move button greyed out, and
 * a move that worked is confirmed on the bottom line (blind playtest: moves seemed to do nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard, type GamePage } from './harness';
import { press } from './helpers';

let game: GamePage;
beforeAll(async () => {
  game = await openBoard('?level=supervisor-out&seed=2', { width: 1280, height: 720 });
});
afterAll(async () => game?.close());

describe('moving a person', () => {
  it('confirms a move on the bottom line, naming both desks', async () => {
    const page = game.page;
    await press(page, ' '); // paused: every Tier 2 person is free at the start
    // Tab to the second desk (Tier 2), '-' to move one of its people, then 1 for Tier 1.
    await press(page, 'Tab', 2);
    await press(page, '-');
    await press(page, '1');
    await expect
      .poll(() => page.evaluate(() => window.__ripple!.texts().map((t) => t.text)))
      .toContain('Moved one person from Tier 2 to Tier 1');
    const staff = await page.evaluate(() =>
      Object.fromEntries(window.__ripple!.sim()!.departments.map((d) => [d.id, d.staff])),
    );
    expect(staff['tier-1']).toBe(5);
    expect(staff['tier-2']).toBe(2);
    await game.shot('moves-01-confirmed');
  });

  it('logged no errors', () => expect(game.problems).toEqual([]));
});
