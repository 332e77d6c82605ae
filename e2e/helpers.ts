/**
 * Player-like helpers shared by the game, sound and robustness browser tests: read the board through
 * window.__ripple, then act with the real mouse and keyboard at on-screen positions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ClientPoint, RippleHookSim } from '../src/app/testHook';
import { screenPixels } from './harness';

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
 * Lets the level run until a ticket is ready to send; returns it. To keep the suite fast it also skips
 * ahead a couple of sim seconds at a time with playOut('idle') (nobody routes anything meanwhile).
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
    await skipAhead(page, 2);
    await page.waitForTimeout(50);
  }
}

/**
 * Skips sim time ahead by about `seconds` with nobody acting (the board catches up on its next frame).
 * playOut steps event by event, so it can overshoot to the next sim event when the board is quiet.
 */
export async function skipAhead(page: Page, seconds: number): Promise<void> {
  await page.evaluate((s) => {
    const h = window.__ripple!;
    const now = h.sim()?.t;
    if (now !== undefined) window.__rippleDrive!.playOut('idle', now + s);
  }, seconds);
}

/**
 * Skips ahead `step` sim seconds at a time (nobody acting) until `done` holds for the sim; returns that
 * view. Fails with a clear message when the level ends first. Small steps keep each frame's batch of
 * events (and so of toasts) small.
 */
