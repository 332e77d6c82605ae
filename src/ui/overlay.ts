/**
 * Tracks DOM overlays (settings, level problems) so Phaser scenes ignore keys while one is open.
 */
export function isDomOverlayOpen(): boolean {
  if (typeof document === 'undefined') return false;
  return document.querySelector('[role="dialog"], [role="alertdialog"], .re-overlay') !== null;
}

/** Shows a short plain-words notice banner at the top of the page (or replaces the current one). */
export function showNotice(text: string, kind: 'info' | 'warning' = 'info', ms = 9000): void {
  if (typeof document === 'undefined') return;
  let host = document.getElementById('re-notices');
  if (!host) {
    host = document.createElement('div');
    host.id = 're-notices';
    host.setAttribute('role', 'status');
    host.setAttribute('aria-live', 'polite');
    document.body.appendChild(host);
  }
  const note = document.createElement('div');
  note.className = `re-notice re-notice-${kind}`;
  note.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 're-notice-close';
  close.textContent = 'OK';
  close.addEventListener('click', () => note.remove());
  note.appendChild(close);
  host.appendChild(note);
  while (host.children.length > 3) host.firstElementChild?.remove();
  if (ms > 0) window.setTimeout(() => note.remove(), ms);
}
