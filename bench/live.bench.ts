/**
 * Live room server under a workshop's load, on loopback only: one server process (a child, so its CPU
 * and memory are its own), one facilitator, 60 tables x 5 seats of bounded SDK clients, one department
 * each, playing one round of "every-job" with the built-in wholistic player restricted to their desk.
 * The round runs at LIVE_BENCH_SPEED sim seconds per wall second (default 6) so it fits in the bench.
 *
 * Prints join latency p95 (join request to welcome), command round-trip p95 (send to ack; target under
 * 50 ms), and the server's CPU share and resident memory sampled over the round (target: flat).
 * Every loop is bounded in count and time, and the server is stopped at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, type Room } from '@colyseus/sdk';
import { PROTOCOL_VERSION, ROOM_NAME, type AckMessage } from '../src/live/protocol';
import { createTableReplicas, type TableReplicas } from '../src/live/replicas';
import { commandDepartment } from '../src/live/seatRules';
import { policies, replay } from '../src/sim/index';
import type { Command, Sim } from '../src/sim/types';

const TABLES = Number(process.env.LIVE_BENCH_TABLES ?? 60);
const SEATS = 5;
const SPEED = Number(process.env.LIVE_BENCH_SPEED ?? 6);
const LEVEL = 'every-job';
const WALL_LIMIT_MS = 240_000;
const DECIDE_MS = 1000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const pct = (xs: number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const p95 = (xs: number[]) => pct(xs, 0.95);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function procSample(pid: number): { cpu: number; rss: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 a second)
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  return { cpu: ticks / 100, rss };
}

/** Whose desk a command is: the same rule the room server and the devices apply (src/live/seatRules.ts). */
const departmentOf = (sim: Sim, cmd: Command): string | null =>
  commandDepartment(cmd, sim.level, (ticket) => sim.ticket(ticket)?.dept) || null;

