/**
 * The browser tests' hook (src/app/testHook.ts) is not in a player's page: a page opened without
 * `window.__rippleTest` (set before its scripts run, see withTestHook in e2e/browser.ts) has no
 * window.__ripple, __rippleDrive or __rippleLive and never requests the hook's chunk: the solo game (the
 * title with the rest of the game loaded after it, and a level link) and a live
 * table's board. With the flag, both have the hook, and the same page requests its chunk.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, spawnRoomServer, tempJournalDir } from '../server/testing';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openGame, waitForScreen } from './harness';

const HOOK_CHUNK = /\/assets\/testHook-[^/]*\.js$/;
const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

/** A browser whose every request (pages and popups) is kept, with or without the test hook asked for. */
async function browserOf(testHook: boolean, viewport = { width: 1280, height: 720 }) {
  const browser = held.keep(await launchBrowser(viewport, { testHook }));
  const requests: string[] = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  return { browser, requests };
}

const globals = (page: Page) =>
  page.evaluate(() => ({
    ripple: typeof window.__ripple,
    drive: typeof window.__rippleDrive,
    live: typeof window.__rippleLive,
  }));

/** Waits until the rest of the solo game (src/app/late.ts, with the hook when asked for) has started. */
const lateStarted = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('ripple:late-started').length > 0, undefined, {
    timeout: 30_000,
  });

async function openPlayer(b: LaunchedBrowser, query: string) {
  const game = await openGame(query, { browser: b });
  await lateStarted(game.page);
  return game;
}

describe('the test hook only where a test asks for it', () => {
  it('a player’s solo page has no hook and never fetches it; a test’s page has it', async () => {
    const player = await browserOf(false);
    // The title, and the rest of the game fetched after it.
    const title = await openPlayer(player.browser, '');
    await title.page.waitForLoadState('networkidle');
    expect(await globals(title.page)).toEqual({ ripple: 'undefined', drive: 'undefined', live: 'undefined' });
    await title.close();
    // A level link (boot waits for the rest of the game, then opens its briefing), and a key pressed.
    const level = await openPlayer(player.browser, '?level=right-desk');
    await level.page.keyboard.press('Enter');
    await level.page.waitForLoadState('networkidle');
    expect(await globals(level.page)).toEqual({ ripple: 'undefined', drive: 'undefined', live: 'undefined' });
    expect(player.requests.some((u) => /\/assets\/late-[^/]*\.js$/.test(u)), 'the rest of the game came').toBe(true);
    expect(player.requests.filter((u) => HOOK_CHUNK.test(u))).toEqual([]);
    expect([...title.problems, ...level.problems]).toEqual([]);
    await level.close();

    const tester = await browserOf(true);
    const test = await openGame('?level=right-desk', { browser: tester.browser });
    await waitForScreen(test.page, 'briefing');
    expect(await globals(test.page)).toEqual({ ripple: 'object', drive: 'object', live: 'undefined' });
    expect(tester.requests.filter((u) => HOOK_CHUNK.test(u))).toHaveLength(1);
    expect(test.problems).toEqual([]);
    await test.close();
  });

  it('a player’s live table has no hook and never fetches it; a test’s table has it', { timeout: 240_000 }, async () => {
    const journal = tempJournalDir();
    const server = await spawnRoomServer(['--dist', dist, '--journal', journal]);
    held.keep(server.child);
    const base = `http://127.0.0.1:${server.port}/live.html`;
    const fac = await (await browserOf(true)).browser.context.newPage();
    await fac.goto(`${base}?facilitator=1`);
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 30_000 }))!;

    const joinAs = async (testHook: boolean, team: string) => {
      const b = await browserOf(testHook);
      const page = await b.browser.context.newPage();
      await page.goto(base);
      await page.getByLabel('Join code').fill(code);
      await page.getByLabel('Team name').fill(team);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      // The table's board is built (src/app/composeLive.ts) and shows the first round's briefing.
      await page.locator('.lv-brief-title').waitFor({ timeout: 30_000 });
      await page.locator('canvas').first().waitFor({ state: 'attached', timeout: 30_000 });
      return { page, requests: b.requests };
    };
    const player = await joinAs(false, 'Table A');
    await player.page.waitForLoadState('networkidle');
    expect(await globals(player.page)).toEqual({ ripple: 'undefined', drive: 'undefined', live: 'undefined' });
    expect(player.requests.some((u) => /\/assets\/composeLive-[^/]*\.js$/.test(u)), 'the board came').toBe(true);
    expect(player.requests.filter((u) => HOOK_CHUNK.test(u))).toEqual([]);

    const tester = await joinAs(true, 'Table B');
    await tester.page.waitForFunction(() => window.__ripple !== undefined, undefined, { timeout: 30_000 });
    expect(await globals(tester.page)).toEqual({ ripple: 'object', drive: 'object', live: 'object' });
    expect(tester.requests.filter((u) => HOOK_CHUNK.test(u))).toHaveLength(1);
  });
});
