/**
 * The live session in real browsers on loopback: the room server (server/main.ts) serves the built game
 * and live.html; a facilitator and two tables, each in its own browser, join by code, the round starts
 * for all, a table reloads and keeps its seat, the server is killed (kill -9) and started again and the
 * tables are still there, and the export holds every table's official result.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, type SpawnedServer, spawnRoomServer } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const journal = mkdtempSync(join(tmpdir(), 'ripple-live-e2e-'));
const held = holder();
afterAll(() => held.closeAll());

/** The room server in its own process; port 0 picks a free one, a number restarts it where the pages look. */
async function startServer(port = 0): Promise<SpawnedServer> {
  const server = await spawnRoomServer(['--dist', dist, '--journal', journal], port);
  held.keep(server.child);
  return server;
}

describe('live session in the browser', () => {
  it('a facilitator and two tables on their own browsers: join, start, reload, server restart, export', async () => {
    let server = await startServer();
    const port = server.port;
    const base = `http://127.0.0.1:${port}/live.html`;
    const facB = await launchBrowser({ width: 1280, height: 720 });
    held.keep(facB);
    const fac = await facB.context.newPage();
    await fac.goto(`${base}?facilitator=1`);
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);

    const tables = [];
    for (const team of ['Blue <b>Team</b>', 'Red']) {
      const b = await launchBrowser({ width: 800, height: 600 });
      held.keep(b);
      const p = await b.context.newPage();
      await p.goto(base);
      await p.getByLabel('Join code').fill(code.toLowerCase());
      await p.getByLabel('Team name').fill(team);
      await p.getByRole('button', { name: 'Join', exact: true }).click();
      await p.getByText('Connected').waitFor({ timeout: 20_000 });
      tables.push(p);
    }
    await fac.locator('.lv-team', { hasText: 'Red' }).waitFor({ timeout: 20_000 });
    await fac.getByText('Start all').click();
    await tables[0]!.getByText(/Round running/).waitFor({ timeout: 20_000 });
    // The team name is shown as typed, as text.
    expect(await tables[0]!.locator('h1').textContent()).toBe('Blue <b>Team</b>');

    // A reload keeps the table's seat (its device token is in session storage).
    await tables[0]!.reload();
    await tables[0]!.waitForFunction(
      () => {
        const i = window.__rippleLive?.info();
        return i?.showing === 'play' && i.seats.includes('board');
      },
      null,
      { timeout: 20_000 },
    );

    // kill -9 and start again: the session, its tables and their rounds are back.
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    const note = fac.locator('#live > .msg');
    await note.filter({ hasText: /room server (stopped|does not answer)/ }).waitFor({ timeout: 20_000 });
    server = await startServer(port);
    // The facilitator's page joins the same session again by itself (no reload).
    await expect.poll(() => note.textContent(), { timeout: 30_000 }).toBe('');
    await fac.locator('.code', { hasText: code }).waitFor({ timeout: 20_000 });
    await fac.locator('.lv-team', { hasText: 'Red' }).waitFor({ timeout: 20_000 });
    await fac.getByText('End all').click();
    await fac.locator('.lv-round', { hasText: 'over' }).first().waitFor({ timeout: 20_000 });
    const download = fac.waitForEvent('download');
    await fac.getByText('Export JSON').click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      session: string;
      results: Array<{ team: string; hash: string }>;
    };
    expect(exported.session).toBe(code);
    expect(exported.results.map((r) => r.team).sort()).toEqual(['Blue <b>Team</b>', 'Red']);
    for (const r of exported.results) expect(r.hash).toMatch(/^[0-9a-f]+$/);
    await fac.screenshot({ path: join('e2e', 'artifacts', 'live-facilitator.png') });
  });
});
