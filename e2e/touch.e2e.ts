/**
 * Touch (#16): on a touch screen (touch emulation, 1024x768 like a tablet) a ticket is routed by tapping
 * it and then its desk, and by dragging it there with a finger (raw touch events through the DevTools
 * protocol); a finger drop on a desk that cannot do the next step is sent with a warning at once; the
 * tray a ticket is dragged from does not move under the finger while the sim runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openBoard, trackGame, type GamePage } from './harness';
import { press, screenPos, settledTicketPos, waitForReady, waitRouted, type ReadyTicket } from './helpers';
import type { ClientPoint } from '../src/app/testHook';

let browser: LaunchedBrowser;
const games = trackGame();
let game: GamePage;
let cdp: CDPSession;
const done: number[] = [];

beforeAll(async () => {
  browser = games.keep(await launchBrowser({ width: 1024, height: 768 }, { touch: true }));
  game = games.keep(await openBoard('?level=right-desk&seed=3', undefined, { browser }));
  cdp = await browser.context.newCDPSession(game.page);
});

async function touch(type: 'touchStart' | 'touchMove' | 'touchEnd', p: ClientPoint | null): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: p
      ? [{ x: Math.round(p.x), y: Math.round(p.y), id: 1, radiusX: 6, radiusY: 6, force: 1 }]
      : [],
  });
}

/** A finger drag: down at `from`, moves in steps (waiting a frame each), up at `to`. */
async function fingerDrag(
  page: Page,
  from: ClientPoint,
  to: ClientPoint,
  halfway?: () => Promise<void>,
): Promise<void> {
  await touch('touchStart', from);
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    const k = i / steps;
    await touch('touchMove', { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k });
    if (i === steps / 2) await halfway?.();
    await page.waitForTimeout(30);
  }
  await touch('touchEnd', null);
}

async function ready(opts: { needWrong?: boolean } = {}): Promise<ReadyTicket> {
  const r = await waitForReady(game.page, { ...opts, exclude: done });
  done.push(r.id);
  return r;
}

describe('routing on a touch screen', () => {
  it('tap a ticket, then tap its desk', async () => {
    const page = game.page;
    const r = await ready();
    await press(page, ' '); // paused: the tray holds still for the tap
    const at = await settledTicketPos(page, r.id);
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForFunction((id) => window.__ripple!.state().selection.ticket === id, r.id, {
      polling: 'raf',
      timeout: 10_000,
    });
    // The desks light up on the frame after the pick.
    await expect
      .poll(async () => (await page.evaluate(() => window.__ripple!.deskKinds()))![r.right], {
        message: 'the desk that can do it lights up',
      })
      .toMatch(/target|focus/);
    const to = await screenPos(page, 'dept', r.right);
    await page.touchscreen.tap(to.x, to.y);
    await press(page, ' ');
    await waitRouted(page, r.id, r.right);
    await game.shot('touch-tap-routed');
  });

  it('drag a ticket with a finger onto its desk, while the sim runs', async () => {
    const page = game.page;
    const r = await ready();
    const from = await settledTicketPos(page, r.id);
    const to = await screenPos(page, 'dept', r.right);
    let still = true;
    await fingerDrag(page, from, to, async () => {
      // Mid-drag: the game holds this very ticket, and the tray's other tickets stay put.
      expect(await page.evaluate(() => window.__ripple!.state().selection.ticket)).toBe(r.id);
      const s = await page.evaluate(() => window.__ripple!.sim()!);
      const others = s.departments.find((d) => d.id === r.from)!.outbox.filter((id) => id !== r.id);
      const before = await Promise.all(
        others.map((id) => page.evaluate((t) => window.__ripple!.ticketScreenPos(t), id)),
      );
      await page.waitForTimeout(400);
      const after = await Promise.all(
        others.map((id) => page.evaluate((t) => window.__ripple!.ticketScreenPos(t), id)),
      );
      others.forEach((_, i) => {
        const a = before[i];
        const b = after[i];
        if (a && b && (Math.abs(a.x - b.x) > 1 || Math.abs(a.y - b.y) > 1)) still = false;
      });
      await game.shot('touch-mid-drag');
    });
    await waitRouted(page, r.id, r.right);
    expect(still, 'the tray did not move under the finger').toBe(true);
  });

  it('a finger drop on a desk that cannot do the next step warns at once', async () => {
    const page = game.page;
    const r = await ready({ needWrong: true });
    const from = await settledTicketPos(page, r.id);
    const to = await screenPos(page, 'dept', r.wrong!);
    await fingerDrag(page, from, to);
    await waitRouted(page, r.id, r.wrong!);
    const toast = await page.waitForFunction(
      () => window.__ripple!.state().toasts.find((t) => /can't do/.test(t)) ?? null,
      undefined,
      { polling: 'raf', timeout: 10_000 },
    );
    expect(await toast.jsonValue()).toMatch(new RegExp(`${r.customer}'s ticket will come back`));
    await game.shot('touch-wrong-desk-warning');
  });
});

describe('the clock on a touch screen', () => {
  /** Taps the top bar's button whose words start with `label`. */
  async function tapButton(page: Page, label: string): Promise<void> {
    const box = (await page.evaluate(() => window.__ripple!.texts())).find(
      (t) => t.scene === 'play' && t.text.startsWith(label),
    );
    expect(box, `a "${label}" button`).toBeTruthy();
    const at = await page.evaluate((p) => window.__ripple!.toScreen(p), {
      x: box!.x + box!.w / 2,
      y: box!.y + box!.h / 2,
    });
    await page.touchscreen.tap(at.x, at.y);
  }

  it('the Pause button, tapped again, reads Resume and goes on at the speed before', async () => {
    const page = game.page;
    const speed = () => page.evaluate(() => window.__ripple!.state().speed);
    // The button's words follow on the frame after the tap; a touch-only screen (no key pressed yet)
    // shows no key on them.
    const labelled = (word: string) =>
      expect
        .poll(async () =>
          (await page.evaluate(() => window.__ripple!.texts())).some(
            (t) => t.text === word || t.text === `${word} (Space)`,
          ),
        )
        .toBe(true);
    if ((await speed()) === 0) await press(page, ' ');
    await tapButton(page, '2x');
    await expect.poll(speed).toBe(2);
    await tapButton(page, 'Pause');
    await expect.poll(speed).toBe(0);
    await labelled('Resume');
    await game.shot('touch-paused-resume');
    await tapButton(page, 'Resume');
    await expect.poll(speed).toBe(2);
    await labelled('Pause');
  });
});
