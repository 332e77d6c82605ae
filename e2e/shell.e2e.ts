/**
 * The participant's shell screens at the sizes people really play on (playtest 6): the Settings dialog
 * fits a 1024x768 tablet and a 1366x768 laptop, each control reached with Tab is in view with Done, and
 * at projector text size a finger drag scrolls the dialog instead of selecting its words.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openGame, screenPixels, trackGame, waitForScreen, type GamePage } from './harness';
import { press } from './helpers';

const games = trackGame();
let game: GamePage;
let browser: LaunchedBrowser;

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
      game = games.keep(await openGame('', { viewport: vp }));
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
      game = games.keep(await openGame('', { viewport: vp }));
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
    browser = games.keep(await launchBrowser({ width: 1024, height: 768 }, { touch: true }));
    game = games.keep(await openGame('', { browser }));
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

/** A phone (or a tablet): touch, no mouse, no keyboard. */
async function openTouch(
  query: string,
  viewport: { width: number; height: number },
  mobile: boolean,
): Promise<GamePage> {
  const b = games.keep(await launchBrowser(viewport, { touch: true, mobile }));
  return openGame(query, { browser: b });
}

/** Taps a canvas text (a button's label) where the player sees it, with a finger. */
async function tapText(page: Page, text: string): Promise<void> {
  const p = await page.evaluate((want) => {
    const t = window.__ripple!.texts().find((x) => x.text === want)!;
    return window.__ripple!.toScreen({ x: t.x + t.w / 2, y: t.y + t.h / 2 });
  }, text);
  await tapAt(page, p);
}

