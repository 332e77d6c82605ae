/**
 * The composition root of the first load: what the title screen needs and no more. The UI store with
 * the saved settings, the audio (howler itself comes later, ../audio/lazyBackend.ts), and hooks that
 * hand over to the rest of the game once it is loaded (./late.ts: the level catalog, the sim and the
 * checker, the later scenes, the results service, the kept round and the facilitator tools).
 */
import { createGameAudio, type GameAudio } from '../audio/index';
import { setApp } from '../game/context';
import { NO_HOOKS, type GameHooks } from '../game/hooks';
import { attachPersistence, browserStorage } from '../store/persist';
import { createUiStore, type Settings, type UiStoreApi } from '../store/store';
import { applyPageSettings } from '../ui/settingsPanel';

export interface ShellServices {
  store: UiStoreApi;
  audio: GameAudio | null;
}

const audioSettings = (s: Settings) => ({
  masterVolume: s.masterVolume,
  sfx: s.sfx,
  music: s.music,
  muted: s.muted,
});

/**
 * Hooks until the rest is loaded: no kept game to offer (when one is kept, boot waits for the rest
 * first), and the facilitator's session panel opens once its code is there.
 */
function earlyHooks(late: () => Promise<{ hooks: GameHooks }>): GameHooks {
  return {
    ...NO_HOOKS,
    facilitator: {
      ...NO_HOOKS.facilitator,
      openSession: () => void late().then((l) => l.hooks.facilitator.openSession()),
    },
  };
}

export function composeShell(opts: {
  reducedMotion: boolean;
  late: () => Promise<{ hooks: GameHooks }>;
}): ShellServices {
  const store = createUiStore();
  store.getState().updateSettings({ reducedMotion: opts.reducedMotion });
  attachPersistence(store, browserStorage());

  let audio: GameAudio | null;
  try {
    audio = createGameAudio();
  } catch {
    audio = null; // The game plays silently.
  }
  audio?.applySettings(audioSettings(store.getState().settings));
  applyPageSettings(store.getState().settings);
  store.subscribe((s, prev) => {
    if (s.settings === prev.settings) return;
    audio?.applySettings(audioSettings(s.settings));
    applyPageSettings(s.settings);
  });
  const unlockAudio = () => {
    audio?.unlock();
    window.removeEventListener('pointerdown', unlockAudio);
    window.removeEventListener('keydown', unlockAudio);
  };
  window.addEventListener('pointerdown', unlockAudio);
  window.addEventListener('keydown', unlockAudio);

  setApp({ store, audio, probe: null, hooks: earlyHooks(opts.late) });
  return { store, audio };
}
