/**
 * A trainer's level using the newer optional fields (per work type patience, abandonAfter and
 * escalateChance, a VIP priority, a score weight, a work-mix schedule, a branching journey, a shift and
 * a break), loaded from a file as a trainer would: it loads; the briefing and the work-types panel
 * show the branch as a branch; a shift visibly closes and opens a desk; a VIP is served before the
 * people who came earlier (read from the test hook's read-only state); and the desks are numbered in
 * reading order, the number keys sending to the desk showing that number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openGame, waitForScreen, type GamePage } from './harness';
import { press, sim, skipUntil, waitRouted } from './helpers';
import { layoutCards, SIDEBAR, type Rect } from '../src/game/play/layout';
import { clinicLevel } from './clinicLevel';

// File order is not reading order: Lab is second in the file but sits bottom left.
const positions = [
  { x: 20, y: 27 },
  { x: 20, y: 73 },
  { x: 80, y: 27 },
  { x: 80, y: 73 },
];

function fieldsLevel(): Record<string, unknown> {
  const dept = (
    id: string,
    name: string,
    i: number,
    skills: string[],
    extra: Record<string, unknown> = {},
  ) => ({
    id,
    name,
    role: 'health',
    position: positions[i],
    staff: 1,
    skills,
    serviceTime: Object.fromEntries(skills.map((s) => [s, 20])),
    ...extra,
  });
  return {
    formatVersion: 1,
    id: 'fields-clinic',
    title: 'Clinic with Hours',
    texts: { briefing: ['Patients check in at the front desk.'], goal: 'Everyone leaves with an answer.' },
    durationSeconds: 300,
    entry: 'front',
    departments: [
      dept('front', 'Front Desk', 0, ['check-in']),
      dept('lab', 'Lab', 1, ['blood-test']),
      dept('pharmacy', 'Pharmacy', 2, ['dispense', 'reply'], {
        staff: 2,
        breaks: [{ at: 20, durationSeconds: 30 }],
      }),
      dept('records', 'Records', 3, ['reply'], {
        shifts: [
          { from: 0, to: 40 },
          { from: 70, to: 300 },
        ],
      }),
    ],
    skillNames: { 'blood-test': 'Blood test', 'check-in': 'Check in' },
    workTypes: [
      {
        id: 'routine',
        name: 'Routine visit',
        shape: 'circle',
        patience: 120,
        abandonAfter: 3,
        escalateChance: 0,
        journey: [
          {
            skill: 'check-in',
            label: 'Welcome the patient',
            then: [{ chance: 0.4, label: 'Needs a test', steps: [{ skill: 'blood-test' }] }],
          },
          { skill: 'reply', label: 'Explain the results' },
        ],
      },
      {
        id: 'vip',
        name: 'VIP visit',
        shape: 'star',
        priority: 1,
        scoreWeight: 2,
        journey: [{ skill: 'check-in' }, { skill: 'reply' }],
      },
      {
        id: 'refill',
        name: 'Prescription refill',
        shape: 'square',
        weight: 0,
        journey: [{ skill: 'check-in' }, { skill: 'dispense' }],
      },
    ],
    arrivals: {
      ratePerMinute: 1,
      scripted: [
        { at: 0, workType: 'routine', name: 'Ada' },
        { at: 1, workType: 'routine', name: 'Bea' },
        { at: 2, workType: 'routine', name: 'Cal' },
        { at: 3, workType: 'vip', name: 'Vera' },
        { at: 4, workType: 'routine', name: 'Lucia' },
        { at: 5, workType: 'routine', name: 'Luis' },
      ],
      mix: [{ from: 120, weights: { refill: 3 } }],
    },
    actions: { route: true },
    scoring: {
      targets: { meanResolutionSeconds: 200, p95ResolutionSeconds: 400, staffSecondsPerCustomer: 120 },
      stars: [40, 60, 80],
    },
  };
}

type Box = { scene: string; text: string; x: number; y: number; w: number; h: number; px: number };
const texts = (page: Page): Promise<Box[]> => page.evaluate(() => window.__ripple!.texts());
const centreIn = (b: Box, r: Rect): boolean =>
  b.x + b.w / 2 >= r.x && b.x + b.w / 2 <= r.x + r.w && b.y + b.h / 2 >= r.y && b.y + b.h / 2 <= r.y + r.h;
const flat = (s: string) => s.replace(/\s+/g, ' ');
const inside = (b: Box, r: Rect, slack = 1): boolean =>
  b.x >= r.x - slack &&
  b.y >= r.y - slack &&
  b.x + b.w <= r.x + r.w + slack &&
  b.y + b.h <= r.y + r.h + slack;
const apart = (p: Box, q: Box): boolean =>
  p.x + p.w <= q.x + 1 || q.x + q.w <= p.x + 1 || p.y + p.h <= q.y + 1 || q.y + q.h <= p.y + 1;
const SCREEN: Rect = { x: 0, y: 0, w: 1920, h: 1080 };
const clinicWorkTypes = (clinicLevel().workTypes as { name: string }[]).map((w) => w.name);
const cards = layoutCards(positions);

/** The status pill's words on a desk's card ("● OK", "✖ Down", ...). */
async function statusOf(page: Page, i: number): Promise<string> {
  const onCard = (await texts(page)).filter((b) => b.scene === 'play' && centreIn(b, cards[i]!));
  return onCard.map((b) => b.text).find((t) => /^(●|▲|■|✖) /.test(t)) ?? '';
}

