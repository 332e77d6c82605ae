/**
 * What a live board draws over the solo play scene, without changing it:
 *  - the speed buttons and Menu in the top bar are covered (the room server runs the clock and the
 *    facilitator ends the round); the covered area says how the round runs instead;
 *  - on a table where each person holds one department: a bright frame round the desks this device
 *    plays, and a light veil over the others, saying who plays them (the computer, someone else at the
 *    table, or the computer while that person is away) over the card's "Can do:" row: its line and tray,
 *    where the work shows, stay in sight.
 * Positions follow src/game/play/Hud.ts and the board's own card layout.
 */
import Phaser from 'phaser';
import type { Level } from '../../level/schema';
import { cardAreas, layoutCards, type Rect } from '../../game/play/layout';
import { FONT } from '../../game/scenes/theme';

export type SeatHolder = 'mine' | 'human' | 'reconnecting' | 'away' | 'computer';

export interface BoardOverlay {
  setClock(text: string): void;
  /** Per department, who plays it; null: a whole-board table (nothing to mark). */
  setDesks(holders: ReadonlyMap<string, SeatHolder> | null): void;
}

/** Short, so that at 24 points they keep to one line on the narrow cards of six desks. */
const HOLDER_WORDS: Record<Exclude<SeatHolder, 'mine'>, string> = {
  computer: 'Played by the computer',
  human: 'Played by a teammate',
  reconnecting: 'Reconnecting: it waits',
  away: 'Away: the computer plays',
};

export function mountBoardOverlay(scene: Phaser.Scene, level: Level): BoardOverlay {
  const cover = scene.add.graphics().setDepth(52);
  cover.fillStyle(0x08131f, 1);
  cover.fillRect(684, 2, 564, 80);
  cover.fillRect(1776, 2, 144, 80);
  // Swallow presses on the covered buttons (the topmost interactive object takes the pointer).
  for (const [x, w] of [
    [684, 564],
    [1776, 144],
  ] as const)
    scene.add
      .zone(x + w / 2, 42, w, 80)
      .setDepth(52)
      .setInteractive();
  const clock = scene.add
    .text(964, 42, '', { fontFamily: FONT, fontSize: '30px', fontStyle: 'bold', color: '#ffe066' })
    .setOrigin(0.5)
    .setDepth(53);
  if (clock.width > 520) clock.setScale(520 / clock.width);

  const rects: Rect[] = layoutCards(level.departments.map((d) => d.position));
  const marks = scene.add.graphics().setDepth(18);
  const labels = level.departments.map((_, i) => {
    const r = rects[i]!;
    const row = cardAreas(r).skills;
    return (
      scene.add
        // Inside the card, over its "Can do:" row (only on desks this device does not play).
        .text(row.x + row.w / 2, row.y + row.h / 2, '', {
          fontFamily: FONT,
          // 24 points: 16 CSS px on a 1366x768 projector, 15 on a 1280x720 table (20 was under 14 on both).
          fontSize: '24px',
          fontStyle: 'bold',
          color: '#ffffff',
          // Across the whole row, so the words under it do not peek out at its ends.
          backgroundColor: '#08131f',
          padding: { x: 8, y: 7 },
          fixedWidth: row.w,
          align: 'center',
          wordWrap: { width: row.w - 16, useAdvancedWrap: true },
        })
        .setOrigin(0.5, 0.5)
        .setDepth(19)
        .setVisible(false)
    );
  });
  let key = '';
  return {
    setClock(text) {
      if (clock.text === text) return;
      clock.setText(text).setScale(1);
      if (clock.width > 520) clock.setScale(520 / clock.width);
    },
    setDesks(holders) {
      const next = holders ? JSON.stringify([...holders]) : '';
      if (next === key) return;
      key = next;
      marks.clear();
      level.departments.forEach((d, i) => {
        const r = rects[i]!;
        const who = holders?.get(d.id);
        const label = labels[i]!;
        if (!holders || who === undefined) return void label.setVisible(false);
        if (who === 'mine') {
          // The frame marks it; the top bar names it ("Your desk: Billing").
          marks.lineStyle(8, 0xffe066, 1).strokeRoundedRect(r.x - 6, r.y - 6, r.w + 12, r.h + 12, 18);
          label.setVisible(false);
        } else {
          marks.fillStyle(0x08131f, 0.38).fillRoundedRect(r.x, r.y, r.w, r.h, 14);
          label.setText(HOLDER_WORDS[who]).setColor('#ffffff').setVisible(true);
        }
      });
    },
  };
}

/**
 * Per department of `level`, who plays it on this device's screen: 'mine' for the seats this device
 * holds (`mine`), else what the synced seats say (a teammate, reconnecting, away, or the computer).
 */
export function holdersOf(
  level: Level | null | undefined,
  seats: ReadonlyMap<string, { who: string }> | undefined,
  mine: ReadonlySet<string>,
): Map<string, SeatHolder> | null {
  if (!level) return null;
  const out = new Map<string, SeatHolder>();
  for (const d of level.departments) {
    const who = seats?.get(d.id)?.who;
    out.set(
      d.id,
      mine.has(d.id)
        ? 'mine'
        : who === 'human'
          ? 'human'
          : who === 'away' || who === 'reconnecting'
            ? who
            : 'computer',
    );
  }
  return out;
}
