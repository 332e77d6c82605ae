/**
 * Issue #13 item 3: a reload loses nothing. The game in progress is kept in this browser's storage as
 * it grows; after a reload the title offers "Resume with m:ss left" (the board's clock counts down), which
 * rebuilds it at the same state hash and goes on paused, with the notes the player had chosen. Discarding it, finishing it, or a broken copy in storage (set aside with a
 * message) leave nothing to resume.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, canvasVariety, openBoard, openGame, startBoard, waitForScreen, type GamePage } from './harness';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { dragTicket, press, screenPos, sim, skipAhead, waitForReady, waitRouted } from './helpers';

/** Time left as the board's clock shows it (rounded up). */
const left = (k: { t: number; end: number }) => {
  const s = Math.max(0, Math.ceil(k.end - k.t));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const texts = (page: Page) => page.evaluate(() => window.__ripple!.texts().map((t) => t.text));

/** Two real routes with the mouse and a speed change, then on to about 20 s of sim time. */
export async function playAWhile(page: Page, until = 20): Promise<void> {
  const done: number[] = [];
  for (let i = 0; i < 2; i++) {
    const r = await waitForReady(page, { exclude: done });
    await dragTicket(page, r.id, await screenPos(page, 'dept', r.right));
    await waitRouted(page, r.id, r.right);
    done.push(r.id);
  }
  await press(page, '2');
  const t = (await sim(page)).t;
  if (t < until) await skipAhead(page, until - t);
}

/** Pauses and waits until the kept copy holds this very moment (paused, same time). */
export async function pauseAndKeep(page: Page): Promise<{ t: number; end: number; hash: string; commands: number }> {
  if ((await page.evaluate(() => window.__ripple!.state().speed)) !== 0) await press(page, 'p');
  await page.waitForFunction(() => window.__ripple!.state().speed === 0);
  await page.waitForFunction(
    () => {
      const k = window.__ripple!.kept()?.stored;
      const s = window.__ripple!.sim();
      return !!k && !!s && k.paused && k.t === s.t && k.hash === s.hash;
    },
    undefined,
    { timeout: 15_000 },
  );
  const s = await sim(page);
  return { t: s.t, end: s.end, hash: s.hash, commands: s.commandLog.length };
}

let game: GamePage;

describe('a reload mid-round offers to resume it', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    game = await openBoard('?level=clear-notes&seed=7');
  }, 120_000);
  afterAll(async () => game?.close());

  let before: { t: number; end: number; hash: string; commands: number };

  it('keeps the round in storage as it is played', async () => {
    const page = game.page;
    await press(page, 't'); // thorough notes for the handoffs that follow
    await page.waitForFunction(() => window.__ripple!.state().selection.care === 'thorough');
    await playAWhile(page);
    before = await pauseAndKeep(page);
    expect(before.t).toBeGreaterThanOrEqual(20);
    expect(before.commands).toBeGreaterThanOrEqual(2);
    const kept = await page.evaluate(() => window.__ripple!.kept()!);
    expect(kept.keeping).toBe(true);
    expect(kept.stored).toMatchObject({ commands: before.commands, speed: 2, paused: true, roundId: null });
  });

  it('after a reload the title offers "Resume with m:ss left", in the board\'s terms (the link asked for the briefing)', async () => {
    const page = game.page;
    await page.reload();
    await waitForScreen(page, 'title');
    const shown = await texts(page);
    expect(shown).toContain(`Resume with ${left(before)} left`);
    expect(shown).toContain('Discard it');
    expect(shown.some((t) => t.includes('A game was left in progress') && t.includes(`with ${left(before)} left`))).toBe(true);
    await page.waitForTimeout(300);
    await game.shot('resume-01-title-offer');
  });

  it('resumes at the same state hash, paused, and goes on at its speed', async () => {
    const page = game.page;
    await press(page, 'Enter'); // the offer is the first button
    await waitForScreen(page, 'play');
    const s = await sim(page);
    expect(s.t).toBe(before.t);
    expect(s.commandLog.length).toBe(before.commands);
    expect(s.hash).toBe(before.hash);
    expect(await page.evaluate(() => window.__ripple!.state().speed)).toBe(0);
    // The board's clock reads what the offer said; the notes choice is the player's, not the default.
    expect(await texts(page)).toContain(`${left(before)} left`);
    expect(await page.evaluate(() => window.__ripple!.state().selection.care), 'the notes choice survives').toBe('thorough');
    await page.waitForTimeout(300);
    await game.shot('resume-02-resumed-paused');
    await press(page, 'p');
    await page.waitForFunction(() => window.__ripple!.state().speed === 2);
    await page.waitForFunction((t) => window.__ripple!.sim()!.t > t + 1, before.t, { timeout: 20_000 });
  });

  it('a finished round leaves nothing to resume', async () => {
    const page = game.page;
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    expect(await page.evaluate(() => window.__ripple!.kept()!.stored)).toBeNull();
    await page.reload();
    await waitForScreen(page, 'briefing');
  });

  it('"Discard it" drops the kept game', async () => {
    const page = game.page;
    await press(page, 'Enter');
    await waitForScreen(page, 'play');
    await skipAhead(page, 12);
    await pauseAndKeep(page);
    await page.reload();
    await waitForScreen(page, 'title');
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await page.waitForFunction(() => window.__ripple!.kept()!.stored === null);
    await page.waitForFunction(() => !window.__ripple!.texts().some((t) => t.text.startsWith('Resume with')));
    await page.reload();
    await waitForScreen(page, 'briefing');
  });

  it('a broken or foreign copy in storage is set aside with a message; the title still works', async () => {
    const page = game.page;
    for (const bad of ['{"format":"ripple-effect-round-in-progress","version":1,"round":', JSON.stringify({ format: 'ripple-effect-round-in-progress', version: 99, levelHash: 'ab', hash: 'cd', session: null, round: {} })]) {
      await page.evaluate((text) => localStorage.setItem('ripple-effect:round-in-progress:v1', text), bad);
      await page.goto(page.url().split('?')[0]!);
      await waitForScreen(page, 'title');
      const shown = (await texts(page)).join('\n');
      expect(shown).toMatch(/could not be read|another version/);
      expect(shown).not.toMatch(/^Resume /m);
      expect(await page.evaluate(() => localStorage.getItem('ripple-effect:round-in-progress:v1'))).toBeNull();
      expect(await page.evaluate(() => localStorage.getItem('ripple-effect:round-in-progress:v1:set-aside'))).toBe(bad);
    }
    await game.shot('resume-03-set-aside-message');
  });

  it('after a crash (no goodbye from the page) the last write is offered and resumes at its state hash', async () => {
    const page = game.page;
    const seen = game.problems.length;
    await page.goto(`${baseUrl()}/?level=clear-notes&seed=8`);
    await page.waitForFunction(() => ['title', 'briefing'].includes(window.__ripple?.state().screen ?? ''));
    if ((await page.evaluate(() => window.__ripple!.state().screen)) === 'title') {
      await press(page, 'ArrowDown'); // a game left by the test before: discard it
      await press(page, 'Enter');
      await page.waitForFunction(() => window.__ripple!.kept()!.stored === null);
      await page.goto(`${baseUrl()}/?level=clear-notes&seed=8`);
    }
    await startBoard(page);
    await playAWhile(page, 15);
    const end = (await sim(page)).end;
    // Running, not paused: only the writes made as the round went (a command, every 3 sim seconds) count.
    await page.waitForFunction(() => (window.__ripple!.kept()?.stored?.t ?? 0) >= 15, undefined, { timeout: 30_000 });
    const kept = (await page.evaluate(() => window.__ripple!.kept()!.stored))!;
    expect(kept.paused).toBe(false);
    const cdp = await page.context().newCDPSession(page);
    const crashed = page.waitForEvent('crash', { timeout: 20_000 });
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await new Promise((r) => setTimeout(r, 200));
    // What the navigations and the crash cut short (requests in flight) is no error of the game.
    for (const p of game.problems.splice(seen)) expect(p).toMatch(/ERR_ABORTED|crash/i);
    const again = await openGame('', { browser: game.browser });
    try {
      await waitForScreen(again.page, 'title');
      const stored = (await again.page.evaluate(() => window.__ripple!.kept()!.stored))!;
      expect(stored.t).toBeGreaterThanOrEqual(kept.t);
      expect(await texts(again.page)).toContain(`Resume with ${left({ t: stored.t, end })} left`);
      await press(again.page, 'Enter');
      await waitForScreen(again.page, 'play');
      const s = await sim(again.page);
      expect(s.t).toBe(stored.t);
      expect(s.hash).toBe(stored.hash);
      expect(s.commandLog.length).toBe(stored.commands);
      expect(again.problems).toEqual([]);
    } finally {
      await again.close();
    }
    // The crashed page may report a request it cut short (its favicon) only later: still no error of the game.
    for (const p of game.problems.splice(seen)) expect(p).toMatch(/ERR_ABORTED|crash/i);
  });

  it('logged no errors', () => expect(game.problems).toEqual([]));
});

