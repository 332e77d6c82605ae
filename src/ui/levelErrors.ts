/**
 * The level problem panel: shown over the game when a level file cannot be loaded, listing each
 * problem as "line 12, column 7" and the checker's plain-words message. Large type, high contrast,
 * focusable, Escape or the button closes it. Level text is only ever set with textContent.
 */
import { el as makeEl } from './dom';
import type { Problem } from '../level/check';

const STYLE_ID = 're-level-errors-style';
const CSS = `
.re-level-errors { position: fixed; inset: 0; z-index: 1000; display: flex; align-items: center; justify-content: center;
  background: rgba(0, 0, 0, 0.72); font-size: 22px; line-height: 1.4; }
.re-level-errors__box { background: var(--re-panel, #172b40); color: var(--re-text, #f3f6f9); border: 3px solid var(--re-warn, #f6b464);
  border-radius: 12px; padding: 28px 32px; width: min(960px, 92vw); max-height: 88vh; display: flex; flex-direction: column; gap: 14px;
  box-sizing: border-box; }
.re-level-errors__box:focus { outline: 4px solid var(--re-focus, #ffe066); outline-offset: 4px; }
.re-level-errors h2 { margin: 0; font-size: 32px; color: var(--re-text, #f3f6f9); }
.re-level-errors p { margin: 0; font-size: 22px; color: var(--re-dim, #c3d0dd); }
.re-level-errors ol { margin: 0; padding: 0 4px 0 0; list-style: none; overflow-y: auto; display: flex; flex-direction: column; gap: 10px; }
.re-level-errors li { background: rgba(255, 255, 255, 0.06); border-left: 6px solid var(--re-warn, #f6b464); padding: 10px 14px; font-size: 21px;
  overflow-wrap: anywhere; }
.re-level-errors li.re-level-errors__warning { border-left-color: var(--re-dim, #c3d0dd); }
.re-level-errors__where { display: block; font-weight: 700; font-size: 20px; color: var(--re-warn, #f6b464); }
.re-level-errors__buttons { display: flex; gap: 14px; flex-wrap: wrap; }
.re-level-errors button { font: inherit; font-size: 22px; padding: 10px 22px; border-radius: 8px; cursor: pointer;
  border: 2px solid var(--re-edge, #3a5878); background: var(--re-accent, #3cc6b8); color: var(--re-accent-text, #06211e); font-weight: 700; }
.re-level-errors button.re-level-errors__secondary { background: transparent; color: var(--re-text, #f3f6f9); }
.re-level-errors button:focus-visible { outline: 4px solid var(--re-focus, #ffe066); outline-offset: 3px; }
`;

export interface LevelErrorsOptions {
  title?: string;
  onClose: () => void;
  onPickFile?: () => void;
}

/** Where a problem is, in words: "line 12, column 7" (with the file when several files are involved). */
export function describeWhere(p: Problem, withFile: boolean): string {
  const at = `line ${p.line}, column ${p.col}`;
  const kind = p.severity === 'warning' ? 'Warning: ' : '';
  return withFile ? `${kind}${p.path}, ${at}` : `${kind}${at}`;
}

/** The panel's texts, separate from the DOM so they can be tested without a browser. */
export function panelTexts(
  problems: Problem[],
  title?: string,
): { title: string; intro: string; items: { where: string; message: string; warning: boolean }[] } {
  const files = [...new Set(problems.map((p) => p.path))];
  const errors = problems.filter((p) => p.severity !== 'warning').length;
  const file = files.length === 1 ? files[0] : undefined;
  const count = errors === 1 ? 'one thing' : `${errors} things`;
  const intro =
    errors === 0
      ? `The level loads, but please look at ${problems.length === 1 ? 'this note' : 'these notes'}${file ? ` about ${file}` : ''}.`
      : `The game could not start this level because of ${count} in ${file ?? 'the level files'}. Nothing is lost: fix ${errors === 1 ? 'it' : 'them'} in the file, save, and try again.`;
  return {
    title: title ?? (errors === 0 ? 'A note about this level' : 'This level needs a fix'),
    intro,
    items: problems.map((p) => ({
      where: describeWhere(p, files.length > 1),
      message: p.message,
      warning: p.severity === 'warning',
    })),
  };
}

function injectStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

/** Shows the panel over the game and focuses it. Returns the panel element (already attached). */
export function showLevelErrors(
  problems: Problem[],
  opts: LevelErrorsOptions,
  doc: Document = document,
): HTMLElement {
  injectStyle(doc);
  const texts = panelTexts(problems, opts.title);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) =>
    makeEl(tag, cls, text, doc);

  const overlay = el('div', 're-level-errors re-overlay');
  const box = el('div', 're-level-errors__box');
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-labelledby', 're-level-errors-title');
  box.setAttribute('aria-describedby', 're-level-errors-intro');
  box.tabIndex = -1;
  const heading = el('h2', undefined, texts.title);
  heading.id = 're-level-errors-title';
  const intro = el('p', undefined, texts.intro);
  intro.id = 're-level-errors-intro';
  const list = el('ol');
  for (const item of texts.items) {
    const li = el('li', item.warning ? 're-level-errors__warning' : undefined);
    li.appendChild(el('span', 're-level-errors__where', item.where));
    li.appendChild(el('span', undefined, item.message));
    list.appendChild(li);
  }
  const buttons = el('div', 're-level-errors__buttons');
  const back = el('button', undefined, 'Back');
  back.type = 'button';
  buttons.appendChild(back);
  let pick: HTMLButtonElement | undefined;
  if (opts.onPickFile) {
    pick = el('button', 're-level-errors__secondary', 'Open another level file');
    pick.type = 'button';
    buttons.appendChild(pick);
  }
  box.append(heading, intro, list, buttons);
  overlay.appendChild(box);

  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    doc.removeEventListener('keydown', onKey, true);
    overlay.remove();
    opts.onClose();
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  back.addEventListener('click', close);
  pick?.addEventListener('click', () => {
    close();
    opts.onPickFile?.();
  });
  doc.addEventListener('keydown', onKey, true);
  doc.body.appendChild(overlay);
  back.focus();
  return overlay;
}
