/**
 * The audience replica against the real sim: whatever the presenter does, and however messages arrive,
 * the replica's state hash equals the presenter's at the same sim time.
 */
import { describe, expect, it } from 'vitest';
import { createSim, replay } from '../../sim/index';
import type { Sim } from '../../sim/types';
import { createFollower } from './follower';
import { createPresenterLink } from './presenter';
import { routeOutboxes, testRng, tinyLevel } from '../testing/simFixtures';
import type { AudienceState, PresenterState, SyncMessage } from './sync';
import { audienceReduce, createSyncChannel, initialAudienceState, NOTHING_REVEALED } from './sync';
import { FakeBroadcastChannel } from '../testing/fakeChannel';

interface Rig {
  presenter: () => Sim;
  run: () => number;
  /** Presenter plays from its current time to `until`, in uneven frames, routing as it goes. */
  play(until: number): void;
  restart(seed?: number): void;
  audience: () => AudienceState;
  follower: ReturnType<typeof createFollower>;
  /** Messages the audience lost on the way (dropped when `drop` returns true). */
  drop: (msg: SyncMessage) => boolean;
  setDrop(f: (msg: SyncMessage) => boolean): void;
  /** Wall seconds the audience runs on by itself between messages. */
  lead: number;
}

function rig(seed = 5): Rig {
  FakeBroadcastChannel.reset();
  const name = 'ripple-effect:test';
  const rand = testRng(seed);
  let sim = createSim(tinyLevel, seed);
  let run = 1;
  let wallMs = 0;
  const state = (): PresenterState => ({
    sessionId: 's',
    roundId: 'r1',
    run,
    levelId: tinyLevel.id,
    seed: sim.seed,
    level: tinyLevel,
    commandLog: sim.commandLog(),
    simTime: sim.now(),
    speed: 2,
    paused: false,
    revealed: NOTHING_REVEALED,
    muted: false,
  });
  const presenterChannel = createSyncChannel(name, { BroadcastChannelImpl: FakeBroadcastChannel });
  const link = createPresenterLink(presenterChannel, state, { tickEveryMs: 250 });
  const audienceChannel = createSyncChannel(name, { BroadcastChannelImpl: FakeBroadcastChannel });
  const follower = createFollower(replay);
  let audience = initialAudienceState('s');
  const r: Rig = {
    presenter: () => sim,
    run: () => run,
    audience: () => audience,
    follower,
    drop: () => false,
    setDrop: (f) => (r.drop = f),
    lead: 0,
    play(until) {
      while (sim.now() < until && !sim.isOver()) {
        const dt = 0.1 + rand() * 0.5;
        wallMs += (dt / 2) * 1000;
        sim.advanceTo(Math.min(until, sim.now() + dt));
        const before = sim.commandLog().length;
        routeOutboxes(sim, rand, 0.3);
        const log = sim.commandLog();
        for (let i = before; i < log.length; i++) link.command(run, i, log[i]!);
        link.tick(run, sim.now(), 2, false, wallMs);
        FakeBroadcastChannel.flush();
      }
    },
    restart(nextSeed = seed) {
      sim = createSim(tinyLevel, nextSeed);
      run += 1;
      link.sendState();
      FakeBroadcastChannel.flush();
    },
  };
  audienceChannel.subscribe((msg) => {
    if (r.drop(msg)) return;
    audience = audienceReduce(audience, msg);
    if (audience.needsState) {
      audienceChannel.post({ type: 'hello', from: 'audience' });
      return;
    }
    follower.sync(audience);
    if (r.lead > 0) follower.frame(r.lead);
  });
  audienceChannel.post({ type: 'hello', from: 'audience' });
  FakeBroadcastChannel.flush();
  return r;
}

/** Brings the replica to the presenter's exact time (a final tick, as the presenter sends on pause). */
function settle(r: Rig): Sim {
  const p = r.presenter();
  r.follower.sync({ ...r.audience(), simTime: p.now() });
  const replica = r.follower.sim();
  if (!replica) throw new Error('no replica');
  if (replica.now() > p.now()) p.advanceTo(replica.now());
  return replica;
}

describe('follower replica (real sim)', () => {
  it('matches the presenter hash after a run of commands', () => {
    const r = rig();
    r.play(150);
    const replica = settle(r);
    expect(r.presenter().commandLog().length).toBeGreaterThan(5);
    expect(replica.now()).toBe(r.presenter().now());
    expect(replica.hash()).toBe(r.presenter().hash());
    expect(r.follower.rebuilds()).toBe(1); // only the first build: every command was stepped in
    // The hash does tell runs apart: the same customers without the commands give another board.
    expect(replay(tinyLevel, 5, [], r.presenter().now()).hash()).not.toBe(r.presenter().hash());
    r.play(300);
    expect(settle(r).hash()).toBe(r.presenter().hash());
  });

  it('recovers from a lost command message by asking for the full state', () => {
    const r = rig(8);
    let dropped = 0;
    r.setDrop((m) => m.type === 'command' && m.index === 3 && dropped++ === 0);
    r.play(200);
    expect(dropped).toBe(1);
    expect(r.follower.rebuilds()).toBeGreaterThan(1);
    expect(settle(r).hash()).toBe(r.presenter().hash());
  });

  it('rebuilds when it ran ahead of a command, and after a restart', () => {
    const r = rig(11);
    r.lead = 0.3;
    r.play(120);
    expect(settle(r).hash()).toBe(r.presenter().hash());
    const ranAhead = r.follower.rebuilds();
    expect(ranAhead).toBeGreaterThan(1);
    r.restart(12);
    r.play(90);
    expect(r.audience().run).toBe(r.run());
    expect(r.audience().seed).toBe(12);
    expect(r.follower.rebuilds()).toBeGreaterThan(ranAhead);
    expect(settle(r).hash()).toBe(r.presenter().hash());
  });

  it('never runs more than the lead ahead of the presenter, and stops when paused', () => {
    const f = createFollower(replay, { maxLeadSeconds: 0.5 });
    const target = { ...initialAudienceState(), level: tinyLevel, seed: 1, run: 1, simTime: 10, speed: 4, paused: false };
    f.sync(target);
    expect(f.frame(10)).toBe(12);
    f.sync({ ...target, simTime: 12, paused: true });
    expect(f.frame(10)).toBe(12);
    f.sync({ ...target, level: null });
    expect(f.sim()).toBeNull();
  });
});
