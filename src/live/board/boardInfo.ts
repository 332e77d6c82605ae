/**
 * What a live board reports about itself (window.__rippleLive.info(), read by the browser tests and the
 * live bench): what it shows and whose choice that was, the clocks, every replica's hash, the commands
 * sent and answered, and the official result shown. Read-only: gathering it changes nothing on screen.
 */
import type { ResultMessage } from '../protocol';
import type { TableReplicas } from '../replicas';

export interface LiveBoardInfo {
  role: 'table' | 'projector';
  /** The table whose board is shown. */
  table: string | null;
  /** 'scores': the projector's own choice had its round end; it shows every table's score only. */
  showing: 'waiting' | 'play' | 'results' | 'scores';
  /** The facilitator picked the shown table ("Show on projector"); false for the projector's own choice. */
  chosen: boolean;
  run: number;
  /** The server's last known sim time and the board's. */
  serverT: number;
  boardT: number | null;
  paused: boolean;
  /** The shown board's state hash now, and every replica's (by table). */
  hash: string | null;
  hashes: Record<string, { run: number; t: number; count: number; hash: string | null; over: boolean }>;
  checked: number;
  diverged: number;
  seats: string[];
  /** Commands sent, acknowledged, refused by the server, waiting for an answer. */
  sent: number;
  acked: number;
  refused: number;
  pending: number;
  /** The shown table's replica: rebuilds, messages refused, why it last asked for the whole round. */
  replica: { rebuilds: number; rejected: number; lastReason: string | null } | null;
  /** The official result shown (its hash), if any. */
  result: { run: number; hash: string; total: number } | null;
  connected: boolean;
}

/** What the board knows that the report needs. */
export interface BoardFacts {
  role: LiveBoardInfo['role'];
  table: string | null;
  showing: LiveBoardInfo['showing'];
  chosen: boolean;
  replicas: TableReplicas;
  results: ReadonlyMap<string, ResultMessage>;
  seats: string[];
  counts: { sent: number; acked: number; refused: number };
  pending: number;
  connected: boolean;
}

export function describeBoard(f: BoardFacts): LiveBoardInfo {
  const id = f.table;
  const r = id ? f.replicas.get(id) : undefined;
  const t = r?.target();
  const hashes: LiveBoardInfo['hashes'] = {};
  for (const tid of f.replicas.tables()) {
    const x = f.replicas.get(tid)!;
    x.sync();
    const s = x.sim();
    hashes[tid] = {
      run: x.target()?.run ?? -1,
      t: s?.now() ?? 0,
      count: x.target()?.log.length ?? 0,
      hash: s ? s.hash() : null,
      over: s?.isOver() ?? false,
    };
  }
  const res = id ? f.results.get(id) : undefined;
  const { checked, diverged } = f.replicas.checks();
  return {
    role: f.role,
    table: id,
    showing: f.showing,
    chosen: f.chosen,
    run: t?.run ?? -1,
    serverT: t?.t ?? 0,
    boardT: r?.sim()?.now() ?? null,
    paused: t?.paused ?? true,
    hash: r?.sim()?.hash() ?? null,
    hashes,
    checked,
    diverged,
    seats: f.seats,
    ...f.counts,
    pending: f.pending,
    result: res ? { run: res.run, hash: res.hash, total: res.score.total } : null,
    replica: r
      ? { rebuilds: r.status().rebuilds, rejected: r.status().rejected, lastReason: r.status().lastReason }
      : null,
    connected: f.connected,
  };
}
