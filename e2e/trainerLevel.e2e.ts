/**
 * A trainer's own level with unfamiliar words: six desks with long names and long skill lists, five
 * work types with long journeys (one branching). At 1920x1080 and 1280x720 the briefing and the board
 * keep every text on the screen, and every text of a desk inside its card.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openGame, startBoard, trackGame, waitForScreen, type GamePage } from './harness';
import { BOARD, BOTTOM, cardAreas, ENTRANCE, layoutCards, SIDEBAR, type Rect } from '../src/game/play/layout';
import {
  clinicLevel,
  desks,
  eightDeskLevel,
  eightNames,
  eightPositions,
  positions,
  skillsAll,
} from './clinicLevel';

const games = trackGame();
let game: GamePage;
let browser: LaunchedBrowser;

function filePicker(page: Page): { next(name: string, text: string): void } {
  const queue: { name: string; text: string }[] = [];
  page.on('filechooser', (fc) => {
    const f = queue.shift();
    if (f)
      void fc.setFiles({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text, 'utf8') });
  });
  return { next: (name, text) => void queue.push({ name, text }) };
}

type Box = { scene: string; text: string; x: number; y: number; w: number; h: number; px: number };
const texts = (page: Page): Promise<Box[]> => page.evaluate(() => window.__ripple!.texts());
const inside = (b: Box, r: Rect, slack = 1): boolean =>
  b.x >= r.x - slack &&
  b.y >= r.y - slack &&
  b.x + b.w <= r.x + r.w + slack &&
  b.y + b.h <= r.y + r.h + slack;
const centreIn = (b: Box, r: Rect): boolean =>
  b.x + b.w / 2 >= r.x && b.x + b.w / 2 <= r.x + r.w && b.y + b.h / 2 >= r.y && b.y + b.h / 2 <= r.y + r.h;
const SCREEN: Rect = { x: 0, y: 0, w: 1920, h: 1080 };
const apartBy = (p: Box, q: Box, gap: number): boolean =>
  p.x + p.w + gap <= q.x || q.x + q.w + gap <= p.x || p.y + p.h + gap <= q.y || q.y + q.h + gap <= p.y;

/**
 * Each desk's number badge is on its own card's header (its top-left quarter), and at least 4 points
 * clear of that desk's name (the name's bounds as drawn, two lines included), enlarged or not.
 */
function expectBadgesClear(
  shown: readonly Box[],
  cards: readonly Rect[],
  numbers: Record<string, number>,
  enlarged = false,
): void {
  desks.forEach(([id, name], i) => {
    const card = cards[i]!;
    const n = String(numbers[id]);
    const badge = shown.find(
      (b) => b.text === n && b.x + b.w / 2 < card.x + card.w / 4 && Math.abs(b.y + b.h / 2 - card.y) < 60,
    );
    expect(badge, `badge ${n} of "${name}"`).toBeDefined();
    const label = shown.find((b) => b.text.replace(/\s+/g, ' ') === name)!;
    expect(label, `desk name "${name}"`).toBeDefined();
    expect(inside(badge!, card, 0), `badge ${n} sits on card ${i + 1}`).toBe(true);
    if (enlarged) expect(badge!.w, `badge ${n} enlarged`).toBeGreaterThan(32);
    expect(apartBy(badge!, label, 4), `badge ${n} touches "${name}"`).toBe(true);
  });
}

