/**
 * Blind playtest 6, items 7 and 17, on the live workshop's facilitator page: the debrief's charts
 * ("How the customers fared", "Tickets waiting at each desk") fit a 1280x720 and a 1024x768 screen, or
 * are reached with the keys (PageDown, Space, End, the arrows) once the debrief has the focus; after a
 * round the projector shows every table's score only (no table's results nobody chose) and says what
 * it shows; "Show on projector" puts one table's results on it.
 * Two tables are SDK clients on loopback; the computer plays their boards.
 */
import '../server/nodeWebSocket';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { holder, joinTable, spawnRoomServer } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

const TEAMS = ['Phone table', 'Laptop table'];

/** Each chart of the debrief (its box, named by its panel's title): where it is now. */
async function charts(page: Page): Promise<Array<{ title: string; top: number; bottom: number }>> {
  return page.$$eval('.lv-debrief .rx-chart', (els) =>
    els.map((c, i) => {
      const r = c.getBoundingClientRect();
      const panel = c.closest('.rx-panel');
      return { title: `${panel?.querySelector('h2,h3')?.textContent ?? ''} #${i}`, top: r.top, bottom: r.bottom };
    }),
  );
}

describe('the live facilitator’s debrief and the projector', () => {
  let fac: Page;
  let proj: Page;
  let code = '';

  it('plays a short round at two tables, ended by the facilitator', { timeout: 240_000 }, async () => {
    const journal = mkdtempSync(join(tmpdir(), 'ripple-facui-e2e-'));
    const server = await spawnRoomServer(['--dist', dist, '--journal', journal, '--speed', '8']);
    held.keep(server.child);
    const facB = await launchBrowser({ width: 1280, height: 720 });
    held.keep(facB);
    fac = await facB.context.newPage();
    await fac.goto(`http://127.0.0.1:${server.port}/live.html?facilitator=1`);
    await fac.getByText('Create the live session').click();
    code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;
    const url = `ws://127.0.0.1:${server.port}`;
    for (const team of TEAMS) {
      const d = await joinTable(url, code, team);
      await d.next('welcome');
      await d.room.leave(true);
    }
    await expect.poll(() => fac.locator('.lv-card').count(), { timeout: 20_000 }).toBe(2);
    const projB = await launchBrowser({ width: 1280, height: 720 });
    held.keep(projB);
    proj = await projB.context.newPage();
    await proj.goto(`http://127.0.0.1:${server.port}/live.html?projector=${code}`);
    await fac.getByText('Start all').click();
    await fac.locator('.lv-round', { hasText: /^running · [1-9]:\d\d of/ }).first().waitFor({ timeout: 60_000 });
    await fac.getByText('End all').click();
    await expect.poll(() => fac.locator('.lv-card[data-status="over"]').count(), { timeout: 20_000 }).toBe(2);
  });

  it('the projector shows every table’s score, no table’s results nobody chose, and says so; a pick shows that table', { timeout: 120_000 }, async () => {
    type Shown = { showing: string; chosen: boolean; table: string | null };
    const shown = () => proj.evaluate(() => window.__rippleLive!.info() as unknown as Shown);
    await expect.poll(async () => (await shown()).showing, { timeout: 60_000 }).toBe('scores');
    const note = proj.locator('.lv-projector-note');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toMatch(/^The round is over: every table’s score/);
    const lines = await proj.locator('.lv-projector-scores p').allTextContents();
    const cards = await fac.locator('.lv-card .lv-score').allTextContents();
    // The same scores as the facilitator's cards ("Final score 34").
    expect(lines).toEqual(TEAMS.map((t, i) => `${t}: Score ${/\d+/.exec(cards[i]!)?.[0]}`));
    expect((await shown()).chosen).toBe(false);
    await proj.screenshot({ path: 'e2e/artifacts/faclive-01-projector-scores.png' });
    // The facilitator puts the Laptop table on: its results, and the words say it was chosen.
    await fac.locator('.lv-card', { hasText: 'Laptop table' }).getByText('Show on projector').click();
    await expect.poll(async () => { const s = await shown(); return `${s.showing} ${s.chosen}`; }, { timeout: 30_000 }).toBe('results true');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toBe('Laptop table: results, as the facilitator chose.');
    expect(await proj.locator('.lv-projector-scores').isHidden()).toBe(true);
    await proj.screenshot({ path: 'e2e/artifacts/faclive-01b-projector-chosen.png' });
    // Taken off again: back to the scores.
    await fac.locator('.lv-card', { hasText: 'Laptop table' }).getByText('On the projector').click();
    await expect.poll(async () => (await shown()).showing, { timeout: 30_000 }).toBe('scores');
  });

  it('the debrief’s charts fit the window and the keys reach each of them, at 1280x720 and 1024x768', { timeout: 180_000 }, async () => {
    await fac.getByRole('button', { name: 'Debrief', exact: true }).click();
    await fac.locator('.lv-debrief canvas').first().waitFor({ timeout: 30_000 });
    // The debrief has the focus: the keys scroll the page, not the button that opened it.
    await fac.waitForFunction(() => document.activeElement?.classList.contains('lv-debrief'));
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ]) {
      await fac.setViewportSize(size);
      // The charts follow the window's width a moment later.
      await expect
        .poll(() => fac.$$eval('.lv-debrief canvas', (cs) => Math.max(...cs.map((c) => c.getBoundingClientRect().right))), { timeout: 15_000 })
        .toBeLessThanOrEqual(size.width);
      await key(fac, 'Home');
      const boxes = await charts(fac);
      const names = boxes.map((b) => b.title.replace(/ #\d+$/, ''));
      expect(names).toEqual(expect.arrayContaining(['How the customers fared', 'Tickets waiting at each desk']));
      console.log(size, JSON.stringify(boxes));
      for (const b of boxes) expect(b.bottom - b.top, `${b.title} fits ${size.height} px`).toBeLessThanOrEqual(size.height);
      await fac.screenshot({ path: `e2e/artifacts/faclive-02-debrief-${size.width}x${size.height}.png` });
      // PageDown, Space and End scroll the page; Home comes back.
      for (const k of ['PageDown', 'Space', 'End']) {
        const y = await fac.evaluate(() => scrollY);
        await key(fac, k);
        expect(await fac.evaluate(() => scrollY), `${k} scrolls down`).toBeGreaterThan(y);
      }
      expect(await fac.evaluate(() => Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight))).toBeLessThanOrEqual(2);
      await key(fac, 'Home');
      expect(await fac.evaluate(() => scrollY)).toBe(0);
      // Down the page with the arrow key: every chart is whole on the screen at some point.
      const seen = new Set<string>();
      let stuck = 0;
      for (let i = 0; i < 200; i++) {
        for (const b of await charts(fac)) if (b.top >= 0 && b.bottom <= size.height) seen.add(b.title);
        if (boxes.every((b) => seen.has(b.title))) break;
        const y = await fac.evaluate(() => scrollY);
        await key(fac, 'ArrowDown');
        // At the bottom the key moves nothing (a busy frame may delay a scroll: try twice more).
        if ((await fac.evaluate(() => scrollY)) === y) stuck += 1;
        else stuck = 0;
        if (stuck >= 3) break;
      }
      expect([...seen].sort()).toEqual(boxes.map((b) => b.title).sort());
      await key(fac, 'Home');
      await key(fac, 'PageDown');
      await fac.screenshot({ path: `e2e/artifacts/faclive-03-debrief-pagedown-${size.width}x${size.height}.png` });
    }
    // Playtest 8, finding 18: the page says how the room sees the debrief, and draws it at projector size.
    expect(await fac.locator('.lv-debrief-how').textContent()).toContain('put this window on the projector');
    await fac.getByLabel('Projector size').check();
    await fac.locator('.lv-debrief .rx-debrief.rx-projector').waitFor({ timeout: 15_000 });
    expect(await fac.locator('.lv-debrief .rx-debrief').count()).toBe(1);
    await key(fac, 'Home');
    await fac.screenshot({ path: 'e2e/artifacts/faclive-04-debrief-projector-size.png' });
  });
});

/** Presses a key and waits until the page has stopped scrolling (keyboard scrolls may be animated). */
async function key(page: Page, k: string): Promise<void> {
  await page.keyboard.press(k);
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = -1;
        let same = 0;
        const look = () => {
          same = scrollY === last ? same + 1 : 0;
          last = scrollY;
          if (same >= 5) done();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}
