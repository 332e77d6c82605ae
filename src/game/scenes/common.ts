/** Small helpers every shell scene uses: settings, the backdrop, the message box, the UI click. */
import Phaser from 'phaser';
import { getApp } from '../context';
import { shell } from '../shell';
import type { Settings } from '../../store/store';
import { drawWarning } from './draw';
import { GAME_WIDTH, palette, textStyle } from './theme';

/** Scene keys equal the store's screen names. */
export const SCENES = {
  boot: 'boot',
  title: 'title',
  select: 'select',
  briefing: 'briefing',
  play: 'play',
  results: 'results',
} as const;

export function settings(): Settings {
  return getApp().store.getState().settings;
}

export function click(): void {
  getApp().audio?.cue('click', performance.now());
}

export function invalid(): void {
  getApp().audio?.cue('invalid', performance.now());
}

/** Sets the camera background from the palette. */
export function paintBackground(scene: Phaser.Scene): void {
  scene.cameras.main.setBackgroundColor(palette(settings()).bgCss);
}

/** Messages for the title and select screens: storage status first, then URL parameter problems. */
export function shellMessages(): string[] {
  const st = getApp().store.getState();
  const out: string[] = [];
  if (st.storageMessage) out.push(st.storageMessage);
  for (const m of shell.messages) out.push(m);
  return out;
}

/**
 * A warning box with the given messages, centred at the top (y is its top edge). Returns its
 * height (0 when there is nothing to say).
 */
const MESSAGE_CHARS = 240;
const MAX_MESSAGES = 4;

export function messageBox(scene: Phaser.Scene, messages: string[], y: number, width = 1500): number {
  if (messages.length === 0) return 0;
  const s = settings();
  const pal = palette(s);
  const x = (GAME_WIDTH - width) / 2;
  // Bounded whatever the messages: each at most MESSAGE_CHARS, at most MAX_MESSAGES of them.
  const cut = (m: string) => (m.length > MESSAGE_CHARS ? `${m.slice(0, MESSAGE_CHARS)}…` : m);
  const shownLines = messages.slice(0, MAX_MESSAGES).map(cut);
  if (messages.length > MAX_MESSAGES) shownLines.push(`…and ${messages.length - MAX_MESSAGES} more notes.`);
  const text = scene.add.text(x + 96, y + 20, shownLines.join('\n'), textStyle(s, 'small', { wrap: width - 130 }));
  const h = Math.max(text.height + 40, 84);
  const g = scene.add.graphics();
  g.fillStyle(pal.panel, 0.96);
  g.fillRoundedRect(x, y, width, h, 14);
  g.lineStyle(pal.edgeWidth, pal.warn, 1);
  g.strokeRoundedRect(x, y, width, h, 14);
  drawWarning(g, x + 48, y + 42, 46, pal.warn, pal.bg);
  text.setDepth(1);
  return h;
}
