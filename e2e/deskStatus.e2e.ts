/**
 * A desk's status pill says the truth around a level event that takes its people away (level 7: the
 * supervisor is called into a meeting at 3:00 for 90 s). The supervisor finishes the job in hand first:
 * then the pill reads "Leaving", never "OK"; once they have gone, "Down"; when they are back, the line's
 * own status again, with the person there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openGame, startBoard, type GamePage } from './harness';
import { layoutCards } from '../src/game/play/layout';

const level = JSON.parse(readFileSync(join(process.cwd(), 'levels', '07-every-job.json'), 'utf8')) as {
  departments: { id: string; position: { x: number; y: number } }[];
  events: { kind: string; at?: number; department?: string; durationSeconds?: number }[];
};
const meeting = level.events.find((e) => e.kind === 'absence' && e.department === 'supervisor')!;
const card = layoutCards(level.departments.map((d) => d.position))[
  level.departments.findIndex((d) => d.id === 'supervisor')
]!;

let game: GamePage;
beforeAll(async () => {
  game = await openGame('', { viewport: { width: 1280, height: 720 } });
});
afterAll(async () => {
  await game?.close();
});

type Sup = { t: number; busy: number; away: number; staff: number };
const supervisor = (page: Page): Promise<Sup> =>
  page.evaluate(() => {
    const v = window.__ripple!.sim()!;
    const d = v.departments.find((x) => x.id === 'supervisor')!;
    return { t: v.t, busy: d.busy, away: d.away, staff: d.staff };
  });

/** Waits until the supervisor's card shows a pill matching `want`, and returns its words. */
async function pillBecomes(page: Page, want: RegExp): Promise<string> {
  const words = await page.waitForFunction(
    ([c, w]) => {
      const inCard = (b: { x: number; y: number; w: number; h: number }) =>
        b.x + b.w / 2 >= c.x && b.x + b.w / 2 <= c.x + c.w && b.y + b.h / 2 >= c.y && b.y + b.h / 2 <= c.y + 120;
      const pill = window.__ripple!.texts().find((b) => b.scene === 'play' && inCard(b) && /^(●|▲|■|✖|▼) /.test(b.text));
      return pill && new RegExp(w).test(pill.text) ? pill.text : null;
    },
    [card, want.source] as const,
    { polling: 'raf', timeout: 10_000 },
  );
  return (await words.jsonValue())!;
}

describe("the supervisor's status around the meeting (level 7)", () => {
  it('reads Leaving while the job in hand is finished, Down while away, and the line once back', async () => {
    const page = game.page;
    expect(meeting.at).toBe(180);
    // Seed 3: the supervisor is in the middle of a job when the meeting starts.
    await startBoard(page, '?level=every-job&seed=3');
    await page.keyboard.press('p');
    await page.evaluate((t) => window.__rippleDrive!.playOut('siloed', t), meeting.at! + 0.01);
    const at = await supervisor(page);
    expect(at.away, 'the job in hand is finished first').toBe(0);
    expect(at.busy).toBe(1);
    expect(await pillBecomes(page, /Leaving/)).toBe('▼ Leaving');
    await game.shot('desk-status-leaving');

    // Played on until the job is done: the supervisor has gone.
    await page.evaluate(() => {
      const d = () => window.__ripple!.sim()!.departments.find((x) => x.id === 'supervisor')!;
      for (let i = 0; i < 500 && d().away === 0; i++) window.__rippleDrive!.playOut('siloed', window.__ripple!.sim()!.t + 1);
    });
    const gone = await supervisor(page);
    expect(gone.away).toBe(1);
    expect(gone.t).toBeLessThan(meeting.at! + meeting.durationSeconds!);
    expect(await pillBecomes(page, /Down/)).toBe('✖ Down');
    await game.shot('desk-status-away');

    // Back after the meeting: the pill reads the line again (never Leaving or Down), the person there.
    await page.evaluate((t) => window.__rippleDrive!.playOut('siloed', t), meeting.at! + meeting.durationSeconds! + 1);
    const back = await supervisor(page);
    expect(back.away).toBe(0);
    expect(await pillBecomes(page, /OK|Busy|Overloaded|Full/)).not.toMatch(/Leaving|Down/);
    await game.shot('desk-status-back');
    expect(game.problems).toEqual([]);
  });
});
