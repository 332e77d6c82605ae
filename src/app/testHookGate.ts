/**
 * Whether this page asked for the browser tests' hook (src/app/testHook.ts: window.__ripple,
 * window.__rippleDrive, window.__rippleLive). A browser test or a bench asks by setting
 * `window.__rippleTest = true` before the page's scripts run (Playwright's `addInitScript`, see
 * e2e/browser.ts). A player's page never sets it: it never fetches the hook (a chunk of its own, loaded
 * with import() here) and nobody can drive its game from the console.
 */
export type TestHookModule = typeof import('./testHook');

export function testHookAsked(): boolean {
  return typeof window !== 'undefined' && window.__rippleTest === true;
}

/** The hook's module when the page asked for it, else null (and nothing is fetched). */
export function loadTestHook(): Promise<TestHookModule | null> {
  return testHookAsked() ? import('./testHook') : Promise.resolve(null);
}
