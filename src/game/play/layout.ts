/**
 * Board geometry at the 1920x1080 design size: regions of the screen, department cards placed from the
 * level's percent positions (pushed apart when they would overlap), and the slots inside a card where
 * ticket tokens sit. Phaser-free so it can be unit-tested.
 */
import type { Pt } from './interpolate';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const GAME_W = 1920;
export const TOP_BAR: Rect = { x: 0, y: 0, w: GAME_W, h: 84 };
export const ENTRANCE: Rect = { x: 8, y: 92, w: 300, h: 892 };
export const BOARD: Rect = { x: 320, y: 92, w: 1176, h: 892 };
export const SIDEBAR: Rect = { x: 1508, y: 92, w: 404, h: 892 };
export const BOTTOM: Rect = { x: 0, y: 990, w: GAME_W, h: 90 };

/** Tokens shown per row before a "+N". */
export const INBOX_VISIBLE = 9;
export const OUTBOX_VISIBLE = 3;
export const WORK_VISIBLE = 5;
export const FACES_VISIBLE = 9;

export function contains(r: Rect, p: Pt, pad = 0): boolean {
  return p.x >= r.x - pad && p.x <= r.x + r.w + pad && p.y >= r.y - pad && p.y <= r.y + r.h + pad;
}

export function centre(r: Rect): Pt {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/**
 * Card size for a board of `count` departments. Up to eight, the cards are tall enough for every row at
 * the smallest readable text size (14 CSS px on a 1024 px wide screen), with the desk's number in its
 * own room in the header: two rows of cards fill the board (rows of 2, 3 or 4). Past eight (three rows)
 * they keep their old, smaller size.
 */
export function cardSize(count: number): { w: number; h: number } {
  if (count <= 4) return { w: 430, h: 420 };
  if (count <= 6) return { w: 372, h: 436 };
  if (count <= 8) return { w: 280, h: 436 };
  return { w: 330, h: 320 };
}

function overlap(a: Rect, b: Rect, gap: number): { x: number; y: number } | null {
  const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + gap;
  const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + gap;
  return ox > 0 && oy > 0 ? { x: ox, y: oy } : null;
}

/** True when two card rectangles cover each other (touching edges do not count). */
export function cardsOverlap(a: Rect, b: Rect): boolean {
  return overlap(a, b, -1) !== null;
}

function clampInto(r: Rect, area: Rect): void {
  r.x = Math.min(Math.max(r.x, area.x), area.x + area.w - r.w);
  r.y = Math.min(Math.max(r.y, area.y), area.y + area.h - r.h);
}

/**
 * Card rectangles for departments at percent positions: centred on the position inside `area`,
 * kept inside it, and pushed apart (least-overlap axis) so cards never cover each other when the
 * area has room for them.
 */
export function layoutCards(positions: readonly Pt[], area: Rect = BOARD, gap = 16): Rect[] {
  const { w, h } = cardSize(positions.length);
  const rects = positions.map((p) => {
    const r: Rect = {
      x: area.x + (p.x / 100) * area.w - w / 2,
      y: area.y + (p.y / 100) * area.h - h / 2,
      w,
      h,
    };
    clampInto(r, area);
    return r;
  });
  for (let iter = 0; iter < 80; iter++) {
    let moved = false;
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const o = overlap(a, b, gap);
        if (!o) continue;
        moved = true;
        const push = (axis: 'x' | 'y', by: number) => {
          const size = axis === 'x' ? 'w' : 'h';
          const dir = a[axis] + a[size] / 2 <= b[axis] + b[size] / 2 ? 1 : -1;
          a[axis] -= (dir * by) / 2;
          b[axis] += (dir * by) / 2;
          clampInto(a, area);
          clampInto(b, area);
        };
        // The axis they overlap least along; if that has not settled them after half the rounds (the
        // board's edge holds them), the other one.
        const alongX = iter < 40 ? o.x < o.y : o.x >= o.y;
        push(alongX ? 'x' : 'y', alongX ? o.x : o.y);
      }
    }
    if (!moved) break;
  }
  return rects;
}

/**
 * Card indices in reading order, as laid out: rows top to bottom, each row left to right. Cards whose
 * vertical spans overlap share a row; within a row, cards stacked over each other (overlapping
 * horizontal spans) read top to bottom before the next column. Desk numbers and the number keys follow
 * this order, not the file's.
 */