/** A finger's tap at a point of the page. */
async function tapAt(page: Page, p: { x: number; y: number }): Promise<void> {
  // A finger's press and lift a few frames apart (a tap within one frame can reach Phaser as no press).
  const cdp = await page.context().newCDPSession(page);
  const point = [{ x: Math.round(p.x), y: Math.round(p.y), id: 1, radiusX: 6, radiusY: 6, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const shownTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => window.__ripple!.texts().map((t) => t.text));

describe('a phone held upright', () => {
  it('is told to turn the phone, over the game, and the note goes once it is turned', async () => {
    game = games.keep(await openTouch('', { width: 390, height: 844 }, true));
    const page = game.page;
    await waitForScreen(page, 'title');
    const note = page.getByText('Turn your phone sideways for a bigger board.');
    await note.waitFor({ state: 'visible' });
    const box = (await note.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await game.shot('shell-phone-portrait-title');
    await page.setViewportSize({ width: 844, height: 390 });
    await note.waitFor({ state: 'hidden' });
    await game.shot('shell-phone-landscape-title');
    await page.setViewportSize({ width: 390, height: 844 });
    await note.waitFor({ state: 'visible' });
  });
});

describe('a touch-only tablet is told to tap, not to press keys', () => {
  it('the title offers facilitators a button instead of "press F", and it opens every level', async () => {
    game = games.keep(await openTouch('', { width: 1024, height: 768 }, true));
    const page = game.page;
    await waitForScreen(page, 'title');
    await page.waitForFunction(() =>
      window.__ripple!.texts().some((t) => t.text === 'For facilitators: open every level'),
    );
    const words = (await shownTexts(page)).join('\n');
    expect(words).not.toMatch(/press F|Enter:|S: settings/);
    await game.shot('shell-touch-title');
    await tapText(page, 'For facilitators: open every level');
    await page.waitForFunction(() => window.__ripple!.state().settings.facilitator === true);
    await page.waitForFunction(() =>
      window.__ripple!.texts().some((t) => t.text === 'Turn facilitator mode off'),
    );
    await game.shot('shell-touch-title-facilitator');
  });

  it('the board says tap, its buttons show no keys, and the pause banner says Resume', async () => {
    game = games.keep(await openTouch('?level=right-desk&seed=3', { width: 1024, height: 768 }, false));
    const page = game.page;
    await waitForScreen(page, 'briefing');
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === 'Start'));
    expect((await shownTexts(page)).join('\n')).not.toMatch(/Enter: start|Keys: /);
    await game.shot('shell-touch-briefing');
    await tapText(page, 'Start');
    await waitForScreen(page, 'play');
    await page.waitForFunction(
      () => window.__ripple!.texts().some((t) => /^A ticket is ready at /.test(t.text)),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const words = (await shownTexts(page)).join('\n');
    expect(words).toMatch(/tap it, then tap that department/);
    expect(words).not.toMatch(/press Tab|\(Space\)|1x \(1\)/);
    await game.shot('shell-touch-board');
    await tapText(page, 'Pause');
    await page.waitForFunction(() => window.__ripple!.state().speed === 0);
    await page.waitForFunction(() =>
      window.__ripple!.texts().some((t) => /^Paused\nTap Resume: go on at 1x/.test(t.text)),
    );
    expect((await shownTexts(page)).join('\n')).not.toMatch(/Space or P/);
    await game.shot('shell-touch-paused');
  });
  it('the results and the level list name no keys', async () => {
    game = games.keep(await openTouch('?level=right-desk&seed=3', { width: 1024, height: 768 }, false));
    const page = game.page;
    await waitForScreen(page, 'briefing');
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === 'Start'));
    await tapText(page, 'Start');
    await waitForScreen(page, 'play');
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === 'Try again'));
    const keyWords = /\([A-Z]\)|Enter|Escape|Arrows/;
    expect((await shownTexts(page)).filter((t) => keyWords.test(t))).toEqual([]);
    await game.shot('shell-touch-results');
    await tapText(page, 'All levels');
    await waitForScreen(page, 'select');
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === 'Back'));
    expect((await shownTexts(page)).filter((t) => keyWords.test(t))).toEqual([]);
    await game.shot('shell-touch-levels');
  });

  it("level 3's briefing and the leave question speak of taps; a tap on the board keeps playing", async () => {
    game = games.keep(await openTouch('?level=supervisor-out&seed=3', { width: 1024, height: 768 }, false));
    const page = game.page;
    await waitForScreen(page, 'briefing');
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === 'Start'));
    const brief = (await shownTexts(page)).join('\n');
    // The level's "New here" was written for a mouse and keys: "'Move 1 (-)' ... Click a ticket ... (or press F)".
    expect(brief).toContain("'Move 1' lends a person");
    expect(brief).toMatch(/Tap a ticket waiting in a line to serve/);
    expect(brief).not.toMatch(/\(-\)|press F|[Cc]lick/);
    await game.shot('shell-touch-briefing-l3');
    await tapText(page, 'Start');
    await waitForScreen(page, 'play');
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === 'Menu'));
    await tapText(page, 'Menu');
    await page.waitForFunction(() =>
      window.__ripple!.texts().some((t) => t.text.startsWith('Leave this level? This game ends.\nTap Menu again')),
    );
    const asked = (await shownTexts(page)).filter((t) => t.startsWith('Leave this level?'));
    expect(asked.join('\n')).not.toMatch(/Enter|Escape/);
    await game.shot('shell-touch-leave');
    // A tap on the board, away from every desk and button, keeps playing.
    const empty = await page.evaluate(() => {
      const h = window.__ripple!;
      const shapes = h.targets();
      const inside = (x: number, y: number) =>
        shapes.some((r) => x >= r.x - 10 && x <= r.x + r.w + 10 && y >= r.y - 10 && y <= r.y + r.h + 10);
      for (let y = 200; y < 950; y += 20)
        for (let x = 400; x < 1480; x += 20) if (!inside(x, y)) return { x, y };
      return null;
    });
    expect(empty, 'an empty place on the board').not.toBeNull();
    const at = await page.evaluate((p) => window.__ripple!.toScreen(p), empty!);
    await tapAt(page, at);
    await page.waitForFunction(() => !window.__ripple!.texts().some((t) => t.text.startsWith('Leave this level?')));
    expect(await page.evaluate(() => window.__ripple!.state().screen)).toBe('play');
    // Asked again, Menu pressed twice leaves.
    await tapText(page, 'Menu');
    await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text.startsWith('Leave this level?')));
    await tapText(page, 'Menu');
    await waitForScreen(page, 'select');
  });
});

describe('the title on a 4:3 tablet', () => {
  it('lets its ripples fade out before the edges of the game, with no straight cut where the page shows', async () => {
    game = games.keep(await openGame('', { viewport: { width: 1024, height: 768 } }));
    const page = game.page;
    await waitForScreen(page, 'title');
    const box = (await page.locator('canvas').first().boundingBox())!;
    expect(box.height, 'a 16:9 game on a 4:3 screen has the page above and below it').toBeLessThan(700);
    const bg = [0x0e, 0x1b, 0x2a];
    /** Pixels of a row of the game that are not the page's own colour. */
    const marked = async (y: number) => {
      const { data, width } = await screenPixels(page, { x: box.x, y: Math.round(y), width: Math.round(box.width), height: 1 });
      let n = 0;
      for (let x = 0; x < width; x++)
        if ([0, 1, 2].some((c) => Math.abs(data[4 * x + c]! - bg[c]!) > 6)) n++;
      return n;
    };
    // Rings are drawn (the middle rows cross them), and none reaches the game's first or last row.
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await marked(box.y + box.height * 0.35), 'ripples cross the middle').toBeGreaterThan(0);
      expect(await marked(box.y + 1), 'ripples at the top edge').toBe(0);
      expect(await marked(box.y + box.height - 2), 'ripples at the bottom edge').toBe(0);
    }
    await game.shot('shell-title-tablet-edges');
  });
});
