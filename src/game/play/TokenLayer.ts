/**
 * Ticket tokens: one pooled Image per visible ticket, reconciled every frame with the sim (create,
 * move, release). Positions follow the sim: transit is interpolated from departAt/arriveAt with the
 * sim clock; moves inside a card glide towards their slot. The view never owns truth.
 */
import type Phaser from 'phaser';
import type { Care, SimView, TicketView } from '../../sim/types';
import { approach, arcPoint, transitProgress, type Pt } from './interpolate';
import {
  doorPos,
  inboxShown,
  inboxSlot,
  outboxSlot,
  OUTBOX_VISIBLE,
  workSlot,
  WORK_VISIBLE,
  PICK_RING_R,
  type Rect,
} from './layout';
import { forEachTicket, shownOnBoard, type Place } from './boardModel';
import { LetterBook } from './letters';
import { TEX, tokenFrame } from './textures';
import { CARE_MARK, careMarkTexture } from './ui';

interface Token {
  img: Phaser.GameObjects.Image | null;
  x: number;
  y: number;
  seen: number;
  /** Scale and depth last given to img: setting depth, even to the same value, re-sorts the display list. */
  scale: number;
  depth: number;
  /** The mark of the notes it was sent with (quick or thorough), while they matter. */
  mark?: Phaser.GameObjects.Image | null;
  care?: Care;
}

/** The outside radius of the 'pick' frame's circle at scale 1 (textures.ts: radius 28, line 5). */
const PICK_FRAME_R = 30.5;
const SCALE = { inbox: 0.72, work: 0.6, outbox: 1, transit: 0.85 } as const;

