/**
 * The facilitator's session, kept in localStorage so it survives a reload, a closed tab or a restart.
 * A zustand vanilla store: the panel reads `session` and `status`, and calls the actions below.
 *
 * Every change is written at once. When the browser refuses (storage blocked, or full), the session
 * stays complete in memory, the previous saved copy is left as it was, and `status` says what happened
 * so the panel can offer an Export button. Nothing here ever drops a finished result.
 */
import { createStore } from 'zustand/vanilla';
import { sessionToCSV } from './csv';
import { sessionFromJSON, SESSION_FORMAT, sessionToJSON } from './exporters';
import * as S from './session';
import type { Change, NewRound, Round, RoundResult, Session } from './session';

export const SESSION_KEY = 'ripple-effect:session:v1';
export const MESSAGE_FULL =
  "This browser's storage is full, so the session can't be saved. Export it now to keep your results.";
export const MESSAGE_OTHER_TAB = (n: number): string =>
  `This session is open in another tab too.${n === 0 ? '' : n === 1 ? ' A round finished there was added here.' : ` ${n} rounds finished there were added here.`} Every finished round of both tabs is kept.`;
export const MESSAGE_BLOCKED =
  "This browser doesn't let the game save, so the session lives only in this tab. Export it now to keep your results.";

/** The part of the Web Storage API we use; tests pass a fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SaveStatus =
  { ok: true; message: null } | { ok: false; reason: 'full' | 'blocked' | 'unreadable'; message: string };

export interface SessionState {
  session: Session;
  status: SaveStatus;
  /** The latest refusal of an action, in plain words (cleared by the next accepted change). */
  notice: string | null;
  /** Set once another tab of this browser is seen saving this session: what was taken in from it. */
  otherTab: string | null;
}

export interface SessionActions {
  addRound(round: NewRound): Change;
  startRound(id: string): Change;
  finishRound(id: string, result: RoundResult): Change;
  restartRound(id: string): Change;
  stopRound(id: string): Change;
  removeRound(id: string): Change;
  /** Drops any round on purpose (see session.discardRound); `playingNow` is the round in play, if any. */
  discardRound(id: string, playingNow: string | null): Change;
  putBackRound(round: Round, index: number): Change;
  renameTeam(id: string, team: string): Change;
  renameSession(name: string): Change;
  addBookmark(id: string, t: number, note: string): Change;
  removeBookmark(id: string, index: number): Change;
  /** Replaces the session only when the file is valid; the old one is kept as a backup copy. */
  importSession(text: string): { ok: true } | { ok: false; message: string };
  /** Starts an empty session; the old one is kept as a backup copy in storage (best effort). */
  newSession(name?: string): void;
  /** Tries to save again (e.g. after the facilitator freed space). */
  save(): SaveStatus;
  /**
   * Takes in a copy saved by another window of the same browser (see followOtherTabs). Finished
   * results this window holds are kept even if the other copy lacks them. Never writes.
   */
  adopt(text: string): boolean;
  exportJSON(): string;
  exportCSV(): string;
}

export type SessionStore = SessionState & SessionActions;

export interface SessionStoreOptions {
  /** Defaults to window.localStorage when the browser allows it. null: keep in memory only. */
  storage?: StorageLike | null;
  key?: string;
  /** ISO date-time for new sessions; defaults to the wall clock. */
  now?: () => string;
  /** Id for new sessions; defaults to crypto.randomUUID(). */
  newId?: () => string;
  /** Audience windows read the session but never write it. */
  readOnly?: boolean;
}

/** localStorage, or null when the browser blocks it (some private modes throw on mere access). */
export function browserStorage(): StorageLike | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

const OK: SaveStatus = { ok: true, message: null };
const blocked: SaveStatus = { ok: false, reason: 'blocked', message: MESSAGE_BLOCKED };

