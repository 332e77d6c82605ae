/**
 * Toasts from the store, in the side column under the side panel, newest at the bottom; older toasts
 * that do not fit wait hidden until they expire. When the panel leaves too little room (level 7: its
 * lists reach the bottom), the newest toast lies over the bottom bar's second line instead (the tip),
 * never over the panel's lists or buttons; one too long for a line takes the whole bar for its time,
 * and while the step hint itself needs both lines, or the live-event banner lies over the bar, toasts
 * wait (their clocks held). Each lasts about 4
 * seconds from when this view first saw it. Reduced motion: they just appear.
 */
import type Phaser from 'phaser';
import type { Toast, UiStoreApi } from '../../store/store';
import { BOTTOM, SIDEBAR } from './layout';
import { OKABE_ITO } from './playTheme';
import { bakedShape, style } from './ui';

const LOOK: Record<Toast['kind'], { glyph: string; colour: number }> = {
  info: { glyph: 'i', colour: OKABE_ITO.sky },
  ripple: { glyph: '≈', colour: OKABE_ITO.orange },
  bounce: { glyph: '↩', colour: OKABE_ITO.orange },
  warning: { glyph: '▲', colour: OKABE_ITO.yellow },
  error: { glyph: '✕', colour: OKABE_ITO.vermillion },
};

export const TOAST_MS = 4000;
const BOTTOM_Y = SIDEBAR.y + SIDEBAR.h;

/** Where toasts may go, top to bottom, in game points. */
export interface ToastArea {
  top: number;
  bottom: number;
}

/** The bottom bar, as the toasts share it with the step hint (see Hud). */
export interface ToastBar {
  stepLines(): 1 | 2;
  cover(lines: 0 | 1 | 2): void;
  /** Something else lies over the bar now (the live-event banner): toasts wait. */
  taken?(): boolean;
}

/** The room under the side panel if a two-line toast fits there, else null (toasts go to the bottom bar). */
export function toastArea(panelBottom: number): ToastArea | null {
  return BOTTOM_Y - panelBottom >= 110 ? { top: panelBottom, bottom: BOTTOM_Y } : null;
}

/** In the bottom bar: from the left edge to the paused pill, over the second line (or both). */
const BAR = { x: 12, w: 1496, line2: BOTTOM.y + 66, pad: 8 };

export class Toasts {
  private readonly seen = new Map<number, number>();
  private readonly shown = new Map<number, Phaser.GameObjects.Container>();
  private key = '';
  private lastNow: number | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly store: UiStoreApi,
    private readonly reducedMotion: () => boolean,
    private readonly area: ToastArea = { top: SIDEBAR.y, bottom: BOTTOM_Y },
    /** Set: toasts go over the bottom bar (the panel left no room), one at a time. */
    private readonly bar: ToastBar | null = null,
  ) {}

  /** `paused`: the game stands still, and so do the toasts' clocks (a room reads them while paused). */
  update(nowMs: number, paused = false): void {
    // In the bar, toasts wait (clocks held) while the step hint needs both of its lines.
    const waiting = this.bar !== null && (this.bar.stepLines() === 2 || this.bar.taken?.() === true);
    const held = (paused || waiting) && this.lastNow !== null ? nowMs - this.lastNow : 0;
    this.lastNow = nowMs;
    if (held > 0) for (const [id, at] of this.seen) this.seen.set(id, at + held);
    const { toasts } = this.store.getState();
    for (const t of toasts) {
      if (!this.seen.has(t.id)) this.seen.set(t.id, nowMs);
      if (nowMs - this.seen.get(t.id)! > TOAST_MS) this.store.getState().dropToast(t.id);
    }
    const list = this.store.getState().toasts;
    const key = `${list.map((t) => t.id).join(',')}${waiting ? '|wait' : ''}`;
    if (key === this.key) return;
    this.key = key;
    const ids = new Set(list.map((t) => t.id));
    for (const [id, c] of this.shown) {
      if (!ids.has(id)) {
        c.destroy();
        this.shown.delete(id);
      }
    }
    for (const id of this.seen.keys()) if (!ids.has(id)) this.seen.delete(id);
    if (this.bar) {
      this.placeInBar(list, waiting);
      return;
    }
    let y = this.area.bottom;
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i]!;
      const c = this.container(t, SIDEBAR.x, SIDEBAR.w);
      const h = (c.getData('h') as number) ?? 80;
      y -= h;
      c.y = y;
      c.setVisible(y >= this.area.top);
      y -= 10;
    }
  }

  /** The newest toast over the bar's second line (both lines when it needs two); the others wait hidden. */
  private placeInBar(list: readonly Toast[], waiting: boolean): void {
    const newest = waiting ? undefined : list[list.length - 1];
    for (const t of list) if (t !== newest) this.shown.get(t.id)?.setVisible(false);
    if (!newest) {
      this.bar!.cover(0);
      return;
    }
    const c = this.container(newest, BAR.x, BAR.w);
    const h = (c.getData('h') as number) ?? 60;
    const two = h > 70;
    c.y = two ? BOTTOM.y + 4 : BAR.line2 - h / 2;
    c.setVisible(true);
    this.bar!.cover(two ? 2 : 1);
  }

  /** A toast's box, built (and slid in) the first time it shows. */
  private container(t: Toast, x: number, w: number): Phaser.GameObjects.Container {
    let c = this.shown.get(t.id);
    if (c) return c;
    c = this.build(t, x, w);
    this.shown.set(t.id, c);
    if (!this.reducedMotion()) {
      c.x = x + 60;
      c.alpha = 0;
      this.scene.tweens.add({ targets: c, x, alpha: 1, duration: 220, ease: 'Cubic.easeOut' });
    }
    return c;
  }

  private build(t: Toast, x: number, w: number): Phaser.GameObjects.Container {
    const look = LOOK[t.kind] ?? LOOK.info;
    // In the bar a toast is one line when it fits (two at most); in the side column it wraps freely.
    const inBar = this.bar !== null;
    const text = this.scene.add.text(58, inBar ? BAR.pad : 10, t.text, style(27, { wrap: w - 70 }));
    const h = inBar ? Math.min(BOTTOM.h - 8, text.height + 2 * BAR.pad) : Math.max(60, text.height + 20);
    const g = bakedShape(this.scene, `toast:${t.kind}`, 0, 0, w, h, (s) => {
      s.fillStyle(0x0b1724, 0.96).fillRoundedRect(0, 0, w, h, 14);
      s.lineStyle(4, look.colour, 1).strokeRoundedRect(0, 0, w, h, 14);
      s.fillStyle(look.colour, 1).fillCircle(30, h / 2, inBar ? Math.min(18, h / 2 - 4) : 18);
    });
    const glyph = this.scene.add
      .text(30, h / 2, look.glyph, style(24, { bold: true, color: '#0b1320' }))
      .setOrigin(0.5);
    const c = this.scene.add.container(x, BOTTOM_Y - h, [g, glyph, text]).setDepth(inBar ? 52 : 45);
    c.setData('h', h);
    return c;
  }
}
