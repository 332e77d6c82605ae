/**
 * The composition root of a live workshop's board (live.html, once a table has joined, or the
 * projector): the same services as the solo game (src/app/compose.ts: the UI store with the device's
 * saved settings, audio, the hooks) and the same Phaser game and play scene, with the live board
 * (src/live/board/) as the play scene's live side. Nothing is recorded on the device: the room
 * server keeps the official results.
 */
import Phaser from 'phaser';
import '../ui/styles.css';
import { createGameAudio, type GameAudio } from '../audio/index';
import { createGameConfig } from '../game/config';
import { LATE_SCENES } from '../game/lateScenes';
import { BootScene, bootTarget } from '../game/scenes/BootScene';
import { TitleScene } from '../game/scenes/TitleScene';
import { setApp } from '../game/context';
import { NO_HOOKS, type GameHooks } from '../game/hooks';
import { SCENES } from '../game/scenes/common';
import { shownResults } from '../game/scenes/resultsShown';
import { startScene } from '../game/scenes/sceneData';
import { palette } from '../game/scenes/theme';
import { shell } from '../game/shell';
import { rendererFrom } from '../game/urlParams';
import { policies } from '../sim/index';
import { createLiveBoard, type LiveBoard, type LiveBoardDeps } from '../live/board/liveBoard';
import { attachPersistence, browserStorage } from '../store/persist';
import { createUiStore } from '../store/store';
import { applyPageSettings } from '../ui/settingsPanel';
import { loadTestHook, testHookAsked } from './testHookGate';

/** Fetched as this module arrives (only when a browser test asked for it), so it is in by the time it is wanted. */
const testHook = loadTestHook();

export interface LiveBoardApp {
  board: LiveBoard;
  audio: GameAudio | null;
  game: Phaser.Game;
}

/** Builds the services and the game in `parent`; the board is the live side of every play scene. */
export function composeLiveBoard(
  parent: HTMLElement,
  opts: Omit<LiveBoardDeps, 'store' | 'audio' | 'game'>,
): LiveBoardApp {
  const reducedMotion =
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const store = createUiStore();
  store.getState().updateSettings({ reducedMotion });
  attachPersistence(store, browserStorage());
  applyPageSettings(store.getState().settings);
  let audio: GameAudio | null;
  try {
    audio = createGameAudio();
  } catch {
    audio = null; // The board plays silently.
  }
  const s = store.getState().settings;
  audio?.applySettings({ masterVolume: s.masterVolume, sfx: s.sfx, music: s.music, muted: s.muted });
  const unlock = () => audio?.unlock();
  window.addEventListener('pointerdown', unlock, { once: true });
  window.addEventListener('keydown', unlock, { once: true });

  const board = createLiveBoard({ ...opts, store, audio, game: () => shell.game });
  // Nothing on this device is recorded as the player's own progress or a facilitator's round.
  const hooks: GameHooks = { ...NO_HOOKS, attachLive: board.attachLive };
  setApp({ store, audio, probe: null, hooks });
  // Boot hands over to an empty board (which stops boot); the live board then shows what the room has.
  bootTarget.next = (from) => {
    startScene(from, SCENES.play, { waiting: true });
    window.setTimeout(() => shell.game && board.booted(shell.game), 0);
  };
  if (testHookAsked()) {
    window.__rippleLive = { info: () => board.info() };
    void testHook.then((hook) => hook?.installTestHook({ policies, results: shownResults }));
  }
  const game = new Phaser.Game(
    createGameConfig(parent, palette(s).bgCss, rendererFrom(window.location.search), [
      BootScene,
      TitleScene,
      ...LATE_SCENES.map((l) => l.scene),
    ]),
  );
  shell.game = game;
  fitToParent(game, parent);
  return { board, audio, game };
}

/**
 * Keeps the canvas fitted to its parent whenever either changes size. Phaser sizes the canvas from the
 * parent's size it measured last and measures again only afterwards: when the parent shrinks in between
 * (the projector's caption or a table's header filling in while the game boots), the canvas stays a
 * full 1920x1080 in a shorter box for good, over the caption and under the window's bottom edge.
 */
function fitToParent(game: Phaser.Game, parent: HTMLElement): void {
  let asked = false;
  // On the next frame, not inside the observer: a refresh resizes the canvas it also watches.
  const fit = new ResizeObserver(() => {
    if (asked) return;
    asked = true;
    requestAnimationFrame(() => {
      asked = false;
      if (!game.isBooted) return;
      game.scale.getParentBounds();
      game.scale.refresh();
    });
  });
  fit.observe(parent);
  game.events.once(Phaser.Core.Events.READY, () => fit.observe(game.canvas));
}