export function readingOrder(rects: readonly Rect[]): number[] {
  const groups = (idx: number[], lo: (r: Rect) => number, len: (r: Rect) => number): number[][] => {
    const sorted = [...idx].sort((a, b) => lo(rects[a]!) - lo(rects[b]!) || a - b);
    const out: number[][] = [];
    let end = -Infinity;
    for (const i of sorted) {
      const r = rects[i]!;
      const last = out[out.length - 1];
      if (last && lo(r) < end) {
        last.push(i);
        end = Math.max(end, lo(r) + len(r));
      } else {
        out.push([i]);
        end = lo(r) + len(r);
      }
    }
    return out;
  };
  const rows = groups(
    rects.map((_, i) => i),
    (r) => r.y,
    (r) => r.h,
  );
  return rows.flatMap((row) =>
    groups(
      row,
      (r) => r.x,
      (r) => r.w,
    ).flatMap((col) => [...col].sort((a, b) => rects[a]!.y - rects[b]!.y || a - b)),
  );
}

/** Rows inside a card, in absolute coordinates. */
export interface CardAreas {
  header: Rect;
  /** The status pill and, beside it, the staff count or the "Move 1" button (inside the header on small cards). */
  status: Rect;
  staff: Rect;
  skills: Rect;
  inbox: Rect;
  outbox: Rect;
}

/** A card tall enough for a row of its own for the status, and two lines of skills. */
function tallCard(c: Rect): boolean {
  return c.h >= 400;
}

/**
 * A tall card four to a row (seven or eight desks): its header has two rows, and its status row holds
 * the pill and a narrow Move button.
 */
export function narrowCard(c: Rect): boolean {
  return tallCard(c) && c.w < 300;
}

export function cardAreas(c: Rect): CardAreas {
  const pad = 12;
  const inner = c.w - 2 * pad;
  const x = c.x + pad;
  // Narrow tall cards (seven or eight desks): a header of two rows, the number badge over the icon at
  // its start, so a two-line name has the card's width after them.
  // The skills have three lines (a long list wraps three times at this width) and the tray a line for
  // its caption under the tickets: the status and staff rows are as low as the pill, the Move button and
  // a person allow.
  if (narrowCard(c)) {
    return {
      header: { x, y: c.y + 6, w: inner, h: NARROW_HEADER },
      status: { x, y: c.y + 72, w: inner, h: 40 },
      staff: { x, y: c.y + 114, w: inner, h: 50 },
      skills: { x, y: c.y + 166, w: inner, h: 92 },
      inbox: { x, y: c.y + 260, w: inner, h: 48 },
      outbox: { x, y: c.y + 312, w: inner, h: c.h - 312 - pad },
    };
  }
  if (tallCard(c)) {
    return {
      header: { x, y: c.y + 6, w: inner, h: 44 },
      status: { x, y: c.y + 52, w: inner, h: 44 },
      staff: { x, y: c.y + 98, w: inner, h: 56 },
      skills: { x, y: c.y + 156, w: inner, h: 70 },
      inbox: { x, y: c.y + 228, w: inner, h: 52 },
      outbox: { x, y: c.y + 286, w: inner, h: c.h - 286 - pad },
    };
  }
  return {
    header: { x, y: c.y + 6, w: inner, h: 50 },
    status: { x: x + inner - 170, y: c.y + 6, w: 170, h: 50 },
    staff: { x, y: c.y + 58, w: inner, h: 56 },
    skills: { x, y: c.y + 116, w: inner, h: 32 },
    inbox: { x, y: c.y + 150, w: inner, h: 52 },
    outbox: { x, y: c.y + 208, w: inner, h: c.h - 208 - pad },
  };
}

/**
 * The card header from left to right: the desk's number badge, the icon, the name. On tall cards the
 * badge has its own room at the header's start (a two-line name then never meets it, even with the
 * badge enlarged while routing keys show), over the icon on narrow ones (seven or eight desks); small
 * cards keep it on the card's top-left corner. x offsets from the header's x; iconY absolute.
 */
