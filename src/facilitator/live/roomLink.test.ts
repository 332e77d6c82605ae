/**
 * The projector channel (presenter hub, BroadcastChannel, projector window) against the real sim and a
 * page of the same origin that forges, floods and replays: every forged message kind is refused, the
 * presenter is told about a second presenter, floods are bounded, and the room's board ends on the
 * presenter's state hash whatever the channel did (fuzz).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Level } from '../../level/schema';
import { createSim } from '../../sim/index';
import type { Sim } from '../../sim/types';
import { setActiveRound } from '../session/activeRound';
import { FakeBroadcastChannel } from '../testing/fakeChannel';
import { routeOutboxes, testRng, tinyLevel } from '../testing/simFixtures';
import { quietReplay } from '../../roundlog/forwardingSim';
import { createLiveHub, type LinkKey, type LiveHub } from './liveHub';
import { createRoomLink, type RoomLink } from './roomLink';
import { channelName, createSyncChannel, type SyncChannel, type Wire } from './sync';

let clock = 0;
const now = () => clock;
const chan = (name: string, perSecond?: number): SyncChannel =>
  createSyncChannel(name, { BroadcastChannelImpl: FakeBroadcastChannel, now, ...(perSecond ? { perSecond } : {}) });

interface Rig {
  hub: LiveHub;
  sim: Sim;
  room: RoomLink;
  /** A page of the same origin on the room's channel. */
  attacker: SyncChannel;
  /** Plays `seconds` of sim time in frames of about 0.3 s (wall time runs at 2x). */
  play(seconds: number, rand?: () => number): void;
  /** Delivers everything queued, letting the room ask and the hub answer. */
  settle(): void;
}

function rig(opts: { link?: 'button' | 'hand'; sessionId?: string; level?: Level; seed?: number } = {}): Rig {
  FakeBroadcastChannel.reset();
  clock = 1000;
  const sid = opts.sessionId ?? 'local';
  if (sid !== 'local') setActiveRound({ sessionId: sid, roundId: 'r1' });
  const hub = createLiveHub({ now, makeChannel: (n) => chan(n), storage: null, timer: false, teamOf: () => 'Blue table' });
  const level = opts.level ?? tinyLevel;
  const seed = opts.seed ?? 4;
  let link: LinkKey | null = opts.link === 'hand' ? null : hub.newLink();
  const room = createRoomLink({ channel: chan(channelName(sid)), link, saveLink: (l) => (link = l), replay: quietReplay });
  const sim = hub.roundStarted(level, level.id, seed, createSim(level, seed), clock);
  const attacker = chan(channelName(sid));
  const r: Rig = {
    hub,
    sim,
    room,
    attacker,
    play(seconds, rand = testRng(seed)) {
      const until = Math.min(sim.view().end, sim.now() + seconds);
      while (sim.now() < until && !sim.isOver()) {
        sim.advanceTo(Math.min(until, sim.now() + 0.3));
        routeOutboxes(sim, rand, 0.2);
        clock += 150;
        hub.frame(sim, 2, false, clock);
        room.poll(clock);
        FakeBroadcastChannel.flush();
        room.replica.frame(0.15);
      }
    },
    settle() {
      for (let i = 0; i < 6; i++) {
        clock += 600;
        room.poll(clock);
        FakeBroadcastChannel.flush();
        room.replica.sync();
      }
    },
  };
  r.settle();
  return r;
}

/** Pauses the presenter and lets the room catch up to exactly that moment. */
function pause(r: Rig): void {
  clock += 100;
  r.hub.frame(r.sim, 2, true, clock);
  r.settle();
  r.hub.heartbeat(clock);
  r.settle();
}

const envelopes = (): Array<Extract<Wire, { re: 'presenter' }>> =>
  FakeBroadcastChannel.queue.map((q) => q.data as Wire).filter((w): w is Extract<Wire, { re: 'presenter' }> => w.re === 'presenter');

afterEach(() => setActiveRound(null));

