/**
 * First load (issue #18): what a cold load of the built game really transfers in Chromium, and when the
 * title screen is drawn, beside a bare page with Phaser alone (same renderer and size), as a ratio.
 * Each load is cold: a fresh browser context (empty cache) against a local static server that
 * compresses as a real one would. Median of LOADS loads each, game and bare taken in turn so machine
 * load hits both alike.
 *
 * Targets: first-load JavaScript at most 400 KB gzip (everything fetched by the time the title is
 * drawn and the page has been idle a moment, so nothing lazy sneaks in), title drawn within 800 ms
 * (median). Exit 1 on a miss.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../e2e/server';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';

const LOADS = 5;
const JS_LIMIT_KB = 400;
const TITLE_LIMIT_MS = 800;
/** After the title is drawn, wait this long for anything else the first load fetches. */
const SETTLE_MS = 1500;

const root = fileURLToPath(new URL('..', import.meta.url));
const gameDir = fileURLToPath(new URL('./artifacts/load-dist', import.meta.url));
const bareDir = fileURLToPath(new URL('./artifacts/load-bare', import.meta.url));

export interface LoadFigures {
  titleMs: number;
  jsBytes: number;
  jsFiles: number;
  totalBytes: number;
  /** Each script fetched: its file name and bytes transferred. */
  scripts: Array<{ file: string; bytes: number }>;
}

/** Draw time: the first animation frame after the title scene exists (so it has been rendered once). */
const WATCH_TITLE = `(() => {
  const tick = () => {
    let ready = false;
    try {
      ready = window.__bareTitle === true || (window.__ripple && window.__ripple.state().screen === 'title');
    } catch {}
    if (ready) requestAnimationFrame(() => { window.__titleDrawnAt = performance.now(); });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export async function coldLoad(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(WATCH_TITLE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    const urls = new Map<string, string>();
    const scripts: Array<{ file: string; bytes: number }> = [];
    let jsBytes = 0;
    let jsFiles = 0;
    let totalBytes = 0;
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      urls.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      totalBytes += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') {
        jsBytes += e.encodedDataLength;
        jsFiles++;
        const file = (urls.get(e.requestId) ?? '?').split('/').pop() ?? '?';
        scripts.push({ file, bytes: e.encodedDataLength });
      }
    });
    await page.goto(url);
    await page.waitForFunction(
      () => typeof (window as { __titleDrawnAt?: number }).__titleDrawnAt === 'number',
      undefined,
      {
        timeout: 60_000,
        polling: 50,
      },
    );
    const titleMs = await page.evaluate(
      () => (window as unknown as { __titleDrawnAt: number }).__titleDrawnAt,
    );
    await page.waitForTimeout(SETTLE_MS);
    if (errors.length) throw new Error(`page errors at ${url}: ${errors.join('; ')}`);
    return { titleMs, jsBytes, jsFiles, totalBytes, scripts };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

execFileSync('npx', ['vite', 'build', '--outDir', gameDir, '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
execFileSync('npx', ['vite', 'build', '--config', 'bench/load/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});

let game: StaticServer | null = null;
let bare: StaticServer | null = null;
let browser: Browser | null = null;
try {
  game = await serveStatic(gameDir, { gzip: true });
  bare = await serveStatic(bareDir, { gzip: true });
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  // One warm-up load of each (the browser's own start-up, disk cache of the OS), not counted.
  await coldLoad(browser, `${game.url}/`);
  await coldLoad(browser, `${bare.url}/`);
  const g: LoadFigures[] = [];
  const b: LoadFigures[] = [];
  for (let i = 0; i < LOADS; i++) {
    g.push(await coldLoad(browser, `${game.url}/`));
    b.push(await coldLoad(browser, `${bare.url}/`));
  }
  const gTitle = median(g.map((x) => x.titleMs));
  const bTitle = median(b.map((x) => x.titleMs));
  const gJs = Math.max(...g.map((x) => x.jsBytes));
  const bJs = Math.max(...b.map((x) => x.jsBytes));
  console.log(`cold loads in Chromium, 1920x1080, gzip static server, median of ${LOADS}`);
  console.log(
    `  game: title drawn ${gTitle.toFixed(0)} ms (${g.map((x) => x.titleMs.toFixed(0)).join(', ')}), ` +
      `JavaScript ${kb(gJs)} transferred in ${g[0]!.jsFiles} file(s), everything ${kb(g[0]!.totalBytes)}`,
  );
  console.log(
    `  bare Phaser: title drawn ${bTitle.toFixed(0)} ms (${b.map((x) => x.titleMs.toFixed(0)).join(', ')}), ` +
      `JavaScript ${kb(bJs)} transferred`,
  );
  const first = [...g[0]!.scripts].sort((x, y) => y.bytes - x.bytes);
  console.log(`  game's first-load scripts: ${first.map((x) => `${x.file} ${kb(x.bytes)}`).join(', ')}`);
  console.log(
    `  ratio game/bare: title ${(gTitle / bTitle).toFixed(2)}x, JavaScript ${(gJs / bJs).toFixed(2)}x`,
  );
  const misses: string[] = [];
  if (gJs > JS_LIMIT_KB * 1024) misses.push(`first-load JavaScript ${kb(gJs)} > ${JS_LIMIT_KB} KB`);
  if (gTitle > TITLE_LIMIT_MS) misses.push(`title drawn ${gTitle.toFixed(0)} ms > ${TITLE_LIMIT_MS} ms`);
  console.log(
    misses.length
      ? `  MISS: ${misses.join('; ')}`
      : `  ok: JavaScript within ${JS_LIMIT_KB} KB, title within ${TITLE_LIMIT_MS} ms`,
  );
  if (misses.length) process.exitCode = 1;
} finally {
  await browser?.close();
  await game?.close();
  await bare?.close();
}
