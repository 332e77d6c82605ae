/**
 * The live briefing is read from the back of a room: every campaign level's briefing fits its panel, or
 * scrolls and says so, on the projector (1280x720 and 1920x1080; there it must fit, since nobody scrolls
 * it, with text no smaller than the 20 px base it shrinks to) and on a table (1280x720, 1024x768 and a
 * phone sideways, 844x390). "Fits" means no text runs under the foot or out of the panel; "scrolls"
 * means one column, "More below" in the foot and, once scrolled to the end, every line in sight above it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { holder, spawnRoomServer, tempJournalDir } from '../server/testing';
import { launchBrowser } from './browser';

const dist = resolve(process.cwd(), process.env.E2E_DIST ?? 'dist');
const held = holder();
afterAll(() => held.closeAll());

/** The campaign's levels, in order, and their titles (as their files have them). */
const FILES = readdirSync('levels').filter((f) => /^\d\d-.*\.json$/.test(f)).sort();
const TITLES = new Map(
  FILES.map((f) => JSON.parse(readFileSync(join('levels', f), 'utf8')) as { id: string; title: string }).map((l) => [l.id, l.title]),
);
const LEVELS = [...TITLES.keys()];
/** Each level's kinds of work by their shapes, in the file's order. */
const SHAPES = new Map(
  FILES.map((f) => JSON.parse(readFileSync(join('levels', f), 'utf8')) as { id: string; workTypes: { shape: string }[] }).map(
    (l) => [l.id, l.workTypes.map((w) => w.shape)],
  ),
);

/** The kinds of work's marks as drawn: the shape each says it is, and whether it is drawn as one (not a plain square). */
async function marksOf(p: Page): Promise<{ shape: string; drawn: boolean }[]> {
  return p.$$eval('.lv-brief-kinds .lv-brief-swatch', (marks) =>
    marks.map((m) => {
      const cs = getComputedStyle(m);
      const shape = (m as HTMLElement).dataset.shape ?? '';
      const drawn =
        shape === 'circle' ? cs.borderTopLeftRadius === '50%' : shape === 'square' ? cs.clipPath === 'none' : cs.clipPath.startsWith('polygon(');
      return { shape, drawn };
    }),
  );
}

interface Fit {
  level: string | undefined;
  base: number;
  smallest: number;
  fits: boolean;
  more: boolean;
  oneColumn: boolean;
  /** Texts (outside the foot) that reach under the foot's top or out of the panel, in sight now. */
  cut: string[];
}

/** The briefing as fitted to the page's size now (it waits for the panel's own fit to that size). */
async function fitOf(p: Page): Promise<Fit> {
  await p.waitForFunction(() => {
    const r = document.querySelector<HTMLElement>('.lv-brief');
    return !!r && !r.hidden && r.dataset.fitted === `${r.clientWidth}x${r.clientHeight}`;
  });
  return p.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.lv-brief')!;
    const box = root.getBoundingClientRect();
    const foot = root.querySelector('.lv-brief-foot')!.getBoundingClientRect();
    const texts = [...root.querySelectorAll<HTMLElement>('p, h2, h3, h4, li, b, span, button')].filter(
      (e) => e.textContent!.trim() !== '' && e.getClientRects().length > 0,
    );
    const story = root.querySelector('.lv-brief-story')!.getBoundingClientRect();
    const how = root.querySelector('.lv-brief-how')!.getBoundingClientRect();
    const cue = root.querySelector<HTMLElement>('.lv-brief-more-cue')!;
    return {
      level: root.querySelector('.lv-brief-title')?.textContent ?? undefined,
      base: parseFloat(getComputedStyle(root).fontSize),
      smallest: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
      fits: root.scrollHeight <= root.clientHeight + 1,
      more: cue.getClientRects().length > 0,
      oneColumn: how.top >= story.bottom - 1,
      cut: texts
        .filter((e) => !e.closest('.lv-brief-foot'))
        .filter((e) => {
          const r = e.getBoundingClientRect();
          const inSight = r.bottom > box.top && r.top < foot.top;
          return inSight && (r.bottom > foot.top + 1 || r.right > box.right + 1 || r.left < box.left - 1);
        })
        .map((e) => e.textContent!.slice(0, 50)),
    };
  });
}

