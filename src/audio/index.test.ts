import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/types';
import type { AudioBackend, BackendEvents, SpriteMap } from './backend';
import {
  ambientLevels,
  createGameAudio,
  createSilentBackend,
  MAX_SIM_SOUNDS_PER_FRAME,
  type GameAudio,
} from './index';
import { SPRITE } from './sprite.generated';

/** Records what the game asked of the audio library; 'loads' on demand and reports plays like howler. */
class FakeBackend implements AudioBackend {
  loads: Array<{ src: readonly string[]; sprite: SpriteMap }> = [];
  plays: Array<{ name: string; volume: number }> = [];
  loops = new Map<string, number>();
  loopLog: string[] = [];
  master: number | null = null;
  muted: boolean | null = null;
  disposed = false;
  events: BackendEvents | null = null;

  constructor(private readonly outcome: 'load' | 'unavailable' | 'manual' = 'load') {}

  load(src: readonly string[], sprite: SpriteMap, events: BackendEvents): void {
    this.loads.push({ src, sprite });
    this.events = events;
    if (this.outcome === 'load') events.onLoad();
    if (this.outcome === 'unavailable') events.onUnavailable('no device');
  }
  play(name: string, volume: number): void {
    this.plays.push({ name, volume });
    this.events?.onPlay(name);
  }
  startLoop(name: string, volume: number): void {
    this.loops.set(name, volume);
    this.loopLog.push(`start ${name}`);
    this.events?.onPlay(name);
  }
  setLoopVolume(name: string, volume: number, _fadeMs: number): void {
    if (this.loops.has(name)) this.loops.set(name, volume);
  }
  stopLoop(name: string): void {
    this.loops.delete(name);
    this.loopLog.push(`stop ${name}`);
  }
  setMasterVolume(v: number): void {
    this.master = v;
  }
  setMuted(m: boolean): void {
    this.muted = m;
  }
  dispose(): void {
    this.disposed = true;
  }
  names(): string[] {
    return this.plays.map((p) => p.name);
  }
}

const arrive = (ticket: number): SimEvent => ({
  type: 'arrive',
  t: ticket,
  ticket,
  customer: 'c',
  workType: 'w',
  dept: 'tier1',
});
const lost: SimEvent = {
  type: 'abandoned',
  t: 1,
  ticket: 1,
  customer: 'c',
  workType: 'w',
  totalSeconds: 9,
  satisfaction: 0,
  segments: [],
};
const red: SimEvent = { type: 'status', t: 1, dept: 'tier1', status: 'red' };
const bounce: SimEvent = { type: 'bounce', t: 1, ticket: 1, from: 'a', to: 'b', reason: 'clarify' };

function setup(outcome: 'load' | 'unavailable' | 'manual' = 'load'): { audio: GameAudio; be: FakeBackend } {
  const be = new FakeBackend(outcome);
  const audio = createGameAudio({ backend: be, baseUrl: '/base/audio/', listenForGesture: false });
  return { audio, be };
}

describe('createGameAudio: loading', () => {
  it('touches nothing before the first gesture, then loads the sprite in both formats', () => {
    const { audio, be } = setup();
    audio.onSimEvents([arrive(1)], 0);
    audio.cue('click', 0);
    expect(be.loads).toHaveLength(0);
    expect(be.plays).toHaveLength(0);
    expect(audio.isReady()).toBe(false);
    expect(audio.state()).toBe('idle');

    audio.unlock();
    expect(be.loads).toHaveLength(1);
    expect(be.loads[0]?.src).toEqual(['/base/audio/sfx.ogg', '/base/audio/sfx.mp3']);
    expect(be.loads[0]?.sprite).toEqual(SPRITE);
    expect(audio.isReady()).toBe(true);
    audio.unlock();
    expect(be.loads).toHaveLength(1);
  });

  it('uses the Vite base URL by default', () => {
    const be = new FakeBackend();
    createGameAudio({ backend: be, listenForGesture: false }).unlock();
    expect(be.loads[0]?.src).toEqual([
      `${import.meta.env.BASE_URL}audio/sfx.ogg`,
      `${import.meta.env.BASE_URL}audio/sfx.mp3`,
    ]);
  });

  it('drops sounds while loading instead of playing them late', () => {
    const { audio, be } = setup('manual');
    audio.unlock();
    expect(audio.state()).toBe('loading');
    audio.cue('click', 0);
    be.events?.onLoad();
    expect(audio.isReady()).toBe(true);
    expect(be.plays).toHaveLength(0);
    audio.cue('click', 100);
    expect(be.names()).toEqual(['click']);
  });

  it('stays silent, without throwing, when audio is unavailable', () => {
    const { audio, be } = setup('unavailable');
    audio.unlock();
    expect(audio.state()).toBe('unavailable');
    audio.onSimEvents([arrive(1), lost], 0);
    audio.cue('won', 0);
    audio.setLoad(1);
    audio.applySettings({ masterVolume: 1, sfx: true, music: true, muted: false });
    expect(be.plays).toHaveLength(0);
    expect(be.loops.size).toBe(0);
    expect(audio.playedCount()).toBe(0);
  });

  it('works with the silent backend', () => {
    const audio = createGameAudio({ backend: createSilentBackend(), listenForGesture: false });
    audio.unlock();
    expect(audio.isReady()).toBe(false);
    expect(() => audio.cue('click', 0)).not.toThrow();
  });
});

