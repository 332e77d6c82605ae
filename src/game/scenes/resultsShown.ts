/**
 * What the results screen shows now, kept for the browser tests (window.__ripple.results()). Phaser-free,
 * so the test hook can read it without loading a scene.
 */
import type { TimedCommand } from '../../sim/types';

export interface ShownResults {
  levelId: string;
  seed: number;
  /** The run's commands: with the level and seed, a test can replay it and check what is shown. */
  commandLog: TimedCommand[];
  /** Each part as shown; `bar` is its bar (track) in game points once the column is placed. */
  parts: { key: string; label: string; measure: string; points: string; bar: Rect }[];
  unserved: string | null;
  /** "Where the time went": each line's words, seconds and the cause keys it adds up. */
  causes: { text: string; seconds: number; causes: string[] }[];
  totalSeconds: number;
  gaveUp: string[];
  notes: string | null;
  /** "Try this next time": one or two suggestions from this run, or the line saying nothing big is left. */
  advice: string[];
  /** The smallest scale the columns were drawn at to fit (1: the design size). */
  scale: number;
  /** The scale the score parts' column was drawn at (1: the design size). */
  partsScale: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

let shown: ShownResults | null = null;

export function setShownResults(r: ShownResults): void {
  shown = r;
}

/**
 * Records that a column had to be scaled to fit. `parts`: the score parts' column, placed at `at` (its
 * bars, drawn inside it, are then kept in game points).
 */
export function noteColumnScale(scale: number, parts?: { x: number; y: number }): void {
  if (!shown) return;
  shown.scale = Math.min(shown.scale, scale);
  if (!parts) return;
  shown.partsScale = scale;
  shown.parts = shown.parts.map((p) => ({
    ...p,
    bar: { x: parts.x + p.bar.x * scale, y: parts.y + p.bar.y * scale, w: p.bar.w * scale, h: p.bar.h * scale },
  }));
}

/** Records the "Try this next time" suggestions shown. */
export function noteAdvice(advice: readonly string[]): void {
  if (shown) shown.advice = [...advice];
}

/** What the results screen shows now (null before the first results screen). */
export function shownResults(): ShownResults | null {
  return shown;
}
