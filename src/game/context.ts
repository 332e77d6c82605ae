/**
 * App-wide singletons shared by scenes and DOM panels: the UI store, audio, and the play probe that
 * the test hook (`window.__ripple`) reads. Kept tiny on purpose.
 */
import type { UiStoreApi } from '../store/store';
import type { GameAudio } from '../audio/index';
import type { Sim } from '../sim/types';

/** Game-space coordinates (the 1920x1080 design resolution). */
export interface GamePoint {
  x: number;
  y: number;
}

/** What the play scene exposes to tests and tools. Read-only views over the running level. */
export interface PlayProbe {
  sim(): Sim;
  levelId(): string;
  /** Centre of a department on the board, game coordinates. */
  deptPos(id: string): GamePoint | null;
  /** Centre of the department's outbox area (where finished tickets wait), game coordinates. */
  outboxPos(id: string): GamePoint | null;
  /** Current drawn position of a ticket token, game coordinates, or null when not drawn. */
  ticketPos(id: number): GamePoint | null;
}

export interface AppContext {
  store: UiStoreApi;
  audio: GameAudio | null;
  probe: PlayProbe | null;
}

let ctx: AppContext | null = null;

export function setApp(next: AppContext): void {
  ctx = next;
}

export function getApp(): AppContext {
  if (!ctx) throw new Error('App context used before main.ts set it up');
  return ctx;
}

export function setProbe(probe: PlayProbe | null): void {
  if (ctx) ctx.probe = probe;
}
