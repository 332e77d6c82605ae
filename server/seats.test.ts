import { afterEach, describe, expect, it } from 'vitest';
import type { TableLogMessage, WelcomeMessage, AckMessage } from '../src/live/protocol';
import { loadLevels } from './levels';
import { GRACE_SECONDS, LiveSession } from './session';
import type { LiveRoom } from './liveRoom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJournal } from './journal';
import { restoreSession } from './restore';
import { bootTestServer, createSession, joinTable, tempJournalDir, until, type Device } from './testing';

const levels = loadLevels();
let stop: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stop.reverse()) await s();
  stop = [];
});

async function boot(dir?: string) {
  const clock = { t: 0 };
  const b = await bootTestServer({
    levels,
    now: () => clock.t,
    stepMs: 20,
    tickEvery: 2,
    reconnectSeconds: 30,
    ...(dir ? { dir } : {}),
  });
  stop.push(() => b.live.stop());
  const room = (code: string) => b.colyseus.getRoomById(code) as unknown as LiveRoom;
  return { ...b, clock, room };
}

type Seat = { seat: string; ok: boolean; reason?: string };

describe('live room: seats', () => {
  it('one department per device: two claims of one seat at once, exactly one wins and the other is told why', async () => {
    const b = await boot();
    const fac = await createSession(b.url, 'departments');
    const code = fac.room.roomId;
    const devices: Device[] = [];
    for (let i = 0; i < 4; i++) devices.push(await joinTable(b.url, code, 'Green'));
    const seats = b.room(code).session.seatNames(b.room(code).session.tables.get('t1')!);
    expect(seats.length).toBeGreaterThan(1);
    // Everyone at once wants the first desk.
    for (const d of devices) d.room.send('claim', { seat: seats[0]! });
    const answers = await Promise.all(devices.map((d) => d.next<Seat>('seat')));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok))
      expect(a.reason).toMatch(/Someone else at Green already plays/);
    // A claim of a seat that does not exist is refused, and a free one is taken.
    const loser = devices[answers.findIndex((a) => !a.ok)]!;
    loser.room.send('claim', { seat: 'moon-base' });
    expect(await loser.next<Seat>('seat', (s) => s.seat === 'moon-base')).toMatchObject({
      ok: false,
      reason: /no seat "moon-base"/,
    });
    loser.room.send('claim', { seat: seats[1]! });
    expect(await loser.next<Seat>('seat', (s) => s.seat === seats[1])).toMatchObject({ ok: true });
    const shown = b.room(code).state.tables.get('t1')!.seats;
    await until(() => shown.get(seats[1]!)?.who === 'human', 'the second seat shown held');
    expect(shown.get(seats[0]!)?.who).toBe('human');
    for (const s of seats.slice(2)) expect(shown.get(s)?.who).toBe('computer');
  });

  it('a department device may only act for its own desk; the computer plays the others', async () => {
    const b = await boot();
    const fac = await createSession(b.url, 'departments');
    const code = fac.room.roomId;
    const dev = await joinTable(b.url, code, 'Orange');
    const session = b.room(code).session;
    const table = session.tables.get('t1')!;
    // The device takes the last desk; the frontline (where work comes in) is the computer's.
    const first = session.seatNames(table).at(-1)!;
    dev.room.send('claim', { seat: first });
    await dev.next<Seat>('seat');
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 11 });
    await dev.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
    const round = table.round!;
    for (let i = 0; i < 12; i++) {
      b.clock.t += 5000;
      await until(() => round.now() >= b.clock.t / 1000 - 0.001, 'the server clock');
    }
    // The computer moved work for the desks nobody holds, and never for the held one.
    const byComputer = round.log.filter((e) => e.by === 'computer');
    expect(byComputer.length).toBeGreaterThan(0);
    const other = session.seatNames(table).find((s) => s !== first)!;
    dev.room.send('cmd', { seq: 0, cmd: { type: 'setPolicy', department: other, care: 'thorough' } });
    expect(await dev.next<AckMessage>('ack', (a) => a.seq === 0)).toMatchObject({
      ok: false,
      reason: /do not hold that seat/,
    });
  });

  it('a device that drops and comes back within the grace time finds its trays as it left them: nobody played its board meanwhile', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    const dev = await joinTable(b.url, code, 'Purple');
    const welcome = await dev.next<WelcomeMessage>('welcome');
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 5 });
    await dev.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
    const session = b.room(code).session;
    const table = session.tables.get('t1')!;
    const round = table.round!;
    const shown = () => b.room(code).state.tables.get('t1')!.seats.get('board')!.who;
    await until(() => shown() === 'human', 'the board held');
    expect(session.graceSeconds).toBe(GRACE_SECONDS);
    // Nobody plays for 90 s: tickets wait in the trays.
    for (let i = 0; i < 18; i++) {
      b.clock.t += 5000;
      await until(() => round.now() >= b.clock.t / 1000 - 0.001, 'the server clock');
    }
    await until(() => dev.replicas.get('t1')?.sim()?.now() === round.now(), 'the replica at the server time');
    const trays = () =>
      dev.replicas
        .get('t1')!
        .sim()!
        .view()
        .departments.map((d) => [d.id, [...d.outbox]] as const);
    const before = trays();
    expect(before.some(([, tray]) => tray.length > 0)).toBe(true);
    const logBefore = round.logLength();

    // The page reloads: its socket dies without a goodbye and the page joins again with its token.
    dev.room.reconnection.enabled = false;
    socketOf(dev).destroy();
    await until(() => shown() === 'reconnecting', 'the seat shown reconnecting');
    // 15 s of the grace time pass on the server's clock: the board waits, as for a person away from the keys.
    for (let i = 0; i < 3; i++) {
      b.clock.t += 5000;
      await until(() => round.now() >= b.clock.t / 1000 - 0.001, 'the server clock');
      expect(shown()).toBe('reconnecting');
    }
    expect(round.logLength()).toBe(logBefore);
    const back = await joinTable(b.url, code, 'Purple', { device: welcome.device! });
    expect((await back.next<WelcomeMessage>('welcome')).seats).toEqual(['board']);
    await until(() => shown() === 'human', 'the seat held again after the reload');
    await until(
      () => back.replicas.get('t1')?.sim()?.now() === round.now(),
      'the reloaded replica at the server time',
    );
    expect(round.logLength()).toBe(logBefore);
    expect(round.log.some((e) => e.by === 'computer')).toBe(false);
    // Every ticket that was waiting in a tray is still in the same tray.
    const after = new Map(
      back.replicas
        .get('t1')!
        .sim()!
        .view()
        .departments.map((d) => [d.id, new Set(d.outbox)]),
    );
    for (const [dept, tray] of before) for (const id of tray) expect(after.get(dept)?.has(id)).toBe(true);
    expect(back.replicas.get('t1')!.sim()!.hash()).toBe(round.hash());
  });

  it('a device away longer than the grace time: the computer plays its seat, and it gets the seat back when it reconnects', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    const dev = await joinTable(b.url, code, 'Purple');
    const welcome = await dev.next<WelcomeMessage>('welcome');
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 5 });
    await dev.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
    const shown = () => b.room(code).state.tables.get('t1')!.seats.get('board')!.who;
    await until(() => shown() === 'human', 'the board held');
    // Wi-Fi drops: the socket dies without a goodbye, and the device stays away.
    dev.room.reconnection.enabled = false;
    socketOf(dev).destroy();
    await until(() => shown() === 'reconnecting', 'the seat shown reconnecting');
    const round = b.room(code).session.tables.get('t1')!.round!;
    // The server's clock moves by at most 5 s a step: 19 s in four steps.
    for (const ms of [5000, 5000, 5000, 4000]) {
      b.clock.t += ms;
      await until(() => round.now() >= b.clock.t / 1000 - 0.001, 'the server clock');
    }
    expect(shown()).toBe('reconnecting');
    expect(round.log.some((e) => e.by === 'computer')).toBe(false);
    b.clock.t += 2000;
    await until(() => shown() === 'away', 'the seat shown away after the grace time');
    for (let i = 0; i < 20 && !round.log.some((e) => e.by === 'computer'); i++) {
      b.clock.t += 5000;
      await until(() => round.now() >= b.clock.t / 1000 - 0.001, 'the server clock');
    }
    expect(round.log.some((e) => e.by === 'computer')).toBe(true);
    // Back with the whole round (the computer's moves while it was away included) and the same seat.
    const back = await joinTable(b.url, code, 'Purple', { device: welcome.device! });
    await until(() => shown() === 'human', 'the seat held again');
    const table = b.room(code).session.tables.get('t1')!;
    expect(table.seats.get('board')).toBe(welcome.device);
    await until(() => back.replicas.get('t1')?.sim()?.now() === round.now(), 'the replica at the server time');
    expect(back.replicas.get('t1')!.sim()!.hash()).toBe(round.hash());
    const computerMoves = round.log.filter((e) => e.by === 'computer').length;
    b.clock.t += 5000;
    await until(() => round.now() >= b.clock.t / 1000 - 0.001, 'the server clock');
    expect(round.log.filter((e) => e.by === 'computer').length).toBe(computerMoves);
  });

  it('a department seat that is reconnecting is kept for its person: another device cannot take it until the grace time is over', async () => {
    const b = await boot();
    const fac = await createSession(b.url, 'departments');
    const code = fac.room.roomId;
    const a = await joinTable(b.url, code, 'Teal');
    const other = await joinTable(b.url, code, 'Teal');
    const session = b.room(code).session;
    const table = session.tables.get('t1')!;
    const seat = session.seatNames(table)[0]!;
    a.room.send('claim', { seat });
    expect(await a.next<Seat>('seat')).toMatchObject({ ok: true });
    a.room.reconnection.enabled = false;
    socketOf(a).destroy();
    const shown = () => b.room(code).state.tables.get('t1')!.seats.get(seat)!.who;
    await until(() => shown() === 'reconnecting', 'the seat shown reconnecting');
    other.room.send('claim', { seat });
    expect(await other.next<Seat>('seat')).toMatchObject({
      ok: false,
      reason: /The person at Tier 1 is reconnecting: the seat is kept for them for 20 seconds/,
    });
    b.clock.t += GRACE_SECONDS * 1000 + 1000;
    await until(() => shown() === 'away', 'the seat shown away');
    other.room.send('claim', { seat });
    expect(await other.next<Seat>('seat', (s) => s.ok)).toMatchObject({ ok: true });
  });
});

