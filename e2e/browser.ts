/**
 * Finds a Chromium and launches it the way this project's machines need: the system browser first
 * (CHROMIUM_PATH, /usr/bin/chromium, chromium-browser, google-chrome), else Playwright's own browser
 * if one was installed, else a clear message on how to get one. The network here is closed, so the
 * background-networking flags matter; every launch gets a fresh profile directory.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

function which(cmd: string): string | null {
  try {
    const out = execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
    return out || null;
  } catch {
    return null;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = which(name);
    if (found) return found;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own installed.
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one: on Debian/Ubuntu `sudo apt-get install -y chromium`; ' +
      'with internet access `npx playwright install chromium`; or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  );
}

/**
 * Asks every page of `context` for the game's test hook (window.__ripple, __rippleDrive, __rippleLive):
 * the flag is set before the page's own scripts run, in every page and popup of the context. A page
 * without it is a player's page: no hook, and its chunk is never fetched (src/app/testHookGate.ts).
 */
export async function withTestHook<C extends BrowserContext>(context: C): Promise<C> {
  await context.addInitScript(() => {
    window.__rippleTest = true;
  });
  return context;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * `touch`: a touch screen (touch events, no mouse hover), as on a tablet; `mobile`: a phone's browser too;
 * `testHook: false`: pages as a player's, without the game's test hook (see withTestHook).
 */
export async function launchBrowser(
  viewport = { width: 1920, height: 1080 },
  opts: { touch?: boolean; mobile?: boolean; testHook?: boolean } = {},
): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ripple-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor: 1,
    hasTouch: opts.touch ?? false,
    isMobile: opts.mobile ?? false,
  });
  if (opts.testHook ?? true) await withTestHook(context);
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
