import { describe, expect, it } from 'vitest';
import { sessionToJSON } from './exporters';
import type { StorageLike } from './sessionStore';
import {
  createSessionStore,
  followOtherTabs,
  MESSAGE_BLOCKED,
  MESSAGE_FULL,
  SESSION_KEY,
} from './sessionStore';
import { makeResult, makeSession } from '../testing/testFixtures';

class FakeStorage implements StorageLike {
  data = new Map<string, string>();
  /** Throw on writes: 'full' like a real QuotaExceededError, 'blocked' like a SecurityError. */
  fail: 'full' | 'blocked' | null = null;
  writes = 0;
  getItem(k: string) {
    if (this.fail === 'blocked') throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.fail === 'full')
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError', code: 22 });
    if (this.fail === 'blocked') throw Object.assign(new Error('denied'), { name: 'SecurityError' });
    this.writes++;
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

let ids = 0;
const opts = (storage: StorageLike | null) => ({
  storage,
  now: () => '2025-03-04T09:00:00.000Z',
  newId: () => `id-${++ids}`,
});

describe('session store', () => {
  it('writes every change and survives a reload', () => {
    const storage = new FakeStorage();
    const a = createSessionStore(opts(storage));
    a.getState().addRound({ levelId: 'tiny-desk', levelTitle: 'Tiny desk', seed: 3, team: 'Blue' });
    a.getState().startRound('r1');
    a.getState().addBookmark('r1', 42, 'Billing piles up');
    a.getState().finishRound('r1', makeResult());
    expect(a.getState().status.ok).toBe(true);
    const b = createSessionStore(opts(storage));
    expect(b.getState().session).toEqual(a.getState().session);
    expect(b.getState().session.rounds[0]?.result?.score.total).toBe(70);
  });

  it('keeps results in memory and the last saved copy when storage is full', () => {
    const storage = new FakeStorage();
    const store = createSessionStore(opts(storage));
    store.getState().addRound({ levelId: 'l', levelTitle: 'L', seed: 1 });
    store.getState().startRound('r1');
    const savedBefore = storage.data.get(SESSION_KEY);
    storage.fail = 'full';
    const change = store.getState().finishRound('r1', makeResult(88));
    expect(change.ok).toBe(true);
    expect(store.getState().session.rounds[0]?.result?.score.total).toBe(88);
    expect(store.getState().status).toEqual({ ok: false, reason: 'full', message: MESSAGE_FULL });
    expect(storage.data.get(SESSION_KEY)).toBe(savedBefore);
    // The facilitator can still export everything.
    expect(store.getState().exportJSON()).toContain('"total": 88');
    // Space freed: the next save works and the status clears.
    storage.fail = null;
    expect(store.getState().save()).toEqual({ ok: true, message: null });
    expect(createSessionStore(opts(storage)).getState().session.rounds[0]?.result?.score.total).toBe(88);
  });

  it('plays on in memory when storage is blocked or missing', () => {
    const storage = new FakeStorage();
    storage.fail = 'blocked';
    const store = createSessionStore(opts(storage));
    expect(store.getState().status).toMatchObject({ ok: false, reason: 'blocked', message: MESSAGE_BLOCKED });
    store.getState().addRound({ levelId: 'l', levelTitle: 'L', seed: 1 });
    expect(store.getState().session.rounds).toHaveLength(1);
    const none = createSessionStore(opts(null));
    expect(none.getState().status.ok).toBe(false);
  });

  it('does not replace the session with a broken import, and says why', () => {
    const storage = new FakeStorage();
    const store = createSessionStore(opts(storage));
    store.getState().addRound({ levelId: 'l', levelTitle: 'L', seed: 1 });
    const before = store.getState().session;
    const res = store.getState().importSession('{"formatVersion":1,"departments":[]}');
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/level file/) });
    expect(store.getState().session).toBe(before);
    expect(store.getState().notice).toMatch(/level file/);
  });

  it('imports a good file and keeps the old session as a backup copy', () => {
    const storage = new FakeStorage();
    const store = createSessionStore(opts(storage));
    const oldId = store.getState().session.id;
    expect(store.getState().importSession(sessionToJSON(makeSession()))).toEqual({ ok: true });
    expect(store.getState().session.id).toBe('sess-1');
    expect(JSON.parse(storage.data.get(`${SESSION_KEY}:previous`)!).id).toBe(oldId);
    store.getState().newSession('Afternoon');
    expect(store.getState().session.name).toBe('Afternoon');
    expect(JSON.parse(storage.data.get(`${SESSION_KEY}:previous`)!).id).toBe('sess-1');
  });

  it('keeps an unreadable saved copy aside instead of writing over it', () => {
    const storage = new FakeStorage();
    storage.data.set(SESSION_KEY, '{"rounds": [ broken');
    const store = createSessionStore(opts(storage));
    expect(store.getState().status).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(storage.data.get(`${SESSION_KEY}:unreadable`)).toBe('{"rounds": [ broken');
  });

  it('never writes over an unreadable copy it could not back up', () => {
    const storage = new FakeStorage();
    storage.data.set(SESSION_KEY, 'garbage');
    storage.fail = 'full';
    const store = createSessionStore(opts(storage));
    storage.fail = null;
    store.getState().addRound({ levelId: 'l', levelTitle: 'L', seed: 1 });
    expect(storage.data.get(SESSION_KEY)).toBe('garbage');
    expect(store.getState().status.message).toMatch(/will not be saved over it/);
  });

  it('never writes in an audience window', () => {
    const storage = new FakeStorage();
    storage.data.set(SESSION_KEY, sessionToJSON(makeSession()));
    const store = createSessionStore({ ...opts(storage), readOnly: true });
    store.getState().renameTeam('r1', 'Red');
    expect(storage.writes).toBe(0);
    expect(store.getState().session.rounds[0]?.team).toBe('Red');
  });

  it('follows saves made by another window, keeping its own finished results', () => {
    const storage = new FakeStorage();
    const presenter = createSessionStore(opts(storage));
    const audience = createSessionStore({ ...opts(storage), readOnly: true });
    let listener: ((e: StorageEvent) => void) | null = null;
    const target = {
      addEventListener: (_: string, f: (e: StorageEvent) => void) => (listener = f),
      removeEventListener: () => (listener = null),
    } as unknown as Window;
    const stop = followOtherTabs(audience, target);
    presenter.getState().addRound({ levelId: 'l', levelTitle: 'L', seed: 1, team: 'Blue' });
    listener!({ key: SESSION_KEY, newValue: storage.data.get(SESSION_KEY)! } as StorageEvent);
    expect(audience.getState().session.rounds[0]?.team).toBe('Blue');
    expect(audience.getState().adopt('not json')).toBe(false);
    stop();
    expect(listener).toBeNull();
  });

  it('reports refusals as a notice', () => {
    const store = createSessionStore(opts(new FakeStorage()));
    store.getState().removeRound('r9');
    expect(store.getState().notice).toBe('There is no round "r9" in this session.');
  });
});
