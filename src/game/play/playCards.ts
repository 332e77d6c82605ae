/**
 * The desk cards of the board: laid out from the level's positions, numbered in reading order (the
 * numbers are also the keys while routing), fitted to one text size across the board; and their key
 * hints and text size, switched mid-round (projector mode). Split out of PlayScene.
 */
import type Phaser from 'phaser';
import type { Level } from '../../level/schema';
import { DeptView, type DeptHandlers } from './DeptView';
import { layoutCards, readingOrder, type Rect } from './layout';

export interface BoardCards {
  cards: Map<string, Rect>;
  depts: DeptView[];
  /** Department indices in reading order: the numbers on the cards and the number keys. */
  order: number[];
}

export function buildCards(
  scene: Phaser.Scene,
  level: Level,
  handlers: DeptHandlers,
  reducedMotion: boolean,
): BoardCards {
  const rects = layoutCards(level.departments.map((d) => d.position));
  const order = readingOrder(rects);
  const cards = new Map<string, Rect>();
  const depts: DeptView[] = [];
  level.departments.forEach((def, i) => {
    const r = rects[i]!;
    cards.set(def.id, r);
    depts.push(new DeptView(scene, def, order.indexOf(i) + 1, r, level, handlers, reducedMotion));
  });
  DeptView.fitEvenly(depts);
  return { cards, depts, order };
}

/** Key hints on or off, and the settings' text size, on every card at once (then one fit across the board). */
export function syncCardText(depts: readonly DeptView[], keyHints: boolean, textScale: number): void {
  for (const d of depts) d.setKeyHints(keyHints);
  if (depts.filter((d) => d.setTextScale(textScale)).length > 0) DeptView.fitEvenly(depts);
}
