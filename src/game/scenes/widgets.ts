/**
 * Buttons with a visible focus ring, and a keyboard focus group (arrows, Tab, Enter, Escape) that
 * every shell scene uses. Mouse and touch work on the same buttons.
 */
import Phaser from 'phaser';
import type { Settings } from '../../store/store';
import { isDomOverlayOpen } from '../../ui/overlay';
import { moveFocus, navKeyOf } from './focus';
import { onEachKeyDown } from './keys';
import { palette, textStyle, type SIZE } from './theme';

export interface Focusable {
  setFocused(on: boolean): void;
  activate(): void;
  readonly enabled: boolean;
}

export interface ButtonOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  primary?: boolean;
  size?: keyof typeof SIZE;
  onActivate: () => void;
  /** Called when the pointer moves over it (the focus group moves focus here). */
  onHover?: () => void;
}

export class Button implements Focusable {
  readonly container: Phaser.GameObjects.Container;
  readonly text: Phaser.GameObjects.Text;
  private readonly bg: Phaser.GameObjects.Graphics;
  private focused = false;
  private readonly opts: ButtonOptions;
  enabled = true;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly settings: Settings,
    opts: ButtonOptions,
  ) {
    const { x, y, label } = opts;
    const pal = palette(settings);
    this.bg = scene.add.graphics();
    this.text = scene.add
      .text(0, 0, label, textStyle(settings, opts.size ?? 'sub', { bold: true, color: opts.primary ? pal.accentText : pal.text }))
      .setOrigin(0.5);
    // Large text grows the button rather than spilling out of it.
    const width = Math.max(opts.width, this.text.width + 60);
    const height = Math.max(opts.height, this.text.height + 20);
    this.opts = { ...opts, width, height };
    const hit = scene.add.zone(0, 0, width, height).setOrigin(0.5).setInteractive({ useHandCursor: true });
    hit.on('pointerover', () => opts.onHover?.());
    hit.on('pointerup', () => {
      if (this.enabled) opts.onActivate();
    });
    this.container = scene.add.container(x, y, [this.bg, this.text, hit]);
    this.container.setSize(width, height);
    this.draw();
  }

  setFocused(on: boolean): void {
    this.focused = on;
    this.draw();
  }

  activate(): void {
    if (this.enabled) this.opts.onActivate();
  }

  get height(): number {
    return this.opts.height;
  }

  setLabel(label: string): void {
    this.text.setText(label);
  }

  private draw(): void {
    const pal = palette(this.settings);
    const { width: w, height: h, primary } = this.opts;
    const g = this.bg;
    g.clear();
    if (this.focused) {
      g.lineStyle(6, pal.focus, 1);
      g.strokeRoundedRect(-w / 2 - 9, -h / 2 - 9, w + 18, h + 18, 22);
    }
    g.fillStyle(primary ? pal.accent : pal.panel, this.enabled ? 1 : 0.5);
    g.fillRoundedRect(-w / 2, -h / 2, w, h, 16);
    g.lineStyle(pal.edgeWidth, primary ? pal.accent : pal.panelEdge, 1);
    g.strokeRoundedRect(-w / 2, -h / 2, w, h, 16);
    this.text.setAlpha(this.enabled ? 1 : 0.6);
  }
}

export interface FocusGroupOptions {
  /** Columns for grid navigation; 1 = vertical list. */
  cols?: number;
  onBack?: () => void;
  /** Extra keys (lower-case key names) handled by the scene, e.g. { s: openSettings }. */
  keys?: Record<string, () => void>;
}

/** Keyboard focus over a list of focusables. Installs itself on the scene and cleans up on shutdown. */
export class FocusGroup {
  private items: Focusable[] = [];
  private index = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly opts: FocusGroupOptions = {},
  ) {
    const stop = onEachKeyDown(scene.input.keyboard, (e) => this.onKey(e));
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
  }

  setItems(items: Focusable[], focus = 0): void {
    this.items = items;
    this.focus(Math.min(Math.max(focus, 0), items.length - 1));
  }

  add(item: Focusable): number {
    this.items.push(item);
    if (this.items.length === 1) this.focus(0);
    return this.items.length - 1;
  }

  focus(i: number): void {
    if (i < 0 || i >= this.items.length) return;
    this.items[this.index]?.setFocused(false);
    this.index = i;
    this.items[i]?.setFocused(true);
  }

  focusOf(item: Focusable): void {
    const i = this.items.indexOf(item);
    if (i >= 0) this.focus(i);
  }

  get focused(): number {
    return this.index;
  }

  private onKey(e: KeyboardEvent): void {
    if (isDomOverlayOpen() || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!this.scene.scene.isActive()) return;
    const extra = this.opts.keys?.[e.key.toLowerCase()];
    if (extra) {
      e.preventDefault();
      extra();
      return;
    }
    if (e.key === 'Escape') {
      if (this.opts.onBack) {
        e.preventDefault();
        this.opts.onBack();
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (!e.repeat) this.items[this.index]?.activate();
      return;
    }
    const nav = navKeyOf(e.key, e.shiftKey);
    if (!nav || this.items.length === 0) return;
    e.preventDefault();
    this.focus(moveFocus(this.index, nav, this.items.length, this.opts.cols ?? 1));
  }
}
