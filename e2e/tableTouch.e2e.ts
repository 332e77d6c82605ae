/**
 * Blind playtest 8, finding 16: a phone that types the join code and its team name on its on-screen
 * keyboard still reads the table's briefing in tap words, with no key hints (a key typed in a text
 * field does not show that the device has a keyboard of its own).
 */
import '../server/nodeWebSocket';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, holder, spawnRoomServer, tempJournalDir } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

describe('a table’s briefing on a touch phone', () => {
  it('says tap, with no keys, after the join form was typed', { timeout: 240_000 }, async () => {
    const server = await spawnRoomServer(['--dist', dist, '--journal', tempJournalDir()]);
    held.keep(server.child);
    const fac = held.keep(await createSession(`ws://127.0.0.1:${server.port}`));
    const code = (await fac.next<{ code: string }>('welcome')).code;
    const b = held.keep(await launchBrowser({ width: 844, height: 390 }, { touch: true, mobile: true }));
    const phone = await b.context.newPage();
    await phone.goto(`http://127.0.0.1:${server.port}/live.html`);
    await phone.getByLabel('Join code').tap();
    await phone.keyboard.type(code.toLowerCase(), { delay: 20 });
    await phone.getByLabel('Team name').tap();
    await phone.keyboard.type('foxes', { delay: 20 });
    await phone.getByRole('button', { name: 'Join', exact: true }).tap();
    const how = phone.locator('.lv-brief-how');
    await how.waitFor({ timeout: 60_000 });
    const words = (await how.textContent())!;
    expect(words).toMatch(/\btap\b/);
    expect(words).not.toMatch(/\bclick\b/);
    expect(words).not.toContain('Keys:');
  });
});
