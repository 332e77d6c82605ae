/**
 * The thin boundary between the game's audio logic and an audio library. The default implementation is
 * howler (./howlerBackend.ts); tests use a recording fake. A backend never throws and never logs.
 */

/** howler's sprite map: name -> [startMs, durationMs, loop?]. */
export type SpriteMap = Readonly<
  Record<string, readonly [number, number] | readonly [number, number, boolean]>
>;

export interface BackendEvents {
  /** The sprite is decoded and can play. */
  onLoad(): void;
  /** Audio cannot play here (no device, no Web Audio, file not found or not decodable). */
  onUnavailable(reason: string): void;
  /** A sound actually started (for loops: once, when the loop starts). */
  onPlay(name: string): void;
}

export interface AudioBackend {
  /**
   * Create the audio context and start loading. Called once, from a user gesture (browsers only allow an
   * audio context to start then), and only after this call may the backend touch the audio library.
   */
  load(src: readonly string[], sprite: SpriteMap, events: BackendEvents): void;
  /** Play a one-shot sprite at a relative volume 0..1. */
  play(name: string, volume: number): void;
  /** Start a looping sprite (no-op if that loop is already playing). */
  startLoop(name: string, volume: number): void;
  /** Move a playing loop's volume to `volume` over `fadeMs`. */
  setLoopVolume(name: string, volume: number, fadeMs: number): void;
  /** Fade a loop out over `fadeMs` and stop it. */
  stopLoop(name: string, fadeMs: number): void;
  /** Master volume 0..1 for everything. */
  setMasterVolume(volume: number): void;
  setMuted(muted: boolean): void;
  /** Stop everything and free the decoded audio. */
  dispose(): void;
}

/** A backend that plays nothing (a Node process, or a page where audio is impossible). */
export function createSilentBackend(): AudioBackend {
  return {
    load(_src, _sprite, events) {
      events.onUnavailable('silent backend');
    },
    play() {},
    startLoop() {},
    setLoopVolume() {},
    stopLoop() {},
    setMasterVolume() {},
    setMuted() {},
    dispose() {},
  };
}