describe('a trainer level with long words', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    it(`keeps every text on screen and inside its card at ${viewport.width}x${viewport.height}`, async () => {
      browser = games.keep(await launchBrowser(viewport));
      game = games.keep(await openGame('', { browser }));
      const page = game.page;
      const picker = filePicker(page);
      await waitForScreen(page, 'title');
      picker.next('long-clinic.json', JSON.stringify(clinicLevel(), null, 2));
      await page.keyboard.press('l');
      await waitForScreen(page, 'briefing');
      await page.waitForTimeout(400);
      await game.shot(`trainer-briefing-${viewport.width}`);
      const brief = await texts(page);
      expect(brief.length).toBeGreaterThan(5);
      for (const b of brief) expect(inside(b, SCREEN), `briefing text "${b.text}" is off screen`).toBe(true);

      await page.keyboard.press('Enter');
      await waitForScreen(page, 'play');
      await page.waitForTimeout(1500);
      await game.shot(`trainer-board-${viewport.width}`);
      const board = (await texts(page)).filter((b) => b.scene !== 'Toasts');
      const cards = layoutCards(positions);
      for (const b of board) {
        expect(inside(b, SCREEN), `board text "${b.text}" is off screen`).toBe(true);
        const card = cards.find((c) => centreIn(b, c));
        if (card) expect(inside(b, card, 4), `"${b.text}" runs past its card`).toBe(true);
        else if (centreIn(b, SIDEBAR))
          expect(inside(b, SIDEBAR, 2), `"${b.text}" runs past the side panel`).toBe(true);
        else if (centreIn(b, ENTRANCE))
          expect(inside(b, ENTRANCE, 2), `"${b.text}" runs past the customers' panel`).toBe(true);
      }
      // Each desk's long name and skill list is on its card.
      for (const [, name, , skills] of desks) {
        const shown = board.find((b) => b.text.replace(/\s+/g, ' ') === name);
        expect(shown, `desk name "${name}"`).toBeDefined();
        const can = board.find(
          (b) =>
            b.text.replace(/\s+/g, ' ').startsWith('Can do:') &&
            b.text.includes(skills[0].replace(/-/g, ' ')),
        );
        expect(can, `skills of "${name}"`).toBeDefined();
      }
      // One font size for every desk name, and one for every skill list, across the whole board.
      const names = board.filter((b) => desks.some((d) => b.text.replace(/\s+/g, ' ') === d[1]));
      const lists = board.filter((b) => b.text.startsWith('Can do:'));
      expect(names).toHaveLength(desks.length);
      expect(lists).toHaveLength(desks.length);
      for (const group of [names, lists]) {
        const sizes = group.map((b) => b.px);
        expect(Math.max(...sizes) - Math.min(...sizes), `sizes ${sizes.join(', ')}`).toBeLessThan(0.01);
      }
      // The desk numbers read left to right, top to bottom (the file lists them column by column).
      const numbers = await page.evaluate(() => window.__ripple!.deskNumbers());
      expect(numbers).toEqual({ reception: 1, lab: 2, records: 3, triage: 4, pharmacy: 5, transport: 6 });
      expectBadgesClear(board, cards, numbers!);
      expect(skillsAll.length).toBeGreaterThan(10);
      expect(BOARD.w).toBeGreaterThan(0);

      // A minute later, nobody routing: the reception's tray is full of long next steps. Every text stays
      // on its card, and no two texts of a card (tray captions included) run into each other.
      await page.keyboard.press('p');
      await page.evaluate(() => window.__rippleDrive!.playOut('idle', 60));
      await page.waitForTimeout(600);
      await game.shot(`trainer-board-busy-${viewport.width}`);
      const busy = (await texts(page)).filter((b) => b.scene === 'play');
      expectBadgesClear(busy, cards, numbers!);
      const captions = busy.filter((b) => centreIn(b, cards[0]!) && b.y > cards[0]!.y + 250);
      expect(captions.length, 'tray captions on the reception card').toBeGreaterThanOrEqual(3);
      cards.forEach((card, i) => {
        const own = busy.filter((b) => centreIn(b, card));
        for (const b of own) expect(inside(b, card, 4), `"${b.text}" runs past card ${i + 1}`).toBe(true);
        for (const b of busy.filter((x) => centreIn(x, ENTRANCE)))
          expect(inside(b, ENTRANCE, 2), `"${b.text}" runs past the customers' panel`).toBe(true);
        for (let x = 0; x < own.length; x++)
          for (let y = x + 1; y < own.length; y++) {
            const [p, q] = [own[x]!, own[y]!];
            const apart =
              p.x + p.w <= q.x + 1 || q.x + q.w <= p.x + 1 || p.y + p.h <= q.y + 1 || q.y + q.h <= p.y + 1;
            expect(apart, `"${p.text}" and "${q.text}" overlap on card ${i + 1}`).toBe(true);
          }
      });

      // A ticket picked (Tab, Enter): the number badges grow to show they are keys, and meet no name.
      await page.keyboard.press('Tab');
      await page.waitForTimeout(200);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      await game.shot(`trainer-board-keys-${viewport.width}`);
      expectBadgesClear(
        (await texts(page)).filter((b) => b.scene === 'play'),
        cards,
        numbers!,
        true,
      );
    });
  }

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ])
    it(`eight desks at ${viewport.width}x${viewport.height}: two rows of four cards, each text in its own room`, async () => {
      browser = games.keep(await launchBrowser(viewport));
      game = games.keep(await openGame('', { browser }));
      const page = game.page;
      const picker = filePicker(page);
      await waitForScreen(page, 'title');
      picker.next('eight-desk-clinic.json', JSON.stringify(eightDeskLevel(), null, 2));
      await page.keyboard.press('l');
      await startBoard(page);
      await page.keyboard.press('p');
      await page.waitForFunction(() => window.__ripple!.texts().some((b) => b.text === 'Help Desk'));
      const cards = layoutCards(eightPositions);
      const numbers = (await page.evaluate(() => window.__ripple!.deskNumbers()))!;
      const ids = (eightDeskLevel().departments as { id: string }[]).map((d) => d.id);
      const check = async (enlarged: boolean) => {
        const board = (await texts(page)).filter((b) => b.scene === 'play');
        ids.forEach((id, i) => {
          const card = cards[i]!;
          const n = String(numbers[id]);
          const badge = board.find((b) => b.text === n && centreIn(b, card) && b.y + b.h / 2 < card.y + 60);
          expect(badge, `badge ${n} of ${id}`).toBeDefined();
          expect(inside(badge!, card, 0), `badge ${n} sits inside card ${i + 1}, not on its corner`).toBe(true);
          if (enlarged) expect(badge!.w, `badge ${n} enlarged`).toBeGreaterThan(32);
          const name = board.find((b) => b.text.replace(/\s+/g, ' ') === eightNames[i]);
          expect(name, `name of ${id}`).toBeDefined();
          expect(inside(name!, card, 0), `"${eightNames[i]}" inside its card`).toBe(true);
          expect(apartBy(badge!, name!, 4), `badge ${n} touches "${eightNames[i]}"`).toBe(true);
        });
      };
      await check(false);
      await game.shot(`trainer-board-eight-${viewport.width}`);
      // A ticket picked at the reception (Tab, Enter): the badges grow to show they are keys.
      await page.evaluate(() => window.__rippleDrive!.playOut('idle', 40));
      await page.waitForFunction(() => window.__ripple!.sim()!.departments[0]!.outbox.length > 0);
      // Both keys within one frame, as quick hands or a busy machine give them: each counts once
      // (Phaser 4 handed the Tab on again with the Enter, and the pick went to the next desk).
      await page.evaluate(() => {
        for (const [key, keyCode] of [['Tab', 9], ['Enter', 13]] as const)
          for (const type of ['keydown', 'keyup'])
            window.dispatchEvent(new KeyboardEvent(type, { key, keyCode, bubbles: true, cancelable: true }));
      });
      await page.waitForFunction(() => window.__ripple!.state().selection.ticket !== null);
      expect(await page.evaluate(() => window.__ripple!.state().selection.dept)).toBe('reception');
      await expect.poll(async () => (await texts(page)).some((b) => b.text === '1' && b.w > 32)).toBe(true);
      await check(true);
      // Busy (the reception's line long, its tray full, a ticket picked): every text of a card inside it,
      // none meeting another (the status pill and the Move button, a three-line skill list and the line,
      // the tray's caption and the tray), the side panel's notes buttons above the bottom bar.
      await page.waitForFunction(() => window.__ripple!.sim()!.departments[0]!.outbox.length >= 3);
      await game.shot(`trainer-board-eight-busy-${viewport.width}`);
      expectRoomy(await texts(page), await page.evaluate(() => window.__ripple!.targets()), cards);
    });
});

