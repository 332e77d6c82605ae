/** Stands in for the play scene until src/game/play/PlayScene.ts exists. */
import Phaser from 'phaser';
import { getApp } from '../context';
import { paintBackground, SCENES, settings } from './common';
import { GAME_HEIGHT, GAME_WIDTH, textStyle } from './theme';
import { FocusGroup } from './widgets';

export class PlaceholderPlayScene extends Phaser.Scene {
  constructor() {
    super(SCENES.play);
  }

  create(data: { levelId?: string }): void {
    getApp().store.getState().go('play', data.levelId ?? null);
    paintBackground(this);
    this.add
      .text(GAME_WIDTH / 2, GAME_HEIGHT / 2, 'The play screen is not ready yet.\nPress Escape to go back.', textStyle(settings(), 'sub', { align: 'center' }))
      .setOrigin(0.5);
    new FocusGroup(this, { onBack: () => this.scene.start(SCENES.select) });
  }
}