describe('createGameAudio: sim events', () => {
  it('turns a burst of arrivals into one sound, across frames too', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.onSimEvents(
      Array.from({ length: 30 }, (_, i) => arrive(i)),
      1000,
    );
    for (let f = 1; f <= 20; f++) audio.onSimEvents([arrive(100 + f)], 1000 + f * 16);
    expect(be.names()).toEqual(['arrive']);
    audio.onSimEvents([arrive(200)], 2000);
    expect(be.names()).toEqual(['arrive', 'arrive']);
  });

  it('plays the most important sounds of a busy frame, up to the per-frame cap', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.onSimEvents([arrive(1), bounce, red, lost], 0);
    expect(be.names()).toEqual(['customerLost', 'warning'].slice(0, MAX_SIM_SOUNDS_PER_FRAME));
    audio.onSimEvents([bounce], 16);
    expect(be.names()).toContain('bounce');
  });

  it('uses per-sound gains (player handoffs louder than automatic ones)', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.onSimEvents(
      [{ type: 'handoff', t: 1, ticket: 1, from: 'a', to: 'b', care: 'thorough', auto: true }],
      0,
    );
    audio.onSimEvents(
      [{ type: 'handoff', t: 1, ticket: 2, from: 'a', to: 'b', care: 'thorough', auto: false }],
      1000,
    );
    const [autoPlay, ownPlay] = be.plays;
    expect(autoPlay?.name).toBe('handoffCareful');
    expect(ownPlay?.name).toBe('handoffCareful');
    expect(autoPlay?.volume ?? 1).toBeLessThan(ownPlay?.volume ?? 0);
  });

  it('reports what actually played', () => {
    const { audio } = setup();
    expect(audio.lastPlayed()).toBeNull();
    audio.unlock();
    audio.onSimEvents([red], 0);
    audio.cue('pickup', 10);
    expect(audio.lastPlayed()).toBe('pickup');
    expect(audio.playedCount()).toBe(2);
  });

  it('does not count sounds the backend never started', () => {
    const { audio, be } = setup();
    audio.unlock();
    be.play = (name, volume) => {
      be.plays.push({ name, volume });
    };
    audio.cue('click', 0);
    expect(be.plays).toHaveLength(1);
    expect(audio.playedCount()).toBe(0);
  });
});

describe('createGameAudio: settings and mute', () => {
  it('pushes master volume and mute to the backend, clamped', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.applySettings({ masterVolume: 1.7, sfx: true, music: true, muted: false });
    expect(be.master).toBe(1);
    audio.applySettings({ masterVolume: 0.3, sfx: true, music: true, muted: true });
    expect(be.master).toBe(0.3);
    expect(be.muted).toBe(true);
  });

  it('plays nothing with sound effects off, and resumes when they are back on', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.applySettings({ masterVolume: 1, sfx: false, music: true, muted: false });
    audio.onSimEvents([lost], 0);
    audio.cue('click', 0);
    expect(be.plays).toHaveLength(0);
    audio.applySettings({ masterVolume: 1, sfx: true, music: true, muted: false });
    audio.cue('click', 100);
    expect(be.names()).toEqual(['click']);
  });

  it('mutes with setMuted and toggleMute', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.setMuted(true);
    expect(be.muted).toBe(true);
    expect(audio.isMuted()).toBe(true);
    audio.cue('click', 0);
    expect(be.plays).toHaveLength(0);
    expect(audio.toggleMute()).toBe(false);
    expect(be.muted).toBe(false);
    audio.cue('click', 100);
    expect(be.names()).toEqual(['click']);
    expect(audio.toggleMute()).toBe(true);
  });

  it('keeps a silenced window (the presenter) quiet whatever the settings say', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.setSilenced(true);
    audio.applySettings({ masterVolume: 1, sfx: true, music: true, muted: false });
    expect(be.muted).toBe(true);
    audio.setLoad(0.5);
    audio.cue('click', 0);
    expect(be.plays).toHaveLength(0);
    expect(be.loops.size).toBe(0);
    audio.setSilenced(false);
    expect(be.muted).toBe(false);
    expect(be.loops.size).toBe(2);
  });

  it('remembers settings applied before the first gesture', () => {
    const { audio, be } = setup();
    audio.applySettings({ masterVolume: 0.25, sfx: true, music: false, muted: true });
    expect(be.master).toBeNull();
    audio.unlock();
    expect(be.master).toBe(0.25);
    expect(be.muted).toBe(true);
  });
});

