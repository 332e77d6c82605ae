/**
 * A ticket sent with the mouse (playtest 8, item 11): after a drag, or a click on the ticket then on a
 * department, no desk keeps the keyboard's focus ring and the bottom line gives the mouse's help, not
 * the keyboard's ("Tab or arrows: another department. Escape: back."). Level 1 at 1366x768.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, trackGame } from './harness';
import { clickTicket, dragTicket, press, screenPos, waitForReady, waitRouted } from './helpers';

const games = trackGame();

const KEY_HELP = /Tab or arrows: another department|press Enter to pick/;
/** The bottom line when nothing is chosen: a ticket to drag, or where work comes from. */
const POINTER_HELP = /^(A ticket is ready at .*: drag it onto|Customers arrive on the left)/;

/** The bottom line, once the "Sent" message after a send has gone (waited for, never timed). */
async function helpLine(page: Page): Promise<string> {
  const h = await page.waitForFunction(
    (re) => {
      const pattern = new RegExp(re);
      const hit = window.__ripple!.texts().find((t) => t.scene === 'play' && pattern.test(t.text));
      return hit?.text ?? null;
    },
    String.raw`^(A ticket is ready at |Customers arrive on the left|.* has nothing ready to send yet|.*: press Enter to pick)`,
    { polling: 'raf', timeout: 20_000 },
  );
  return (await h.jsonValue()) as string;
}

describe('a ticket sent with the mouse', () => {
  for (const how of ['drag', 'click then click'] as const)
    it(`by ${how}: no desk stays ringed and the bottom line helps the mouse`, async () => {
      const game = games.keep(await openBoard('?level=right-desk&seed=3', { width: 1366, height: 768 }));
      const page = game.page;
      const r = await waitForReady(page);
      const to = await screenPos(page, 'dept', r.right);
      if (how === 'drag') await dragTicket(page, r.id, to);
      else {
        await clickTicket(page, r.id);
        await page.mouse.click(to.x, to.y);
      }
      await waitRouted(page, r.id, r.right);
      await press(page, ' '); // paused: the board holds still while the line is read
      const sel = (await page.evaluate(() => window.__ripple!.state())).selection;
      expect(sel, 'nothing picked or ringed after the send').toMatchObject({ dept: null, ticket: null });
      const line = await helpLine(page);
      const kinds = (await page.evaluate(() => window.__ripple!.deskKinds())) ?? {};
      expect(Object.values(kinds), 'no desk reads as focused or sending').not.toContain('focus');
      expect(Object.values(kinds)).not.toContain('from');
      await game.shot(`mouse-help-${how === 'drag' ? 'drag' : 'click'}`);
      expect(line).not.toMatch(KEY_HELP);
      expect(line).toMatch(POINTER_HELP);
    });
});
