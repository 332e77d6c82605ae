/**
 * The command contract: every player and facilitator command, defined once as zod schemas. The sim
 * imports the types only (type-only, like `Level`); session files, the projector sync, the round log and
 * the live server validate what they read with these same schemas.
 *
 * Adding a command: its schema here, its handler (src/sim/commands.ts), its entry in the action table
 * (src/sim/actions.ts), its words for players (src/game/commandWords.ts), then the input that sends it.
 * Each table is typed by `CommandType`, so the compiler names every place still missing
 * (src/contract/addCommand.test.ts proves it).
 */
import { z } from 'zod';
import { Care } from '../level/schema';

const ticket = z.number().int();
const dept = z.string();

/** A ticket in an outbox goes to another desk; care only counts where the level lets players choose it. */
export const RouteCommand = z.object({ type: z.literal('route'), ticket, to: dept, care: Care.optional() });
/** A department's standing handoff care. */
export const SetPolicyCommand = z.object({ type: z.literal('setPolicy'), department: dept, care: Care });
/** One person moves between departments (now, or when they finish their job). */
export const MoveStaffCommand = z.object({ type: z.literal('moveStaff'), from: dept, to: dept });
/** An internal request is granted. */
export const GrantCommand = z.object({ type: z.literal('grant'), request: z.string() });
/** A ticket in a department's line goes to the front. */
export const PrioritiseCommand = z.object({ type: z.literal('prioritise'), department: dept, ticket });
/** Facilitator: start one of the level's live events. */
export const InjectCommand = z.object({ type: z.literal('inject'), event: z.string() });
/** Facilitator: more time before the end. */
export const ExtendCommand = z.object({ type: z.literal('extend'), seconds: z.number() });

export const CommandSchema = z.discriminatedUnion('type', [
  RouteCommand,
  SetPolicyCommand,
  MoveStaffCommand,
  GrantCommand,
  PrioritiseCommand,
  InjectCommand,
  ExtendCommand,
]);

/** Player and facilitator actions. Pause and speed live outside the sim. */
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>;

/** Every command type, in the order of the schema. */
export const COMMAND_TYPES: readonly CommandType[] = CommandSchema.options.map((o) => o.shape.type.value);

/**
 * A table with exactly one entry per command type: a command without its entry is a compile error.
 * `C` is the command union (a parameter so the type-level test can add a command).
 */
export type PerCommand<V, C extends { type: string } = Command> = { readonly [K in C['type']]: V };

export const TimedCommandSchema = z.object({
  at: z.number(),
  cmd: CommandSchema,
  /**
   * Number of sim events processed when the command was applied (timers of customers who had gone do
   * not count). Lets replay() put a command between two events that share the same time stamp; replay
   * never runs past `at` for it. Optional: without it replay uses advanceTo(at).
   */
  after: z.number().int().min(0).optional(),
});

/** A command with the sim time it was applied at. */
export type TimedCommand = z.infer<typeof TimedCommandSchema>;
