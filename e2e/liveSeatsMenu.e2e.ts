/**
 * Read in full with six desks (level 7, one department each): the facilitator's level menu and live
 * event menu show their whole choice at 1280x720 (the level menu cut "Every Job Is a Custo…"), and a
 * table's desk buttons are one row in the level's order of desks on a laptop, a tablet and a phone
 * sideways, and two even rows of three on a phone upright, every label inside its button. The
 * facilitator's page and the projector at 1366x768 and 1920x1080 have no text under 14 CSS px or cut.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, spawnRoomServer, tempJournalDir } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

/** Each menu's chosen words, and whether they fit inside it (with its padding and its arrow). */
function menus(p: Page) {
  return p.$$eval('#live select', (selects) =>
    (selects as HTMLSelectElement[]).map((s) => {
      const cs = getComputedStyle(s);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = cs.font;
      const text = s.selectedOptions[0]?.text ?? '';
      const need = ctx.measureText(text).width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + 20;
      return { text, fits: need <= s.clientWidth };
    }),
  );
}

/** A walk over the page's texts: any under 14 CSS px, off the screen, or wider than its box that clips it. */
function unreadable(p: Page) {
  return p.evaluate(() => {
    const found: string[] = [];
    let walked = 0;
    for (const e of document.querySelectorAll<HTMLElement>('body *')) {
      if (e.getClientRects().length === 0 || e.closest('[hidden]')) continue;
      const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own && !['SELECT', 'INPUT', 'BUTTON'].includes(e.tagName)) continue;
      walked++;
      const cs = getComputedStyle(e);
      const what = `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
      const r = e.getBoundingClientRect();
      if (parseFloat(cs.fontSize) < 14) found.push(`${cs.fontSize} ${what}`);
      if (r.left < -1 || r.right > innerWidth + 1) found.push(`off the screen: ${what}`);
      if (cs.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) found.push(`cut: ${what}`);
    }
    return { found, walked };
  });
}

/** The table's desk items (buttons, and "X: taken"), with their places and whether their words fit. */
function seats(p: Page) {
  return p.$$eval('.lv-seats > *', (items) =>
    items.map((e) => {
      const r = e.getBoundingClientRect();
      return {
        text: e.textContent!,
        top: Math.round(r.top),
        left: Math.round(r.left),
        right: r.right,
        inside: e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1,
      };
    }),
  );
}

describe('live: six desks read in full', () => {
  it('the facilitator’s menus show their whole choice; a table’s six desks are one row, or two rows of three on a phone upright', { timeout: 240_000 }, async () => {
    const journal = tempJournalDir();
    const server = await spawnRoomServer(['--dist', dist, '--journal', journal]);
    held.keep(server.child);
    const base = `http://127.0.0.1:${server.port}/live.html`;
    const facB = held.keep(await launchBrowser({ width: 1280, height: 720 }));
    const fac = await facB.context.newPage();
    await fac.goto(`${base}?facilitator=1`);
    await fac.locator('select').selectOption('departments');
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;
    await fac.getByLabel('Level', { exact: true }).selectOption('every-job');
    await expect
      .poll(() => menus(fac), { timeout: 10_000 })
      .toEqual([
        { text: 'Every Job Is a Customer Service Job', fits: true },
        { text: 'Billing system down', fits: true },
      ]);
    await fac.screenshot({ path: join('e2e', 'artifacts', 'live-menus-facilitator.png') });
    // The facilitator's page and the projector at a laptop's 1366x768 and at 1920x1080: no text under
    // 14 CSS px, none off the screen or cut by its box, every menu's choice in full.
    const projB = held.keep(await launchBrowser({ width: 1366, height: 768 }));
    const proj = await projB.context.newPage();
    await proj.goto(`${base}?projector=${code}`);
    await proj.locator('.lv-brief-title').waitFor({ timeout: 30_000 });
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ])
      for (const [who, p] of [
        ['facilitator', fac],
        ['projector', proj],
      ] as const) {
        await p.setViewportSize(size);
        await p.waitForFunction(([w, h]) => innerWidth === w && innerHeight === h, [size.width, size.height] as const);
        const walk = await unreadable(p);
        expect(walk.walked, `${who}: texts were found`).toBeGreaterThan(10);
        expect(walk.found, `${who} at ${size.width}x${size.height}`).toEqual([]);
      }

    const tableB = held.keep(await launchBrowser({ width: 1280, height: 720 }));
    const table = await tableB.context.newPage();
    await table.goto(base);
    await table.getByLabel('Join code').fill(code);
    await table.getByLabel('Team name').fill('Table A');
    await table.getByRole('button', { name: 'Join', exact: true }).click();
    // Taking a desk that is not the first one must not change the order of the row.
    await table.getByRole('button', { name: 'Take Billing' }).click();
    await table.getByRole('button', { name: 'Give back Billing' }).waitFor({ timeout: 20_000 });
    const order = ['Take Tier 1', 'Take Tier 2', 'Take Supervisor', 'Give back Billing', 'Take IT', 'Take HR'];
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
      { width: 844, height: 390 },
    ]) {
      await table.setViewportSize(size);
      await expect.poll(async () => (await seats(table)).map((s) => s.text), { timeout: 10_000 }).toEqual(order);
      const row = await seats(table);
      expect(new Set(row.map((s) => s.top)).size, `${size.width}x${size.height}: one row`).toBe(1);
      for (const s of row) {
        expect(s.inside, `${size.width}: "${s.text}" inside its button`).toBe(true);
        expect(s.right, `${size.width}: "${s.text}" on the screen`).toBeLessThanOrEqual(size.width);
      }
    }
    await table.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(async () => new Set((await seats(table)).map((s) => s.top)).size, { timeout: 10_000 })
      .toBe(2);
    const grid = await seats(table);
    expect(grid.map((s) => s.text)).toEqual(order);
    // Two even rows: three a row, in the same three places.
    expect(grid.slice(3).map((s) => s.left)).toEqual(grid.slice(0, 3).map((s) => s.left));
    for (const s of grid) {
      expect(s.inside, `390: "${s.text}" inside its button`).toBe(true);
      expect(s.right).toBeLessThanOrEqual(390);
    }
    await table.screenshot({ path: join('e2e', 'artifacts', 'live-menus-phone-upright.png') });
  });
});
