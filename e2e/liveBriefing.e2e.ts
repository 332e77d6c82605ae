/**
 * Blind playtest 6, items 14, 16 and 26, in real browsers on loopback: a live table reads the level's
 * briefing before its round (the story, "New here" and "Your goal" in the level file's words, as the
 * solo briefing tells them), on the table's device and on the projector; the facilitator's level choice
 * changes the briefing and the desks to take at once; a round that starts takes the briefing away and
 * "Briefing" brings it back; after a round the next level's briefing comes when the facilitator chooses
 * it. The facilitator's boxes have their names (Level, Seed, Live event), the live events are the
 * level's own, by name, and the addresses break between their parts, never inside a word.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, spawnRoomServer } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

interface LevelFile {
  title: string;
  texts: { briefing: string[]; newThisLevel?: string; goal: string };
  departments: Array<{ name: string }>;
}
const levelFile = (name: string) =>
  JSON.parse(readFileSync(join('levels', `${name}.json`), 'utf8')) as LevelFile;

async function page(size: { width: number; height: number }, url: string): Promise<Page> {
  const b = await launchBrowser(size);
  held.keep(b);
  const p = await b.context.newPage();
  await p.goto(url);
  return p;
}

/** The briefing as the page shows it (null when hidden), with what a reader needs to see of it. */
function briefing(p: Page) {
  return p.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.lv-brief');
    if (!root || root.hidden) return null;
    const texts = [...root.querySelectorAll<HTMLElement>('p, h2, h3, h4, li, b, button')];
    const goal = root.querySelector('.lv-brief-goal')!.getBoundingClientRect();
    const foot = root.querySelector('.lv-brief-foot')!.getBoundingClientRect();
    return {
      kicker: root.querySelector('.lv-brief-kicker')?.textContent,
      title: root.querySelector('.lv-brief-title')?.textContent,
      story: [...root.querySelectorAll('.lv-brief-story > p')].map((e) => e.textContent),
      boxes: [...root.querySelectorAll('.lv-brief-box')].map((b) => [
        b.querySelector('h4')?.textContent,
        b.querySelector('p')?.textContent,
      ]),
      foot: root.querySelector('.lv-brief-foot p')?.textContent,
      close: root.querySelector('.lv-brief-foot button')?.textContent ?? null,
      smallest: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
      goalInSight: goal.bottom <= foot.top + 1 && goal.top >= 0,
    };
  });
}

