/**
 * "Add a command" is compiler-guided. The @ts-expect-error lines are the type-level test, checked by
 * `npm run typecheck`: each must meet a compile error, or tsc fails with "Unused '@ts-expect-error'".
 * They add a command to the schema (as a maintainer would) and show that the handler table, the action
 * table and the players' words each refuse to compile until the new command has its entry.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMAND_WORDS, type CommandWords } from '../game/commandWords';
import { SessionSchema } from '../facilitator/session/sessionSchema';
import { makeSession } from '../facilitator/testing/testFixtures';
import { COMMAND_RULES, PLAYER_COMMANDS, type CommandRule, type PlayerCommandType } from '../sim/actions';
import { HANDLERS, type CommandHandlers } from '../sim/commands';
import { COMMAND_TYPES, CommandSchema, TimedCommandSchema, type PerCommand } from './commands';

// A maintainer adds a command to the schema...
const WithWave = z.discriminatedUnion('type', [...CommandSchema.options, z.object({ type: z.literal('wave'), to: z.string() })]);
type WithWave = z.infer<typeof WithWave>;

// ...and until it has a handler, the handler table does not compile:
// @ts-expect-error Property 'wave' is missing: a command without a handler
const _handlers: CommandHandlers<WithWave> = HANDLERS;
// ...nor the action table, until it says which level action enables the command:
// @ts-expect-error Property 'wave' is missing: a command without an entry in the action table
const _rules: PerCommand<CommandRule, WithWave> = COMMAND_RULES;
// ...nor, for a player command, the words the briefing and the board use:
// @ts-expect-error Property 'wave' is missing: a player command without its words
const _words: PerCommand<CommandWords, { type: PlayerCommandType | 'wave' }> = COMMAND_WORDS;

// With each entry written, the same command compiles.
const _complete: CommandHandlers<WithWave> = { ...HANDLERS, wave: () => ({ ok: true }) };
const _ruled: PerCommand<CommandRule, WithWave> = {
  ...COMMAND_RULES,
  wave: { by: 'player', action: 'route', refusal: 'No waving here.' },
};

describe('the command contract', () => {
  it('has one handler and one action-table entry per command of the schema, and words per player command', () => {
    expect(COMMAND_TYPES).toEqual(['route', 'setPolicy', 'moveStaff', 'grant', 'prioritise', 'inject', 'extend']);
    expect(Object.keys(HANDLERS).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(COMMAND_RULES).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(COMMAND_WORDS).sort()).toEqual([...PLAYER_COMMANDS].sort());
    expect(PLAYER_COMMANDS).toEqual(['route', 'setPolicy', 'moveStaff', 'grant', 'prioritise']);
    expect(WithWave.parse({ type: 'wave', to: 'it' })).toEqual({ type: 'wave', to: 'it' });
    expect([_handlers, _rules, _words, _complete, _ruled].every(Boolean)).toBe(true);
  });

  it('validates commands at the edge, and session files use the very same schema', () => {
    expect(CommandSchema.safeParse({ type: 'route', ticket: 3, to: 'billing', care: 'thorough' }).success).toBe(true);
    expect(CommandSchema.safeParse({ type: 'route', ticket: 1.5, to: 'billing' }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'setPolicy', department: 'it', care: 'sloppy' }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'dance' }).success).toBe(false);
    expect(TimedCommandSchema.safeParse({ at: 4, cmd: { type: 'extend', seconds: 60 }, after: -1 }).success).toBe(false);

    // A session file whose command log holds a command the contract does not know is refused, in place.
    const good = makeSession();
    expect(SessionSchema.safeParse(good).success).toBe(true);
    const bad = JSON.parse(JSON.stringify(good)) as { rounds: { result?: { commandLog: unknown[] } }[] };
    bad.rounds[0]!.result!.commandLog.push({ at: 20, cmd: { type: 'dance', ticket: 1 } });
    const r = SessionSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['rounds', 0, 'result', 'commandLog', 1, 'cmd', 'type']);
  });
});
