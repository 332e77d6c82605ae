/**
 * The app's one set of tiny DOM helpers (panels, debrief, scrubber, projector window, level problems).
 * Text always goes in with textContent, never as HTML.
 */

/** An element with a class and text; `doc` for a document other than the page's (tests). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
  doc: Document = document,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function button(text: string, cls: string, onClick: () => void, testId?: string): HTMLButtonElement {
  const b = el('button', `rx-btn ${cls}`.trim(), text);
  b.type = 'button';
  if (testId) b.dataset.testid = testId;
  b.addEventListener('click', onClick);
  return b;
}

export function labelled(text: string, input: HTMLElement): HTMLLabelElement {
  const l = el('label', 'rx-field');
  l.append(el('span', 'rx-field-label', text), input);
  return l;
}

/**
 * The game listens for mouse and touch releases on the window: keep clicks on `root` from reaching the
 * buttons of the screen underneath.
 */
export function keepPointerInside(root: HTMLElement): void {
  for (const type of ['mousedown', 'mouseup', 'touchstart', 'touchend'] as const) {
    root.addEventListener(type, (e) => e.stopPropagation());
  }
}
