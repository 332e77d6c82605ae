/**
 * Key presses for a scene, each handled once.
 *
 * Phaser 4 hands every DOM key event to the scene's keyboard plugin at once, from a queue that it
 * empties only at the end of a frame, and replays the whole queue each time. Its duplicate check
 * compares an event with the one before it only, so when two keys are pressed within one frame
 * (quick typing, or a busy machine whose frames are long) the earlier keydowns are dispatched again:
 * Tab then Enter became Tab, Enter, Tab, Enter. This remembers the events already handled.
 */
export interface KeySource {
  on(event: 'keydown', fn: (e: KeyboardEvent) => void): unknown;
  off(event: 'keydown', fn: (e: KeyboardEvent) => void): unknown;
}

/** Calls `handle` once per keydown event from `source`; returns the function that stops listening. */
export function onEachKeyDown(
  source: KeySource | null | undefined,
  handle: (e: KeyboardEvent) => void,
): () => void {
  if (!source) return () => {};
  const seen = new WeakSet<KeyboardEvent>();
  const listener = (e: KeyboardEvent) => {
    if (seen.has(e)) return;
    seen.add(e);
    handle(e);
  };
  source.on('keydown', listener);
  return () => source.off('keydown', listener);
}
