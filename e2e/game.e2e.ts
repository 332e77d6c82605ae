/**
 * Issue #5, the playable game: a person opens the game, picks level 1 on the level-select screen,
 * reads the briefing, routes tickets with the mouse (drag, and click then click) and with the keyboard
 * alone, misroutes one and sees it come back, pauses, changes speed, plays to the results screen, and
 * finds the stars again after a reload. One browser for the whole story, in order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openGame, startBoard, trackGame, waitForScreen, type GamePage } from './harness';
import {
  clickTicket,
  dragTicket,
  findReady,
  levelCardPos,
  press,
  screenPos,
  sim,
  simRate,
  simT,
  skipUntil,
  waitForReady,
  waitForToast,
  waitRouted,
  type ReadyTicket,
} from './helpers';

const LEVEL = 'right-desk';

const games = trackGame();
let game: GamePage;
const done: number[] = [];

beforeAll(async () => {
  game = games.keep(await openGame());
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Skips ahead until the misrouted ticket has come back from the wrong desk (its toast is due next frame). */
async function bounced(r: ReadyTicket): Promise<void> {
  await skipUntil(game.page, `${r.customer}'s ticket to bounce back from ${r.wrong}`, (s) => {
    const t = s.tickets.find((x) => x.id === r.id);
    if (!t) throw new Error(`${r.customer}'s ticket left the board before it bounced`);
    return t.bounces > 0;
  });
}

async function ready(opts: { needWrong?: boolean } = {}): Promise<ReadyTicket> {
  return waitForReady(game.page, { ...opts, exclude: done });
}

