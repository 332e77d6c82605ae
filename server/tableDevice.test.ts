/**
 * What a table's device and the projector get from the room beyond the round log: the seats the device
 * holds (on joining and whenever they change), the official result of the table's round when it ends
 * (and again to a device that joins afterwards), the facilitator's pick for the projector, and a seat
 * kept when a device reconnects before its old socket's reconnection window runs out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_SEAT, type ResultMessage, type SeatsMessage, type WelcomeMessage } from '../src/live/protocol';
import { loadLevels } from './levels';
import type { LiveRoom } from './liveRoom';
import { bootTestServer, createSession, joinProjector, joinTable, until } from './testing';

const levels = loadLevels();
let stop: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stop.reverse()) await s();
  stop = [];
});

async function boot(reconnectSeconds = 30) {
  const clock = { t: 0 };
  const b = await bootTestServer({ levels, now: () => clock.t, stepMs: 20, tickEvery: 2, reconnectSeconds });
  stop.push(() => b.live.stop());
  const room = (code: string) => b.colyseus.getRoomById(code) as unknown as LiveRoom;
  return { ...b, clock, room };
}

describe('live room: what a table device is told', () => {
  it('its seats on joining, the official result at the end (also to a late joiner), the projector pick', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    const first = await joinTable(b.url, code, 'Teal');
    const second = await joinTable(b.url, code, 'teal');
    expect((await first.next<WelcomeMessage>('welcome')).seats).toEqual([BOARD_SEAT]);
    expect((await second.next<WelcomeMessage>('welcome')).seats).toEqual([]);
    const proj = await joinProjector(b.url, code);

    // Only the facilitator picks what the projector shows, and only a table that exists.
    second.room.send('project', { table: 't1' });
    expect((await second.next<{ type: string }>('refused', (r) => r.type === 'project')).type).toBe(
      'project',
    );
    fac.room.send('project', { table: 't9' });
    await fac.next<{ reason: string }>('refused', (r) => /no such table/.test(r.reason));
    fac.room.send('project', { table: 't1' });
    await until(() => b.room(code).state.projector === 't1', 'the projector pick');

    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 3 });
    const round = () => b.room(code).session.tables.get('t1')!.round!;
    await until(() => round()?.status === 'running', 'the round running');
    b.clock.t += 4000;
    await until(() => round().now() >= 3.99, 'the server clock');
    fac.room.send('control', { action: 'end' });
    const r1 = await first.next<ResultMessage>('result');
    const r2 = await proj.next<ResultMessage>('result');
    expect(r1).toEqual(r2);
    expect(r1).toMatchObject({ table: 't1', team: 'Teal', run: 1, levelId: 'right-desk', seed: 3 });
    expect(r1.hash).toBe(round().hash());
    expect(r1.score.total).toBe(round().score().total);
    const late = await joinTable(b.url, code, 'Teal');
    expect(await late.next<ResultMessage>('result')).toEqual(r1);
  });

  it('a department seat taken or given back is told to the device that holds it', async () => {
    const b = await boot();
    const fac = await createSession(b.url, 'departments');
    const code = fac.room.roomId;
    const dev = await joinTable(b.url, code, 'Plum');
    expect((await dev.next<WelcomeMessage>('welcome')).seats).toEqual([]);
    dev.room.send('claim', { seat: 'billing' });
    await dev.next<SeatsMessage>('seats', (m) => m.seats.includes('billing'));
    dev.room.send('release', { seat: 'billing' });
    await dev.next<SeatsMessage>('seats', (m) => m.seats.length === 0);
  });

  it('a device back on a new socket keeps its seat when its old socket times out', async () => {
    const b = await boot(1);
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    const dev = await joinTable(b.url, code, 'Sand');
    const token = (await dev.next<WelcomeMessage>('welcome')).device!;
    const seats = () => b.room(code).state.tables.get('t1')!.seats.get(BOARD_SEAT)?.who;
    // The socket drops without a goodbye (a reload, Wi-Fi lost): the old one waits to reconnect.
    dev.room.connection.close();
    await until(() => seats() === 'away', 'the seat shown away');
    await joinTable(b.url, code, 'Sand', { device: token });
    await until(() => seats() === 'human', 'the seat back');
    // The old socket's one-second reconnection window runs out: the device is still there.
    await new Promise((r) => setTimeout(r, 1600));
    expect(seats()).toBe('human');
    expect(b.room(code).session.freeDepartments(b.room(code).session.tables.get('t1')!).size).toBe(0);
    void fac;
  });
});
