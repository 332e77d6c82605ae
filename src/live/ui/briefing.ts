/**
 * A level's briefing on a live table's device (and the projector) before its round: the same story,
 * "New here" and "Your goal" as the solo briefing (briefingStory), how to play (the solo lines, without
 * pause and speed: the facilitator runs the clock) and the kinds of work with their steps. Plain DOM
 * over the board, text only: every word of a level file is set with textContent, never as HTML.
 */
import { getAllLevels, getCampaign } from '../../level/catalog';
import type { Level } from '../../level/schema';
import { briefingStory, controlsFor, journeyWords } from '../../game/scenes/briefingWords';
import { workColour } from '../../game/play/playTheme';
import { forInput, touchOnly } from '../../ui/inputKind';
import { button, el } from './dom';

export interface BriefingOptions {
  kicker: string;
  /** The line under it (what happens next), always in sight. */
  foot: string;
  /** A button's words that take the briefing away (none while there is nothing else to see). */
  close?: string;
  /** The key hints (false on the projector, which takes no input). */
  keys?: boolean;
}

/** The smallest base size the briefing shrinks to before it scrolls instead (its smallest text is 0.85 of it). */
const MIN_BASE_PX = 17;

export interface BriefingPanel {
  root: HTMLElement;
  /** Shows `level`'s briefing, as large as fits the panel (down to a readable size, then it scrolls). */
  show(level: Level, opts: BriefingOptions): void;
  hide(): void;
  /** The level shown now (null when hidden). */
  shown(): string | null;
}

/** Every level file that loads, by id (the projector briefs the next round's level from them). */
export function campaignLevels(): Level[] {
  return getAllLevels().flatMap((l) => (l.level ? [l.level] : []));
}

/** "Level 2 of 7" for a campaign level, "Extra level" for any other (the solo briefing's words). */
export function levelPlace(level: Pick<Level, 'id'>): string {
  const campaign = getCampaign();
  const i = campaign.findIndex((c) => c.id === level.id);
  return i >= 0 ? `Level ${i + 1} of ${campaign.length}` : 'Extra level';
}

export function createBriefingPanel(onClose: () => void, minBasePx = MIN_BASE_PX): BriefingPanel {
  const root = el('section', '', 'lv-brief');
  root.setAttribute('aria-label', 'Briefing');
  root.hidden = true;
  let key: string | null = null;
  const fit = () => fitText(root, minBasePx);
  // Fits again whenever the panel's own size changes: the window, or the header over it (a line more or less).
  new ResizeObserver(() => {
    if (!root.hidden) fit();
  }).observe(root);
  root.addEventListener('scroll', () => moreBelow(root), { passive: true });
  return {
    root,
    show(level, opts) {
      const next = JSON.stringify([level.id, level.title, opts]);
      const was = root.hidden;
      root.hidden = false;
      if (key === next) {
        if (was) fit();
        return;
      }
      key = next;
      root.replaceChildren();
      for (const part of content(level, opts, onClose)) root.append(part);
      root.scrollTop = 0;
      fit();
    },
    hide() {
      root.hidden = true;
    },
    shown: () => (root.hidden || key === null ? null : (JSON.parse(key) as [string])[0]),
  };
}

/**
 * The ways the parts may sit (wide screens only; a narrow one has a single column): the kinds of work
 * across both columns under them, under "How to play", or under the story. The tallest part decides how
 * large the text can be, so each size tries every way before it shrinks.
 */
const LAYOUTS = ['', 'lv-brief-side', 'lv-brief-under'] as const;
const TIGHT = 'lv-brief-tight';
const STACK = 'lv-brief-stack';

/**
 * Sets the panel's base size (every text in it is sized in em) as large as lets it all fit, in the
 * layout that fits, down to `min` px, where its lines and parts close up a little. When nothing fits
 * then, it stays at `min` in one column and scrolls, and says so: "More below" in the foot and a fade
 * over the last line in sight, until the reader has scrolled to the end.
 */