export function cardHeader(card: Rect): { badge: Pt; iconX: number; iconY: number; nameX: number } {
  const a = cardAreas(card);
  const hy = a.header.y + a.header.h / 2;
  if (a.status.y === a.header.y)
    return { badge: { x: card.x - 4, y: card.y - 4 }, iconX: 24, iconY: hy, nameX: 54 };
  if (a.header.h === NARROW_HEADER) {
    const x = BADGE_ROOM / 2 - 2;
    return {
      badge: { x: a.header.x + x, y: a.header.y + 17 },
      iconX: x,
      iconY: a.header.y + 52,
      nameX: BADGE_ROOM + 4,
    };
  }
  return {
    badge: { x: a.header.x + BADGE_ROOM / 2 - 2, y: hy },
    iconX: 24 + BADGE_ROOM,
    iconY: hy,
    nameX: 54 + BADGE_ROOM,
  };
}
/** The header of a narrow tall card: two lines of name beside the badge over the icon. */
const NARROW_HEADER = 64;
/** Room kept for the number badge at the start of a tall card's header (its widest, enlarged, is 40). */
const BADGE_ROOM = 44;

/** Room for the desk's name in its header, after the icon (and before the status pill on small cards). */
export function cardNameRoom(card: Rect): number {
  const a = cardAreas(card);
  return (a.status.y === a.header.y ? a.status.x - a.header.x : a.header.w) - cardHeader(card).nameX - 6;
}

/**
 * Room for one tray caption ("needs billing fix" under a ready ticket), its top-left corner centred
 * on the slot: the slot's width less a gap, down to the tray's bottom edge, so captions never meet.
 */
export function trayCaptionRoom(card: Rect): { w: number; h: number; top: number } {
  const a = cardAreas(card).outbox;
  const step = (a.w - 50) / OUTBOX_VISIBLE;
  const top = outboxSlot(card, 0).y + trayRows(card).caption;
  return { w: step - 8, h: Math.max(20, a.y + a.h - 2 - top), top };
}

/** Where a person (and the ticket they work on) sits in the staff row. */
export function workSlot(c: Rect, i: number): Pt {
  const a = cardAreas(c).staff;
  const step = Math.min(54, (a.w - 40) / WORK_VISIBLE);
  return { x: a.x + 26 + i * step, y: a.y + a.h / 2 + 2 };
}

/** Room for the "Line 12 ▲" label before the first ticket in the line. */
export const LINE_LABEL_W = 136;
/** Room kept at the line's end for its "+N" (from the last ticket's centre). */
const LINE_MORE_W = 76;
/** From the label's end to the first ticket's centre. */
const LINE_FIRST = 18;
/** Step between tickets in a line: at the line's token size they then touch, never cover each other. */
const LINE_STEP = 36;

/**
 * How many tickets of a line a card shows: as many as fit side by side without covering each other
 * (the rest are the "+N"), at most INBOX_VISIBLE.
 */
export function inboxShown(c: Rect): number {
  const a = cardAreas(c).inbox;
  return Math.max(1, Math.min(INBOX_VISIBLE, Math.floor((a.w - LINE_LABEL_W - LINE_FIRST - LINE_MORE_W) / LINE_STEP) + 1));
}

/** Inbox tokens sit in a row after the "Line" label; slot 0 is the front of the line. */
export function inboxSlot(c: Rect, i: number): Pt {
  const a = cardAreas(c).inbox;
  return { x: a.x + LINE_LABEL_W + LINE_FIRST + i * LINE_STEP, y: a.y + a.h / 2 };
}

/** Where the "+N" of a long line goes. */
export function inboxMorePos(c: Rect): Pt {
  const p = inboxSlot(c, inboxShown(c) - 1);
  return { x: p.x + 24, y: p.y };
}

/** The picked ticket's ring, outside edge from the ticket's centre (its white outline ends at 25.5). */
export const PICK_RING_R = 28;

/**
 * The tray's rows, from its top: the tray caption's centre ("Ready to send (2)"), the tickets' centre
 * and their captions' top. On the cards of up to six desks the tickets sit low enough that the picked
 * ticket's ring clears the tray caption above them at the usual text size (27 points, a box 31 high),
 * and their captions start under the ring (playtest 6: the ring covered "Ready to send"). The narrow
 * cards of seven or eight desks have no room for that: their rows are as before.
 */
