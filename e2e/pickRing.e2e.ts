/**
 * A picked ticket on the board (playtest 6, items 22 and 23): its ring stays off the words of its own
 * card ("Ready to send (2)" above it, the next step under it), and the desks that cannot take it say
 * "can't do this" over their line, not over their name or their "Can do:" list. Levels of three and six
 * desks, at 1280x720 and 1024x768.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openGame, startBoard, trackGame, type GamePage } from './harness';
import { clickTicket, press, waitForReady } from './helpers';

type Box = { scene: string; text: string; x: number; y: number; w: number; h: number };
type Ring = { x: number; y: number; r: number };

const games = trackGame();
let game: GamePage;

const meets = (p: Box, q: Box) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;

/** How far the ring reaches into a text's box (0 when it stays clear of it). */
function into(ring: Ring, b: Box): number {
  const dx = Math.max(b.x - ring.x, 0, ring.x - (b.x + b.w));
  const dy = Math.max(b.y - ring.y, 0, ring.y - (b.y + b.h));
  return Math.max(0, ring.r - Math.hypot(dx, dy));
}

async function pickOne(page: Page, level: string): Promise<{ ring: Ring; from: Box; shown: Box[] }> {
  await startBoard(page, `?level=${level}&seed=5`);
  await press(page, ' ');
  await page.evaluate(() => window.__rippleDrive!.playOut('humanCareless', 90));
  const r = await waitForReady(page, { needWrong: true });
  await clickTicket(page, r.id);
  const ring = (await (await page.waitForFunction(() => window.__ripple!.pickedRing())).jsonValue()) as Ring;
  // Wait for the desks to read the pick ("can't do this" on those that cannot), then read the words.
  await page.waitForFunction(() => window.__ripple!.texts().some((t) => t.text === "can't do this"));
  const shown = (await page.evaluate(() => window.__ripple!.texts())).filter((t) => t.scene === 'play');
  const from = (await page.evaluate(() => window.__ripple!.targets())).find(
    (t) => t.what.startsWith('desk ') && ring.x > t.x && ring.x < t.x + t.w && ring.y > t.y && ring.y < t.y + t.h,
  )!;
  expect(from, 'the picked ticket sits on a desk').toBeDefined();
  return { ring, from: { ...from, scene: 'play', text: from.what }, shown };
}

describe('a picked ticket', () => {
  for (const [level, desks] of [
    ['right-desk', 3],
    ['every-job', 6],
  ] as const)
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const)
      it(`${level} (${desks} desks) at ${w}x${h}: its ring and "can't do this" cover no words`, async () => {
        game = games.keep(await openGame('', { viewport: { width: w, height: h } }));
        const { ring, from, shown } = await pickOne(game.page, level);
        await game.shot(`pick-ring-${level}-${w}`);
        // The words of the ticket's own desk: the ring may reach into none of them by more than a point.
        const own = shown.filter((t) => meets(t, from) && t.text !== "can't do this");
        expect(own.some((t) => /^Ready to send \(\d+\)/.test(t.text)), 'the tray says how many are ready').toBe(true);
        const covered = own.filter((t) => into(ring, t) > 1).map((t) => `"${t.text}" by ${into(ring, t).toFixed(1)}`);
        expect(covered, 'words under the ring').toEqual([]);
        // Each "can't do this" lies over its card's line of tickets: clear of every word ("Can do:" and
        // the desk's name above it, "Line 3" before it).
        const cannot = shown.filter((t) => t.text === "can't do this");
        expect(cannot.length).toBeGreaterThan(0);
        for (const c of cannot) {
          const hit = shown.filter((t) => t !== c && meets(t, c) && !/^\+\d+$/.test(t.text)).map((t) => t.text);
          expect(hit, `"can't do this" over words`).toEqual([]);
        }
      });
});
