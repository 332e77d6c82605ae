/**
 * The rest of the solo game, loaded after the title is drawn (idly, or at once when boot needs it: a
 * level link, the projector window, facilitator mode, a kept game): the level catalog (zod, the
 * checker, the level texts), the sim, the later scenes (select, briefing, board, results), the
 * results service, the kept round, level drop and hot reload, and the facilitator tools' wiring.
 * main.ts imports this module with import(), so none of it is in the first load. The test hook is not
 * here: main.ts fetches it beside this module only when a test asked for it (./testHookGate.ts).
 */
import { composeGame } from './composeGame';
import type { TestHookModule } from './testHookGate';
import type { GameAudio } from '../audio/index';
import type { GameHooks } from '../game/hooks';
import { getApp } from '../game/context';
import { addLateScenes } from '../game/lateScenes';
import { installDrop, showProblems } from '../game/levelUi';
import { bootTarget } from '../game/scenes/BootScene';
import { SCENES } from '../game/scenes/common';
import { shownResults } from '../game/scenes/resultsShown';
import { startScene } from '../game/scenes/sceneData';
import { shell } from '../game/shell';
import { unknownLevelMessage, type UrlParams } from '../game/urlParams';
import { readLevelFile, type LevelDropOptions, type LevelFileLike } from '../ui/levelDrop';
import { getAllLevels, getLevelById, onLevelsChanged } from '../level/catalog';
import { policies } from '../sim/index';
import type { Level } from '../level/schema';
import type { UiStoreApi } from '../store/store';

export interface LateApp {
  hooks: GameHooks;
  /** What boot must still wait for (the facilitator's live tools, the projector's own), or null. */
  ready: Promise<unknown> | null;
  pickFile(): void;
  /** A level file dropped before this was loaded: checked and opened as a dropped one is. */
  takeFile(file: LevelFileLike): void;
}

export function startLate(deps: {
  store: UiStoreApi;
  audio: GameAudio | null;
  params: UrlParams;
  /** The test hook's module, when the page asked for it (a browser test, a bench); null for a player. */
  hook: TestHookModule | null;
}): LateApp {
  const { store, audio, params } = deps;
  const { tools, kept, hooks } = composeGame({ store, audio });
  const game = shell.game;
  if (game) addLateScenes(game);

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
        () =>
          showProblems(problems, { title: `The level '${params.level}' has problems`, onClose: () => {} }),
        300,
      );
    }
  }

  // A game left in progress (a reload, a crash) is offered on the title, whatever the link asked for.
  if (params.audience === null && kept.offer()) bootTarget.next = (from) => startScene(from, SCENES.title);

  /** Opens a level's briefing, stopping whatever runs. */
  function openBriefing(level: Level): void {
    const game = shell.game;
    if (!game) return;
    for (const s of game.scene.getScenes(true))
      if (s.scene.key !== SCENES.briefing) game.scene.stop(s.scene.key);
    startScene(game.scene, SCENES.briefing, { levelId: level.id, level });
  }

  const dropped: LevelDropOptions = {
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
  };
  const drop = installDrop(dropped);

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
    if (key === SCENES.play)
      startScene(game.scene, SCENES.play, { levelId: id, level: entry.level, seed: st.seed });
    else startScene(game.scene, SCENES.briefing, { levelId: id, level: entry.level });
  });

  deps.hook?.installTestHook({
    policies,
    results: shownResults,
    audience: tools.audienceInfo,
    live: tools.liveInfo,
    kept: () => kept.info(),
  });

  // A facilitator's first level waits for the live tools; a projector window for its own.
  let ready: Promise<unknown> | null = null;
  if (params.audience !== null) {
    const sessionId = params.audience;
    ready = tools.loadAudience();
    void tools
      .loadAudience()
      .then((a) => a.startAudience({ sessionId, store, audio, game: () => shell.game }));
  } else if (store.getState().settings.facilitator) ready = tools.loadLive();

  return {
    hooks,
    ready,
    pickFile: () => drop.pickFile(),
    takeFile: (file) =>
      void readLevelFile(file, dropped).catch((e: unknown) =>
        dropped.onProblems(
          [
            {
              path: file.name,
              line: 1,
              col: 1,
              message: `The level could not be loaded (${String(e).slice(0, 100)}).`,
            },
          ],
          file.name,
        ),
      ),
  };
}