describe('projector link', () => {
  it('links a window opened by the Projector window button (its key came in its address)', () => {
    FakeBroadcastChannel.reset();
    const r = rig({ link: 'button' });
    r.play(40);
    pause(r);
    expect(r.room.connected(clock)).toBe(true);
    expect(r.room.replica.sim()!.now()).toBe(r.sim.now());
    expect(r.room.replica.sim()!.hash()).toBe(r.sim.hash());
    expect(r.room.present()).toMatchObject({ team: null, revealed: { screen: 'play' } });
    expect(r.hub.linkedCount(clock)).toBe(1);
  });

  it('links a window opened by hand (it says hello, the presenter welcomes it) and catches it up mid-round', () => {
    const r = rig({ link: 'hand' });
    r.play(30);
    pause(r);
    expect(r.room.info(clock)).toMatchObject({ linked: true, refused: 0 });
    expect(r.room.replica.sim()!.hash()).toBe(r.sim.hash());
    expect(r.room.replica.status().checked).toBeGreaterThan(0);
  });

  it('says "not linked" again once the window closes or falls silent, and the room notices a silent presenter', () => {
    const r = rig();
    r.play(5);
    expect(r.hub.linkedCount(clock)).toBe(1);
    r.room.close();
    FakeBroadcastChannel.flush();
    expect(r.hub.linkedCount(clock)).toBe(0);
    const r2 = rig();
    expect(r2.hub.linkedCount(clock)).toBe(1);
    clock += 5000; // no alive for five seconds
    expect(r2.hub.linkedCount(clock)).toBe(0);
    expect(r2.room.connected(clock)).toBe(false);
  });

  it('refuses every forged message kind, and a genuine message played back again', () => {
    const r = rig();
    r.play(20);
    pause(r);
    const hash = r.room.replica.sim()!.hash();
    const t = r.room.replica.sim()!.now();
    const presenter = r.room.info(clock).presenter!;
    const genuine = envelopes();
    expect(genuine).toEqual([]);
    // Capture one genuine envelope, then play it back later.
    r.hub.heartbeat(clock);
    const captured = structuredClone(envelopes()[0]!);
    FakeBroadcastChannel.flush();
    const forged = (body: unknown, sig: Record<string, string> = {}): Wire =>
      ({ re: 'presenter', from: presenter, seq: captured.seq + 1000, body, sig }) as Wire;
    const audience = Object.keys(captured.sig)[0]!;
    const bodies = [
      { kind: 'round', authority: presenter, run: 99e6, levelId: tinyLevel.id, seed: 1, level: tinyLevel, log: [], t: 1, speed: 1, paused: false },
      { kind: 'entry', authority: presenter, run: r.hub.state().run, index: 0, at: 1, cmd: { type: 'extend', seconds: 900 } },
      { kind: 'tick', authority: presenter, run: r.hub.state().run, t: 1e12, speed: 4, paused: false, count: 0 },
      { kind: 'present', sessionId: 'local', roundId: null, team: 'Hacked', revealed: { screen: 'debrief', debriefStep: 6, questions: 99, customer: null }, muted: true },
      { kind: 'bye' },
    ];
    for (const body of bodies) {
      r.attacker.post(forged(body)); // unsigned
      r.attacker.post(forged(body, { [audience]: captured.sig[audience]! })); // a signature of another message
      r.attacker.post(forged(body, { [audience]: 'f'.repeat(64) }));
    }
    r.attacker.post(captured); // a genuine one, again
    r.attacker.post({ ...captured, seq: captured.seq + 5 }); // its signature does not cover another seq
    FakeBroadcastChannel.flush();
    expect(r.room.info(clock).refused).toBe(bodies.length * 3 + 2);
    expect(r.room.present()).toMatchObject({ team: null, muted: false, revealed: { screen: 'play' } });
    expect(r.room.connected(clock)).toBe(true);
    r.room.replica.sync();
    expect(r.room.replica.sim()!.now()).toBe(t);
    expect(r.room.replica.sim()!.hash()).toBe(hash);
    expect(r.room.replica.status().rejected).toBe(0); // none reached the replica
  });

  it('shows a second presenter to the facilitator, and the room stays with its own', () => {
    const r = rig();
    r.play(10);
    const other = createLiveHub({ now, makeChannel: (n) => chan(n), storage: null, timer: false });
    const otherSim = other.roundStarted(tinyLevel, tinyLevel.id, 99, createSim(tinyLevel, 99), clock);
    otherSim.advanceTo(100);
    other.frame(otherSim, 4, false, clock);
    FakeBroadcastChannel.flush();
    expect(clock - r.hub.otherPresenterMs()).toBeLessThan(1000);
    pause(r);
    expect(r.room.info(clock).foreign).toBeGreaterThan(0);
    expect(r.room.replica.sim()!.hash()).toBe(r.sim.hash());
  });

  it('bounds a flood of hellos and a huge forged message', () => {
    const r = rig({ link: 'hand' });
    const flood = chan(channelName('local'));
    for (let i = 0; i < 10_000; i++) flood.post({ re: 'room', from: `flood-${String(i).padStart(8, '0')}`, kind: 'hello', nonce: `n-${String(i).padStart(8, '0')}` });
    const posted = FakeBroadcastChannel.queue.length;
    FakeBroadcastChannel.flush();
    expect(posted).toBe(10_000);
    const welcomes = FakeBroadcastChannel.queue.filter((q) => (q.data as Wire).re === 'welcome').length;
    expect(welcomes).toBeLessThanOrEqual(1);
    FakeBroadcastChannel.flush();
    const presenter = r.room.info(clock).presenter!;
    const big = { kind: 'round', authority: presenter, run: 1, levelId: 'x', seed: 1, level: { pad: 'x'.repeat(5_000_000) }, log: [], t: 0, speed: 1, paused: false };
    const t0 = performance.now();
    r.attacker.post({ re: 'presenter', from: presenter, seq: 1e18, body: big, sig: { any: 'f'.repeat(64) } } as Wire);
    FakeBroadcastChannel.flush();
    expect(performance.now() - t0).toBeLessThan(5000);
    r.play(10);
    pause(r);
    expect(r.room.replica.sim()!.hash()).toBe(r.sim.hash());
  });

  it('links on a session whose id is not in the game’s own format', () => {
    const r = rig({ sessionId: 'Workshop 12 (Tuesday)' });
    r.play(15);
    pause(r);
    expect(r.hub.sessionId()).toBe('Workshop 12 (Tuesday)');
    expect(r.room.replica.sim()!.hash()).toBe(r.sim.hash());
  });

  it('keeps the link and the team through the results (the round is no longer active)', () => {
    const r = rig({ sessionId: 's-1' });
    r.play(15);
    setActiveRound(null); // what recording the result does
    r.hub.roundEnded(r.sim, clock);
    r.settle();
    r.hub.heartbeat(clock);
    r.settle();
    expect(r.room.connected(clock)).toBe(true);
    expect(r.room.present()).toMatchObject({ team: 'Blue table', roundId: 'r1', revealed: { screen: 'results' } });
  });
});