type Target = { what: string; x: number; y: number; w: number; h: number };

/**
 * Every text of a card inside it (the tray's caption inside the tray), no two texts of a card meeting,
 * the status pill clear of the Move button, and nothing of the three columns under the bottom bar.
 */
function expectRoomy(all: readonly Box[], targets: readonly Target[], cards: readonly Rect[]): void {
  const shown = all.filter((b) => b.scene === 'play');
  const meets = (p: { x: number; y: number; w: number; h: number }, q: typeof p) =>
    p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
  cards.forEach((card, i) => {
    // "can't do this" lies over a dimmed card on purpose (a ticket is picked); every other text has its room.
    const own = shown.filter((b) => centreIn(b, card) && b.text !== "can't do this");
    expect(own.some((b) => b.text.startsWith('Can do:')), `card ${i + 1} has its skills`).toBe(true);
    for (const b of own) expect(inside(b, card, 0), `"${b.text}" runs past card ${i + 1}`).toBe(true);
    for (let x = 0; x < own.length; x++)
      for (let y = x + 1; y < own.length; y++) {
        const [p, q] = [own[x]!, own[y]!];
        expect(apartBy(p, q, 1), `"${p.text}" and "${q.text}" meet on card ${i + 1}`).toBe(true);
      }
    // The Move button as drawn (its pressable area is as wide) and the status pill's word beside it.
    const move = targets.find((t) => t.what.startsWith('Move') && centreIn(t as unknown as Box, card));
    const pill = own.find((b) => /^[●▲■✖] /.test(b.text));
    expect(pill, `card ${i + 1}'s status`).toBeDefined();
    expect(move, `card ${i + 1}'s Move button`).toBeDefined();
    expect(pill!.x + pill!.w + 8 <= move!.x, `"${pill!.text}" under the Move button on card ${i + 1}`).toBe(true);
    expect(move!.x + move!.w <= card.x + card.w, `card ${i + 1}'s Move button inside it`).toBe(true);
    // The tray's label and captions stay inside the tray.
    const tray = cardAreas(card).outbox;
    for (const b of own.filter((t) => centreIn(t, tray)))
      expect(inside(b, tray, 0), `"${b.text}" runs past the tray of card ${i + 1}`).toBe(true);
    expect(own.filter((t) => centreIn(t, tray)).length, `texts in the tray of card ${i + 1}`).toBeGreaterThan(0);
    const line = own.find((b) => /^Line \d/.test(b.text))!;
    const can = own.find((b) => b.text.startsWith('Can do:'))!;
    expect(can.y + can.h <= line.y, `"${can.text}" reaches the line on card ${i + 1}`).toBe(true);
  });
  // Nothing drawn above the bottom bar runs under it (the side panel's notes buttons included).
  const under = shown.filter((b) => b.y + b.h / 2 < BOTTOM.y && b.y + b.h > BOTTOM.y);
  expect(under.map((b) => `"${b.text}" ends at ${Math.round(b.y + b.h)}`)).toEqual([]);
  for (const label of ['Quick (Q)', 'Thorough (T)']) {
    const b = shown.find((t) => t.text === label);
    expect(b, `the notes button ${label}`).toBeDefined();
    expect(inside(b!, SIDEBAR, 0), `${label} inside the side panel`).toBe(true);
  }
  for (const b of shown.filter((t) => centreIn(t, SIDEBAR)))
    expect(inside(b, SIDEBAR, 0), `"${b.text}" runs past the side panel`).toBe(true);
  for (const b of shown.filter((t) => centreIn(t, ENTRANCE)))
    expect(inside(b, ENTRANCE, 0), `"${b.text}" runs past the customers' panel`).toBe(true);
  expect(meets(BOTTOM, SIDEBAR)).toBe(false);
}
