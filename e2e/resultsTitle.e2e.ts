/**
 * The results' title at projector size (blind playtest, level 7: "Every Job Is a Customer Service Job:
 * results" wrapped onto "Score … of 100"). At 1280x720 and 1024x768 its box stays clear of the score
 * line and of the facilitator's corner buttons, and it is never smaller than the score parts' text; the
 * note over the buttons ("That was the last level of the campaign.") keeps clear of the columns.
 */
import { describe, expect, it } from 'vitest';
import { openGame, waitForScreen } from './harness';
import { press, skipAhead, waitForToast } from './helpers';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('level 7 results at projector size', { timeout: 300_000 }, () => {
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    it(`the title fits above the score line at ${width}x${height}`, async () => {
      const game = await openGame('?facilitator=1&level=every-job&seed=5', { viewport: { width, height } });
      try {
        const page = game.page;
        await waitForScreen(page, 'briefing');
        await press(page, 'Enter');
        await waitForScreen(page, 'play');
        await skipAhead(page, 5);
        await press(page, 'v');
        await waitForToast(page, /^Projector mode/);
        await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
        await waitForScreen(page, 'results');
        await page.waitForFunction(() => window.__ripple!.texts().some((t) => /^Score \d+ of 100$/.test(t.text)));
        const shown = await page.evaluate(() => window.__ripple!.texts().filter((t) => t.scene === 'results'));
        const title = shown.find((t) => t.text.endsWith(': results'))!;
        const score = shown.find((t) => /^Score \d+ of 100$/.test(t.text))!;
        expect(title.text).toBe('Every Job Is a Customer Service Job: results');
        expect(title.y + title.h, 'the title ends above the score line').toBeLessThanOrEqual(score.y);
        expect(title.px, 'no smaller than the score parts at projector size (28 x 1.5)').toBeGreaterThanOrEqual(42);
        const buttons = await page.evaluate(() =>
          window.__ripple!.targets().filter((t) => t.scene === 'results' && /Debrief|Session/.test(t.what)),
        );
        expect(buttons.length).toBe(2);
        for (const b of buttons) expect(overlap(title, b), `the title clear of ${b.what}`).toBe(false);
        // The note over the buttons has its own line: no other text runs into it.
        const note = shown.find((t) => t.text === 'That was the last level of the campaign.')!;
        expect(note).toBeDefined();
        for (const t of shown) if (t !== note) expect(overlap(note, t), `the note clear of "${t.text}"`).toBe(false);
        await page.waitForTimeout(300);
        await game.shot(`results-title-every-job-projector-${width}`);
        expect(game.problems).toEqual([]);
      } finally {
        await game.close();
      }
    });
  }
});
