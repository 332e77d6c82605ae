/**
 * Saving settings and level progress in localStorage, robust to what browsers do in workshops:
 * storage blocked by privacy settings (SecurityError on access), storage full (QuotaExceededError),
 * and saved text that cannot be read (kept under a backup key, never destroyed). Failures never stop
 * the game: the store's storageOk/storageMessage tell the player in plain words.
 */
import { defaultSettings, type LevelProgress, type Settings, type UiStoreApi } from './store';

export const STORAGE_KEY = 'ripple-effect:v1';
export const BACKUP_KEY = 'ripple-effect:v1:unreadable-backup';

export const CANNOT_SAVE_MESSAGE = "Your progress can't be saved in this browser, but you can keep playing.";
export const UNREADABLE_MESSAGE =
  'Your saved progress could not be read, so the game started fresh. A copy of the old data was kept in this browser.';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Saved {
  version: 1;
  settings: Settings;
  progress: Record<string, LevelProgress>;
}

export interface LoadResult {
  /** What was saved, cleaned; null when nothing usable was stored. */
  saved: Saved | null;
  /** False when storage cannot be used at all. */
  ok: boolean;
  message: string | null;
}

/** The browser's localStorage, or null when merely touching it throws (blocked storage). */
export function browserStorage(): StorageLike | null {
  try {
    if (typeof window === 'undefined') return null;
    const s = window.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Keeps only well-formed settings; anything else falls back to `base`. */
export function cleanSettings(raw: unknown, base: Settings = defaultSettings): Settings {
  const out: Settings = { ...base };
  if (!isRec(raw)) return out;
  const bools = ['reducedMotion', 'highContrast', 'sfx', 'music', 'muted', 'facilitator'] as const;
  for (const k of bools) if (typeof raw[k] === 'boolean') out[k] = raw[k];
  if (typeof raw.textScale === 'number' && Number.isFinite(raw.textScale)) out.textScale = clamp(raw.textScale, 1, 1.5);
  if (typeof raw.masterVolume === 'number' && Number.isFinite(raw.masterVolume)) out.masterVolume = clamp(raw.masterVolume, 0, 1);
  return out;
}

export function cleanProgress(raw: unknown): Record<string, LevelProgress> {
  const out: Record<string, LevelProgress> = {};
  if (!isRec(raw)) return out;
  for (const [id, p] of Object.entries(raw)) {
    if (!isRec(p) || typeof p.bestScore !== 'number' || typeof p.stars !== 'number') continue;
    if (!Number.isFinite(p.bestScore) || !Number.isFinite(p.stars)) continue;
    out[id] = { bestScore: clamp(p.bestScore, 0, 100), stars: clamp(Math.round(p.stars), 0, 3) };
  }
  return out;
}

/**
 * Reads saved data. Unreadable text is copied to BACKUP_KEY (so nothing is lost) and the game
 * starts fresh with a message; blocked storage gives ok=false.
 */
export function loadSaved(storage: StorageLike | null, base: Settings = defaultSettings): LoadResult {
  if (!storage) return { saved: null, ok: false, message: CANNOT_SAVE_MESSAGE };
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return { saved: null, ok: false, message: CANNOT_SAVE_MESSAGE };
  }
  if (text === null) return { saved: null, ok: true, message: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!isRec(data) || data.version !== 1) {
    try {
      storage.setItem(BACKUP_KEY, text);
      storage.removeItem(STORAGE_KEY);
    } catch {
      // Could not keep a copy: leave the original where it is rather than lose it.
      return { saved: null, ok: false, message: CANNOT_SAVE_MESSAGE };
    }
    return { saved: null, ok: true, message: UNREADABLE_MESSAGE };
  }
  return {
    saved: { version: 1, settings: cleanSettings(data.settings, base), progress: cleanProgress(data.progress) },
    ok: true,
    message: null,
  };
}

/** Writes settings and progress; false when storage refused (blocked or full). */
export function writeSaved(storage: StorageLike | null, saved: Omit<Saved, 'version'>): boolean {
  if (!storage) return false;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, settings: saved.settings, progress: saved.progress }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads saved data into the store, then saves settings and progress whenever they change.
 * Returns an unsubscribe function.
 */
export function attachPersistence(store: UiStoreApi, storage: StorageLike | null): () => void {
  const loaded = loadSaved(storage, store.getState().settings);
  if (loaded.saved) store.setState({ settings: loaded.saved.settings, progress: loaded.saved.progress });
  store.getState().setStorageStatus(loaded.ok, loaded.message);
  let last = { settings: store.getState().settings, progress: store.getState().progress };
  return store.subscribe((s) => {
    if (s.settings === last.settings && s.progress === last.progress) return;
    last = { settings: s.settings, progress: s.progress };
    const ok = writeSaved(loaded.ok ? storage : null, last);
    if (!ok && s.storageOk) s.setStorageStatus(false, CANNOT_SAVE_MESSAGE);
    else if (ok && !s.storageOk) s.setStorageStatus(true, null);
  });
}
