/**
 * The game in a hostile workshop browser: storage blocked by privacy settings, a mistyped level link,
 * a broken level file picked with the file button, and a level file whose texts carry HTML. Each time
 * the player gets a clear message and the game keeps working; nothing from a file is ever run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openGame, startBoard, trackGame, waitForScreen, type GamePage } from './harness';
import { press, simT } from './helpers';

const games = trackGame();
let game: GamePage;
let browser: LaunchedBrowser;

const level1 = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(process.cwd(), 'levels', '01-right-desk.json'), 'utf8')) as Record<
    string,
    unknown
  >;
const state = (page: Page) => page.evaluate(() => window.__ripple!.state());

/**
 * Answers the game's file pickers with queued files. One page.on listener for the page's life, set up
 * early: Playwright turns file-chooser interception on asynchronously when the first listener is added,
 * so a listener added just before the key press can miss it (and a second waitForEvent timed out).
 */
function filePicker(page: Page): { next(name: string, text: string): void } {
  const queue: { name: string; text: string }[] = [];
  page.on('filechooser', (fc) => {
    const f = queue.shift();
    if (f)
      void fc.setFiles({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text, 'utf8') });
  });
  return { next: (name, text) => void queue.push({ name, text }) };
}

describe('robustness', () => {
  it('plays on when storage is blocked, and says progress will not be kept', async () => {
    browser = games.keep(await launchBrowser());
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    game = games.keep(await openGame('', { browser }));
    const page = game.page;
    await waitForScreen(page, 'title');
    const st = await state(page);
    expect(st.storageOk).toBe(false);
    expect(st.storageMessage).toMatch(/can't be saved|cannot be saved|won't be kept/i);
    await page.waitForTimeout(300);
    await game.shot('robust-01-storage-blocked-title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    await page.waitForTimeout(300);
    await game.shot('robust-02-storage-blocked-select');
    await page.keyboard.press('Enter');
    await startBoard(page);
    const t0 = await simT(page);
    await page.waitForTimeout(600);
    expect(await simT(page)).toBeGreaterThan(t0);
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    // Kept for this visit, even though it cannot be saved.
    expect((await state(page)).progress['right-desk']?.bestScore).toBeGreaterThan(0);
  });

  it('explains a level link that names no level', async () => {
    game = games.keep(await openGame('?level=nope'));
    const page = game.page;
    await waitForScreen(page, 'title');
    const st = await state(page);
    expect(st.messages.join(' ')).toMatch(/no level called 'nope'/);
    expect(st.messages.join(' ')).toMatch(/right-desk/);
    await page.waitForTimeout(300);
    await game.shot('robust-03-unknown-level-link');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
  });

  it('shows the problems of a broken level file with line and column, and keeps working after Escape', async () => {
    game = games.keep(await openGame());
    const page = game.page;
    const picker = filePicker(page);
    await waitForScreen(page, 'title');
    const text = JSON.stringify(level1(), null, 2).replace('"staff": 1,', '"staff": 1\n      "oops": true,');
    picker.next('broken-level.json', text);
    await page.keyboard.press('l');
    const panel = page.locator('.re-level-errors');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    const words = await panel.innerText();
    expect(words).toMatch(/line \d+, column \d+/);
    expect(words).toContain('broken-level.json');
    await game.shot('robust-04-broken-file');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect((await state(page)).screen).toBe('title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
  });

  it('shows HTML in a level file as plain text and never runs it', async () => {
    game = games.keep(await openGame());
    const page = game.page;
    const picker = filePicker(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForScreen(page, 'title');
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const lvl = level1();
    lvl.id = 'html-test';
    lvl.title = evil.slice(0, 60);
    (lvl.texts as { briefing: string[] }).briefing = [`<b>bold?</b> ${evil}`];
    picker.next('html-level.json', JSON.stringify(lvl, null, 2));
    await page.keyboard.press('l');
    await waitForScreen(page, 'briefing');
    expect((await state(page)).levelId).toBe('html-test');
    await page.waitForTimeout(300);
    await game.shot('robust-05-html-title-briefing');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'play');
    await page.waitForTimeout(500);

    // Same markup in a broken file: the problem panel shows it as text.
    await press(page, 'Escape');
    await press(page, 'Enter');
    await waitForScreen(page, 'select');
    await press(page, 'Escape');
    await waitForScreen(page, 'title');
    const broken = JSON.stringify({ ...lvl, entry: evil }, null, 2);
    picker.next('html-broken.json', broken);
    await page.keyboard.press('l');
    const panel = page.locator('.re-level-errors');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    await game.shot('robust-06-html-in-problems');
    expect(await panel.innerText()).toContain('<img');
    await page.keyboard.press('Escape');

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img, b, iframe, object, embed').length)).toBe(
      0,
    );
    expect(
      await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('alert')).length),
    ).toBe(0);
  });
});
