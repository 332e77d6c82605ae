/**
 * The bare page of the load bench: Phaser alone, the same renderer and design size as the game, one
 * scene that draws a title. A frame after that scene is created (it has then been drawn once) the page
 * sets the same performance mark as the game (src/main.ts), 'ripple:title-drawn'; 'ripple:main-start' when its
 * script starts, as the game's.
 */
import Phaser from 'phaser';

// As the game's main.ts: Phaser is fetched and run.
performance.mark('ripple:main-start');

class BareTitle extends Phaser.Scene {
  constructor() {
    super('bare-title');
  }
  create(): void {
    this.add.text(960, 400, 'Ripple Effect', { fontSize: '96px', color: '#ffffff' }).setOrigin(0.5);
    this.add.text(960, 560, 'Play', { fontSize: '48px', color: '#ffffff' }).setOrigin(0.5);
    requestAnimationFrame(() => performance.mark('ripple:title-drawn'));
  }
}

new Phaser.Game({
  type: Phaser.CANVAS,
  width: 1920,
  height: 1080,
  parent: document.getElementById('game') ?? document.body,
  backgroundColor: '#0e1b2a',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: 1920, height: 1080 },
  scene: [BareTitle],
});
