/**
 * The level problem panel's buttons at 1366x768: "Open another level file" opens the file picker (with
 * the mouse and with the keyboard), and nothing under the panel (the title's Settings, Play or Load
 * buttons) reacts to the press that closes it. After it, the title's "Load a level file" still opens
 * the picker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FileChooser, Page } from 'playwright-core';
import { openGame, waitForScreen, type GamePage } from './harness';

let game: GamePage | null = null;
afterEach(async () => {
  const problems = game?.problems ?? [];
  await game?.close();
  game = null;
  expect(problems, 'console errors, warnings or failed requests').toEqual([]);
});

const BROKEN = '{\n  "id": "x",\n  "title": "x"\n  "durationSeconds": 60\n}\n';

/** Every file chooser the page opens, in order; the test answers each one (or leaves it). */
function choosers(page: Page): FileChooser[] {
  const seen: FileChooser[] = [];
  page.on('filechooser', (fc) => void seen.push(fc));
  return seen;
}

async function answer(fc: FileChooser, name: string, text: string): Promise<void> {
  await fc.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

const settingsOpen = (page: Page) => page.locator('.re-dialog[role="dialog"]').count();

describe('the level problem panel', () => {
  it('"Open another level file" opens the picker, with the mouse and with the keyboard, and nothing under it reacts', async () => {
    game = await openGame('', { viewport: { width: 1366, height: 768 } });
    const page = game.page;
    const seen = choosers(page);
    await waitForScreen(page, 'title');
    const panel = page.locator('.re-level-errors');

    // The title's own button opens the picker; a broken file shows the panel.
    await page.keyboard.press('l');
    await expect.poll(() => seen.length).toBe(1);
    await answer(seen[0]!, 'bad-json.json', BROKEN);
    await panel.waitFor({ state: 'visible' });
    await game.shot('level-errors-01-panel');

    // The mouse: the button sits over the title's Settings button.
    const pick = page.getByRole('button', { name: 'Open another level file' });
    await pick.click();
    await expect.poll(() => seen.length).toBe(2);
    await panel.waitFor({ state: 'detached' });
    // A frame or two later nothing else has opened (the chooser is answered only after that).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await settingsOpen(page), 'Settings opened under the button').toBe(0);
    expect((await page.evaluate(() => window.__ripple!.state())).screen).toBe('title');
    await game.shot('level-errors-02-after-click');
    await answer(seen[1]!, 'bad-json.json', BROKEN);
    await panel.waitFor({ state: 'visible' });

    // The keyboard: Tab to the button, then Enter. One picker, and the title does not act on the Enter.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Open another level file');
    await page.keyboard.press('Enter');
    await expect.poll(() => seen.length).toBe(3);
    await panel.waitFor({ state: 'detached' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(seen.length, 'one picker for one Enter').toBe(3);
    expect(await settingsOpen(page)).toBe(0);
    expect((await page.evaluate(() => window.__ripple!.state())).screen).toBe('title');
    await answer(seen[2]!, 'bad-json.json', BROKEN);
    await panel.waitFor({ state: 'visible' });

    // Back closes the panel; the title's "Load a level file" opens the picker again.
    await page.getByRole('button', { name: 'Back' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await settingsOpen(page)).toBe(0);
    await page.keyboard.press('l');
    await expect.poll(() => seen.length).toBe(4);
    await game.shot('level-errors-03-picker-again');
  });
});
