/**
 * The composition root of the rest of the game (loaded after the title, ./late.ts): the app's services
 * are built here, once, and handed to the game through its context (src/game/context.ts) and hooks
 * (src/game/hooks.ts), beside the store and audio of the first load (./compose.ts). The game never
 * imports the facilitator tools; this module wires them, loaded on first use (./facilitatorTools.ts).
 */
import type { GameAudio } from '../audio/index';
import { getApp, setApp } from '../game/context';
import { shell } from '../game/shell';
import { getLevelById } from '../level/catalog';
import type { GameHooks } from '../game/hooks';
import { browserStorage } from '../store/persist';
import type { UiStoreApi } from '../store/store';
import { createFacilitatorTools, type FacilitatorTools } from './facilitatorTools';
import { createResultsService, type ResultsService } from './results';
import { createKeptService, type KeptService } from './keptRound';
import { SCENES } from '../game/scenes/common';
import { startScene } from '../game/scenes/sceneData';

export interface AppServices {
  store: UiStoreApi;
  audio: GameAudio | null;
  results: ResultsService;
  tools: FacilitatorTools;
  kept: KeptService;
  hooks: GameHooks;
}

export function composeGame(shellServices: { store: UiStoreApi; audio: GameAudio | null }): AppServices {
  const { store, audio } = shellServices;

  // The two refer to each other only through these closures: the recorder exists once the session
  // tools are loaded, and the debrief of a play alone reads the journeys the results service kept.
  let tools: FacilitatorTools | null = null;
  const results = createResultsService({
    store,
    rounds: () => tools?.rounds() ?? null,
    preview: (play) =>
      shell.loose.get(play.levelId) !== play.level ? 'no' : getLevelById(play.levelId) ? 'shadows' : 'own-id',
  });
  tools = createFacilitatorTools({ journeysOf: (play) => results.journeysOf(play) });

  const toolsNow = tools;
  const kept = createKeptService({
    store,
    storage: browserStorage(),
    levelOf: (id) => getLevelById(id)?.level ?? null,
    adoptLevel: (level) => shell.loose.set(level.id, level),
    session: () => toolsNow.playingAttempt(),
    resumeSession: (k) => toolsNow.resumeKeptRound(k),
    dropSession: (k) => toolsNow.dropKeptRound(k),
    start(data) {
      const game = shell.game;
      if (!game) return;
      for (const s of game.scene.getScenes(true)) game.scene.stop(s.scene.key);
      startScene(game.scene, SCENES.play, data);
    },
    messages: shell.messages,
  });
  if (typeof window !== 'undefined') window.addEventListener('pagehide', () => kept.flush());

  const hooks: GameHooks = {
    // The board's frames and its end also keep (or clear) the round in progress.
    play: {
      started: (p) => results.started(p),
      events(events) {
        results.events(events);
        kept.frame();
      },
      finished(play) {
        kept.finished();
        return results.finished(play);
      },
    },
    kept,
    attachLive: tools.attachLive,
    facilitator: tools.hooks,
  };
  setApp({ store, audio, probe: getApp().probe, hooks });

  // Facilitator mode brings the live tools (presenter bar, projector sync) before a level starts.
  const wantLive = () => {
    if (store.getState().settings.facilitator) void tools.loadLive().catch(() => undefined);
  };
  wantLive();
  store.subscribe((s, prev) => {
    if (s.settings.facilitator !== prev.settings.facilitator) wantLive();
  });
  return { store, audio, results, tools, kept, hooks };
}
