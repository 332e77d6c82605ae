/**
 * Entry point: the app's services (src/app/compose.ts), URL parameters, level drop and hot reload, the
 * test hook, then the Phaser game.
 */
import Phaser from 'phaser';
import './ui/styles.css';
import { composeApp } from './app/compose';
import { installTestHook } from './app/testHook';
import { installProjectorKey } from './facilitator/live/projector';
import { createGameConfig } from './game/config';
import { getApp } from './game/context';
import { installDrop, showProblems } from './game/levelUi';
import { bootTarget } from './game/scenes/BootScene';
import { SCENES } from './game/scenes/common';
import { restartScene, startScene } from './game/scenes/sceneData';
import { palette } from './game/scenes/theme';
import { shell } from './game/shell';
import { parseUrlParams, rendererFrom, unknownLevelMessage } from './game/urlParams';
import { getAllLevels, getLevelById, onLevelsChanged } from './level/catalog';
import type { Level } from './level/schema';
import type { Settings } from './store/store';
import { isDomOverlayOpen } from './ui/overlay';
import { applyPageSettings, openSettingsPanel } from './ui/settingsPanel';

const prefersReducedMotion =
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const { store, audio, tools, kept } = composeApp({ reducedMotion: prefersReducedMotion });

const audioSettings = (s: Settings) => ({
  masterVolume: s.masterVolume,
  sfx: s.sfx,
  music: s.music,
  muted: s.muted,
});
audio?.applySettings(audioSettings(store.getState().settings));
applyPageSettings(store.getState().settings);
store.subscribe((s, prev) => {
  if (s.settings === prev.settings) return;
  audio?.applySettings(audioSettings(s.settings));
  applyPageSettings(s.settings);
});
const unlockAudio = () => {
  audio?.unlock();
  window.removeEventListener('pointerdown', unlockAudio);
  window.removeEventListener('keydown', unlockAudio);
};
window.addEventListener('pointerdown', unlockAudio);
window.addEventListener('keydown', unlockAudio);

// URL parameters: ?level=<id>, ?seed=N, ?facilitator=1. Mistakes become messages; nothing is lost.
const params = parseUrlParams(window.location.search);
for (const m of params.messages) shell.messages.push(m);
if (params.seed !== null) store.getState().setSeed(params.seed);
if (params.facilitator !== null) store.getState().updateSettings({ facilitator: params.facilitator });
if (params.audience !== null) {
  // Projector window: an empty play scene until the facilitator's window runs a round (see below).
  bootTarget.next = (from) => startScene(from, SCENES.play, { waiting: true });
} else if (params.level !== null) {
  const entry = getLevelById(params.level);
  if (!entry) {
    const known = getAllLevels().flatMap((l) => (l.id ? [l.id] : []));
    shell.messages.push(unknownLevelMessage(params.level, known));
  } else if (entry.level) {
    const level = entry.level;
    bootTarget.next = (from) => startScene(from, SCENES.briefing, { levelId: level.id, level });
  } else {
    shell.messages.push(`The level '${params.level}' has problems, so it cannot be played yet.`);
    const problems = entry.problems;
    window.setTimeout(
      () => showProblems(problems, { title: `The level '${params.level}' has problems`, onClose: () => {} }),
      300,
    );
  }
}

// A game left in progress (a reload, a crash) is offered on the title, whatever the link asked for.
if (params.audience === null && kept.offer()) bootTarget.next = (from) => startScene(from, SCENES.title);

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

/** Opens a level's briefing, stopping whatever runs. */
function openBriefing(level: Level): void {
  const game = shell.game;
  if (!game) return;
  for (const s of game.scene.getScenes(true))
    if (s.scene.key !== SCENES.briefing) game.scene.stop(s.scene.key);
  startScene(game.scene, SCENES.briefing, { levelId: level.id, level });
}

const drop = installDrop({
  onLevel(level) {
    shell.loose.set(level.id, level);
    openBriefing(level);
  },
  onProblems(problems, name) {
    showProblems(problems, {
      title: `${name} has problems`,
      onClose: () => {},
      onPickFile: () => drop.pickFile(),
    });
  },
});
shell.pickFile = () => drop.pickFile();

// Dev hot reload: when the current level's file changes, restart it with the new version.
onLevelsChanged(() => {
  const st = getApp().store.getState();
  const id = st.levelId;
  const game = shell.game;
  if (!id || !game || (st.screen !== 'briefing' && st.screen !== 'play')) return;
  const entry = getLevelById(id);
  if (!entry) return;
  if (!entry.level) {
    showProblems(entry.problems, { title: `The level '${id}' now has problems`, onClose: () => {} });
    return;
  }
  const key = st.screen === 'play' ? SCENES.play : SCENES.briefing;
  game.scene.getScenes(true).forEach((s) => {
    if (s.scene.key !== key) game.scene.stop(s.scene.key);
  });
  if (key === SCENES.play) startScene(game.scene, SCENES.play, { levelId: id, level: entry.level, seed: st.seed });
  else startScene(game.scene, SCENES.briefing, { levelId: id, level: entry.level });
});

installProjectorKey(store, restartActiveScene, isDomOverlayOpen);
installTestHook({ audience: tools.audienceInfo, live: tools.liveInfo, kept: () => kept.info() });
// A facilitator's first level waits for the live tools; a projector window for its own.
if (params.audience !== null) bootTarget.wait = tools.loadAudience();
else if (store.getState().settings.facilitator) bootTarget.wait = tools.loadLive();
const parent = document.getElementById('game') ?? document.body;
shell.game = new Phaser.Game(
  createGameConfig(parent, palette(store.getState().settings).bgCss, rendererFrom(window.location.search)),
);
if (params.audience !== null) {
  const sessionId = params.audience;
  void tools.loadAudience().then((a) => a.startAudience({ sessionId, store, audio, game: () => shell.game }));
}