export async function skipUntil(
  page: Page,
  what: string,
  done: (s: HookSim) => boolean,
  opts: { step?: number; timeout?: number } = {},
): Promise<HookSim> {
  const deadline = Date.now() + (opts.timeout ?? 60_000);
  for (;;) {
    const s = await sim(page);
    if (done(s)) return s;
    if (s.over) throw new Error(`The level ended (t=${s.t}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`Timed out at t=${s.t} waiting for ${what}`);
    await skipAhead(page, opts.step ?? 1);
    await page.waitForTimeout(30);
  }
}

/**
 * Waits, checking every animation frame, for a toast matching `re` and returns its text. Toasts are made
 * from the sim's events on the next frame and last a few seconds of wall time, so call this once the sim
 * shows what the toast is about (see skipUntil); it does not move the sim itself.
 */
export async function waitForToast(page: Page, re: RegExp, timeout = 15_000): Promise<string> {
  try {
    const h = await page.waitForFunction(
      ([src, flags]) => {
        const r = new RegExp(src, flags);
        return window.__ripple!.state().toasts.find((t) => r.test(t)) ?? null;
      },
      [re.source, re.flags] as const,
      { polling: 'raf', timeout },
    );
    return (await h.jsonValue())!;
  } catch (e) {
    const toasts = await page.evaluate(() => window.__ripple!.state().toasts);
    throw new Error(`No toast matching ${re} (saw: ${JSON.stringify(toasts)})`, { cause: e });
  }
}

/**
 * Where a ticket's token is drawn once it has stopped moving (tokens glide into their tray, and a press
 * picks the ticket in the tray slot under the mouse). Stopped: the same position over several animation
 * frames in a row, so this holds however slow the frames are.
 */
export async function settledTicketPos(page: Page, id: number, timeout = 30_000): Promise<ClientPoint> {
  const h = await page.waitForFunction(
    (tid) => {
      const w = window as unknown as { __e2eSettle?: { id: number; x: number; y: number; n: number } };
      const p = window.__ripple!.ticketScreenPos(tid);
      const last = w.__e2eSettle;
      if (!p) {
        w.__e2eSettle = undefined;
        return null;
      }
      if (last && last.id === tid && last.x === p.x && last.y === p.y) last.n++;
      else w.__e2eSettle = { id: tid, x: p.x, y: p.y, n: 0 };
      return w.__e2eSettle!.n >= 4 ? p : null;
    },
    id,
    { polling: 'raf', timeout },
  );
  return (await h.jsonValue())!;
}

async function selectedTicket(page: Page, id: number, timeout = 10_000): Promise<number | null> {
  try {
    await page.waitForFunction((tid) => window.__ripple!.state().selection.ticket === tid, id, {
      polling: 'raf',
      timeout,
    });
  } catch {
    // Not picked: the caller reads what was.
  }
  return page.evaluate(() => window.__ripple!.state().selection.ticket);
}

/**
 * Drags a ticket from its tray onto `to` with the real mouse, as a player would: presses where the token
 * is drawn (once settled), moves a little, checks the game picked that very ticket (a tray can shift
 * under the mouse while the sim runs: then it lets go in place, which cancels, and tries again), then
 * carries it to `to` and releases.
 */
export async function dragTicket(
  page: Page,
  id: number,
  to: ClientPoint,
  opts: { steps?: number; attempts?: number; halfway?: () => Promise<void> } = {},
): Promise<void> {
  const steps = opts.steps ?? 12;
  for (let attempt = 1; ; attempt++) {
    const from = await settledTicketPos(page, id);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Past the drag threshold (12 game px), towards the target.
    const len = Math.max(1, Math.hypot(to.x - from.x, to.y - from.y));
    const nudge = { x: from.x + ((to.x - from.x) * 30) / len, y: from.y + ((to.y - from.y) * 30) / len };
    await page.mouse.move(nudge.x, nudge.y, { steps: 3 });
    const picked = await selectedTicket(page, id);
    if (picked !== id) {
      await page.mouse.move(from.x, from.y, { steps: 2 });
      await page.mouse.up();
      await page.waitForFunction(() => window.__ripple!.state().selection.ticket === null, undefined, {
        polling: 'raf',
        timeout: 10_000,
      });
      if (attempt >= (opts.attempts ?? 3))
        throw new Error(`Pressing on ticket ${id} picked ${picked} instead`);
      continue;
    }
    for (let i = 1; i <= steps; i++) {
      const k = i / steps;
      await page.mouse.move(nudge.x + (to.x - nudge.x) * k, nudge.y + (to.y - nudge.y) * k);
      if (i === Math.floor(steps / 2)) await opts.halfway?.();
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    return;
  }
}

/**
 * Clicks a ticket in its tray (where drawn, once settled) and waits until the game shows it picked;
 * clicks again if the tray shifted under the mouse and another ticket got picked.
 */
export async function clickTicket(page: Page, id: number, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const p = await settledTicketPos(page, id);
    await page.mouse.click(p.x, p.y);
    const picked = await selectedTicket(page, id);
    if (picked === id) return;
    if (picked !== null) {
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__ripple!.state().selection.ticket === null, undefined, {
        polling: 'raf',
        timeout: 10_000,
      });
    }
    if (attempt >= attempts) throw new Error(`Clicking ticket ${id} picked ${picked} instead`);
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
export async function waitRouted(page: Page, ticket: number, to: string, timeout = 15_000): Promise<void> {
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

/**
 * Sim seconds per real second, the median over `frames` animation frames: each frame's sim step over its
 * own real time (capped at 0.1 s, as the game caps a frame), so a busy machine's long or uneven frames
 * do not change the figure, only the speed the player chose does.
 */
export async function simRate(page: Page, frames = 30): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const rates: number[] = [];
        let last: { t: number; at: number } | null = null;
        const tick = (at: number) => {
          const t = window.__ripple!.sim()?.t ?? 0;
          const wall = last ? Math.min(at - last.at, 100) / 1000 : 0;
          if (last && t > last.t && wall > 0) rates.push((t - last.t) / wall);
          last = { t, at };
          if (--n > 0) requestAnimationFrame(tick);
          else {
            rates.sort((x, y) => x - y);
            resolve(rates[Math.floor(rates.length / 2)] ?? 0);
          }
        };
        requestAnimationFrame(tick);
      }),
    frames,
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
  const height = page.viewportSize()?.height ?? 720;
  const { data } = await screenPixels(page, { x: Math.round(x), y: 0, width: 1, height });
  let start = -1;
  let hit: number | null = null;
  for (let y = 0; y * 4 < data.length; y++) {
    const i = y * 4;
    const near =
      Math.abs(data[i]! - rgb[0]) <= tolerance &&
      Math.abs(data[i + 1]! - rgb[1]) <= tolerance &&
      Math.abs(data[i + 2]! - rgb[2]) <= tolerance;
    if (near && start < 0) start = y;
    if (!near && start >= 0) {
      if (y - start >= 40) {
        hit = (start + y) / 2;
        break;
      }
      start = -1;
    }
  }
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