export function trayRows(c: Rect): { label: number; slot: number; caption: number } {
  const h = cardAreas(c).outbox.h;
  if (tallCard(c) && !narrowCard(c)) return { label: 16, slot: Math.min(62, Math.max(60, h / 2 - 4)), caption: PICK_RING_R };
  return { label: 18, slot: Math.min(62, h / 2 - 4), caption: 26 };
}

export function outboxSlot(c: Rect, i: number): Pt {
  const a = cardAreas(c).outbox;
  const step = (a.w - 50) / OUTBOX_VISIBLE;
  return { x: a.x + 12 + step * (i + 0.5), y: a.y + trayRows(c).slot };
}

export function outboxCentre(c: Rect): Pt {
  return centre(cardAreas(c).outbox);
}

/** A finger's size in game points: 44 CSS px on a 1024 px wide screen (the game is 1920 wide). */
export const FINGER = 84;

/**
 * The part of the tray a press picks slot i in (see outboxSlotAt): the touch target of that ticket.
 * Each reaches halfway to its neighbours (at most 70 points from its ticket); on a narrow card (seven
 * or eight desks) where that is less than a finger, the tray is cut in equal thirds instead.
 */
export function outboxSlotRect(c: Rect, i: number): Rect {
  const a = cardAreas(c).outbox;
  const step = (a.w - 50) / OUTBOX_VISIBLE;
  if (Math.min(step, 70 + step / 2) < FINGER) {
    const third = a.w / OUTBOX_VISIBLE;
    return { x: a.x + i * third, y: a.y, w: third, h: a.h };
  }
  const s = outboxSlot(c, i);
  const left = i === 0 ? a.x : Math.max(a.x, s.x - Math.min(step / 2, 70));
  const right = i === OUTBOX_VISIBLE - 1 ? Math.min(a.x + a.w, s.x + 70) : Math.min(a.x + a.w, s.x + Math.min(step / 2, 70));
  return { x: left, y: a.y, w: right - left, h: a.h };
}

/** The index of the outbox slot under p, or -1. */
export function outboxSlotAt(c: Rect, p: Pt): number {
  if (!contains(cardAreas(c).outbox, p)) return -1;
  for (let i = 0; i < OUTBOX_VISIBLE; i++) if (contains(outboxSlotRect(c, i), p)) return i;
  return -1;
}

/**
 * Where a press opens a desk's "Serve first" choice (levels that let the player reorder a line): the
 * whole line row, reaching up over the skills row so it is a finger's height (84 points: 44 CSS px on a
 * 1024 px wide screen) without taking the tray's top.
 */
export function lineTouchRect(c: Rect): Rect {
  const a = cardAreas(c).inbox;
  const h = FINGER;
  const below = 4;
  return { x: a.x, y: a.y + a.h + below - h, w: a.w, h };
}

/** Index of the card under p (with a little slack for drops), or -1. */
export function cardAt(cards: readonly Rect[], p: Pt, pad = 10): number {
  for (let i = 0; i < cards.length; i++) if (contains(cards[i]!, p, pad)) return i;
  return -1;
}

/** Customer rows at the entrance. */
export function faceRow(i: number): Pt {
  return { x: ENTRANCE.x + 46, y: ENTRANCE.y + 112 + i * 82 };
}

export function facesMorePos(): Pt {
  return { x: ENTRANCE.x + 20, y: faceRow(FACES_VISIBLE).y - 18 };
}

/** Where new customers' tickets appear: the door at the entrance. */
export function doorPos(): Pt {
  return { x: ENTRANCE.x + ENTRANCE.w - 10, y: ENTRANCE.y + 54 };
}

export type Dir = 'up' | 'down' | 'left' | 'right';

/**
 * The neighbour of `from` in a direction among points (index), for arrow-key navigation: the nearest
 * point in that half-plane, favouring points straight ahead. -1 when there is none.
 */
export function neighbour(points: readonly Pt[], from: number, dir: Dir): number {
  const o = points[from];
  if (!o) return points.length ? 0 : -1;
  let best = -1;
  let bestScore = Infinity;
  points.forEach((p, i) => {
    if (i === from) return;
    const dx = p.x - o.x;
    const dy = p.y - o.y;
    const ahead = dir === 'left' ? -dx : dir === 'right' ? dx : dir === 'up' ? -dy : dy;
    const side = dir === 'left' || dir === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 1) return;
    const score = ahead + side * 2;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
