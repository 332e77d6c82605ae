/**
 * What every browser test uses: a fresh browser profile, the built game page, a record of console
 * errors and warnings (any one fails the test), screenshots under e2e/artifacts/, and helpers that
 * act through window.__ripple the way a player would (click and drag at on-screen positions).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect, inject } from 'vitest';
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
    // A fetch cut short by a reload or a navigation (the favicon, a chunk prefetched after the title):
    // the browser's doing, not a failed request. A module the game needed and could not load still
    // fails its import, and that shows as a page error or a console error.
    if (/ERR_ABORTED/.test(why)) return;
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
 * On a level's briefing (or first, with `query` such as '?level=every-job&seed=5', after going there in
 * the same page): presses Enter as a player starts the level, and returns once its board is playing.
 */
export async function startBoard(page: Page, query?: string): Promise<void> {
  if (query !== undefined) await page.goto(`${page.url().split('?')[0]}${query}`);
  await waitForScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'play');
}

/** Opens a level (`query`: '?level=…&seed=…') in a new game and returns once its board is playing. */
export async function openBoard(
  query: string,
  viewport?: { width: number; height: number },
  opts: { browser?: LaunchedBrowser } = {},
): Promise<GamePage> {
  const game = await openGame(query, { viewport, ...opts });
  await startBoard(game.page);
  return game;
}

type Closable = { close(): Promise<void> };

export interface GameTracker {
  /**
   * Keeps a game (or a browser) to close. One kept while a test runs is closed after that test; one kept
   * in a beforeAll, after the last test of the file (or of the describe block that called trackGame).
   */
  keep<T extends Closable>(x: T): T;
}

/**
 * The teardown of a browser test file, in one line at its top (or in a describe block): after each test,
 * the games and browsers that test kept are closed (the last kept first), and every kept game still open
 * or just closed must have logged no console errors, warnings or failed requests.
 */
export function trackGame(): GameTracker {
  const forAll: Closable[] = [];
  const forTest: Closable[] = [];
  let inTest = false;
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    const kept = [...forAll, ...forTest];
    for (const x of forTest.splice(0).reverse()) await x.close().catch(() => undefined);
    const problems = kept.flatMap((x) => ('problems' in x ? (x as GamePage).problems : []));
    expect(problems, 'console errors, warnings or failed requests').toEqual([]);
  });
  afterAll(async () => {
    for (const x of forAll.splice(0).reverse()) await x.close().catch(() => undefined);
  });
  return {
    keep(x) {
      (inTest ? forTest : forAll).push(x);
      return x;
    },
  };
}

export interface ScreenPixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Buffer;
}

/**
 * The screen as a person sees it (a screenshot, not the WebGL buffer), within `clip` (CSS px) when given:
 * decoded by the browser, handed back as RGBA.
 */
export async function screenPixels(
  page: Page,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<ScreenPixels> {
  const png = await page.screenshot(clip ? { clip } : {});
  const r = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let bytes = '';
    for (let i = 0; i < d.length; i += 0x8000)
      bytes += String.fromCharCode.apply(null, Array.from(d.subarray(i, i + 0x8000)));
    return { width: c.width, height: c.height, rgba: btoa(bytes) };
  }, png.toString('base64'));
  return { width: r.width, height: r.height, data: Buffer.from(r.rgba, 'base64') };
}

/** Share of sampled canvas pixels that differ from the most common colour: near 0 for a blank canvas. */
export async function canvasVariety(page: Page): Promise<number> {
  const box = (await page.locator('canvas').first().boundingBox())!;
  const { data } = await screenPixels(page, box);
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < data.length; i += 4 * 97) {
    const key = ((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    n++;
  }
  const top = Math.max(...counts.values());
  return 1 - top / n;
}
