/**
 * "Serve first": on levels that let the player reorder a line, a press on a desk's line opens one large
 * button per customer waiting in it (their ticket, name and time waited), each a finger's size at the
 * smallest screen (a ticket in a line is drawn far smaller than that). Pressing one moves that ticket to
 * the front of the line; Cancel, a press outside, or Escape closes it. It follows the line as it moves
 * (a customer served meanwhile drops out) and closes itself when nobody is left to choose.
 */
import type Phaser from 'phaser';
import type { Command, SimView } from '../../sim/types';
import { BOARD, cardAreas, type Rect } from './layout';
import { formatClock } from './rippleText';
import { TEX, tokenFrame } from './textures';
import { bakedShape, PlayButton, style } from './ui';

export interface ServeFirstDeps {
  view(): SimView;
  deptName(id: string): string;
  /** The letter the ticket shows on the board (so the choice matches it). */
  letterOf(ticket: number): string | undefined;
  apply(cmd: Command): void;
}

/** The most customers offered at once: the front of the line (the rest read "+N more"). */
const MAX_SHOWN = 8;
const BTN_W = 300;
const BTN_H = 84;
const GAP = 12;
const HEAD = 60;
const W = 2 * BTN_W + 3 * GAP;

export class ServeFirst {
  private dept: string | null = null;
  private key = '';
  private parts: Phaser.GameObjects.GameObject[] = [];
  private buttons: PlayButton[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly cards: ReadonlyMap<string, Rect>,
    private readonly deps: ServeFirstDeps,
  ) {}

  isOpen(): boolean {
    return this.dept !== null;
  }

  /** The desk whose line is offered, or null. */
  openAt(): string | null {
    return this.dept;
  }

  open(dept: string): void {
    this.dept = dept;
    this.key = '';
    this.update();
  }

  close(): void {
    this.dept = null;
    this.key = '';
    this.clear();
  }

  /** Follows the line: rebuilt when who waits in it changes; closed when nobody is left to choose. */
  update(): void {
    if (this.dept === null) return;
    const view = this.deps.view();
    const d = view.departments.find((x) => x.id === this.dept);
    const ids = d ? d.inbox.slice(0, MAX_SHOWN) : [];
    if (ids.length === 0) {
      this.close();
      return;
    }
    const more = (d?.inbox.length ?? 0) - ids.length;
    const key = `${ids.join(',')}+${more}`;
    if (key === this.key) return;
    this.key = key;
    this.build(this.dept, ids, more, view);
  }

  private clear(): void {
    for (const b of this.buttons) b.container.destroy();
    for (const p of this.parts) p.destroy();
    this.buttons = [];
    this.parts = [];
  }

  private build(dept: string, ids: readonly number[], more: number, view: SimView): void {
    this.clear();
    const card = this.cards.get(dept);
    if (!card) return;
    const rows = Math.ceil(ids.length / 2);
    const h = HEAD + rows * (BTN_H + GAP) + (more > 0 ? 40 : 0) + BTN_H + 2 * GAP;
    // Over the desk's card, kept on the board.
    const line = cardAreas(card).inbox;
    const x = Math.min(Math.max(card.x + card.w / 2 - W / 2, BOARD.x), BOARD.x + BOARD.w - W);
    const y = Math.min(Math.max(line.y - 40, BOARD.y), BOARD.y + BOARD.h - h);
    const depth = 60;
    // A press anywhere else closes it (and never reaches the board beneath).
    const blocker = this.scene.add
      .zone(0, 0, 1920, 1080)
      .setOrigin(0, 0)
      .setInteractive()
      .setDepth(depth - 1);
    // Armed by its own press: the press that opened the choice ends (pointerup) over it too.
    let armed = false;
    blocker.on('pointerdown', () => (armed = true));
    blocker.on('pointerup', () => armed && this.close());
    const bg = bakedShape(this.scene, 'serve-first', x, y, W, h, (g) => {
      g.fillStyle(0x0b1724, 0.97).fillRoundedRect(0, 0, W, h, 16);
      g.lineStyle(4, 0xffe066, 1).strokeRoundedRect(0, 0, W, h, 16);
    }).setDepth(depth);
    const title = this.scene.add
      .text(x + GAP + 4, y + HEAD / 2, `Serve first at ${this.deps.deptName(dept)}:`, style(28, { bold: true, color: '#ffe066' }))
      .setOrigin(0, 0.5)
      .setDepth(depth);
    title.setScale(Math.min(1, (W - 2 * GAP) / Math.max(1, title.width)));
    this.parts.push(blocker, bg, title);
    ids.forEach((id, i) => {
      const t = view.tickets.get(id);
      if (!t) return;
      const letter = this.deps.letterOf(id) ?? ([...t.customer.toUpperCase()].find((c) => c >= 'A' && c <= 'Z') ?? 'A');
      const bx = x + GAP + (i % 2) * (BTN_W + GAP) + BTN_W / 2;
      const by = y + HEAD + Math.floor(i / 2) * (BTN_H + GAP) + BTN_H / 2;
      const b = new PlayButton(this.scene, {
        x: bx,
        y: by,
        w: BTN_W,
        h: BTN_H,
        px: 27,
        label: `${t.customer} · ${formatClock(view.t - t.arrivedAt)}`,
        icon: { texture: TEX.tokens, frame: tokenFrame(t.workType, letter) },
        onClick: () => {
          this.deps.apply({ type: 'prioritise', department: dept, ticket: id });
          this.close();
        },
      });
      b.container.setDepth(depth + 1);
      this.buttons.push(b);
    });
    let fy = y + HEAD + rows * (BTN_H + GAP);
    if (more > 0) {
      const m = this.scene.add
        .text(x + GAP + 4, fy + 16, `+${more} more behind them`, style(27, { color: '#c3d0dd' }))
        .setOrigin(0, 0.5)
        .setDepth(depth);
      this.parts.push(m);
      fy += 40;
    }
    const cancel = new PlayButton(this.scene, {
      x: x + W - GAP - 100,
      y: fy + BTN_H / 2,
      w: 200,
      h: BTN_H,
      px: 27,
      label: 'Cancel',
      onClick: () => this.close(),
    });
    cancel.container.setDepth(depth + 1);
    this.buttons.push(cancel);
  }
}
