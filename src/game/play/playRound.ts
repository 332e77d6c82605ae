/**
 * The round around the board: live facilitation (a facilitator's window or a projector window, wired
 * by the app, see src/app/compose.ts) and the recording of a window's own play (the kept copy for a
 * resume, the play's events for the results), and its end: on to the results. Split out of PlayScene;
 * the scene keeps the sim.
 */
import type Phaser from 'phaser';
import type { Level } from '../../level/schema';
import type { Command, Sim } from '../../sim/types';
import { getApp } from '../context';
import type { FinishedPlay, PlayLive } from '../hooks';
import { SCENES } from '../scenes/common';
import { startScene, type ResumeData } from '../scenes/sceneData';
import type { CareMarks } from './careMarks';

export interface RoundSetup {
  level: Level;
  levelId: string;
  seed: number;
  audience: boolean;
  resume: ResumeData | null;
  /** The board's sim now (it may be replaced below: by the live round's, then by the kept copy's). */
  sim(): Sim;
  setSim(sim: Sim): void;
  restart(): void;
  menu(): void;
  /** A command from the live round, applied as the board applies its own. */
  apply(cmd: Command): void;
  careMarks: CareMarks;
}

/** Attaches the live round and starts recording; returns the live round (or null) and whether this window records. */
export function attachRound(
  scene: Phaser.Scene,
  o: RoundSetup,
): { live: PlayLive | null; recording: boolean } {
  const app = getApp();
  const liveCtx = {
    level: o.level,
    levelId: o.levelId,
    seed: o.seed,
    audience: o.audience,
    store: app.store,
    audio: app.audio,
    restart: o.restart,
    menu: o.menu,
  };
  const live = app.hooks.attachLive(scene, { ...liveCtx, sim: o.sim, apply: o.apply }, o.sim);
  if (live?.sim) o.setSim(live.sim);
  // The projector window mirrors someone else's play: only a window's own play is recorded.
  const recording = !live?.audience;
  if (recording) {
    const play = { level: o.level, levelId: o.levelId, seed: o.seed };
    o.setSim(app.hooks.kept.began({ ...play, sim: o.sim() }));
    app.hooks.play.started(play);
    // The rebuilt part of a resumed game: its customers' journeys, without a toast for each event.
    if (o.resume) {
      const rebuilt = o.sim().drainEvents();
      app.hooks.play.events(rebuilt);
      o.careMarks.handle(rebuilt);
    }
  }
  return { live, recording };
}

/** The sim is over: the live round takes it (a facilitator's results), else the results screen. */
export function finishRound(
  scene: Phaser.Scene,
  o: { level: Level; levelId: string; seed: number; sim: Sim; live: PlayLive | null },
): void {
  const sim = o.sim;
  if (o.live?.finish(sim)) return;
  const play: FinishedPlay = {
    level: o.level,
    levelId: o.levelId,
    seed: o.seed,
    score: sim.score(),
    metrics: sim.metrics(),
    commandLog: sim.commandLog(),
    timeline: sim.timeline(),
  };
  const outcome = getApp().hooks.play.finished(play);
  if (scene.scene.manager.getScene(SCENES.results))
    startScene(scene.scene, SCENES.results, { ...play, outcome });
  else startScene(scene.scene, SCENES.select);
}
