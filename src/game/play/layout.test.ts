import { describe, expect, it } from 'vitest';
import { BOARD, cardAreas, cardSize, PICK_RING_R, trayRows, cardAt, cardHeader, cardNameRoom, contains, inboxShown, inboxSlot, layoutCards, neighbour, readingOrder, trayCaptionRoom, outboxCentre, outboxSlot, outboxSlotAt, outboxSlotRect, OUTBOX_VISIBLE, FINGER, lineTouchRect, type Rect } from './layout';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutCards', () => {
  it('centres cards on their percent position inside the board', () => {
    const [r] = layoutCards([{ x: 50, y: 50 }]);
    expect(r!.x + r!.w / 2).toBeCloseTo(BOARD.x + BOARD.w / 2);
    expect(r!.y + r!.h / 2).toBeCloseTo(BOARD.y + BOARD.h / 2);
  });

  it('keeps cards inside the board even at the corners', () => {
    for (const r of layoutCards([{ x: 0, y: 0 }, { x: 100, y: 100 }])) {
      expect(contains(BOARD, { x: r.x, y: r.y })).toBe(true);
      expect(contains(BOARD, { x: r.x + r.w, y: r.y + r.h })).toBe(true);
    }
  });

  it('pushes overlapping cards apart', () => {
    const rects = layoutCards([{ x: 50, y: 50 }, { x: 52, y: 51 }, { x: 20, y: 50 }]);
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
  });

  it('lays out eight departments in two rows of four without overlaps, every row of each card inside it', () => {
    const pos = Array.from({ length: 8 }, (_, i) => ({ x: [12, 37, 63, 88][i % 4]!, y: i < 4 ? 27 : 73 }));
    const rects = layoutCards(pos);
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
    for (const r of rects) {
      const a = cardAreas(r);
      const rows = [a.header, a.status, a.staff, a.skills, a.inbox, a.outbox];
      for (const row of rows) expect(contains(r, { x: row.x, y: row.y }) && contains(r, { x: row.x + row.w, y: row.y + row.h })).toBe(true);
      for (let k = 1; k < rows.length; k++) expect(rows[k]!.y).toBeGreaterThanOrEqual(rows[k - 1]!.y + rows[k - 1]!.h);
    }
  });

  it('the number badge has its own room in the header on boards of up to eight desks, not on the corner', () => {
    for (const n of [3, 4, 6, 7, 8]) {
      const pos = Array.from({ length: n }, (_, i) => ({ x: 12 + (i % 4) * 25, y: i < 4 ? 27 : 73 }));
      const card = layoutCards(pos)[0]!;
      const a = cardAreas(card);
      const head = cardHeader(card);
      // The badge at its largest (enlarged while routing keys show) is about 40 by 40.
      const badge: Rect = { x: head.badge.x - 20, y: head.badge.y - 20, w: 40, h: 40 };
      const on = contains(card, { x: badge.x, y: badge.y }, 4) && contains(card, { x: badge.x + badge.w, y: badge.y + badge.h }, 4);
      expect(on, `${n} desks: badge on the card`).toBe(true);
      const name: Rect = { x: a.header.x + head.nameX, y: a.header.y, w: cardNameRoom(card), h: a.header.h };
      expect(overlaps(badge, name), `${n} desks: badge clear of the name`).toBe(false);
      expect(cardNameRoom(card), `${n} desks: room for a name`).toBeGreaterThan(150);
    }
  });

  it('lays out the six-department stress board without overlaps', () => {
    const pos = Array.from({ length: 6 }, (_, i) => ({ x: 15 + (i % 3) * 35, y: 25 + Math.floor(i / 3) * 50 }));
    const rects = layoutCards(pos);
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
  });
});

describe('card slots', () => {
  const [card] = layoutCards([{ x: 50, y: 50 }]);
  it('puts every visible slot inside its row', () => {
    const a = cardAreas(card!);
    for (let i = 0; i < inboxShown(card!); i++) expect(contains(a.inbox, inboxSlot(card!, i))).toBe(true);
    for (let i = 0; i < OUTBOX_VISIBLE; i++) expect(contains(a.outbox, outboxSlot(card!, i))).toBe(true);
  });
  it('finds the tray slot under a point, and the card under a point', () => {
    expect(outboxSlotAt(card!, outboxSlot(card!, 2))).toBe(2);
    expect(outboxSlotAt(card!, { x: card!.x - 50, y: card!.y })).toBe(-1);
    expect(cardAt([card!], outboxCentre(card!))).toBe(0);
    expect(cardAt([card!], { x: 0, y: 0 })).toBe(-1);
  });
});

describe('neighbour (arrow keys)', () => {
  const pts = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 0, y: 100 },
    { x: 100, y: 100 },
  ];
  it('moves to the nearest department in the pressed direction', () => {
    expect(neighbour(pts, 0, 'right')).toBe(1);
    expect(neighbour(pts, 0, 'down')).toBe(2);
    expect(neighbour(pts, 3, 'up')).toBe(1);
    expect(neighbour(pts, 3, 'left')).toBe(2);
  });
  it('returns -1 at an edge', () => {
    expect(neighbour(pts, 0, 'left')).toBe(-1);
  });
});

