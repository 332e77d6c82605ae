/**
 * What the room server keeps so that a restart (graceful or kill -9) resumes every table: per session an
 * append-only journal of small JSON events (the session, its tables and devices, seats, each round's
 * level and seed, every logged command with its sim time, the clock about once a second). Written as it
 * happens: to disk by default (one `.jsonl` file per session), to Redis when REDIS_URL is set.
 *
 * `restoreSession` folds a journal back into a LiveSession with the same seeds and logs, so every round
 * replays to where it was.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Level } from '../src/level/schema';
import { TimedCommandSchema } from '../src/contract/commands';
import type { LogEntry, RoundStatus, SeatMode } from '../src/live/protocol';
import { LiveSession, type Table } from './session';
import { TableRound } from './tableRound';

const Entry = z.intersection(TimedCommandSchema, z.object({ by: z.string() }));
const status = z.enum(['waiting', 'running', 'paused', 'over']);

export const JournalEventSchema = z.discriminatedUnion('e', [
  z.object({
    e: z.literal('session'),
    code: z.string(),
    key: z.string(),
    seats: z.enum(['board', 'departments']),
  }),
  z.object({ e: z.literal('table'), id: z.string(), team: z.string() }),
  z.object({ e: z.literal('device'), table: z.string(), device: z.string() }),
  z.object({ e: z.literal('seat'), table: z.string(), seat: z.string(), device: z.string().nullable() }),
  z.object({
    e: z.literal('round'),
    table: z.string(),
    run: z.number().int(),
    level: z.string(),
    seed: z.number().int(),
  }),
  z.object({ e: z.literal('status'), table: z.string(), run: z.number().int(), status, t: z.number() }),
  z.object({ e: z.literal('time'), table: z.string(), run: z.number().int(), t: z.number() }),
  z.object({
    e: z.literal('cmd'),
    table: z.string(),
    run: z.number().int(),
    entry: Entry,
    device: z.string().optional(),
    seq: z.number().int().optional(),
  }),
  z.object({ e: z.literal('leaderboard'), show: z.boolean() }),
  z.object({ e: z.literal('closed') }),
]);
export type JournalEvent = z.infer<typeof JournalEventSchema>;

/** Where journals live. Appends must be durable before the server answers the device. */
export interface JournalStore {
  append(code: string, e: JournalEvent): void;
  /** Every session journal, by code. */
  loadAll(): Promise<Map<string, JournalEvent[]>>;
  /** A finished session's journal is kept aside, no longer resumed. */
  close(code: string): Promise<void>;
  flush?(): Promise<void>;
}

/** One JSON line per event in `<dir>/<code>.jsonl`; appendFileSync, so a kill -9 loses nothing said. */
export class FileJournal implements JournalStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  append(code: string, e: JournalEvent): void {
    appendFileSync(join(this.dir, `${code}.jsonl`), JSON.stringify(e) + '\n');
  }
  async loadAll(): Promise<Map<string, JournalEvent[]>> {
    const out = new Map<string, JournalEvent[]>();
    if (!existsSync(this.dir)) return out;
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.jsonl')) continue;
      out.set(name.slice(0, -'.jsonl'.length), parseJournal(readFileSync(join(this.dir, name), 'utf8')));
    }
    return out;
  }
  async close(code: string): Promise<void> {
    const from = join(this.dir, `${code}.jsonl`);
    if (existsSync(from)) renameSync(from, join(this.dir, `${code}.closed`));
  }
}

/** Lines that do not parse (a line cut short by a crash) are skipped; everything before them counts. */
export function parseJournal(text: string): JournalEvent[] {
  const out: JournalEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JournalEventSchema.safeParse(JSON.parse(line));
      if (r.success) out.push(r.data);
    } catch {
      /* a torn last line */
    }
  }
  return out;
}

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