/** Checks the briefing on `p` at its size now: it fits, or scrolls visibly with every line readable at its end. */
async function checkFit(p: Page, where: string, opts: { minBase: number; mustFit: boolean }): Promise<Fit> {
  const f = await fitOf(p);
  expect(f.base, `${where}: the base size`).toBeGreaterThanOrEqual(opts.minBase);
  expect(f.smallest, `${where}: the smallest text`).toBeGreaterThanOrEqual(14);
  if (f.fits || opts.mustFit) {
    expect(f.fits, `${where}: it fits`).toBe(true);
    expect(f.cut, `${where}: no text under the foot or out of the panel`).toEqual([]);
    expect(f.more, `${where}: no "More below" when it all fits`).toBe(false);
    return f;
  }
  // It scrolls: one column, read top to bottom; it says so; at its end every line is above the foot.
  expect(f.oneColumn, `${where}: a briefing that scrolls is one column`).toBe(true);
  expect(f.more, `${where}: "More below" while it scrolls`).toBe(true);
  await p.evaluate(() => {
    const r = document.querySelector<HTMLElement>('.lv-brief')!;
    r.scrollTop = r.scrollHeight;
  });
  await p.waitForFunction(() => !document.querySelector('.lv-brief-more'));
  const end = await p.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.lv-brief')!;
    const foot = root.querySelector('.lv-brief-foot')!.getBoundingClientRect();
    const last = [...root.querySelectorAll('.lv-brief-kinds li')].at(-1)!.getBoundingClientRect();
    return { lastBottom: last.bottom, footTop: foot.top };
  });
  expect(end.lastBottom, `${where}: scrolled to its end, the last kind of work is above the foot`).toBeLessThanOrEqual(end.footTop + 1);
  await p.evaluate(() => {
    document.querySelector<HTMLElement>('.lv-brief')!.scrollTop = 0;
  });
  return f;
}

describe('live: every level’s briefing fits or scrolls visibly', () => {
  it('on the projector at 1280x720 and 1920x1080, and on tables at 1280x720, 1024x768 and 844x390', { timeout: 300_000 }, async () => {
    const journal = tempJournalDir();
    const server = await spawnRoomServer(['--dist', dist, '--journal', journal]);
    held.keep(server.child);
    const base = `http://127.0.0.1:${server.port}/live.html`;
    const open = async (size: { width: number; height: number }, url: string, touch = false) => {
      const b = held.keep(await launchBrowser(size, touch ? { touch: true, mobile: true } : {}));
      const p = await b.context.newPage();
      await p.goto(url);
      return p;
    };
    const fac = await open({ width: 1280, height: 720 }, `${base}?facilitator=1`);
    await fac.getByText('Create the live session').click();
    const code = (await fac.locator('.code').textContent({ timeout: 20_000 }))!;
    const joinAs = async (p: Page, team: string) => {
      await p.getByLabel('Join code').fill(code);
      await p.getByLabel('Team name').fill(team);
      await p.getByRole('button', { name: 'Join', exact: true }).click();
      return p;
    };
    const proj = await open({ width: 1280, height: 720 }, `${base}?projector=${code}`);
    const table = await joinAs(await open({ width: 1280, height: 720 }, base), 'Table A');
    const phone = await joinAs(await open({ width: 844, height: 390 }, base, true), 'Table B');

    for (const id of LEVELS) {
      await fac.getByLabel('Level', { exact: true }).selectOption(id);
      for (const p of [proj, table, phone])
        await expect.poll(async () => (await fitOf(p)).level, { timeout: 30_000 }).toBe(TITLES.get(id));
      // The kinds of work are marked by the shapes their tickets have on the board, not by colour alone.
      expect(await marksOf(proj), `${id}: the kinds' marks`).toEqual(SHAPES.get(id)!.map((shape) => ({ shape, drawn: true })));

      for (const size of [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await proj.setViewportSize(size);
        await checkFit(proj, `${id}: projector ${size.width}x${size.height}`, { minBase: 20, mustFit: true });
        if (id === 'every-job') await proj.screenshot({ path: join('e2e', 'artifacts', `live-fit-projector-${size.width}.png`) });
      }
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1024, height: 768 },
      ]) {
        await table.setViewportSize(size);
        await checkFit(table, `${id}: table ${size.width}x${size.height}`, { minBase: 17, mustFit: false });
        if (id === 'every-job') await table.screenshot({ path: join('e2e', 'artifacts', `live-fit-table-${size.width}.png`) });
      }
      await checkFit(phone, `${id}: phone 844x390`, { minBase: 17, mustFit: false });
      if (id === 'every-job') await phone.screenshot({ path: join('e2e', 'artifacts', 'live-fit-phone-844.png') });
    }
  });
});