describe('readingOrder', () => {
  const at = (pos: { x: number; y: number }[]) => readingOrder(layoutCards(pos));
  it('numbers a two-row grid left to right, then top to bottom, whatever the file order', () => {
    // File order: top-left, top-middle, bottom-left, bottom-middle, top-right, bottom-right (level 7).
    const pos = [
      { x: 16, y: 24 },
      { x: 50, y: 24 },
      { x: 16, y: 76 },
      { x: 50, y: 76 },
      { x: 84, y: 24 },
      { x: 84, y: 76 },
    ];
    expect(at(pos)).toEqual([0, 1, 4, 2, 3, 5]);
  });
  it('reads a desk on the left before a column of two on the right, top one first', () => {
    expect(at([{ x: 70, y: 75 }, { x: 20, y: 50 }, { x: 70, y: 25 }])).toEqual([1, 2, 0]);
    expect(at([{ x: 20, y: 50 }, { x: 70, y: 25 }, { x: 70, y: 75 }])).toEqual([0, 1, 2]);
  });
  it('gives every card exactly one number', () => {
    const pos = Array.from({ length: 8 }, (_, i) => ({ x: (i * 37) % 100, y: (i * 61) % 100 }));
    expect([...at(pos)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('trayCaptionRoom', () => {
  it('keeps neighbouring captions apart and inside the tray, for 4, 6 and 8 desks', () => {
    for (const n of [4, 6, 8]) {
      const card = layoutCards(Array.from({ length: n }, (_, i) => ({ x: 10 + i * 10, y: 50 })))[0]!;
      const room = trayCaptionRoom(card);
      const tray = cardAreas(card).outbox;
      expect(room.h).toBeGreaterThanOrEqual(20);
      expect(room.top + room.h).toBeLessThanOrEqual(tray.y + tray.h);
      for (let i = 0; i + 1 < OUTBOX_VISIBLE; i++) {
        const a = outboxSlot(card, i).x + room.w / 2;
        const b = outboxSlot(card, i + 1).x - room.w / 2;
        expect(b - a, `${n} desks, slots ${i} and ${i + 1}`).toBeGreaterThanOrEqual(6);
      }
      expect(outboxSlot(card, 0).x - room.w / 2).toBeGreaterThanOrEqual(tray.x);
    }
  });
});

describe('touch targets on every card size', () => {
  it('each tray slot and the line are a finger wide and tall, and a press on a ticket picks its slot', () => {
    for (const n of [3, 6, 8]) {
      const card = layoutCards(Array.from({ length: n }, (_, i) => ({ x: [12, 37, 63, 88][i % 4]!, y: i < 4 ? 27 : 73 })))[0]!;
      for (let i = 0; i < OUTBOX_VISIBLE; i++) {
        const r = outboxSlotRect(card, i);
        expect(Math.min(r.w, r.h), `${n} desks, slot ${i}`).toBeGreaterThanOrEqual(FINGER - 0.01);
        expect(outboxSlotAt(card, outboxSlot(card, i)), `${n} desks, slot ${i}`).toBe(i);
      }
      const line = lineTouchRect(card);
      expect(Math.min(line.w, line.h)).toBeGreaterThanOrEqual(FINGER);
      // Clear of the tray below it.
      expect(line.y + line.h).toBeLessThanOrEqual(cardAreas(card).outbox.y);
    }
  });
});

describe("the picked ticket's ring in its tray", () => {
  it('clears the tray caption above and starts the ticket captions under it, on cards of up to six desks', () => {
    // At the usual text size card text is 27 points, a box 31 high about its centre.
    const half = 15.5;
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const card = { x: 100, y: 100, ...cardSize(n) };
      const tray = cardAreas(card).outbox;
      const rows = trayRows(card);
      expect(rows.label - half, `${n} desks: the tray caption inside the tray`).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < OUTBOX_VISIBLE; i++) {
        const s = outboxSlot(card, i);
        expect(s.y - PICK_RING_R, `${n} desks, slot ${i}: the ring under the tray caption`).toBeGreaterThanOrEqual(tray.y + rows.label + half);
        expect(rows.caption, `${n} desks: the ticket's caption starts under the ring`).toBeGreaterThanOrEqual(PICK_RING_R);
        expect(s.y + rows.caption + 2 * half, `${n} desks: a line of caption inside the tray`).toBeLessThanOrEqual(tray.y + tray.h);
      }
      const room = trayCaptionRoom(card);
      expect(room.top).toBe(outboxSlot(card, 0).y + rows.caption);
      expect(room.h, `${n} desks: room for one line of caption`).toBeGreaterThanOrEqual(2 * half);
    }
  });
});
