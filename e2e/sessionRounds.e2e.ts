/**
 * Issue #13 items 11, 12 and 15 in the browser, at 1280x720 (a projector laptop):
 *  - the session panel: New session, a round removed and put back with Undo, Enter in the team field
 *    adds the round, and the level menu keeps its level and seed when the panel opens again;
 *  - a session round shows its team and round on the briefing, the board, the projector's board and the
 *    results; "saved to the session" has a line of its own; the default button goes on to the next round;
 *    "Try again" says its run is not saved;
 *  - a system-outage live event: the desk reads "Down" while it lasts, and the banner covers no desk,
 *    tray or customer; the reveal strip fits 1280 wide.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openGame, waitForScreen, type GamePage } from './harness';
import { press, skipAhead } from './helpers';

const LEVEL = 'sandbox'; // a facilitator-triggered outage (billing-down, Shift+2)
const SEED = '21';
const VIEW = { width: 1280, height: 720 };

let game: GamePage;
let room: Page;

const panel = (page: Page) => page.locator('.rx-session');
const rows = (page: Page) =>
  page.$$eval('.rx-rounds-table tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)),
  );
const texts = (page: Page) => page.evaluate(() => window.__ripple!.texts());

async function openPanel(page: Page): Promise<void> {
  await page.keyboard.press('g');
  await panel(page).waitFor({ state: 'visible' });
}

type Box = { x: number; y: number; w: number; h: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('session rounds at 1280x720', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    game = await openGame('?facilitator=1', { viewport: VIEW });
    await waitForScreen(game.page, 'title');
    await game.page.waitForTimeout(300);
  }, 120_000);

  afterAll(async () => {
    await game?.close();
  });

  it('panel: New session, Enter adds a round, Remove with Undo, and the level menu keeps level and seed', async () => {
    const page = game.page;
    await openPanel(page);
    await page.click('[data-testid="new-session"]');
    await page.waitForFunction(() => document.querySelector('.rx-rounds-table tbody tr') === null);
    await page.fill('input[name="session-name"]', 'Friday session');
    await page.press('input[name="session-name"]', 'Enter');
    await page.selectOption('select[name="level"]', LEVEL);
    await page.fill('input[name="seed"]', SEED);
    await page.fill('input[name="team"]', 'Blue table');
    await page.press('input[name="team"]', 'Enter'); // Enter adds the round
    await page.fill('input[name="team"]', 'Green table');
    await page.press('input[name="team"]', 'Enter');
    await page.fill('input[name="team"]', 'Spare');
    await page.press('input[name="team"]', 'Enter');
    expect((await rows(page)).map((r) => r[1])).toEqual(['Blue table', 'Green table', 'Spare']);
    // Remove a planned round, then put it back with Undo; then remove it for good.
    await page.click('[data-testid="remove-r2"]');
    await page.waitForSelector('[data-testid="undo-remove"]');
    expect((await rows(page)).map((r) => r[1])).toEqual(['Blue table', 'Spare']);
    await page.click('[data-testid="undo-remove"]');
    await page.waitForFunction(() => document.querySelectorAll('.rx-rounds-table tbody tr').length === 3);
    expect((await rows(page)).map((r) => r[1])).toEqual(['Blue table', 'Green table', 'Spare']);
    await page.click('[data-testid="remove-r3"]');
    await page.waitForFunction(() => document.querySelectorAll('.rx-rounds-table tbody tr').length === 2);
    await game.shot('session-01-panel-1280');
    // Closed and opened again: the level and the seed are still the ones chosen.
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
    await openPanel(page);
    expect(await page.inputValue('select[name="level"]')).toBe(LEVEL);
    expect(await page.inputValue('input[name="seed"]')).toBe(SEED);
  });

  it('the briefing and the board name the team and the round', async () => {
    const page = game.page;
    await page.click('[data-testid="start-r1"]');
    await waitForScreen(page, 'briefing');
    await page.waitForTimeout(300);
    expect((await texts(page)).some((t) => t.text.includes('Blue table · round 1 of 2'))).toBe(true);
    await press(page, 'Enter');
    await waitForScreen(page, 'play');
    await page.waitForSelector('.lv-bar');
    await page.waitForTimeout(300);
    const label = (await texts(page)).find((t) => t.text === 'Blue table · round 1 of 2');
    expect(label).toBeDefined();
    expect(label!.y + label!.h).toBeLessThanOrEqual(84); // in the top bar, off the board
    await game.shot('session-02-board-round-label');
  });

  it('the projector window names the team and the round on its board too', async () => {
    const page = game.page;
    const [p] = await Promise.all([game.browser.context.waitForEvent('page'), press(page, 'o')]);
    room = p;
    await room.waitForFunction(() => window.__ripple?.audience()?.showing === 'play', undefined, { timeout: 60_000 });
    await waitForScreen(room, 'play', 60_000);
    await room.waitForFunction(() => window.__ripple!.audience()?.label === 'Blue table · round 1 of 2', undefined, {
      timeout: 15_000,
    });
    await room.waitForFunction(
      () => window.__ripple!.texts().some((t) => t.text === 'Blue table · round 1 of 2'),
      undefined,
      { timeout: 15_000 },
    );
    await page.bringToFront();
  });

  it('projector mode (V) hides the key hints on the board at once, mid-round', async () => {
    const page = game.page;
    const before = (await texts(page)).map((t) => t.text);
    expect(before).toContain('Pause (Space)');
    await press(page, 'v');
    await page.waitForFunction(() => !window.__ripple!.texts().some((t) => /\((Space|Q|T|L|1|2|3|-)\)$/.test(t.text)), undefined, {
      timeout: 10_000,
    });
    const after = (await texts(page)).map((t) => t.text);
    expect(after).toContain('Pause');
    await game.shot('session-03-projector-mode-board');
    await press(page, 'v'); // back to normal for the rest
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === 'Pause (Space)'), undefined, {
      timeout: 10_000,
    });
  });

  it('a system outage: the desk reads "Down" while it lasts, and the banner hides no desk, tray or customer', async () => {
    const page = game.page;
    await skipAhead(page, 20);
    await page.keyboard.press('Shift+Digit2');
    await page.waitForFunction(() => {
      const d = window.__ripple!.sim()?.departments.find((x) => x.id === 'billing');
      return !!d && d.staff > 0 && d.away >= d.staff;
    });
    const billing = await page.evaluate(() => window.__ripple!.deptScreenPos('billing'));
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === '✖ Down'), undefined, { timeout: 10_000 });
    const down = (await texts(page)).filter((t) => t.text === '✖ Down');
    expect(down).toHaveLength(1);
    // The "Down" pill is on the billing desk's card (the card's centre is below its header, same column).
    const pos = await page.evaluate(() => window.__ripple!.sim()!.departments.map((d) => d.id));
    expect(pos).toContain('billing');
    expect(billing).not.toBeNull();

    const banner = page.locator('[data-testid="event-banner"]:not([hidden])');
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    const b = (await banner.boundingBox())!;
    const canvas = (await page.locator('#game canvas').boundingBox())!;
    const k = canvas.height / 1080;
    // The board (customers, desks with their trays, side panel) runs from y 84 to 984 in game points.
    const boardBottom = canvas.y + 984 * k;
    expect(b.y).toBeGreaterThanOrEqual(boardBottom - 1);
    expect(b.y + b.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    expect(b.height).toBeGreaterThan(30); // still large enough for the room
    await game.shot('session-04-outage-down-banner');

    // After its minute the desk is back.
    await skipAhead(page, 62);
    await page.waitForFunction(() => !window.__ripple!.texts().some((t) => t.text === '✖ Down'), undefined, { timeout: 15_000 });
  });

  it('results: team and round on a line of their own, Next round by default, and Try again says it is not saved', async () => {
    const page = game.page;
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    await page.waitForTimeout(500);
    const all = await texts(page);
    const saved = all.find((t) => t.text === 'Blue table · round 1 of 2: saved to the session');
    expect(saved).toBeDefined();
    for (const t of all) if (t !== saved && t.scene === 'results' && t.text.length > 20) expect(overlaps(saved!, t), t.text).toBe(false);
    expect(all.some((t) => t.text.includes('that run is not saved to the session'))).toBe(true);
    expect(all.some((t) => t.text === 'Next round: Green table')).toBe(true);
    expect(all.some((t) => t.text === 'Next level')).toBe(false);
    // The reveal strip fits the 1280 px window.
    const strip = (await page.locator('.lv-reveal').boundingBox())!;
    const widest = await page.$$eval('.lv-reveal > *', (els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(strip.width).toBeLessThanOrEqual(VIEW.width);
    expect(widest).toBeLessThanOrEqual(VIEW.width);
    await game.shot('session-05-results-1280');
    // Enter: the default button opens the next round's briefing.
    await press(page, 'Enter');
    await waitForScreen(page, 'briefing');
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => window.__ripple!.state().screen)).toBe('briefing'); // and stays there
    expect((await texts(page)).some((t) => t.text.includes('Green table · round 2 of 2'))).toBe(true);
  });

  it('logged no errors', () => {
    expect(game.problems).toEqual([]);
  });
});
