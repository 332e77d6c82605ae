/**
 * Issue #13 item 4: R (restart) and J (levels) on a session round ask first; Escape keeps the game as
 * it was, Enter starts again (counted in the round's record, the discarded attempt's bookmark gone) or
 * leaves (the round goes back to planned, no longer "Playing now").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGame, startBoard, waitForScreen, type GamePage } from './harness';
import { press, sim, skipAhead } from './helpers';

let game: GamePage;
const round = () =>
  game.page.evaluate(() => {
    const raw = localStorage.getItem('ripple-effect:session:v1');
    const s = raw ? (JSON.parse(raw) as { rounds: Array<{ status: string; restarts?: number; bookmarks: unknown[] }> }) : null;
    return s?.rounds[0] ?? null;
  });

describe('restart and levels on a session round', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    game = await openGame('?facilitator=1');
    await waitForScreen(game.page, 'title');
    const page = game.page;
    await page.keyboard.press('g');
    await page.locator('.rx-session').waitFor({ state: 'visible' });
    await page.selectOption('select[name="level"]', 'clear-notes');
    await page.fill('input[name="team"]', 'Green table');
    await page.click('[data-testid="add-round"]');
    await page.click('[data-testid="start-r1"]');
    await startBoard(page);
    await page.waitForSelector('.lv-bar');
  }, 150_000);
  afterAll(async () => game?.close());

  it('R asks first and Escape keeps the game where it was', async () => {
    const page = game.page;
    await skipAhead(page, 20);
    await press(page, 'b');
    await page.waitForSelector('.lv-markbox input', { state: 'visible' });
    await page.keyboard.type('a moment of this attempt');
    await page.keyboard.press('Enter');
    expect((await round())?.bookmarks).toHaveLength(1);
    const before = await sim(page);
    await press(page, 'r');
    await page.waitForSelector('.lv-ask', { state: 'visible' });
    expect(await page.textContent('.lv-ask-text')).toContain("Green table's round");
    expect(await page.evaluate(() => window.__ripple!.state().speed)).toBe(0); // paused while asking
    await game.shot('round-controls-01-ask-restart');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.lv-ask', { state: 'hidden' });
    const after = await sim(page);
    expect(after.t).toBeGreaterThanOrEqual(before.t);
    expect(after.commandLog.length).toBe(before.commandLog.length);
    expect((await round())?.restarts ?? 0).toBe(0);
  });

  it('R then Enter starts again, marks the restart and drops the old bookmark', async () => {
    const page = game.page;
    await press(page, 'r');
    await page.waitForSelector('.lv-ask', { state: 'visible' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__ripple!.sim()?.t ?? 99) < 5, undefined, { timeout: 20_000 });
    expect(await round()).toMatchObject({ status: 'playing', restarts: 1, bookmarks: [] });
  });

  it('J asks first, and leaving puts the round back to planned', async () => {
    const page = game.page;
    await press(page, 'j');
    await page.waitForSelector('.lv-ask', { state: 'visible' });
    expect(await page.textContent('.lv-ask-text')).toContain('Leave');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    expect((await round())?.status).toBe('planned');
  });

  it('logged no errors', () => expect(game.problems).toEqual([]));
});
