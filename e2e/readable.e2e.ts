/**
 * Readable on real screens (#16): at 1280x720 (a projector) and 1024x768 (a tablet) no text on the level
 * select, the briefing, a busy board or the results is drawn below 14 CSS px, and everything a finger
 * presses is at least 44 CSS px each way. Walks the Phaser text and interactive objects through the test
 * hook and measures them as drawn: the game is 1920x1080 scaled to fit the window, so a size on screen
 * is its size in game points times the canvas scale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openGame, startBoard, waitForScreen, type GamePage } from './harness';
import { clickTicket, press, sim, waitForReady } from './helpers';
import { clinicLevel } from './clinicLevel';

const VIEWPORTS = [
  [1280, 720],
  [1024, 768],
] as const;
const MIN_TEXT_CSS = 14;
const MIN_TOUCH_CSS = 44;

let game: GamePage;

beforeAll(async () => {
  game = await openGame('', { viewport: { width: 1024, height: 768 } });
});
afterAll(async () => {
  await game?.close();
});

/** CSS px per game point: the canvas as drawn over the 1920 design width. */
async function canvasScale(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('#game canvas')!.getBoundingClientRect().width / 1920);
}

/** Texts below 14 CSS px and targets below 44 CSS px on the screen shown now, at each viewport. */
async function measure(name: string): Promise<void> {
  const page = game.page;
  const small: string[] = [];
  const tiny: string[] = [];
  let texts = 0;
  let targets = 0;
  for (const [w, h] of VIEWPORTS) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(400);
    await game.shot(`readable-${name}-${w}x${h}`);
    const k = await canvasScale(page);
    const shown = await page.evaluate(() => ({
      texts: window.__ripple!.texts(),
      targets: window.__ripple!.targets(),
    }));
    texts += shown.texts.length;
    targets += shown.targets.length;
    for (const t of shown.texts) {
      const css = t.px * k;
      if (css < MIN_TEXT_CSS - 0.05) small.push(`${w}x${h} ${css.toFixed(1)} px "${t.text.slice(0, 40)}"`);
    }
    for (const t of shown.targets) {
      const cw = t.w * k;
      const ch = t.h * k;
      if (Math.min(cw, ch) < MIN_TOUCH_CSS - 0.05)
        tiny.push(`${w}x${h} ${cw.toFixed(0)}x${ch.toFixed(0)} px "${t.what.slice(0, 40)}"`);
    }
  }
  expect(texts, `${name}: texts were found`).toBeGreaterThan(3);
  expect(targets, `${name}: touch targets were found`).toBeGreaterThan(0);
  expect(small, `${name}: text below ${MIN_TEXT_CSS} CSS px`).toEqual([]);
  expect(tiny, `${name}: touch targets below ${MIN_TOUCH_CSS} CSS px`).toEqual([]);
}

/** Leaves the board (so no game is kept to resume) and starts level 7 afresh. */
async function startLevel7(page: Page): Promise<void> {
  // Escape steps back (a picked ticket, a chosen desk) until the board asks to leave.
  const asking = () => window.__ripple!.texts().some((t) => t.text.startsWith('Leave this level?'));
  for (let i = 0; i < 4 && !(await page.evaluate(asking)); i++) {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  }
  await page.waitForFunction(asking);
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'select');
  await startBoard(page, '?level=every-job&seed=5');
}

/**
 * Eight desks, two rows of four (the most the board lays out without overlaps): the six-desk clinic a
 * trainer wrote with two more desks and a work type for them, with notes, reordering and moving staff on.
 */
