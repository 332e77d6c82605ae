/**
 * Issue #13, items 6, 7 and 9: a round the facilitator extends by a minute, projected. The room's
 * debrief shows every part, one at a time, with nothing outside the window at 1280x720 and 1024x768
 * (screenshots at 1920x1080 and 1280x720 too); the facilitator's time scrubber reaches the end of the
 * extended round and its board there shows the final result; projector mode (V) applies at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openGame, waitForScreen, type GamePage } from './harness';
import { press, sim, skipAhead } from './helpers';

const LEVEL = 'clear-notes';

let presenter: GamePage;
let audience: GamePage;
let final: { arrived: number; resolved: number; abandoned: number; inSystem: number };

/** Elements of the room's debrief that stick out of the window (with a pixel of slack), described. */
async function outside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const h = window.innerHeight;
    const out: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('.rx-debrief *')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (getComputedStyle(e).visibility === 'hidden') continue;
      if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1) {
        const name = `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
        out.push(`${name} "${(e.textContent ?? '').slice(0, 30)}" at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
    }
    return out;
  });
}

/** Waits until the charts have been redrawn for the window's new size (they follow it after a moment). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.rx-debrief canvas')].every((c) => c.getBoundingClientRect().right <= innerWidth),
    undefined,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(300);
}

/** Text boxes whose words are cut (content wider or taller than the box, and the box hides it). */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const e of document.querySelectorAll<HTMLElement>('.rx-debrief *')) {
      const s = getComputedStyle(e);
      const hides = s.overflow !== 'visible' || s.textOverflow === 'ellipsis';
      if (!hides || e.tagName === 'CANVAS') continue;
      if (e.scrollWidth > e.clientWidth + 2 || e.scrollHeight > e.clientHeight + 2)
        out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 30)}"`);
    }
    return out;
  });
}

describe('the room’s debrief of an extended round', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    presenter = await openGame(`?facilitator=1&level=${LEVEL}&seed=7`, { viewport: { width: 1280, height: 720 } });
    await waitForScreen(presenter.page, 'briefing');
    audience = await openGame('?audience=1', { browser: presenter.browser });
    await audience.page.setViewportSize({ width: 1280, height: 720 });
  }, 150_000);

  afterAll(async () => {
    await audience?.close();
    await presenter?.close();
  });

  it('starts the round, projected', async () => {
    const page = presenter.page;
    await page.bringToFront();
    await press(page, 'Enter');
    await waitForScreen(page, 'play');
    await page.waitForSelector('.lv-bar');
    await waitForScreen(audience.page, 'play', 90_000);
    await skipAhead(page, 30);
  });

  it('plays a round the facilitator extends by a minute to its end', async () => {
    const page = presenter.page;
    const end0 = (await sim(page)).end;
    await press(page, '=');
    await page.waitForFunction((e) => window.__ripple!.sim()!.end === e + 60, end0);
    const out = await page.evaluate(() => {
      window.__rippleDrive!.playOut('wholistic');
      const s = window.__ripple!.sim()!;
      return { end: s.end, t: s.t, counts: s.counts };
    });
    expect(out.end).toBe(end0 + 60);
    expect(out.t).toBe(out.end);
    final = out.counts;
    await waitForScreen(page, 'results');
    await audience.page.waitForFunction(() => window.__ripple!.audience()?.showing === 'results', undefined, {
      timeout: 20_000,
    });
  });

  it('shows each part of the room’s debrief inside the window at 1280x720 and 1024x768', async () => {
    const page = presenter.page;
    await page.waitForSelector('.lv-reveal');
    const problems: Record<string, string[]> = {};
    for (let step = 1; step <= 6; step++) {
      await press(page, ']');
      await audience.page.waitForFunction((n) => window.__ripple!.audience()?.debriefStep === n, step, {
        timeout: 15_000,
      });
      await audience.page.waitForSelector('.rx-panel');
      await audience.page.waitForTimeout(600);
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1024, height: 768 },
      ]) {
        await audience.page.setViewportSize(size);
        await settled(audience.page);
        const key = `step ${step} at ${size.width}x${size.height}`;
        const bad = [...(await outside(audience.page)), ...(await clipped(audience.page))];
        if (bad.length) problems[key] = bad;
        await audience.shot(`debrief-room-${step}-${size.width}x${size.height}`);
      }
      await audience.page.setViewportSize({ width: 1920, height: 1080 });
      await audience.page.waitForTimeout(400);
      await audience.shot(`debrief-room-${step}-1920x1080`);
      await audience.page.setViewportSize({ width: 1280, height: 720 });
    }
    // The questions one at a time, up to the last.
    for (let q = 0; q < 6; q++) await press(page, ']');
    await audience.page.waitForTimeout(800);
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ]) {
      await audience.page.setViewportSize(size);
      await settled(audience.page);
      const bad = [...(await outside(audience.page)), ...(await clipped(audience.page))];
      if (bad.length) problems[`questions at ${size.width}x${size.height}`] = bad;
      await audience.shot(`debrief-room-questions-${size.width}x${size.height}`);
    }
    expect(problems).toEqual({});
    await presenter.shot('debrief-02-presenter-reveal-strip-1280');
    const strip = await page.evaluate(() => {
      const r = document.querySelector('.lv-reveal')?.getBoundingClientRect();
      return r ? { left: r.left, right: r.right, width: innerWidth } : null;
    });
    expect(strip).not.toBeNull();
    expect(strip!.left).toBeGreaterThanOrEqual(0);
    expect(strip!.right).toBeLessThanOrEqual(strip!.width);
  });

  it('replays the extended round to its real end, where the board shows the final result', async () => {
    const page = presenter.page;
    await press(page, 'd');
    await page.locator('.rx-overlay').waitFor({ state: 'visible' });
    const max = await page.getAttribute('[data-testid="scrubber"]', 'max');
    expect(Number(max)).toBe(360);
    await page.fill('[data-testid="scrubber"]', '360');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scrub-clock"]')?.textContent?.startsWith('6:00 of 6:00'),
    );
    const counts = await page.$$eval('.rx-count-value', (cs) => cs.map((c) => Number(c.textContent)));
    expect(counts).toEqual([final.inSystem, final.resolved, final.abandoned]);
    // The range covers the added minute: 5:00 is a moment inside the round, not its end.
    await page.fill('[data-testid="scrubber"]', '300');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scrub-clock"]')?.textContent?.startsWith('5:00 of 6:00'),
    );
    await page.fill('[data-testid="scrubber"]', '60');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scrub-clock"]')?.textContent?.startsWith('1:00 of 6:00'),
    );
    const early = await page.$$eval('.rx-count-value', (cs) => cs.map((c) => Number(c.textContent)));
    expect(early[1]!).toBeLessThan(final.resolved);
    await presenter.shot('debrief-03-scrubber-extended');
    await press(page, 'Escape');
  });

  it('logged no errors in either window', () => {
    expect(presenter.problems).toEqual([]);
    expect(audience.problems).toEqual([]);
  });
});
