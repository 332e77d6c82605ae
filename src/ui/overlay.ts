/**
 * Tracks DOM overlays (settings, level problems) so Phaser scenes ignore keys and presses meant for one.
 *
 * Phaser listens on the window too, so it hears a press on an overlay's button at the same place on
 * the canvas: "Open another level file" on the level problem panel also pressed the title's Settings
 * button under it. guardGameFromOverlays stops such presses before they reach the window.
 */
const OVERLAY = '[role="dialog"], [role="alertdialog"], .re-overlay';

export function isDomOverlayOpen(): boolean {
  if (typeof document === 'undefined') return false;
  return document.querySelector(OVERLAY) !== null;
}

/** Mouse and touch events Phaser also hears on the window. */
const PRESSES = ['mousedown', 'mouseup', 'touchstart', 'touchend', 'touchcancel'] as const;

const guarded = new WeakSet<Document>();

/** Keeps the game (which listens on the window) from acting on presses made on an overlay. */
export function guardGameFromOverlays(doc: Document = document): void {
  if (guarded.has(doc)) return;
  guarded.add(doc);
  // Bubbling on the document: the overlay's own buttons have had the event; the window (Phaser) will not.
  for (const type of PRESSES) {
    doc.addEventListener(type, (e) => {
      const t = e.target as Partial<Element> | null;
      if (typeof t?.closest === 'function' && t.closest(OVERLAY)) e.stopPropagation();
    });
  }
}
