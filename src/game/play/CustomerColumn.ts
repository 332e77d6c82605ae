/**
 * The customers at the entrance: a mood face (drawn from satisfaction), their name and where their
 * ticket is now, oldest first. A ripple that reaches a customer makes the face jolt and shows the
 * seconds it cost.
 */
import type Phaser from 'phaser';
import type { SimView, TicketView } from '../../sim/types';
import { ENTRANCE, faceRow, facesMorePos, FACES_VISIBLE } from './layout';
import { forEachTicket } from './boardModel';
import { BOARD_COLOURS, moodBucket, OKABE_ITO } from './playTheme';
import { TEX } from './textures';
import { bakedShape, shrinkTo, style } from './ui';
import type { Pt } from './interpolate';
import { formatSeconds } from './rippleText';

/** One customer's row; it follows its ticket up the column, so a shift moves it rather than redrawing text. */
interface Row {
  face: Phaser.GameObjects.Image;
  name: Phaser.GameObjects.Text;
  where: Phaser.GameObjects.Text;
  ticket: number | null;
  /** Place in the column (0 = oldest), or -1 when hidden. */
  slot: number;
  mood: number;
  whereText: string;
  /** A ripple's jolt is playing on the face: leave its position to the tween. */
  jolting: boolean;
}

export class CustomerColumn {
  private readonly rows: Row[] = [];
  private readonly more: Phaser.GameObjects.Text;
  private readonly empty: Phaser.GameObjects.Text;
  private order: number[] = [];
  private orderKey = '';
  /** When each shown ticket was first seen waiting in a tray (view-side, for the growing wait). */
  private readonly trayAt = new Map<number, number>();
  private readonly mark: Phaser.GameObjects.Rectangle;
  private linked: number | null = null;
  /** Ripple tags ("+40 s") showing now, each on its customer's row. */
  private readonly tags: Array<{ txt: Phaser.GameObjects.Text; row: Row; ticket: number }> = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly deptName: (id: string) => string,
    private readonly reducedMotion: boolean,
    /** The desk's short name ("Tech" for Tech Support), for a row too narrow for the whole name. */
    private readonly deptShort: (id: string) => string = deptName,
  ) {
    bakedShape(scene, 'entrance', ENTRANCE.x, ENTRANCE.y, ENTRANCE.w, ENTRANCE.h, (g) => {
      g.fillStyle(0x132638, 1).fillRoundedRect(0, 0, ENTRANCE.w, ENTRANCE.h, 18);
      g.lineStyle(3, 0x4a6a8c, 1).strokeRoundedRect(0, 0, ENTRANCE.w, ENTRANCE.h, 18);
    });
    scene.add
      .text(ENTRANCE.x + 18, ENTRANCE.y + 30, 'Customers', style(30, { bold: true }))
      .setOrigin(0, 0.5);
    scene.add
      .text(ENTRANCE.x + 18, ENTRANCE.y + 64, 'oldest first', style(24, { color: BOARD_COLOURS.dim }))
      .setOrigin(0, 0.5);
    // One spare row over the visible ones, so a row can be taken for a newcomer before the leaver's is freed.
    for (let i = 0; i <= FACES_VISIBLE; i++) {
      const p = faceRow(i);
      this.rows.push({
        face: scene.add.image(p.x, p.y, TEX.faces, '0').setScale(0.95).setVisible(false),
        name: scene.add
          .text(p.x + 40, p.y - 15, '', style(26, { bold: true }))
          .setOrigin(0, 0.5)
          .setVisible(false),
        where: scene.add
          .text(p.x + 40, p.y + 17, '', style(24, { color: BOARD_COLOURS.dim }))
          .setOrigin(0, 0.5)
          .setVisible(false),
        ticket: null,
        slot: -1,
        mood: -1,
        whereText: '',
        jolting: false,
      });
    }
    this.mark = scene.add
      .rectangle(ENTRANCE.x + 6, 0, ENTRANCE.w - 12, 76)
      .setOrigin(0, 0.5)
      .setStrokeStyle(4, 0xffe066, 1)
      .setFillStyle(0xffe066, 0.12)
      .setVisible(false);
    const m = facesMorePos();
    this.more = scene.add.text(m.x, m.y, '', style(26, { bold: true })).setOrigin(0, 0.5);
    this.empty = scene.add
      .text(
        ENTRANCE.x + 18,
        faceRow(0).y,
        'Nobody waiting yet. New customers appear here.',
        style(24, { color: BOARD_COLOURS.dim, wrap: ENTRANCE.w - 36 }),
      )
      .setOrigin(0, 0);
  }

  /**
   * Where a customer's ticket is, longest first: the row shows the first that fits. `level` 0 is the
   * full words ("in line: Billing"), 1 shorter words ("waits: Billing"), 2 with the desks' short names
   * ("with Tech" for Tech Support), 3 fewer words ("manager · line Tier 2", "→ Supervisor" for notes
   * written for Supervisor), 4 the desk alone ("manager · Tier 2"), 5 a customer who wants a manager says
   * only that ("wants a manager", 6 "manager"); `cut` letters come off the
   * end of the desk names (with an ellipsis), a last resort for a long name with no short form.
   */
  private whereText(t: TicketView, now: number, level = 0, cut = 0): string {
    // Plainest of all, before any word is cut: a customer who wants a manager says only that.
    if (level >= 5 && t.escalated) return level >= 6 ? 'manager' : 'wants a manager';
    const short = level >= 1;
    const base = this.placeText(t, now, level, cut);
    return t.escalated ? `${short ? 'manager' : 'wants a manager'} · ${base}` : base;
  }

  private placeText(t: TicketView, now: number, level: number, cut = 0): string {
    const short = level >= 1;
    const bare = level >= 3;
    const name = (id: string): string => {
      const n = level >= 2 ? this.deptShort(id) : this.deptName(id);
      return cut > 0 && n.length - cut >= 3 ? `${n.slice(0, n.length - cut).trimEnd()}…` : n;
    };
    const d = name(t.dept);
    // The fewest words of all: only the desk ("manager · Supervisor").
    if (level >= 4) return name(t.sendingTo ?? t.dept);
    if (t.sendingTo) {
      const to = name(t.sendingTo);
      if (bare && !t.escalated) return `→ ${to}`;
      return short ? `notes → ${to}` : t.phase === 'service' ? `notes for ${to}` : `notes, then ${to}`;
    }
    switch (t.phase) {
      case 'queued':
        return bare ? `line ${d}` : short ? `waits: ${d}` : `in line: ${d}`;
      case 'service':
        return bare ? d : `with ${d}`;
      case 'outbox': {
        // The ripple of a slow handoff: the wait in the tray grows on the customer's line.
        const since = this.trayAt.get(t.id) ?? now;
        const w = formatSeconds(Math.floor(now - since));
        return bare ? `tray ${d}` : short ? `tray ${d} ${w}` : `in ${d}'s tray ${w}`;
      }
      case 'transit':
        return short ? `→ ${d}` : `going to ${d}`;
    }
  }

  /**
   * Sets a row's place line to the first wording that fits its room at a readable size (never cut off
   * by the column's edge): longer words, then shorter, the desks' short names, the fewest words, the desk
   * alone, and last desk names with an ellipsis. When nothing fits, the narrowest.
   */
  private fitWhere(text: Phaser.GameObjects.Text, t: TicketView, now: number): void {
    const room = ENTRANCE.x + ENTRANCE.w - 10 - text.x;
    let best = '';
    let bestW = Infinity;
    // Whole words first, down to the plainest short form; only then letters cut off a desk's name.
    const tries = [0, 1, 2, 3, 4, 5, 6].map((l) => this.whereText(t, now, l));
    for (let cut = 1; cut < 24; cut++) tries.push(this.whereText(t, now, 3, cut));
    for (let cut = 1; cut < 24; cut++) tries.push(this.whereText(t, now, 4, cut));
    for (const words of new Set(tries)) {
      text.setText(words).setScale(1);
      shrinkTo(text, room);
      if (text.displayWidth <= room + 0.5) return;
      if (text.displayWidth < bestW) {
        best = words;
        bestW = text.displayWidth;
      }
    }
    text.setText(best).setScale(1);
    shrinkTo(text, room);
  }

  sync(view: SimView): void {
    const c = view.counts;
    const key = `${c.arrived}/${c.resolved}/${c.abandoned}`;
    if (key !== this.orderKey) {
      this.orderKey = key;
      const all: TicketView[] = [];
      forEachTicket(view, (t) => all.push(t));
      all.sort((a, b) => a.arrivedAt - b.arrivedAt || a.id - b.id);
      this.order = all.map((t) => t.id);
      const hidden = this.order.length - FACES_VISIBLE;
      this.more.setText(hidden > 0 ? `+${hidden} more waiting` : '');
      this.empty.setVisible(this.order.length === 0);
    }
    const ts = view.tickets;
    for (const id of [...this.trayAt.keys()]) {
      const t = ts.get(id);
      if (!t || t.phase !== 'outbox') this.trayAt.delete(id);
    }
    forEachTicket(view, (t) => {
      if (t.phase === 'outbox' && !this.trayAt.has(t.id)) this.trayAt.set(t.id, view.t);
    });
    // Rows follow their ticket: free the rows of customers no longer shown, then place the shown ones.
    const shown = new Set<number>();
    for (let i = 0; i < FACES_VISIBLE && i < this.order.length; i++) shown.add(this.order[i]!);
    for (const row of this.rows) {
      if (row.ticket !== null && !shown.has(row.ticket)) this.hide(row);
    }
    for (let i = 0; i < FACES_VISIBLE; i++) {
      const id = this.order[i];
      const t = id === undefined ? undefined : ts.get(id);
      if (!t) continue;
      let row = this.rows.find((r) => r.ticket === t.id);
      if (!row) {
        row = this.rows.find((r) => r.ticket === null)!;
        row.ticket = t.id;
        row.mood = -1;
        row.whereText = '';
        row.slot = -1;
        row.name.setText(t.customer).setVisible(true);
        row.where.setVisible(true);
        row.face.setVisible(true);
      }
      if (row.slot !== i) {
        row.slot = i;
        const p = faceRow(i);
        if (!row.jolting) row.face.setPosition(p.x, p.y);
        row.name.setPosition(p.x + 40, p.y - 15);
        row.where.setPosition(p.x + 40, p.y + 17);
      }
      // Faces follow patience: past it a customer is at least unhappy, and one who asked for a manager is angry.
      const mood = Math.max(moodBucket(t.satisfaction), t.escalated ? 3 : view.t >= t.patienceAt ? 2 : 0);
      if (mood !== row.mood) {
        row.mood = mood;
        row.face.setFrame(String(mood));
      }
      const where = this.whereText(t, view.t);
      if (where !== row.whereText) {
        row.whereText = where;
        this.fitWhere(row.where, t, view.t);
      }
    }
    for (const tag of this.tags) this.placeTag(tag);
  }

  /** Highlights the customer of this ticket (hovered or picked on the board), or none. */
  setLinked(ticket: number | null): void {
    this.linked = ticket;
    const row = ticket === null ? undefined : this.rows.find((r) => r.ticket === ticket && r.slot >= 0);
    // Called every frame: setColor redraws the text even when the colour is the same, so only on a change.
    for (const r of this.rows) {
      const colour = r === row ? '#ffe066' : BOARD_COLOURS.text;
      if (r.name.style.color !== colour) r.name.setColor(colour);
    }
    if (row) this.mark.setY(faceRow(row.slot).y).setVisible(true);
    else this.mark.setVisible(false);
  }

  /** The ticket of the highlighted customer when their row is on screen, else null. */
  linkedShown(): number | null {
    return this.linked !== null && this.rows.some((r) => r.ticket === this.linked && r.slot >= 0)
      ? this.linked
      : null;
  }

  /** The ticket of the customer row under a point, or null. */
  ticketAt(p: Pt): number | null {
    if (p.x < ENTRANCE.x || p.x > ENTRANCE.x + ENTRANCE.w) return null;
    for (const r of this.rows) {
      if (r.ticket === null || r.slot < 0) continue;
      if (Math.abs(faceRow(r.slot).y - p.y) <= 38) return r.ticket;
    }
    return null;
  }

  private hide(row: Row): void {
    row.ticket = null;
    row.slot = -1;
    row.face.setVisible(false);
    row.name.setVisible(false);
    row.where.setVisible(false);
  }

  /**
   * Where a customer's face is; for one not shown, the end of the "+N more waiting" line, clear of its
   * words (a ripple's path ends there).
   */
  facePos(ticket: number): Pt {
    const i = this.order.indexOf(ticket);
    if (i >= 0 && i < FACES_VISIBLE) return faceRow(i);
    const m = facesMorePos();
    return { x: Math.min(ENTRANCE.x + ENTRANCE.w - 12, m.x + this.more.displayWidth + 14), y: m.y };
  }

  /**
   * Where a ripple to this customer ends: their face, the end of the "+N more waiting" line when they
   * are not shown, or null when they have left (served or gone): the ripple then ends where it surfaced.
   */
  ripplePos(ticket: number): Pt | null {
    return this.order.includes(ticket) ? this.facePos(ticket) : null;
  }

  /**
   * A ripple reached this customer: the face jolts and "+40 s" shows on the name's line, after the name
   * (it follows the row, and never lies over a name or a place). A customer not shown gets no tag: the
   * toast names them.
   */
  hit(ticket: number, label: string): void {
    const row = this.rows.find((r) => r.ticket === ticket && r.slot >= 0);
    if (!row) return;
    const p = faceRow(row.slot);
    const txt = this.scene.add
      .text(0, 0, label, style(27, { bold: true, color: '#ffffff' }))
      .setBackgroundColor('#b24a00')
      .setPadding(6, 1, 6, 1)
      .setOrigin(0, 0.5)
      .setDepth(40);
    const tag = { txt, row, ticket };
    this.tags.push(tag);
    this.placeTag(tag);
    const done = () => {
      txt.destroy();
      this.tags.splice(this.tags.indexOf(tag), 1);
    };
    if (this.reducedMotion) {
      this.scene.time.delayedCall(1800, done);
      return;
    }
    this.scene.tweens.add({ targets: txt, alpha: 0, delay: 1200, duration: 800, onComplete: done });
    if (!row.jolting) {
      const face = row.face;
      row.jolting = true;
      face.setTint(OKABE_ITO.vermillion);
      this.scene.tweens.add({
        targets: face,
        scale: 1.35,
        x: p.x + 6,
        duration: 120,
        yoyo: true,
        repeat: 2,
        onComplete: () => {
          row.jolting = false;
          face.clearTint().setScale(0.95);
          // Back to the row's place now (it may have moved up meanwhile).
          if (row.slot >= 0) face.setPosition(faceRow(row.slot).x, faceRow(row.slot).y);
        },
      });
    }
  }

  /**
   * A tag after its customer's name on the name's line; when the name leaves no room, at the end of the
   * place line (after its words, else over the face, left of both). Hidden with its row.
   */
  private placeTag(tag: { txt: Phaser.GameObjects.Text; row: Row; ticket: number }): void {
    const { txt, row } = tag;
    if (row.slot < 0 || row.ticket !== tag.ticket) return void txt.setVisible(false);
    const right = ENTRANCE.x + ENTRANCE.w - 6;
    const after = (t: Phaser.GameObjects.Text) => t.x + t.displayWidth + 10;
    const w = txt.displayWidth;
    const spot =
      after(row.name) + w <= right
        ? { x: after(row.name), y: row.name.y }
        : after(row.where) + w <= right
          ? { x: after(row.where), y: row.where.y }
          : { x: ENTRANCE.x + 4, y: faceRow(row.slot).y };
    txt.setPosition(spot.x, spot.y).setVisible(true);
  }
}