function eightDeskLevel(): Record<string, unknown> {
  const base = clinicLevel();
  const desks = base.departments as Array<Record<string, unknown>>;
  const more = [
    ['billing', 'Patient Billing Office', 'billing', ['take-payment']],
    ['social', 'Social Care Liaison Team', 'public', ['arrange-care']],
  ] as const;
  const all = [
    ...desks,
    ...more.map(([id, name, role, skills]) => ({
      id,
      name,
      role,
      staff: 2,
      skills: [...skills],
      serviceTime: Object.fromEntries(skills.map((k) => [k, 20])),
    })),
  ].map((d, i) => ({ ...d, position: { x: [12, 37, 63, 88][i % 4]!, y: i < 4 ? 27 : 73 } }));
  const workTypes = [
    ...(base.workTypes as unknown[]),
    {
      id: 'care',
      name: 'Care at home',
      shape: 'star',
      journey: [{ skill: 'check-in' }, { skill: 'take-payment' }, { skill: 'arrange-care' }, { skill: 'book-follow-up' }],
    },
  ];
  return {
    ...base,
    id: 'eight-desks',
    title: 'Eight Desks at the Clinic',
    departments: all,
    workTypes,
    arrivals: { ratePerMinute: 6 },
    actions: { route: true, handoffCare: true, reprioritise: true, moveStaff: true },
  };
}

