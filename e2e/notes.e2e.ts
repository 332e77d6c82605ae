/**
 * A ticket the player sent is on its way even while the sender still writes its notes: it stays in the
 * sender's "Ready to send" tray (marked "writing notes"), not back in the line, and then leaves for the
 * desk the player chose. A first-time player who saw it jump back into the line thought the game had
 * refused the handoff.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openBoard, trackGame, type GamePage } from './harness';
import { clickTicket, press, screenPos, sim, skipUntil, waitForReady } from './helpers';

const games = trackGame();
let game: GamePage;

beforeAll(async () => {
  game = games.keep(await openBoard('?level=clear-notes&facilitator=1&seed=3'));
});

describe('handoff notes', () => {
  it("keeps a sent ticket in the sender's tray while its notes are written, then sends it on", async () => {
    const page = game.page;
    const r = await waitForReady(page);
    await press(page, ' '); // pause: sim time stands still while we look
    await press(page, 't'); // thorough notes take the longest to write
    await clickTicket(page, r.id);
    await page.mouse.click(...(Object.values(await screenPos(page, 'dept', r.right)) as [number, number]));

    const t0 = (await sim(page)).tickets.find((x) => x.id === r.id)!;
    expect(t0.dept, 'still at the sender while the notes are written').toBe(r.from);
    expect(t0.sendingTo).toBe(r.right);
    expect(['queued', 'service']).toContain(t0.phase);

    // Either a person at the sender writes the notes now (the token sits with that person), or everyone
    // there is busy and it waits in the sender's tray, behind any ready tickets: never in the line.
    await page.waitForTimeout(400);
    await game.shot('notes-01-writing-notes');
    if (t0.phase === 'service') {
      expect(t0.job?.kind).toBe('notes');
    } else {
      const tok = await screenPos(page, 'ticket', r.id);
      const tray = await screenPos(page, 'outbox', r.from);
      const card = await screenPos(page, 'dept', r.from);
      expect(tok.y, 'token sits in the tray, below the line').toBeGreaterThan(card.y);
      expect(Math.abs(tok.y - tray.y), 'token sits in the tray').toBeLessThan(
        Math.abs(tray.y - card.y) * 1.5,
      );
    }

    await press(page, ' ');
    const after = await skipUntil(page, 'the notes are written and the ticket leaves', (v) => {
      const t = v.tickets.find((x) => x.id === r.id);
      return !t || t.sendingTo === null;
    });
    const t1 = after.tickets.find((x) => x.id === r.id);
    if (t1) expect(t1.dept, 'it went where the player sent it').toBe(r.right);
  });
});
