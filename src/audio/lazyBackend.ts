/**
 * The howler backend, loaded when first needed: howler is not part of the first load (the title draws
 * without it). `prefetchHowler()` fetches it idly after the title; the first gesture's load() then goes
 * straight on, synchronously, inside the gesture, as ./howlerBackend.ts wants. Should it not have
 * arrived yet, load() waits for it; until the sprite has loaded the game plays no sound anyway.
 */
import type { AudioBackend, BackendEvents, SpriteMap } from './backend';

type HowlerModule = typeof import('./howlerBackend');

let loaded: HowlerModule | null = null;
let loading: Promise<HowlerModule> | null = null;

/** Starts fetching howler (once); resolves when it is there. */
export function prefetchHowler(): Promise<HowlerModule> {
  return (loading ??= import('./howlerBackend').then((m) => (loaded = m)));
}

export function createLazyHowlerBackend(): AudioBackend {
  let real: AudioBackend | null = null;
  let disposed = false;
  let master: number | null = null;
  let muted: boolean | null = null;

  const start = (m: HowlerModule, src: readonly string[], sprite: SpriteMap, events: BackendEvents): void => {
    if (disposed) return;
    real = m.createHowlerBackend();
    real.load(src, sprite, events);
    if (master !== null) real.setMasterVolume(master);
    if (muted !== null) real.setMuted(muted);
  };

  return {
    load(src, sprite, events) {
      if (loaded) {
        start(loaded, src, sprite, events);
        return;
      }
      prefetchHowler().then(
        (m) => start(m, src, sprite, events),
        () => {
          if (!disposed) events.onUnavailable('the audio library could not be loaded');
        },
      );
    },
    play: (name, volume) => real?.play(name, volume),
    startLoop: (name, volume) => real?.startLoop(name, volume),
    setLoopVolume: (name, volume, fadeMs) => real?.setLoopVolume(name, volume, fadeMs),
    stopLoop: (name, fadeMs) => real?.stopLoop(name, fadeMs),
    setMasterVolume(volume) {
      master = volume;
      real?.setMasterVolume(volume);
    },
    setMuted(m) {
      muted = m;
      real?.setMuted(m);
    },
    dispose() {
      disposed = true;
      real?.dispose();
    },
  };
}
