/**
 * The simulation engine. Pure and deterministic: same level + seed + timed commands give the same
 * state and hash, bit for bit. See types.ts for the contract.
 *
 *   const sim = createSim(level, seed);           // level: a validated Level (the sim never validates)
 *   sim.advanceTo(sim.now() + dt * speed);        // each frame; clamps at the level end
 *   const view = sim.view();                      // live read-only window, same objects every call
 *   for (const e of sim.drainEvents()) ...        // what happened since the last drain
 *   sim.apply({ type: 'route', ticket, to, care }) // { ok } or { ok: false, reason } in plain words
 *   sim.score(); sim.metrics(); sim.timeline(); sim.commandLog(); sim.snapshot(); sim.hash();
 *
 * Where a ticket is (view.departments[i] lists, ticket.phase, ticket.dept):
 *   queued   in dept.inbox, or in dept.pending (the sender writing notes, or fixing them after a bounce)
 *   service  a person at ticket.dept works on it; ticket.job = { kind, start, end }
 *   outbox   in dept.outbox, waiting to be routed
 *   transit  ticket.transit = { from, to, departAt, arriveAt }; ticket.dept is the destination
 * The view is live: its arrays and objects change as the sim runs. Copy what you need to keep.
 */
export { createSim, restoreSim, replay } from './sim';
export { runPolicy, type RunOptions } from './run';
export { policies, expectedHandoffCost, type PolicyName } from './policies';
export { scoreFrom } from './scoring';
export * from './types';
export { COMMAND_RULES, PLAYER_COMMANDS, careIsChosen, commandEnabled, playerGrants } from './actions';
export type { CommandRule, LevelAction, PlayerCommandType } from './actions';
export { causeOwner, causePlace, formatCause, isRipple, parseCause } from './causes';
export { deskAway, type DeskAway } from './awayView';