describe('a reload mid-round of a session, with the projector open', { timeout: 300_000 }, () => {
  const TEAM = 'Blue table';
  let presenter: GamePage;
  let popup: Page;
  let before: { t: number; end: number; hash: string; commands: number };
  const round = () =>
    presenter.page.evaluate(() => {
      const raw = localStorage.getItem('ripple-effect:session:v1');
      const s = raw ? (JSON.parse(raw) as { rounds: Array<{ status: string; restarts?: number; bookmarks: unknown[] }> }) : null;
      return s?.rounds[0] ?? null;
    });

  beforeAll(async () => {
    presenter = await openGame('?facilitator=1');
    const page = presenter.page;
    await waitForScreen(page, 'title');
    await page.keyboard.press('g');
    await page.locator('.rx-session').waitFor({ state: 'visible' });
    await page.selectOption('select[name="level"]', 'clear-notes');
    await page.fill('input[name="seed"]', '11');
    await page.fill('input[name="team"]', TEAM);
    await page.click('[data-testid="add-round"]');
    await page.click('[data-testid="start-r1"]');
    await startBoard(page);
    await page.waitForSelector('.lv-bar');
    const [p] = await Promise.all([presenter.browser.context.waitForEvent('page'), press(page, 'o')]);
    popup = p;
    await popup.waitForFunction(() => window.__ripple?.audience()?.showing === 'play', undefined, { timeout: 60_000 });
    await waitForScreen(popup, 'play', 60_000);
  }, 150_000);
  afterAll(async () => presenter?.close());

  it('keeps the round with its session round and attempt, and a bookmark of this attempt', async () => {
    const page = presenter.page;
    await playAWhile(page);
    await press(page, 'b');
    await page.waitForSelector('.lv-markbox input', { state: 'visible' });
    await page.keyboard.type('before the reload');
    await page.keyboard.press('Enter');
    before = await pauseAndKeep(page);
    expect(await page.evaluate(() => window.__ripple!.kept()!.stored)).toMatchObject({ roundId: 'r1', attempt: 1, paused: true });
    // The room's board shows that moment (its play scene may still be starting when the replica is there).
    await popup.waitForFunction((t) => window.__ripple!.audience()?.replicaT === t && window.__ripple!.sim()?.t === t, before.t, { timeout: 30_000 });
    expect((await sim(popup)).hash).toBe(before.hash);
    expect((await round())?.bookmarks).toHaveLength(1);
  });

  it('after the reload the title offers the team’s round; the projector says the link is gone', async () => {
    const page = presenter.page;
    await page.reload();
    await waitForScreen(page, 'title');
    const shown = await texts(page);
    expect(shown).toContain(`Resume with ${left(before)} left`);
    expect(shown.some((t) => t.includes(`${TEAM}'s round of Notes a Peer Can Follow`))).toBe(true);
    await popup.waitForFunction(() => window.__ripple!.audience()?.connected === false, undefined, { timeout: 15_000 });
    await page.waitForTimeout(300);
    await popup.screenshot({ path: 'e2e/artifacts/resume-07-projector-while-presenter-reloads.png' });
    await presenter.shot('resume-04-session-title-offer');
  });

  it('the session panel’s "Playing now" row resumes it at the same state hash', async () => {
    const page = presenter.page;
    await page.keyboard.press('g');
    await page.locator('.rx-session').waitFor({ state: 'visible' });
    const row = page.locator('tr[data-round="r1"]');
    expect(await row.locator('.rx-status').textContent()).toBe('Playing now');
    expect(await row.locator('[data-testid="resume-r1"]').textContent()).toBe(`Resume with ${left(before)} left`);
    await presenter.shot('resume-05-session-panel-row');
    await page.click('[data-testid="resume-r1"]');
    await waitForScreen(page, 'play');
    await page.waitForSelector('.lv-bar');
    const s = await sim(page);
    expect(s.t).toBe(before.t);
    expect(s.hash).toBe(before.hash);
    expect(await page.evaluate(() => window.__ripple!.state().speed)).toBe(0);
    expect(await round()).toMatchObject({ status: 'playing', bookmarks: [{ note: 'before the reload' }] });
  });

  it('the projector re-links and shows the resumed board at the same state hash', async () => {
    await popup.waitForFunction(
      (t) => {
        const a = window.__ripple!.audience();
        return !!a && a.connected && a.showing === 'play' && a.replicaT === t && window.__ripple!.sim()?.t === t;
      },
      before.t,
      { timeout: 30_000 },
    );
    expect((await sim(popup)).hash).toBe(before.hash);
    await presenter.page.waitForFunction(() => document.querySelector('.lv-room')?.textContent === 'Projector window linked', undefined, { timeout: 15_000 });
    await popup.waitForTimeout(500);
    expect(await canvasVariety(popup)).toBeGreaterThan(0.05);
    await popup.screenshot({ path: 'e2e/artifacts/resume-06-projector-relinked.png' });
    // It follows the game on from there.
    await press(presenter.page, 'p');
    await popup.waitForFunction((t) => (window.__ripple!.audience()?.replicaT ?? 0) > t + 1, before.t, { timeout: 30_000 });
  });

  it('discarding the kept game after another reload puts the round back to planned without its bookmarks', async () => {
    const page = presenter.page;
    await pauseAndKeep(page);
    await page.reload();
    await waitForScreen(page, 'title');
    await press(page, 'ArrowDown');
    await press(page, 'Enter');
    await page.waitForFunction(() => window.__ripple!.kept()!.stored === null);
    await page.waitForFunction(() => !window.__ripple!.texts().some((t) => t.text.startsWith('Resume with')));
    expect(await round()).toMatchObject({ status: 'planned', bookmarks: [] });
  });

  it('logged no errors', () => expect(presenter.problems).toEqual([]));
});

