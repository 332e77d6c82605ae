import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { CODE_ALPHABET, CODE_LENGTH, normaliseJoinCode } from '../src/live/joinCode';
import {
  PROTOCOL_VERSION,
  ROOM_NAME,
  type AckMessage,
  type TableLogMessage,
  type WelcomeMessage,
  WelcomeSchema,
} from '../src/live/protocol';
import type { EntryMsg, RoundMsg } from '../src/roundlog/index';
import { replay } from '../src/sim/index';
import { loadLevels } from './levels';
import type { LiveRoom } from './liveRoom';
import { bootTestServer, createSession, FACILITATOR_KEY, joinProjector, joinTable, until } from './testing';

const levels = loadLevels();
let stop: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stop.reverse()) await s();
  stop = [];
});

/** A server whose clock the test moves: `clock.t += 5000` runs every round on by 5 s at the next step. */
async function boot(dir?: string) {
  const clock = { t: 0 };
  const b = await bootTestServer({
    levels,
    now: () => clock.t,
    stepMs: 20,
    tickEvery: 2,
    ...(dir ? { dir } : {}),
  });
  stop.push(() => b.live.stop());
  return { ...b, clock };
}

function roomOf(b: Awaited<ReturnType<typeof boot>>, code: string): LiveRoom {
  return b.colyseus.getRoomById(code) as unknown as LiveRoom;
}