describe('text and touch targets at 1280x720 and 1024x768', () => {
  it('the level select', async () => {
    const page = game.page;
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    await measure('select');
  });

  it('the briefing of level 7', async () => {
    const page = game.page;
    await page.goto(`${page.url().split('?')[0]}?level=every-job&seed=5`);
    await waitForScreen(page, 'briefing');
    await measure('briefing');
  });

  it('the briefing of level 2: the story and its goal end above the buttons', async () => {
    // Level 2's story is the longest: at the smallest readable size its goal ran under Back and the key line.
    const page = game.page;
    await page.goto(`${page.url().split('?')[0]}?level=clear-notes&seed=3`);
    await waitForScreen(page, 'briefing');
    await measure('briefing-2');
    for (const [w, h] of VIEWPORTS) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400);
      const texts = await page.evaluate(() => window.__ripple!.texts());
      const buttonRow = ['Back', 'Start', 'Enter: start  ·  Escape: back'];
      const goal = texts.find((t) => t.text === 'Your goal');
      expect(goal, `${w}x${h}: the goal is shown`).toBeTruthy();
      // The buttons' row starts 140 points above the bottom (Back and Start are 90 high at 1080 - 95).
      const low = texts.filter((t) => !buttonRow.includes(t.text) && t.y + t.h > 1080 - 140);
      expect(low.map((t) => `${w}x${h} "${t.text.slice(0, 40)}" ends at ${Math.round(t.y + t.h)}`)).toEqual([]);
    }
  });

  it('a busy board with a ticket picked (level 7, half way)', async () => {
    const page = game.page;
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'play');
    await page.evaluate(() => window.__rippleDrive!.playOut('siloed', 150));
    await press(page, ' ');
    const r = await waitForReady(page);
    await clickTicket(page, r.id);
    await measure('board');
    expect(game.problems).toEqual([]);
  });

  it("level 7's toasts cover none of the side panel's lists (nor any other text)", async () => {
    // Level 7's side panel reaches the bottom of the screen. Paused after 150 s of play, its toasts are held.
    const page = game.page;
    await startLevel7(page);
    await page.evaluate(() => window.__rippleDrive!.playOut('siloed', 150));
    await press(page, ' ');
    for (const [w, h] of VIEWPORTS) {
      await page.setViewportSize({ width: w, height: h });
      const shown = await page.waitForFunction(
        () => {
          const toasts = window.__ripple!.state().toasts;
          const texts = window.__ripple!.texts();
          const mine = texts.filter((t) => toasts.includes(t.text));
          return mine.length > 0 ? { mine, others: texts.filter((t) => !toasts.includes(t.text)) } : null;
        },
        undefined,
        { polling: 'raf', timeout: 10_000 },
      );
      const { mine, others } = (await shown.jsonValue())!;
      await game.shot(`readable-toasts-${w}x${h}`);
      const meets = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      const covered = mine.flatMap((t) =>
        others.filter((o) => meets(t, o)).map((o) => `${w}x${h} "${t.text.slice(0, 30)}" over "${o.text.slice(0, 30)}"`),
      );
      expect(covered).toEqual([]);
      // Not in the side panel at all: its lists reach the bottom on this level.
      expect(mine.every((t) => t.x + t.w <= 1508)).toBe(true);
    }
  });

  it("a desk's line offers 'Serve first' as buttons a finger can press (level 7)", async () => {
    const page = game.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    // Played on (siloed) until a desk has three waiting in its line: the supervisor's meeting makes one.
    const s = await page.waitForFunction(
      () => {
        const v = window.__ripple!.sim()!;
        if (v.departments.some((d) => d.inbox.length >= 3) || v.over) return v;
        window.__rippleDrive!.playOut('siloed', v.t + 2);
        return null;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    ).then(async (h) => (await h.jsonValue())!);
    expect(s.over, 'a line of three before the end').toBe(false);
    const desk = s.departments.find((d) => d.inbox.length >= 3)!;
    const area = (await page.evaluate(() => window.__ripple!.targets())).find(
      (t) => t.what === `line of ${desk.name} (serve first)`,
    );
    expect(area, 'the line is a touch target').toBeTruthy();
    const at = await page.evaluate((p) => window.__ripple!.toScreen(p), { x: area!.x + area!.w / 2, y: area!.y + area!.h / 2 });
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((n) => window.__ripple!.texts().some((t) => t.text === `Serve first at ${n}:`), desk.name);
    await measure('serve-first');
    // Choose the last customer offered: they go to the front of the line.
    const now = await sim(page);
    const line = now.departments.find((d) => d.id === desk.id)!.inbox;
    const last = now.tickets.find((t) => t.id === line[Math.min(line.length, 8) - 1])!;
    const label = (await page.evaluate(() => window.__ripple!.texts())).find((t) => t.text.startsWith(`${last.customer} · `));
    expect(label, `a button for ${last.customer}`).toBeTruthy();
    const b = await page.evaluate((p) => window.__ripple!.toScreen(p), { x: label!.x + label!.w / 2, y: label!.y + label!.h / 2 });
    await page.mouse.click(b.x, b.y);
    await page.waitForFunction(
      ([d, id]) => window.__ripple!.sim()!.departments.find((x) => x.id === d)!.inbox[0] === id,
      [desk.id, last.id] as const,
    );
    // The choice closed.
    expect((await page.evaluate(() => window.__ripple!.texts())).some((t) => t.text.startsWith('Serve first at'))).toBe(false);
    expect(game.problems).toEqual([]);
  });

  it('the results of level 7', async () => {
    const page = game.page;
    await startLevel7(page);
    await page.evaluate(() => window.__rippleDrive!.playOut('siloed'));
    await waitForScreen(page, 'results');
    await measure('results');
    expect(game.problems).toEqual([]);
  });

  it('a busy board of eight desks, a ticket picked', async () => {
    const page = game.page;
    // Whatever this page still loads (the game's later part brings the test hook) arrives before it leaves.
    await page.waitForFunction(() => window.__ripple !== undefined);
    await page.goto(`${page.url().split('?')[0]}`);
    const text = JSON.stringify(eightDeskLevel(), null, 2);
    page.once('filechooser', (fc) => {
      void fc.setFiles({ name: 'eight-desks.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    });
    await waitForScreen(page, 'title');
    await page.keyboard.press('l');
    await startBoard(page);
    expect((await sim(page)).departments).toHaveLength(8);
    await page.evaluate(() => window.__rippleDrive!.playOut('siloed', 120));
    await press(page, ' ');
    const r = await waitForReady(page);
    await clickTicket(page, r.id);
    await measure('eight-desks');
    expect(game.problems).toEqual([]);
  });
});
