/**
 * What every browser test uses: a fresh browser profile, the built game page, a record of console
 * errors and warnings (any one fails the test), screenshots under e2e/artifacts/, and helpers that
 * act through window.__ripple the way a player would (click and drag at on-screen positions).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';

export const ARTIFACTS = join(process.cwd(), 'e2e', 'artifacts');

/**
 * Messages the browser itself prints, not the game: the software GL driver notes a "GPU stall due to
 * ReadPixels" whenever a test takes a screenshot. Nothing else is tolerated.
 */
const BROWSER_NOISE = [/GL Driver Message \(OpenGL, Performance, [A-Z_]+, \w+\): GPU stall due to ReadPixels/];

export interface GamePage {
  page: Page;
  browser: LaunchedBrowser;
  /** Console errors/warnings and page errors seen so far. */
  problems: string[];
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function openGame(
  query = '',
  opts: { viewport?: { width: number; height: number }; browser?: LaunchedBrowser } = {},
): Promise<GamePage> {
  const browser = opts.browser ?? (await launchBrowser(opts.viewport));
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    if (BROWSER_NOISE.some((re) => re.test(msg.text()))) return;
    problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? '';
    // The browser's own favicon fetch, cut short by a reload or a navigation: not the game's request.
    if (/\/favicon\.[a-z]+$/.test(new URL(req.url()).pathname) && /ERR_ABORTED/.test(why)) return;
    problems.push(`request failed: ${req.url()} ${why}`);
  });
  await page.goto(`${baseUrl()}/${query}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    browser,
    problems,
    async shot(name: string) {
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      if (!opts.browser) await browser.close();
      else await page.close();
    },
  };
}

/** Waits until the game's test hook reports the given screen. */
export async function waitForScreen(page: Page, screen: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((s) => window.__ripple?.state().screen === s, screen, { timeout });
}

/**
 * Share of sampled canvas pixels that differ from the most common colour: near 0 for a blank canvas.
 * Reads a screenshot rather than the WebGL buffer, so it sees what a person would.
 */
export async function canvasVariety(page: Page): Promise<number> {
  const png = await page.locator('canvas').first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    if (!g) return 0;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map<number, number>();
    let n = 0;
    for (let i = 0; i < data.length; i += 4 * 97) {
      const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      n++;
    }
    const top = Math.max(...counts.values());
    return 1 - top / n;
  }, png.toString('base64'));
}
