/**
 * A ripple made visible: rings spread where the problem surfaced, a pulse travels from the
 * department whose handoff caused it, through the department where it surfaced, to the customer's
 * face. Reduced motion: the path simply appears for a moment.
 */
import type Phaser from 'phaser';
import { alongPath, type Pt } from './interpolate';
import { BOARD_COLOURS } from './playTheme';
import { TEX } from './textures';

export class RippleFx {
  private readonly rings: Phaser.GameObjects.Image[] = [];
  private readonly pulses: Phaser.GameObjects.Image[] = [];
  private active = 0;

  constructor(private readonly scene: Phaser.Scene) {}

  private ring(): Phaser.GameObjects.Image {
    return (this.rings.pop() ?? this.scene.add.image(0, 0, TEX.fx, 'ring')).setVisible(true).setDepth(25);
  }

  private pulse(): Phaser.GameObjects.Image {
    return (this.pulses.pop() ?? this.scene.add.image(0, 0, TEX.fx, 'pulse')).setVisible(true).setDepth(26);
  }

  /** Plays one ripple; onArrive runs when it reaches the customer. Caps concurrent ripples. */
  play(path: readonly Pt[], reducedMotion: boolean, onArrive: () => void): void {
    const at = path[Math.min(1, path.length - 1)];
    if (!at) return onArrive();
    const line = this.scene.add.graphics().setDepth(24);
    line.lineStyle(6, BOARD_COLOURS.ripple, 0.9);
    line.beginPath();
    path.forEach((p, i) => (i === 0 ? line.moveTo(p.x, p.y) : line.lineTo(p.x, p.y)));
    line.strokePath();
    if (reducedMotion || this.active >= 6) {
      onArrive();
      this.scene.time.delayedCall(1500, () => line.destroy());
      return;
    }
    this.active++;
    line.setAlpha(0.15);
    this.scene.tweens.add({ targets: line, alpha: 0.9, duration: 250 });
    for (let i = 0; i < 3; i++) {
      const r = this.ring().setPosition(at.x, at.y).setScale(0.4).setAlpha(1);
      this.scene.tweens.add({
        targets: r,
        scale: 3.2,
        alpha: 0,
        delay: i * 220,
        duration: 900,
        onComplete: () => {
          r.setVisible(false);
          this.rings.push(r);
        },
      });
    }
    const dot = this.pulse().setScale(1.2);
    const state = { f: 0 };
    this.scene.tweens.add({
      targets: state,
      f: 1,
      duration: 1300,
      ease: 'Sine.easeIn',
      onUpdate: () => {
        const p = alongPath(path, state.f);
        dot.setPosition(p.x, p.y);
      },
      onComplete: () => {
        dot.setVisible(false);
        this.pulses.push(dot);
        this.active--;
        onArrive();
        this.scene.tweens.add({ targets: line, alpha: 0, duration: 700, onComplete: () => line.destroy() });
      },
    });
  }
}