let browser: LaunchedBrowser;
let game: GamePage;

beforeAll(async () => {
  browser = await launchBrowser({ width: 1920, height: 1080 });
  game = await openGame('', { browser });
  const page = game.page;
  const text = JSON.stringify(fieldsLevel(), null, 2);
  page.on('filechooser', (fc) => {
    void fc.setFiles({ name: 'fields-clinic.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  });
  await waitForScreen(page, 'title');
  await page.keyboard.press('l');
  await waitForScreen(page, 'briefing');
});

afterAll(async () => {
  const problems = game?.problems ?? [];
  await game?.close();
  await browser?.close();
  expect(problems, 'console errors, warnings or failed requests').toEqual([]);
});

describe('a level with the newer fields', () => {
  it('loads, and the briefing shows the branch with its chance and step labels with their skills', async () => {
    const page = game.page;
    await page.waitForTimeout(300);
    const brief = (await texts(page)).map((b) => flat(b.text));
    const routine = brief.find((t) => t.startsWith('Welcome the patient'));
    expect(routine).toBe(
      'Welcome the patient (Check in), then 4 in 10 need a test (blood test) → Explain the results (reply)',
    );
    expect(brief).toContain('VIP visit');
    await game.shot('fields-briefing');
  });

  it('numbers the desks in reading order; the work-types panel shows the branch', async () => {
    const page = game.page;
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'play');
    await page.keyboard.press('p'); // paused while we read the board
    const numbers = await page.evaluate(() => window.__ripple!.deskNumbers());
    expect(numbers).toEqual({ front: 1, pharmacy: 2, lab: 3, records: 4 });
    // The badge drawn at the start of each card's header says the same.
    const board = (await texts(page)).filter((b) => b.scene === 'play');
    (['front', 'lab', 'pharmacy', 'records'] as const).forEach((id, i) => {
      const badge = board.find(
        (b) =>
          b.text === String(numbers![id]) &&
          b.x >= cards[i]!.x &&
          b.x + b.w <= cards[i]!.x + 60 &&
          b.y >= cards[i]!.y &&
          b.y + b.h <= cards[i]!.y + 60,
      );
      expect(badge, `badge of ${id}`).toBeDefined();
    });
    const panel = board.filter((b) => centreIn(b, SIDEBAR)).map((b) => flat(b.text));
    expect(panel.some((t) => t.includes('Check in, then 4 in 10 need a test (blood test) › reply'))).toBe(
      true,
    );
    // Skills read by their level's names on the cards, never as raw ids.
    expect(board.some((b) => flat(b.text) === 'Can do: Blood test')).toBe(true);
  });

  it('serves the VIP before the patients who came earlier', async () => {
    const page = game.page;
    await press(page, 'p');
    const s = await skipUntil(page, 'Vera is served at the front desk', (v) =>
      v.tickets.some((t) => t.customer === 'Vera' && t.phase === 'service'),
    );
    const phase = (name: string) => s.tickets.find((t) => t.customer === name)?.phase;
    expect(phase('Vera')).toBe('service');
    expect(phase('Bea')).toBe('queued');
    expect(phase('Cal')).toBe('queued');
    const front = s.departments.find((d) => d.id === 'front')!;
    expect(front.inbox.map((id) => s.tickets.find((t) => t.id === id)?.customer).slice(0, 2)).toEqual([
      'Bea',
      'Cal',
    ]);
    // Lucia and Luis wait in the same line: their tickets show different letters, as every ticket on screen.
    await page.waitForTimeout(200);
    const letters = (await page.evaluate(() => window.__ripple!.ticketLetters()))!;
    const id = (name: string) => s.tickets.find((t) => t.customer === name)!.id;
    expect(letters[id('Lucia')]).not.toBe(letters[id('Luis')]);
    expect('LUCIA').toContain(letters[id('Lucia')]);
    expect('LUIS').toContain(letters[id('Luis')]);
    const shown = Object.values(letters);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('routes with the number shown on the desk, not its place in the file', async () => {
    const page = game.page;
    const s = await skipUntil(page, 'a ticket is ready at the front desk', (v) =>
      v.tickets.some((t) => t.phase === 'outbox' && t.dept === 'front'),
    );
    await press(page, 'p');
    const numbers = (await page.evaluate(() => window.__ripple!.deskNumbers()))!;
    await press(page, 'Tab'); // focus on desk 1, the front desk
    expect((await page.evaluate(() => window.__ripple!.state())).selection.dept).toBe('front');
    await press(page, 'Enter');
    const picked = (await page.evaluate(() => window.__ripple!.state().selection.ticket))!;
    const t = (await sim(page)).tickets.find((x) => x.id === picked)!;
    const to = t.journey[t.step] === 'blood-test' ? 'lab' : 'pharmacy';
    // The bottom line names the next step by the trainer's label where the work type gives one: the
    // branch's label for its one step (blood test), the step's own for the reply; a VIP's steps have none.
    const label = t.workType !== 'routine' ? null : to === 'lab' ? 'Needs a test' : 'Explain the results';
    const needs = to === 'lab' ? 'Blood test' : 'reply';
    const hint = async () =>
      (await texts(page)).map((b) => flat(b.text)).find((x) => x.startsWith('Where does')) ?? '';
    await expect.poll(hint).toContain(label ? `(next: ${label}, needs ${needs})?` : `(needs: ${needs})?`);
    // Lab is second in the file and Pharmacy third; on the board they read 3 and 2.
    expect(numbers[to]).toBe(to === 'lab' ? 3 : 2);
    await press(page, String(numbers[to]));
    await waitRouted(page, picked, to);
    expect(s.t).toBeGreaterThan(0);
    await press(page, 'p');
  });

  it('a shift closes the records desk and opens it again, on the board', async () => {
    const page = game.page;
    expect(await statusOf(page, 3)).toMatch(/OK|Busy|Overloaded|Full/);
    await skipUntil(page, 'the records desk closes', (v) => v.t > 45);
    await page.waitForFunction(() => (window.__ripple!.sim()?.t ?? 0) > 45);
    await expect.poll(() => statusOf(page, 3)).toBe('✖ Down');
    const closed = (await sim(page)).departments.find((d) => d.id === 'records')!;
    expect(closed.away).toBe(closed.staff);
    await game.shot('fields-shift-closed');
    await skipUntil(page, 'the records desk opens again', (v) => v.t > 75);
    await expect.poll(() => statusOf(page, 3)).not.toBe('✖ Down');
    const open = (await sim(page)).departments.find((d) => d.id === 'records')!;
    expect(open.away).toBe(0);
  });
});

/**
 * The six-desk clinic's briefing is too tall for its kinds of work in full beside the story: the first
 * page names them and offers their page (W), which shows every step label and the branch. At 1280x720
 * and 1024x768 (the same 1920x1080 game scaled), both pages keep their text on the screen, at 14 CSS px
 * or more, and out of the buttons' row.
 */
describe("the six-desk clinic's briefing at 1280x720 and 1024x768", () => {
  const BUTTON_ROW = ['Back', 'Start', 'Kinds of work (W)', 'Briefing (W)'];
  let clinic: GamePage;
  const shown = (page: Page) => texts(page).then((all) => all.filter((b) => b.scene === 'briefing'));

  beforeAll(async () => {
    clinic = await openGame('', { browser });
    const page = clinic.page;
    const text = JSON.stringify(clinicLevel(), null, 2);
    page.on('filechooser', (fc) => {
      void fc.setFiles({ name: 'long-clinic.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    });
    await waitForScreen(page, 'title');
    await page.keyboard.press('l');
    await waitForScreen(page, 'briefing');
  });

  afterAll(async () => {
    const problems = clinic?.problems ?? [];
    await clinic?.close();
    expect(problems, 'console errors, warnings or failed requests').toEqual([]);
  });

  /** Every text of the page on screen, at least 14 CSS px, and above the buttons' row unless it is a button's. */
  async function expectReadable(page: Page, where: string, w: number): Promise<Box[]> {
    const k = w / 1920;
    const all = await shown(page);
    expect(all.length, where).toBeGreaterThan(5);
    for (const b of all) {
      expect(inside(b, SCREEN), `${where}: "${b.text}" is off screen`).toBe(true);
      expect(
        b.px * k,
        `${where}: "${b.text.slice(0, 40)}" at ${(b.px * k).toFixed(1)} CSS px`,
      ).toBeGreaterThan(14 - 0.05);
      const inRow = b.y + b.h > 1080 - 140;
      const button = BUTTON_ROW.includes(b.text) || b.text.startsWith('Enter: start');
      expect(!inRow || button, `${where}: "${b.text.slice(0, 40)}" ends at ${Math.round(b.y + b.h)}`).toBe(
        true,
      );
    }
    return all;
  }

  for (const [w, h] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    it(`${w}x${h}: the first page names the kinds and offers their page; that page shows every step label and the branch`, async () => {
      const page = clinic.page;
      await page.setViewportSize({ width: w, height: h });
      await page.waitForFunction(
        (cw) => Math.abs(document.querySelector('#game canvas')!.getBoundingClientRect().width - cw) < 1,
        w,
      );
      const first = await expectReadable(page, `${w}x${h} briefing`, w);
      await clinic.shot(`fields-clinic-briefing-${w}`);
      const firstTexts = first.map((b) => flat(b.text));
      for (const wt of clinicWorkTypes)
        expect(firstTexts, `${w}x${h}: "${wt}" on the briefing`).toContain(wt);
      expect(firstTexts).toContain('Your goal');
      expect(firstTexts).toContain('Kinds of work (W)');

      await page.keyboard.press('w');
      await page.waitForFunction(() => window.__ripple!.texts().some((b) => b.text === 'Briefing (W)'));
      const kinds = await expectReadable(page, `${w}x${h} kinds of work`, w);
      await clinic.shot(`fields-clinic-kinds-${w}`);
      const kindTexts = kinds.map((b) => flat(b.text));
      expect(kindTexts).toContain(
        'Check the patient in (check in) → Assess the symptoms (assess), then 3 in 10 need a blood test → Explain results → Book follow up',
      );
      for (const wt of clinicWorkTypes) expect(kindTexts, `${w}x${h}: "${wt}" on its page`).toContain(wt);
      // Each kind's steps sit under its name, and no two texts of the page run into each other.
      for (let x = 0; x < kinds.length; x++)
        for (let y = x + 1; y < kinds.length; y++) {
          const [p, q] = [kinds[x]!, kinds[y]!];
          expect(apart(p, q), `"${p.text.slice(0, 30)}" and "${q.text.slice(0, 30)}" overlap`).toBe(true);
        }

      // Escape on that page goes back to the briefing, not out of it; W flips as well.
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__ripple!.texts().some((b) => b.text === 'Kinds of work (W)'));
      expect(await page.evaluate(() => window.__ripple!.state().screen)).toBe('briefing');
      expect((await shown(page)).map((b) => flat(b.text))).toContain('Your goal');
    });
  }
});
