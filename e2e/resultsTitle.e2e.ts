/**
 * The results' title at projector size (blind playtest, level 7: "Every Job Is a Customer Service Job:
 * results" wrapped onto "Score … of 100"). At 1280x720 and 1024x768 its box stays clear of the score
 * line and of the facilitator's corner buttons, and it is never smaller than the score parts' text; the
 * note over the buttons ("That was the last level of the campaign.") keeps clear of the columns.
 * The score parts (blind playtest 6, item 24): each part's name on one line, and its bar beside its
 * figure on the figure's line (not a thin line under the row that reads as an underline), clear of every
 * text, at normal and projector size, with no text under 14 CSS px.
 */
import { describe, expect, it } from 'vitest';
import { openBoard, trackGame, waitForScreen } from './harness';
import { press, skipAhead, waitForToast } from './helpers';

const games = trackGame();

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const MIN_TEXT_CSS = 14;

describe('the score parts read as names, figures and bars', { timeout: 300_000 }, () => {
  // Level 1 (its parts with their measures at normal size) and level 7 (nine parts, shown without them,
  // the time column beside them).
  const cases: Array<[string, 'humanCareless' | 'wholistic', boolean, number, number]> = [
    ['right-desk', 'humanCareless', false, 1280, 720],
    ['right-desk', 'humanCareless', false, 1024, 768],
    ['right-desk', 'humanCareless', true, 1280, 720],
    ['right-desk', 'humanCareless', true, 1024, 768],
    ['every-job', 'wholistic', false, 1024, 768],
  ];
  for (const [level, policy, projector, width, height] of cases) {
    it(`${level} at ${width}x${height}${projector ? ', projector size' : ''}`, async () => {
      const game = games.keep(await openBoard(`?facilitator=1&level=${level}&seed=5`, { width, height }));
      const page = game.page;
      await skipAhead(page, 5);
      if (projector) {
        await press(page, 'v');
        await waitForToast(page, /^Projector mode/);
      }
      // Customers give up or are still waiting at the end, so the line of those not served shows too.
      await page.evaluate((p) => window.__rippleDrive!.playOut(p), policy);
      await waitForScreen(page, 'results');
      await page.waitForFunction(() =>
        window.__ripple!.texts().some((t) => /^Score \d+ of 100$/.test(t.text)),
      );
      const shown = await page.evaluate(() =>
        window.__ripple!.texts().filter((t) => t.scene === 'results'),
      );
      const r = (await page.evaluate(() => window.__ripple!.results()))!;
      const k = await page.evaluate(
        () => document.querySelector('#game canvas')!.getBoundingClientRect().width / 1920,
      );
      expect(r.parts.length, 'the level scores several parts').toBeGreaterThan(4);
      expect(r.unserved, 'the run left customers not served').not.toBeNull();
      for (const part of r.parts) {
        const label = shown.find((t) => t.text === part.label)!;
        expect(label, `"${part.label}" is shown`).toBeDefined();
        // Several parts may read "8.3 of 8.3": the figure is the one on the name's line.
        const figure = shown
          .filter((t) => t.text === part.points)
          .sort((a, b) => Math.abs(a.y - label.y) - Math.abs(b.y - label.y))[0]!;
        expect(figure, `the figure of "${part.label}"`).toBeDefined();
        expect(Math.abs(figure.y - label.y), `"${part.label}" and its figure on one line`).toBeLessThan(
          figure.h / 2,
        );
        expect(label.h, `"${part.label}" on one line`).toBeLessThanOrEqual(figure.h * 1.25);
        const bar = part.bar;
        expect(bar, `"${part.label}" has a bar`).toBeDefined();
        const mid = bar.y + bar.h / 2;
        expect(mid, `the bar of "${part.label}" on its figure's line`).toBeGreaterThan(figure.y);
        expect(mid, `the bar of "${part.label}" on its figure's line`).toBeLessThan(figure.y + figure.h);
        expect(bar.x, `the bar of "${part.label}" beside its figure`).toBeGreaterThanOrEqual(
          figure.x + figure.w,
        );
        expect(bar.h, `the bar of "${part.label}" thick enough to read as a bar`).toBeGreaterThanOrEqual(
          figure.h * 0.3,
        );
        for (const t of shown)
          expect(overlap(bar, t), `the bar of "${part.label}" clear of "${t.text}"`).toBe(false);
      }
      const small = shown
        .filter((t) => t.px * k < MIN_TEXT_CSS - 0.05)
        .map((t) => `${(t.px * k).toFixed(1)} px "${t.text}"`);
      expect(small, `no text below ${MIN_TEXT_CSS} CSS px`).toEqual([]);
      await page.waitForTimeout(300);
      await game.shot(`results-parts-${level}-${projector ? 'projector' : 'normal'}-${width}`);
      expect(game.problems).toEqual([]);
    });
  }
});

