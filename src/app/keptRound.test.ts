/**
 * The app's keeper of the game in progress: it writes as the round grows (a command, a pause or speed
 * change, every few sim seconds), clears on the end or on leaving the board, warns once when storage
 * refuses, and resumes a kept game at the same state hash (a facilitator's round only into its attempt).
 */
import { describe, expect, it } from 'vitest';
import { createSim } from '../sim/index';
import { createUiStore } from '../store/store';
import { tinyLevel } from '../facilitator/testing/simFixtures';
import { KEPT_KEY, type KeptSession, type KeptStorage } from '../roundlog/kept';
import type { PlayData } from '../game/scenes/sceneData';
import { createKeptService, KEPT_CANNOT_SAVE, KEPT_EVERY, type KeptDeps } from './keptRound';

class MemoryStorage implements KeptStorage {
  readonly data = new Map<string, string>();
  sets = 0;
  fail = false;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.fail) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    this.sets++;
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

function rig(over: Partial<KeptDeps> = {}, storage = new MemoryStorage()) {
  const store = createUiStore();
  const started: PlayData[] = [];
  const messages: string[] = [];
  const kept = createKeptService({
    store,
    storage,
    levelOf: (id) => (id === tinyLevel.id ? tinyLevel : null),
    adoptLevel: () => {},
    session: () => null,
    resumeSession: () => Promise.resolve(null),
    dropSession: () => Promise.resolve(),
    start: (d) => started.push(d),
    messages,
    nowMs: () => 0,
    ...over,
  });
  return { store, storage, kept, started, messages };
}

/** A board on the tiny level, as the play scene starts one. */
function board(r: ReturnType<typeof rig>) {
  r.store.getState().go('play', tinyLevel.id);
  return r.kept.began({ level: tinyLevel, levelId: tinyLevel.id, seed: 3, sim: createSim(tinyLevel, 3, {}) });
}

describe('keeping the game in progress', () => {
  it('writes at the start, on a command, on a pause, and every few sim seconds otherwise', () => {
    const r = rig();
    const sim = board(r);
    expect(r.storage.sets).toBe(1);
    sim.advanceTo(1);
    r.kept.frame();
    expect(r.storage.sets).toBe(1); // nothing new yet
    sim.apply({ type: 'extend', seconds: 30 });
    r.kept.frame();
    expect(r.storage.sets).toBe(2);
    sim.advanceTo(1 + KEPT_EVERY + 0.1);
    r.kept.frame();
    expect(r.storage.sets).toBe(3);
    r.store.getState().setSpeed(0);
    r.kept.frame();
    expect(r.storage.sets).toBe(4);
    r.kept.frame();
    expect(r.storage.sets).toBe(4);
    const info = r.kept.info();
    expect(info.stored).toMatchObject({ t: sim.now(), commands: 1, paused: true, hash: sim.hash() });
  });

  it('clears when the round ends or the board is left', () => {
    const r = rig();
    board(r);
    r.kept.finished();
    expect(r.storage.getItem(KEPT_KEY)).toBeNull();
    board(r);
    expect(r.storage.getItem(KEPT_KEY)).not.toBeNull();
    r.store.getState().go('select', null);
    expect(r.storage.getItem(KEPT_KEY)).toBeNull();
  });

  it('a full storage warns once and the game goes on', () => {
    const r = rig();
    const sim = board(r);
    r.storage.fail = true;
    for (let i = 0; i < 3; i++) {
      sim.apply({ type: 'extend', seconds: 5 });
      r.kept.frame();
    }
    expect(r.store.getState().toasts.filter((t) => t.text === KEPT_CANNOT_SAVE)).toHaveLength(1);
    expect(r.kept.info().failed).toBe(true);
  });

  it('a new game whose first write fails leaves no older game to be offered', () => {
    const r = rig();
    board(r).advanceTo(20);
    r.kept.flush();
    r.storage.fail = true;
    board(r);
    expect(r.storage.getItem(KEPT_KEY)).toBeNull();
  });

  it('offers the kept game after a reload and resumes it paused at the same state hash', async () => {
    const first = rig();
    const sim = board(first);
    sim.advanceTo(10);
    sim.apply({ type: 'extend', seconds: 30 });
    sim.advanceTo(42);
    first.store.getState().setSpeed(2);
    first.store.getState().setSpeed(0);
    first.kept.frame();
    // The next page load: a new service on the same storage.
    const next = rig({}, first.storage);
    const offer = next.kept.offer();
    // In the board's terms: 300 s plus 30 more, 42 played, so 4:48 left.
    expect(offer).toMatchObject({ levelTitle: tinyLevel.title, at: '0:42', left: '4:48', team: null });
    expect(await next.kept.resume()).toBeNull();
    expect(next.started).toHaveLength(1);
    const data = next.started[0]!;
    expect(data.resume?.speed).toBe(2);
    expect(data.resume?.sim.hash()).toBe(sim.hash());
    expect(data.resume?.sim.now()).toBe(42);
  });

  it('a facilitator round resumes only when it is still that attempt; discarding drops the attempt', async () => {
    const session: KeptSession = { sessionId: 's', roundId: 'r1', attempt: 2, team: 'Blue' };
    const first = rig({ session: () => session });
    board(first).advanceTo(10);
    first.kept.flush();
    const refused = rig({ resumeSession: () => Promise.resolve("Blue's round was started again") }, first.storage);
    expect(refused.kept.offer()).toMatchObject({ team: 'Blue', roundId: 'r1', attempt: 2 });
    expect(await refused.kept.resume()).toMatch(/started again/);
    expect(refused.started).toHaveLength(0);
    expect(refused.messages.join(' ')).toMatch(/started again.*set aside/);
    expect(refused.kept.offer()).toBeNull();

    const again = rig({ session: () => session });
    board(again).advanceTo(10);
    again.kept.flush();
    const dropped: KeptSession[] = [];
    const later = rig(
      {
        dropSession: (k: KeptSession) => {
          dropped.push(k);
          return Promise.resolve();
        },
      },
      again.storage,
    );
    await later.kept.discard();
    expect(dropped).toEqual([session]);
    expect(later.storage.getItem(KEPT_KEY)).toBeNull();
    expect(later.kept.offer()).toBeNull();
  });
});
