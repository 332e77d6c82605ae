/**
 * Live facilitation in the browser: a facilitator's window (`?facilitator=1&level=…`) with its control
 * bar, and a projector window (`?audience=1`) opened in the same browser, linked over BroadcastChannel.
 * The projector's board is a replica of the facilitator's sim: same time (within a fraction of a second
 * while running, exactly when paused), same state hash, pauses with it, and shows routed tickets,
 * +1 minute and injects. After the level it shows only what the facilitator revealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openGame, waitForScreen, type GamePage } from './harness';
import { press, sim, skipAhead, waitForReady, waitRouted } from './helpers';
import type { AudienceInfo } from '../src/facilitator/live/audience';

const LEVEL = 'sandbox'; // has facilitator-triggered events (live injects)

let presenter: GamePage;
let audience: GamePage;

const info = async (page: Page): Promise<AudienceInfo> => {
  const a = await page.evaluate(() => window.__ripple!.audience());
  if (!a) throw new Error('Not an audience window');
  return a;
};

/** Sim times of both windows, read as close together as the two pages allow. */
async function bothTimes(): Promise<{ p: number; a: number }> {
  const [p, a] = await Promise.all([
    presenter.page.evaluate(() => window.__ripple!.sim()?.t ?? -1),
    audience.page.evaluate(() => window.__ripple!.audience()?.replicaT ?? -1),
  ]);
  return { p, a };
}

/** Pauses the presenter and waits until the projector has settled on the same time. */
async function pauseAndSettle(): Promise<void> {
  if ((await presenter.page.evaluate(() => window.__ripple!.state().speed)) !== 0)
    await press(presenter.page, 'p');
  // This shared test machine may draw a frame only every second or so: allow time.
  await presenter.page.waitForFunction(() => window.__ripple!.state().speed === 0, undefined, {
    timeout: 30_000,
  });
  await audience.page.waitForFunction(() => window.__ripple!.audience()?.paused === true, undefined, {
    timeout: 30_000,
  });
  await presenter.page.waitForTimeout(300);
  const p = (await sim(presenter.page)).t;
  await audience.page.waitForFunction((t) => window.__ripple!.audience()?.replicaT === t, p, {
    timeout: 30_000,
  });
}

async function hashes(): Promise<{ p: string; a: string }> {
  const [p, a] = await Promise.all([sim(presenter.page), sim(audience.page)]);
  expect(a.t).toBeCloseTo(p.t, 6);
  return { p: p.hash, a: a.hash };
}

