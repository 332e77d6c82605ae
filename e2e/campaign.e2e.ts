/**
 * Every campaign level, as a facilitator would show it: open `?level=<id>&facilitator=1`, read the
 * briefing, start with Enter, let the built-in careful player (wholistic) play it out, and land on the
 * results with a score and stars. Screenshots of the briefing, the board half way and the results of each
 * level go to e2e/artifacts/campaign-<NN>-<id>-*.png, so level texts can be checked at 1920x1080.
 * The list of levels is read from levels/campaign.json when the tests run, so new levels are covered.
 * The sandbox (a practice level outside the campaign, without stars) gets the same tour.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openGame, trackGame, waitForScreen, type GamePage } from './harness';
import { sim } from './helpers';

const campaign = JSON.parse(readFileSync(join(process.cwd(), 'levels', 'campaign.json'), 'utf8')) as {
  levels: string[];
};

/** A long level played out on a busy machine (2 shared cores) can take a couple of minutes. */
const LEVEL_TIMEOUT = 300_000;

let browser: LaunchedBrowser;
let game: GamePage;
const games = trackGame();
beforeAll(async () => {
  browser = games.keep(await launchBrowser());
});

describe('the campaign, level by level', () => {
  it('lists at least one level', () => {
    expect(campaign.levels.length).toBeGreaterThan(0);
  });

  campaign.levels.forEach((id, i) => {
    const name = `campaign-${String(i + 1).padStart(2, '0')}-${id}`;

    it(
      `${id}: briefing, played out with care, results with a score and stars`,
      async () => {
        game = games.keep(await openGame(`?level=${encodeURIComponent(id)}&facilitator=1`, { browser }));
        const page = game.page;

        await waitForScreen(page, 'briefing');
        expect((await page.evaluate(() => window.__ripple!.state())).levelId).toBe(id);
        await page.waitForTimeout(400);
        await game.shot(`${name}-briefing`);

        await page.keyboard.press('Enter');
        await waitForScreen(page, 'play');
        const start = await sim(page);
        expect(start.departments.length).toBeGreaterThan(0);

        // Half way, to see the board, its side panel and its messages with this level's texts.
        await page.evaluate((t) => window.__rippleDrive!.playOut('wholistic', t), start.end * 0.45);
        await page.waitForTimeout(700);
        await game.shot(`${name}-play`);

        const score = await page.evaluate(() => {
          const h = window.__ripple!;
          window.__rippleDrive!.playOut('wholistic');
          return h.score();
        });
        expect(score, 'the score of the finished level').not.toBeNull();
        expect(score!.stars, 'a campaign level has stars').not.toBeNull();

        await waitForScreen(page, 'results');
        await page.waitForTimeout(800);
        await game.shot(`${name}-results`);

        const st = await page.evaluate(() => window.__ripple!.state());
        expect(st.screen).toBe('results');
        const shown = st.progress[id];
        expect(shown, 'the result is recorded').toBeDefined();
        expect(shown!.bestScore).toBe(Math.floor(score!.total));
        expect(shown!.bestScore).toBeGreaterThan(0);
        expect(shown!.stars).toBe(score!.stars);
        expect(shown!.stars).toBeGreaterThanOrEqual(0);
        expect(shown!.stars).toBeLessThanOrEqual(3);
      },
      LEVEL_TIMEOUT,
    );
  });
});

describe('the sandbox, the practice level', () => {
  it(
    'sandbox: briefing, played out with care, results with a score and no stars',
    async () => {
      game = games.keep(await openGame('?level=sandbox&facilitator=1', { browser }));
      const page = game.page;
      await waitForScreen(page, 'briefing');
      await page.waitForTimeout(400);
      await game.shot('campaign-sandbox-briefing');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'play');
      const start = await sim(page);
      await page.evaluate((t) => window.__rippleDrive!.playOut('wholistic', t), start.end * 0.45);
      await page.waitForTimeout(700);
      await game.shot('campaign-sandbox-play');
      const score = await page.evaluate(() => {
        const h = window.__ripple!;
        window.__rippleDrive!.playOut('wholistic');
        return h.score();
      });
      expect(score!.total).toBeGreaterThan(0);
      expect(score!.stars, 'the sandbox has no stars').toBeNull();
      await waitForScreen(page, 'results');
      await page.waitForTimeout(800);
      await game.shot('campaign-sandbox-results');
    },
    LEVEL_TIMEOUT,
  );
});
