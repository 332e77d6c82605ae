/**
 * Projector mode: large text (the settings' "Projector" size), high contrast, and no participant-only
 * clutter (key hints). It is simply those two settings together, so it is saved with the settings and
 * every screen already knows how to draw it.
 */
import type { Settings, UiStoreApi } from '../../store/store';

export const PROJECTOR_SCALE = 1.5;

export function isProjector(s: Pick<Settings, 'textScale' | 'highContrast'>): boolean {
  return s.textScale >= PROJECTOR_SCALE - 0.01 && s.highContrast;
}

/** Turns projector mode on or off; returns the new state. Off goes back to normal text and contrast. */
export function setProjector(store: UiStoreApi, on: boolean): boolean {
  store
    .getState()
    .updateSettings(
      on ? { textScale: PROJECTOR_SCALE, highContrast: true } : { textScale: 1, highContrast: false },
    );
  return on;
}

export function toggleProjector(store: UiStoreApi): boolean {
  return setProjector(store, !isProjector(store.getState().settings));
}

/**
 * V toggles projector mode on the screens around play (the control bar has its own V during play).
 * `onChange` redraws the current screen so the new size shows at once. Returns a remover.
 */
export function installProjectorKey(
  store: UiStoreApi,
  onChange: () => void,
  isOverlayOpen: () => boolean,
): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.key.toLowerCase() !== 'v') return;
    const st = store.getState();
    if (!st.settings.facilitator || st.screen === 'play' || st.screen === 'boot' || isOverlayOpen()) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    e.preventDefault();
    const on = toggleProjector(store);
    st.toast(on ? 'Projector mode on' : 'Projector mode off', 'info', performance.now());
    onChange();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
