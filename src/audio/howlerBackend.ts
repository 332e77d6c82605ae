/**
 * The default audio backend: howler over Web Audio.
 *
 * Nothing here touches howler's globals before load(), because Howler.volume()/mute() and new Howl()
 * create the AudioContext, and a context created before a user gesture makes Chrome print "The
 * AudioContext was not allowed to start" in the console. load() is called from the first gesture.
 *
 * Failures are quiet by design: no Web Audio, a missing or undecodable file, or a blocked play all end in
 * onUnavailable() (or a skipped sound), never in a console message or an exception. HTML5 Audio is not
 * used as a fallback: with sprites it is imprecise, and howler warns about its pool from there.
 */
import { Howl, Howler } from 'howler';
import type { AudioBackend, BackendEvents, SpriteMap } from './backend';

interface LoopState {
  id: number;
  volume: number;
}

export function createHowlerBackend(): AudioBackend {
  let howl: Howl | null = null;
  let ready = false;
  let master = 1;
  let muted = false;
  let events: BackendEvents | null = null;
  /** Sound ids we started, so 'play' events can be told apart. */
  const names = new Map<number, string>();
  const loops = new Map<string, LoopState>();

  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // Audio is a nicety: a failing call must never break the game.
    }
  };

  const give = (reason: string): void => {
    ready = false;
    const ev = events;
    events = null;
    ev?.onUnavailable(reason);
  };

  return {
    load(src, sprite: SpriteMap, ev) {
      if (events || howl) return;
      events = ev;
      try {
        if (
          typeof window === 'undefined' ||
          (typeof AudioContext === 'undefined' && !('webkitAudioContext' in window))
        ) {
          give('no Web Audio');
          return;
        }
        // From file:// the browser refuses to fetch files (a CORS error in the console, then howler falls back
        // to HTML5 Audio, which warns). Only inlined data: URLs work there.
        if (window.location?.protocol === 'file:' && src.some((s) => !s.startsWith('data:'))) {
          give('audio files cannot be fetched from a file:// page');
          return;
        }
        // Suspend the context after 30 s without sound (saves battery on laptops); howler resumes it on play.
        Howler.autoSuspend = true;
        // Creates the AudioContext, inside the user gesture.
        Howler.volume(master);
        Howler.mute(muted);
        if (Howler.noAudio || !Howler.usingWebAudio || !Howler.ctx) {
          give('no audio output');
          return;
        }
        const spriteCopy: Record<string, [number, number] | [number, number, boolean]> = {};
        for (const [k, v] of Object.entries(sprite))
          spriteCopy[k] = [...v] as [number, number] | [number, number, boolean];
        const h = new Howl({ src: [...src], sprite: spriteCopy, preload: true, html5: false });
        howl = h;
        h.once('load', () => {
          if (howl !== h) return;
          // An XHR failure makes howler retry with HTML5 Audio; we do not use that path.
          if (!(h as unknown as { _webAudio?: boolean })._webAudio) {
            give('no Web Audio for this file');
            return;
          }
          ready = true;
          events?.onLoad();
        });
        h.on('loaderror', (_id, err) => give(`load error: ${String(err)}`));
        h.on('playerror', (id) => {
          names.delete(id);
        });
        h.on('play', (id) => {
          const name = names.get(id);
          if (name !== undefined) events?.onPlay(name);
        });
        h.on('end', (id) => {
          if (![...loops.values()].some((l) => l.id === id)) names.delete(id);
        });
        h.on('stop', (id) => {
          names.delete(id);
        });
      } catch (e) {
        give(`audio setup failed: ${String(e)}`);
      }
    },

    play(name, volume) {
      if (!ready || !howl) return;
      const h = howl;
      safely(() => {
        const id = h.play(name);
        names.set(id, name);
        h.volume(volume, id);
      });
    },

    startLoop(name, volume) {
      if (!ready || !howl || loops.has(name)) return;
      const h = howl;
      safely(() => {
        const id = h.play(name);
        names.set(id, name);
        h.volume(volume, id);
        loops.set(name, { id, volume });
      });
    },

    setLoopVolume(name, volume, fadeMs) {
      const l = loops.get(name);
      if (!l || !howl) return;
      const h = howl;
      safely(() => {
        h.fade(l.volume, volume, Math.max(1, fadeMs), l.id);
        l.volume = volume;
      });
    },

    stopLoop(name, fadeMs) {
      const l = loops.get(name);
      if (!l || !howl) return;
      loops.delete(name);
      const h = howl;
      safely(() => {
        if (fadeMs <= 0) {
          h.stop(l.id);
          return;
        }
        h.fade(l.volume, 0, fadeMs, l.id);
        h.once('fade', () => h.stop(l.id), l.id);
      });
    },

    setMasterVolume(volume) {
      master = volume;
      // Before load() there is no context yet; the value is applied in load().
      if (howl) safely(() => Howler.volume(volume));
    },

    setMuted(m) {
      muted = m;
      if (howl) safely(() => Howler.mute(m));
    },

    dispose() {
      const h = howl;
      howl = null;
      ready = false;
      events = null;
      loops.clear();
      names.clear();
      if (h) safely(() => h.unload());
    },
  };
}
