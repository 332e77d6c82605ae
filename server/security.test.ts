/**
 * What never reaches a table: the facilitator's key (nor its digest), another device's token, a
 * finished round's level and log (the facilitator's alone), and the facilitator's answers. Every message
 * a table device and the projector receive, and the state synced to them, are searched for them over a
 * whole round: join, a command, a pause, the end and a reconnect.
 */
import { Client, type Room } from '@colyseus/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type WelcomeMessage } from '../src/live/protocol';
import { keyDigest } from './codes';
import { loadLevels } from './levels';
import type { LiveRoom } from './liveRoom';
import { bootTestServer, createSession, joinTable, until } from './testing';

const levels = loadLevels();
const KEY = 'the-facilitators-own-secret-key-4242';
let stop: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stop.reverse()) await s();
  stop = [];
});

/** Everything the room sends this client, as JSON text, and its synced state at each change. */
function recordAll(room: Room): { seen: string[]; types: Set<string> } {
  const seen: string[] = [];
  const types = new Set<string>();
  room.onMessage('*', (type: string | number, payload: unknown) => {
    types.add(String(type));
    seen.push(JSON.stringify(payload));
  });
  room.onStateChange((s: unknown) => seen.push(JSON.stringify((s as { toJSON(): unknown }).toJSON())));
  return { seen, types };
}

describe('live room: what a table never sees', () => {
  it('no facilitator key or digest, no other device token, no level or log of a result, over a whole round', async () => {
    const clock = { t: 0 };
    const b = await bootTestServer({ levels, now: () => clock.t, stepMs: 20, tickEvery: 2 });
    stop.push(() => b.live.stop());
    const fac = await createSession(b.url, 'board', KEY);
    const code = fac.room.roomId;
    const joinOpts = (team: string) => ({ role: 'table' as const, version: PROTOCOL_VERSION, team });
    const blueRoom = await new Client(b.url).joinById(code, joinOpts('Blue'));
    const blue = recordAll(blueRoom);
    const red = await joinTable(b.url, code, 'Red');
    const redWelcome = await red.next<WelcomeMessage>('welcome');
    const projRoom = await new Client(b.url).joinById(code, { role: 'projector', version: PROTOCOL_VERSION });
    const proj = recordAll(projRoom);

    fac.room.send('control', { action: 'start', levelId: 'right-desk', seed: 8 });
    const live = b.colyseus.getRoomById(code) as unknown as LiveRoom;
    const round = () => live.session.tables.get('t1')!.round!;
    await until(() => round()?.status === 'running', 'the round running');
    blueRoom.send('cmd', { seq: 0, cmd: { type: 'setPolicy', department: 'tier-1', care: 'thorough' } });
    clock.t += 3000;
    await until(() => round().now() >= 2.99, 'the server clock');
    fac.room.send('control', { action: 'pause' });
    await until(() => round().status === 'paused', 'the pause');
    // A table asking for the facilitator's answers or controls gets a refusal, never the answer.
    blueRoom.send('results', {});
    blueRoom.send('control', { action: 'end' });
    fac.room.send('control', { action: 'end' });
    await until(() => blue.types.has('result') && proj.types.has('result'), 'the results');
    // The facilitator's own answer holds the level and log.
    fac.room.send('results', {});
    const official = await fac.next<Array<{ log: unknown[]; level: { id: string } }>>('results');
    expect(official[0]!.level.id).toBe('right-desk');
    expect(official[0]!.log.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));

    expect(blue.types.has('results')).toBe(false);
    expect(blue.types.has('refused')).toBe(true);
    expect(round().status).toBe('over');
    for (const [who, rec] of [
      ['a table', blue],
      ['the projector', proj],
    ] as const) {
      const all = rec.seen.join('\n');
      expect(rec.seen.length, who).toBeGreaterThan(10);
      expect(all.includes(KEY), `${who} saw the facilitator key`).toBe(false);
      expect(all.includes(keyDigest(KEY)), `${who} saw the key's digest`).toBe(false);
      expect(all.includes(redWelcome.device!), `${who} saw another device's token`).toBe(false);
    }
    const results = blue.seen.filter((s) => s.includes('"hash"') && s.includes('"commands"'));
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(Object.keys(JSON.parse(r) as object)).not.toContain('level');
      expect(Object.keys(JSON.parse(r) as object)).not.toContain('log');
    }
    await Promise.all([blueRoom, projRoom, red.room, fac.room].map((r) => r.leave().catch(() => {})));
  });
});
