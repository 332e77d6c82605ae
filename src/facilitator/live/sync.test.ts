import { describe, expect, it } from 'vitest';
import { FakeBroadcastChannel } from '../testing/fakeChannel';
import { createPresenterLink } from './presenter';
import { tinyLevel } from '../testing/simFixtures';
import type { PresenterState, Revealed, SyncMessage } from './sync';
import * as Sync from './sync';

const presenter = (over: Partial<PresenterState> = {}): PresenterState => ({
  sessionId: 's1',
  roundId: 'r1',
  run: 1,
  levelId: tinyLevel.id,
  seed: 7,
  level: tinyLevel,
  commandLog: [],
  simTime: 12,
  speed: 1,
  paused: false,
  revealed: Sync.NOTHING_REVEALED,
  muted: false,
  ...over,
});

const cmd = (index: number, at: number, run = 1): SyncMessage => ({
  type: 'command',
  run,
  index,
  at,
  cmd: { type: 'route', ticket: index, to: 'billing' },
  after: index * 10,
});

describe('audienceReduce', () => {
  const start = Sync.audienceReduce(Sync.initialAudienceState('s1'), { type: 'state', ...presenter() });

  it('takes the full state and follows ticks, commands, reveals and mute', () => {
    expect(Sync.initialAudienceState().needsState).toBe(true);
    expect(start).toMatchObject({ connected: true, needsState: false, simTime: 12, level: tinyLevel });
    let s = Sync.audienceReduce(start, { type: 'tick', run: 1, simTime: 15, speed: 4, paused: false });
    expect(s).toMatchObject({ simTime: 15, speed: 4 });
    s = Sync.audienceReduce(s, cmd(0, 16));
    s = Sync.audienceReduce(s, cmd(0, 16)); // a repeat changes nothing
    expect(s.commandLog).toEqual([{ at: 16, cmd: { type: 'route', ticket: 0, to: 'billing' }, after: 0 }]);
    expect(s.simTime).toBe(16);
    s = Sync.audienceReduce(s, { type: 'tick', run: 1, simTime: 14, speed: 4, paused: true });
    expect(s.simTime).toBe(16); // time never goes back within a run
    const revealed: Revealed = { screen: 'debrief', debriefStep: 2, questions: 0, customer: 4 };
    s = Sync.audienceReduce(s, { type: 'reveal', revealed });
    s = Sync.audienceReduce(s, { type: 'mute', muted: true });
    expect(s).toMatchObject({ revealed, muted: true });
    s = Sync.audienceReduce(s, { type: 'bye' });
    expect(s.connected).toBe(false);
  });

  it('asks for the full state after a gap, a stale run, or before it has one', () => {
    expect(Sync.audienceReduce(start, cmd(1, 20)).needsState).toBe(true);
    expect(Sync.audienceReduce(start, cmd(0, 20, 2)).needsState).toBe(true);
    expect(Sync.audienceReduce(start, { type: 'tick', run: 0, simTime: 1, speed: 1, paused: false }).needsState).toBe(true);
    expect(Sync.audienceReduce(Sync.initialAudienceState(), cmd(0, 1)).needsState).toBe(true);
  });
});

describe('what the room may see', () => {
  it('reveals panels one at a time, then questions one at a time, and hides in reverse', () => {
    let r = Sync.NOTHING_REVEALED;
    expect(Sync.visiblePanels(r)).toEqual([]);
    r = Sync.stepReveal(r, 1, 2);
    expect(Sync.visiblePanels(r)).toEqual(['outcomes']);
    for (let i = 0; i < 5; i++) r = Sync.stepReveal(r, 1, 2);
    expect(Sync.visiblePanels(r)).toContain('questions');
    expect(Sync.visibleQuestions(['a', 'b'], r)).toEqual([]);
    r = Sync.stepReveal(r, 1, 2);
    expect(Sync.visibleQuestions(['a', 'b'], r)).toEqual(['a']);
    r = Sync.stepReveal(Sync.stepReveal(r, 1, 2), 1, 2);
    expect(Sync.visibleQuestions(['a', 'b'], r)).toEqual(['a', 'b']);
    r = Sync.stepReveal(r, -1, 2);
    expect(Sync.visibleQuestions(['a', 'b'], r)).toEqual(['a']);
    for (let i = 0; i < 20; i++) r = Sync.stepReveal(r, -1, 2);
    expect(r.debriefStep).toBe(0);
    expect(Sync.visibleQuestions(['a', 'b'], { ...r, questions: 2 })).toEqual([]);
  });
});

describe('sync channel', () => {
  it('drops malformed messages and re-validates the level', () => {
    expect(Sync.parseSyncMessage({ type: 'tick', run: 1 })).toBeNull();
    expect(Sync.parseSyncMessage({ type: 'launch-missiles' })).toBeNull();
    expect(Sync.parseSyncMessage({ type: 'state', ...presenter({ level: { ...tinyLevel, departments: [] } }) })).toBeNull();
    expect(Sync.parseSyncMessage({ type: 'state', ...presenter() })).toMatchObject({ type: 'state', level: { id: 'tiny-desk' } });
  });

  it('answers hello with the full state, throttles ticks, and says goodbye', () => {
    FakeBroadcastChannel.reset();
    const name = Sync.channelName('s1');
    expect(name).toBe('ripple-effect:s1');
    const p = Sync.createSyncChannel(name, { BroadcastChannelImpl: FakeBroadcastChannel });
    const a = Sync.createSyncChannel(name, { BroadcastChannelImpl: FakeBroadcastChannel });
    const got: SyncMessage[] = [];
    a.subscribe((m) => got.push(m));
    const link = createPresenterLink(p, () => presenter(), { tickEveryMs: 250 });
    a.post({ type: 'hello', from: 'audience' });
    FakeBroadcastChannel.flush();
    expect(got.map((m) => m.type)).toEqual(['state']);
    link.tick(1, 1, 1, false, 0);
    link.tick(1, 2, 1, false, 100); // too soon
    link.tick(1, 3, 2, false, 150); // speed changed: at once
    link.tick(1, 4, 2, false, 420);
    link.close();
    FakeBroadcastChannel.flush();
    expect(got.map((m) => (m.type === 'tick' ? m.simTime : m.type))).toEqual(['state', 1, 3, 4, 'bye']);
    p.close();
    a.close();
    expect(FakeBroadcastChannel.open).toHaveLength(0);
  });

  it('works (quietly) where BroadcastChannel is missing', () => {
    const ch = Sync.createSyncChannel('x', {
      BroadcastChannelImpl: class {
        constructor() {
          throw new Error('no');
        }
      } as unknown as Sync.BroadcastChannelCtor,
    });
    expect(ch.available).toBe(false);
    expect(() => ch.post({ type: 'bye' })).not.toThrow();
  });
});
