import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import {
  PROTOCOL_VERSION,
  type AckMessage,
  type TableLogMessage,
  type WelcomeMessage,
} from '../src/live/protocol';
import { parseJournal } from './journal';
import { restoreSession } from './restore';
import { loadLevels } from './levels';
import type { LiveRoom } from './liveRoom';
import {
  bootTestServer,
  createSession,
  FACILITATOR_KEY,
  joinTable,
  tempJournalDir,
  until,
  SPAWN_TEST_MS,
  spawnRoomServer,
} from './testing';

const levels = loadLevels();
let stop: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stop.reverse()) await s();
  stop = [];
});

describe('live room: restart', () => {
  it('a graceful restart resumes every table from the journal: seeds, logs, seats, results', async () => {
    const dir = tempJournalDir();
    const clock = { t: 0 };
    const opts = { levels, now: () => clock.t, stepMs: 20, tickEvery: 2, dir };
    const a = await bootTestServer(opts);
    const fac = await createSession(a.url);
    const code = fac.room.roomId;
    const t1 = await joinTable(a.url, code, 'One');
    const t2 = await joinTable(a.url, code, 'Two');
    const w1 = await t1.next<WelcomeMessage>('welcome');
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 21 });
    await t1.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
    const roomA = a.colyseus.getRoomById(code) as unknown as LiveRoom;
    const r1 = roomA.session.tables.get('t1')!.round!;
    await t2.room.leave(true); // table Two's board is the computer's from here
    // The facilitator puts table Two on the projector: a room decision the restart must keep.
    fac.room.send('project', { table: 't2' });
    await until(() => roomA.state.projector === 't2', 'table Two on the projector');
    for (let i = 0; i < 8; i++) {
      clock.t += 5000;
      await until(() => r1.now() >= clock.t / 1000 - 0.001, 'the server clock');
    }
    t1.room.send('cmd', { seq: 0, cmd: { type: 'setPolicy', department: 'tier-1', care: 'thorough' } });
    await t1.next<AckMessage>('ack', (x) => x.seq === 0);
    clock.t += 1000;
    await until(() => r1.now() >= clock.t / 1000 - 0.001, 'the clock noted');
    await new Promise((r) => setTimeout(r, 100));
    const before = [...roomA.session.tables.values()].map((t) => ({
      id: t.id,
      hash: t.round!.hash(),
      t: t.round!.now(),
      n: t.round!.logLength(),
    }));
    expect(before[1]!.n).toBeGreaterThan(0);
    await a.live.stop();

    const b = await bootTestServer(opts);
    stop.push(() => b.live.stop());
    expect(b.live.resumed).toEqual([code]);
    const roomB = b.colyseus.getRoomById(code) as unknown as LiveRoom;
    const after = [...roomB.session.tables.values()].map((t) => ({
      id: t.id,
      hash: t.round!.hash(),
      t: t.round!.now(),
      n: t.round!.logLength(),
    }));
    expect(after).toEqual(before);
    expect(roomB.state.code).toBe(code);
    expect(roomB.session.projector).toBe('t2');
    expect(roomB.state.projector, 'the projector still shows table Two').toBe('t2');
    // The table's device comes back with its token and gets its seat and its round back.
    const again = await joinTable(b.url, code, 'One', { device: w1.device! });
    expect((await again.next<WelcomeMessage>('welcome')).table).toBe('t1');
    expect(roomB.session.tables.get('t1')!.seats.get('board')).toBe(w1.device);
    const round = await again.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
    expect(round.msg).toMatchObject({ authority: `room:${code}:t1`, run: 1 });
    // Its next command carries the next sequence number; an old one resent is a repeat, not a new one.
    // (Until the device was back the computer may have played its board: count from now.)
    const n = roomB.session.tables.get('t1')!.round!.logLength();
    again.room.send('cmd', { seq: 0, cmd: { type: 'setPolicy', department: 'tier-1', care: 'thorough' } });
    expect(await again.next<AckMessage>('ack', (x) => x.seq === 0)).toMatchObject({ ok: true });
    expect(roomB.session.tables.get('t1')!.round!.logLength()).toBe(n);
    again.room.send('cmd', { seq: 1, cmd: { type: 'setPolicy', department: 'tier-1', care: 'quick' } });
    await again.next<AckMessage>('ack', (x) => x.seq === 1);
    expect(roomB.session.tables.get('t1')!.round!.logLength()).toBe(n + 1);
    // The facilitator's key still opens it, and new tables still join.
    const f2 = await new Client(b.url).joinById(code, {
      role: 'facilitator',
      version: PROTOCOL_VERSION,
      key: FACILITATOR_KEY,
    });
    expect(f2.roomId).toBe(code);
    const t3 = await joinTable(b.url, code, 'Three');
    expect((await t3.next<WelcomeMessage>('welcome')).table).toBe('t3');
  });

  it(
    'kill -9 mid-round: the journal already holds every acknowledged command, and a new process resumes it',
    async () => {
      const dir = tempJournalDir();
      const { child, url } = await startChild(dir);
      const fac = await createSession(url);
      const code = fac.room.roomId;
      const table = await joinTable(url, code, 'Crash Team');
      await table.next<WelcomeMessage>('welcome');
      fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 4 });
      await table.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
      table.room.send('cmd', { seq: 0, cmd: { type: 'setPolicy', department: 'tier-1', care: 'thorough' } });
      const ack = await table.next<AckMessage>('ack', (x) => x.seq === 0);
      expect(ack.seq).toBe(0); // right-desk fixes handoff care, so it is refused: logged all the same
      await new Promise((r) => setTimeout(r, 1500)); // let the clock run and be noted
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const events = parseJournal(readFileSync(join(dir, `${code}.jsonl`), 'utf8'));
      expect(events.filter((e) => e.e === 'cmd')).toHaveLength(1);
      const session = restoreSession(events, levels.get, () => {})!;
      const round = session.tables.get('t1')!.round!;
      expect(round.logLength()).toBe(1);
      expect(round.now()).toBeGreaterThan(0.5);

      const { url: url2 } = await startChild(dir);
      const back = await joinTable(url2, code, 'crash team');
      expect((await back.next<WelcomeMessage>('welcome')).table).toBe('t1');
      const r = await back.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
      expect(r.msg.kind === 'round' && r.msg.log).toHaveLength(1);
    },
    SPAWN_TEST_MS,
  );
});

/** A room server in its own process with no game files, journaling into `dir`; resolves with its address. */
async function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, port } = await spawnRoomServer(['--journal', dir, '--no-game']);
  stop.push(async () => void child.kill('SIGKILL'));
  return { child, url: `ws://127.0.0.1:${port}` };
}
