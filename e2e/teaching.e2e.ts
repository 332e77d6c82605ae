/**
 * Issue #16, the screen teaches: the results of a careless level-2 run explain every lost minute (the
 * causes add up to all customer time, every customer who gave up is named), and no two score parts read
 * the same unless their measures do. Screenshots of the results at three screen sizes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openGame, waitForScreen, type GamePage } from './harness';
import { replay } from '../src/sim/index';
import { checkLevelText } from '../src/level/check';

const LEVEL_FILE = join(process.cwd(), 'levels', '02-clear-notes.json');

let game: GamePage;

beforeAll(async () => {
  game = await openGame('?level=clear-notes&facilitator=1&seed=7');
});
afterEach(() => {
  expect(game.problems, 'console errors, warnings or failed requests').toEqual([]);
});
afterAll(async () => {
  await game?.close();
});

describe('results that explain', () => {
  it('a careless level-2 run: the causes add up to all customer time and name everyone who gave up', async () => {
    const page = game.page;
    await waitForScreen(page, 'briefing');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'play');
    await page.evaluate(() => window.__rippleDrive!.playOut('siloed'));
    await waitForScreen(page, 'results');
    await page.waitForTimeout(300);
    await game.shot('teaching-results-1920x1080');
    const r = await page.evaluate(() => window.__ripple!.results());
    expect(r).not.toBeNull();
    const shown = r!;
    expect(shown.levelId).toBe('clear-notes');

    // What really happened, from the sim itself: the same level, seed and commands replayed here.
    const level = checkLevelText(readFileSync(LEVEL_FILE, 'utf8'), LEVEL_FILE).level!;
    const sim = replay(level, shown.seed, shown.commandLog, undefined, {
      recordEvents: true,
      sampleEvery: 0,
    });
    const m = sim.metrics();
    const gaveUp = sim
      .drainEvents()
      .filter((e) => e.type === 'abandoned')
      .map((e) => (e as { customer: string }).customer);
    const allTime = Object.values(m.attribution).reduce((a, b) => a + b, 0);
    const listed = shown.causes.reduce((a, c) => a + c.seconds, 0);
    expect(allTime).toBeGreaterThan(0);
    expect(Math.abs(listed - allTime), 'the causes listed add up to all customer time').toBeLessThan(
      1e-6 * allTime,
    );
    expect(gaveUp.length, 'a careless run loses customers').toBeGreaterThan(0);
    const text = shown.gaveUp.join('\n');
    for (const name of gaveUp) expect(text, `${name} gave up`).toContain(name);
    expect(shown.notes, 'the staff time notes took is shown').toMatch(/notes took staff/);

    // Each part shows its own measure: two parts read the same only when their measures do.
    const measures = shown.parts.map((p) => p.measure);
    expect(new Set(measures).size).toBe(measures.length);
    expect(shown.unserved, 'customers not served are one line of their own').toMatch(/not served/);
  });

  it('the results read at 1280x720 and 1024x768', async () => {
    const page = game.page;
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400);
      await game.shot(`teaching-results-${w}x${h}`);
      // The smallest text on the results is 28 px at 1920x1080, drawn at the columns' scale.
      const px = await page.evaluate(() => {
        const c = document.querySelector('canvas')!.getBoundingClientRect();
        return (28 * window.__ripple!.results()!.scale * c.width) / 1920;
      });
      expect(px, `smallest results text at ${w}x${h}, CSS px`).toBeGreaterThanOrEqual(14);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });
});
