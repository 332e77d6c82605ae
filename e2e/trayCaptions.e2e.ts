/**
 * The next step under each ready ticket (playtest 8, item 10): in level 2 at 1366x768 "investigate" is
 * wider than a ticket's slot, and the tray showed one line "investigate, billing fix" under three tickets
 * (a fault and two refunds), so whose step was whose did not read. Every ticket shown in a tray must
 * have its own step: a caption under it, or the tray's one line naming the step with its letter
 * ("A: investigate · M, L: billing fix").
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, trackGame } from './harness';
import { press, skipUntil } from './helpers';

const games = trackGame();

interface Shown {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The tickets drawn in a desk's tray, front first, each with its letter, its next step and where it is (client px). */
async function trayTickets(page: Page, dept: string) {
  return page.evaluate((id) => {
    const h = window.__ripple!;
    const s = h.sim()!;
    const d = s.departments.find((x) => x.id === id)!;
    const letters = h.ticketLetters() ?? {};
    return d.outbox.slice(0, 3).map((tid) => {
      const t = s.tickets.find((x) => x.id === tid)!;
      return {
        id: tid,
        letter: letters[tid] ?? '',
        step: t.journey[t.step]!.replace(/[-_]+/g, ' '),
        at: h.ticketScreenPos(tid),
      };
    });
  }, dept);
}

/** The board's texts in client px. */
async function shownTexts(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const h = window.__ripple!;
    return h
      .texts()
      .filter((t) => t.scene === 'play')
      .map((t) => {
        const a = h.toScreen({ x: t.x, y: t.y });
        const b = h.toScreen({ x: t.x + t.w, y: t.y + t.h });
        return { text: t.text, x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
      });
  });
}

/** "A: investigate · M, L: billing fix" -> letter -> step. */
function lineSteps(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(' · ')) {
    const m = /^([A-Z?](?:, [A-Z?])*): (.+)$/.exec(part);
    if (!m) continue;
    for (const l of m[1]!.split(', ')) out.set(l, m[2]!);
  }
  return out;
}

describe("a tray's next steps", () => {
  it('level 2 at 1366x768: each ticket in the tray reads its own next step', async () => {
    const game = games.keep(await openBoard('?level=clear-notes&seed=3', { width: 1366, height: 768 }));
    const page = game.page;
    await press(page, ' ');
    // Three tickets ready at Tier 1 whose steps differ (a fault and a refund at least).
    await skipUntil(page, 'three tickets with different next steps ready at Tier 1', (s) => {
      const d = s.departments.find((x) => x.id === 'tier-1')!;
      const steps = d.outbox.slice(0, 3).map((id) => {
        const t = s.tickets.find((x) => x.id === id);
        return t && t.phase === 'outbox' ? t.journey[t.step] : undefined;
      });
      return steps.length === 3 && steps.every(Boolean) && new Set(steps).size > 1;
    });
    // The board has drawn the tray: every ticket in it has its token and its letter.
    await page.waitForFunction(
      () => {
        const h = window.__ripple!;
        const d = h.sim()!.departments.find((x) => x.id === 'tier-1')!;
        const letters = h.ticketLetters() ?? {};
        return d.outbox.slice(0, 3).every((id) => h.ticketScreenPos(id) !== null && letters[id]);
      },
      undefined,
      { polling: 'raf', timeout: 10_000 },
    );
    const tickets = await trayTickets(page, 'tier-1');
    // Read once the tokens have settled into their slots and the captions follow them.
    await page.waitForFunction(
      (ids) => {
        const w = window as unknown as { __trayAt?: string; __trayN?: number };
        const key = JSON.stringify(ids.map((id) => window.__ripple!.ticketScreenPos(id)));
        w.__trayN = w.__trayAt === key ? (w.__trayN ?? 0) + 1 : 0;
        w.__trayAt = key;
        return w.__trayN >= 4;
      },
      tickets.map((t) => t.id),
      { polling: 'raf', timeout: 10_000 },
    );
    const settled = await trayTickets(page, 'tier-1');
    const texts = await shownTexts(page);
    await game.shot('tray-captions-level2-1366');
    const lines = texts.map((t) => ({ ...t, steps: lineSteps(t.text) }));
    const unread: string[] = [];
    for (const t of settled) {
      const at = t.at!;
      // Its own caption: the step alone, centred under this ticket (nearer it than any other ticket).
      const under = texts.some(
        (x) =>
          x.text === t.step &&
          x.y > at.y &&
          x.y < at.y + 60 &&
          settled.every((o) => Math.abs(x.x + x.w / 2 - at.x) <= Math.abs(x.x + x.w / 2 - o.at!.x)),
      );
      // Or the tray's line names it by its letter.
      const named = lines.some((x) => x.y > at.y && x.y < at.y + 60 && x.steps.get(t.letter) === t.step);
      if (!under && !named) unread.push(`${t.letter} (${t.step})`);
    }
    const near = texts
      .filter((x) => settled.some((t) => x.y > t.at!.y && x.y < t.at!.y + 60))
      .map((x) => x.text);
    expect(unread, `tickets without their own step; under the tickets: ${JSON.stringify(near)}`).toEqual([]);
  });
});