describe('level 7 results at projector size', { timeout: 300_000 }, () => {
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    it(`the title fits above the score line at ${width}x${height}`, async () => {
      const game = games.keep(await openBoard('?facilitator=1&level=every-job&seed=5', { width, height }));
      const page = game.page;
      await skipAhead(page, 5);
      await press(page, 'v');
      await waitForToast(page, /^Projector mode/);
      await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
      await waitForScreen(page, 'results');
      await page.waitForFunction(() =>
        window.__ripple!.texts().some((t) => /^Score \d+ of 100$/.test(t.text)),
      );
      const shown = await page.evaluate(() =>
        window.__ripple!.texts().filter((t) => t.scene === 'results'),
      );
      const title = shown.find((t) => t.text.endsWith(': results'))!;
      const score = shown.find((t) => /^Score \d+ of 100$/.test(t.text))!;
      expect(title.text).toBe('Every Job Is a Customer Service Job: results');
      expect(title.y + title.h, 'the title ends above the score line').toBeLessThanOrEqual(score.y);
      expect(
        title.px,
        'no smaller than the score parts at projector size (28 x 1.5)',
      ).toBeGreaterThanOrEqual(42);
      const buttons = await page.evaluate(() =>
        window.__ripple!.targets().filter((t) => t.scene === 'results' && /Debrief|Session/.test(t.what)),
      );
      expect(buttons.length).toBe(2);
      for (const b of buttons) expect(overlap(title, b), `the title clear of ${b.what}`).toBe(false);
      // The note over the buttons has its own line: no other text runs into it.
      const note = shown.find((t) => t.text === 'That was the last level of the campaign.')!;
      expect(note).toBeDefined();
      for (const t of shown)
        if (t !== note) expect(overlap(note, t), `the note clear of "${t.text}"`).toBe(false);
      await page.waitForTimeout(300);
      await game.shot(`results-title-every-job-projector-${width}`);
      expect(game.problems).toEqual([]);
    });
  }
});

describe('every level’s results at projector size read from the back of the room', { timeout: 300_000 }, () => {
  // At 1024x768 the game is drawn at 0.53 of its points: a column shrunk to fit its room drew level 7's
  // time column at 13.4 CSS px. Played carelessly, so customers give up and the columns are at their longest.
  const levels = ['right-desk', 'clear-notes', 'supervisor-out', 'it-upgrade', 'hiring-lead-time', 'scope', 'every-job'];
  const sizes = [
    [1024, 768],
    [1280, 720],
    [1920, 1080],
  ] as const;
  for (const level of levels) {
    it(`${level} at 1024x768, 1280x720 and 1920x1080: no text under ${MIN_TEXT_CSS} CSS px, no texts overlapping`, async () => {
      const game = games.keep(await openBoard(`?facilitator=1&level=${level}&seed=5`, { width: 1024, height: 768 }));
      const page = game.page;
      await press(page, 'v');
      await waitForToast(page, /^Projector mode/);
      await page.evaluate(() => window.__rippleDrive!.playOut('humanCareless'));
      await waitForScreen(page, 'results');
      await page.waitForFunction(() => window.__ripple!.texts().some((t) => /^Score \d+ of 100$/.test(t.text)));
      for (const [width, height] of sizes) {
        await page.setViewportSize({ width, height });
        // Once the game has followed the resize, the canvas fills its box (under the facilitator's bar) at 16:9.
        await page.waitForFunction(
          ([w, h]) => {
            const box = document.getElementById('game')!.getBoundingClientRect();
            const c = document.querySelector('#game canvas')!.getBoundingClientRect();
            return innerWidth === w && innerHeight === h && Math.abs(c.width - Math.min(box.width, (box.height * 1920) / 1080)) < 1;
          },
          [width, height] as const,
        );
        const k = await page.evaluate(() => document.querySelector('#game canvas')!.getBoundingClientRect().width / 1920);
        const shown = await page.evaluate(() => window.__ripple!.texts().filter((t) => t.scene === 'results'));
        expect(shown.length, 'the results are shown').toBeGreaterThan(10);
        const small = shown
          .filter((t) => t.px * k < MIN_TEXT_CSS - 0.05)
          .map((t) => `${(t.px * k).toFixed(1)} px "${t.text.slice(0, 50)}"`);
        expect(small, `${width}x${height}: no text below ${MIN_TEXT_CSS} CSS px`).toEqual([]);
        const overlaps: string[] = [];
        // Boxes that share an edge are not overlapping: a point of slack each way.
        const inner = (t: Box) => ({ x: t.x + 1, y: t.y + 1, w: t.w - 2, h: t.h - 2 });
        for (let i = 0; i < shown.length; i++)
          for (let j = i + 1; j < shown.length; j++)
            if (overlap(inner(shown[i]!), inner(shown[j]!)))
              overlaps.push(`"${shown[i]!.text.slice(0, 40)}" over "${shown[j]!.text.slice(0, 40)}"`);
        expect(overlaps, `${width}x${height}: texts overlapping`).toEqual([]);
        if (level === 'every-job') await game.shot(`results-projector-every-job-${width}`);
      }
    });
  }
});
