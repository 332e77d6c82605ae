/** Small UI pieces of the play scene: text styles and a button with a label, a key hint and a state. */
import Phaser from 'phaser';
import { BOARD_COLOURS } from './playTheme';
import { MIN_TEXT, MIN_TOUCH } from '../scenes/theme';

export const PLAY_FONT = '"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif';

export function style(
  px: number,
  opts: { color?: string; bold?: boolean; wrap?: number; align?: 'left' | 'center' | 'right' } = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  const s: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: PLAY_FONT,
    // Never below the smallest readable size (14 CSS px on a 1024 px wide screen).
    fontSize: `${Math.max(MIN_TEXT, Math.round(px))}px`,
    color: opts.color ?? BOARD_COLOURS.text,
    fontStyle: opts.bold ? 'bold' : 'normal',
    align: opts.align ?? 'left',
  };
  if (opts.wrap) s.wordWrap = { width: opts.wrap, useAdvancedWrap: true };
  return s;
}

/**
 * A shape drawn once into a texture (cached by `key` for the whole game) and shown as an Image. In WebGL a
 * Graphics object is cut into triangles again on every frame it is drawn; an Image is one quad in the same
 * batch as the ticket tokens (frame-budget bench). `draw` works in local coordinates 0..w x 0..h; strokes
 * may reach `pad` pixels outside. The Image's top-left is placed at (x, y) of that local box.
 */
export function bakedShape(
  scene: Phaser.Scene,
  key: string,
  x: number,
  y: number,
  w: number,
  h: number,
  draw: (g: Phaser.GameObjects.Graphics) => void,
  pad = 6,
): Phaser.GameObjects.Image {
  const tex = bakeShape(scene, key, w, h, draw, pad);
  return scene.add.image(x - pad, y - pad, tex).setOrigin(0, 0);
}

/** Makes (once) the texture for bakedShape and returns its key, e.g. to swap an Image's look. */
export function bakeShape(
  scene: Phaser.Scene,
  key: string,
  w: number,
  h: number,
  draw: (g: Phaser.GameObjects.Graphics) => void,
  pad = 6,
): string {
  const tex = `baked:${key}:${Math.round(w)}x${Math.round(h)}:${pad}`;
  if (!scene.textures.exists(tex)) {
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    g.translateCanvas(pad, pad);
    draw(g);
    g.generateTexture(tex, Math.ceil(w + 2 * pad), Math.ceil(h + 2 * pad));
    g.destroy();
  }
  return tex;
}

export interface PlayButtonOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  px?: number;
  /** Height of the pressable area when it must stay inside a row (default MIN_TOUCH, or h if taller). */
  touchH?: number;
  /** An image at the button's left end (a ticket token); the label then starts after it. */
  icon?: { texture: string; frame: string };
  onClick: () => void;
}

/** A rounded button; `setOn` highlights it (e.g. the current speed). Clicks never reach the board. */
export class PlayButton {
  readonly container: Phaser.GameObjects.Container;
  private readonly bg: Phaser.GameObjects.Image;
  private readonly text: Phaser.GameObjects.Text;
  private on = false;
  private label: string;

  constructor(
    private readonly sceneRef: Phaser.Scene,
    private readonly o: PlayButtonOpts,
  ) {
    const scene = sceneRef;
    this.label = o.label;
    this.bg = scene.add.image(0, 0, this.look(false)).setOrigin(0.5);
    this.text = scene.add.text(0, 0, o.label, style(o.px ?? 26, { bold: true })).setOrigin(0.5);
    const parts: Phaser.GameObjects.GameObject[] = [];
    if (o.icon) {
      const img = scene.add.image(-o.w / 2 + 38, 0, o.icon.texture, o.icon.frame);
      parts.push(img);
      const left = -o.w / 2 + 72;
      this.text.setOrigin(0, 0.5).setX(left);
      this.text.setScale(Math.max(minScale(this.text), Math.min(1, (o.w / 2 - 10 - left) / Math.max(1, this.text.width))));
    }
    // A finger needs 44 CSS px each way: the pressable area reaches past a smaller button's edge.
    const zone = scene.add
      .zone(0, 0, Math.max(o.w, MIN_TOUCH), Math.max(o.h, o.touchH ?? MIN_TOUCH))
      .setInteractive({ useHandCursor: true });
    zone.on(
      'pointerup',
      (_p: Phaser.Input.Pointer, _x: number, _y: number, ev: Phaser.Types.Input.EventData) => {
        ev.stopPropagation();
        o.onClick();
      },
    );
    zone.on(
      'pointerdown',
      (_p: Phaser.Input.Pointer, _x: number, _y: number, ev: Phaser.Types.Input.EventData) =>
        ev.stopPropagation(),
    );
    this.container = scene.add.container(o.x, o.y, [this.bg, ...parts, this.text, zone]);
    this.draw();
  }

  setOn(on: boolean): this {
    if (on !== this.on) {
      this.on = on;
      this.draw();
    }
    return this;
  }

  /** Greyed out (still pressable: a press says why it cannot be done now). */
  setDim(dim: boolean): this {
    const a = dim ? 0.45 : 1;
    if (this.container.alpha !== a) this.container.setAlpha(a);
    return this;
  }

  setLabel(label: string): this {
    if (label !== this.label) {
      this.label = label;
      this.text.setText(label);
    }
    return this;
  }

  setVisible(v: boolean): this {
    this.container.setVisible(v);
    return this;
  }

