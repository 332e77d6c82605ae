/**
 * Colours and glyphs of the board. Okabe-Ito colour-blind-safe palette; every colour also comes with a
 * shape or a word, so nothing depends on colour alone. Phaser-free.
 */
import type { Level } from '../../level/schema';
import { workColourOf } from '../../level/workLook';

export const OKABE_ITO = {
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
  white: 0xffffff,
} as const;

export type Status = 'green' | 'amber' | 'red';

/**
 * Status light: colour, a shape glyph and a word, so it reads without colour. `short`: the word where a
 * narrow card has no room for it.
 */
export const STATUS_LOOK: Record<Status, { colour: number; css: string; glyph: string; word: string; short?: string }> = {
  green: { colour: OKABE_ITO.green, css: '#35c99a', glyph: '●', word: 'OK' },
  amber: { colour: OKABE_ITO.orange, css: '#f2b233', glyph: '▲', word: 'Busy' },
  red: { colour: OKABE_ITO.vermillion, css: '#ff7a3d', glyph: '■', word: 'Overloaded', short: 'Full' },
};

/** A desk where nobody can work (everyone away, or its systems down): never shown as "OK". */
export const DOWN_LOOK = { colour: OKABE_ITO.vermillion, css: '#ff7a3d', glyph: '✖', word: 'Down' } as const;

/**
 * A desk whose people are all called away (a meeting, a shift ending) but still finish the job in hand:
 * never "OK" then, as nobody will take the next one.
 */
export const LEAVING_LOOK = { colour: OKABE_ITO.sky, css: '#56b4e9', glyph: '▼', word: 'Leaving' } as const;

export type IconName = NonNullable<Level['departments'][number]['icon']>;
export type RoleName = Level['departments'][number]['role'];

const ROLE_LOOK: Record<RoleName, { icon: IconName; colour: number }> = {
  frontline: { icon: 'headset', colour: OKABE_ITO.sky },
  tier2: { icon: 'wrench', colour: OKABE_ITO.blue },
  supervisor: { icon: 'star', colour: OKABE_ITO.yellow },
  billing: { icon: 'coins', colour: OKABE_ITO.orange },
  it: { icon: 'laptop', colour: OKABE_ITO.green },
  hr: { icon: 'people', colour: OKABE_ITO.purple },
  shipping: { icon: 'box', colour: OKABE_ITO.vermillion },
  sales: { icon: 'chart', colour: OKABE_ITO.green },
  quality: { icon: 'shield', colour: OKABE_ITO.sky },
  health: { icon: 'cross', colour: OKABE_ITO.vermillion },
  retail: { icon: 'bag', colour: OKABE_ITO.orange },
  logistics: { icon: 'truck', colour: OKABE_ITO.blue },
  public: { icon: 'civic', colour: OKABE_ITO.purple },
  other: { icon: 'building', colour: 0x9aa9b8 },
};

export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

export function deptLook(d: Level['departments'][number]): { icon: IconName; colour: number } {
  const base = ROLE_LOOK[d.role] ?? ROLE_LOOK.other;
  return { icon: d.icon ?? base.icon, colour: d.color ? hexToNumber(d.color) : base.colour };
}

/** A work type's colour: the level's own, else the palette's by its place (see level/workLook.ts). */
export function workColour(level: Level, index: number): number {
  return workColourOf(level, index);
}

/** Relative luminance 0..1 of a 0xRRGGBB colour, to choose dark or light text on it. */
export function luminance(colour: number): number {
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch((colour >> 16) & 255) + 0.7152 * ch((colour >> 8) & 255) + 0.0722 * ch(colour & 255);
}

export function inkFor(colour: number): string {
  return luminance(colour) > 0.35 ? '#0b1320' : '#ffffff';
}

/**
 * A skill as players read it: the level's own name for it (skillNames), else its id in words
 * ("billing-fix" -> "billing fix").
 */
export function skillWords(skill: string, names?: Readonly<Record<string, string>>): string {
  const own = names && Object.hasOwn(names, skill) ? names[skill] : undefined;
  return own ?? skill.replace(/[-_]+/g, ' ').trim();
}

/** Mood bucket from satisfaction: 0 happy, 1 fine, 2 unhappy, 3 angry. */
export function moodBucket(satisfaction: number): 0 | 1 | 2 | 3 {
  if (satisfaction >= 0.8) return 0;
  if (satisfaction >= 0.55) return 1;
  if (satisfaction >= 0.3) return 2;
  return 3;
}

export const MOOD_LOOK = [
  { colour: OKABE_ITO.green, word: 'happy' },
  { colour: OKABE_ITO.yellow, word: 'fine' },
  { colour: OKABE_ITO.orange, word: 'unhappy' },
  { colour: OKABE_ITO.vermillion, word: 'angry' },
] as const;

export const BOARD_COLOURS = {
  bg: 0x0e1b2a,
  card: 0x1a2f45,
  cardEdge: 0x4a6a8c,
  tray: 0x10263a,
  trayReady: OKABE_ITO.yellow,
  text: '#f3f6f9',
  dim: '#c3d0dd',
  focus: 0xffe066,
  target: 0x56b4e9,
  ripple: 0xff8c42,
};
