/**
 * The game's audio: listens to sim events and UI cues, throttles bursts, follows the player's settings.
 * Never called from inside the sim; the game passes each frame's drained events to onSimEvents().
 *
 * Everything is quiet when audio cannot play (no device, autoplay blocked, file missing or undecodable):
 * the game carries on silently and nothing is logged.
 */
import type { SimEvent } from '../sim/types';
import type { AudioBackend, SpriteMap } from './backend';
import { createLazyHowlerBackend } from './lazyBackend';
import { GAIN, soundForCue, soundsForEvents, type SoundRequest, type UiCue } from './mapping';
import { defaultBaseUrl, fileSources, INLINE_SOURCES, inlineSources } from './sources';
import { SPRITE, type SoundName } from './sprite.generated';
import { createThrottle, DEFAULT_THROTTLE, type ThrottleConfig } from './throttle';

export type { UiCue } from './mapping';
export type { AudioBackend, BackendEvents, SpriteMap } from './backend';
export type { SoundName } from './sprite.generated';
export { createSilentBackend } from './backend';
export { prefetchHowler } from './lazyBackend';

export interface AudioSettings {
  /** 0..1 */
  masterVolume: number;
  sfx: boolean;
  music: boolean;
  muted: boolean;
}

/** idle: waiting for the first user gesture; loading; ready; unavailable: audio cannot play here. */
export type AudioState = 'idle' | 'loading' | 'ready' | 'unavailable';

export interface GameAudio {
  /** Call on the first user gesture (safe to call again, or early: it then waits for a gesture). */
  unlock(): void;
  /** The batch of sim events of one frame, with the frame's wall-clock time in ms. */
  onSimEvents(events: readonly SimEvent[], nowMs: number): void;
  /** UI sounds. 'won' and 'lost' also fade the ambient loop out. */
  cue(name: UiCue, nowMs: number): void;
  /** 0..1 pressure on the board; starts the ambient loop (if music is on) and sets its intensity. */
  setLoad(load01: number): void;
  applySettings(s: AudioSettings): void;
  /** The player's mute (the game's mute key). */
  setMuted(m: boolean): void;
  /** The sprite is loaded and sounds can play. */
  isReady(): boolean;
  dispose(): void;

  // Beyond the contract.
  /** Flips the player's mute; returns the new value. */
  toggleMute(): boolean;
  isMuted(): boolean;
  /**
   * Silences this window whatever the settings say, e.g. the facilitator's presenter window while the
   * projector window plays for the room. Not part of the persisted settings; applySettings leaves it alone.
   */
  setSilenced(silenced: boolean): void;
  /** Fades the ambient loop out (menus, pause, results); the next setLoad() brings it back. */
  stopAmbient(): void;
  state(): AudioState;
  /** Name of the last sound that actually started playing, for tests and diagnostics. */
  lastPlayed(): SoundName | null;
  /** How many sounds actually started playing (loops count once per start). */
  playedCount(): number;
}

export interface GameAudioOptions {
  /** Folder of the sprite files; default `${import.meta.env.BASE_URL}audio/`. */
  baseUrl?: string;
  /** Explicit sprite sources (e.g. inlined data: URLs for a single-file build); overrides baseUrl. */
  src?: readonly string[];
  backend?: AudioBackend;
  throttle?: ThrottleConfig;
  /**
   * Also unlock on the first pointer or key gesture on `window` by itself, in case the game's call comes
   * late. Default true in a browser.
   */
  listenForGesture?: boolean;
}

export const DEFAULT_AUDIO_SETTINGS: AudioSettings = {
  masterVolume: 0.8,
  sfx: true,
  music: true,
  muted: false,
};

/** At most this many distinct sim sounds start in one frame (the most important ones). */
export const MAX_SIM_SOUNDS_PER_FRAME = 2;
/** Ambient loop volume changes smaller than this are not sent to the backend. */
const LOOP_VOLUME_STEP = 0.02;
const LOOP_FADE_MS = 600;

