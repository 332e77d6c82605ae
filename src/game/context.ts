/**
 * The services scenes and DOM panels share: the UI store, audio, the hooks the app wires around the
 * game, and the play probe that the test hook (`window.__ripple`) reads. Built in one place
 * (src/app/compose.ts) and kept tiny on purpose.
 */
import type { UiStoreApi } from '../store/store';
import type { GameAudio } from '../audio/index';
import type { Sim } from '../sim/types';
import { NO_HOOKS, type GameHooks } from './hooks';

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
  /** The ticket tied to its customer on screen (dragged, picked or hovered) and that customer if shown. */
  linked?(): { ticket: number | null; customer: string | null };
  /** How each desk reads now: 'target' can do the picked ticket's next step, 'cannot' can't. */
  deskKinds?(): Record<string, string>;
  /** Places on the board pressed by position rather than by a button (desks, tray slots), game coordinates. */
  touchAreas?(): Array<{ what: string; x: number; y: number; w: number; h: number }>;
  /** The number each desk shows on the board (reading order), which is also its key while routing. */
  deskNumbers?(): Record<string, number>;
  /** The letter on each ticket drawn on the board, by ticket id (no two the same). */
  ticketLetters?(): Record<number, string>;
  /** The ring around the picked ticket, if one is picked: centre and outside radius, game coordinates. */
  pickedRing?(): { x: number; y: number; r: number } | null;
}

export interface AppContext {
  store: UiStoreApi;
  audio: GameAudio | null;
  probe: PlayProbe | null;
  /** What the app wires around the game (results service, facilitator tools); see ./hooks.ts. */
  hooks: GameHooks;
}

let ctx: AppContext | null = null;

/** Set once, by the composition root (src/app/compose.ts); a bench or test may leave the hooks out. */
export function setApp(next: Omit<AppContext, 'hooks'> & { hooks?: GameHooks }): void {
  ctx = { ...next, hooks: next.hooks ?? NO_HOOKS };
}

export function getApp(): AppContext {
  if (!ctx) throw new Error('App context used before main.ts set it up');
  return ctx;
}

export function setProbe(probe: PlayProbe | null): void {
  if (ctx) ctx.probe = probe;
}
