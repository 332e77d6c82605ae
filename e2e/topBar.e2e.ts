/**
 * The board's top bar (playtest 6, item 27): the level's name, the clock and the speed buttons each
 * keep their own room, at the usual text size and at projector size (V, then a restart), at 1280x720
 * and 1024x768. Level 7's long name ("Every Job Is a Customer Service Job") takes one line at the usual
 * size; no text in the bar is smaller than the smallest readable size.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, trackGame } from './harness';
import { press, skipAhead, waitForToast } from './helpers';
import { MIN_TEXT } from '../src/game/scenes/theme';

const games = trackGame();

type Box = { scene: string; text: string; x: number; y: number; w: number; h: number; px: number };

async function bar(page: Page, title: string) {
  await page.waitForFunction(() => window.__ripple!.texts().some((t) => / left$/.test(t.text)));
  const shown = (await page.evaluate(() => window.__ripple!.texts())).filter((t) => t.scene === 'play' && t.y < 90) as Box[];
  const name = shown.find((t) => t.text.replace(/\n/g, ' ') === title)!;
  const clock = shown.find((t) => /^\d+:\d\d left$/.test(t.text))!;
  const pause = (await page.evaluate(() => window.__ripple!.targets())).find((t) => /^(Pause|Resume)/.test(t.what))!;
  expect(name, `the title "${title}" in the top bar`).toBeDefined();
  expect(clock, 'the clock in the top bar').toBeDefined();
  expect(pause, 'the Pause button').toBeDefined();
  return { shown, name, clock, pause };
}

describe('the top bar of the board', { timeout: 180_000 }, () => {
  for (const [level, title] of [
    ['every-job', 'Every Job Is a Customer Service Job'],
    ['supervisor-out', 'The Supervisor Is Out'],
  ] as const)
    for (const [width, height] of [
      [1280, 720],
      [1024, 768],
    ] as const)
      it(`${level} at ${width}x${height}: name, clock and buttons apart, usual and projector size`, async () => {
        const game = games.keep(await openBoard(`?facilitator=1&level=${level}&seed=5`, { width, height }));
        const page = game.page;
        for (const size of ['usual', 'projector'] as const) {
          if (size === 'projector') {
            await skipAhead(page, 2);
            await press(page, 'v');
            await waitForToast(page, /^Projector mode/);
            // The top bar takes the new size with the next round: restart it (R).
            await press(page, 'r');
            await page.waitForFunction(() => (window.__ripple!.sim()?.t ?? 1) < 1);
          }
          const { shown, name, clock, pause } = await bar(page, title);
          await game.shot(`top-bar-${level}-${size}-${width}`);
          if (size === 'usual') expect(name.text, 'the name on one line').not.toContain('\n');
          expect(name.x + name.w + 20, `the name clear of "${clock.text}"`).toBeLessThanOrEqual(clock.x);
          expect(clock.x + clock.w + 8, 'the clock clear of the Pause button').toBeLessThanOrEqual(pause.x);
          for (const t of shown) expect(t.px, `"${t.text}" readable`).toBeGreaterThanOrEqual(MIN_TEXT - 0.5);
        }
        expect(game.problems).toEqual([]);
      });
});
