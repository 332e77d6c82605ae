/**
 * The link between a ticket and its customer on the board: the ticket being dragged, else the picked
 * one, else the one under the pointer (its token, or its customer's row at the entrance). The customer's
 * row is highlighted, the token ringed (by the TokenLayer) and a line drawn between them, so a ticket
 * waiting in a tray is tied to a person. Reads the sim; owns no game truth.
 */
import Phaser from 'phaser';
import type { Sim } from '../../sim/types';
import type { CustomerColumn } from './CustomerColumn';
import type { TokenLayer } from './TokenLayer';

export interface TicketLinkDeps {
  sim(): Sim;
  tokens: TokenLayer;
  customers: CustomerColumn;
  /** The ticket being dragged, then the picked one: they win over hovering. */
  held(): number | null;
}

export class TicketLink {
  /** Ticket under the pointer (its token, or its customer's row). */
  private hovered: number | null = null;
  private readonly line: Phaser.GameObjects.Graphics;
  private readonly onMove: (p: Phaser.Input.Pointer) => void;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly deps: TicketLinkDeps,
  ) {
    this.line = scene.add.graphics().setDepth(20);
    this.onMove = (p) => {
      const pt = { x: p.worldX, y: p.worldY };
      this.hovered = deps.tokens.ticketAt(pt) ?? deps.customers.ticketAt(pt);
    };
    scene.input.on(Phaser.Input.Events.POINTER_MOVE, this.onMove);
  }

  destroy(): void {
    this.scene.input.off(Phaser.Input.Events.POINTER_MOVE, this.onMove);
  }

  /** The ticket tied to its customer on screen: dragged, picked, else hovered; null when none is. */
  ticket(): number | null {
    const id = this.deps.held() ?? this.hovered;
    return id !== null && this.deps.sim().ticket(id) ? id : null;
  }

  /** The linked ticket and its customer, when that customer's row is on screen (for the test hook). */
  shown(): { ticket: number | null; customer: string | null } {
    const id = this.deps.customers.linkedShown();
    const t = id === null ? undefined : this.deps.sim().ticket(id);
    return { ticket: this.ticket(), customer: t?.customer ?? null };
  }

  /** Highlights the customer of the linked ticket and draws the line from its token to the face. */
  draw(): void {
    const id = this.ticket();
    const g = this.line.clear();
    const { customers, tokens } = this.deps;
    customers.setLinked(id);
    if (id === null || customers.linkedShown() === null) return;
    const from = tokens.posOf(id);
    if (!from) return;
    const to = customers.facePos(id);
    g.lineStyle(4, 0xffe066, 0.8).lineBetween(from.x, from.y, to.x + 34, to.y);
  }
}
