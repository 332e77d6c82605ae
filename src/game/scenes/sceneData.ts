/**
 * What each scene is started with, keyed by its scene key (SCENES in ./common), and the one way to
 * start a scene: startScene(this.scene, SCENES.play, { level, levelId, seed }). A wrong, missing or
 * extra field, or data for a scene that takes none, is a compile error (see sceneData.test.ts).
 * Calling .scene.start or .scene.restart directly is a lint error outside this file.
 */
import type { Level } from '../../level/schema';
import type { Sim } from '../../sim/types';
import type { FinishedPlay, FinishOutcome } from '../hooks';
import type { SCENES } from './common';

export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/** A level's briefing: which level, under which id. */
export interface BriefingData {
  levelId: string;
  level: Level;
}

/** A round on the board. */
export interface PlayData {
  level: Level;
  levelId: string;
  seed: number;
  /** Started by the projector (audience) window: mirrors the facilitator's game, no input. */
  audience?: boolean;
  /** A game left in progress, rebuilt from its kept log: the board starts on this sim, paused. */
  resume?: ResumeData;
}

/** Where a resumed game starts: its rebuilt sim, and the speed Space goes on at. */
export interface ResumeData {
  sim: Sim;
  speed: 1 | 2 | 4;
}

/** The projector window's empty board before the facilitator's window runs a round: nothing to play. */
export interface PlayWaiting {
  waiting: true;
}

/**
 * What the play scene finishes with and what became of it (already recorded by the app's results
 * service), plus what the results screen remembers across a restart.
 */
export interface ResultsData extends FinishedPlay {
  outcome: FinishOutcome;
  /** Set once the end sound played, so a restart (new text size) does not play it again. */
  cued?: boolean;
  /**
   * A live workshop's table or projector: the official result of the room server, shown with this line
   * instead of the buttons (the facilitator starts the next round, not the device).
   */
  live?: { note: string };
}

/** Every scene key must have an entry (a scene without data has `undefined`). */
type EveryScene<T extends Record<SceneKey, unknown>> = T;

export type SceneData = EveryScene<{
  boot: undefined;
  title: undefined;
  select: undefined;
  briefing: BriefingData;
  play: PlayData | PlayWaiting;
  results: ResultsData;
}>;

/** The data argument: none for a scene without data, exactly its data otherwise. */
export type SceneArgs<K extends SceneKey> = SceneData[K] extends undefined ? [] : [data: SceneData[K]];

/** A start target, so both a scene's own plugin (this.scene) and the game's manager (game.scene) fit. */
export interface SceneStarter {
  start(key: string, data?: object): unknown;
}

/** A scene's own plugin, for restarting it with the data it was started with. */
export interface SceneRestarter {
  restart(data?: object): unknown;
}

/**
 * The scenes past the title (level select, briefing, board, results) may come in a later bundle, so the
 * title draws without them: main.ts sets `load` (which registers them) and clears `ready` until then.
 * A start of one of them before that waits for the load. Benches and tests that build the game with
 * every scene leave it ready.
 */
export const lateScenes: { ready: boolean; load: (() => Promise<unknown>) | null } = {
  ready: true,
  load: null,
};

/** Starts (or, from within itself, restarts) a scene with its data; stops the calling scene when called on this.scene. */
export function startScene<K extends SceneKey>(target: SceneStarter, key: K, ...args: SceneArgs<K>): void {
  const early = key === 'boot' || key === 'title';
  if (early || lateScenes.ready || !lateScenes.load) {
    target.start(key, args[0]);
    return;
  }
  void lateScenes.load().then(() => target.start(key, args[0]));
}

/** Restarts a scene with the data it was started with (Phaser keeps it), e.g. after new text size. */
export function restartScene(target: SceneRestarter): void {
  target.restart();
}