describe('live room: join', () => {
  it('tells the facilitator (only) where devices reach the server, in the shape the page reads', async () => {
    const b = await bootTestServer({ levels, addresses: () => ['192.0.2.2', '10.1.2.3'] });
    stop.push(() => b.live.stop());
    const fac = await createSession(b.url);
    const w = WelcomeSchema.parse(await fac.next('welcome'));
    expect(w.addresses).toEqual(['192.0.2.2', '10.1.2.3']);
    const table = await joinTable(b.url, fac.room.roomId, 'Otters');
    expect(WelcomeSchema.parse(await table.next('welcome')).addresses).toBeUndefined();
  });

  it('gives the session a short unambiguous code; tables join by it in any case, with a team name and no account', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    expect(code).toHaveLength(CODE_LENGTH);
    for (const ch of code) expect(CODE_ALPHABET).toContain(ch);
    expect(code).not.toMatch(/[O0I1]/);

    const typed = ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `;
    const table = await joinTable(b.url, normaliseJoinCode(typed)!, '  Table   <b>One</b> ');
    const welcome = await table.next<WelcomeMessage>('welcome');
    expect(welcome.role).toBe('table');
    expect(welcome.table).toBe('t1');
    expect(welcome.device).toMatch(/^[\w-]{20,}$/);

    await until(() => roomOf(b, code).state.tables.get('t1')?.team !== undefined, 'the table in the state');
    // Team names are text, kept as typed (trimmed); the page shows them with textContent.
    expect(roomOf(b, code).state.tables.get('t1')!.team).toBe('Table <b>One</b>');
    // Nothing secret in the synced state.
    const synced = JSON.stringify(roomOf(b, code).state.toJSON());
    expect(synced).not.toContain(FACILITATOR_KEY);
    expect(synced).not.toContain(welcome.device!);
  });

  it('refuses a wrong facilitator key, an unknown code and a device of another version, in plain words', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    await expect(
      new Client(b.url).joinById(code, {
        role: 'facilitator',
        version: PROTOCOL_VERSION,
        key: 'not-the-key-of-this-session',
      }),
    ).rejects.toThrow(/facilitator key does not open this session/);
    await expect(
      new Client(b.url).joinById(code, { role: 'table', version: PROTOCOL_VERSION + 1, team: 'Old' }),
    ).rejects.toThrow(/another version of Ripple Effect/);
    await expect(
      new Client(b.url).joinById(code, { role: 'table', version: PROTOCOL_VERSION, team: '   ' }),
    ).rejects.toThrow(/Type a team name/);
    const other = code === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
    await expect(
      new Client(b.url).joinById(other, { role: 'table', version: PROTOCOL_VERSION, team: 'Lost' }),
    ).rejects.toThrow();
    // A table cannot create a session.
    await expect(
      new Client(b.url).create(ROOM_NAME, { role: 'table', version: PROTOCOL_VERSION, team: 'Sneaky' }),
    ).rejects.toThrow(/Only a facilitator/);
    // The facilitator with the right key gets back in (another tab, or after a reload).
    const again = await new Client(b.url).joinById(code, {
      role: 'facilitator',
      version: PROTOCOL_VERSION,
      key: FACILITATOR_KEY,
    });
    expect(again.roomId).toBe(code);
  });

  it('puts a second device of the same team at the same table', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const a = await joinTable(b.url, fac.room.roomId, 'Blue Team');
    const c = await joinTable(b.url, fac.room.roomId, 'blue  team');
    expect((await a.next<WelcomeMessage>('welcome')).table).toBe(
      (await c.next<WelcomeMessage>('welcome')).table,
    );
    const d = await joinTable(b.url, fac.room.roomId, 'Red Team');
    expect((await d.next<WelcomeMessage>('welcome')).table).toBe('t2');
  });
});

describe('live room: authority', () => {
  it('runs the round, validates commands, refuses with a reason, and applies a resend once', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    const table = await joinTable(b.url, code, 'Table 1');
    const proj = await joinProjector(b.url, code);
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 7 });
    const round = await table.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
    expect(round).toMatchObject({
      table: 't1',
      msg: {
        kind: 'round',
        authority: `room:${code}:t1`,
        run: 1,
        levelId: 'right-desk',
        seed: 7,
        paused: false,
        log: [],
      },
    });
    await proj.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');

    const room = roomOf(b, code);
    const server = room.session.tables.get('t1')!.round!;
    // Let work reach an outbox, then route it from the table.
    let ticket: number | undefined;
    for (let i = 0; i < 60 && ticket === undefined; i++) {
      b.clock.t += 5000;
      await until(
        () => server.now() >= b.clock.t / 1000 - 0.001 || server.status !== 'running',
        'the server clock',
      );
      // The board's seat is the table's: the computer does not play it while the device is connected.
      ticket = server.log.length === 0 ? findOutboxTicket(server) : undefined;
    }
    expect(ticket).toBeDefined();
    expect(server.log).toHaveLength(0);
    table.room.send('cmd', { seq: 0, cmd: { type: 'route', ticket: ticket!, to: 'nowhere' } });
    const refused = await table.next<AckMessage>('ack', (a) => a.seq === 0);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/nowhere|department|desk/i);

    const to = rightDeskFor(server, ticket!);
    table.room.send('cmd', { seq: 1, cmd: { type: 'route', ticket: ticket!, to, care: 'thorough' } });
    const ack = await table.next<AckMessage>('ack', (a) => a.seq === 1);
    // The sim logs refusals too (its hash covers them), so the authority's log keeps them for replicas.
    expect(ack).toEqual({ seq: 1, ok: true, index: 1 });
    expect(server.log[0]!.cmd).toMatchObject({ to: 'nowhere' });
    const entry = (
      await proj.next<TableLogMessage>('log', (m) => m.msg.kind === 'entry' && m.msg.index === 1)
    ).msg as EntryMsg;
    expect(entry).toMatchObject({ run: 1, index: 1, cmd: { type: 'route', ticket, to } });
    expect(server.log[1]!.by).toBe('board');
    expect(entry.at).toBeCloseTo(server.now(), 6);

    // A resend after a reconnect carries the same sequence number: acknowledged, not applied twice.
    table.room.send('cmd', { seq: 1, cmd: { type: 'route', ticket: ticket!, to, care: 'thorough' } });
    await until(() => table.all<AckMessage>('ack').filter((a) => a.seq === 1).length === 2, 'the second ack');
    expect(table.all<AckMessage>('ack').filter((a) => a.seq === 1)[1]).toMatchObject({ ok: true, index: 1 });
    expect(server.log).toHaveLength(2);

    // Facilitator-only commands, malformed and oversized messages are refused with words.
    table.room.send('cmd', { seq: 2, cmd: { type: 'extend', seconds: 600 } });
    expect(await table.next<AckMessage>('ack', (a) => a.seq === 2)).toMatchObject({
      ok: false,
      reason: /Only the facilitator/,
    });
    table.room.send('cmd', { seq: 3, cmd: { type: 'teleport' } });
    expect(
      await table.next<{ reason: string }>('refused', (r) => r.reason.includes('cannot be read')),
    ).toBeTruthy();
    table.room.send('claim', { seat: 'x'.repeat(5000) });
    expect(
      await table.next<{ reason: string }>('refused', (r) => r.reason.includes('too large')),
    ).toBeTruthy();
    table.room.send('control', { action: 'end' });
    expect(await table.next<{ reason: string }>('refused', (r) => r.reason.includes('may not'))).toBeTruthy();
    expect(server.status).toBe('running');

    // Every replica (table, projector, facilitator) replays the log to the server's state, bit for bit.
    // The pause falls on a hash-check time (30 s) after two commands stamped at 30 s: the pause's check
    // counts them, the grid check before them did not, and both must agree.
    fac.room.send('control', { action: 'pause' });
    const paused = (await proj.next<TableLogMessage>('log', (m) => m.msg.kind === 'round' && m.msg.paused))
      .msg as RoundMsg;
    expect(replay(levels.get('right-desk')!, paused.seed, paused.log, paused.t).hash()).toBe(server.hash());
    await until(
      () => [table, proj, fac].every((d) => d.replicas.get('t1')?.sim()?.now() === server.now()),
      'replicas at the pause',
    );
    for (const d of [table, proj, fac]) {
      expect(d.replicas.get('t1')!.sim()!.hash()).toBe(server.hash());
      expect(d.replicas.checks()).toMatchObject({ diverged: 0 });
      expect(d.replicas.checks().checked).toBeGreaterThan(0);
    }
  });

  it('shows one more minute on the table’s card at once, also while the round is paused', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    await joinTable(b.url, code, 'Otters');
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 3 });
    await until(() => roomOf(b, code).state.tables.get('t1')?.status === 'running', 'the round on');
    fac.room.send('control', { action: 'pause' });
    await until(() => roomOf(b, code).state.tables.get('t1')?.status === 'paused', 'the pause on the card');
    const before = roomOf(b, code).state.tables.get('t1')!.end;
    // The clock does not move (no tick reaches a paused table): the card must change on its own.
    fac.room.send('control', { action: 'extend' });
    await fac.next<{ action: string }>('done', (d) => d.action === 'extend');
    await until(() => roomOf(b, code).state.tables.get('t1')!.end === before + 60, 'one more minute on the card');
    expect(roomOf(b, code).state.tables.get('t1')!.status).toBe('paused');
  });

  it('lets the computer play a board nobody holds, and the facilitator end the round with an official result', async () => {
    const b = await boot();
    const fac = await createSession(b.url);
    const code = fac.room.roomId;
    const table = await joinTable(b.url, code, 'Away Team');
    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 3 });
    await table.next<TableLogMessage>('log', (m) => m.msg.kind === 'round');
    await table.room.leave(true);
    const room = roomOf(b, code);
    const round = room.session.tables.get('t1')!.round!;
    await until(() => room.state.tables.get('t1')?.seats.get('board')?.who === 'away', 'the seat shown away');
    for (let i = 0; i < 20; i++) {
      b.clock.t += 5000;
      await until(() => round.now() >= b.clock.t / 1000 - 0.001, 'the server clock');
    }
    expect(round.log.length).toBeGreaterThan(0);
    expect(round.log.every((e) => e.by === 'computer')).toBe(true);
    fac.room.send('control', { action: 'end' });
    await fac.next('done', (d: { action: string }) => d.action === 'end');
    fac.room.send('results', {});
    const [result] =
      await fac.next<Array<{ table: string; hash: string; score: { total: number } }>>('results');
    expect(result).toMatchObject({ table: 't1', hash: round.hash() });
    expect(Number.isFinite(result!.score.total)).toBe(true);
  });
});

type Round = NonNullable<ReturnType<LiveRoom['session']['tables']['get']>>['round'] & object;

function replicaOf(round: Round) {
  const msg = round.snapshot();
  return replay(levels.get(msg.levelId!)!, msg.seed, msg.log, msg.t);
}

function findOutboxTicket(round: Round): number | undefined {
  for (const d of replicaOf(round).view().departments) if (d.outbox.length > 0) return d.outbox[0];
  return undefined;
}

function rightDeskFor(round: Round, ticket: number): string {
  const sim = replicaOf(round);
  const T = sim.ticket(ticket)!;
  const skill = T.journey[T.step]!;
  return sim.level.departments.find((d) => d.skills.includes(skill) && d.id !== T.dept)!.id;
}
