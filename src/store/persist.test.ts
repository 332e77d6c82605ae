import { describe, expect, it } from 'vitest';
import { createUiStore, defaultSettings } from './store';
import {
  attachPersistence,
  BACKUP_KEY,
  CANNOT_SAVE_MESSAGE,
  cleanSettings,
  loadSaved,
  STORAGE_KEY,
  UNREADABLE_MESSAGE,
  writeSaved,
  type StorageLike,
} from './persist';

class MemoryStorage implements StorageLike {
  data = new Map<string, string>();
  quota = Infinity;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const blocked: StorageLike = {
  getItem() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  removeItem() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

describe('persist', () => {
  it('round-trips settings and progress', () => {
    const mem = new MemoryStorage();
    const a = createUiStore();
    attachPersistence(a, mem);
    a.getState().updateSettings({ textScale: 1.5, highContrast: true });
    a.getState().recordResult('right-desk', 72, 2);
    const b = createUiStore();
    attachPersistence(b, mem);
    expect(b.getState().settings.textScale).toBe(1.5);
    expect(b.getState().settings.highContrast).toBe(true);
    expect(b.getState().progress['right-desk']).toEqual({ bestScore: 72, stars: 2 });
    expect(b.getState().storageOk).toBe(true);
    expect(b.getState().storageMessage).toBeNull();
  });

  it('starts with nothing saved and says nothing', () => {
    const r = loadSaved(new MemoryStorage());
    expect(r).toEqual({ saved: null, ok: true, message: null });
  });

  it('plays on when storage is blocked, and says so in plain words', () => {
    expect(loadSaved(null)).toMatchObject({ ok: false, message: CANNOT_SAVE_MESSAGE });
    const s = createUiStore();
    attachPersistence(s, blocked);
    expect(s.getState().storageOk).toBe(false);
    expect(s.getState().storageMessage).toBe(CANNOT_SAVE_MESSAGE);
    s.getState().recordResult('a', 50, 1);
    expect(s.getState().progress.a?.stars).toBe(1);
  });

  it('reports a full storage when saving fails, and recovers when it works again', () => {
    const mem = new MemoryStorage();
    const s = createUiStore();
    attachPersistence(s, mem);
    mem.quota = 10;
    s.getState().recordResult('a', 50, 1);
    expect(s.getState().storageOk).toBe(false);
    expect(s.getState().storageMessage).toBe(CANNOT_SAVE_MESSAGE);
    mem.quota = Infinity;
    s.getState().recordResult('a', 60, 2);
    expect(s.getState().storageOk).toBe(true);
    expect(JSON.parse(mem.getItem(STORAGE_KEY) ?? '{}').progress.a.stars).toBe(2);
  });

  it('keeps a backup of unreadable data, starts fresh and tells the player', () => {
    const mem = new MemoryStorage();
    mem.setItem(STORAGE_KEY, '{"version":1,"settings":{tr');
    const s = createUiStore();
    attachPersistence(s, mem);
    expect(mem.getItem(BACKUP_KEY)).toBe('{"version":1,"settings":{tr');
    expect(mem.getItem(STORAGE_KEY)).toBeNull();
    expect(s.getState().storageOk).toBe(true);
    expect(s.getState().storageMessage).toBe(UNREADABLE_MESSAGE);
    expect(s.getState().settings).toEqual(defaultSettings);
  });

  it('treats a wrong version as unreadable too', () => {
    const mem = new MemoryStorage();
    mem.setItem(STORAGE_KEY, '{"version":7}');
    expect(loadSaved(mem).message).toBe(UNREADABLE_MESSAGE);
    expect(mem.getItem(BACKUP_KEY)).toBe('{"version":7}');
  });

  it('cleans odd values instead of trusting them', () => {
    const c = cleanSettings({ textScale: 9, masterVolume: -1, highContrast: 'yes', sfx: false });
    expect(c.textScale).toBe(1.5);
    expect(c.masterVolume).toBe(0);
    expect(c.highContrast).toBe(false);
    expect(c.sfx).toBe(false);
    const mem = new MemoryStorage();
    mem.setItem(STORAGE_KEY, JSON.stringify({ version: 1, settings: {}, progress: { a: { bestScore: 500, stars: 7 }, b: 'x', c: { bestScore: 'x', stars: 1 } } }));
    expect(loadSaved(mem).saved?.progress).toEqual({ a: { bestScore: 100, stars: 3 } });
  });

  it('writeSaved says false instead of throwing', () => {
    expect(writeSaved(blocked, { settings: defaultSettings, progress: {} })).toBe(false);
    expect(writeSaved(null, { settings: defaultSettings, progress: {} })).toBe(false);
  });
});
