/**
 * The offline single file (`npm run build:single`): one index.html opened from file://, with no server
 * and no network, plays level 1 to the results screen with nothing alarming in the console.
 *
 * Builds its own copy into a temporary folder (never dist/ or dist-single/, which others may be using).
 * Only index.html is kept there, so nothing can quietly come from a file beside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { ARTIFACTS } from './harness';

const LEVEL = 'right-desk';
const GL_NOISE = /GL Driver Message \(OpenGL, Performance, [A-Z_]+, \w+\): GPU stall due to ReadPixels/;

let dir = '';
let browser: LaunchedBrowser | null = null;
let page: Page;
const problems: string[] = [];

describe('single-file build from file://', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ripple-single-'));
    execFileSync(
      'npx',
      ['vite', 'build', '--mode', 'single', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: process.cwd(),
        stdio: 'pipe',
        timeout: 170_000,
      },
    );
    // Only the one file travels: remove everything the public folder put beside it.
    for (const f of readdirSync(dir))
      if (f !== 'index.html') rmSync(join(dir, f), { recursive: true, force: true });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('console', (msg) => {
      if (msg.type() !== 'error' && msg.type() !== 'warning') return;
      if (GL_NOISE.test(msg.text())) return; // the software GL driver, when a screenshot reads pixels
      problems.push(`console.${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) =>
      problems.push(`request failed: ${req.url().slice(0, 120)} ${req.failure()?.errorText ?? ''}`),
    );
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is one self-contained file', () => {
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['index.html']);
  });

  it('plays level 1 to the results screen', async () => {
    const url = `${pathToFileURL(join(dir, 'index.html')).href}?level=${LEVEL}`;
    await page.goto(url);
    await page.waitForFunction(() => window.__ripple?.state().screen === 'briefing', undefined, {
      timeout: 30_000,
    });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__ripple?.state().screen === 'play', undefined, {
      timeout: 30_000,
    });
    await page.waitForTimeout(500);
    const out = await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    expect(out?.over).toBe(true);
    await page.waitForFunction(() => window.__ripple?.state().screen === 'results', undefined, {
      timeout: 30_000,
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'singlefile-results.png') });
    const progress = await page.evaluate(() => window.__ripple!.state().progress);
    expect(progress[LEVEL]?.bestScore ?? 0).toBeGreaterThan(0);
  });

  it('logged no errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
