/**
 * Colours, type sizes and text styles shared by the shell scenes. Two palettes: calm (default) and
 * high contrast. Sizes are at the 1920x1080 design resolution and grow with settings.textScale.
 */
import type { Settings } from '../../store/store';

export const GAME_WIDTH = 1920;
export const GAME_HEIGHT = 1080;

export const FONT = '"Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif';

export interface Palette {
  bg: number;
  bgCss: string;
  panel: number;
  panelEdge: number;
  text: string;
  textDim: string;
  accent: number;
  accentCss: string;
  accentText: string;
  star: number;
  starCss: string;
  warn: number;
  warnCss: string;
  focus: number;
  ripple: number;
  icon: number;
  edgeWidth: number;
}

const calm: Palette = {
  bg: 0x0e1b2a,
  bgCss: '#0e1b2a',
  panel: 0x172b40,
  panelEdge: 0x3a5878,
  text: '#f3f6f9',
  textDim: '#c3d0dd',
  accent: 0x3cc6b8,
  accentCss: '#3cc6b8',
  accentText: '#06211e',
  star: 0xf5c542,
  starCss: '#f5c542',
  warn: 0xf0a24a,
  warnCss: '#f6b464',
  focus: 0xffe066,
  ripple: 0x2f7f9e,
  icon: 0xa9bccf,
  edgeWidth: 3,
};

const contrast: Palette = {
  bg: 0x000000,
  bgCss: '#000000',
  panel: 0x101010,
  panelEdge: 0xffffff,
  text: '#ffffff',
  textDim: '#ffffff',
  accent: 0xffd400,
  accentCss: '#ffd400',
  accentText: '#000000',
  star: 0xffd400,
  starCss: '#ffd400',
  warn: 0xff9f1a,
  warnCss: '#ffb347',
  focus: 0x00e5ff,
  ripple: 0x5a5a5a,
  icon: 0xffffff,
  edgeWidth: 4,
};

export function palette(settings: Pick<Settings, 'highContrast'>): Palette {
  return settings.highContrast ? contrast : calm;
}

/**
 * The smallest text anywhere, in game points: the 1920-wide game is drawn 1024 CSS px wide on a 4:3 tablet
 * (and 1280 on a 720p projector), so 27 points are 14.4 CSS px there (26.25 would be 14.0).
 */
export const MIN_TEXT = 27;
/** The smallest touch target each way, in game points: 44 CSS px on a 1024 px wide screen is 82.5 points. */
export const MIN_TOUCH = 84;

/** Base sizes in px at 1920x1080, before text scale. Body text is never below 28px. */
export const SIZE = { title: 96, heading: 64, sub: 40, body: 32, small: 28 } as const;

export function scaled(px: number, settings: Pick<Settings, 'textScale'>): number {
  const s = Number.isFinite(settings.textScale) ? Math.min(Math.max(settings.textScale, 1), 1.5) : 1;
  return Math.round(px * s);
}

export function textStyle(
  settings: Pick<Settings, 'textScale' | 'highContrast'>,
  size: keyof typeof SIZE,
  opts: { color?: string; bold?: boolean; wrap?: number; align?: 'left' | 'center' | 'right' } = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  const pal = palette(settings);
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT,
    fontSize: `${scaled(SIZE[size], settings)}px`,
    color: opts.color ?? pal.text,
    fontStyle: opts.bold || size === 'title' || size === 'heading' ? 'bold' : 'normal',
    align: opts.align ?? 'left',
    lineSpacing: Math.round(scaled(SIZE[size], settings) * 0.25),
  };
  if (opts.wrap) style.wordWrap = { width: opts.wrap, useAdvancedWrap: true };
  return style;
}
