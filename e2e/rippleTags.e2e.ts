/**
 * The "+52 s" tags a ripple shows when it reaches a customer (what a handoff cost them) cover no text:
 * not the customer's name nor their place, no desk's name, not "+N more waiting". A ripple to a customer
 * not shown in the column ends at the end of the "+N more" line and shows no tag there. Level 7 at
 * 1024x768, played on with quick notes (ripples come back), every frame's text boxes measured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGame, startBoard, type GamePage } from './harness';

let game: GamePage;
beforeAll(async () => {
  game = await openGame('', { viewport: { width: 1024, height: 768 } });
});
afterAll(async () => {
  await game?.close();
});

interface TagCheck {
  seen: number;
  frames: number;
  covered: string[];
  hiddenHit: number;
}

describe('ripple tags', () => {
  it('cover no name, place or "+N more waiting" (level 7, 1024x768)', async () => {
    const page = game.page;
    await startBoard(page, '?level=every-job&seed=5');
    // Every frame: each tag's box against every other text of the board. The game is played on by the
    // built-in quick-notes policy a little whenever no tag shows, until enough tags were seen.
    await page.evaluate(() => {
      const TAG = /^\+\d+ (s|min( \d+ s)?)$/;
      const check: TagCheck = { seen: 0, frames: 0, covered: [], hiddenHit: 0 };
      (window as unknown as { __tags: TagCheck }).__tags = check;
      const shown = new Set<string>();
      let quiet = 0;
      const frame = () => {
        const texts = window.__ripple!.texts().filter((b) => b.scene === 'play');
        const tags = texts.filter((b) => TAG.test(b.text));
        const others = texts.filter((b) => !TAG.test(b.text));
        check.frames++;
        for (const t of tags) {
          const key = `${t.text}@${Math.round(t.y / 82)}`;
          if (!shown.has(key)) {
            shown.add(key);
            check.seen++;
          }
          for (const o of others) {
            const meets = t.x < o.x + o.w && o.x < t.x + t.w && t.y < o.y + o.h && o.y < t.y + t.h;
            if (meets) check.covered.push(`"${t.text}" over "${o.text.slice(0, 30)}"`);
          }
        }
        const more = others.find((o) => /^\+\d+ more waiting$/.test(o.text));
        if (more && tags.some((t) => Math.abs(t.y + t.h / 2 - (more.y + more.h / 2)) < 20)) check.hiddenHit++;
        quiet = tags.length > 0 ? 0 : quiet + 1;
        if (quiet > 20 && check.seen < 8) {
          quiet = 0;
          const v = window.__ripple!.sim()!;
          if (!v.over) window.__rippleDrive!.playOut('siloed', v.t + 20);
        }
        if (check.seen < 8 && !window.__ripple!.sim()!.over) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.waitForFunction(
      () => {
        const c = (window as unknown as { __tags: TagCheck }).__tags;
        return c.seen >= 8 || window.__ripple!.sim()!.over;
      },
      undefined,
      { timeout: 150_000 },
    );
    const c = await page.evaluate(() => (window as unknown as { __tags: TagCheck }).__tags);
    await game.shot('ripple-tags-1024');
    expect(c.seen, 'tags seen before the end').toBeGreaterThanOrEqual(8);
    expect([...new Set(c.covered)]).toEqual([]);
    expect(c.hiddenHit, 'tags on the "+N more waiting" line').toBe(0);
    expect(game.problems).toEqual([]);
  }, 180_000);
});
