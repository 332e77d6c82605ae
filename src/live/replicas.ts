/**
 * A device's replicas of the tables it shows: one round-log replica (src/roundlog) per table, fed by
 * the room server's 'log' messages. A table's device holds one, the projector and the facilitator's
 * view one per table. Each replica trusts only its table's authority (`room:<code>:<table>`), checks
 * every message with the shared contract, compares state hashes with the server's checks, and says
 * when it needs the whole round again (the caller then sends 'catchup').
 */
import { createReplica, parseLogMessage, type Replica, type ReplayFn } from '../roundlog/index';

export interface TableReplicas {
  /** Takes one 'log' message; returns the table id when that replica wants the whole round. */
  receive(data: unknown): string | null;
  get(table: string): Replica | undefined;
  tables(): string[];
  /** Runs every replica on by `wallSeconds` (between the server's ticks). */
  frame(wallSeconds: number): void;
  /** Hash checks that matched and that did not, over every table. */
  checks(): { checked: number; diverged: number };
}

export function createTableReplicas(code: string, replay: ReplayFn): TableReplicas {
  const replicas = new Map<string, Replica>();
  return {
    receive(data) {
      const d = data as { table?: unknown; msg?: unknown } | null;
      if (!d || typeof d.table !== 'string' || d.table.length > 64) return null;
      const msg = parseLogMessage(d.msg);
      if (!msg) return null;
      let r = replicas.get(d.table);
      if (!r) {
        r = createReplica(replay, { authority: `room:${code}:${d.table}`, maxLeadSeconds: 0.4 });
        replicas.set(d.table, r);
      }
      const verdict = r.receive(msg);
      r.sync();
      return verdict === 'resync' || r.wantsRound() ? d.table : null;
    },
    get: (table) => replicas.get(table),
    tables: () => [...replicas.keys()],
    frame(wallSeconds) {
      for (const r of replicas.values()) r.frame(wallSeconds);
    },
    checks() {
      let checked = 0;
      let diverged = 0;
      for (const r of replicas.values()) {
        const s = r.status();
        checked += s.checked;
        diverged += s.diverged;
      }
      return { checked, diverged };
    },
  };
}
