/**
 * The bare page of the load bench: Phaser alone, the same renderer and design size as the game, one
 * scene that draws a title. `window.__bareTitle` is set when that scene is created.
 */
import Phaser from 'phaser';

declare global {
  interface Window {
    __bareTitle?: boolean;
  }
}

class BareTitle extends Phaser.Scene {
  constructor() {
    super('bare-title');
  }
  create(): void {
    this.add.text(960, 400, 'Ripple Effect', { fontSize: '96px', color: '#ffffff' }).setOrigin(0.5);
    this.add.text(960, 560, 'Play', { fontSize: '48px', color: '#ffffff' }).setOrigin(0.5);
    window.__bareTitle = true;
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
