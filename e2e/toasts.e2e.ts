/**
 * A toast that is no longer true goes (blind playtest: "Grant it when you can" stayed up after the
 * grant). Level 4: IT's request opens, the player pauses, reads it and grants it with G; the ask leaves
 * the screen at once, still paused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBoard, type GamePage } from './harness';
import { press, skipUntil, waitForToast } from './helpers';

let game: GamePage;
beforeAll(async () => {
  game = await openBoard('?level=it-upgrade&seed=3', { width: 1280, height: 720 });
});
afterAll(async () => game?.close());

const ASK = 'Grant it when you can';

describe('toasts about a state', () => {
  it('withdraws "Grant it when you can" as soon as the request is granted', async () => {
    const page = game.page;
    await skipUntil(page, 'the request to open (at 30 s)', (v) => v.t >= 31, { step: 5 });
    await waitForToast(page, new RegExp(ASK));
    await press(page, ' ');
    const onScreen = () =>
      page.evaluate((a) => window.__ripple!.texts().some((t) => t.text.includes(a)), ASK);
    await expect.poll(onScreen).toBe(true);
    await page.waitForTimeout(300);
    await game.shot('toasts-01-ask-paused');
    await press(page, 'g');
    await expect.poll(onScreen).toBe(false);
    const st = await page.evaluate(() => window.__ripple!.state());
    expect(st.toasts.some((t) => t.includes(ASK))).toBe(false);
    expect(st.speed, 'still paused: it went because it was no longer true, not because time passed').toBe(0);
    // The grant was taken (the sim's log has it).
    const log = await page.evaluate(() => window.__ripple!.sim()!.commandLog.map((c) => c.cmd.type));
    expect(log).toContain('grant');
    await page.waitForTimeout(300);
    await game.shot('toasts-02-granted');
  });
});