describe('createGameAudio: ambient loop', () => {
  it('starts with the first setLoad and follows the load', () => {
    const { audio, be } = setup();
    audio.unlock();
    expect(be.loops.size).toBe(0);
    audio.setLoad(0);
    expect([...be.loops.keys()].sort()).toEqual(['ambientBase', 'ambientTension']);
    expect(be.loops.get('ambientTension')).toBe(0);
    audio.setLoad(1);
    expect(be.loops.get('ambientTension')).toBeCloseTo(ambientLevels(1).tension);
    expect(be.loops.get('ambientBase')).toBeCloseTo(ambientLevels(1).base);
    audio.setLoad(0.1);
    expect(be.loops.get('ambientTension')).toBe(0);
  });

  it('starts a loop that was asked for before loading finished', () => {
    const { audio, be } = setup('manual');
    audio.setLoad(0.4);
    audio.unlock();
    expect(be.loops.size).toBe(0);
    be.events?.onLoad();
    expect(be.loops.size).toBe(2);
  });

  it('stops with music off, at the end of a level and on stopAmbient; setLoad brings it back', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.setLoad(0.5);
    audio.applySettings({ masterVolume: 1, sfx: true, music: false, muted: false });
    expect(be.loops.size).toBe(0);
    audio.applySettings({ masterVolume: 1, sfx: true, music: true, muted: false });
    expect(be.loops.size).toBe(2);
    audio.cue('won', 0);
    expect(be.loops.size).toBe(0);
    expect(be.names()).toEqual(['levelWon']);
    audio.setLoad(0.5);
    expect(be.loops.size).toBe(2);
    audio.stopAmbient();
    expect(be.loops.size).toBe(0);
    expect(be.loopLog.filter((l) => l.startsWith('start'))).toHaveLength(6);
  });

  it('does not resend tiny volume changes every frame', () => {
    const { audio, be } = setup();
    audio.unlock();
    let sets = 0;
    const original = be.setLoopVolume.bind(be);
    be.setLoopVolume = (n: string, v: number, f: number) => {
      sets++;
      original(n, v, f);
    };
    audio.setLoad(0.5);
    for (let i = 0; i < 100; i++) audio.setLoad(0.5 + i * 0.0001);
    expect(sets).toBe(0);
  });

  it('ambient levels rise with load and stay within 0..1', () => {
    let prev = ambientLevels(0);
    expect(prev.tension).toBe(0);
    for (let l = 0.05; l <= 1.0001; l += 0.05) {
      const cur = ambientLevels(l);
      expect(cur.base).toBeGreaterThanOrEqual(prev.base);
      expect(cur.tension).toBeGreaterThanOrEqual(prev.tension);
      expect(cur.base).toBeLessThanOrEqual(1);
      expect(cur.tension).toBeLessThanOrEqual(1);
      prev = cur;
    }
    expect(ambientLevels(Number.NaN)).toEqual(ambientLevels(0));
    expect(ambientLevels(7)).toEqual(ambientLevels(1));
  });
});

describe('createGameAudio: dispose', () => {
  it('frees the backend and ignores later calls', () => {
    const { audio, be } = setup();
    audio.unlock();
    audio.dispose();
    expect(be.disposed).toBe(true);
    audio.cue('click', 0);
    audio.setLoad(1);
    expect(be.plays).toHaveLength(0);
    expect(be.loops.size).toBe(0);
    expect(audio.isReady()).toBe(false);
  });
});
