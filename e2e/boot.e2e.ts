import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { canvasVariety, openGame, trackGame, waitForScreen, type GamePage } from './harness';

const games = trackGame();
let game: GamePage;

describe('boot', () => {
  it('boots to the title screen with a drawn canvas', async () => {
    game = games.keep(await openGame());
    await waitForScreen(game.page, 'title');
    await game.page.waitForTimeout(500);
    await game.shot('title');
    const variety = await canvasVariety(game.page);
    expect(variety).toBeGreaterThan(0.05);
    const title = await game.page.title();
    expect(title).toContain('Ripple Effect');
  });

  it('draws the title before the rest of the game arrives, and keeps a level file dropped meanwhile', async () => {
    // The rest of the game (src/app/late.ts) is held back until the file has been dropped.
    const browser = games.keep(await launchBrowser());
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    let asked = false;
    await browser.context.route(/\/assets\/late-[^/]*\.js$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    game = games.keep(await openGame('', { browser }));
    const { page } = game;
    await page.waitForFunction(() => performance.getEntriesByName('ripple:title-drawn').length > 0);
    expect(await page.evaluate(() => typeof window.__ripple)).toBe('undefined');
    const text = readFileSync('levels/01-right-desk.json', 'utf8');
    const kept = await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'my-level.json', { type: 'application/json' }));
      const over = new DragEvent('dragover', { dataTransfer: dt, cancelable: true });
      const drop = new DragEvent('drop', { dataTransfer: dt, cancelable: true });
      window.dispatchEvent(over);
      window.dispatchEvent(drop);
      return over.defaultPrevented && drop.defaultPrevented;
    }, text);
    expect(kept, 'the browser must not open the dropped file in place of the game').toBe(true);
    await expect.poll(() => asked, { timeout: 20_000 }).toBe(true);
    release();
    await waitForScreen(page, 'briefing');
    const id = (JSON.parse(text) as { id: string }).id;
    expect(await page.evaluate(() => window.__ripple!.state().levelId)).toBe(id);
  });
});