export class TokenLayer {
  private readonly pool: Phaser.GameObjects.Image[] = [];
  private readonly markPool: Phaser.GameObjects.Image[] = [];
  private readonly tokens = new Map<number, Token>();
  /** Each ticket keeps its letter while it is on the board; no two tickets on screen show the same. */
  private readonly book = new LetterBook();
  private readonly pickRing: Phaser.GameObjects.Image;
  private readonly hoverRing: Phaser.GameObjects.Image;
  private frame = 0;
  private drawn = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly cards: ReadonlyMap<string, Rect>,
  ) {
    // The 'pick' frame's circle reaches 30.5 from its centre (textures.ts): scaled to PICK_RING_R.
    this.pickRing = scene.add
      .image(0, 0, TEX.fx, 'pick')
      .setScale(PICK_RING_R / PICK_FRAME_R)
      .setDepth(21)
      .setVisible(false);
    this.hoverRing = scene.add
      .image(0, 0, TEX.fx, 'pick')
      .setScale(1.3)
      .setAlpha(0.7)
      .setDepth(21)
      .setVisible(false);
  }

  /** Where a ticket should be drawn now, or null when it is not shown (long lines, full desks). */
  targetOf(
    t: TicketView,
    place: Place | undefined,
    now: number,
    staffOf: (dept: string) => number,
  ): { p: Pt; s: number } | null {
    if (!place || !shownOnBoard(place, staffOf)) return null;
    if (place.area === 'transit' && t.transit) {
      const from = this.cards.get(t.transit.from);
      const to = this.cards.get(t.transit.to);
      if (!from || !to) return null;
      const k = transitProgress(t.transit.departAt, t.transit.arriveAt, now);
      return { p: arcPoint(outboxSlot(from, 0), inboxSlot(to, 0), k), s: SCALE.transit };
    }
    const card = this.cards.get(place.dept);
    if (!card) return null;
    if (place.area === 'inbox')
      return place.index < inboxShown(card) ? { p: inboxSlot(card, place.index), s: SCALE.inbox } : null;
    if (place.area === 'outbox')
      return place.index < OUTBOX_VISIBLE ? { p: outboxSlot(card, place.index), s: SCALE.outbox } : null;
    if (place.area === 'work') {
      if (place.index >= Math.min(WORK_VISIBLE, staffOf(place.dept))) return null;
      const w = workSlot(card, place.index);
      return { p: { x: w.x + 12, y: w.y + 8 }, s: SCALE.work };
    }
    return null;
  }

  sync(
    view: SimView,
    places: ReadonlyMap<number, Place>,
    dtReal: number,
    opts: {
      dragged: { ticket: number; x: number; y: number } | null;
      picked: number | null;
      snap: boolean;
      /** A ticket linked by hovering it or its customer: ringed too. */
      linked?: number | null;
      /** The notes a ticket was sent with, shown as a mark on it (see CareMarks). */
      careOf?: (ticket: number) => Care | undefined;
    },
  ): void {
    this.frame++;
    const frame = this.frame;
    const staff = new Map(view.departments.map((d) => [d.id, d.staff]));
    const staffOf = (id: string) => staff.get(id) ?? 0;
    let drawn = 0;
    forEachTicket(view, (t) => {
      let tok = this.tokens.get(t.id);
      if (!tok) {
        const door = doorPos();
        tok = { img: null, x: door.x, y: door.y, seen: frame, scale: NaN, depth: NaN };
        this.tokens.set(t.id, tok);
      }
      tok.seen = frame;
      const drag = opts.dragged && opts.dragged.ticket === t.id ? opts.dragged : null;
      const target = drag
        ? { p: { x: drag.x, y: drag.y }, s: 1.15 }
        : this.targetOf(t, places.get(t.id), view.t, staffOf);
      if (!target) {
        if (tok.img) this.release(tok, t.id, false);
        return;
      }
      if (drag || opts.snap || t.phase === 'transit') {
        tok.x = target.p.x;
        tok.y = target.p.y;
      } else {
        tok.x = approach(tok.x, target.p.x, dtReal);
        tok.y = approach(tok.y, target.p.y, dtReal);
      }
      const place = places.get(t.id);
      if (!tok.img) {
        tok.img = this.acquire(t);
        tok.scale = NaN;
        tok.depth = NaN;
      }
      const img = tok.img;
      if (img.x !== tok.x || img.y !== tok.y) img.setPosition(tok.x, tok.y);
      if (tok.scale !== target.s) img.setScale((tok.scale = target.s));
      const depth = drag ? 30 : t.phase === 'transit' ? 12 : 10;
      if (tok.depth !== depth) img.setDepth((tok.depth = depth));
      this.syncMark(tok, opts.careOf?.(t.id), target.s, depth, place?.area === 'outbox');
      drawn++;
    });
    for (const [id, tok] of this.tokens) {
      if (tok.seen !== frame) {
        // The ticket has left the board: only now may its letter go to another.
        this.release(tok, id, true);
        this.tokens.delete(id);
      }
    }
    this.drawn = drawn;
    const picked = opts.picked !== null ? this.tokens.get(opts.picked) : undefined;
    if (picked?.img) this.pickRing.setVisible(true).setPosition(picked.x, picked.y);
    else this.pickRing.setVisible(false);
    const linked =
      opts.linked != null && opts.linked !== opts.picked ? this.tokens.get(opts.linked) : undefined;
    if (linked?.img) this.hoverRing.setVisible(true).setPosition(linked.x, linked.y);
    else this.hoverRing.setVisible(false);
  }

  /** The drawn ticket under a point (within `r` of its centre, nearest first), or null. */
  ticketAt(p: Pt, r = 30): number | null {
    let best: number | null = null;
    let bestD = r * r;
    for (const [id, tok] of this.tokens) {
      if (!tok.img) continue;
      const d = (tok.x - p.x) ** 2 + (tok.y - p.y) ** 2;
      if (d <= bestD) {
        best = id;
        bestD = d;
      }
    }
    return best;
  }

  private acquire(t: TicketView): Phaser.GameObjects.Image {
    const frame = tokenFrame(t.workType, this.book.take(t.id, t.customer));
    const img = this.pool.pop() ?? this.scene.add.image(0, 0, TEX.tokens, frame);
    return img.setFrame(frame).setVisible(true).setAlpha(1);
  }

  /** The notes mark at the token's top-right corner: on while the ticket carries notes, else pooled. */
  private syncMark(tok: Token, care: Care | undefined, s: number, depth: number, inTray: boolean): void {
    if (care === undefined) {
      if (tok.mark) this.dropMark(tok);
      return;
    }
    if (!tok.mark || tok.care !== care) {
      const tex = careMarkTexture(this.scene, care);
      tok.mark = (tok.mark ?? this.markPool.pop() ?? this.scene.add.image(0, 0, tex)).setTexture(tex).setVisible(true);
      tok.care = care;
    }
    // Never smaller than a line's token (a room reads it from the back).
    const k = Math.max(0.72, s);
    const off = (CARE_MARK / 2) * k;
    // In a tray (slots far apart, the label above) at the right; elsewhere (a line's tokens touch) above.
    if (inTray) tok.mark.setPosition(tok.x + off * 2.2, tok.y);
    else tok.mark.setPosition(tok.x + off * 0.6, tok.y - off * 1.1);
    tok.mark.setScale(k).setDepth(depth + 1);
  }

  private dropMark(tok: Token): void {
    if (!tok.mark) return;
    tok.mark.setVisible(false);
    this.markPool.push(tok.mark);
    tok.mark = null;
    tok.care = undefined;
  }

  /** Not drawn now (`gone`: the ticket has left the board and its letter is free, else it keeps it). */
  private release(tok: Token, id: number, gone: boolean): void {
    if (gone) this.book.release(id);
    else this.book.hide(id);
    this.dropMark(tok);
    if (!tok.img) return;
    tok.img.setVisible(false);
    this.pool.push(tok.img);
    tok.img = null;
  }

  /** Drawn position of a ticket, game coordinates, or null when not drawn. */
  /** The picked ticket's ring, if shown: its centre and outside radius (game points). */
  pickedRing(): { x: number; y: number; r: number } | null {
    const r = this.pickRing;
    return r.visible ? { x: r.x, y: r.y, r: PICK_FRAME_R * r.scaleX } : null;
  }

  posOf(id: number): Pt | null {
    const tok = this.tokens.get(id);
    return tok?.img ? { x: tok.x, y: tok.y } : null;
  }

  /** The letter on each drawn ticket, by ticket id. */
  letters(): Record<number, string> {
    return Object.fromEntries(this.book.letters());
  }

  /** The letter a ticket on the board has, drawn or hidden in a long line (once it was ever drawn). */
  letterOf(id: number): string | undefined {
    return this.book.letterOf(id);
  }

  drawnCount(): number {
    return this.drawn;
  }
}
