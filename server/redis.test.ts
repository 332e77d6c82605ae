import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type AckMessage,
  type TableLogMessage,
  type WelcomeMessage,
} from '../src/live/protocol';
import type { CheckMsg, RoundMsg } from '../src/roundlog/index';
import { JournalEventSchema } from './journal';
import {
  createSession,
  device,
  joinTable,
  tempJournalDir,
  until,
  SPAWN_TEST_MS,
  SPAWN_WAIT_MS,
  type Device,
} from './testing';

// .ci/run installs Debian's redis-server when it is missing; a developer without it skips this file.
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis && process.env.CI)
  throw new Error('redis-server is missing: .ci/run installs it with apt-get install redis-server');

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children.reverse()) {
    c.kill('SIGTERM');
    await Promise.race([new Promise((r) => c.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    if (c.exitCode === null) c.kill('SIGKILL');
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function waitFor(child: ChildProcess, pattern: RegExp | (() => RegExp), what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    // Spawned processes compile or load first: on a busy CI machine that takes long, so the wait is
    // generous and ends early when the process dies.
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start: ${out.slice(-500)}`)),
      SPAWN_WAIT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it started: ${out.slice(-500)}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if ((typeof pattern === 'function' ? pattern() : pattern).test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

interface RoomServer {
  url: string;
  child: ChildProcess;
  /** Resolves when the process printed a line matching `pattern` (now or before). */
  said(pattern: RegExp): Promise<void>;
}

async function roomServer(port: number, redisUrl: string): Promise<RoomServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'main.ts'),
      '--no-game',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--journal',
      tempJournalDir(),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, REDIS_URL: redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}` },
    },
  );
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(child, /room server: ws:\/\//, `room server on ${port}`);
  return {
    url: `ws://127.0.0.1:${port}`,
    child,
    said: (pattern) =>
      pattern.test(out) ? Promise.resolve() : waitFor(child, () => pattern, `"${pattern.source}" on ${port}`),
  };
}

let redisUrl = '';
beforeAll(async () => {
  if (!hasRedis) return;
  const redisPort = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(redis);
  await waitFor(redis, /Ready to accept connections/, 'redis-server');
  redisUrl = `redis://127.0.0.1:${redisPort}`;
}, SPAWN_TEST_MS);

describe.skipIf(!hasRedis)('live room: several processes sharing a Redis presence', () => {
  it(
    'a table that asks the other process joins the session created on the first',
    async () => {
      const a = (await roomServer(await freePort(), redisUrl)).url;
      const b = (await roomServer(await freePort(), redisUrl)).url;

      const fac = await createSession(a, 'board', 'a-facilitator-key-for-redis-0001');
      const code = fac.room.roomId;
      const table = await joinTable(b, code, 'Across');
      expect((await table.next<WelcomeMessage>('welcome')).table).toBe('t1');
      // The facilitator, on process A, sees the table that asked process B.
      const tables = (fac.room.state as { tables: Map<string, { team: string }> }).tables;
      await until(() => tables.get('t1')?.team === 'Across', 'the table in the facilitator state');
      fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 2 });
      await table.next('log', (m: { msg: { kind: string } }) => m.msg.kind === 'round');
    },
    SPAWN_TEST_MS,
  );

  it(
    'a round in progress survives kill -9 of its process and resumes from the Redis journal at the same state hash',
    async () => {
      const key = 'a-facilitator-key-for-redis-0002';
      const a = await roomServer(await freePort(), redisUrl);
      const fac = await createSession(a.url, 'board', key);
      const code = fac.room.roomId;
      const table = await joinTable(a.url, code, 'Keepers');
      const welcome = await table.next<WelcomeMessage>('welcome');
      fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 9 });
      await table.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
      const tables = (fac.room.state as { tables: Map<string, { simTime: number }> }).tables;
      await until(() => (tables.get('t1')?.simTime ?? 0) >= 2, 'two minutes of sim time');
      // The table plays: two commands, acknowledged (a refused one is logged all the same).
      const depts = table.replicas
        .get('t1')!
        .sim()!
        .view()
        .departments.map((d) => d.id);
      table.room.send('cmd', { seq: 0, cmd: { type: 'moveStaff', from: depts[0]!, to: depts[1]! } });
      await table.next<AckMessage>('ack', (x) => x.seq === 0);
      table.room.send('cmd', { seq: 1, cmd: { type: 'setPolicy', department: depts[0]!, care: 'thorough' } });
      await table.next<AckMessage>('ack', (x) => x.seq === 1);
      await until(() => (tables.get('t1')?.simTime ?? 0) >= 4, 'four seconds of sim time');
      // The facilitator puts the table on the projector (journaled before the pause below).
      fac.room.send('project', { table: 't1' });
      await until(
        () => (fac.room.state as { projector: string }).projector === 't1',
        'the table on the projector',
      );
      // The facilitator pauses: the server's state hash at that moment, and the whole round as it stands.
      fac.room.send('control', { action: 'pause', table: 't1' });
      const paused = (await table.next<TableLogMessage>('log', (m) => m.msg.kind === 'round' && m.msg.paused))
        .msg as RoundMsg;
      const check = table
        .all<TableLogMessage>('log')
        .map((m) => m.msg)
        .filter((m): m is CheckMsg => m.kind === 'check')
        .at(-1)!;
      expect(check.t).toBe(paused.t);
      expect(paused.log.length).toBe(check.count);
      expect(paused.log.length).toBeGreaterThanOrEqual(2);
      expect(table.replicas.get('t1')!.sim()!.hash()).toBe(check.hash);

      // The pause is in Redis before the process dies (appends go out in order: everything before it too).
      const redis = new Redis(redisUrl);
      const journal = async () =>
        (await redis.lrange(`ripple-live:journal:${code}`, 0, -1)).map((l) =>
          JournalEventSchema.parse(JSON.parse(l)),
        );
      const start = Date.now();
      while (!(await journal()).some((e) => e.e === 'status' && e.status === 'paused')) {
        if (Date.now() - start > 60_000) throw new Error('the pause never reached the Redis journal');
        await new Promise((r) => setTimeout(r, 20));
      }
      a.child.kill('SIGKILL');
      await new Promise((r) => a.child.once('exit', r));

      // A new process with an empty disk journal: only Redis knows the session.
      const b = await roomServer(await freePort(), redisUrl);
      await b.said(new RegExp(`resumed \\d+ live session\\(s\\):.*${code}`));
      const back = await joinTable(b.url, code, 'Keepers', { device: welcome.device! });
      expect((await back.next<WelcomeMessage>('welcome')).table).toBe('t1');
      const round = (await back.next<TableLogMessage>('log', (m) => m.msg.kind === 'round')).msg as RoundMsg;
      expect(round).toMatchObject({ authority: `room:${code}:t1`, run: 1, paused: true, t: paused.t });
      expect(round.log).toEqual(paused.log);
      expect(back.replicas.get('t1')!.sim()!.hash()).toBe(check.hash);

      // The facilitator's key opens it on the new process; the round runs on from there and ends, and
      // the table's replica agrees with the server's checks and its official result.
      const fac2 = device(
        await new Client(b.url).joinById(code, { role: 'facilitator', version: PROTOCOL_VERSION, key }),
      );
      // The projector's table came back from the journal too.
      await until(
        () => (fac2.room.state as { projector: string }).projector === 't1',
        'the projector kept its table',
      );
      fac2.room.send('control', { action: 'resume', table: 't1' });
      await back.next<TableLogMessage>('log', (m) => m.msg.kind === 'check' && m.msg.t > paused.t + 1);
      fac2.room.send('control', { action: 'end', table: 't1' });
      const ended = (
        await back.next<TableLogMessage>(
          'log',
          (m) => m.msg.kind === 'round' && m.msg.paused && m.msg.t > paused.t,
        )
      ).msg as RoundMsg;
      fac2.room.send('results', {});
      const results = await fac2.next<Array<{ table: string; hash: string; simTime: number }>>('results');
      const result = results.find((r) => r.table === 't1')!;
      expect(result.simTime).toBe(ended.t);
      expect(back.replicas.get('t1')!.sim()!.hash()).toBe(result.hash);
      expect(back.replicas.checks()).toMatchObject({ diverged: 0 });
      expect(back.replicas.checks().checked).toBeGreaterThan(0);
      await redis.quit();
      await Promise.all([table, back, fac, fac2].map((d: Device) => d.room.leave().catch(() => {})));
    },
    SPAWN_TEST_MS,
  );
});
