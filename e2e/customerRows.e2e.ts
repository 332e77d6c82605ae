/**
 * The board's customer list in whole words (blind playtest 6, item 24: "notes → Supe…" and "manager ·
 * Sup…" on level 7). Played carefully through level 7 at 1024x768 (the narrowest list), every customer
 * row reads in whole words: a plainer short form ("→ Supervisor", "wants a manager") rather than a name
 * cut short with an ellipsis.
 */
import { describe, expect, it } from 'vitest';
import { openBoard, trackGame } from './harness';

const games = trackGame();

describe("level 7's customer list", { timeout: 300_000 }, () => {
  it('shows whole words on every row at 1024x768', async () => {
    const game = games.keep(await openBoard('?facilitator=1&level=every-job&seed=5', { width: 1024, height: 768 }));
    const page = game.page;
    const cut = new Set<string>();
    const notes = new Set<string>();
    let steps = 0;
    for (let t = 20; t < 570; t += 10) {
      const r = await page.evaluate((u) => window.__rippleDrive!.playOut('humanCareful', u), t);
      if (!r || r.over) break;
      steps++;
      // Two frames: the list redraws from the sim on the next frame.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
      const rows = await page.evaluate(() =>
        window.__ripple!.texts().filter((x) => x.scene === 'play' && x.x < 180 && x.y > 120).map((x) => x.text),
      );
      for (const row of rows) {
        if (row.includes('…')) cut.add(row);
        if (/→|manager/.test(row)) notes.add(row);
      }
    }
    expect(steps, 'the level was played through').toBeGreaterThan(20);
    // The run does reach the rows that used to be cut: notes for another desk, and a customer who wants a manager.
    expect([...notes].some((r) => r.startsWith('→') || r.startsWith('notes')), [...notes].join(' | ')).toBe(true);
    expect([...notes].some((r) => r.includes('manager')), [...notes].join(' | ')).toBe(true);
    expect([...cut], 'customer rows cut short').toEqual([]);
    expect(game.problems).toEqual([]);
  });
});
