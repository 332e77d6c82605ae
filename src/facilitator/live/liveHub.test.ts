/**
 * The presenter hub as the play scene drives it (start, frames, commands from the sim's log, end,
 * reveals), against an audience reducer and replica on the other end of a fake channel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSim } from '../../sim/index';
import type { Sim } from '../../sim/types';
import { quietReplay } from './audienceSim';
import { FakeBroadcastChannel } from '../testing/fakeChannel';
import { createFollower } from './follower';
import { createLiveHub, LOCAL_SESSION } from './liveHub';
import { audienceUrl } from './liveWindow';
import { describeRevealed } from './presenterBarReveal';
import { routeOutboxes, testRng, tinyLevel } from '../testing/simFixtures';
import {
  audienceReduce,
  channelName,
  createSyncChannel,
  initialAudienceState,
  stepReveal,
  type AudienceState,
} from './sync';

const fake = (name: string) => createSyncChannel(name, { BroadcastChannelImpl: FakeBroadcastChannel });

function setup() {
  FakeBroadcastChannel.reset();
  let wall = 0;
  const hub = createLiveHub({ now: () => wall, makeChannel: fake });
  const room = fake(channelName(LOCAL_SESSION));
  let state: AudienceState = initialAudienceState(LOCAL_SESSION);
  const follower = createFollower(quietReplay);
  room.subscribe((m) => {
    state = audienceReduce(state, m);
    if (state.level) follower.sync(state);
  });
  return {
    hub,
    follower,
    room,
    audience: () => state,
    /** Plays the presenter's sim to `until` in uneven frames, routing as a player would. */
    play(sim: Sim, until: number, rand: () => number) {
      while (sim.now() < until && !sim.isOver()) {
        wall += 16 + rand() * 40;
        sim.advanceTo(Math.min(until, sim.now() + 0.1 + rand() * 0.6));
        routeOutboxes(sim, rand);
        hub.frame(sim, 2, false, wall);
        FakeBroadcastChannel.flush();
      }
    },
    wall: () => wall,
  };
}

afterEach(() => FakeBroadcastChannel.reset());

describe('live hub', () => {
  it('keeps a projector replica hash-equal to the presenter, through a restart and the end', () => {
    const rig = setup();
    const rand = testRng(3);
    let sim = createSim(tinyLevel, 4);
    rig.hub.roundStarted(tinyLevel, tinyLevel.id, 4, rig.wall());
    FakeBroadcastChannel.flush();
    expect(rig.audience().revealed.screen).toBe('play');
    rig.play(sim, 60, rand);
    rig.hub.frame(sim, 2, true, rig.wall() + 1000);
    FakeBroadcastChannel.flush();
    expect(rig.audience().paused).toBe(true);
    expect(rig.follower.sim()!.now()).toBe(sim.now());
    expect(rig.follower.sim()!.hash()).toBe(sim.hash());
    expect(rig.audience().commandLog.length).toBeGreaterThan(0);

    // Restart with the same seed: a new run, an empty log, the same board again.
    const run = rig.audience().run;
    sim = createSim(tinyLevel, 4);
    rig.hub.roundStarted(tinyLevel, tinyLevel.id, 4, rig.wall());
    FakeBroadcastChannel.flush();
    expect(rig.audience().run).toBe(run + 1);
    expect(rig.audience().commandLog).toEqual([]);
    sim.apply({ type: 'extend', seconds: 60 });
    rig.play(sim, sim.view().end, rand);
    rig.hub.roundEnded(sim, rig.wall() + 20);
    FakeBroadcastChannel.flush();
    expect(rig.audience().revealed.screen).toBe('results');
    expect(rig.follower.sim()!.isOver()).toBe(true);
    expect(rig.follower.sim()!.hash()).toBe(sim.hash());
  });

  it('answers a projector that arrives late with the whole state, and reveals step by step', () => {
    const rig = setup();
    const sim = createSim(tinyLevel, 9);
    rig.hub.roundStarted(tinyLevel, tinyLevel.id, 9, 0);
    rig.play(sim, 30, testRng(1));
    const late = fake(channelName(LOCAL_SESSION));
    let s = initialAudienceState(LOCAL_SESSION);
    late.subscribe((m) => (s = audienceReduce(s, m)));
    late.post({ type: 'hello', from: 'test' });
    FakeBroadcastChannel.flush();
    expect(s.connected).toBe(true);
    expect(s.commandLog).toEqual(sim.commandLog());
    rig.hub.roundEnded(sim, 99_999);
    rig.hub.reveal(stepReveal(rig.hub.revealed(), 1, 2));
    FakeBroadcastChannel.flush();
    expect(s.revealed).toMatchObject({ screen: 'debrief', debriefStep: 1 });
    expect(describeRevealed(s.revealed, 2)).toBe(
      'The room sees the debrief up to how the customers fared (1 of 6).',
    );
  });

  it('sends the room back to the lobby when the presenter leaves mid-level', () => {
    const rig = setup();
    rig.hub.roundStarted(tinyLevel, tinyLevel.id, 1, 0);
    rig.hub.left();
    FakeBroadcastChannel.flush();
    expect(rig.audience().revealed.screen).toBe('lobby');
  });
});

describe('audienceUrl', () => {
  it('keeps the page (also file://) and names the session', () => {
    expect(audienceUrl(LOCAL_SESSION, 'http://x.test/game/?facilitator=1&level=a#q')).toBe(
      'http://x.test/game/?audience=1',
    );
    expect(audienceUrl('abc-1', 'file:///media/usb/index.html?facilitator=1')).toBe(
      'file:///media/usb/index.html?audience=abc-1',
    );
  });
});
