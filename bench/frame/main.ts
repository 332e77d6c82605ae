/**
 * Frame-budget bench page. `?mode=bare` draws N sprites moving about in a bare Phaser scene;
 * `?mode=play` runs the real play scene on a level that keeps about N tickets on the board.
 * Both use the same renderer and resolution; the bench reads window.__bench.
 */
import Phaser from 'phaser';
import { createUiStore } from '../../src/store/store';
import { getApp, setApp } from '../../src/game/context';
import { PlayScene } from '../../src/game/play/PlayScene';
import { createGameConfig } from '../../src/game/config';
import { stressLevel } from './stressLevel';

interface BenchResult {
  intervals: number[];
  work: number[];
  drawn: number;
}

declare global {
  interface Window {
    __bench?: {
      ready: boolean;
      /** Frames count (interval and work) while on. */
      record(on: boolean): void;
      sleep(): void;
      wake(): void;
      take(): BenchResult;
      inSystem(): number | null;
    };
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'play' ? 'play' : 'bare';
const count = Number(params.get('n') ?? '300');

class BareScene extends Phaser.Scene {
  private sprites: Phaser.GameObjects.Image[] = [];
  private targets: Array<{ x: number; y: number }> = [];
  constructor() {
    super('bare');
  }
  create(): void {
    const g = this.add.graphics();
    g.fillStyle(0x56b4e9, 1).fillCircle(16, 16, 14).lineStyle(3, 0xffffff, 1).strokeCircle(16, 16, 14);
    g.generateTexture('dot', 32, 32);
    g.destroy();
    for (let i = 0; i < count; i++) {
      const img = this.add.image((i * 37) % 1920, (i * 53) % 1080, 'dot');
      this.sprites.push(img);
      this.targets.push({ x: (i * 91) % 1920, y: (i * 29) % 1080 });
    }
  }
  override update(time: number): void {
    for (let i = 0; i < this.sprites.length; i++) {
      const s = this.sprites[i]!;
      const tg = this.targets[i]!;
      s.x += (tg.x - s.x) * 0.05;
      s.y += (tg.y - s.y) * 0.05;
      if (Math.abs(tg.x - s.x) < 2) tg.x = (tg.x + 613 + time) % 1920;
      if (Math.abs(tg.y - s.y) < 2) tg.y = (tg.y + 347 + time) % 1080;
    }
  }
}

setApp({ store: createUiStore({ screen: 'play', speed: 1 }), audio: null, probe: null });

const renderer = params.get('renderer') === 'webgl' ? 'webgl' : 'canvas';
const parent = document.getElementById('game')!;
// The play scene runs in the game's own configuration (renderer, scaling, its canvas set-up); the bare
// scene in a bare one of the same renderer and size (Canvas unless RENDERER=webgl).
const game = new Phaser.Game(
  mode === 'play'
    ? createGameConfig(parent, '#1b2030', renderer, [PlayScene])
    : {
        type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
        parent,
        width: 1920,
        height: 1080,
        backgroundColor: '#1b2030',
        scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
        scene: [BareScene],
        banner: false,
      },
);
(window as unknown as { __game: Phaser.Game }).__game = game;

game.events.once(Phaser.Core.Events.READY, () => {
  if (mode === 'play') game.scene.start('play', { level: stressLevel(count), levelId: 'stress', seed: 1 });
});

let recording = false;
let stepStart = 0;
let lastRender = 0;
const result: BenchResult = { intervals: [], work: [], drawn: 0 };
game.events.on(Phaser.Core.Events.PRE_STEP, () => {
  stepStart = performance.now();
});
game.events.on(Phaser.Core.Events.POST_RENDER, () => {
  const now = performance.now();
  if (recording) {
    if (lastRender > 0) result.intervals.push(now - lastRender);
    result.work.push(now - stepStart);
  }
  lastRender = now;
});

window.__bench = {
  ready: false,
  record(on: boolean) {
    recording = on;
    lastRender = 0;
  },
  // The bench takes turns between the bare and the play page: the one not measured sleeps (no frames).
  sleep() {
    game.loop.sleep();
  },
  wake() {
    lastRender = 0;
    game.loop.wake();
  },
  take() {
    const scene = game.scene.getScenes(true)[0];
    result.drawn = scene ? scene.children.list.length : 0;
    return result;
  },
  inSystem: () => getApp().probe?.sim().view().counts.inSystem ?? null,
};
setTimeout(() => {
  window.__bench!.ready = true;
}, 1500);