  /** The button's background for on/off, baked once per size. */
  private look(on: boolean): string {
    const { w, h } = this.o;
    return bakeShape(this.sceneRef, `button:${on ? 'on' : 'off'}`, w, h, (g) => {
      g.fillStyle(on ? BOARD_COLOURS.focus : 0x223a55, 1);
      g.fillRoundedRect(0, 0, w, h, 12);
      g.lineStyle(3, on ? 0xffffff : 0x6c8cae, 1);
      g.strokeRoundedRect(0, 0, w, h, 12);
    });
  }

  private draw(): void {
    this.bg.setTexture(this.look(this.on));
    this.text.setColor(this.on ? '#0b1320' : BOARD_COLOURS.text);
  }
}

/**
 * Fits a text into w x h: as it is when it fits; else shrunk on one line while that keeps at least
 * `minOneLine` of its size; else wrapped at word breaks at the largest size where the wrapped block
 * fits. Never runs past the box (a long desk name or skill list stays on its card).
 */
export function fitText(t: Phaser.GameObjects.Text, w: number, h: number, minOneLine = 0.8): void {
  t.setScale(1);
  if (t.width <= w && t.height <= h) return;
  // Never shrunk below the smallest readable size: wrapped instead.
  minOneLine = Math.max(minOneLine, minScale(t));
  const one = Math.min(w / t.width, h / t.height);
  if (one >= minOneLine) {
    t.setScale(one);
    return;
  }
  const best = wrapScale(t, w, h, one);
  t.setWordWrapWidth(best > one ? w / best : null, false);
  t.setScale(Math.max(minScale(t), Math.min(1, w / t.width, h / t.height)));
}

/** The smallest scale that keeps a text at the smallest readable size. */
export function minScale(t: Phaser.GameObjects.Text): number {
  const size = parseFloat(String(t.style.fontSize)) || MIN_TEXT;
  return Math.min(1, MIN_TEXT / size);
}

/** Shrinks a text to fit `w` wide, never below the smallest readable size. */
export function shrinkTo(t: Phaser.GameObjects.Text, w: number): void {
  t.setScale(Math.max(minScale(t), Math.min(1, w / Math.max(1, t.width))));
}

/**
 * The largest scale (between `lo`, where the text fits on one line, and 1) at which the text, wrapped
 * at word breaks to the box's width at that scale, fits the box: a binary search, as the fewest lines
 * at the largest size is what reads best. Leaves the text wrapped at some width; the caller sets it.
 */
function wrapScale(t: Phaser.GameObjects.Text, w: number, h: number, lo: number): number {
  const fits = (sc: number): boolean => {
    t.setWordWrapWidth(w / sc, false);
    return t.width * sc <= w + 0.5 && t.height * sc <= h + 0.5;
  };
  let hi = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Fits several texts into boxes of one size with one scale for all: each first finds its own fit
 * (fitText), then all take the smallest scale any of them needed, each wrapped onto the fewest lines
 * that fit at that scale. A board's desk names (or skill lists) then share one font size instead of
 * each card its own. Returns the scale.
 */
export function fitTextsEvenly(
  texts: readonly Phaser.GameObjects.Text[],
  w: number,
  h: number,
  minOneLine = 0.8,
): number {
  if (texts.length === 0) return 1;
  for (const t of texts) fitText(t, w, h, minOneLine);
  const scale = texts.reduce((m, t) => Math.min(m, t.scaleX), 1);
  for (const t of texts) {
    t.setWordWrapWidth(null, false);
    if (t.width * scale > w + 0.5 || t.height * scale > h + 0.5) t.setWordWrapWidth(w / scale, false);
    t.setScale(Math.max(minScale(t), Math.min(scale, w / t.width, h / t.height)));
  }
  return scale;
}

/** Size of the notes mark on a sent ticket (game points at token scale 1). */
export const CARE_MARK = 36;

/**
 * The mark of the notes a ticket was sent with, baked once: quick is an orange disc with a lightning
 * bolt, thorough a blue square with the lines of a full note. Shape, colour and glyph all differ, so it
 * reads without colour too. The side panel shows the same marks beside Quick and Thorough.
 */
export function careMarkTexture(scene: Phaser.Scene, care: 'quick' | 'thorough'): string {
  const s = CARE_MARK;
  return bakeShape(scene, `care-mark:${care}`, s, s, (g) => {
    if (care === 'quick') {
      g.fillStyle(0xe69f00, 1).fillCircle(s / 2, s / 2, s / 2 - 1);
      g.lineStyle(3, 0x0b1320, 1).strokeCircle(s / 2, s / 2, s / 2 - 1);
      const k = s / 36;
      g.fillStyle(0x0b1320, 1).fillPoints(
        [
          [21, 5],
          [9, 20],
          [17, 20],
          [14, 31],
          [27, 15],
          [19, 15],
          [22, 5],
        ].map(([x, y]) => new Phaser.Math.Vector2(x! * k, y! * k)),
        true,
      );
    } else {
      g.fillStyle(0x56b4e9, 1).fillRoundedRect(1, 1, s - 2, s - 2, 6);
      g.lineStyle(3, 0x0b1320, 1).strokeRoundedRect(1, 1, s - 2, s - 2, 6);
      g.lineStyle(4, 0x0b1320, 1);
      for (const y of [0.3, 0.5, 0.7]) g.lineBetween(s * 0.22, s * y, s * 0.78, s * y);
    }
  }, 3);
}
