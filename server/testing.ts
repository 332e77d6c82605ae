/**
 * Test helpers for the room server: a server on a free loopback port with a journal in a temporary
 * folder, and devices (Colyseus SDK clients) that record what they were sent. Used by the room tests,
 * the restore tests and the bench; never by the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColyseusTestServer } from '@colyseus/testing';
import { Client, type Room } from '@colyseus/sdk';
import { PROTOCOL_VERSION, ROOM_NAME, type JoinOptions } from '../src/live/protocol';
import { createTableReplicas, type TableReplicas } from '../src/live/replicas';
import { replay } from '../src/sim/index';
import { startLiveServer, type LiveServer, type LiveServerOptions } from './app';
import { FileJournal } from './journal';

export function tempJournalDir(): string {
  return mkdtempSync(join(tmpdir(), 'ripple-live-'));
}

export async function bootTestServer(opts: Partial<LiveServerOptions> & { dir?: string } = {}): Promise<{
  live: LiveServer;
  colyseus: ColyseusTestServer;
  dir: string;
  url: string;
}> {
  const dir = opts.dir ?? tempJournalDir();
  const live = await startLiveServer({ port: 0, host: '127.0.0.1', store: new FileJournal(dir), ...opts });
  return { live, colyseus: new ColyseusTestServer(live.server), dir, url: `ws://127.0.0.1:${live.port}` };
}

/** A device: the SDK room, every message it was sent (by type, in order) and its replicas of the tables. */
export interface Device {
  room: Room;
  replicas: TableReplicas;
  got: Map<string, unknown[]>;
  last<T>(type: string): T | undefined;
  all<T>(type: string): T[];
  /** Resolves with the first message of `type` (after `from` of them) that passes `test`. */
  next<T>(type: string, test?: (m: T) => boolean, timeoutMs?: number): Promise<T>;
}

const TYPES = ['welcome', 'log', 'ack', 'refused', 'seat', 'seats', 'result', 'done', 'results'];

export function device(room: Room): Device {
  const replicas = createTableReplicas(room.roomId, replay);
  room.onMessage('log', (m: unknown) => {
    const table = replicas.receive(m);
    if (table) room.send('catchup', { table });
  });
  const got = new Map<string, unknown[]>();
  const waiters: Array<{ type: string; test: (m: unknown) => boolean; resolve: (m: unknown) => void }> = [];
  for (const type of TYPES) {
    got.set(type, []);
    room.onMessage(type, (m: unknown) => {
      got.get(type)!.push(m);
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i]!;
        if (w.type === type && w.test(m)) {
          waiters.splice(i, 1);
          w.resolve(m);
        }
      }
    });
  }
  return {
    room,
    replicas,
    got,
    last: <T>(type: string) => got.get(type)?.at(-1) as T | undefined,
    all: <T>(type: string) => (got.get(type) ?? []) as T[],
    next<T>(type: string, test: (m: T) => boolean = () => true, timeoutMs = 60_000): Promise<T> {
      const seen = (got.get(type) ?? []).find((m) => test(m as T));
      if (seen !== undefined) return Promise.resolve(seen as T);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${type}" message in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          type,
          test: (m) => test(m as T),
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m as T);
          },
        });
      });
    },
  };
}

export const FACILITATOR_KEY = 'a-facilitator-key-for-tests-0001';

export async function createSession(
  url: string,
  seats: 'board' | 'departments' = 'board',
  key = FACILITATOR_KEY,
): Promise<Device> {
  const opts: JoinOptions = { role: 'facilitator', version: PROTOCOL_VERSION, key, seats };
  return device(await new Client(url).create(ROOM_NAME, opts));
}

export async function joinTable(
  url: string,
  code: string,
  team: string,
  extra: { device?: string } = {},
): Promise<Device> {
  const opts: JoinOptions = { role: 'table', version: PROTOCOL_VERSION, team, ...extra };
  return device(await new Client(url).joinById(code, opts));
}

export async function joinProjector(url: string, code: string): Promise<Device> {
  return device(await new Client(url).joinById(code, { role: 'projector', version: PROTOCOL_VERSION }));
}

/** What a test opened and must close: a process (killed), a device (it leaves), a browser or the like (closed). */
export type Held = ChildProcess | Device | { close(): Promise<void> };

/**
 * Keeps what a test file opens and closes it all afterwards, the last opened first:
 * `const held = holder(); afterAll(() => held.closeAll());` then `held.keep(await launchBrowser())`.
 */
export function holder(): { keep<T extends Held>(x: T): T; closeAll(): Promise<void> } {
  const held: Held[] = [];
  return {
    keep(x) {
      held.push(x);
      return x;
    },
    async closeAll() {
      for (const h of held.splice(0).reverse()) {
        if ('kill' in h) h.kill('SIGKILL');
        else if ('room' in h) await h.room.leave().catch(() => {});
        else await h.close().catch(() => {});
      }
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after timeoutMs. */
export async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * How long a test waits for a spawned process (a room server compiling its TypeScript, redis-server) to
 * say it is ready. Generous on purpose: a busy CI machine can take many times longer than a quiet one,
 * and no test may depend on how fast the machine is. Waits end early when the process dies.
 */
export const SPAWN_WAIT_MS = 180_000;
/** The time limit of a test that spawns processes: a few spawns at SPAWN_WAIT_MS and the test's own work. */
export const SPAWN_TEST_MS = 600_000;

/** A room server in its own process, as a venue runs it, and the port it listens on. */
export interface SpawnedServer {
  child: ChildProcess;
  port: number;
}

/**
 * Starts `server/main.ts` in a child process on loopback with `args` (`--journal`, `--dist`, `--speed`, ...)
 * and resolves once it prints its address. Port 0 (the default) lets the system pick a free port, so
 * tests never collide with another process on a busy machine; pass the port back in to restart a server
 * where its clients will look for it. The wait is SPAWN_WAIT_MS and ends early, with the output, when the
 * process dies (a port in use, a crash while loading).
 */
export function spawnRoomServer(args: readonly string[], port = 0): Promise<SpawnedServer> {
  const main = join(import.meta.dirname, 'main.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', main, '--host', '127.0.0.1', '--port', String(port), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDIS_URL: '' } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const keep = (d: Buffer) => {
      out += d.toString();
    };
    child.stderr!.on('data', (d: Buffer) => {
      keep(d);
      process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`the room server gave no address within ${SPAWN_WAIT_MS / 1000} s: ${out.slice(-800)}`),
      );
    }, SPAWN_WAIT_MS);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the room server exited (${code}) before it gave its address: ${out.slice(-800)}`));
    };
    child.once('exit', exited);
    child.stdout!.on('data', (d: Buffer) => {
      keep(d);
      const m = /room server: ws:\/\/[^\s:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.off('exit', exited);
        resolve({ child, port: Number(m[1]) });
      }
    });
  });
}
