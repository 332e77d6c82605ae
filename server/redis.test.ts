import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WelcomeMessage } from '../src/live/protocol';
import { createSession, joinTable, tempJournalDir, until } from './testing';

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

function waitFor(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${out.slice(-500)}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

async function roomServer(port: number, redisUrl: string): Promise<string> {
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
  await waitFor(child, /room server: ws:\/\//, `room server on ${port}`);
  return `ws://127.0.0.1:${port}`;
}

describe.skipIf(!hasRedis)('live room: several processes sharing a Redis presence', () => {
  it('a table that asks the other process joins the session created on the first', async () => {
    const redisPort = await freePort();
    const redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(redis);
    await waitFor(redis, /Ready to accept connections/, 'redis-server');
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const a = await roomServer(await freePort(), redisUrl);
    const b = await roomServer(await freePort(), redisUrl);

    const fac = await createSession(a, 'board', 'a-facilitator-key-for-redis-0001');
    const code = fac.room.roomId;
    const table = await joinTable(b, code, 'Across');
    expect((await table.next<WelcomeMessage>('welcome')).table).toBe('t1');
    // The facilitator, on process A, sees the table that asked process B.
    const tables = (fac.room.state as { tables: Map<string, { team: string }> }).tables;
    await until(() => tables.get('t1')?.team === 'Across', 'the table in the facilitator state');
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 2 });
    await table.next('log', (m: { msg: { kind: string } }) => m.msg.kind === 'round');
  });
});
