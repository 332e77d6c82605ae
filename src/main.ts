/**
 * Entry point, and all of the first load: the store with the saved settings, the audio (without
 * howler), URL parameters, the settings panel, and Phaser with the boot and title scenes. Everything
 * else (the level catalog, zod and the checker, the sim, the later scenes, howler, the facilitator
 * tools) is in ./app/late.ts, fetched idly once the title is drawn, or at once when boot needs it (a
 * level link, the projector window, facilitator mode, a game kept in progress), or when a screen past
 * the title is asked for before it arrived.
 */
import Phaser from 'phaser';
import './ui/styles.css';
import { prefetchHowler } from './audio/index';
import { composeShell } from './app/compose';
import type { LateApp } from './app/late';
import { loadTestHook } from './app/testHookGate';
import { installProjectorKey } from './facilitator/live/projector';
import { createGameConfig } from './game/config';
import { decodeLogo } from './game/logo';
import { BootScene, bootTarget } from './game/scenes/BootScene';
import { SCENES } from './game/scenes/common';
import { lateScenes, restartScene } from './game/scenes/sceneData';
import { palette } from './game/scenes/theme';
import { TitleScene } from './game/scenes/TitleScene';
import { shell } from './game/shell';
import { parseUrlParams, rendererFrom } from './game/urlParams';
import { KEPT_KEY } from './roundlog/keptKey';
import { browserStorage } from './store/persist';
import { isDomOverlayOpen } from './ui/overlay';
import { openSettingsPanel } from './ui/settingsPanel';
import { installTurnHint, TURN_QUERY } from './ui/turnHint';

// For the load bench: Phaser and the first-load modules are fetched and run; the rest is this game's.
performance.mark('ripple:main-start');
decodeLogo();
const prefersReducedMotion =
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

let late: Promise<LateApp> | null = null;
/** The rest of the game, loaded (and started) once. */
const loadLate = (): Promise<LateApp> =>
  // The test hook comes with it, but only on a page a browser test or a bench opened (./app/testHookGate.ts).
  (late ??= Promise.all([import('./app/late'), loadTestHook()]).then(([m, hook]) => {
    const app = m.startLate({ store, audio, params, hook });
    performance.mark('ripple:late-started');
    window.removeEventListener('dragover', earlyDrop);
    window.removeEventListener('drop', earlyDrop);
    lateScenes.ready = true;
    return app;
  }));

// URL parameters: ?level=<id>, ?seed=N, ?facilitator=1. Mistakes become messages; nothing is lost.
const params = parseUrlParams(window.location.search);
for (const m of params.messages) shell.messages.push(m);
const { store, audio } = composeShell({ reducedMotion: prefersReducedMotion, late: () => loadLate() });
lateScenes.ready = false;
lateScenes.load = () => loadLate();
if (params.seed !== null) store.getState().setSeed(params.seed);
if (params.facilitator !== null) store.getState().updateSettings({ facilitator: params.facilitator });

/** Restarts the active shell scene so new text size or contrast take effect. */
function restartActiveScene(): void {
  const game = shell.game;
  if (!game) return;
  for (const key of [SCENES.title, SCENES.select, SCENES.briefing, SCENES.results]) {
    if (game.scene.isActive(key)) {
      const scene = game.scene.getScene(key);
      if (scene) restartScene(scene.scene);
    }
  }
}

shell.openSettings = () =>
  openSettingsPanel(store, (changed) => {
    if (changed) restartActiveScene();
    document.querySelector<HTMLCanvasElement>('#game canvas')?.focus();
  });
shell.pickFile = () => void loadLate().then((l) => l.pickFile());

// A level file dropped before the rest of the game (and its drop handler) is there: the browser must
// not open it in place of the game; it is handed over once the rest has loaded.
const earlyDrop = (e: DragEvent) => {
  if (!Array.from(e.dataTransfer?.types ?? []).includes('Files')) return;
  e.preventDefault();
  const file = e.type === 'drop' ? e.dataTransfer?.files[0] : undefined;
  if (file) void loadLate().then((l) => l.takeFile(file));
};
window.addEventListener('dragover', earlyDrop);
window.addEventListener('drop', earlyDrop);
installProjectorKey(store, restartActiveScene, isDomOverlayOpen);
// A phone held upright shows the 16:9 board as a thin strip: say to turn it (not in the projector window).
if (params.audience === null && typeof matchMedia === 'function') installTurnHint(document, matchMedia(TURN_QUERY));

/** A game kept in progress (its record only looked up here; the rest of the game reads it). */
function keptGame(): boolean {
  try {
    return browserStorage()?.getItem(KEPT_KEY) != null;
  } catch {
    return false;
  }
}

// The title is the first scene, unless where the game goes (or what the title shows) needs the rest
// of the game: then boot shows its progress bar and waits for it.
const waitForLate =
  params.audience !== null || params.level !== null || store.getState().settings.facilitator || keptGame();
if (waitForLate) bootTarget.wait = loadLate().then((l) => l.ready);

// Once the title has been drawn (a frame after it was created), the rest is fetched while idle.
const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(fn, { timeout: 300 })
    : window.setTimeout(fn, 50);
const stopWatching = store.subscribe((s) => {
  if (s.screen !== 'title') return;
  stopWatching();
  requestAnimationFrame(() => {
    performance.mark('ripple:title-drawn');
    idle(() => {
      void loadLate();
      void prefetchHowler().catch(() => undefined);
    });
  });
});

const parent = document.getElementById('game') ?? document.body;
shell.game = new Phaser.Game(
  createGameConfig(
    parent,
    palette(store.getState().settings).bgCss,
    rendererFrom(window.location.search),
    waitForLate ? [BootScene, TitleScene] : [TitleScene],
  ),
);
