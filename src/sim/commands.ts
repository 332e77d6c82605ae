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
 */
import { extendLevel } from './engine';
import { route } from './handoffs';
import { refreshAway, startJobs, touch, updateStatus } from './jobs';
import { startLevelEvent } from './levelEvents';
import { grantRequest } from './requests';
import type { ApplyResult, Command } from './types';
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

function run(w: World, cmd: Command): ApplyResult {
  const s = w.s;
  const level = w.st.level;
  if (s.over) return no('The level is over.');
  switch (cmd.type) {
    case 'route': {
      if (!level.actions.route) return no('Work moves on by itself in this level, so there is nothing to route.');
      const to = findDept(w, cmd.to);
      if (to < 0) return unknownDept(cmd.to);
      const T = s.tickets.get(cmd.ticket);
      if (!T) return no(`Ticket ${cmd.ticket} is no longer here: its customer has already left.`);
      if (T.phase !== 'outbox') return no(`${T.customer}'s ticket is not waiting in an outbox yet, so it cannot be sent on.`);
      if (T.di === to) return no(`${T.customer}'s ticket is already at ${deptName(w, to)}.`);
      const from = T.di;
      const care = level.actions.handoffCare && (cmd.care === 'quick' || cmd.care === 'thorough') ? cmd.care : s.depts[from]!.care;
      route(w, T, from, to, care, false);
      return OK;
    }
    case 'setPolicy': {
      if (!level.actions.handoffCare) return no('Handoff care is fixed in this level.');
      const di = findDept(w, cmd.department);
      if (di < 0) return unknownDept(cmd.department);
      if (cmd.care !== 'quick' && cmd.care !== 'thorough') return no('Handoff care is either "quick" or "thorough".');
      s.depts[di]!.care = cmd.care;
      return OK;
    }
    case 'moveStaff': {
      if (!level.actions.moveStaff) return no('People cannot be moved between departments in this level.');
      const from = findDept(w, cmd.from);
      if (from < 0) return unknownDept(cmd.from);
      const to = findDept(w, cmd.to);
      if (to < 0) return unknownDept(cmd.to);
      if (from === to) return no('Pick two different departments to move someone.');
      const d = s.depts[from]!;
      if (d.staff - d.moves.length <= 1) return no(`${deptName(w, from)} needs to keep at least one person.`);
      if (d.staff - d.absent - d.busy > 0) {
        const dt = s.depts[to]!;
        touch(s, d);
        touch(s, dt);
        d.staff--;
        dt.staff++;
        if (w.rec) {
          w.out.push({ type: 'staff', t: s.t, dept: d.id, staff: d.staff, away: d.away });
          w.out.push({ type: 'staff', t: s.t, dept: dt.id, staff: dt.staff, away: dt.away });
        }
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
    case 'grant': {
      const ri = typeof cmd.request === 'string' ? (w.st.requestIndex.get(cmd.request) ?? -1) : -1;
      if (ri < 0) return no(`There is no internal request called "${String(cmd.request)}".`);
      const cfg = level.internalRequests[ri]!;
      if (!level.actions.grantRequests && !cfg.autoGrant) return no('Internal requests cannot be granted in this level.');
      const r = s.reqs[ri]!;
      if (r.status === 'pending') return no(`"${cfg.title}" has not been asked for yet.`);
      if (r.granted) return no(`"${cfg.title}" is already granted.`);
      grantRequest(w, ri);
      return OK;
    }
    case 'prioritise': {
      if (!level.actions.reprioritise) return no('Queues cannot be reordered in this level.');
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
    case 'inject': {
      const e = typeof cmd.event === 'string' ? (w.st.eventIndex.get(cmd.event) ?? -1) : -1;
      if (e < 0) return no(`There is no event called "${String(cmd.event)}" in this level.`);
      const info = w.st.events[e]!;
      if (info.scheduled) return no(`"${info.key}" is scheduled and starts by itself.`);
      if (s.evActive[e]) return no(`"${info.key}" is already happening.`);
      startLevelEvent(w, e);
      return OK;
    }
    case 'extend': {
      const secs = cmd.seconds;
      if (typeof secs !== 'number' || !Number.isFinite(secs) || secs <= 0) return no('Extend by a positive number of seconds.');
      if (secs > 3600) return no('Extend by at most an hour at a time.');
      extendLevel(w, secs);
      return OK;
    }
    default:
      return no('Unknown command.');
  }
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
