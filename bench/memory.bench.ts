/**
 * Memory (issue #18): the browser's own heap after a forced collection, on the first play of a level
 * and again after 20 more plays of it (each played out to the results screen and restarted with
 * "Try again"). Two figures each time: the heap's used size (Runtime.getHeapUsage), and the same heap
 * without the engine's compiled code (from a heap snapshot): V8 keeps compiling more of the game's
 * functions as they get hot over the runs, which is not the game holding on to anything. The first
 * figure is taken on the board once every screen was drawn once (the first play played out, its
 * results shown, Try again): drawing the results' text the first time fills the browser's font
 * shaping caches with about 1.4 MB that stay, and that is the browser's, not a leak. The figure of
 * the very first play is printed too. Target: the heap without compiled code back to within 5% of
 * its first figure after 20 restarts. Exit 1 on a miss.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { serveStatic } from '../e2e/server';
import { launchBrowser } from '../e2e/browser';

const RESTARTS = 20;
const LIMIT = 1.05;
const LEVEL = 'right-desk';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('./artifacts/memory-dist', import.meta.url));
execFileSync('npx', ['vite', 'build', '--outDir', dist, '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});

interface Heap {
  used: number;
  /** Heap snapshot total, without compiled code (the engine's, not the game's). */
  objects: number;
  code: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<Heap> {
  // A few rounds: objects freed by one collection (finalizers, weak maps) go in the next.
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  let json = '';
  const onChunk = (e: { chunk: string }) => {
    json += e.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [stride, typeAt, sizeAt] = [fields.length, fields.indexOf('type'), fields.indexOf('self_size')];
  let objects = 0;
  let code = 0;
  for (let i = 0; i < snap.nodes.length; i += stride) {
    const size = snap.nodes[i + sizeAt]!;
    if (types[snap.nodes[i + typeAt]!] === 'code') code += size;
    else objects += size;
  }
  return { used: usedSize, objects, code };
}

const onScreen = (page: Page, screen: string) =>
  page.waitForFunction((s) => window.__ripple?.state().screen === s, screen, {
    timeout: 60_000,
    polling: 50,
  });

/** On the board, with the level's first few seconds run, as a player would see it. */
async function settleOnBoard(page: Page): Promise<void> {
  await onScreen(page, 'play');
  await page.waitForFunction(() => (window.__ripple?.sim()?.t ?? 0) > 1, undefined, { timeout: 60_000 });
  await page.waitForTimeout(300);
}

const server = await serveStatic(dist);
const browser = await launchBrowser({ width: 1920, height: 1080 });
try {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.goto(`${server.url}/?level=${LEVEL}&seed=3`);
  await onScreen(page, 'briefing');
  await page.keyboard.press('Enter');
  await settleOnBoard(page);
  // The sounds load on the first key press; the first figure is taken once they are in.
  await page
    .waitForFunction(() => window.__ripple?.audio.ready === true, undefined, { timeout: 15_000 })
    .catch(() => console.log('  (sound never got ready; measuring without it)'));
  const veryFirst = await heapAfterGc(cdp);
  const again = async () => {
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await onScreen(page, 'results');
    await page.waitForTimeout(200);
    await page.keyboard.press('r');
    await settleOnBoard(page);
  };
  await again();
  const first = await heapAfterGc(cdp);
  const figures: Heap[] = [first];
  for (let i = 0; i < RESTARTS; i++) {
    await again();
    if ((i + 1) % 5 === 0) figures.push(await heapAfterGc(cdp));
  }
  const last = figures[figures.length - 1]!;
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  const ratio = last.objects / first.objects;
  console.log(`heap after forced GC, level ${LEVEL}, ${RESTARTS} restarts (played out, Try again)`);
  for (const [what, of] of [
    ['used heap', (h: Heap) => h.used],
    ['heap without compiled code', (h: Heap) => h.objects],
    ['compiled code', (h: Heap) => h.code],
  ] as const) {
    console.log(
      `  ${what}: very first play ${mb(of(veryFirst))}; first ${mb(of(first))}; every 5 restarts ${figures.slice(1).map(of).map(mb).join(', ')}; ` +
        `ratio last/first ${(of(last) / of(first)).toFixed(3)}x`,
    );
  }
  console.log(`  target: heap without compiled code at most ${LIMIT.toFixed(2)}x its first figure`);
  if (ratio > LIMIT) {
    console.log(`  MISS: the heap grew ${((ratio - 1) * 100).toFixed(1)}% over ${RESTARTS} restarts`);
    process.exitCode = 1;
  } else console.log('  ok');
} finally {
  await browser.close();
  await server.close();
}
