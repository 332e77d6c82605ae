/**
 * Toasts from the store, in the side column, newest at the bottom of their area: the room under the side
 * panel, or (when the panel leaves too little) over its work-type legend, never over its buttons. Older
 * toasts that do not fit wait hidden until they expire. Each lasts about 4 seconds from when
 * this view first saw it. Reduced motion: they just appear.
 */
import type Phaser from 'phaser';
import type { Toast, UiStoreApi } from '../../store/store';
import { SIDEBAR } from './layout';
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

/** The room under the side panel if a two-line toast fits there, else over the legend at its top. */
export function toastArea(panelBottom: number, legendBottom: number): ToastArea {
  if (BOTTOM_Y - panelBottom >= 110) return { top: panelBottom, bottom: BOTTOM_Y };
  return { top: SIDEBAR.y, bottom: Math.max(SIDEBAR.y + 110, legendBottom) };
}

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
  ) {}

  /** `paused`: the game stands still, and so do the toasts' clocks (a room reads them while paused). */
  update(nowMs: number, paused = false): void {
    const held = paused && this.lastNow !== null ? nowMs - this.lastNow : 0;
    this.lastNow = nowMs;
    if (held > 0) for (const [id, at] of this.seen) this.seen.set(id, at + held);
    const { toasts } = this.store.getState();
    for (const t of toasts) {
      if (!this.seen.has(t.id)) this.seen.set(t.id, nowMs);
      if (nowMs - this.seen.get(t.id)! > TOAST_MS) this.store.getState().dropToast(t.id);
    }
    const list = this.store.getState().toasts;
    const key = list.map((t) => t.id).join(',');
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
    let y = this.area.bottom;
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i]!;
      let c = this.shown.get(t.id);
      if (!c) {
        c = this.build(t);
        this.shown.set(t.id, c);
        if (!this.reducedMotion()) {
          c.x = SIDEBAR.x + 60;
          c.alpha = 0;
          this.scene.tweens.add({ targets: c, x: SIDEBAR.x, alpha: 1, duration: 220, ease: 'Cubic.easeOut' });
        }
      }
      const h = (c.getData('h') as number) ?? 80;
      y -= h;
      c.y = y;
      c.setVisible(y >= this.area.top);
      y -= 10;
    }
  }

  private build(t: Toast): Phaser.GameObjects.Container {
    const w = SIDEBAR.w;
    const look = LOOK[t.kind] ?? LOOK.info;
    const text = this.scene.add.text(58, 10, t.text, style(27, { wrap: w - 70 }));
    const h = Math.max(60, text.height + 20);
    const g = bakedShape(this.scene, `toast:${t.kind}`, 0, 0, w, h, (s) => {
      s.fillStyle(0x0b1724, 0.96).fillRoundedRect(0, 0, w, h, 14);
      s.lineStyle(4, look.colour, 1).strokeRoundedRect(0, 0, w, h, 14);
      s.fillStyle(look.colour, 1).fillCircle(30, h / 2, 18);
    });
    const glyph = this.scene.add
      .text(30, h / 2, look.glyph, style(24, { bold: true, color: '#0b1320' }))
      .setOrigin(0.5);
    const c = this.scene.add.container(SIDEBAR.x, BOTTOM_Y - h, [g, glyph, text]).setDepth(45);
    c.setData('h', h);
    return c;
  }
}
