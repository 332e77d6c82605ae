/**
 * A table's first join mid-round, in real browsers on loopback: a device that opens the table link for
 * the first time while its table's round runs (a fresh browser, nothing in its session storage) shows
 * the running board, not the briefing (which waits behind "Briefing"); paused, its board's state hash is
 * the one the table's other device has at the same time; and it can act: it takes a desk and routes a
 * ticket from it, and the server's log brings the command back.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, spawnRoomServer, tempJournalDir } from '../server/testing';
import { launchBrowser } from './browser';
import { dragTicket, findReady, sim } from './helpers';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

const info = (p: Page) => p.evaluate(() => window.__rippleLive!.info());
const briefingShown = (p: Page) =>
  p.evaluate(() => {
    const b = document.querySelector<HTMLElement>('.lv-brief');
    return !!b && !b.hidden;
  });

describe('live: a table’s first join mid-round', () => {
  it('a new device opened on the table link mid-round shows the running board, matches the round’s hash and can act', { timeout: 240_000 }, async () => {
    const journal = tempJournalDir();
    const server = await spawnRoomServer(['--dist', dist, '--journal', journal, '--speed', '4']);
    held.keep(server.child);
    const base = `http://127.0.0.1:${server.port}/live.html`;
    const open = async (url: string) => {
      const b = held.keep(await launchBrowser({ width: 1280, height: 720 }));
      const p = await b.context.newPage();
      await p.goto(url);
      return p;
    };
    const fac = await open(`${base}?facilitator=1`);
    await fac.locator('select').selectOption('departments');
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;

    // The table's first device joins before the round and takes Billing.
    const first = await open(base);
    await first.getByLabel('Join code').fill(code);
    await first.getByLabel('Team name').fill('Table A');
    await first.getByRole('button', { name: 'Join', exact: true }).click();
    await first.getByRole('button', { name: 'Take Billing' }).click();
    await first.getByRole('button', { name: 'Give back Billing' }).waitFor({ timeout: 20_000 });
    await fac.getByText('Start all').click();
    await first.waitForFunction(() => {
      const i = window.__rippleLive?.info();
      return i?.showing === 'play' && (i.boardT ?? 0) >= 10;
    }, null, { timeout: 60_000 });

    // A new device opens the table link (the join code in it) for the first time, 10 s into the round.
    const late = await open(`${base}?code=${code}`);
    await late.getByLabel('Team name').fill('Table A');
    await late.getByRole('button', { name: 'Join', exact: true }).click();
    await late.waitForFunction(() => window.__rippleLive?.info().showing === 'play', null, { timeout: 60_000 });
    await late.waitForFunction(() => window.__ripple?.sim() != null, null, { timeout: 30_000 });
    expect((await sim(late)).t, 'the board caught up with the round').toBeGreaterThanOrEqual(10);
    expect(await briefingShown(late), 'the running board, not the briefing').toBe(false);
    await late.getByRole('button', { name: 'Briefing', exact: true }).waitFor({ timeout: 10_000 });
    await late.screenshot({ path: join('e2e', 'artifacts', 'live-late-join-board.png') });

    // Paused: both devices of the table stop at the same time, with the same state hash.
    await fac.getByText('Pause all').click();
    // Each board stopped where the server's round stopped: its time is the server's.
    const stopped = async (p: Page) => {
      const i = await info(p);
      return i.paused && i.boardT === i.serverT ? { t: i.boardT, hash: i.hash } : null;
    };
    const both = async () => {
      const [a, b] = [await stopped(first), await stopped(late)];
      return a && b && a.t === b.t && a.hash === b.hash ? 'the same' : JSON.stringify([a, b]);
    };
    await expect.poll(both, { timeout: 30_000 }).toBe('the same');
    expect((await stopped(late))!.hash).toMatch(/^[0-9a-f]+$/);
    await fac.getByText('Resume all').click();
    await late.waitForFunction(() => window.__rippleLive?.info().paused === false, null, { timeout: 30_000 });

    // It can act: it takes Tier 1 and routes a ticket from Tier 1's tray with the mouse.
    await late.getByRole('button', { name: 'Take Tier 1' }).click();
    await late.getByRole('button', { name: 'Give back Tier 1' }).waitFor({ timeout: 20_000 });
    const fromTier1 = async () => {
      const s = await sim(late);
      const elsewhere = s.departments.filter((d) => d.id !== 'tier-1').flatMap((d) => d.outbox);
      return findReady(s, { exclude: elsewhere });
    };
    let routed: number | null = null;
    for (let attempt = 1; routed === null; attempt++) {
      await expect.poll(fromTier1, { timeout: 60_000 }).not.toBeNull();
      const ready = (await fromTier1())!;
      const to = await late.evaluate((id) => window.__ripple!.deptScreenPos(id), ready.right);
      try {
        await dragTicket(late, ready.id, to!);
        await late.waitForFunction(
          (id) => window.__ripple!.sim()!.commandLog.some((c) => c.cmd.type === 'route' && c.cmd.ticket === id),
          ready.id,
          { timeout: 15_000 },
        );
        routed = ready.id;
      } catch (err) {
        // At 4x a customer may give up before the drag lands: then another ticket.
        const gone = await late.evaluate((id) => !window.__ripple!.sim()!.tickets.some((x) => x.id === id), ready.id);
        if (!gone || attempt >= 4) throw err;
      }
    }
    await expect.poll(async () => (await info(late)).acked, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await info(late)).refused).toBe(0);
  });
});
