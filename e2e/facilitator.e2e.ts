/**
 * Issue #7, part 1: a facilitator runs a session. With ?facilitator=1 they open the session panel from
 * the title screen, name the session, add two rounds of one level with the same seed, play round 1 with
 * quick handoffs and round 2 with careful ones (the built-in policies), open the debrief (charts,
 * replay scrubber, one customer's swimlane, the rounds side by side: careful scores higher), export CSV
 * and JSON, reload and find everything still there, and import the JSON back without losing a round.
 * One browser for the whole story, in order.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { openGame, trackGame, waitForScreen, type GamePage } from './harness';
import { parseCsv } from '../src/facilitator/session/csv';

/**
 * Level 2 of the campaign is about handoff notes (players choose quick or thorough), so quick and careful
 * rounds score well apart on the same seed. Its title and questions come from the level file itself.
 */
const LEVEL = 'clear-notes';
const LEVEL_FILE = JSON.parse(readFileSync('levels/02-clear-notes.json', 'utf8')) as {
  id: string;
  title: string;
  texts: { debriefQuestions: string[] };
};
const TITLE = LEVEL_FILE.title;
const SEED = '7';

const games = trackGame();
let game: GamePage;

beforeAll(async () => {
  game = games.keep(await openGame('?facilitator=1'));
});

const panel = (page: Page) => page.locator('.rx-session');
const overlay = (page: Page) => page.locator('.rx-overlay');

async function openPanel(page: Page): Promise<void> {
  await page.keyboard.press('g');
  await panel(page).waitFor({ state: 'visible' });
}

/** Scores shown in the rounds table, by team. */
async function tableScores(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.rx-rounds-table tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.querySelector('.rx-team')?.textContent ?? '',
        r.querySelector('.rx-score')?.textContent ?? '',
      ]),
    ),
  );
}

/** Starts a round from the panel, plays it through with a built-in policy, and waits for the results. */
async function playRound(
  page: Page,
  roundId: string,
  policy: 'siloed' | 'wholistic',
  onBoard?: () => Promise<void>,
): Promise<void> {
  await page.click(`[data-testid="start-${roundId}"]`);
  await panel(page).waitFor({ state: 'hidden' });
  await waitForScreen(page, 'briefing');
  const st = await page.evaluate(() => window.__ripple!.state());
  expect(st.levelId).toBe(LEVEL);
  expect(st.seed).toBe(Number(SEED));
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'play');
  await onBoard?.();
  const out = await page.evaluate((p) => window.__rippleDrive!.playOut(p), policy);
  expect(out?.over).toBe(true);
  await waitForScreen(page, 'results');
  await page.waitForTimeout(300);
}

