/**
 * What the game offers the app around it. The game (scenes, board) never imports the facilitator
 * tools; it calls these hooks, and the composition root (src/app/) wires them to the session store,
 * the debrief, the live presenter bar and the projector window, loaded on first use.
 *
 * Every hook has a harmless default (`NO_HOOKS`), so a scene also runs on its own (benches, tests).
 */
import type Phaser from 'phaser';
import type { GameAudio } from '../audio/index';
import type { Level } from '../level/schema';
import type {
  Command,
  Metrics,
  ScoreReport,
  Sim,
  SimEvent,
  TimedCommand,
  TimelineSample,
} from '../sim/types';
import type { UiStoreApi } from '../store/store';

/** Session key shown on the title, level select and results screens (facilitator mode). */
export const SESSION_KEY_LABEL = 'G';
/** Debrief key on the results screen (facilitator mode). */
export const DEBRIEF_KEY_LABEL = 'D';

/** What the play scene finishes with. */
export interface FinishedPlay {
  level: Level;
  levelId: string;
  seed: number;
  score: ScoreReport;
  metrics: Metrics;
  commandLog: TimedCommand[];
  timeline: TimelineSample[];
}

/** What became of a finished play once it was recorded. */
export interface FinishOutcome {
  /** The facilitator's round this play was saved to, or null when it belongs to no round. */
  savedRound: string | null;
}

/** The play scene's life, as the results service hears it. */
export interface PlayHooks {
  /** A level starts (or starts again) in this window, with this sim. */
  started(play: { level: Level; levelId: string; seed: number }): void;
  /** Every batch of sim events the board drained. */
  events(events: readonly SimEvent[]): void;
  /** The level ended: record it (progress, the facilitator's round) and say what became of it. */
  finished(play: FinishedPlay): FinishOutcome;
}

/** What the live side of the play scene gets from it. */
export interface LivePlayContext {
  level: Level;
  levelId: string;
  seed: number;
  /** Started by the audience controller (this window mirrors the presenter). */
  audience: boolean;
  store: UiStoreApi;
  audio: GameAudio | null;
  /** The scene's current sim (read each time: it changes on restart). */
  sim(): Sim;
  /** Applies a command the way a player's command is applied (toasts on refusal). */
  apply(cmd: Command): void;
  /** Plays the same level and seed again from the start. */
  restart(): void;
  /** Back to the level list. */
  menu(): void;
}

/** What the play scene does differently in live facilitation (presenter or projector window). */
export interface PlayLive {
  readonly audience: boolean;
  /** In the audience window: the stand-in sim that follows the presenter. */
  readonly sim: Sim | null;
  /** The step hint under the board ('' hides it: projector mode and the audience see no key hints). */
  hint(text: string): string;
  /** The big banner over the board. */
  banner(text: string): string;
  /** Key hints on the board's buttons ("Pause (Space)", "Quick (Q)"); false in projector mode, read every frame. */
  keyHints?(): boolean;
  /** The level ended. True when the live side keeps the scene where it is (audience). */
  finish(sim: Sim): boolean;
  /**
   * Someone else runs the clock (a live workshop's room server): speed, pause and leave do nothing on
   * this board, and the level ends when the facilitator's round does.
   */
  readonly clockElsewhere?: boolean;
  /**
   * A live workshop's table: why this device may not pick a desk's work (another person or device
   * holds that desk), or null when it may. The board refuses the pick and the bottom line skips that desk.
   */
  notMine?(dept: string): string | null;
}

/** A game left in progress when this page was last closed or reloaded, offered to resume (src/app/keptRound.ts). */
export interface KeptOffer {
  levelTitle: string;
  /** The sim time it resumes at, m:ss (time played). */
  at: string;
  /** The time left then, as the board's clock shows it ("Resume with 4:30 left"). */
  left: string;
  /** The facilitator's round it belongs to (team, round id, attempt), or null. */
  team: string | null;
  roundId: string | null;
  attempt: number;
}

/** The round in progress, kept in this browser's storage as it grows, and its resume. */
export interface KeptHooks {
  /** A round starts on this board (fresh or resumed): returns the sim to play on (it reports commands). */
  began(play: { level: Level; levelId: string; seed: number; sim: Sim }): Sim;
  /** The game left in progress last time, if any (checked; a broken one becomes a title message). */
  offer(): KeptOffer | null;
  /** Rebuilds it and starts the board there, paused. Resolves to a problem in plain words, or null. */
  resume(): Promise<string | null>;
  /** Drops it (and, for a facilitator's round, that attempt: the round goes back to planned). */
  discard(): Promise<void>;
}

/** Live facilitation for a play scene: null when this window is neither presenter nor projector. */
export type AttachLive = (scene: Phaser.Scene, ctx: LivePlayContext, fallback: () => Sim) => PlayLive | null;

/** A facilitator's session round, as the briefing, board and results show it. */
export interface RoundInfo {
  /** "Blue table · round 2 of 3" */
  label: string;
  /** The next round still to play (its label, and opening its briefing), or null when none is left. */
  next: { team: string; label: string; start(): void } | null;
}

/** The facilitator's tools as the shell screens open them (facilitator mode only). */
export interface FacilitatorHooks {
  /**
   * The session round being played now (briefing, board, the projector's board), or with a round id
   * the round a play was saved to (results); null when there is none.
   */
  round(savedRound?: string | null): RoundInfo | null;
  openSession(): void;
  /** The debrief of a finished play: its round when it was saved to one, else this play alone. */
  openDebrief(play: FinishedPlay, outcome: FinishOutcome): void;
}

export interface GameHooks {
  play: PlayHooks;
  kept: KeptHooks;
  attachLive: AttachLive;
  facilitator: FacilitatorHooks;
}

export const NO_HOOKS: GameHooks = {
  play: { started: () => {}, events: () => {}, finished: () => ({ savedRound: null }) },
  kept: {
    began: (play) => play.sim,
    offer: () => null,
    resume: () => Promise.resolve(null),
    discard: () => Promise.resolve(),
  },
  attachLive: () => null,
  facilitator: { round: () => null, openSession: () => {}, openDebrief: () => {} },
};
