/**
 * Issue #16, the screen teaches: the results of a careless level-2 run explain every lost minute (the
 * causes add up to all customer time, every customer who gave up is named), and no two score parts read
 * the same unless their measures do. Screenshots of the results at three screen sizes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBoard, trackGame, waitForScreen, type GamePage } from './harness';
import {
  clickTicket,
  dragTicket,
  press,
  screenPos,
  settledTicketPos,
  sim,
  waitForReady,
  waitRouted,
} from './helpers';
import { replay } from '../src/sim/index';
import { checkLevelText } from '../src/level/check';

const LEVEL_FILE = join(process.cwd(), 'levels', '02-clear-notes.json');

const games = trackGame();
let game: GamePage;

beforeAll(async () => {
  game = games.keep(await openBoard('?level=clear-notes&facilitator=1&seed=7'));
});

describe('results that explain', () => {
  it('a careless level-2 run: the causes add up to all customer time and name everyone who gave up', async () => {
    const page = game.page;
    await page.evaluate(() => window.__rippleDrive!.playOut('siloed'));
    await waitForScreen(page, 'results');
    await page.waitForTimeout(300);
    await game.shot('teaching-results-1920x1080');
    const r = await page.evaluate(() => window.__ripple!.results());
    expect(r).not.toBeNull();
    const shown = r!;
    expect(shown.levelId).toBe('clear-notes');

    // What really happened, from the sim itself: the same level, seed and commands replayed here.
    const level = checkLevelText(readFileSync(LEVEL_FILE, 'utf8'), LEVEL_FILE).level!;
    const sim = replay(level, shown.seed, shown.commandLog, undefined, {
      recordEvents: true,
      sampleEvery: 0,
    });
    const m = sim.metrics();
    const gaveUp = sim
      .drainEvents()
      .filter((e) => e.type === 'abandoned')
      .map((e) => (e as { customer: string }).customer);
    const allTime = Object.values(m.attribution).reduce((a, b) => a + b, 0);
    const listed = shown.causes.reduce((a, c) => a + c.seconds, 0);
    expect(allTime).toBeGreaterThan(0);
    expect(Math.abs(listed - allTime), 'the causes listed add up to all customer time').toBeLessThan(
      1e-6 * allTime,
    );
    expect(gaveUp.length, 'a careless run loses customers').toBeGreaterThan(0);
    const text = shown.gaveUp.join('\n');
    for (const name of gaveUp) expect(text, `${name} gave up`).toContain(name);
    expect(shown.notes, 'the staff time notes took is shown').toMatch(/notes took staff/);

    // Every line names a kind and a place: no "13 smaller waits together" that says nothing. Each cause
    // of the attribution is on exactly one line, and a line adding up several kinds is never a big lump.
    const desks = level.departments.map((d) => d.name);
    for (const c of shown.causes) {
      expect(c.text, 'no bare lump of smaller waits').not.toMatch(/smaller wait|together/);
      if (!/^travelling between desks$|the work itself/.test(c.text))
        expect(desks.some((n) => c.text.includes(n)), `"${c.text}" names a desk`).toBe(true);
      const kinds = new Set(c.causes.map((k) => k.split(':')[0]));
      // Kinds are put together only within a family (waiting, notes, handoffs that rippled), never in a
      // lump of everything small; and no line of waits holds most of the time.
      const family = (k: string) => (/^(rework|clarify|misroute)/.test(k) ? 'ripples' : /^notes/.test(k) ? 'notes' : /^service/.test(k) ? 'work' : 'waiting');
      if (kinds.size > 1) expect(new Set(c.causes.map(family)).size, `"${c.text}" stays within one family`).toBe(1);
      if (!c.text.includes('the work itself')) expect(c.seconds / allTime, `"${c.text}" is not most of the time`).toBeLessThan(0.5);
    }
    const attributed = Object.keys(m.attribution).filter((k) => m.attribution[k]! > 0);
    expect(shown.causes.flatMap((c) => c.causes).sort()).toEqual(attributed.sort());
    // Try this next time: from this run's causes, in the level's own actions (a careless run: thorough notes).
    expect(shown.advice.length).toBeGreaterThanOrEqual(1);
    expect(shown.advice.length).toBeLessThanOrEqual(2);
    expect(shown.advice.join(' ')).toMatch(/Write thorough notes for handoffs to (Tier 1|Tier 2|Billing)/);

    // Each part shows its own measure: two parts read the same only when their measures do.
    const measures = shown.parts.map((p) => p.measure);
    expect(new Set(measures).size).toBe(measures.length);
    expect(shown.unserved, 'customers not served are one line of their own').toMatch(/not served/);
  });

  it('the live score says what it is, and reads as the results will', async () => {
    const g = games.keep(await openBoard('?level=right-desk&seed=4'));
    const page = g.page;
    const end = (await sim(page)).end;
    await press(page, ' ');
    await page.evaluate((t) => window.__rippleDrive!.playOut('wholistic', t), end * 0.6);
    // Paused mid-level: the top bar shows the sim's score of that moment, floored as the results do.
    const live = await page.waitForFunction(
      () => {
        const shown = window.__ripple!.texts().find((t) => t.scene === 'play' && /^Score \d+$/.test(t.text));
        const exact = window.__ripple!.score()!.total;
        return shown && shown.text === `Score ${Math.floor(exact)}` ? shown.text : null;
      },
      undefined,
      { polling: 'raf', timeout: 10_000 },
    );
    const texts = await page.evaluate(() => window.__ripple!.texts().map((t) => t.text));
    expect(texts, 'the live score says it counts as if the level ended now').toContain('if it ended now');
    const before = await page.evaluate(() => window.__ripple!.score()!.total);
    await press(page, ' ');
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    const after = await page.evaluate(() => window.__ripple!.texts().find((t) => /^Score \d+ of 100$/.test(t.text))?.text);
    const final = (await page.evaluate(() => window.__ripple!.state().progress))['right-desk']!.bestScore;
    expect(after, 'the results show the final score, floored').toBe(`Score ${final} of 100`);
    expect(await live.jsonValue(), 'the board showed the score of that moment, floored the same way').toBe(`Score ${Math.floor(before)}`);
    expect(g.problems).toEqual([]);
  });

  it('when the live score dips only because customers arrived, the board says why, once', async () => {
    const g = games.keep(await openBoard('?level=right-desk&seed=3'));
    const page = g.page;
    await press(page, ' ');
    const dipped = () => window.__ripple!.toastLog().filter((t) => t.startsWith('The score dips when new customers arrive'));
    // Served for half a minute, then customers come while nobody passes work on: the score falls.
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic', 30));
    // The board samples the score twice a second: wait until it shows the sim's score of now.
    const shownNow = () =>
      page.waitForFunction(() => {
        const t = window.__ripple!.texts().find((x) => x.scene === 'play' && /^Score \d+$/.test(x.text));
        return t?.text === `Score ${Math.floor(window.__ripple!.score()!.total)}` ? Number(t.text.slice(6)) : null;
      });
    const high = Number(await (await shownNow()).jsonValue());
    expect(high, 'someone was served').toBeGreaterThan(0);
    expect(await page.evaluate(dipped)).toEqual([]);
    for (let t = 40; t <= 150 && (await page.evaluate(dipped)).length === 0; t += 10) {
      await page.evaluate((u) => window.__rippleDrive!.playOut('idle', u), t);
      await shownNow();
    }
    const said = await page.evaluate(dipped);
    expect(said).toEqual([
      'The score dips when new customers arrive: they count as not served until you serve them. It climbs as you do.',
    ]);
    await g.shot('teaching-score-dip-note');
    // Dipping again later says nothing more.
    for (const t of [170, 190, 210]) {
      await page.evaluate((u) => window.__rippleDrive!.playOut('idle', u), t);
      await shownNow();
    }
    expect(await page.evaluate(dipped)).toHaveLength(1);
    expect(g.problems).toEqual([]);
  });

  it('at the very end, the board\'s last live score is the results\' score, floored the same way', async () => {
    const g = games.keep(await openBoard('?level=clear-notes&facilitator=1&seed=5'));
    const page = g.page;
    const end = (await sim(page)).end;
    await press(page, ' ');
    // Played by the policy to a minute before the end, while customers still come (a step may pass that mark).
    const at = await page.evaluate((t) => window.__rippleDrive!.playOut('wholistic', t), end - 60);
    expect(at?.over, 'the round is still on').toBe(false);
    // Record the board's score every frame until the results show: the last one is the board's last frame.
    await page.evaluate(() => {
      const w = window as unknown as { __boardScores: string[] };
      w.__boardScores = [];
      const tick = () => {
        const r = window.__ripple!;
        const t = r.texts().find((x) => x.scene === 'play' && /^Score \d+$/.test(x.text));
        if (t) w.__boardScores.push(t.text);
        if (r.state().screen !== 'results') requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await press(page, ' ');
    await press(page, '3'); // the last seconds play out live, at 4x
    await waitForScreen(page, 'results', 120_000);
    const scores = await page.evaluate(() => (window as unknown as { __boardScores: string[] }).__boardScores);
    expect(scores.length, 'the board drew its score while the last seconds ran').toBeGreaterThan(1);
    const results = await page.evaluate(() => window.__ripple!.texts().find((t) => /^Score \d+ of 100$/.test(t.text))?.text);
    const shown = (await page.evaluate(() => window.__ripple!.results()))!;
    const level = checkLevelText(readFileSync(LEVEL_FILE, 'utf8'), LEVEL_FILE).level!;
    const exact = replay(level, shown.seed, shown.commandLog).score().total;
    expect(Number.isInteger(exact), 'a score with a fraction tests the rounding').toBe(false);
    expect(results).toBe(`Score ${Math.floor(exact)} of 100`);
    expect(scores.at(-1), 'the board\'s last score').toBe(`Score ${Math.floor(exact)}`);
    expect(g.problems).toEqual([]);
  });

  it('the results read at 1280x720 and 1024x768', async () => {
    const page = game.page;
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400);
      await game.shot(`teaching-results-${w}x${h}`);
      // The smallest text on the results is 28 px at 1920x1080, drawn at the columns' scale.
      const px = await page.evaluate(() => {
        const c = document.querySelector('canvas')!.getBoundingClientRect();
        return (28 * window.__ripple!.results()!.scale * c.width) / 1920;
      });
      expect(px, `smallest results text at ${w}x${h}, CSS px`).toBeGreaterThanOrEqual(14);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('a careful level-2 run: its advice differs from the careless run\'s, read at 1280x720 and 1024x768', async () => {
    const careless = (await game.page.evaluate(() => window.__ripple!.results()))!.advice;
    const g = games.keep(await openBoard('?level=clear-notes&facilitator=1&seed=7', { width: 1280, height: 720 }));
    const page = g.page;
    await page.evaluate(() => window.__rippleDrive!.playOut('humanCareful'));
    await waitForScreen(page, 'results');
    const shown = (await page.evaluate(() => window.__ripple!.results()))!;
    expect(shown.advice.length).toBeGreaterThanOrEqual(1);
    expect(shown.advice.join(' '), 'thorough notes were written already').not.toMatch(/thorough notes for handoffs/);
    expect(shown.advice).not.toEqual(careless);
    for (const c of shown.causes) expect(c.text).not.toMatch(/smaller wait|together/);
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400);
      await g.shot(`teaching-results-careful-${w}x${h}`);
    }
    expect(g.problems).toEqual([]);
  });
});

describe('the board ties tickets to customers and shows where a ticket can go', () => {
  const boards = trackGame();
  let board: GamePage;
  beforeAll(async () => {
    board = boards.keep(await openBoard('?level=clear-notes&facilitator=1&seed=3'));
  });

  it('hovering a ticket highlights its customer (a line ties them), moving away clears it', async () => {
    const page = board.page;
    const r = await waitForReady(page, { needWrong: true });
    await press(page, ' '); // paused: nothing moves while we look
    const at = await settledTicketPos(page, r.id);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const linked = await page.waitForFunction(
      (id) => {
        const l = window.__ripple!.linked();
        return l && l.ticket === id && l.customer ? l : null;
      },
      r.id,
      { polling: 'raf', timeout: 10_000 },
    );
    expect((await linked.jsonValue())!.customer).toBe(r.customer);
    await page.waitForTimeout(200);
    await board.shot('teaching-hover-ticket');
    // Away from everything: no link.
    const empty = await page.evaluate(() => window.__ripple!.toScreen({ x: 900, y: 1040 }));
    await page.mouse.move(empty.x, empty.y);
    await page.waitForFunction(() => window.__ripple!.linked()?.ticket === null, undefined, {
      polling: 'raf',
    });
  });

  it('a drag lights up the desks that can do the next step, and the others read "can\'t do this"', async () => {
    const page = board.page;
    const r = await waitForReady(page, { needWrong: true });
    const s = await sim(page);
    const need = r.needs;
    const to = await screenPos(page, 'dept', r.right);
    await dragTicket(page, r.id, to, {
      steps: 10,
      halfway: async () => {
        const kinds = (await page.evaluate(() => window.__ripple!.deskKinds()))!;
        for (const d of s.departments) {
          if (d.id === r.from) expect(kinds[d.id], `${d.name} is where it comes from`).toBe('from');
          else if (d.skills.includes(need))
            expect(kinds[d.id], `${d.name} can do ${need}`).toMatch(/target|focus/);
          else expect(kinds[d.id], `${d.name} cannot do ${need}`).toBe('cannot');
        }
        expect(Object.values(kinds)).toContain('cannot');
        await board.shot('teaching-drag-valid-desks');
      },
    });
    await waitRouted(page, r.id, r.right);
  });
});

describe('a busy board at three screen sizes', () => {
  it('screenshots of level 7 half way, careless play, at 1920x1080, 1280x720 and 1024x768', async () => {
    const g = games.keep(await openBoard('?level=every-job&seed=5'));
    const page = g.page;
    await page.evaluate(() => window.__rippleDrive!.playOut('siloed', 150));
    await press(page, ' ');
    const r = await waitForReady(page);
    await clickTicket(page, r.id);
    for (const [w, h] of [
      [1920, 1080],
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(500);
      await g.shot(`teaching-busy-board-${w}x${h}`);
    }
    expect(g.problems).toEqual([]);
  });
});
