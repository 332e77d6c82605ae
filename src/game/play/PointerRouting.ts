/**
 * Mouse and touch on the board: drag a ticket from a "Ready to send" tray onto a department, or
 * click a ticket then click a department; press a desk's line to choose who it serves first (when the
 * level allows). Buttons handle their own clicks; this only sees presses on the board itself.
 */
import Phaser from 'phaser';
import { commandEnabled } from '../../sim/index';
import type { SimView } from '../../sim/types';
import { cardAt, cardAreas, contains, lineTouchRect, outboxSlotAt, type Rect } from './layout';
import type { BoardInfo, Effect, RoutingController } from './routingController';

export interface PointerDeps {
  cards(): ReadonlyArray<{ id: string; rect: Rect }>;
  board(): BoardInfo;
  view(): SimView;
  run(fx: readonly Effect[]): void;
  /** Opens the desk's "Serve first" choice (see ServeFirst). */
  serveFirst(dept: string): void;
}

interface Press {
  ticket: number;
  from: string;
  x0: number;
  y0: number;
  dragging: boolean;
  x: number;
  y: number;
}

const DRAG_START_PX = 12;

export class PointerRouting {
  private press: Press | null = null;
  private readonly handlers: Array<[string, (...a: never[]) => void]> = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly control: RoutingController,
    private readonly deps: PointerDeps,
  ) {
    this.on(Phaser.Input.Events.POINTER_DOWN, (p: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]) => this.down(p, over));
    this.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => this.move(p));
    this.on(Phaser.Input.Events.POINTER_UP, (p: Phaser.Input.Pointer) => this.up(p));
    this.on(Phaser.Input.Events.GAME_OUT, () => this.cancelDrag());
  }

  private on(ev: string, fn: (...a: never[]) => void): void {
    this.scene.input.on(ev, fn);
    this.handlers.push([ev, fn]);
  }

  destroy(): void {
    for (const [ev, fn] of this.handlers) this.scene.input.off(ev, fn);
    this.handlers.length = 0;
  }

  /** The ticket being dragged and where, for the token layer. */
  dragged(): { ticket: number; x: number; y: number } | null {
    const p = this.press;
    return p && p.dragging ? { ticket: p.ticket, x: p.x, y: p.y } : null;
  }

  private down(p: Phaser.Input.Pointer, over: Phaser.GameObjects.GameObject[]): void {
    if (over.length > 0) return;
    // Asked whether to leave: a press on the board keeps playing (a finger has no Escape), and does nothing else.
    if (this.control.state.mode === 'quit') {
      this.control.cancel();
      this.deps.run([]);
      return;
    }
    const pt = { x: p.worldX, y: p.worldY };
    const cards = this.deps.cards();
    const i = cardAt(cards.map((c) => c.rect), pt, 0);
    const board = this.deps.board();
    if (i < 0) {
      if (this.control.state.mode === 'target' || this.control.state.mode === 'source') {
        this.control.cancel();
        if (this.control.state.mode === 'source') this.control.cancel();
        this.deps.run([]);
      }
      return;
    }
    const card = cards[i]!;
    const dept = this.deps.view().departments.find((d) => d.id === card.id);
    if (!dept) return;
    const picked = this.control.pickedTicket();
    // Choosing a destination: a click anywhere on another card sends the ticket there.
    if (this.control.state.mode === 'target' && this.control.fromDept() !== card.id) {
      this.deps.run(this.control.clickDept(card.id, board));
      return;
    }
    if (contains(cardAreas(card.rect).outbox, pt) && dept.outbox.length > 0) {
      const slot = outboxSlotAt(card.rect, pt);
      const ticket = dept.outbox[Math.min(Math.max(slot, 0), dept.outbox.length - 1)]!;
      if (picked === ticket) {
        this.control.cancel();
        this.deps.run([]);
        return;
      }
      this.press = { ticket, from: card.id, x0: pt.x, y0: pt.y, x: pt.x, y: pt.y, dragging: false };
      return;
    }
    // A press on a line (where the level lets the player reorder it) offers its customers as large
    // buttons to pick who is served first: a ticket in a line is too small a target for a finger.
    const line = dept.pending.length + dept.inbox.length;
    if (
      commandEnabled(board.actions, 'prioritise') &&
      dept.inbox.length > 0 &&
      line >= 2 &&
      contains(lineTouchRect(card.rect), pt)
    ) {
      this.deps.serveFirst(card.id);
      return;
    }
    this.deps.run(this.control.clickDept(card.id, board));
  }

  private move(p: Phaser.Input.Pointer): void {
    const pr = this.press;
    if (!pr) return;
    pr.x = p.worldX;
    pr.y = p.worldY;
    if (!pr.dragging && Math.hypot(pr.x - pr.x0, pr.y - pr.y0) > DRAG_START_PX) {
      pr.dragging = true;
      this.deps.run(this.control.pick(pr.from, pr.ticket, this.deps.board()));
    }
  }

  private up(p: Phaser.Input.Pointer): void {
    const pr = this.press;
    if (!pr) return;
    this.press = null;
    const board = this.deps.board();
    if (!pr.dragging) {
      this.deps.run(this.control.pick(pr.from, pr.ticket, board));
      return;
    }
    const cards = this.deps.cards();
    const i = cardAt(
      cards.map((c) => c.rect),
      { x: p.worldX, y: p.worldY },
    );
    const to = cards[i]?.id;
    if (to && to !== pr.from) this.deps.run(this.control.drop(pr.ticket, pr.from, to, board));
    else {
      this.control.cancel();
      this.deps.run([]);
    }
  }

  private cancelDrag(): void {
    if (this.press?.dragging) {
      this.press = null;
      this.control.cancel();
      this.deps.run([]);
    }
  }
}
