/**
 * What the room server keeps so that a restart (graceful or kill -9) resumes every table: per session an
 * append-only journal of small JSON events (the session, its tables and devices, seats, each round's
 * level and seed, every logged command with its sim time, the clock about once a second). Written as it
 * happens: to disk by default (one `.jsonl` file per session), to Redis when REDIS_URL is set.
 *
 * The journal's format and stores only: server/restore.ts folds a journal back into a LiveSession.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TimedCommandSchema } from '../src/contract/commands';

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
  /** The table the facilitator put on the projector ('' lets the projector pick). */
  z.object({ e: z.literal('projector'), table: z.string() }),
  /** The level the facilitator chose for the next round. */
  z.object({ e: z.literal('next'), level: z.string() }),
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
