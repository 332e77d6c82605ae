/**
 * Shell-wide services the scenes share beyond the app context: the Phaser game, the level file
 * picker, the settings panel, messages for the title and select screens, and a level played from a
 * dropped file (not in the campaign).
 */
import type Phaser from 'phaser';
import type { Level } from '../level/schema';

export interface Shell {
  game: Phaser.Game | null;
  /** Opens the file picker for a level file (set once level drop is installed). */
  pickFile: (() => void) | null;
  openSettings: (() => void) | null;
  /** Plain-words messages shown on the title and select screens (bad URL parameters etc.). */
  messages: string[];
  /** Levels loaded from a file, by id: playable without being in the campaign. */
  loose: Map<string, Level>;
}

export const shell: Shell = {
  game: null,
  pickFile: null,
  openSettings: null,
  messages: [],
  loose: new Map(),
};