describe('presenter and projector windows', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    presenter = await openGame(`?facilitator=1&level=${LEVEL}&seed=7`);
    await waitForScreen(presenter.page, 'briefing');
    audience = await openGame('?audience=1', { browser: presenter.browser });
  }, 150_000);

  afterAll(async () => {
    await audience?.close();
    await presenter?.close();
  });

  it('shows a lobby in the projector window until a round runs', async () => {
    await audience.page.waitForSelector('.lv-lobby-title');
    expect(await audience.page.textContent('.lv-lobby-title')).toContain('Waiting for the facilitator');
    expect((await info(audience.page)).showing).toBe('lobby');
    await audience.shot('live-01-audience-lobby');
  });

  it('mirrors the board once the facilitator starts: same time, same state', async () => {
    await presenter.page.bringToFront();
    await press(presenter.page, 'Enter');
    await waitForScreen(presenter.page, 'play');
    await presenter.page.waitForSelector('.lv-bar');
    await audience.page.waitForFunction(() => window.__ripple!.audience()?.showing === 'play', undefined, {
      timeout: 10_000,
    });
    await waitForScreen(audience.page, 'play', 90_000);
    // Running at 2x: sample how far the projector is from the facilitator (in sim seconds).
    await press(presenter.page, '2');
    let worst = 0;
    for (let i = 0; i < 8; i++) {
      await presenter.page.waitForTimeout(250);
      const t = await bothTimes();
      worst = Math.max(worst, Math.abs(t.p - t.a));
    }
    console.log(`projector lag while running at 2x: at most ${worst.toFixed(2)} sim seconds`);
    expect(worst).toBeLessThan(3);
    // A jump ahead (this shared test machine draws only a few frames a second, so the test skips time).
    await skipAhead(presenter.page, 15);
    const target = (await sim(presenter.page)).t;
    const t0 = Date.now();
    await audience.page.waitForFunction((t) => (window.__ripple!.audience()?.replicaT ?? 0) >= t, target, {
      timeout: 30_000,
    });
    console.log(`projector caught up with a 15 s jump in ${Date.now() - t0} ms of wall time`);
    await pauseAndSettle();
    const h = await hashes();
    expect(h.a).toBe(h.p);
    await presenter.shot('live-02-presenter-bar');
  });

  it('stays paused while the facilitator pauses, and steps with them', async () => {
    const a1 = (await info(audience.page)).replicaT!;
    await audience.page.waitForTimeout(1000);
    expect((await info(audience.page)).replicaT).toBe(a1);
    await press(presenter.page, '.');
    await audience.page.waitForFunction((t) => (window.__ripple!.audience()?.replicaT ?? 0) >= t + 4.99, a1, {
      timeout: 15_000,
    });
    const t = await bothTimes();
    expect(t.a).toBeCloseTo(t.p, 6);
    expect((await sim(presenter.page)).t).toBeCloseTo(a1 + 5, 6);
  });

  it('shows a ticket the facilitator routes', async () => {
    const page = presenter.page;
    await press(page, 'p'); // running again
    const r = await waitForReady(page);
    await press(page, 'p'); // paused: route with the keyboard, as a player would
    for (
      let i = 0;
      i <= r.order.length && (await page.evaluate(() => window.__ripple!.state().selection.dept)) !== r.from;
      i++
    )
      await press(page, 'Tab');
    await press(page, 'Enter');
    const picked = await page.evaluate(() => window.__ripple!.state().selection.ticket);
    expect(picked).not.toBeNull();
    const s = await sim(page);
    const t = s.tickets.find((x) => x.id === picked)!;
    const dest = s.departments.findIndex((d) => d.id !== r.from && d.skills.includes(t.journey[t.step]!));
    const to = s.departments[dest]!.id;
    // The number keys follow the desks' numbers on the board (reading order), not the level's order.
    const numbers = (await page.evaluate(() => window.__ripple!.deskNumbers()))!;
    await press(page, String(numbers[to]));
    await waitRouted(page, picked!, to);
    await audience.page.waitForFunction(
      ([id, dest]) =>
        window
          .__ripple!.sim()
          ?.commandLog.some((c) => c.cmd.type === 'route' && c.cmd.ticket === id && c.cmd.to === dest) ??
        false,
      [picked!, to] as const,
      { timeout: 30_000 },
    );
    await press(page, 'p');
    await skipAhead(page, 2);
    await pauseAndSettle();
    const ticket = (await sim(audience.page)).tickets.find((x) => x.id === picked);
    expect(ticket?.phase).not.toBe('outbox');
    const h = await hashes();
    expect(h.a).toBe(h.p);
    await audience.shot('live-03-audience-play');
  });

  it('adds a minute for the room too', async () => {
    const before = await sim(presenter.page);
    await press(presenter.page, '='); // the + key without Shift
    await presenter.page.waitForFunction((end) => window.__ripple!.sim()!.end === end + 60, before.end);
    await audience.page.waitForFunction((end) => window.__ripple!.sim()?.end === end + 60, before.end, {
      timeout: 15_000,
    });
  });

  it('injects a live event for the room too', async () => {
    await presenter.page.keyboard.press('Shift+Digit1');
    await presenter.page.waitForFunction(() =>
      window.__ripple!.sim()!.commandLog.some((c) => c.cmd.type === 'inject'),
    );
    await audience.page.waitForFunction(
      () => window.__ripple!.sim()?.commandLog.some((c) => c.cmd.type === 'inject') ?? false,
      undefined,
      {
        timeout: 5000,
      },
    );
    // A banner the room can read, in both windows, once per event (no second toast of the same news).
    for (const page of [presenter.page, audience.page]) {
      await page.waitForSelector('[data-testid="event-banner"]:not([hidden])', { timeout: 15_000 });
      expect(await page.locator('[data-testid="event-banner"]').count()).toBe(1);
    }
    const text = await presenter.page.textContent('[data-testid="event-banner"]');
    expect(await audience.page.textContent('[data-testid="event-banner"]')).toBe(text);
    const toasts = await presenter.page.evaluate(() => window.__ripple!.state().toasts);
    expect(toasts.filter((t) => t === text || t.startsWith('Now:'))).toEqual([]);
    await audience.shot('live-03b-audience-event-banner');
  });

  it('keeps a bookmark with a note, without the typing steering the game', async () => {
    await press(presenter.page, 'b');
    await presenter.page.waitForSelector('.lv-markbox input', { state: 'visible' });
    await presenter.shot('live-04-presenter-bookmark');
    await presenter.page.keyboard.type('Billing stops answering');
    await presenter.page.keyboard.press('Enter');
    const toasts = await presenter.page.evaluate(() => window.__ripple!.state().toasts);
    expect(toasts.some((t) => /Bookmark \d+:\d\d: Billing stops answering/.test(t))).toBe(true);
    // Typing the note did not pause or steer the game (p, s, n... went into the input).
    expect((await presenter.page.evaluate(() => window.__ripple!.state())).screen).toBe('play');
    await pauseAndSettle();
    const h = await hashes();
    expect(h.a).toBe(h.p);
  });

  it('projector mode: large text, high contrast, no key hints; the room follows a restart', async () => {
    if (await presenter.page.locator('.lv-markbox.re-overlay').count()) await press(presenter.page, 'Escape');
    await press(presenter.page, 'v');
    const s = await presenter.page.evaluate(() => window.__ripple!.state().settings);
    expect(s.textScale).toBe(1.5);
    expect(s.highContrast).toBe(true);
    const run = (await info(audience.page)).run;
    await press(presenter.page, 'r'); // restart, same seed: the new scene draws with the bigger text
    await waitForScreen(presenter.page, 'play');
    await audience.page.waitForFunction((r) => (window.__ripple!.audience()?.run ?? r) !== r, run, {
      timeout: 15_000,
    });
    expect((await sim(presenter.page)).commandLog).toEqual([]);
    await skipAhead(presenter.page, 40);
    await presenter.page.waitForTimeout(800);
    await presenter.shot('live-05-presenter-projector-mode');
    await audience.shot('live-06-audience-after-restart');
  });

  it('after the level the room sees the results, and no debrief panel before it is revealed', async () => {
    const end = await presenter.page.evaluate(() => {
      window.__rippleDrive!.playOut('wholistic');
      const s = window.__ripple!.sim()!;
      return { t: s.t, hash: s.hash, score: window.__ripple!.score()!.total };
    });
    await waitForScreen(presenter.page, 'results');
    await audience.page.waitForFunction(() => window.__ripple!.audience()?.showing === 'results', undefined, {
      timeout: 10_000,
    });
    await audience.page.waitForSelector('.rx-debrief');
    expect(await audience.page.locator('.rx-panel').count()).toBe(0);
    // The room's replica ended exactly where the facilitator's game did.
    const last = await sim(audience.page);
    expect(last.t).toBe(end.t);
    expect(last.hash).toBe(end.hash);
    expect(await audience.page.evaluate(() => window.__ripple!.score()!.total)).toBe(end.score);
    await audience.page.waitForTimeout(300);
    await audience.shot('live-07-audience-results');
    await presenter.shot('live-08-presenter-results');
  });

  it('reveals the debrief to the room one part at a time', async () => {
    await presenter.page.waitForSelector('.lv-reveal');
    await press(presenter.page, ']');
    await audience.page.waitForFunction(() => window.__ripple!.audience()?.debriefStep === 1, undefined, {
      timeout: 15_000,
    });
    await audience.page.waitForSelector('.rx-panel-outcomes');
    expect(await audience.page.locator('.rx-panel').count()).toBe(1);
    expect(await audience.page.locator('.rx-panel-queues').count()).toBe(0);
    await press(presenter.page, ']');
    await audience.page.waitForSelector('.rx-panel-queues');
    await press(presenter.page, '[');
    await audience.page.waitForFunction(() => window.__ripple!.audience()?.debriefStep === 1, undefined, {
      timeout: 15_000,
    });
    await audience.page.waitForFunction(() => document.querySelectorAll('.rx-panel-queues').length === 0);
    expect(await presenter.page.textContent('.lv-reveal-text')).toContain('how the customers fared');
    await audience.page.waitForTimeout(500);
    await audience.shot('live-09-audience-debrief-step1');
    await presenter.shot('live-10-presenter-reveal-strip');
  });

  it('the room follows the customer the facilitator picks in the debrief, and the replay and its scrubber', async () => {
    const page = presenter.page;
    // Reveal up to the journey (step 4), then open the debrief over the results.
    for (let i = 0; i < 3; i++) await press(page, ']');
    await audience.page.waitForFunction(() => window.__ripple!.audience()?.debriefStep === 4, undefined, { timeout: 15_000 });
    await audience.page.waitForSelector('.rx-panel-journey .rx-customer.rx-selected');
    const first = await audience.page.getAttribute('.rx-panel-journey .rx-customer.rx-selected', 'data-ticket');
    await press(page, 'd');
    await page.waitForSelector('.rx-overlay .rx-panel-journey');
    const other = page.locator('.rx-overlay .rx-panel-journey button.rx-customer:not(.rx-selected)').first();
    const ticket = await other.getAttribute('data-ticket');
    const label = await other.textContent();
    expect(ticket).not.toBe(first);
    await other.click();
    await audience.page.waitForFunction((t) => window.__ripple!.audience()?.customer === Number(t), ticket, { timeout: 15_000 });
    await audience.page.waitForFunction(
      (t) => document.querySelector('.rx-panel-journey .rx-customer.rx-selected')?.getAttribute('data-ticket') === t,
      ticket,
      { timeout: 15_000 },
    );
    expect(await audience.page.textContent('.rx-panel-journey .rx-customer.rx-selected')).toBe(label);
    await audience.page.waitForTimeout(500);
    await audience.shot('live-11-audience-chosen-journey');

    // The replay: shown to the room, it follows the facilitator's scrubber.
    await page.click('[data-testid="replay-to-room"]');
    await audience.page.waitForSelector('.rx-room-replay [data-testid="scrub-clock"]', { timeout: 15_000 });
    expect(await audience.page.locator('.rx-room-replay button').count()).toBe(0); // the room takes no input
    await page.locator('[data-testid="scrubber"]').evaluate((r: HTMLInputElement) => {
      r.value = '60';
      r.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await audience.page.waitForFunction(() => window.__ripple!.audience()?.replay === 60, undefined, { timeout: 15_000 });
    await audience.page.waitForFunction(
      () => /^1:00\b/.test(document.querySelector('.rx-room-replay [data-testid="scrub-clock"]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    // The same board on both screens: the desks' counts at 1:00 agree.
    const desks = (p: Page) =>
      p.$$eval('.rx-scrub-board .rx-desk', (els) => els.map((e) => e.textContent?.replace(/\s+/g, ' ').trim()));
    expect(await desks(audience.page)).toEqual(await desks(page));
    // The presenter's strip is redrawn on its own beat, so it may say so a moment after the room shows it.
    await expect
      .poll(() => page.textContent('.lv-reveal-text'), { timeout: 15_000 })
      .toContain('replay at 1:00');
    await audience.shot('live-12-audience-replay');
    // The room's replay fits a 1280x720 projector too.
    const size = audience.page.viewportSize();
    await audience.page.setViewportSize({ width: 1280, height: 720 });
    await audience.page.waitForTimeout(400);
    const out = await audience.page.$$eval('.rx-room-replay *', (els) =>
      els.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 1 || r.bottom > innerHeight + 1); }).length,
    );
    expect(out).toBe(0);
    await audience.shot('live-12b-audience-replay-1280x720');
    if (size) await audience.page.setViewportSize(size);
    // [ takes the replay away first: the room is back on the journey.
    await page.click('[data-testid="debrief-close"]');
    await press(page, '[');
    await audience.page.waitForSelector('.rx-panel-journey', { timeout: 15_000 });
    expect(await audience.page.locator('.rx-room-replay').count()).toBe(0);
    expect((await info(audience.page)).debriefStep).toBe(4);
  });

  it('logged no errors in either window', () => {
    expect(presenter.problems).toEqual([]);
    expect(audience.problems).toEqual([]);
  });
});
