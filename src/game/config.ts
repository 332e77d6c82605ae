/**
 * The Phaser game configuration: Canvas (WebGL on request), 1920x1080 design size scaled to fit any screen (16:9,
 * letterboxed), and the scenes it starts with (boot and title; the game's main.ts adds the later ones,
 * src/game/lateScenes.ts, once their bundle is loaded). Sound is played by src/audio (howler), so Phaser's own audio is off.
 */
import Phaser from 'phaser';
import { GAME_HEIGHT, GAME_WIDTH } from './scenes/theme';
import type { Renderer } from './urlParams';
import { drawAtWholePixels } from './wholePixels';
import { guardGameFromOverlays } from '../ui/overlay';

export function createGameConfig(
  parent: HTMLElement,
  backgroundColor: string,
  renderer: Renderer,
  scenes: Phaser.Types.Scenes.SceneType[],
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
    scene: scenes,
    callbacks: {
      // Canvas: still images and words on whole pixels, copied instead of filtered (see wholePixels.ts).
      postBoot: (game) => {
        // Presses on a DOM overlay (settings, level problems) are not the game's.
        guardGameFromOverlays();
        if (game.context instanceof CanvasRenderingContext2D) drawAtWholePixels(game.context);
      },
    },
  };
}
