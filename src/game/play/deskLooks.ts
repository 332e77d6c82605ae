/**
 * The shapes of a desk card, baked into textures once per card size (see bakeShape): the card per
 * status, its status pill, the tray's glow, and the ring around it for the keyboard focus, a picked
 * ticket's desk and the desks it can or cannot go to ("can't do this" over a dimmed card).
 */
import type Phaser from 'phaser';
import { cardAreas, type Rect } from './layout';
import { BOARD_COLOURS, OKABE_ITO, STATUS_LOOK, type Status } from './playTheme';
import { bakedShape, bakeShape, style } from './ui';

/** Room around baked shapes for the strokes. */
export const PAD = 6;

/**
 * 'target': can do the picked ticket's next step (lit up); 'cannot': cannot (dimmed, "can't do this").
 */
export type FocusKind = 'none' | 'focus' | 'from' | 'target' | 'cannot';

/** The card's background for a status (edge colour and width), baked once per card size. */
export function cardTexture(scene: Phaser.Scene, r: Rect, status: Status): string {
  const a = cardAreas(r);
  const ox = r.x;
  const oy = r.y;
  return bakeShape(
    scene,
    `card:${status}`,
    r.w,
    r.h,
    (g) => {
      g.fillStyle(BOARD_COLOURS.card, 1).fillRoundedRect(0, 0, r.w, r.h, 18);
      const edge = status === 'green' ? BOARD_COLOURS.cardEdge : STATUS_LOOK[status].colour;
      g.lineStyle(status === 'red' ? 8 : status === 'amber' ? 6 : 3, edge, 1).strokeRoundedRect(0, 0, r.w, r.h, 18);
      g.fillStyle(0x0f2236, 1).fillRoundedRect(a.inbox.x - ox, a.inbox.y + 2 - oy, a.inbox.w, a.inbox.h - 4, 10);
      g.fillStyle(BOARD_COLOURS.tray, 1).fillRoundedRect(a.outbox.x - ox, a.outbox.y - oy, a.outbox.w, a.outbox.h, 12);
      g.lineStyle(2, 0x8a7a2a, 1).strokeRoundedRect(a.outbox.x - ox, a.outbox.y - oy, a.outbox.w, a.outbox.h, 12);
    },
    PAD,
  );
}

/** The status pill's background, `w` wide, in its colour. */
export function pillTexture(scene: Phaser.Scene, shown: string, w: number, colour: number): string {
  return bakeShape(scene, `pill:${shown}`, w, 36, (g) => g.fillStyle(colour, 1).fillRoundedRect(0, 0, w, 36, 18), 2);
}

/** The tray's glow while tickets are ready to send: it pulses, or stays lit with reduced motion. */
export class TrayGlow {
  private readonly img: Phaser.GameObjects.Image;
  private tween: Phaser.Tweens.Tween | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    rect: Rect,
    private readonly reducedMotion: boolean,
  ) {
    const a = cardAreas(rect).outbox;
    const gw = a.w + 6;
    const gh = a.h + 6;
    this.img = bakedShape(scene, 'tray-glow', a.x - 3, a.y - 3, gw, gh, (g) => {
      g.lineStyle(5, BOARD_COLOURS.trayReady, 1).strokeRoundedRect(0, 0, gw, gh, 14);
    }).setVisible(false);
  }

  /** `wasEmpty`: the tray just got its first ticket (the pulse starts again). */
  set(on: boolean, wasEmpty: boolean): void {
    if (!on) {
      this.tween?.stop();
      this.tween = null;
      this.img.setVisible(false);
      return;
    }
    this.img.setVisible(true).setAlpha(1);
    if (this.reducedMotion || (this.tween && !wasEmpty)) return;
    this.tween?.stop();
    this.tween = this.scene.tweens.add({
      targets: this.img,
      alpha: 0.25,
      duration: 650,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
    });
  }
}

/** The ring around a card: keyboard focus (yellow), where a ticket comes from (blue), targets (green), or dimmed. */
export class FocusRing {
  private readonly ring: Phaser.GameObjects.Image;
  private cannot: Phaser.GameObjects.Text | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly rect: Rect,
  ) {
    this.ring = scene.add
      .image(rect.x - 10 - PAD, rect.y - 10 - PAD, this.texture('focus'))
      .setOrigin(0, 0)
      .setVisible(false);
  }

  set(kind: FocusKind): void {
    if (kind === 'none') this.ring.setVisible(false);
    else this.ring.setTexture(this.texture(kind)).setVisible(true);
    // Over the card (depth) when it dims it; a word says why nothing can go there.
    this.ring.setDepth(kind === 'cannot' ? 15 : 0);
    if (kind === 'cannot' && !this.cannot) {
      // Over the tickets in the desk's line, which do not matter while choosing where a ticket goes: the
      // name, "Can do:" (why not) and how long the line is stay in view (playtest 6: it covered "Can do:").
      const line = cardAreas(this.rect).inbox;
      this.cannot = this.scene.add
        .text(line.x + line.w - 4, line.y + line.h / 2, "can't do this", style(30, { bold: true, color: '#ffffff' }))
        .setOrigin(1, 0.5)
        .setBackgroundColor('#5a1e00')
        .setPadding(12, 6, 12, 6)
        .setDepth(16);
    }
    this.cannot?.setVisible(kind === 'cannot');
  }

  /** Baked once per card size and kind. */
  private texture(kind: Exclude<FocusKind, 'none'>): string {
    const w = this.rect.w + 20;
    const h = this.rect.h + 20;
    return bakeShape(
      this.scene,
      `ring:${kind}`,
      w,
      h,
      (g) => {
        if (kind === 'focus') g.lineStyle(8, BOARD_COLOURS.focus, 1).strokeRoundedRect(0, 0, w, h, 24);
        else if (kind === 'from') g.lineStyle(6, BOARD_COLOURS.target, 1).strokeRoundedRect(2, 2, w - 4, h - 4, 22);
        else if (kind === 'target') g.lineStyle(8, OKABE_ITO.green, 1).strokeRoundedRect(0, 0, w, h, 24);
        else g.fillStyle(0x0b1320, 0.55).fillRoundedRect(10, 10, w - 20, h - 20, 18);
      },
      PAD,
    );
  }
}