describe('storage that refuses the game in progress', { timeout: 200_000 }, () => {
  let browser: LaunchedBrowser;
  afterAll(async () => browser?.close());

  it('says so once, plainly, and the game plays on; progress still saves', async () => {
    browser = await launchBrowser();
    // This browser refuses the game in progress (the big write) as if its storage were full.
    await browser.context.addInitScript(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k: string, v: string) {
        if (k.startsWith('ripple-effect:round-in-progress')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    const full = await openBoard('?level=clear-notes&seed=3', undefined, { browser });
    const page = full.page;
    await page.waitForFunction(() => window.__ripple!.kept()?.failed === true);
    // Every toast since the page loaded (one lasts 4 s: on a busy machine this may look after it went).
    const said = await page.evaluate(() => window.__ripple!.toastLog().filter((t) => t.includes("can't keep the game in progress")));
    expect(said).toHaveLength(1);
    await playAWhile(page, 12);
    await press(page, 'p');
    await press(page, 'p');
    const t = (await sim(page)).t;
    await page.waitForFunction((x) => window.__ripple!.sim()!.t > x + 2, t, { timeout: 20_000 });
    const info = await page.evaluate(() => window.__ripple!.kept()!);
    expect(info.refused).toBeGreaterThan(3);
    expect(info.warnings).toBe(1);
    expect(await page.evaluate(() => window.__ripple!.toastLog().filter((t) => t.includes("can't keep the game")))).toHaveLength(1);
    expect(info.writes).toBe(0);
    await page.evaluate(() => window.__rippleDrive!.playOut('wholistic'));
    await waitForScreen(page, 'results');
    // Progress is another, small write: it is kept.
    expect(await page.evaluate(() => localStorage.getItem('ripple-effect:v1'))).toContain('clear-notes');
    expect(full.problems).toEqual([]);
  });
});