function fitText(root: HTMLElement, min: number): void {
  place(root, min);
  moreBelow(root);
  // The size it was fitted to (the browser tests wait for it after a resize).
  root.dataset.fitted = `${root.clientWidth}x${root.clientHeight}`;
}

function place(root: HTMLElement, min: number): void {
  const layout = (l: string) => {
    for (const c of [...LAYOUTS, STACK]) if (c) root.classList.toggle(c, c === l);
  };
  const fits = () => root.scrollHeight <= root.clientHeight + 1;
  root.style.fontSize = '';
  root.classList.remove(TIGHT);
  layout('');
  let size = parseFloat(getComputedStyle(root).fontSize);
  for (;;) {
    root.style.fontSize = `${size}px`;
    for (const l of LAYOUTS) {
      layout(l);
      if (fits()) return;
    }
    if (size <= min) break;
    size = Math.max(min, Math.ceil(size) - 1);
  }
  // At the smallest size, closer lines and less space between parts; if it still does not fit, one
  // column, so that a reader who scrolls reads it top to bottom once.
  root.classList.add(TIGHT);
  for (const l of LAYOUTS) {
    layout(l);
    if (fits()) return;
  }
  layout(STACK);
}

/** Marks a panel with more below what is in sight (it scrolls), so its foot says so. */
function moreBelow(root: HTMLElement): void {
  root.classList.toggle('lv-brief-more', root.scrollTop + root.clientHeight < root.scrollHeight - 1);
}

function content(level: Level, opts: BriefingOptions, onClose: () => void): HTMLElement[] {
  const told = briefingStory(level);
  const story = el('div', '', 'lv-brief-story');
  // The level's words are written once for every device: a touch screen reads tap (as in the solo briefing).
  for (const line of told.story) story.append(el('p', forInput(line)));
  for (const b of told.boxes) {
    const box = el('div', '', `lv-brief-box lv-brief-${b.kind}`);
    box.append(el('h4', b.label), el('p', forInput(b.text)));
    story.append(box);
  }
  const how = el('div', '', 'lv-brief-how');
  const lines = controlsFor(level, { clock: false });
  const list = el('ul');
  for (const l of lines) list.append(el('li', forInput(l.text)));
  how.append(el('h3', 'How to play'), list);
  const keys = touchOnly() || opts.keys === false ? [] : lines.filter((l) => l.keys).map((l) => l.keys);
  if (keys.length > 0) how.append(el('p', `Keys: ${keys.join(' \u00b7 ')}`, 'lv-brief-dim'));
  const kinds = el('ul', '', 'lv-brief-kinds');
  level.workTypes.forEach((w, i) => {
    const li = el('li');
    // Drawn in the work's own shape, as on the board: the shape carries the meaning, not only the colour.
    const swatch = el('span', '', `lv-brief-swatch lv-brief-swatch-${w.shape}`);
    swatch.dataset.shape = w.shape;
    swatch.style.background = `#${workColour(level, i).toString(16).padStart(6, '0')}`;
    li.append(swatch, el('b', w.name), el('span', journeyWords(w.journey, level.skillNames), 'lv-brief-dim'));
    kinds.append(li);
  });
  // Side by side, in one row when they fit (live.css divides the row by their number).
  kinds.style.setProperty('--kinds', String(level.workTypes.length));
  const work = el('div', '', 'lv-brief-work');
  work.append(el('h3', 'Kinds of work'), kinds);
  const cols = el('div', '', 'lv-brief-cols');
  cols.append(story, how, work);
  const foot = el('div', '', 'lv-brief-foot');
  foot.append(el('p', opts.foot));
  // Shown only while the panel scrolls and its end is out of sight (live.css, .lv-brief-more).
  foot.append(el('span', 'More below \u2193', 'lv-brief-more-cue'));
  if (opts.close) foot.append(button(opts.close, onClose));
  // On a wide screen the kicker sits on the title's line, at its right (live.css).
  const head = el('div', '', 'lv-brief-head');
  head.append(el('p', opts.kicker, 'lv-brief-kicker'), el('h2', told.title, 'lv-brief-title'));
  return [head, cols, foot];
}
