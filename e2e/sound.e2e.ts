/**
 * Issue #8, sound: nothing plays (or loads) before the player does something; the first click unlocks
 * audio, the sprite loads without errors, and clicks and handoffs then play their cues. Turning sound
 * effects off in the settings silences them.
 */
import { describe, expect, it } from 'vitest';
import { openGame, trackGame, waitForScreen, type GamePage } from './harness';
import {
  clickTicket,
  findColourOnColumn,
  levelCardPos,
  press,
  screenPos,
  waitForReady,
  waitRouted,
} from './helpers';

const games = trackGame();
let game: GamePage;

const audio = (g: GamePage) => g.page.evaluate(() => window.__ripple!.audio);
const TEAL: [number, number, number] = [0x3c, 0xc6, 0xb8];

describe('sound', () => {
  it('unlocks on the first click, loads the sprite and plays UI and handoff cues', async () => {
    game = games.keep(await openGame());
    const page = game.page;
    const sprite: { url: string; status: number }[] = [];
    page.on('response', (r) => {
      if (/\/audio\/sfx\.(mp3|ogg|webm|m4a)/.test(r.url())) sprite.push({ url: r.url(), status: r.status() });
    });
    await waitForScreen(page, 'title');
    await page.waitForTimeout(300);
    // Before any gesture: silent, nothing loaded.
    expect(await audio(game)).toEqual({ ready: false, lastPlayed: null, playedCount: 0 });
    expect(sprite).toEqual([]);

    // First gesture: a click on the teal Play button.
    const vp = page.viewportSize()!;
    const play = await findColourOnColumn(page, vp.width / 2, TEAL);
    expect(play, 'the Play button is on screen').not.toBeNull();
    await page.mouse.click(play!.x, play!.y);
    await waitForScreen(page, 'select');
    await page.waitForFunction(() => window.__ripple!.audio.ready, undefined, { timeout: 10_000 });
    expect(sprite.length).toBeGreaterThan(0);
    expect(sprite.every((s) => s.status === 200 || s.status === 206)).toBe(true);

    // A click on the level card plays the UI click.
    const before = (await audio(game)).playedCount;
    await page.waitForTimeout(200);
    const card = await levelCardPos(page, 'right-desk');
    await page.mouse.click(card.x, card.y);
    await waitForScreen(page, 'briefing');
    await page.waitForFunction((n) => window.__ripple!.audio.playedCount > n, before, { timeout: 5000 });
    expect((await audio(game)).lastPlayed).toBe('click');

    // In play: a handoff plays its cue.
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'play');
    await press(page, '3');
    const r = await waitForReady(page);
    const n0 = (await audio(game)).playedCount;
    await clickTicket(page, r.id);
    const to = await screenPos(page, 'dept', r.right);
    await page.mouse.click(to.x, to.y);
    await waitRouted(page, r.id, r.right);
    await page.waitForFunction((n) => window.__ripple!.audio.playedCount >= n + 2, n0, { timeout: 5000 });
    // Let the board run a little with sound on: no warnings from the audio side.
    await page.waitForTimeout(1500);
  });

  it('plays no effects when sound effects are turned off in the settings', async () => {
    game = games.keep(await openGame());
    const page = game.page;
    await waitForScreen(page, 'title');
    await page.waitForTimeout(300);
    await page.keyboard.press('s');
    await page.waitForSelector('input[name="sfx"]');
    await page.click('input[name="sfx"]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
    await page.waitForFunction(() => window.__ripple!.audio.ready, undefined, { timeout: 10_000 });
    expect((await page.evaluate(() => window.__ripple!.state())).settings.sfx).toBe(false);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'briefing');
    await page.waitForTimeout(300);
    expect((await audio(game)).playedCount).toBe(0);
  });
});