interface Bot {
  room: Room;
  seat: string;
  seq: number;
  sent: Map<number, number>;
  tried: Set<string>;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ripple-live-bench-'));
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'server/main.ts'),
      '--no-game',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--journal',
      dir,
      '--speed',
      String(SPEED),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, REDIS_URL: '' } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 30_000);
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /room server: (ws:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  const started = Date.now();
  const stopAll: Room[] = [];
  try {
    const fac = await new Client(url).create(ROOM_NAME, {
      role: 'facilitator',
      version: PROTOCOL_VERSION,
      key: 'bench-facilitator-key-000000',
      seats: 'departments',
    });
    stopAll.push(fac);
    // Registered at once: the room greets its facilitator as soon as it joins.
    fac.onMessage('welcome', () => {});
    fac.onMessage('log', () => {});
    const code = fac.roomId;

    // Join: 60 tables x 5 devices, ten at a time.
    const joins: number[] = [];
    const tables: Array<{ team: string; id: string; bots: Bot[]; replicas: TableReplicas }> = [];
    for (let t = 0; t < TABLES; t++)
      tables.push({ team: `Table ${t + 1}`, id: '', bots: [], replicas: createTableReplicas(code, replay) });
    const jobs: Array<() => Promise<void>> = [];
    for (const table of tables)
      for (let s = 0; s < SEATS; s++)
        jobs.push(async () => {
          const t0 = performance.now();
          const room = await new Client(url).joinById(code, {
            role: 'table',
            version: PROTOCOL_VERSION,
            team: table.team,
          });
          // Every message a table's device is sent, registered before the first can arrive (the SDK logs
          // "onMessage() not registered" for any other): the seats it holds, claim answers, refusals, results.
          for (const type of ['seats', 'seat', 'refused', 'result']) room.onMessage(type, () => {});
          await new Promise<void>((resolve) =>
            room.onMessage('welcome', (w: { table?: string }) => {
              table.id = w.table ?? '';
              resolve();
            }),
          );
          joins.push(performance.now() - t0);
          stopAll.push(room);
          const bot: Bot = { room, seat: '', seq: 0, sent: new Map(), tried: new Set() };
          table.bots.push(bot);
          room.onMessage('ack', (a: AckMessage) => {
            const at = bot.sent.get(a.seq);
            if (at !== undefined) {
              rtts.push(performance.now() - at);
              bot.sent.delete(a.seq);
            }
          });
          // One replica per table, fed by its first device (the others get the same messages).
          if (s === 0)
            room.onMessage('log', (m: unknown) => {
              const r0 = performance.now();
              const want = table.replicas.receive(m);
              busy.replica += performance.now() - r0;
              if (want) room.send('catchup', { table: want });
            });
          else room.onMessage('log', () => {});
        });
    const rtts: number[] = [];
    const busy = { decide: 0, replica: 0 };
    for (let i = 0; i < jobs.length; i += 10) await Promise.all(jobs.slice(i, i + 10).map((j) => j()));
    const joinedAt = Date.now();

    fac.onMessage('done', (d: unknown) => {
      if (process.env.LIVE_BENCH_DEBUG) console.log('done', JSON.stringify(d));
    });
    fac.send('control', { action: 'start', levelId: LEVEL, seed: 42 });
    for (let i = 0; i < 100 && !tables.every((t) => t.replicas.get(t.id)?.sim()); i++) await sleep(100);
    const level = tables[0]!.replicas.get(tables[0]!.id)?.sim()?.level;
    if (!level)
      throw new Error(
        `the round did not reach the tables: ${JSON.stringify(tables.map((t) => [t.id, t.replicas.tables(), t.replicas.get(t.id)?.status()]))}`,
      );
    const depts = level.departments.map((d) => d.id);
    for (const table of tables)
      table.bots.forEach((bot, i) => {
        bot.seat = depts[i % depts.length]!;
        bot.room.send('claim', { seat: bot.seat });
      });

    // Play: every bot decides once a second for its own desk, at most two commands a turn.
    const samples: Array<{ t: number; cpu: number; rss: number }> = [];
    const policy = tables.map(() => policies.wholistic(42));
    const roundSeconds = level.durationSeconds / SPEED;
    const until = Date.now() + Math.min(WALL_LIMIT_MS, (roundSeconds + 5) * 1000);
    // Each table decides once a second, the tables spread over the second, so the clients' own event
    // loop never holds acks back for long (its delay is printed too).
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let over = 0;
    const timers = tables.map((table, ti) =>
      setTimeout(
        () => {
          const step = () => {
            const sim = table.replicas.get(table.id)?.sim();
            if (!sim) return;
            if (sim.isOver()) {
              over++;
              clearInterval(every);
              return;
            }
            const d0 = performance.now();
            const cmds = policy[ti]!.decide(sim.view(), sim);
            busy.decide += performance.now() - d0;
            for (const bot of table.bots) {
              let n = 0;
              for (const cmd of cmds) {
                if (n >= 2 || departmentOf(sim, cmd) !== bot.seat) continue;
                const key = JSON.stringify(cmd);
                if (bot.tried.has(key)) continue;
                bot.tried.add(key);
                bot.sent.set(bot.seq, performance.now());
                bot.room.send('cmd', { seq: bot.seq++, cmd });
                n++;
              }
            }
          };
          const every = setInterval(step, DECIDE_MS);
          intervals.push(every);
        },
        (ti * DECIDE_MS) / tables.length,
      ),
    );
    const intervals: NodeJS.Timeout[] = [];
    while (Date.now() < until && over < tables.length) {
      samples.push({ t: (Date.now() - joinedAt) / 1000, ...procSample(server.pid!) });
      await sleep(2000);
    }
    for (const t of timers) clearTimeout(t);
    for (const t of intervals) clearInterval(t);
    lag.disable();
    await sleep(500);
    samples.push({ t: (Date.now() - joinedAt) / 1000, ...procSample(server.pid!) });

    const third = Math.max(1, Math.floor(samples.length / 3));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rssEarly = mean(samples.slice(0, third).map((s) => s.rss));
    const rssLate = mean(samples.slice(-third).map((s) => s.rss));
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const cpuShare = (last.cpu - first.cpu) / Math.max(1e-9, last.t - first.t);
    const finished = tables.filter((t) => t.replicas.get(t.id)?.sim()?.isOver()).length;
    const checks = tables.reduce((a, t) => a + t.replicas.checks().checked, 0);
    const diverged = tables.reduce((a, t) => a + t.replicas.checks().diverged, 0);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    console.log(
      `live: ${TABLES} tables x ${SEATS} seats (${TABLES * SEATS} devices + 1 facilitator), level ${LEVEL} at ${SPEED}x, one server process`,
    );
    console.log(
      `  join latency           p95 ${p95(joins).toFixed(1)} ms (median ${pct(joins, 0.5).toFixed(1)} ms), ${joins.length} joins`,
    );
    console.log(
      `  command round trip     p95 ${p95(rtts).toFixed(1)} ms (median ${pct(rtts, 0.5).toFixed(1)} ms) over ${rtts.length} commands (target < 50 ms)`,
    );
    console.log(
      `  server CPU             ${(cpuShare * 100).toFixed(0)}% of one core over ${(last.t - first.t).toFixed(0)} s`,
    );
    console.log(
      `  server memory (RSS)    ${mb(first.rss)} MB at the start, ${mb(rssEarly)} MB first third, ${mb(rssLate)} MB last third, ${mb(Math.max(...samples.map((s) => s.rss)))} MB peak`,
    );
    console.log(
      `  rounds finished        ${finished} of ${TABLES}; replica hash checks ${checks} matched, ${diverged} differed`,
    );
    console.log(
      `  bench clients' event loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms (their own load, in the round trips: replicas ${(busy.replica / 1000).toFixed(1)} s, players' decisions ${(busy.decide / 1000).toFixed(1)} s); machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    );
    console.log(`  wall time              ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const ok = p95(rtts) < 50 && rssLate < rssEarly * 1.5 && diverged === 0;
    if (!ok)
      console.log('  TARGET MISSED: round trip p95 >= 50 ms, memory grew by half, or a replica differed');
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const r of stopAll) r.leave(true).catch(() => {});
    await sleep(300);
    server.kill('SIGTERM');
    await sleep(500);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

main().then(
  () => process.exit(),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
