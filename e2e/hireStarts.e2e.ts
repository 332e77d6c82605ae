/**
 * Level 5's hire (playtest 8, item 8): once HR has found the two people the request reads done, but they
 * start at Tier 1 only its ramp later. Until then the request's row says when they start, from the sim's
 * own times; once they are at the desk it reads "✔ done".
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, trackGame } from './harness';
import { press, sim, skipAhead, skipUntil } from './helpers';

const games = trackGame();

const statusRow = (page: Page) =>
  page.evaluate(() =>
    window.__ripple!
      .texts()
      .filter((t) => t.scene === 'play' && /^✔ /.test(t.text))
      .map((t) => t.text),
  );

describe("level 5's hire", () => {
  it('says when the new people start at Tier 1, then that it is done once they are there', async () => {
    const game = games.keep(await openBoard('?level=hiring-lead-time&seed=3', { width: 1366, height: 768 }));
    const page = game.page;
    await press(page, ' ');
    await skipUntil(page, 'the hire request to open', (s) => s.t >= 12);
    await press(page, 'g');
    // HR works on it: skip ahead until its row reads done in some way (the board draws it each frame).
    let row: string[] = [];
    for (let i = 0; i < 200 && row.length === 0; i++) {
      await skipAhead(page, 1);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      row = await statusRow(page);
    }
    const at = await sim(page);
    const staff = at.departments.find((d) => d.id === 'tier-1')!.staff;
    await game.shot('hire-starts-soon');
    expect(row).toHaveLength(1);
    expect(row[0]).toMatch(/^✔ 2 start (at Tier 1 )?in 0:\d\d$/);
    const arrived = await skipUntil(page, 'the new people to start', (s) => s.departments.find((d) => d.id === 'tier-1')!.staff === staff + 2);
    // The ramp is 45 s: they were not at the desk when the row first said they would start.
    expect(arrived.t - at.t).toBeGreaterThan(30);
    await expect.poll(() => statusRow(page)).toEqual(['✔ done']);
  });
});
