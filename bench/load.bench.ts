/**
 * First load (issue #18): what a cold load of the built game really transfers in Chromium before its
 * title screen is drawn, and when it is drawn, beside a bare page with Phaser alone (same renderer and
 * size), as a ratio. Each load is cold: a fresh browser context with the cache off.
 *
 *  - Title time: median of LOADS cold loads from `vite preview` (`npm run preview`, its own process), game
 *    and bare page taken in turn so machine load hits both alike.
 *  - Bytes: a cold load through a static server that gzips as a real one would (vite preview does not
 *    compress). A script counts as first-load when its request started before the title was drawn
 *    (resource timing, the page's own clock); what the game fetches after (the rest of the game, idly)
 *    is printed beside it, and must have arrived within SETTLE_MS, so the bench also proves the rest
 *    of the game does come. The page is a player's (it does not ask for the browser tests' hook): it
 *    must have no test hook and never fetch its chunk.
 *
 * Targets: first-load JavaScript at most 400 KB gzip, title drawn within 800 ms (median). Exit 1 on a
 * miss.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../e2e/server';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';

const LOADS = 5;
const JS_LIMIT_KB = 400;
const TITLE_LIMIT_MS = 800;
/** After the title is drawn, wait this long for what the page fetches next (the rest of the game). */
const SETTLE_MS = 2500;
/** The mark the game (src/main.ts) and the bare page set a frame after their title scene is created. */
const TITLE_MARK = 'ripple:title-drawn';
/** The mark both set when their entry script starts: Phaser (and the game's first-load modules) fetched and run. */
const START_MARK = 'ripple:main-start';
/** The mark the game sets once the rest of it (src/app/late.ts) has arrived and started. */
const LATE_MARK = 'ripple:late-started';
/** The browser tests' hook: a player's page (this bench's, which does not ask for it) must never fetch it. */
const HOOK_CHUNK = /^testHook-/;

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const gameDir = fileURLToPath(new URL('./artifacts/load-dist', import.meta.url));
const bareDir = fileURLToPath(new URL('./artifacts/load-bare', import.meta.url));

interface Script {
  file: string;
  bytes: number;
  /** Request start, ms after navigation (the page's clock). */
  start: number;
  /** Response end, ms after navigation. */
  end: number;
}

export interface LoadFigures {
  titleMs: number;
  /** When the entry script started (Phaser fetched, compiled and run), ms after navigation. */
  startMs: number;
  /** Scripts whose request started before the title was drawn, and the ones after. */
  first: Script[];
  later: Script[];
  /** Everything transferred before the title was drawn (HTML, CSS, scripts). */
  firstAll: number;
  /** The rest of the game arrived and started. */
  restLoaded: boolean;
  /** The page has the test hook (window.__ripple, __rippleDrive or __rippleLive), or fetched its chunk. */
  hook: boolean;
}

const sum = (xs: Script[]) => xs.reduce((a, x) => a + x.bytes, 0);

export async function coldLoad(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    const urls = new Map<string, string>();
    const bytes = new Map<string, { bytes: number; script: boolean }>();
    cdp.on('Network.responseReceived', (e) => {
      types.set(e.requestId, e.type);
      urls.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const u = urls.get(e.requestId);
      if (u) bytes.set(u, { bytes: e.encodedDataLength, script: types.get(e.requestId) === 'Script' });
    });
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, TITLE_MARK, {
      timeout: 60_000,
      polling: 50,
    });
    await page.waitForTimeout(SETTLE_MS);
    if (errors.length) throw new Error(`page errors at ${url}: ${errors.join('; ')}`);
    const seen = await page.evaluate(([m, sm, lm]) => {
      const mark = performance.getEntriesByName(m)[0]!.startTime;
      const start = performance.getEntriesByName(sm)[0]?.startTime ?? NaN;
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: r.name,
        start: r.startTime,
        end: r.responseEnd,
      }));
      const w = window as { __ripple?: unknown; __rippleDrive?: unknown; __rippleLive?: unknown };
      const hook = w.__ripple !== undefined || w.__rippleDrive !== undefined || w.__rippleLive !== undefined;
      return { mark, start, res, late: performance.getEntriesByName(lm).length > 0, hook };
    }, [TITLE_MARK, START_MARK, LATE_MARK] as const);
    const first: Script[] = [];
    const later: Script[] = [];
    let firstAll = bytes.get(url)?.bytes ?? 0; // the page itself
    for (const r of seen.res) {
      const b = bytes.get(r.name);
      if (!b) continue;
      const before = r.start < seen.mark;
      if (before) firstAll += b.bytes;
      if (!b.script) continue;
      const s = { file: r.name.split('/').pop() ?? '?', bytes: b.bytes, start: r.start, end: r.end };
      (before ? first : later).push(s);
    }
    const hook = seen.hook || [...first, ...later].some((x) => HOOK_CHUNK.test(x.file));
    return { titleMs: seen.mark, startMs: seen.start, first, later, firstAll, restLoaded: seen.late, hook };
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
const list = (xs: Script[]) =>
  [...xs]
    .sort((x, y) => y.bytes - x.bytes)
    .map((x) => `${x.file} ${kb(x.bytes)}`)
    .join(', ');