describe('live: the briefing before the round, and the facilitator’s named controls', () => {
  it('a table and the projector read the level’s briefing; it follows the facilitator’s choice, goes when the round starts and comes back on asking', { timeout: 240_000 }, async () => {
    const journal = mkdtempSync(join(tmpdir(), 'ripple-live-brief-'));
    const server = await spawnRoomServer(['--dist', dist, '--journal', journal, '--speed', '8']);
    held.keep(server.child);
    const base = `http://127.0.0.1:${server.port}/live.html`;
    const fac = await page({ width: 1280, height: 720 }, `${base}?facilitator=1`);
    await fac.locator('select').selectOption('departments');
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;

    // The facilitator's addresses break between their parts: each part of an address on one line.
    const parts = await fac.$$eval('.lv-url', (urls) =>
      urls.map((u) =>
        [...u.children]
          .filter((n) => n.tagName === 'SPAN')
          .map((n) => {
            const r = document.createRange();
            r.selectNodeContents(n);
            return { text: n.textContent, lines: new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size };
          }),
      ),
    );
    expect(parts.map((u) => u.map((p) => p.text).join(''))).toEqual([
      `http://127.0.0.1:${server.port}/live.html?code=${code}`,
      `http://127.0.0.1:${server.port}/live.html?projector=${code}`,
    ]);
    for (const u of parts) for (const p of u) expect(p.lines, `"${p.text}" on one line`).toBe(1);
    // The boxes have their names.
    for (const name of ['Level', 'Seed', 'Live event']) expect(await fac.getByLabel(name, { exact: true }).count()).toBe(1);

    const table = await page({ width: 1280, height: 720 }, base);
    await table.getByLabel('Join code').fill(code);
    await table.getByLabel('Team name').fill('Table A');
    await table.getByRole('button', { name: 'Join', exact: true }).click();
    const proj = await page({ width: 1280, height: 720 }, `${base}?projector=${code}`);

    // Waiting for the first round: level 1's briefing, in the level file's words, all of it in sight.
    const first = levelFile('01-right-desk');
    await expect.poll(async () => (await briefing(table))?.title, { timeout: 30_000 }).toBe(first.title);
    const b1 = (await briefing(table))!;
    expect(b1.kicker).toBe('Next round · Level 1 of 7');
    expect(b1.story).toEqual(first.texts.briefing);
    expect(b1.boxes).toEqual([
      ['New here', first.texts.newThisLevel],
      ['Your goal', first.texts.goal],
    ]);
    expect(b1.close).toBeNull();
    expect(b1.goalInSight).toBe(true);
    expect(b1.smallest).toBeGreaterThanOrEqual(14);
    await table.screenshot({ path: join('e2e', 'artifacts', 'live-brief-01-waiting.png') });
    await expect.poll(async () => (await briefing(proj))?.title, { timeout: 30_000 }).toBe(first.title);
    const p1 = (await briefing(proj))!;
    expect(p1.boxes).toEqual(b1.boxes);
    expect(p1.goalInSight).toBe(true);
    expect(p1.smallest).toBeGreaterThanOrEqual(16);
    await proj.screenshot({ path: join('e2e', 'artifacts', 'live-brief-02-projector.png') });

    // The facilitator chooses level 2: its briefing, and its desks to take, at once.
    const second = levelFile('02-clear-notes');
    await fac.getByLabel('Level', { exact: true }).selectOption('clear-notes');
    await expect.poll(async () => (await briefing(table))?.title, { timeout: 20_000 }).toBe(second.title);
    expect((await briefing(table))!.boxes.at(-1)).toEqual(['Your goal', second.texts.goal]);
    await expect
      .poll(() => table.locator('.lv-seats button').allTextContents(), { timeout: 20_000 })
      .toEqual(second.departments.map((d) => `Take ${d.name}`));
    await expect.poll(async () => (await briefing(proj))?.title, { timeout: 20_000 }).toBe(second.title);
    // Level 2 has no live events: the list says so and cannot send.
    const events = fac.getByLabel('Live event', { exact: true });
    expect(await events.locator('option').allTextContents()).toEqual(['none in this level']);
    expect(await events.isDisabled()).toBe(true);

    // The round starts: the board, no briefing; "Briefing" brings this round's back, and it goes again.
    await table.getByRole('button', { name: 'Take Tier 1' }).click();
    await table.getByRole('button', { name: 'Give back Tier 1' }).waitFor({ timeout: 20_000 });
    await fac.getByText('Start all').click();
    await table.waitForFunction(() => window.__rippleLive?.info().showing === 'play', null, { timeout: 30_000 });
    await expect.poll(() => briefing(table), { timeout: 20_000 }).toBeNull();
    await expect.poll(() => briefing(proj), { timeout: 20_000 }).toBeNull();
    // The desks the computer plays say so over their "Can do:" row: above their line and tray, not on them.
    await expect
      .poll(() => table.evaluate(() => window.__ripple!.texts().filter((t) => t.text === 'Played by the computer').length), { timeout: 20_000 })
      .toBe(2);
    const shown = await table.evaluate(() => window.__ripple!.texts());
    const k = await table.evaluate(() => document.querySelector('#game canvas')!.getBoundingClientRect().width / 1920);
    for (const label of shown.filter((t) => t.text === 'Played by the computer')) {
      // Readable on the table's 1280x720 screen (it was 12.3 CSS px at 20 points).
      expect(label.px * k, 'the label at 14 CSS px or more').toBeGreaterThanOrEqual(14);
      expect(label.h, 'the label on one line').toBeLessThan(label.px * 2);
      const line = shown.find((t) => /^Line \d/.test(t.text) && t.x >= label.x - 30 && t.x <= label.x + label.w / 2 && t.y > label.y);
      expect(line, 'the card\u2019s line under its label').toBeDefined();
      expect(label.y + label.h).toBeLessThanOrEqual(line!.y + 1);
    }
    await table.getByRole('button', { name: 'Briefing', exact: true }).click();
    const during = (await briefing(table))!;
    expect(during).toMatchObject({ kicker: 'This round · Level 2 of 7', title: second.title, close: 'Back to the board' });
    await table.screenshot({ path: join('e2e', 'artifacts', 'live-brief-03-during.png') });
    await table.getByRole('button', { name: 'Back to the board' }).click();
    await expect.poll(() => briefing(table), { timeout: 10_000 }).toBeNull();

    // After the round: its results; once the facilitator chooses the next level, its briefing.
    await fac.getByText('End all').click();
    await table.waitForFunction(() => window.__rippleLive?.info().showing === 'results', null, { timeout: 30_000 });
    expect(await briefing(table)).toBeNull();
    await table.getByRole('button', { name: 'Next round’s briefing' }).waitFor({ timeout: 10_000 });
    const last = levelFile('07-every-job');
    await fac.getByLabel('Level', { exact: true }).selectOption('every-job');
    await expect.poll(async () => (await briefing(table))?.title, { timeout: 20_000 }).toBe(last.title);
    expect((await briefing(table))!).toMatchObject({ kicker: 'Next round · Level 7 of 7', close: 'Back to your results' });
    // The projector, which showed every table's score, shows the next round's briefing too.
    await expect.poll(async () => (await briefing(proj))?.title, { timeout: 20_000 }).toBe(last.title);
    expect(await proj.locator('.lv-projector-note').textContent()).toBe(
      'The round is over. The next round’s briefing, as the facilitator chose it.',
    );
    await proj.screenshot({ path: join('e2e', 'artifacts', 'live-brief-04b-projector-next.png') });
    await table.screenshot({ path: join('e2e', 'artifacts', 'live-brief-04-next.png') });
    await table.getByRole('button', { name: 'Back to your results' }).click();
    await expect.poll(() => briefing(table), { timeout: 10_000 }).toBeNull();
    expect(await table.evaluate(() => window.__rippleLive?.info().showing)).toBe('results');

    // Level 7's live events by their names; one sent reaches the table's board.
    await fac.getByText('Start all').click();
    await table.waitForFunction(() => window.__rippleLive?.info().showing === 'play', null, { timeout: 30_000 });
    await expect.poll(() => briefing(proj), { timeout: 20_000 }).toBeNull();
    await expect
      .poll(() => events.locator('option').allTextContents(), { timeout: 20_000 })
      .toEqual(['Billing system down', 'Tier 1 steps out']);
    await events.selectOption({ label: 'Billing system down' });
    await fac.getByRole('button', { name: 'Send to all' }).click();
    // Its start is a banner on the board (for a few seconds), its end a toast: either says it came.
    const said = () =>
      table.evaluate(() =>
        [...window.__ripple!.texts().map((t) => t.text), ...window.__ripple!.toastLog()].join('\n'),
      );
    await expect
      .poll(said, { timeout: 30_000 })
      .toMatch(/The billing system is down for a minute\.|Billing is working again/);
    expect(await fac.locator('#live > .msg').textContent()).toBe('');
    await fac.screenshot({ path: join('e2e', 'artifacts', 'live-brief-05-facilitator.png') });
  });
});
