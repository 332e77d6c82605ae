/** Small UI pieces of the play scene: text styles and a button with a label, a key hint and a state. */
import Phaser from 'phaser';
import { BOARD_COLOURS } from './playTheme';

export const PLAY_FONT = '"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif';

export function style(px: number, opts: { color?: string; bold?: boolean; wrap?: number; align?: 'left' | 'center' | 'right' } = {}): Phaser.Types.GameObjects.Text.TextStyle {
  const s: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: PLAY_FONT,
    fontSize: `${Math.round(px)}px`,
    color: opts.color ?? BOARD_COLOURS.text,
    fontStyle: opts.bold ? 'bold' : 'normal',
    align: opts.align ?? 'left',
  };
  if (opts.wrap) s.wordWrap = { width: opts.wrap, useAdvancedWrap: true };
  return s;
}

export interface PlayButtonOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  px?: number;
  onClick: () => void;
}

/** A rounded button; `setOn` highlights it (e.g. the current speed). Clicks never reach the board. */
export class PlayButton {
  readonly container: Phaser.GameObjects.Container;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  private on = false;
  private label: string;

  constructor(
    scene: Phaser.Scene,
    private readonly o: PlayButtonOpts,
  ) {
    this.label = o.label;
    this.bg = scene.add.graphics();
    this.text = scene.add.text(0, 0, o.label, style(o.px ?? 26, { bold: true })).setOrigin(0.5);
    const zone = scene.add.zone(0, 0, o.w, o.h).setInteractive({ useHandCursor: true });
    zone.on('pointerup', (_p: Phaser.Input.Pointer, _x: number, _y: number, ev: Phaser.Types.Input.EventData) => {
      ev.stopPropagation();
      o.onClick();
    });
    zone.on('pointerdown', (_p: Phaser.Input.Pointer, _x: number, _y: number, ev: Phaser.Types.Input.EventData) => ev.stopPropagation());
    this.container = scene.add.container(o.x, o.y, [this.bg, this.text, zone]);
    this.draw();
  }

  setOn(on: boolean): this {
    if (on !== this.on) {
      this.on = on;
      this.draw();
    }
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

  private draw(): void {
    const { w, h } = this.o;
    this.bg.clear();
    this.bg.fillStyle(this.on ? BOARD_COLOURS.focus : 0x223a55, 1);
    this.bg.fillRoundedRect(-w / 2, -h / 2, w, h, 12);
    this.bg.lineStyle(3, this.on ? 0xffffff : 0x6c8cae, 1);
    this.bg.strokeRoundedRect(-w / 2, -h / 2, w, h, 12);
    this.text.setColor(this.on ? '#0b1320' : BOARD_COLOURS.text);
  }
}
