/**
 * Tracks DOM overlays (settings, level problems) so Phaser scenes ignore keys while one is open.
 */
export function isDomOverlayOpen(): boolean {
  if (typeof document === 'undefined') return false;
  return document.querySelector('[role="dialog"], [role="alertdialog"], .re-overlay') !== null;
}
