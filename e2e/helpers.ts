/**
 * Player-like helpers shared by the game, sound and robustness browser tests: read the board through
 * window.__ripple, then act with the real mouse and keyboard at on-screen positions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ClientPoint, RippleHookSim } from '../src/game/testHook';

export type HookSim = RippleHookSim;

/** A ticket waiting in a "Ready to send" tray, with a department that can and one that cannot take it. */
export interface ReadyTicket {
  id: number;
  customer: string;
  from: string;
  needs: string;
  right: string;
  /** A department (not the sender) lacking the skill, or null when every other desk has it. */
  wrong: string | null;
  /** 1-based place of each department on the board (the number keys). */
  order: string[];
}

export async function sim(page: Page): Promise<HookSim> {
  const s = await page.evaluate(() => window.__ripple!.sim());
  if (!s) throw new Error('No level is playing');
  return s;
}

export async function simT(page: Page): Promise<number> {
  return (await sim(page)).t;
}

/** Finds a ready ticket (optionally one that has a wrong desk to go to) in a view of the sim. */
export function findReady(
  s: HookSim,
  opts: { needWrong?: boolean; exclude?: readonly number[] } = {},
): ReadyTicket | null {
  for (const d of s.departments) {
    for (const id of d.outbox) {
      if (opts.exclude?.includes(id)) continue;
      const t = s.tickets.find((x) => x.id === id);
      if (!t || t.phase !== 'outbox') continue;
      const needs = t.journey[t.step];
      if (!needs) continue;
      const right = s.departments.find((x) => x.id !== d.id && x.skills.includes(needs));
      if (!right) continue;
      const wrong = s.departments.find((x) => x.id !== d.id && !x.skills.includes(needs));
      if (opts.needWrong && !wrong) continue;
      return {
        id,
        customer: t.customer,
        from: d.id,
        needs,
        right: right.id,
        wrong: wrong?.id ?? null,
        order: s.departments.map((x) => x.id),
      };
    }
  }
  return null;
}

/**
 * Lets the level run (at the current speed) until a ticket is ready to send; returns it. The game keeps
 * its speed; a test that wants this faster presses 3 first, as a player would.
 */
export async function waitForReady(
  page: Page,
  opts: { needWrong?: boolean; exclude?: readonly number[]; timeout?: number } = {},
): Promise<ReadyTicket> {
  const deadline = Date.now() + (opts.timeout ?? 60_000);
  for (;;) {
    const found = findReady(await sim(page), opts);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No ticket became ready to send (${JSON.stringify(opts)})`);
    await page.waitForTimeout(100);
  }
}

export async function screenPos(
  page: Page,
  what: 'dept' | 'outbox' | 'ticket',
  id: string | number,
): Promise<ClientPoint> {
  const p = await page.evaluate(
    ([w, i]) =>
      w === 'dept'
        ? window.__ripple!.deptScreenPos(String(i))
        : w === 'outbox'
          ? window.__ripple!.outboxScreenPos(String(i))
          : window.__ripple!.ticketScreenPos(Number(i)),
    [what, id] as const,
  );
  if (!p) throw new Error(`No screen position for ${what} ${id}`);
  return p;
}

/** Drags with the real mouse: press at `from`, move in small steps, release at `to`. */
export async function drag(page: Page, from: ClientPoint, to: ClientPoint, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** Whether the sim logged a route of this ticket to this department. */
export async function routed(page: Page, ticket: number, to: string): Promise<boolean> {
  const s = await sim(page);
  return s.commandLog.some((c) => c.cmd.type === 'route' && c.cmd.ticket === ticket && c.cmd.to === to);
}

/** Waits for the ticket to have left its tray for `to` (in transit, queued or worked on there). */
export async function waitRouted(page: Page, ticket: number, to: string, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    ([id, dest]) => {
      const s = window.__ripple!.sim();
      const t = s?.tickets.find((x) => x.id === id);
      const logged = s?.commandLog.some(
        (c) => c.cmd.type === 'route' && c.cmd.ticket === id && c.cmd.to === dest,
      );
      return !!t && !!logged && t.phase !== 'outbox';
    },
    [ticket, to] as const,
    { timeout },
  );
}

export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(40);
  }
}

/**
 * Finds, on the screen as drawn, the middle of the first run (40 px or more) of pixels of a colour along a vertical line at
 * client x (top to bottom). Lets a test click a canvas button by how it looks, e.g. the teal Play button.
 */
export async function findColourOnColumn(
  page: Page,
  x: number,
  rgb: readonly [number, number, number],
  tolerance = 24,
): Promise<ClientPoint | null> {
  const png = await page.screenshot();
  const hit = await page.evaluate(
    async ([b64, cx, col, tol]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      if (!g) return null;
      g.drawImage(img, 0, 0);
      const data = g.getImageData(Math.round(cx), 0, 1, c.height).data;
      let start = -1;
      for (let y = 0; y < c.height; y++) {
        const i = y * 4;
        const near =
          Math.abs(data[i]! - col[0]) <= tol &&
          Math.abs(data[i + 1]! - col[1]) <= tol &&
          Math.abs(data[i + 2]! - col[2]) <= tol;
        if (near && start < 0) start = y;
        if (!near && start >= 0) {
          if (y - start >= 40) return (start + y) / 2;
          start = -1;
        }
      }
      return null;
    },
    [png.toString('base64'), x, rgb, tolerance] as const,
  );
  return hit === null ? null : { x, y: hit };
}

/** Where a campaign level's card is on the select screen (same grid as LevelSelectScene, no message box). */
export async function levelCardPos(page: Page, levelId: string): Promise<ClientPoint> {
  const campaign = JSON.parse(readFileSync(join(process.cwd(), 'levels', 'campaign.json'), 'utf8')) as {
    levels: string[];
  };
  const index = Math.max(0, campaign.levels.indexOf(levelId));
  const cols = Math.min(4, Math.max(1, campaign.levels.length));
  const gridW = cols * 390 + (cols - 1) * 40;
  const p = { x: (1920 - gridW) / 2 + (index % 4) * 430 + 195, y: 190 + Math.floor(index / 4) * 370 + 165 };
  return page.evaluate((q) => window.__ripple!.toScreen(q), p);
}