function defaultId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `s-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

export function createSessionStore(opts: SessionStoreOptions = {}) {
  const storage = opts.storage === undefined ? browserStorage() : opts.storage;
  const key = opts.key ?? SESSION_KEY;
  const now = opts.now ?? (() => new Date().toISOString());
  const newId = opts.newId ?? defaultId;
  const fresh = (name?: string): Session => S.createSession({ id: newId(), name, createdAt: now() });

  /** Set when the saved copy could not be read nor backed up: we must not write over it. */
  let protectSaved = false;
  /** The text this window last wrote or read under `key`: anything else there came from another tab. */
  let lastSeen: string | null = null;

  function write(k: string, session: Session): SaveStatus {
    if (!storage) return blocked;
    try {
      const text = JSON.stringify({ format: SESSION_FORMAT, ...session });
      storage.setItem(k, text);
      if (k === key) lastSeen = text;
      return OK;
    } catch (e) {
      return isQuotaError(e) ? { ok: false, reason: 'full', message: MESSAGE_FULL } : blocked;
    }
  }

  function load(): { session: Session; status: SaveStatus } {
    if (!storage) return { session: fresh(), status: blocked };
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      return { session: fresh(), status: blocked };
    }
    if (text === null) return { session: fresh(), status: OK };
    lastSeen = text;
    const read = sessionFromJSON(text);
    if ('session' in read) return { session: read.session, status: OK };
    let kept = `The unreadable copy is kept in this browser under "${key}:unreadable".`;
    try {
      storage.setItem(`${key}:unreadable`, text);
    } catch {
      protectSaved = true;
      kept = 'It is left untouched, and this session will not be saved over it.';
    }
    const message = `The saved session could not be read, so a new one was started. ${kept} (${read.error})`;
    return { session: fresh(), status: { ok: false, reason: 'unreadable', message } };
  }

  const initial = load();

  const store = createStore<SessionStore>()((set, get) => {
    /** Applies a change; on acceptance writes it at once. */
    const change = (c: Change): Change => {
      if (!c.ok) {
        set({ notice: c.message });
        return c;
      }
      set({ session: c.session, notice: null });
      persist();
      return c;
    };

    /**
     * Another tab of this browser saved since this one last did (two facilitator tabs): its finished
     * rounds are merged in before writing, so this write never clobbers a round it just finished.
     */
    const takeInOtherTab = (): void => {
      let text: string | null;
      try {
        text = storage?.getItem(key) ?? null;
      } catch {
        return;
      }
      if (text === null || text === lastSeen) return;
      const read = sessionFromJSON(text);
      if (!('session' in read) || read.session.id !== get().session.id) return;
      const merged = S.mergeSessions(get().session, read.session, { finishedOnly: true });
      lastSeen = text;
      set({ otherTab: MESSAGE_OTHER_TAB(merged.added) });
      if (merged.added > 0) set({ session: merged.session });
    };

    const persist = (): SaveStatus => {
      if (opts.readOnly) return get().status;
      if (!protectSaved) takeInOtherTab();
      const status = protectSaved ? get().status : write(key, get().session);
      set({ status });
      return status;
    };

    const backup = (): void => {
      if (!opts.readOnly && !protectSaved) write(`${key}:previous`, get().session);
    };

    return {
      session: initial.session,
      status: initial.status,
      notice: null,
      otherTab: null,
      addRound: (round) => change(S.addRound(get().session, round)),
      startRound: (id) => change(S.startRound(get().session, id)),
      finishRound: (id, result) => change(S.finishRound(get().session, id, result)),
      restartRound: (id) => change(S.restartRound(get().session, id)),
      stopRound: (id) => change(S.stopRound(get().session, id)),
      removeRound: (id) => change(S.removeRound(get().session, id)),
      discardRound: (id, playingNow) => change(S.discardRound(get().session, id, playingNow)),
      putBackRound: (round, index) => change(S.putBackRound(get().session, round, index)),
      renameTeam: (id, team) => change(S.renameTeam(get().session, id, team)),
      renameSession: (name) => change(S.renameSession(get().session, name)),
      addBookmark: (id, t, note) => change(S.addBookmark(get().session, id, t, note)),
      removeBookmark: (id, index) => change(S.removeBookmark(get().session, id, index)),
      importSession: (text) => {
        const read = sessionFromJSON(text);
        if ('error' in read) {
          set({ notice: read.error });
          return { ok: false, message: read.error };
        }
        backup();
        change({ ok: true, session: read.session });
        return { ok: true };
      },
      newSession: (name) => {
        backup();
        change({ ok: true, session: fresh(name) });
      },
      save: () => {
        if (protectSaved) {
          // The facilitator asked to save on purpose: the unreadable copy has had its warning.
          protectSaved = false;
        }
        return persist();
      },
      adopt: (text) => {
        const read = sessionFromJSON(text);
        if ('error' in read) return false;
        const merged = S.keepFinished(get().session, read.session);
        set({ session: merged });
        if (!opts.readOnly) {
          lastSeen = text;
          set({ otherTab: MESSAGE_OTHER_TAB(0) });
          // Write back only when this tab held finished results the other copy lacked.
          const more = S.finishedRounds(merged).length > S.finishedRounds(read.session).length;
          if (more) persist();
        }
        return true;
      },
      exportJSON: () => sessionToJSON(get().session),
      exportCSV: () => sessionToCSV(get().session),
    };
  });
  // The first write tells at once whether saving works here (a blocked or full browser shows up now).
  if (!opts.readOnly && initial.status.ok) store.getState().save();
  return store;
}

export type SessionStoreApi = ReturnType<typeof createSessionStore>;

/**
 * Keeps a (read-only) audience window's session in step with the presenter window's saves, through the
 * browser's 'storage' event. Returns a function that stops listening.
 */
export function followOtherTabs(
  store: SessionStoreApi,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  key = SESSION_KEY,
): () => void {
  const onStorage = (e: StorageEvent): void => {
    if (e.key === key && e.newValue) store.getState().adopt(e.newValue);
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}
