/**
 * The Phaser game configuration: Canvas (WebGL on request), 1920x1080 design size scaled to fit any screen (16:9,
 * letterboxed), and the scene list. Sound is played by src/audio (howler), so Phaser's own audio is off.
 */
import Phaser from 'phaser';
import { PlayScene } from './play/PlayScene';
import { BootScene } from './scenes/BootScene';
import { BriefingScene } from './scenes/BriefingScene';
import { LevelSelectScene } from './scenes/LevelSelectScene';
import { ResultsScene } from './scenes/ResultsScene';
import { TitleScene } from './scenes/TitleScene';
import { GAME_HEIGHT, GAME_WIDTH } from './scenes/theme';
import type { Renderer } from './urlParams';

export function createGameConfig(
  parent: HTMLElement,
  backgroundColor: string,
  renderer: Renderer = 'canvas',
): Phaser.Types.Core.GameConfig {
  return {
    type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    parent,
    backgroundColor,
    banner: false,
    audio: { noAudio: true },
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: GAME_WIDTH,
      height: GAME_HEIGHT,
    },
    render: { antialias: true, roundPixels: false },
    input: { keyboard: { target: window }, activePointers: 2 },
    scene: [BootScene, TitleScene, LevelSelectScene, BriefingScene, PlayScene, ResultsScene],
  };
}