async function downloadOf(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [d] = (await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-testid="${testId}"]`),
  ])) as [Download, void];
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

let exportedJson = '';

describe('a facilitator session', () => {
  it('opens the session panel from the title screen, names the session and adds two rounds with one seed', async () => {
    const page = game.page;
    await waitForScreen(page, 'title');
    await page.waitForTimeout(300);
    await game.shot('facilitator-00-title');
    await openPanel(page);
    await page.fill('input[name="session-name"]', 'Tuesday workshop');
    await page.press('input[name="session-name"]', 'Enter');

    await page.selectOption('select[name="level"]', LEVEL);
    expect(await page.isChecked('input[name="same-seed"]')).toBe(true);
    await page.fill('input[name="seed"]', SEED);
    await page.fill('input[name="team"]', 'Quick notes');
    await page.click('[data-testid="add-round"]');
    // Same seed for every team is the default: the seed field already holds round 1's seed.
    expect(await page.inputValue('input[name="seed"]')).toBe(SEED);
    await page.fill('input[name="team"]', 'Careful notes');
    await page.click('[data-testid="add-round"]');

    const rows = await page.$$eval('.rx-rounds-table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)),
    );
    expect(rows).toEqual([
      ['1', 'Quick notes', TITLE, SEED, 'Planned'],
      ['2', 'Careful notes', TITLE, SEED, 'Planned'],
    ]);
    await game.shot('facilitator-01-session-planned');
  });

  it('plays round 1 with quick handoffs and records it', async () => {
    const page = game.page;
    await playRound(page, 'r1', 'siloed', async () => {
      // This team picks thorough notes for its next handoff (T) and runs at 4x...
      await page.keyboard.press('t');
      await page.keyboard.press('3');
      await page.waitForFunction(() => window.__ripple!.state().selection.care === 'thorough');
    });
    await openPanel(page);
    const scores = await tableScores(page);
    expect(scores['Quick notes']).toMatch(/^\d+/);
    expect(scores['Careful notes']).toBe('–');
  });

  it('plays round 2 with careful handoffs, opens its debrief from the results (D); the session panel shows both scores', async () => {
    const page = game.page;
    await playRound(page, 'r2', 'wholistic', async () => {
      // ...and the next team starts from the defaults, not from the last team's choices.
      const st = await page.evaluate(() => window.__ripple!.state());
      expect(st.selection).toEqual({ dept: null, ticket: null, care: 'quick' });
      expect(st.speed).toBe(1);
    });
    await game.shot('facilitator-02-results');
    // Debrief (D) straight from the results screen opens this round.
    await page.keyboard.press('d');
    await overlay(page).waitFor({ state: 'visible' });
    expect(await page.textContent('.rx-debrief-title')).toBe(`${TITLE} — Careful notes`);
    // A click on the debrief never reaches the results screen's buttons underneath (here: Session).
    const under = await page.evaluate(() => window.__ripple!.toScreen({ x: 200, y: 180 }));
    await page.mouse.click(under.x, under.y);
    await page.waitForTimeout(300);
    expect(await panel(page).count()).toBe(0);
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'hidden' });
    await openPanel(page);
    const scores = await tableScores(page);
    const quick = Number.parseInt(scores['Quick notes'] ?? '', 10);
    const careful = Number.parseInt(scores['Careful notes'] ?? '', 10);
    expect(careful).toBeGreaterThan(quick);
    await game.shot('facilitator-03-session-finished');
  });

  it('compares the rounds side by side in the debrief: the careful round scores higher', async () => {
    const page = game.page;
    await page.click('[data-testid="compare-rounds"]');
    await overlay(page).waitFor({ state: 'visible' });
    const table = await page.$$eval('.rx-compare tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')),
    );
    expect(table[0]).toEqual(['', 'Quick notes', 'Careful notes']);
    const score = table.find((r) => r[0] === 'Score')!;
    const [quick, careful] = score.slice(1).map((v) => Number.parseFloat(v.replace('◆ ', '')));
    expect(careful).toBeGreaterThan(quick!);
    expect(score[2]).toMatch(/^◆ /);
    await page.waitForTimeout(300);
    await game.shot('facilitator-04-debrief-compare');
  });

  it('replays the round with the time scrubber and marks a moment', async () => {
    const page = game.page;
    await page.click('[data-testid="jump-replay"]');
    await page.fill('[data-testid="scrubber"]', '120');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scrub-clock"]')?.textContent?.startsWith('2:00'),
    );
    const desks = await page.$$eval('.rx-desk', (ds) =>
      ds.map((d) => d.querySelector('.rx-desk-name')?.textContent),
    );
    expect(desks).toContain('Tier 1');
    const counts = await page.$$eval('.rx-count-value', (cs) => cs.map((c) => Number(c.textContent)));
    expect(counts).toHaveLength(3);
    expect(counts[1]).toBeGreaterThan(0); // some customers served by 2:00
    // Earlier in the round fewer customers had been served.
    await page.fill('[data-testid="scrubber"]', '30');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="scrub-clock"]')?.textContent?.startsWith('0:30'),
    );
    const early = await page.$$eval('.rx-count-value', (cs) => cs.map((c) => Number(c.textContent)));
    expect(early[1]).toBeLessThan(counts[1]!);

    await page.fill('[data-testid="scrubber"]', '150');
    await page.fill('[data-testid="mark-note"]', 'Billing queue starts to grow');
    await page.click('[data-testid="mark-moment"]');
    await page.waitForSelector('.rx-bookmarks li');
    expect(await page.textContent('.rx-bookmarks li')).toContain('Billing queue starts to grow');
    await page.waitForTimeout(300);
    await game.shot('facilitator-05-debrief-scrubber');
    await page.click('[data-testid="jump-charts"]');
    await page.waitForTimeout(300);
    await game.shot('facilitator-06-debrief-charts');
  });

  it('shows one customer’s journey as a swimlane, and another on click', async () => {
    const page = game.page;
    await page.click('[data-testid="jump-journey"]');
    const first = await page.textContent('.rx-journey-title');
    const other = page.locator('button.rx-customer:not(.rx-selected)').first();
    const label = await other.textContent();
    await other.click();
    await page.waitForFunction((f) => document.querySelector('.rx-journey-title')?.textContent !== f, first);
    expect(await page.textContent('button.rx-customer.rx-selected')).toBe(label);
    await page.waitForTimeout(300);
    await game.shot('facilitator-07-debrief-swimlane');
    await page.click('[data-testid="jump-questions"]');
    const questions = await page.$$eval('.rx-questions li', (lis) => lis.map((li) => li.textContent));
    expect(questions).toEqual(LEVEL_FILE.texts.debriefQuestions);
  });

  it('exports the session as CSV and JSON', async () => {
    const page = game.page;
    await page.click('[data-testid="debrief-session"]');
    await panel(page).waitFor({ state: 'visible' });
    const csv = await downloadOf(page, 'export-csv');
    expect(csv.name).toMatch(/^ripple-effect-tuesday-workshop-\d{4}-\d{2}-\d{2}\.csv$/);
    // Parsed back as a spreadsheet would: plain headers, real units, blanks where a part does not apply.
    const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(2);
    expect(header!.slice(0, 7)).toEqual(['Session', 'Round', 'Team', 'Level', 'Level id', 'Seed', 'Status']);
    for (const h of header!) expect(h).not.toMatch(/[a-z][A-Z]|value$|points$/);
    const scores = await tableScores(page);
    for (const [i, team] of ['Quick notes', 'Careful notes'].entries()) {
      const row = Object.fromEntries(header!.map((h, k) => [h, rows[i]![k] ?? '']));
      expect([row.Session, row.Round, row.Team, row.Level, row['Level id'], row.Seed, row.Status]).toEqual([
        'Tuesday workshop',
        String(i + 1),
        team,
        TITLE,
        LEVEL,
        SEED,
        'finished',
      ]);
      expect(Math.floor(Number(row['Score (of 100)']))).toBe(Number.parseInt(scores[team]!, 10));
      // Counts are whole customers and seconds are seconds (not 0-1 fractions).
      const arrived = Number(row['Customers who arrived']);
      const helped = Number(row['Customers helped']);
      expect(Number.isInteger(arrived) && arrived > 5).toBe(true);
      expect(Number.isInteger(helped) && helped > 0 && helped <= arrived).toBe(true);
      expect(helped + Number(row['Customers who gave up']) + Number(row['Customers still waiting at the end'])).toBe(
        arrived,
      );
      expect(Number(row['Mean resolution time (s)'])).toBeGreaterThan(20);
      expect(Number(row['Slowest 5% resolution time (s)'])).toBeGreaterThanOrEqual(Number(row['Mean resolution time (s)']));
      expect(Number(row['Round length (s)'])).toBe(300);
      const sat = Number(row['Mean satisfaction (%)']);
      expect(sat).toBeGreaterThan(1);
      expect(sat).toBeLessThanOrEqual(100);
      // This level has no internal requests: those cells are empty, not "1" or "0.615".
      expect(row['Points: internal requests on time']).toBe('');
      expect(row['Internal requests']).toBe('');
      expect(row['Internal requests on time']).toBe('');
      expect(row.Restarts).toBe('0');
    }
    const careful = Object.fromEntries(header!.map((h, k) => [h, rows[1]![k] ?? '']));
    expect(careful.Bookmarks).toBe('1');
    expect(careful['Bookmark notes']).toBe('2:30 Billing queue starts to grow');
    expect(Number(careful['Handoffs with thorough notes'])).toBeGreaterThan(0);
    const json = await downloadOf(page, 'export-json');
    expect(json.name).toMatch(/\.json$/);
    const data = JSON.parse(json.text) as {
      format: string;
      name: string;
      rounds: Array<{
        team: string;
        status: string;
        bookmarks: unknown[];
        result?: { commandLog: unknown[] };
      }>;
    };
    expect(data.format).toBe('ripple-effect-session');
    expect(data.name).toBe('Tuesday workshop');
    expect(data.rounds.map((r) => [r.team, r.status])).toEqual([
      ['Quick notes', 'finished'],
      ['Careful notes', 'finished'],
    ]);
    expect(data.rounds[1]!.bookmarks).toHaveLength(1);
    expect(data.rounds[1]!.result!.commandLog.length).toBeGreaterThan(0);
    exportedJson = json.text;
  });

  it('finds the session again after a reload, and imports the JSON back without losing a round', async () => {
    const page = game.page;
    const before = await tableScores(page);
    await page.reload();
    await waitForScreen(page, 'title');
    await page.waitForTimeout(300);
    await openPanel(page);
    expect(await page.inputValue('input[name="session-name"]')).toBe('Tuesday workshop');
    expect(await tableScores(page)).toEqual(before);

    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'session.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportedJson),
    });
    await page.waitForFunction(() =>
      // The same session's file again: nothing to add, and the panel says so instead of "replaced".
      document.querySelector('.rx-notice')?.textContent?.startsWith('Nothing new'),
    );
    expect(await tableScores(page)).toEqual(before);
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden' });
  });

  it('opens the session from the level select too, and a finished round’s debrief from the panel', async () => {
    const page = game.page;
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    await page.waitForTimeout(300);
    await game.shot('facilitator-09-select');
    await openPanel(page);
    await page.click('[data-testid="debrief-r1"]');
    await overlay(page).waitFor({ state: 'visible' });
    expect(await page.textContent('.rx-debrief-title')).toContain('Quick notes');
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'hidden' });
  });

  it('says so when the browser storage is full, and offers the export right there', async () => {
    const page = game.page;
    await openPanel(page);
    // The next save fails as it would on a full disk quota.
    await page.evaluate(() => {
      const real = Storage.prototype.setItem;
      (window as unknown as { __realSetItem: typeof real }).__realSetItem = real;
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.fill('input[name="team"]', 'Table 3');
    await page.click('[data-testid="add-round"]');
    const alert = page.locator('.rx-alert[role="alert"]');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.textContent()).toContain(
      "This browser's storage is full, so the session can't be saved.",
    );
    await game.shot('facilitator-08-storage-full');
    const json = await downloadOf(page, 'alert-export');
    const data = JSON.parse(json.text) as { rounds: Array<{ team: string; status: string }> };
    expect(data.rounds.map((r) => r.team)).toEqual(['Quick notes', 'Careful notes', 'Table 3']);
    expect(data.rounds.filter((r) => r.status === 'finished')).toHaveLength(2);
    await page.evaluate(() => {
      Storage.prototype.setItem = (window as unknown as { __realSetItem: Storage['setItem'] }).__realSetItem;
    });
  });
});
