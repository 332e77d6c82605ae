/**
 * A server restart (graceful or kill -9) resumes every table: `restoreSession` folds a session's journal
 * (server/journal.ts) back into a LiveSession with the same seeds and logs, so every round replays to
 * where it was.
 */
import type { Level } from '../src/level/schema';
import type { LogEntry, RoundStatus, SeatMode } from '../src/live/protocol';
import type { JournalEvent } from './journal';
import { LiveSession, type Table } from './session';
import { TableRound } from './tableRound';

interface RoundDraft {
  run: number;
  level: Level;
  seed: number;
  log: LogEntry[];
  t: number;
  status: RoundStatus;
}

/**
 * The session a journal describes, or null when it has none (or it was closed). Rounds are rebuilt by
 * replaying their logs to the last noted time; results of finished rounds are recomputed the same way.
 */
export function restoreSession(
  events: readonly JournalEvent[],
  levels: (id: string) => Level | undefined,
  journal: (e: JournalEvent) => void,
): LiveSession | null {
  const head = events[0];
  if (!head || head.e !== 'session' || events.some((e) => e.e === 'closed')) return null;
  const session = new LiveSession(head.code, head.key, head.seats as SeatMode, levels, journal, false);
  const drafts = new Map<string, RoundDraft>();
  const seqs = new Map<string, number>();
  const finishDraft = (table: Table) => {
    const d = drafts.get(table.id);
    if (!d) return;
    table.round = new TableRound(table.id, d.run, d.level, d.seed, session.authorityId(table), {
      log: d.log,
      simTime: d.t,
      status: d.status,
    });
    if (table.round.status === 'over') table.results.push(table.round.result(table.team));
  };
  session.withoutJournal(() => {
    for (const e of events) {
      const table = 'table' in e && typeof e.table === 'string' ? session.tables.get(e.table) : undefined;
      switch (e.e) {
        case 'table':
          session.addTable(e.id, e.team);
          break;
        case 'device':
          if (table) session.addDevice(table, e.device);
          break;
        case 'seat': {
          if (!table) break;
          const old = table.seats.get(e.seat);
          if (old) table.devices.get(old)?.seats.delete(e.seat);
          if (e.device === null) table.seats.delete(e.seat);
          else {
            table.seats.set(e.seat, e.device);
            table.devices.get(e.device)?.seats.add(e.seat);
          }
          break;
        }
        case 'round': {
          const level = levels(e.level);
          if (!table || !level) break;
          finishDraft(table);
          drafts.set(e.table, { run: e.run, level, seed: e.seed, log: [], t: 0, status: 'waiting' });
          break;
        }
        case 'status':
        case 'time': {
          const d = drafts.get(e.table);
          if (!d || d.run !== e.run) break;
          d.t = Math.max(d.t, e.t);
          if (e.e === 'status') d.status = e.status;
          break;
        }
        case 'cmd': {
          const d = drafts.get(e.table);
          if (!d || d.run !== e.run) break;
          d.log.push(e.entry as LogEntry);
          d.t = Math.max(d.t, e.entry.at);
          if (e.device !== undefined && e.seq !== undefined) seqs.set(`${e.table}|${e.device}`, e.seq);
          break;
        }
        case 'leaderboard':
          session.leaderboard = e.show;
          break;
        case 'projector':
          session.projector = session.tables.has(e.table) ? e.table : '';
          break;
        case 'next':
          if (levels(e.level)) session.defaultLevel = e.level;
          break;
        case 'session':
        case 'closed':
          break;
      }
    }
    for (const table of session.tables.values()) {
      finishDraft(table);
      for (const device of table.devices.values())
        device.lastSeq = seqs.get(`${table.id}|${device.token}`) ?? -1;
    }
  });
  return session;
}
