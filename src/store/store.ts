/**
 * UI and session state (zustand, vanilla). Phaser scenes and DOM panels read it and dispatch actions.
 * Game truth (tickets, queues, scores) lives in the sim, never here.
 */
import { createStore } from 'zustand/vanilla';
import type { Care } from '../level/schema';

export type Speed = 0 | 1 | 2 | 4;
export type Screen = 'boot' | 'title' | 'select' | 'briefing' | 'play' | 'results';

export interface Settings {
  reducedMotion: boolean;
  /** Text scale: 1 normal, 1.25 large, 1.5 projector. */
  textScale: number;
  highContrast: boolean;
  masterVolume: number;
  sfx: boolean;
  music: boolean;
  muted: boolean;
  /** Facilitator: every level unlocked. */
  facilitator: boolean;
}

export interface LevelProgress {
  bestScore: number;
  stars: number;
}

export interface Selection {
  /** Department whose outbox is focused (keyboard or click). */
  dept: string | null;
  /** Ticket picked up for routing. */
  ticket: number | null;
  /** Care chosen for the next drop. */
  care: Care;
}

export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'ripple' | 'bounce' | 'warning' | 'error';
  /** Wall-clock ms when shown (UI time, not sim time). */
  at: number;
  /**
   * The state it tells of, when it is one that ends ("request:new-laptops" while that request waits):
   * withdrawn (see `withdraw`) as soon as that state ends, so no toast stays up once it is no longer true.
   */
  about?: string;
}

export interface UiState {
  screen: Screen;
  levelId: string | null;
  seed: number;
  speed: Speed;
  /** Speed to return to when unpausing. */
  lastSpeed: Exclude<Speed, 0>;
  selection: Selection;
  toasts: Toast[];
  settings: Settings;
  progress: Record<string, LevelProgress>;
  /** False when localStorage is blocked or full: the game plays on but says progress won't be kept. */
  storageOk: boolean;
  storageMessage: string | null;
}

export interface UiActions {
  go(screen: Screen, levelId?: string | null): void;
  setSeed(seed: number): void;
  setSpeed(speed: Speed): void;
  togglePause(): void;
  select(sel: Partial<Selection>): void;
  clearSelection(): void;
  /**
   * A new run of a level (a new team, a restart): every per-run choice goes back to its default (notes
   * for the next handoff, speed, selection, messages), so nothing carries over from the last team.
   */
  startRun(): void;
  toast(text: string, kind?: Toast['kind'], nowMs?: number, about?: string): void;
  dropToast(id: number): void;
  /** Drops the toasts about a state that has ended (see Toast.about). */
  withdraw(about: string): void;
  updateSettings(patch: Partial<Settings>): void;
  recordResult(levelId: string, score: number, stars: number): void;
  setStorageStatus(ok: boolean, message: string | null): void;
}

export type UiStore = UiState & UiActions;

export const defaultSettings: Settings = {
  reducedMotion: false,
  textScale: 1,
  highContrast: false,
  masterVolume: 0.8,
  sfx: true,
  music: true,
  muted: false,
  facilitator: false,
};

const MAX_TOASTS = 4;
const NEW_RUN_SELECTION: Selection = { dept: null, ticket: null, care: 'quick' };

export function createUiStore(initial: Partial<UiState> = {}) {
  let toastId = 0;
  return createStore<UiStore>()((set, get) => ({
    screen: 'boot',
    levelId: null,
    seed: 1,
    speed: 1,
    lastSpeed: 1,
    selection: { ...NEW_RUN_SELECTION },
    toasts: [],
    settings: { ...defaultSettings },
    progress: {},
    storageOk: true,
    storageMessage: null,
    ...initial,

    go: (screen, levelId) => set({ screen, ...(levelId !== undefined ? { levelId } : {}) }),
    setSeed: (seed) => set({ seed }),
    setSpeed: (speed) => set(speed === 0 ? { speed } : { speed, lastSpeed: speed }),
    togglePause: () => {
      const { speed, lastSpeed } = get();
      set(speed === 0 ? { speed: lastSpeed } : { speed: 0 });
    },
    select: (sel) => set({ selection: { ...get().selection, ...sel } }),
    clearSelection: () => set({ selection: { ...get().selection, dept: null, ticket: null } }),
    startRun: () => set({ selection: { ...NEW_RUN_SELECTION }, speed: 1, lastSpeed: 1, toasts: [] }),
    toast: (text, kind = 'info', nowMs = 0, about) =>
      set({
        toasts: [...get().toasts, { id: ++toastId, text, kind, at: nowMs, ...(about ? { about } : {}) }].slice(
          -MAX_TOASTS,
        ),
      }),
    dropToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    withdraw: (about) => {
      const { toasts } = get();
      if (toasts.some((t) => t.about === about)) set({ toasts: toasts.filter((t) => t.about !== about) });
    },
    updateSettings: (patch) => set({ settings: { ...get().settings, ...patch } }),
    recordResult: (levelId, score, stars) => {
      const prev = get().progress[levelId];
      const next: LevelProgress = {
        bestScore: Math.max(prev?.bestScore ?? 0, score),
        stars: Math.max(prev?.stars ?? 0, stars),
      };
      set({ progress: { ...get().progress, [levelId]: next } });
    },
    setStorageStatus: (ok, message) => set({ storageOk: ok, storageMessage: message }),
  }));
}

export type UiStoreApi = ReturnType<typeof createUiStore>;
