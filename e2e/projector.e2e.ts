/**
 * Issue #13 items 1 and 2: projector windows that join a session round late catch up and draw the
 * board (its pixels, not only its state), match the facilitator's state hash, and keep the link and the
 * team's name through the results and the debrief; the bar's link status tells the truth both ways.
 * One window comes from the Projector window button (O, its key in its address), one is opened by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasVariety, openGame, waitForScreen, type GamePage } from './harness';
import { press, sim, skipAhead } from './helpers';

const LEVEL = 'clear-notes';
const TEAM = 'Blue table';

let presenter: GamePage;
let popup: Page;
let byHand: GamePage;

const roomText = (page: Page) => page.textContent('.lv-room');

async function pauseBoth(room: Page): Promise<void> {
  if ((await presenter.page.evaluate(() => window.__ripple!.state().speed)) !== 0) await press(presenter.page, 'p');
  await presenter.page.waitForFunction(() => window.__ripple!.state().speed === 0, undefined, { timeout: 30_000 });
  await presenter.page.waitForTimeout(300);
  const t = (await sim(presenter.page)).t;
  await room.waitForFunction((x) => window.__ripple!.audience()?.replicaT === x, t, { timeout: 30_000 });
}

describe('projector windows that join late', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    presenter = await openGame('?facilitator=1');
    await waitForScreen(presenter.page, 'title');
    const page = presenter.page;
    await page.keyboard.press('g');
    await page.locator('.rx-session').waitFor({ state: 'visible' });
    await page.selectOption('select[name="level"]', LEVEL);
    await page.fill('input[name="seed"]', '11');
    await page.fill('input[name="team"]', TEAM);
    await page.click('[data-testid="add-round"]');
    await page.click('[data-testid="start-r1"]');
    await waitForScreen(page, 'briefing');
    await press(page, 'Enter');
    await waitForScreen(page, 'play');
    await page.waitForSelector('.lv-bar');
  }, 150_000);

  afterAll(async () => {
    await byHand?.close();
    await presenter?.close();
  });

  it('says no projector window is linked before one opens', async () => {
    await presenter.page.waitForFunction(() => document.querySelector('.lv-room')?.textContent !== '');
    expect(await roomText(presenter.page)).toBe('No projector window linked');
  });

  it('a window opened with O 15 s into the round catches up, matches the hash and draws the board', async () => {
    await skipAhead(presenter.page, 15);
    const [p] = await Promise.all([presenter.browser.context.waitForEvent('page'), press(presenter.page, 'o')]);
    popup = p;
    await popup.waitForFunction(() => window.__ripple?.audience()?.showing === 'play', undefined, { timeout: 60_000 });
    await waitForScreen(popup, 'play', 60_000);
    expect(popup.url()).not.toContain('link='); // the key left the address bar
    await pauseBoth(popup);
    const [a, b] = await Promise.all([sim(presenter.page), sim(popup)]);
    expect(a.t).toBeGreaterThanOrEqual(15);
    expect(b.hash).toBe(a.hash);
    await popup.waitForTimeout(500);
    const variety = await canvasVariety(popup);
    console.log(`late projector canvas variety: ${variety.toFixed(3)}`);
    expect(variety).toBeGreaterThan(0.05);
    await popup.screenshot({ path: 'e2e/artifacts/projector-01-late-window.png' });
    await presenter.page.waitForFunction(() => document.querySelector('.lv-room')?.textContent === 'Projector window linked', undefined, { timeout: 15_000 });
  });

  it('a window opened by hand with the session id catches up too', async () => {
    const sid = await presenter.page.evaluate(() => window.__ripple!.live()!.sessionId);
    expect(sid).not.toBe('local');
    await press(presenter.page, 'p'); // running again
    await skipAhead(presenter.page, 10);
    byHand = await openGame(`?audience=${encodeURIComponent(sid)}`, { browser: presenter.browser });
    await byHand.page.waitForFunction(() => window.__ripple?.audience()?.showing === 'play', undefined, { timeout: 60_000 });
    await waitForScreen(byHand.page, 'play', 60_000);
    await pauseBoth(byHand.page);
    expect((await sim(byHand.page)).hash).toBe((await sim(presenter.page)).hash);
    await byHand.page.waitForTimeout(500);
    expect(await canvasVariety(byHand.page)).toBeGreaterThan(0.05);
    await presenter.page.waitForFunction(() => document.querySelector('.lv-room')?.textContent === '2 projector windows linked', undefined, { timeout: 15_000 });
  });

  it('keeps the link and the team through the results and the debrief', async () => {
    const end = await presenter.page.evaluate(() => {
      window.__rippleDrive!.playOut('wholistic');
      return window.__ripple!.sim()!.hash;
    });
    await waitForScreen(presenter.page, 'results');
    for (const room of [popup, byHand.page]) {
      await room.waitForFunction(() => window.__ripple!.audience()?.showing === 'results', undefined, { timeout: 30_000 });
      expect((await sim(room)).hash).toBe(end);
    }
    await presenter.page.waitForTimeout(4000); // longer than a link may stay silent
    for (const room of [popup, byHand.page]) {
      const i = await room.evaluate(() => window.__ripple!.audience()!);
      expect(i.connected).toBe(true);
      expect(i.team).toBe(TEAM);
      expect(await room.locator('.lv-lobby-text').isVisible()).toBe(false);
    }
    await presenter.page.waitForSelector('.lv-reveal');
    await press(presenter.page, ']');
    await popup.waitForFunction(() => window.__ripple!.audience()?.debriefStep === 1, undefined, { timeout: 15_000 });
    await popup.waitForSelector('.rx-panel-outcomes');
    expect(await popup.textContent('.rx-debrief-title')).toContain(TEAM);
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: 'e2e/artifacts/projector-02-debrief-team.png' });
  });

  it('says "not linked" again once the projector windows close', async () => {
    await popup.close();
    await byHand.close();
    // After the round the reveal strip carries the link status.
    expect(await presenter.page.textContent('.lv-reveal-link')).toBe('2 projector windows linked');
    await presenter.page.waitForFunction(
      () => document.querySelector('.lv-reveal-link')?.textContent === 'No projector window linked',
      undefined,
      { timeout: 15_000 },
    );
  });

  it('logged no errors', () => {
    expect(presenter.problems).toEqual([]);
  });
});