describe('level 1 played as a person would', () => {
  it('goes from the title to the level select, the briefing and the board', async () => {
    const page = game.page;
    await waitForScreen(page, 'title');
    await page.waitForTimeout(300);
    await game.shot('game-01-title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    await page.waitForTimeout(300);
    await game.shot('game-02-select');

    const card = await levelCardPos(page, LEVEL);
    await page.mouse.click(card.x, card.y);
    await waitForScreen(page, 'briefing');
    expect((await page.evaluate(() => window.__ripple!.state())).levelId).toBe(LEVEL);
    await page.waitForTimeout(300);
    await game.shot('game-03-briefing');

    // The Start button, bottom right of the briefing.
    const start = await page.evaluate(() => window.__ripple!.toScreen({ x: 1920 - 110 - 230, y: 1080 - 95 }));
    await page.mouse.click(start.x, start.y);
    await waitForScreen(page, 'play');
    const s = await sim(page);
    expect(s.departments.length).toBeGreaterThan(1);
    expect(s.departments.every((d) => d.skills.length > 0)).toBe(true);
    await page.waitForTimeout(500);
    await game.shot('game-04-board-start');
  });

  it('routes a ticket by dragging it from its tray onto the right department', async () => {
    const page = game.page;
    await press(page, '3'); // 4x until something is ready
    expect((await page.evaluate(() => window.__ripple!.state())).speed).toBe(4);
    const r = await ready();
    await press(page, '1');
    const to = await screenPos(page, 'dept', r.right);
    // Half way: a screenshot of the ticket under the mouse.
    await dragTicket(page, r.id, to, {
      steps: 16,
      halfway: async () => {
        expect((await page.evaluate(() => window.__ripple!.state())).selection.ticket).toBe(r.id);
        await game.shot('game-05-dragging');
      },
    });
    await waitRouted(page, r.id, r.right);
    done.push(r.id);
  });

  it('routes a ticket by clicking it, then clicking the department', async () => {
    const page = game.page;
    await press(page, '3');
    const r = await ready();
    await press(page, '1');
    await clickTicket(page, r.id);
    await page.waitForTimeout(150);
    await game.shot('game-06-picked');
    const to = await screenPos(page, 'dept', r.right);
    await page.mouse.click(to.x, to.y);
    await waitRouted(page, r.id, r.right);
    done.push(r.id);
  });

  it('routes a ticket with the keyboard alone (Tab to the department, Enter, number key)', async () => {
    const page = game.page;
    await press(page, '3');
    const r = await ready();
    await press(page, '1');
    // Tab through the departments until the sender has the focus ring.
    for (
      let i = 0;
      i <= r.order.length && (await page.evaluate(() => window.__ripple!.state().selection.dept)) !== r.from;
      i++
    )
      await press(page, 'Tab');
    expect((await page.evaluate(() => window.__ripple!.state())).selection.dept).toBe(r.from);
    await press(page, 'Enter');
    const picked = await page.evaluate(() => window.__ripple!.state().selection.ticket);
    expect(picked).not.toBeNull();
    // Enter picks the tray's first ticket: read what it needs and press the number of a desk that can do it.
    const s = await sim(page);
    const t = s.tickets.find((x) => x.id === picked)!;
    const needs = t.journey[t.step]!;
    const dest = s.departments.findIndex((d) => d.id !== r.from && d.skills.includes(needs));
    expect(dest).toBeGreaterThanOrEqual(0);
    await game.shot('game-07-keyboard-target');
    await press(page, String(dest + 1));
    await waitRouted(page, picked!, s.departments[dest]!.id);
    done.push(picked!);
  });

  it('shows a toast when a misrouted ticket bounces back', async () => {
    const page = game.page;
    await press(page, '3');
    const r = await ready({ needWrong: true });
    await dragTicket(page, r.id, await screenPos(page, 'dept', r.wrong!));
    await waitRouted(page, r.id, r.wrong!);
    done.push(r.id);
    // The wrong desk looks at it (a while of sim time), then sends it back: the toast says so.
    await bounced(r);
    const bounce = await waitForToast(
      page,
      new RegExp(`${esc(r.customer)}.*(goes back|sent .* back|back to)`),
    );
    // Paused, toasts stay: the screenshot shows it however slow the machine (it slides in in 220 ms).
    await press(page, ' ');
    await page.waitForTimeout(400);
    await game.shot('game-08-bounce-toast');
    await press(page, ' ');
    expect(bounce).toContain(r.customer);
  });

  it('pauses with Space (sim time stands still) and changes speed with 1, 2, 3', async () => {
    const page = game.page;
    await press(page, ' ');
    expect((await page.evaluate(() => window.__ripple!.state())).speed).toBe(0);
    const t0 = await simT(page);
    await page.waitForTimeout(1000);
    expect(await simT(page)).toBe(t0);
    await game.shot('game-09-paused');
    await press(page, ' ');
    expect((await page.evaluate(() => window.__ripple!.state())).speed).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    expect(await simT(page)).toBeGreaterThan(t0);
    for (const [key, speed] of [
      ['2', 2],
      ['3', 4],
      ['1', 1],
    ] as const) {
      await press(page, key);
      expect((await page.evaluate(() => window.__ripple!.state())).speed).toBe(speed);
    }
    // Paused, a speed key only chooses the speed to go on at (the same digits name the desks): the clock
    // stays still, and the bottom line and the paused pill say what Space will do.
    await press(page, ' ');
    const tPaused = await simT(page);
    await press(page, '3');
    const shown = () => page.evaluate(() => window.__ripple!.texts().map((t) => t.text));
    await expect.poll(shown).toContain('Paused: press Space to go on at 4x');
    expect(await shown()).toContain('Paused\nSpace or P: go on at 4x');
    expect((await page.evaluate(() => window.__ripple!.state())).speed).toBe(0);
    await page.waitForTimeout(300);
    expect(await simT(page)).toBe(tPaused);
    await game.shot('game-09c-paused-speed-key');
    await press(page, ' ');
    expect((await page.evaluate(() => window.__ripple!.state())).speed).toBe(4);
    await press(page, '1');
    // 4x runs about four times as much sim time per real second as 1x (each frame's step over its own
    // time, so a slow, busy machine with uneven frames shows it too).
    const at1 = await simRate(page);
    await press(page, '3');
    const at4 = await simRate(page);
    expect(at1).toBeGreaterThan(0);
    expect(at4 / at1).toBeGreaterThan(2.5);
    await press(page, '1');
  });

  it('looks busy when work piles up: full trays, long lines, a ripple coming back', async () => {
    const page = game.page;
    // A fresh start of the level (the Menu button, top right), so there is time for all of it.
    await press(page, '1');
    const menu = await page.evaluate(() => window.__ripple!.toScreen({ x: 1848, y: 42 }));
    // Menu asks first (the game here would end): the board stays, with the question over it.
    await page.mouse.click(menu.x, menu.y);
    await expect
      .poll(() => page.evaluate(() => window.__ripple!.texts().some((t) => t.text.startsWith('Leave this level?'))))
      .toBe(true);
    expect(await page.evaluate(() => window.__ripple!.state().screen)).toBe('play');
    await game.shot('game-09b-menu-asks');
    // Pressed again, it leaves.
    await page.mouse.click(menu.x, menu.y);
    await waitForScreen(page, 'select');
    const card = await levelCardPos(page, LEVEL);
    await page.mouse.click(card.x, card.y);
    await startBoard(page);
    done.length = 0;
    // Nobody routes for a minute and a half (or a third of a shorter level): trays fill and lines grow.
    const s = await skipUntil(
      page,
      'work to pile up (4 tickets waiting, one that can go to a wrong desk)',
      (v) =>
        v.t >= Math.min(90, v.end / 3) &&
        v.tickets.filter((x) => x.phase === 'queued' || x.phase === 'outbox').length > 3 &&
        findReady(v, { needWrong: true }) !== null,
      { step: 5 },
    );
    // Then one careless handoff, at 4x, and a look when it comes back.
    const r = findReady(s, { needWrong: true })!;
    await press(page, '3');
    await dragTicket(page, r.id, await screenPos(page, 'dept', r.wrong!));
    await waitRouted(page, r.id, r.wrong!);
    done.push(r.id);
    await bounced(r);
    await waitForToast(page, new RegExp(`${esc(r.customer)}.*back|back.*${esc(r.customer)}`));
    await press(page, ' ');
    await page.waitForTimeout(400);
    await game.shot('game-10-busy');
    await press(page, ' ');
    await press(page, '1');
  });

  it('plays to the end and shows the results with a score, saved as progress', async () => {
    const page = game.page;
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    await page.waitForTimeout(600);
    await game.shot('game-11-results');
    const progress = (await page.evaluate(() => window.__ripple!.state())).progress[LEVEL];
    expect(progress).toBeDefined();
    expect(progress!.bestScore).toBeGreaterThan(0);
    expect(progress!.stars).toBeGreaterThanOrEqual(0);
  });

  it('keeps the best score and stars of a careful replay after a reload', async () => {
    const page = game.page;
    // Try again (R) from the results, then play the whole level carefully.
    await press(page, 'r');
    await waitForScreen(page, 'play');
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    const before = (await page.evaluate(() => window.__ripple!.state())).progress[LEVEL]!;
    // Stars depend on the level's balance (being tuned); what must hold is that the best result is kept.
    expect(before.bestScore).toBeGreaterThan(0);

    await page.reload();
    await waitForScreen(page, 'title');
    const after = (await page.evaluate(() => window.__ripple!.state())).progress[LEVEL];
    expect(after).toEqual(before);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    await page.waitForTimeout(300);
    await game.shot('game-12-select-after-reload');
  });
});

describe('settings, as a facilitator sets up the room', () => {
  beforeAll(async () => {
    await game?.close();
    game = await openGame();
  });

  it('projector text size and reduced motion apply, open during play too, and survive a reload', async () => {
    const page = game.page;
    await waitForScreen(page, 'title');
    await page.waitForTimeout(300);
    await press(page, 's');
    await page.waitForSelector('[role="dialog"]');
    await page.check('input[name="textScale"][value="1.5"]');
    await page.check('input[name="reducedMotion"]');
    await game.shot('settings-01-panel');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
    const st = (await page.evaluate(() => window.__ripple!.state())).settings;
    expect(st).toMatchObject({ textScale: 1.5, reducedMotion: true });
    await page.waitForTimeout(300);
    await game.shot('settings-02-title-projector');
    await press(page, 'Enter');
    await waitForScreen(page, 'select');
    await press(page, 'Enter');
    await waitForScreen(page, 'briefing');
    await page.waitForTimeout(300);
    await game.shot('settings-03-briefing-projector');
    // S opens the settings on the briefing too (its key line lists it); Escape closes them, still there.
    await press(page, 's');
    await page.waitForSelector('[role="dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
    expect((await page.evaluate(() => window.__ripple!.state())).screen).toBe('briefing');
    await press(page, 'Enter');
    await waitForScreen(page, 'play');
    await press(page, '3');
    await waitForReady(page);
    await page.evaluate(() => window.__rippleDrive!.playOut('idle', 100));
    await page.waitForTimeout(300);
    await game.shot('settings-04-play-projector');
    await press(page, ' ');
    await page.waitForTimeout(200);
    await game.shot('settings-05-paused-projector');
    await press(page, ' ');

    // S during play: the game pauses behind the panel and carries on at the same speed after it.
    await press(page, 's');
    await page.waitForSelector('[role="dialog"]');
    expect((await page.evaluate(() => window.__ripple!.state())).speed).toBe(0);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
    expect((await page.evaluate(() => window.__ripple!.state())).speed).toBe(4);

    await page.reload();
    await waitForScreen(page, 'title');
    expect((await page.evaluate(() => window.__ripple!.state())).settings).toMatchObject({
      textScale: 1.5,
      reducedMotion: true,
    });
    expect(await page.evaluate(() => document.documentElement.classList.contains('re-reduced-motion'))).toBe(
      true,
    );
  }, 300_000);
});
