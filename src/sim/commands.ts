/**
 * Player and facilitator commands. Every command is logged with its time (refusals too, so a replay
 * reproduces them) and refusals explain themselves in plain words and change nothing.
 *
 *  route       only tickets in an outbox; care is the player's choice when the level enables handoff
 *              care, else the sender's standing policy (a given care is then ignored, not refused).
 *  moveStaff   moves one person now if one is free; if everyone present is busy, the next one to finish
 *              a job moves (ok is returned at once); refused when the source would drop below one
 *              person or nobody there is present. Pending moves lapse if the source loses staff.
 *  grant       open or late requests, when the level enables granting or the request is autoGrant.
 *  prioritise  a ticket in that department's inbox goes to the front.
 *  inject      facilitator-triggered events only, one at a time each.
 *  extend      1 s to 1 h more, before the end.
 *
 * Dispatch: the action table (./actions.ts) gates each command by the level action that enables it,
 * then the command's entry in HANDLERS runs it. Both tables are typed per command type, so a new
 * command in the contract (src/contract/commands.ts) does not compile until it has both.
 */
import { extendLevel } from './engine';
import { careIsChosen, commandEnabled, COMMAND_RULES } from './actions';
import { movePerson, refreshAway, updateStatus } from './desks';
import { grantRequest, route as routeTicket, startJobs, startLevelEvent } from './dispatch';
import type { ApplyResult, Command, CommandOf, CommandType } from './types';
import type { World } from './state';

const no = (reason: string): ApplyResult => ({ ok: false, reason });
const OK: ApplyResult = { ok: true };

function deptName(w: World, di: number): string {
  return w.st.level.departments[di]!.name;
}

function findDept(w: World, id: unknown): number {
  return typeof id === 'string' ? (w.st.deptIndex.get(id) ?? -1) : -1;
}

function unknownDept(id: unknown): ApplyResult {
  return no(`There is no department called "${String(id)}" in this level.`);
}

function route(w: World, cmd: CommandOf<'route'>): ApplyResult {
  const s = w.s;
  const to = findDept(w, cmd.to);
  if (to < 0) return unknownDept(cmd.to);
  const T = s.tickets.get(cmd.ticket);
  if (!T) return no(`Ticket ${cmd.ticket} is no longer here: its customer has already left.`);
  if (T.phase !== 'outbox') return no(`${T.customer}'s ticket is not waiting in an outbox yet, so it cannot be sent on.`);
  if (T.di === to) return no(`${T.customer}'s ticket is already at ${deptName(w, to)}.`);
  const from = T.di;
  const care = careIsChosen(w.st.level.actions) && (cmd.care === 'quick' || cmd.care === 'thorough') ? cmd.care : s.depts[from]!.care;
  routeTicket(w, T, from, to, care, false);
  return OK;
}

function setPolicy(w: World, cmd: CommandOf<'setPolicy'>): ApplyResult {
  const di = findDept(w, cmd.department);
  if (di < 0) return unknownDept(cmd.department);
  if (cmd.care !== 'quick' && cmd.care !== 'thorough') return no('Handoff care is either "quick" or "thorough".');
  w.s.depts[di]!.care = cmd.care;
  return OK;
}

function moveStaff(w: World, cmd: CommandOf<'moveStaff'>): ApplyResult {
  const s = w.s;
  const from = findDept(w, cmd.from);
  if (from < 0) return unknownDept(cmd.from);
  const to = findDept(w, cmd.to);
  if (to < 0) return unknownDept(cmd.to);
  if (from === to) return no('Pick two different departments to move someone.');
  const d = s.depts[from]!;
  if (d.staff - d.moves.length <= 1) return no(`${deptName(w, from)} needs to keep at least one person.`);
  if (d.staff - d.absent - d.busy > 0) {
    const dt = s.depts[to]!;
    movePerson(w, from, to);
    refreshAway(w, d);
    refreshAway(w, dt);
    startJobs(w, dt, to);
    return OK;
  }
  if (d.busy > d.moves.length) {
    d.moves.push(to); // the next person to finish a job moves
    return OK;
  }
  return no(`Nobody at ${deptName(w, from)} can move right now.`);
}

function requestIndex(w: World, id: unknown): number {
  return typeof id === 'string' ? (w.st.requestIndex.get(id) ?? -1) : -1;
}

