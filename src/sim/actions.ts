/**
 * The action table: which level action (`level.actions.*`) enables each command, who sends it, and the
 * sim's refusal when the level does not allow it. It drives the sim's gating (./commands.ts), the
 * routing controller, the board's buttons and the briefing's "How to play" lines, so they can never
 * disagree. A command type without its entry here is a compile error.
 */
import type { Level } from '../level/schema';
import type { CommandType, PerCommand } from './types';

export type LevelAction = keyof Level['actions'];

export interface CommandRule {
  /** Who sends it: the players on the board, or the facilitator's control bar. */
  readonly by: 'player' | 'facilitator';
  /** The level action that enables it; null: always allowed. */
  readonly action: LevelAction | null;
  /** What the sim says when the level does not enable it. */
  readonly refusal: string;
  /** Options of the command that a further level action enables (route's `care`: handoff care). */
  readonly options?: Readonly<Record<string, LevelAction>>;
}

export const COMMAND_RULES = {
  route: {
    by: 'player',
    action: 'route',
    refusal: 'Work moves on by itself in this level, so there is nothing to route.',
    options: { care: 'handoffCare' },
  },
  setPolicy: { by: 'player', action: 'handoffCare', refusal: 'Handoff care is fixed in this level.' },
  moveStaff: { by: 'player', action: 'moveStaff', refusal: 'People cannot be moved between departments in this level.' },
  grant: { by: 'player', action: 'grantRequests', refusal: 'Internal requests cannot be granted in this level.' },
  prioritise: { by: 'player', action: 'reprioritise', refusal: 'Queues cannot be reordered in this level.' },
  inject: { by: 'facilitator', action: null, refusal: '' },
  extend: { by: 'facilitator', action: null, refusal: '' },
} as const satisfies PerCommand<CommandRule>;

/** The commands players send from the board (the others are the facilitator's). */
export type PlayerCommandType = {
  [K in CommandType]: (typeof COMMAND_RULES)[K]['by'] extends 'player' ? K : never;
}[CommandType];

export const PLAYER_COMMANDS = (Object.keys(COMMAND_RULES) as CommandType[]).filter(
  (k): k is PlayerCommandType => COMMAND_RULES[k].by === 'player',
);

type Actions = Readonly<Level['actions']>;

/** Does the level let this command through at all? (Per-item exceptions, such as auto-granted requests, aside.) */
export function commandEnabled(actions: Actions, type: CommandType): boolean {
  const a: LevelAction | null = COMMAND_RULES[type].action;
  return a === null || actions[a];
}

/** May the player choose the handoff care that goes with a route? */
export function careIsChosen(actions: Actions): boolean {
  return actions[COMMAND_RULES.route.options.care];
}

/** Is this request the player's to grant (a Grant button), rather than granted by itself or not at all? */
export function playerGrants(actions: Actions, request: { readonly autoGrant: boolean }): boolean {
  return commandEnabled(actions, 'grant') && !request.autoGrant;
}