describe('the next round\'s level, before the round', () => {
  it('the facilitator chooses it: the state names it, waiting tables are seated for its desks, a restart keeps it; nobody else may choose', async () => {
    const dir = tempJournalDir();
    const b = await boot(dir);
    const fac = await createSession(b.url, 'departments');
    const code = fac.room.roomId;
    const dev = await joinTable(b.url, code, 'Plum');
    await dev.next<WelcomeMessage>('welcome');
    const state = () => b.room(code).state;
    await until(() => state().tables.get('t1')?.seats.size === 3, 'the first level\'s three desks');
    expect(state().next).toBe('right-desk');
    fac.room.send('next', { levelId: 'every-job' });
    const desks = levels.get('every-job')!.departments.map((d) => d.id);
    await until(() => state().next === 'every-job', 'the next level in the state');
    await until(() => state().tables.get('t1')!.seats.size === desks.length, 'the seats of the chosen level');
    expect([...state().tables.get('t1')!.seats.keys()]).toEqual(desks);
    dev.room.send('claim', { seat: desks.at(-1)! });
    expect(await dev.next<Seat>('seat')).toMatchObject({ ok: true });
    // A level the server does not have is refused in words; a table may not choose at all.
    fac.room.send('next', { levelId: 'moon-base' });
    expect(await fac.next<{ type: string; reason: string }>('refused', (r) => r.type === 'next')).toMatchObject({
      reason: 'There is no level "moon-base" on this server.',
    });
    dev.room.send('next', { levelId: 'right-desk' });
    expect(await dev.next<{ type: string; reason: string }>('refused', (r) => r.type === 'next')).toMatchObject({
      reason: 'This device may not do that.',
    });
    expect(state().next).toBe('every-job');
    // A restart reads the choice back from the journal.
    const events = parseJournal(readFileSync(join(dir, `${code}.jsonl`), 'utf8'));
    const back = restoreSession(events, levels.get, () => {})!;
    expect(back.defaultLevel).toBe('every-job');
    expect(back.seatNames(back.tables.get('t1')!)).toEqual(desks);
  });
});

function socketOf(d: Device): { destroy(): void } {
  return (d.room.connection.transport as unknown as { ws: { _socket: { destroy(): void } } }).ws._socket;
}

describe('a whole-board table when its device is gone', () => {
  it('a new device of the team takes the board while the old one is away, not while it is there', () => {
    const session = new LiveSession('ABC234', 'digest', 'board', levels.get, () => {});
    const a = session.joinTable('Blue');
    const b = session.joinTable('blue');
    expect(a.table).toBe(b.table);
    expect(a.table.seats.get('board')).toBe(a.device.token); // b follows a
    session.setConnected(a.table, a.device, false, true); // a's tab is closed: its token is lost with it
    const c = session.joinTable('Blue');
    expect(c.table.seats.get('board')).toBe(c.device.token);
  });
});
