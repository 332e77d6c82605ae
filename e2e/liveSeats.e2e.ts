/**
 * A live table where each person takes one department, in real browsers on loopback: a device sees the
 * seats it can take (by department name) and the waiting line as soon as it joins, before anyone took a
 * seat; a wrong code is said plainly; the facilitator's page says how tables play and who plays which
 * desk in plain words; a device that holds Billing cannot pick Tier 1's ticket and is told whose it is,
 * and its bottom line never points it at Tier 1's tray.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, spawnRoomServer } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

async function device(base: string): Promise<Page> {
  const b = await launchBrowser({ width: 1280, height: 720 });
  held.keep(b);
  const p = await b.context.newPage();
  await p.goto(base);
  return p;
}

async function joinAs(p: Page, code: string, team: string): Promise<void> {
  await p.getByLabel('Join code').fill(code);
  await p.getByLabel('Team name').fill(team);
  await p.getByRole('button', { name: 'Join', exact: true }).click();
}

describe('live: one department per person', () => {
  it('seats at once on joining, a plain wrong-code message, and no pick at a desk another person holds', async () => {
    const journal = mkdtempSync(join(tmpdir(), 'ripple-live-seats-'));
    const server = await spawnRoomServer(['--dist', dist, '--journal', journal, '--speed', '4']);
    held.keep(server.child);
    const base = `http://127.0.0.1:${server.port}/live.html`;
    const facB = await launchBrowser({ width: 1280, height: 720 });
    held.keep(facB);
    const fac = await facB.context.newPage();
    await fac.goto(`${base}?facilitator=1`);
    await fac.locator('select').selectOption('departments');
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;
    await fac.getByText('How tables play: each person of a table takes one department.').waitFor();

    const wrong = await device(base);
    await joinAs(wrong, 'ZZZZZZ', 'Lost');
    await wrong
      .getByText('No session has the code ZZZZZZ. Check the code on the facilitator\u2019s screen.')
      .waitFor({ timeout: 20_000 });

    // Two devices of one table: each sees every seat by its department's name, and the waiting line, at once.
    const a = await device(base);
    await joinAs(a, code, 'Table A');
    const b = await device(base);
    // Typed in other letters, the same table: its header names the table as the room does (playtest 8, 27).
    await joinAs(b, code, 'table a');
    await expect.poll(() => b.locator('.lv-head h1').textContent(), { timeout: 20_000 }).toBe('Table A');
    for (const p of [a, b]) {
      await p.getByRole('button', { name: 'Take Tier 1' }).waitFor({ timeout: 20_000 });
      expect(await p.locator('.lv-seats button').allTextContents()).toEqual([
        'Take Tier 1',
        'Take Billing',
        'Take Tech Support',
      ]);
      await p.getByText(/Waiting for the facilitator to start the round/).waitFor();
    }
    await a.getByRole('button', { name: 'Take Tier 1' }).click();
    await b.getByText('Tier 1: taken').waitFor({ timeout: 20_000 });
    await b.getByRole('button', { name: 'Take Billing' }).click();
    await b.getByRole('button', { name: 'Give back Billing' }).waitFor({ timeout: 20_000 });
    await fac
      .locator('.lv-seats-line', {
        hasText: '2 devices · Tier 1, Billing: played by the table · Tech Support: the computer',
      })
      .waitFor({ timeout: 20_000 });

    await fac.getByText('Start all').click();
    // Nobody plays Tier 1 (its person only watches): a ticket waits in its tray.
    await b.waitForFunction(
      () => (window.__ripple?.sim()?.departments.find((d) => d.id === 'tier-1')?.outbox.length ?? 0) > 0,
      null,
      { timeout: 60_000 },
    );
    const hint = () =>
      b.evaluate(() =>
        window
          .__ripple!.texts()
          .map((t) => t.text)
          .join('\n'),
      );
    expect(await hint()).not.toMatch(/ready at Tier 1/);
    // A ticket that just reached the tray may still be gliding there: click where it is now until the board answers.
    const said = () => b.evaluate(() => window.__ripple!.toastLog().join('\n'));
    for (let n = 0; n < 20 && !(await said()).includes("Tier 1's work"); n++) {
      const at = await b.evaluate(() => {
        const id = window.__ripple!.sim()!.departments.find((d) => d.id === 'tier-1')!.outbox[0];
        return id === undefined ? null : window.__ripple!.ticketScreenPos(id);
      });
      if (at) await b.mouse.click(at.x, at.y);
      await b.waitForTimeout(250);
    }
    expect(await said()).toContain("Tier 1's work is for the person at Tier 1.");
    expect(await b.evaluate(() => window.__ripple!.state().selection.ticket)).toBeNull();
    await b.screenshot({ path: join('e2e', 'artifacts', 'live-seats-billing.png') });
    await a.screenshot({ path: join('e2e', 'artifacts', 'live-seats-tier1.png') });
    await fac.screenshot({ path: join('e2e', 'artifacts', 'live-seats-facilitator.png') });

    // After "End all" the card shows the final score and no round controls.
    await fac.getByText('End all').click();
    await fac.locator('.lv-score', { hasText: /^Final score \d+$/ }).waitFor({ timeout: 20_000 });
    const card = fac.locator('.lv-card').first();
    for (const name of ['Pause', '+1 min', 'End'])
      await expect.poll(() => card.getByRole('button', { name, exact: true }).count()).toBe(0);
    await fac.screenshot({ path: join('e2e', 'artifacts', 'live-seats-facilitator-ended.png') });
  });
});