/** Ambient layers from load 0..1: a calm bed that grows a little, and a pulse that comes in under pressure. */
export function ambientLevels(load01: number): { base: number; tension: number } {
  const load = Number.isFinite(load01) ? Math.min(1, Math.max(0, load01)) : 0;
  const x = Math.min(1, Math.max(0, (load - 0.3) / 0.6));
  const smooth = x * x * (3 - 2 * x);
  return { base: GAIN.ambientBase * (0.6 + 0.4 * load), tension: GAIN.ambientTension * smooth };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

const GESTURE_EVENTS = ['pointerdown', 'pointerup', 'keydown', 'touchend', 'click'] as const;

export function createGameAudio(opts: GameAudioOptions = {}): GameAudio {
  const backend = opts.backend ?? createLazyHowlerBackend();
  // In the single-file build, unless told otherwise, the sprite is inlined (resolved on unlock).
  const inline = !opts.src && !opts.baseUrl && INLINE_SOURCES;
  const src = opts.src ?? fileSources(opts.baseUrl ?? defaultBaseUrl());
  const throttle = createThrottle(opts.throttle ?? DEFAULT_THROTTLE);

  let settings: AudioSettings = { ...DEFAULT_AUDIO_SETTINGS };
  let silenced = false;
  let state: AudioState = 'idle';
  let disposed = false;
  let last: SoundName | null = null;
  let count = 0;

  let ambientWanted = false;
  let load = 0;
  let ambientPlaying = false;
  let sentBase = 0;
  let sentTension = 0;

  const effectivelyMuted = (): boolean => settings.muted || silenced || settings.masterVolume <= 0;

  const pushVolume = (): void => {
    backend.setMasterVolume(clamp01(settings.masterVolume));
    backend.setMuted(settings.muted || silenced);
  };

  const syncAmbient = (): void => {
    const should = state === 'ready' && ambientWanted && settings.music && !effectivelyMuted();
    const { base, tension } = ambientLevels(load);
    if (should && !ambientPlaying) {
      backend.startLoop('ambientBase', base);
      backend.startLoop('ambientTension', tension);
      ambientPlaying = true;
      sentBase = base;
      sentTension = tension;
    } else if (!should && ambientPlaying) {
      backend.stopLoop('ambientBase', LOOP_FADE_MS);
      backend.stopLoop('ambientTension', LOOP_FADE_MS);
      ambientPlaying = false;
    } else if (should) {
      if (Math.abs(base - sentBase) >= LOOP_VOLUME_STEP) {
        backend.setLoopVolume('ambientBase', base, LOOP_FADE_MS);
        sentBase = base;
      }
      if (Math.abs(tension - sentTension) >= LOOP_VOLUME_STEP || (tension === 0 && sentTension !== 0)) {
        backend.setLoopVolume('ambientTension', tension, LOOP_FADE_MS);
        sentTension = tension;
      }
    }
  };

  const canPlaySfx = (): boolean => state === 'ready' && settings.sfx && !effectivelyMuted();

  const play = (r: SoundRequest): void => {
    backend.play(r.sound, clamp01(r.gain));
  };

  const removeGestureListeners = (): void => {
    if (typeof window === 'undefined') return;
    for (const t of GESTURE_EVENTS) window.removeEventListener(t, onGesture, true);
  };

  function hasUserActivation(): boolean {
    const ua =
      typeof navigator !== 'undefined'
        ? (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation
        : undefined;
    // Browsers without the UserActivation API: trust the caller.
    return ua ? ua.hasBeenActive : true;
  }

  function startLoad(sources: readonly string[]): void {
    if (disposed || state !== 'loading') return;
    backend.load(sources, SPRITE as SpriteMap, {
      onLoad: () => {
        if (disposed || state !== 'loading') return;
        state = 'ready';
        pushVolume();
        syncAmbient();
      },
      onUnavailable: () => {
        if (disposed) return;
        state = 'unavailable';
        ambientPlaying = false;
      },
      onPlay: (name) => {
        if (disposed || !(name in SPRITE)) return;
        last = name as SoundName;
        count++;
      },
    });
    pushVolume();
  }

  function onGesture(): void {
    if (hasUserActivation()) audio.unlock();
  }

  const audio: GameAudio = {
    unlock() {
      if (disposed || state !== 'idle') return;
      // Called before any gesture: creating the context now would be refused (and warned about); wait.
      if (!hasUserActivation()) return;
      removeGestureListeners();
      state = 'loading';
      if (inline) {
        inlineSources().then(startLoad, () => {
          if (!disposed) state = 'unavailable';
        });
      } else {
        // Synchronously, inside the gesture: some browsers (iOS Safari) only start audio from there.
        startLoad(src);
      }
    },

    onSimEvents(events, nowMs) {
      if (!canPlaySfx() || events.length === 0) return;
      let started = 0;
      for (const r of soundsForEvents(events)) {
        if (started >= MAX_SIM_SOUNDS_PER_FRAME) break;
        if (throttle.allowLimited(r.sound, nowMs)) {
          play(r);
          started++;
        }
      }
    },

    cue(name, nowMs) {
      if (name === 'won' || name === 'lost') {
        ambientWanted = false;
        syncAmbient();
      }
      if (!canPlaySfx()) return;
      const r = soundForCue(name);
      if (throttle.allow(r.sound, nowMs)) play(r);
    },

    setLoad(load01) {
      load = clamp01(load01);
      ambientWanted = true;
      syncAmbient();
    },

    applySettings(s) {
      settings = {
        masterVolume: clamp01(s.masterVolume),
        sfx: Boolean(s.sfx),
        music: Boolean(s.music),
        muted: Boolean(s.muted),
      };
      if (state !== 'idle' && state !== 'unavailable') pushVolume();
      syncAmbient();
    },

    setMuted(m) {
      audio.applySettings({ ...settings, muted: m });
    },

    toggleMute() {
      audio.setMuted(!settings.muted);
      return settings.muted;
    },

    isMuted() {
      return effectivelyMuted();
    },

    setSilenced(on) {
      silenced = on;
      if (state !== 'idle' && state !== 'unavailable') pushVolume();
      syncAmbient();
    },

    stopAmbient() {
      ambientWanted = false;
      syncAmbient();
    },

    isReady() {
      return state === 'ready';
    },

    state() {
      return state;
    },

    lastPlayed() {
      return last;
    },

    playedCount() {
      return count;
    },

    dispose() {
      if (disposed) return;
      removeGestureListeners();
      disposed = true;
      state = 'unavailable';
      ambientPlaying = false;
      backend.dispose();
    },
  };

  if (
    (opts.listenForGesture ?? true) &&
    typeof window !== 'undefined' &&
    typeof window.addEventListener === 'function'
  ) {
    for (const t of GESTURE_EVENTS) window.addEventListener(t, onGesture, true);
  }

  return audio;
}