type Fate = 'deliver' | 'drop' | 'twice' | 'hold' | 'release' | 'tamper' | 'forge';

describe('projector protocol fuzz', () => {
  it('the room’s state hash equals the presenter’s after any forged, dropped, repeated and reordered messages', () => {
    const fate = fc.constantFrom<Fate>('deliver', 'deliver', 'deliver', 'drop', 'twice', 'hold', 'release', 'tamper', 'forge');
    fc.assert(
      fc.property(
        fc.array(fc.record({ seconds: fc.double({ min: 0.3, max: 20, noNaN: true }), fates: fc.array(fate, { minLength: 1, maxLength: 30 }) }), { minLength: 1, maxLength: 8 }),
        fc.nat(40),
        fc.boolean(),
        (steps, seed, hand) => {
          const r = rig({ link: hand ? 'hand' : 'button', seed });
          const rand = testRng(seed + 7);
          const held: Array<{ from: FakeBroadcastChannel; data: unknown }> = [];
          const from = FakeBroadcastChannel.open[0]!;
          for (const s of steps) {
            const until = Math.min(r.sim.view().end, r.sim.now() + s.seconds);
            while (r.sim.now() < until && !r.sim.isOver()) {
              r.sim.advanceTo(Math.min(until, r.sim.now() + 0.4));
              routeOutboxes(r.sim, rand, 0.2);
              clock += 200;
              r.hub.frame(r.sim, 2, false, clock);
              r.room.poll(clock);
              // The channel misbehaves on everything queued.
              const queued = FakeBroadcastChannel.queue.splice(0);
              queued.forEach((q, i) => {
                const f = s.fates[i % s.fates.length]!;
                const w = q.data as Wire;
                if (f === 'deliver') FakeBroadcastChannel.queue.push(q);
                else if (f === 'twice') FakeBroadcastChannel.queue.push(q, { from: q.from, data: structuredClone(q.data) });
                else if (f === 'hold') held.push(q);
                else if (f === 'release') FakeBroadcastChannel.queue.push(q, ...held.splice(0).reverse());
                else if (f === 'tamper' && w.re === 'presenter' && w.body.kind === 'entry')
                  FakeBroadcastChannel.queue.push({ from: q.from, data: { ...w, body: { ...w.body, cmd: { type: 'extend', seconds: 600 } } } });
                else if (f === 'forge' && w.re === 'presenter')
                  FakeBroadcastChannel.queue.push(q, { from, data: { ...w, seq: w.seq + 1, body: { ...w.body, kind: 'tick', t: 1e9 } } });
                else if (f !== 'drop') FakeBroadcastChannel.queue.push(q);
              });
              FakeBroadcastChannel.flush();
              r.room.replica.frame(0.2);
            }
          }
          pause(r);
          expect(r.room.connected(clock)).toBe(true);
          expect(r.room.replica.wantsRound()).toBe(false);
          expect(r.room.replica.sim()!.now()).toBe(r.sim.now());
          expect(r.room.replica.sim()!.hash()).toBe(r.sim.hash());
        },
      ),
      { numRuns: 40, seed: 1201 },
    );
  });
});
