/**
 * The settings panel: a DOM dialog over the game (real form controls, so screen readers and the
 * keyboard work). Text size, reduced motion, high contrast, volume, effects, music. Changes apply and
 * save at once; Escape or Done closes it and gives focus back to the game.
 */
import type { Settings, UiStoreApi } from '../store/store';

export const TEXT_SIZES: { label: string; scale: number; hint: string }[] = [
  { label: 'Normal', scale: 1, hint: 'for a laptop or tablet' },
  { label: 'Large', scale: 1.25, hint: 'for a meeting-room screen' },
  { label: 'Projector', scale: 1.5, hint: 'readable from the back of the room' },
];

/** Applies page-level settings (CSS variables and classes) used by the DOM panels. */
export function applyPageSettings(s: Settings): void {
  const root = document.documentElement;
  root.classList.toggle('re-contrast', s.highContrast);
  root.classList.toggle('re-reduced-motion', s.reducedMotion);
  root.style.setProperty('--re-scale', String(s.textScale));
}

let open: HTMLElement | null = null;

/** Opens the panel (or focuses it if already open). `onClose` runs after it closes. */
export function openSettingsPanel(store: UiStoreApi, onClose?: (changed: boolean) => void): HTMLElement {
  if (open) {
    open.querySelector<HTMLElement>('input, button')?.focus();
    return open;
  }
  const before = store.getState().settings;
  const update = (patch: Partial<Settings>) => store.getState().updateSettings(patch);
  const s = () => store.getState().settings;

  const backdrop = document.createElement('div');
  backdrop.className = 're-backdrop';
  const dialog = document.createElement('div');
  dialog.className = 're-dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 're-settings-title');
  backdrop.appendChild(dialog);

  const h = document.createElement('h2');
  h.id = 're-settings-title';
  h.textContent = 'Settings';
  dialog.appendChild(h);
  // The groups sit in a body of their own: two columns where the screen is wide enough, and it scrolls
  // (finger or wheel) when even that does not fit, while the title and Done stay in view outside it.
  const body = document.createElement('div');
  body.className = 're-dialog-body';
  dialog.appendChild(body);

  const group = (legend: string) => {
    const fs = document.createElement('fieldset');
    const lg = document.createElement('legend');
    lg.textContent = legend;
    fs.appendChild(lg);
    body.appendChild(fs);
    return fs;
  };
  const row = (parent: HTMLElement, input: HTMLInputElement, label: string, hint?: string) => {
    const l = document.createElement('label');
    l.className = 're-row';
    l.appendChild(input);
    const span = document.createElement('span');
    span.textContent = label;
    l.appendChild(span);
    parent.appendChild(l);
    if (hint) {
      const p = document.createElement('p');
      p.className = 're-hint';
      p.textContent = hint;
      parent.appendChild(p);
    }
    return l;
  };
  const checkbox = (
    parent: HTMLElement,
    key: 'reducedMotion' | 'highContrast' | 'sfx' | 'music',
    label: string,
    hint?: string,
  ) => {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = key;
    input.checked = s()[key];
    input.addEventListener('change', () => update({ [key]: input.checked }));
    row(parent, input, label, hint);
  };

  const sizes = group('Text size');
  for (const t of TEXT_SIZES) {
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'textScale';
    input.value = String(t.scale);
    input.checked = Math.abs(s().textScale - t.scale) < 0.01;
    input.addEventListener('change', () => {
      if (input.checked) update({ textScale: t.scale });
    });
    row(sizes, input, `${t.label} (${t.hint})`);
  }

  const view = group('Seeing');
  checkbox(view, 'highContrast', 'High contrast', 'Black background, white text, bright outlines.');
  checkbox(view, 'reducedMotion', 'Reduce motion', 'Keeps the background still and shortens animations.');

  const sound = group('Sound');
  const vol = document.createElement('input');
  vol.type = 'range';
  vol.min = '0';
  vol.max = '100';
  vol.step = '5';
  vol.name = 'masterVolume';
  vol.value = String(Math.round(s().masterVolume * 100));
  const volLabel = row(sound, vol, `Volume ${vol.value}%`);
  vol.setAttribute('aria-label', 'Volume');
  vol.addEventListener('input', () => {
    update({ masterVolume: Number(vol.value) / 100, muted: false });
    const span = volLabel.querySelector('span');
    if (span) span.textContent = `Volume ${vol.value}%`;
  });
  checkbox(sound, 'sfx', 'Sound effects');
  checkbox(sound, 'music', 'Background music');

  const actions = document.createElement('div');
  actions.className = 're-actions';
  const done = document.createElement('button');
  done.type = 'button';
  done.className = 're-button';
  done.textContent = 'Done';
  actions.appendChild(done);
  dialog.appendChild(actions);

  const close = () => {
    if (!open) return;
    open = null;
    backdrop.remove();
    document.removeEventListener('keydown', onKey, true);
    const after = store.getState().settings;
    const changed =
      after.textScale !== before.textScale ||
      after.highContrast !== before.highContrast ||
      after.reducedMotion !== before.reducedMotion;
    onClose?.(changed);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const items = [...dialog.querySelectorAll<HTMLElement>('input, button')];
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };
  // A control reached with Tab is scrolled into the body's view (never left under the edge).
  body.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLElement) e.target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  done.addEventListener('click', close);
  backdrop.addEventListener('pointerdown', (e) => {
    if (e.target === backdrop) close();
  });
  document.addEventListener('keydown', onKey, true);
  document.body.appendChild(backdrop);
  open = backdrop;
  // The chosen text size first (a selector list would pick the first input in the page's order).
  (
    dialog.querySelector<HTMLInputElement>('input:checked') ?? dialog.querySelector<HTMLInputElement>('input')
  )?.focus();
  return backdrop;
}