/**
 * `vite preview` in a process of its own, as `npm run preview` runs it (not inside this one, which is
 * busy with the browser's events), on a free port; resolves to its address once it prints it.
 */
function previewOf(args: string[]): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(
    process.execPath,
    [vite, 'preview', ...args, '--host', '127.0.0.1', '--port', '0', '--logLevel', 'info'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      // eslint-disable-next-line no-control-regex
      const m = /Local:\s+(http:\/\/[^\s/]+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) ok({ url: m[1]!, server });
    });
    server.once('exit', (code) => fail(new Error(`vite preview stopped (${code}): ${out}`)));
  });
}

const loadNow = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const loadBefore = loadNow();

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
let gameP: ChildProcess | null = null;
let bareP: ChildProcess | null = null;
let browser: Browser | null = null;
try {
  game = await serveStatic(gameDir, { gzip: true });
  bare = await serveStatic(bareDir, { gzip: true });
  const gp = await previewOf(['--outDir', gameDir]);
  const bp = await previewOf(['--config', 'bench/load/vite.config.ts']);
  gameP = gp.server;
  bareP = bp.server;
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  // One warm-up load of each (the browser's own start-up, disk cache of the OS), not counted.
  await coldLoad(browser, `${gp.url}/`);
  await coldLoad(browser, `${bp.url}/`);
  const g: LoadFigures[] = [];
  const b: LoadFigures[] = [];
  for (let i = 0; i < LOADS; i++) {
    g.push(await coldLoad(browser, `${gp.url}/`));
    b.push(await coldLoad(browser, `${bp.url}/`));
  }
  const gz = await coldLoad(browser, `${game.url}/`);
  const bz = await coldLoad(browser, `${bare.url}/`);

  const gTitle = median(g.map((x) => x.titleMs));
  const bTitle = median(b.map((x) => x.titleMs));
  const gJs = sum(gz.first);
  const bJs = sum(bz.first);
  const rest = sum(gz.later);
  const restDone = Math.max(0, ...gz.later.map((x) => x.end));
  // Every preview load must fetch the same first-load scripts (no lazy part sneaking in early).
  const firstSets = new Set(
    g.map((x) =>
      x.first
        .map((s) => s.file)
        .sort()
        .join(' '),
    ),
  );
  console.log(`cold loads in Chromium, 1920x1080, Canvas; title from vite preview, median of ${LOADS}`);
  console.log(`  machine load average (1, 5, 15 min): ${loadBefore} before, ${loadNow()} after`);
  console.log(
    `  game: title drawn ${gTitle.toFixed(0)} ms (${g.map((x) => x.titleMs.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  bare Phaser: title drawn ${bTitle.toFixed(0)} ms (${b.map((x) => x.titleMs.toFixed(0)).join(', ')})`,
  );
  const phases = (xs: LoadFigures[]) => {
    const start = median(xs.map((x) => x.startMs));
    return `script started ${start.toFixed(0)} ms (Phaser fetched and run), then ${median(xs.map((x) => x.titleMs - x.startMs)).toFixed(0)} ms to the title`;
  };
  console.log(`  medians, game: ${phases(g)}; bare Phaser: ${phases(b)}`);
  console.log(`bytes of one cold load through a gzip static server`);
  console.log(
    `  game before the title: JavaScript ${kb(gJs)} in ${gz.first.length} file(s), everything ${kb(gz.firstAll)}: ${list(gz.first)}`,
  );
  console.log(
    `  game after the title (fetched idly): JavaScript ${kb(rest)} in ${gz.later.length} file(s), ` +
      `all arrived ${restDone.toFixed(0)} ms after navigation (${(restDone - gz.titleMs).toFixed(0)} ms after the title): ${list(gz.later)}`,
  );
  console.log(`  bare Phaser: JavaScript ${kb(bJs)} in ${bz.first.length} file(s)`);
  console.log(
    `  ratio game/bare: title ${(gTitle / bTitle).toFixed(2)}x, first-load JavaScript ${(gJs / bJs).toFixed(2)}x`,
  );
  const misses: string[] = [];
  if (gJs > JS_LIMIT_KB * 1024) misses.push(`first-load JavaScript ${kb(gJs)} > ${JS_LIMIT_KB} KB`);
  if (gTitle > TITLE_LIMIT_MS) misses.push(`title drawn ${gTitle.toFixed(0)} ms > ${TITLE_LIMIT_MS} ms`);
  if (!gz.restLoaded || g.some((x) => !x.restLoaded))
    misses.push(`the rest of the game did not arrive within ${SETTLE_MS} ms after the title`);
  if (gz.hook || g.some((x) => x.hook)) misses.push(`a player's page has the test hook or fetched its chunk`);
  if (firstSets.size > 1)
    misses.push(`the first-load scripts differ between loads: ${[...firstSets].join(' | ')}`);
  console.log(
    misses.length
      ? `  MISS: ${misses.join('; ')}`
      : `  ok: JavaScript within ${JS_LIMIT_KB} KB, title within ${TITLE_LIMIT_MS} ms, the rest arrives after it`,
  );
  if (misses.length) process.exitCode = 1;
} finally {
  await browser?.close();
  await game?.close();
  await bare?.close();
  gameP?.kill();
  bareP?.kill();
}
