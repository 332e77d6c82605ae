/**
 * The scenes past the title: level select, briefing, the board and results. The solo game loads them
 * (with the level catalog, the sim and the checker) after the title is drawn, so the title waits for
 * none of it; see src/main.ts and `lateScenes` in ./scenes/sceneData.ts.
 */
import type Phaser from 'phaser';
import { PlayScene } from './play/PlayScene';
import { BriefingScene } from './scenes/BriefingScene';
import { SCENES } from './scenes/common';
import { LevelSelectScene } from './scenes/LevelSelectScene';
import { ResultsScene } from './scenes/ResultsScene';

export const LATE_SCENES: ReadonlyArray<{ key: string; scene: Phaser.Types.Scenes.SceneType }> = [
  { key: SCENES.select, scene: LevelSelectScene },
  { key: SCENES.briefing, scene: BriefingScene },
  { key: SCENES.play, scene: PlayScene },
  { key: SCENES.results, scene: ResultsScene },
];

/** Adds the later scenes to a running (or booting) game; each starts only when asked. */
export function addLateScenes(game: Phaser.Game): void {
  for (const { key, scene } of LATE_SCENES) if (!game.scene.getScene(key)) game.scene.add(key, scene, false);
}
