/**
 * The participant's shell screens at the sizes people really play on (playtest 6): the Settings dialog
 * fits a 1024x768 tablet and a 1366x768 laptop, each control reached with Tab is in view with Done, and
 * at projector text size a finger drag scrolls the dialog instead of selecting its words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openGame, waitForScreen, type GamePage } from './harness';
import { press } from './helpers';

let game: GamePage | undefined;
let browser: LaunchedBrowser | undefined;
afterEach(async () => {
  const problems = game?.problems ?? [];
  await game?.close();
  await browser?.close();
  game = undefined;
  browser = undefined;
  expect(problems, 'console errors, warnings or failed requests').toEqual([]);
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where the focused control, Done and the dialog's scrolling body are, and the viewport's size. */
async function focusState(
  page: Page,
): Promise<{ name: string; focus: Box; body: Box; done: Box; vw: number; vh: number; onTop: boolean }> {
  return page.evaluate(() => {
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    // Seen, not covered: what the page shows at the control's middle is the control or its own label.
    const shownOnTop = (el: Element) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      return !!hit && (hit === el || hit.closest('label') === el.closest('label'));
    };
    const a = document.activeElement as HTMLInputElement | HTMLButtonElement;
    const done = [...document.querySelectorAll('[role="dialog"] button')].find(
      (b) => b.textContent === 'Done',
    )!;
    return {
      name: `${a.tagName} ${'name' in a ? a.name : ''} ${a.textContent ?? ''}`,
      focus: box(a),
      body: box(document.querySelector('.re-dialog-body') ?? a),
      done: box(done),
      vw: innerWidth,
      vh: innerHeight,
      onTop: shownOnTop(a),
    };
  });
}

const inside = (b: Box, o: Box, slack = 1) =>
  b.top >= o.top - slack &&
  b.bottom <= o.bottom + slack &&
  b.left >= o.left - slack &&
  b.right <= o.right + slack;

async function openSettings(page: Page): Promise<number> {
  await waitForScreen(page, 'title');
  await press(page, 's');
  await page.waitForSelector('[role="dialog"]');
  return page.evaluate(
    () => document.querySelectorAll('[role="dialog"] input, [role="dialog"] button').length,
  );
}

/** Tabs once round every control: each one focused is inside the viewport and the body's view, Done too. */
async function tabRound(page: Page, label: string): Promise<void> {
  await openSettings(page);
  // Tab stops: the three text-size radios are one (arrows move between them), then each other control.
  const n = await page.evaluate(
    () =>
      document.querySelectorAll('[role="dialog"] input:not([type="radio"]), [role="dialog"] button').length +
      1,
  );
  expect(n).toBeGreaterThanOrEqual(7);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const s = await focusState(page);
    const view = { top: 0, left: 0, bottom: s.vh, right: s.vw };
    seen.add(s.name);
    expect(inside(s.done, view), `${label}: Done in the viewport while ${s.name} has focus`).toBe(true);
    expect(inside(s.focus, view), `${label}: ${s.name} in the viewport`).toBe(true);
    expect(s.onTop, `${label}: ${s.name} shown, not covered nor clipped`).toBe(true);
    if (!s.name.startsWith('BUTTON'))
      expect(inside(s.focus, s.body), `${label}: ${s.name} not under the body's edge`).toBe(true);
    await page.keyboard.press('Tab');
    // The browser scrolls a newly focused control in a frame; wait for the body to stop moving.
    await page.evaluate(
      () =>
        new Promise<void>((res) => {
          const b = document.querySelector('.re-dialog-body');
          let last = -1;
          const tick = () => {
            const now = b?.scrollTop ?? 0;
            if (now === last) res();
            else {
              last = now;
              requestAnimationFrame(tick);
            }
          };
          requestAnimationFrame(tick);
        }),
    );
  }
  expect(seen.size, `${label}: Tab reached every control once`).toBe(n);
}

describe('the Settings dialog fits the screen', () => {
  for (const vp of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
  ]) {
    it(`at ${vp.width}x${vp.height}, normal text: every control and Done show at once`, async () => {
      game = await openGame('', { viewport: vp });
      const page = game.page;
      await openSettings(page);
      const all = await page.evaluate(() =>
        [...document.querySelectorAll('[role="dialog"] input, [role="dialog"] button')].map((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
          const label = el.closest('label');
          return {
            name: (el as HTMLInputElement).name || el.textContent,
            box: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
            onTop: !!hit && (hit === el || (!!label && hit.closest('label') === label)),
          };
        }),
      );
      for (const c of all) {
        expect(
          inside(c.box, { top: 0, left: 0, bottom: vp.height, right: vp.width }),
          `${c.name} in the viewport`,
        ).toBe(true);
        expect(c.onTop, `${c.name} shown without scrolling`).toBe(true);
      }
      await game.shot(`shell-settings-${vp.width}`);
      await tabRound(page, `${vp.width} normal`);
    });

    it(`at ${vp.width}x${vp.height}, projector text: each control reached with Tab scrolls into view`, async () => {
      game = await openGame('', { viewport: vp });
      const page = game.page;
      await openSettings(page);
      await page.check('input[name="textScale"][value="1.5"]');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
      await tabRound(page, `${vp.width} projector`);
      await game.shot(`shell-settings-${vp.width}-projector`);
    });
  }

  it('on a touch tablet at projector text, a finger drag scrolls the dialog and selects nothing', async () => {
    browser = await launchBrowser({ width: 1024, height: 768 }, { touch: true });
    game = await openGame('', { browser });
    const page = game.page;
    await openSettings(page);
    await page.check('input[name="textScale"][value="1.5"]');
    const cdp = await browser.context.newCDPSession(page);
    const body = (await page.locator('.re-dialog-body').boundingBox())!;
    const x = Math.round(body.x + body.width * 0.3);
    const from = Math.round(body.y + body.height * 0.8);
    const to = Math.round(body.y + body.height * 0.2);
    const point = (y: number) => [{ x, y, id: 1, radiusX: 6, radiusY: 6, force: 1 }];
    expect(await page.evaluate(() => document.querySelector('.re-dialog-body')!.scrollTop)).toBe(0);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: point(from + ((to - from) * i) / 10),
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction(() => document.querySelector('.re-dialog-body')!.scrollTop > 50);
    expect(await page.evaluate(() => String(getSelection() ?? ''))).toBe('');
    await game.shot('shell-settings-touch-scrolled');
  });
});
