/**
 * Boot: a real progress bar while the loader fetches the little the shell needs (the logo, unless it was
 * decoded already while Phaser booted) and the game waits for what its first screen needs (the rest of
 * the game, main.ts). Sounds load in the audio module on the first gesture. Then either the title or a
 * level from the URL. When nothing is to be waited for, main.ts starts the title itself, without boot.
 */
import Phaser from 'phaser';
import { getApp } from '../context';
import { decodedLogo, LOGO_URL } from '../logo';
import { paintBackground, SCENES, settings } from './common';
import { startScene, type SceneStarter } from './sceneData';
import { GAME_HEIGHT, GAME_WIDTH, palette, textStyle } from './theme';

/**
 * Where boot goes next; main.ts sets it from the URL (a level briefing) before the game starts, and
 * what it waits for first (the facilitator's live tools, loaded on demand), if anything.
 */
export const bootTarget: { next: (from: SceneStarter) => void; wait: Promise<unknown> | null } = {
  next: (from) => startScene(from, SCENES.title),
  wait: null,
};

/**
 * The logo texture: the image decoded while Phaser booted (main.ts) is used as it is; else the scene's
 * loader fetches it (the scene's create then waits for it).
 */
export function loadLogo(scene: Phaser.Scene): void {
  if (scene.textures.exists('logo')) return;
  const logo = decodedLogo();
  if (logo) scene.textures.addImage('logo', logo);
  else scene.load.svg('logo', LOGO_URL, { width: 256, height: 256 });
}

export class BootScene extends Phaser.Scene {
  constructor() {
    super(SCENES.boot);
  }

  preload(): void {
    getApp().store.getState().go('boot');
    paintBackground(this);
    const s = settings();
    const pal = palette(s);
    const w = 900;
    const h = 36;
    const x = (GAME_WIDTH - w) / 2;
    const y = GAME_HEIGHT / 2;
    this.add.text(GAME_WIDTH / 2, y - 80, 'Ripple Effect', textStyle(s, 'heading')).setOrigin(0.5);
    const label = this.add
      .text(GAME_WIDTH / 2, y + 90, 'Getting ready...', textStyle(s, 'small', { color: pal.textDim }))
      .setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(pal.edgeWidth, pal.panelEdge, 1);
    frame.strokeRoundedRect(x - 6, y - 6, w + 12, h + 12, 12);
    const bar = this.add.graphics();
    const draw = (p: number) => {
      bar.clear();
      bar.fillStyle(pal.accent, 1);
      bar.fillRoundedRect(x, y, Math.max(h, w * p), h, 8);
      label.setText(`Getting ready... ${Math.round(p * 100)}%`);
    };
    draw(0);
    this.load.on(Phaser.Loader.Events.PROGRESS, draw);
    loadLogo(this);
  }

  create(): void {
    const go = () => bootTarget.next(this.scene);
    if (bootTarget.wait) void bootTarget.wait.then(go, go);
    else go();
  }
}
