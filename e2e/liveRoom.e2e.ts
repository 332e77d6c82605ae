/**
 * The facilitator's room view with six tables, in a real browser at 1280x720: every table is a card
 * with its clock, score so far, a line per desk from the facilitator's replica of that table and the
 * round so far; all six fit the screen with no text under 14 px; team names show as typed, as text.
 * The tables are SDK clients on loopback (three leave, so the computer plays their boards; three hold
 * their boards and do nothing, so their customers pile up). The round (Every job, six desks: the most a card shows) runs at 8x.
 */
import '../server/nodeWebSocket';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, joinTable, type SpawnedServer, spawnRoomServer } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

/** The room server in its own process, on a free port it picks. */
async function startServer(): Promise<SpawnedServer> {
  const journal = mkdtempSync(join(tmpdir(), 'ripple-room-e2e-'));
  const server = await spawnRoomServer(['--dist', dist, '--journal', journal, '--speed', '8']);
  held.keep(server.child);
  return server;
}

export const TEAMS = ['Blue <b>Team</b>', 'Red', 'Green', 'Amber', 'Violet', 'Teal'];

describe("the facilitator's room view", () => {
  it('six tables live at 1280x720 (a card each, with desks and the round so far, all on screen), then the debrief side by side', async () => {
    const { port } = await startServer();
    const facB = await launchBrowser({ width: 1280, height: 720 });
    held.keep(facB);
    const fac = await facB.context.newPage();
    await fac.goto(`http://127.0.0.1:${port}/live.html?facilitator=1`);
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;
    const url = `ws://127.0.0.1:${port}`;
    for (const [i, team] of TEAMS.entries()) {
      const d = await joinTable(url, code, team);
      await d.next('welcome');
      if (i < 3) await d.room.leave(true);
      else held.keep(d);
    }
    await expect.poll(() => fac.locator('.lv-card').count(), { timeout: 20_000 }).toBe(6);
    await fac.locator('select').first().selectOption('every-job');
    await fac.getByText('Start all').click();
    // Two minutes of the round (15 s at 8x).
    await fac
      .locator('.lv-round', { hasText: /^running · [2-9]:\d\d of/ })
      .first()
      .waitFor({ timeout: 60_000 });

    const cards = await fac.locator('.lv-card').evaluateAll((els) =>
      els.map((c) => {
        const r = c.getBoundingClientRect();
        const sizes = [...c.querySelectorAll('*')]
          .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
          .map((e) => parseFloat(getComputedStyle(e).fontSize));
        return {
          box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
          team: c.querySelector('h2')!.textContent,
          bold: c.querySelectorAll('b').length,
          desks: c.querySelectorAll('.lv-desk').length,
          more: c.querySelector('.lv-desk-more')?.textContent,
          deskWords: [...c.querySelectorAll('.lv-desk-words')].map((e) => e.textContent),
          trend: c.querySelector('.lv-trend-waiting')!.getAttribute('points')!.split(' ').length,
          score: c.querySelector('.lv-score')!.textContent,
          seats: c.querySelector('.lv-seats-line')!.textContent,
          smallest: Math.min(...sizes),
        };
      }),
    );
    await fac.screenshot({ path: join('e2e', 'artifacts', 'live-room-six-tables.png') });
    expect(cards.map((c) => c.team)).toEqual(TEAMS);
    for (const c of cards) {
      // On screen without scrolling, at 14 px or more.
      expect(c.box.left).toBeGreaterThanOrEqual(0);
      expect(c.box.top).toBeGreaterThanOrEqual(0);
      expect(c.box.right).toBeLessThanOrEqual(1280);
      expect(c.box.bottom).toBeLessThanOrEqual(720);
      expect(c.smallest).toBeGreaterThanOrEqual(14);
      // Every job has six desks: the four with most customers waiting, and the rest in one line.
      expect(c.desks).toBe(4);
      expect(c.more).toMatch(/^and 2 more desks, \d+ waiting$/);
      // The trend has a point per 10 s sample so far and one for now.
      expect(c.trend).toBeGreaterThanOrEqual(12);
      expect(c.score).toMatch(/^Score so far \d+$/);
    }
    // The name is text: no element was made from it.
    expect(cards[0]!.bold).toBe(0);
    expect(cards.slice(0, 3).map((c) => c.seats)).toEqual(Array(3).fill('0 devices · The board: the computer (away)'));
    expect(cards.slice(3).map((c) => c.seats)).toEqual(Array(3).fill('1 device · The board: played by the table'));
    // Nobody routes at the idle tables: their customers wait at the desks.
    const waitingAt = (c: (typeof cards)[number]) => c.deskWords.reduce((s, w) => s + parseInt(w!, 10), 0);
    for (const c of cards.slice(3)) expect(waitingAt(c)).toBeGreaterThan(0);

    // After the round: the debrief compares every table side by side from the server's results.
    await fac.getByText('End all').click();
    await expect.poll(() => fac.locator('.lv-card[data-status="over"]').count(), { timeout: 20_000 }).toBe(6);
    const download = fac.waitForEvent('download');
    await fac.getByText('Export JSON').click();
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      results: Array<{ team: string; score: { total: number }; log: unknown[]; level: { id: string } }>;
    };
    expect(exported.results.map((r) => r.team)).toEqual(TEAMS);
    for (const r of exported.results) expect(r.level.id).toBe('every-job');
    await fac.getByRole('button', { name: 'Debrief', exact: true }).click();
    const compare = fac.locator('.rx-compare');
    await compare.waitFor({ timeout: 30_000 });
    expect(await compare.locator('thead th').allTextContents()).toEqual(['', ...TEAMS]);
    expect(await compare.locator('b').count()).toBe(0);
    const scoreRow = compare.locator('tbody tr', { has: fac.locator('th', { hasText: /^Score$/ }) });
    const shown = (await scoreRow.locator('td').allTextContents()).map((t) =>
      parseFloat(t.replace('◆ ', '')),
    );
    expect(shown).toEqual(exported.results.map((r) => Math.round(r.score.total * 10) / 10));
    expect(await fac.locator('.lv-debrief .msg').textContent()).toBe('');
    await fac.locator('.rx-panel-rounds').scrollIntoViewIfNeeded();
    await fac.waitForTimeout(500); // the comparison chart's animation
    await fac
      .locator('.rx-panel-rounds')
      .screenshot({ path: join('e2e', 'artifacts', 'live-debrief-side-by-side.png') });
    await fac.screenshot({ path: join('e2e', 'artifacts', 'live-debrief.png') });
    // Another table's charts, the same side by side; and back to the tables.
    await fac.getByLabel('Charts for').selectOption({ label: 'Teal' });
    await fac.locator('.rx-debrief-title', { hasText: 'Teal' }).waitFor();
    expect(await compare.locator('thead th').allTextContents()).toEqual(['', ...TEAMS]);
    await fac.getByText('Back to the tables').click();
    await fac.locator('.lv-card').first().waitFor();
  });
});