function grant(w: World, cmd: CommandOf<'grant'>): ApplyResult {
  const ri = requestIndex(w, cmd.request);
  if (ri < 0) return no(`There is no internal request called "${String(cmd.request)}".`);
  const cfg = w.st.level.internalRequests[ri]!;
  const r = w.s.reqs[ri]!;
  if (r.status === 'pending') return no(`"${cfg.title}" has not been asked for yet.`);
  if (r.granted) return no(`"${cfg.title}" is already granted.`);
  grantRequest(w, ri);
  return OK;
}

function prioritise(w: World, cmd: CommandOf<'prioritise'>): ApplyResult {
  const s = w.s;
  const di = findDept(w, cmd.department);
  if (di < 0) return unknownDept(cmd.department);
  const d = s.depts[di]!;
  const i = d.inbox.indexOf(cmd.ticket);
  if (i < 0) return no(`That ticket is not waiting in the queue of ${deptName(w, di)}.`);
  const T = s.tickets.get(cmd.ticket)!;
  d.inbox.splice(i, 1);
  d.inbox.unshift(T.id);
  T.qSeq = --d.seqFront;
  updateStatus(w, d, di);
  return OK;
}

function inject(w: World, cmd: CommandOf<'inject'>): ApplyResult {
  const e = typeof cmd.event === 'string' ? (w.st.eventIndex.get(cmd.event) ?? -1) : -1;
  if (e < 0) return no(`There is no event called "${String(cmd.event)}" in this level.`);
  const info = w.st.events[e]!;
  if (info.scheduled) return no(`"${info.key}" is scheduled and starts by itself.`);
  if (w.s.evActive[e]) return no(`"${info.key}" is already happening.`);
  startLevelEvent(w, e);
  return OK;
}

function extend(w: World, cmd: CommandOf<'extend'>): ApplyResult {
  const secs = cmd.seconds;
  if (typeof secs !== 'number' || !Number.isFinite(secs) || secs <= 0) return no('Extend by a positive number of seconds.');
  if (secs > 3600) return no('Extend by at most an hour at a time.');
  extendLevel(w, secs);
  return OK;
}

/** One handler per command type; `C` is a parameter only so the type-level test can add a command. */
export type CommandHandlers<C extends { type: string } = Command> = {
  readonly [K in C['type']]: (w: World, cmd: Extract<C, { type: K }>) => ApplyResult;
};

export const HANDLERS: CommandHandlers = { route, setPolicy, moveStaff, grant, prioritise, inject, extend };

/**
 * Items a level switch does not cover: an auto-granted request can be granted in any level (and an
 * unknown request is left to the handler, which names it).
 */
const ALLOWED_ANYWAY: { readonly [K in CommandType]?: (w: World, cmd: CommandOf<K>) => boolean } = {
  grant: (w, cmd) => {
    const ri = requestIndex(w, cmd.request);
    return ri < 0 || w.st.level.internalRequests[ri]!.autoGrant;
  },
};

function run(w: World, cmd: Command): ApplyResult {
  if (w.s.over) return no('The level is over.');
  const type: CommandType = cmd.type;
  if (!Object.hasOwn(HANDLERS, type)) return no('Unknown command.');
  if (!commandEnabled(w.st.level.actions, type)) {
    const anyway = ALLOWED_ANYWAY[type] as ((w: World, cmd: Command) => boolean) | undefined;
    if (!anyway?.(w, cmd)) return no(COMMAND_RULES[type].refusal);
  }
  // The table is typed per command; TypeScript cannot correlate cmd.type with its entry, so widen here.
  const handler = HANDLERS[type] as (w: World, cmd: Command) => ApplyResult;
  return handler(w, cmd);
}

/**
 * Apply and log a command. Once the level is over commands are refused and not logged (they cannot
 * change anything, and a replay could not tell "over" from "at the last event").
 */
export function applyCommand(w: World, cmd: Command): ApplyResult {
  const s = w.s;
  const at = s.t;
  const after = s.processed;
  const over = s.over;
  const result = run(w, cmd);
  if (!over) s.log.push({ at, cmd: { ...cmd }, after });
  if (w.rec) w.out.push({ type: 'command', t: at, cmd: { ...cmd }, result });
  return result;
}
