/**
 * Blind playtest 6, items 6 and 18, in facilitator mode at 1366x768: the Projector window key opens the
 * window as the button does (O, and 0, which its key cap looks like) and says so; after the round, the
 * reveal strip ("The room sees the score only…") stays with the results and goes once the facilitator
 * leaves them for the level list, and the room then waits for the next round. The debrief (D) opens
 * with the focus on its scrolling body: PageDown, Space and End scroll it (item 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, waitForScreen, type GamePage } from './harness';
import { press, skipAhead, waitForToast } from './helpers';

const LEVEL = 'clear-notes';

let game: GamePage;
let room: Page;

describe('the facilitator’s keys at 1366x768', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    game = await openBoard(`?facilitator=1&level=${LEVEL}&seed=5`, { width: 1366, height: 768 });
    await game.page.waitForSelector('.lv-bar');
    await skipAhead(game.page, 5);
  }, 150_000);

  afterAll(async () => {
    await game?.close();
  });

  it('0 (what the key cap O looks like) opens the projector window, says so, and it links', async () => {
    const page = game.page;
    expect(await page.textContent('.lv-room')).toBe('No projector window linked');
    const [p] = await Promise.all([game.browser.context.waitForEvent('page'), press(page, '0')]);
    room = p;
    await waitForToast(page, /Projector window opened/);
    await page.waitForFunction(() => document.querySelector('.lv-room')?.textContent === 'Projector window linked', undefined, {
      timeout: 30_000,
    });
    await room.waitForFunction(() => window.__ripple?.audience()?.showing === 'play', undefined, { timeout: 60_000 });
    await game.shot('fackeys-01-zero-linked-1366');
  });

  it('O opens it too (brings the same window back), and nothing is blocked', async () => {
    const page = game.page;
    await page.bringToFront();
    // The window has a name: O brings the same one back (as the button does). The first key's toast
    // goes first, so the one that follows is this key's.
    await page.waitForFunction(() => !window.__ripple!.state().toasts.some((t) => /Projector window/.test(t)), undefined, { timeout: 30_000 });
    await press(page, 'o');
    await waitForToast(page, /Projector window opened/);
    expect((await page.evaluate(() => window.__ripple!.state().toasts)).some((t) => /blocked/.test(t))).toBe(false);
    await page.waitForFunction(() => / linked$/.test(document.querySelector('.lv-room')?.textContent ?? '') && !/^No /.test(document.querySelector('.lv-room')?.textContent ?? ''), undefined, {
      timeout: 30_000,
    });
  });

  it('the reveal strip stays on the results, goes on the level list, and the room then waits', async () => {
    const page = game.page;
    await page.bringToFront();
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    await page.waitForSelector('.lv-reveal');
    await room.waitForFunction(() => window.__ripple!.audience()?.showing === 'results', undefined, { timeout: 30_000 });
    expect(await page.textContent('.lv-reveal-text')).toBe('The room sees the score only.');
    // The debrief (D): its charts fit the window's height, and the keys scroll it from the start.
    await press(page, 'd');
    await page.waitForSelector('.rx-overlay .rx-chart canvas');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('rx-overlay-body');
    const tall = await page.$$eval('.rx-overlay .rx-chart', (els) => els.map((e) => e.getBoundingClientRect().height));
    expect(tall.length).toBeGreaterThan(1);
    for (const h of tall) expect(h).toBeLessThanOrEqual(768);
    const top = () => page.$eval('.rx-overlay-body', (b) => b.scrollTop);
    for (const k of ['PageDown', 'Space', 'End']) {
      const y = await top();
      await page.keyboard.press(k);
      await expect.poll(top, { timeout: 5_000 }).toBeGreaterThan(y);
    }
    await expect
      .poll(() => page.$eval('.rx-overlay-body', (b) => Math.abs(b.scrollTop + b.clientHeight - b.scrollHeight)), { timeout: 5_000 })
      .toBeLessThanOrEqual(2);
    await game.shot('fackeys-02a-debrief-end-1366');
    await press(page, 'Escape');
    await page.waitForSelector('.rx-overlay', { state: 'detached' });
    await press(page, 'Escape');
    await waitForScreen(page, 'select');
    await page.waitForSelector('.lv-reveal', { state: 'detached', timeout: 10_000 });
    await room.waitForFunction(() => window.__ripple!.audience()?.showing === 'lobby', undefined, { timeout: 30_000 });
    await game.shot('fackeys-02-level-list-no-strip');
    // And it does not come back on the level's briefing.
    await press(page, 'Enter');
    await waitForScreen(page, 'briefing');
    await page.waitForTimeout(700); // the strip looks every 500 ms: give a wrong one the time to show
    expect(await page.locator('.lv-reveal').count()).toBe(0);
  });

  it('logged no errors', () => {
    expect(game.problems).toEqual([]);
  });
});
