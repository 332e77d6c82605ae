import { describe, expect, it, vi } from 'vitest';
import type { AudioBackend, BackendEvents } from './backend';

const calls: string[] = [];
vi.mock('./howlerBackend', () => ({
  createHowlerBackend: (): AudioBackend => ({
    load: (src) => calls.push(`load ${src.join(',')}`),
    play: (name, v) => calls.push(`play ${name} ${v}`),
    startLoop: (name) => calls.push(`loop ${name}`),
    setLoopVolume: () => calls.push('loopVolume'),
    stopLoop: (name) => calls.push(`stop ${name}`),
    setMasterVolume: (v) => calls.push(`master ${v}`),
    setMuted: (m) => calls.push(`muted ${m}`),
    dispose: () => calls.push('dispose'),
  }),
}));

const { createLazyHowlerBackend, prefetchHowler } = await import('./lazyBackend');

const events: BackendEvents = { onLoad: () => {}, onUnavailable: () => {}, onPlay: () => {} };

describe('lazy howler backend', () => {
  it('touches howler only from load(), then passes on the volume and mute set while it was coming', async () => {
    calls.length = 0;
    const b = createLazyHowlerBackend();
    b.play('click', 1); // before load: nothing can play yet
    b.load(['a.webm'], {}, events);
    b.setMasterVolume(0.5);
    b.setMuted(true);
    expect(calls).toEqual([]);
    await prefetchHowler();
    await Promise.resolve();
    expect(calls).toEqual(['load a.webm', 'master 0.5', 'muted true']);
    b.play('click', 0.7);
    b.dispose();
    expect(calls.slice(3)).toEqual(['play click 0.7', 'dispose']);
  });

  it('loads at once, inside the gesture, once howler was prefetched', async () => {
    await prefetchHowler();
    calls.length = 0;
    const b = createLazyHowlerBackend();
    b.load(['b.webm'], {}, events);
    expect(calls).toEqual(['load b.webm']);
  });

  it('starts nothing when disposed before howler arrived', async () => {
    calls.length = 0;
    const b = createLazyHowlerBackend();
    b.dispose();
    b.load(['c.webm'], {}, events);
    await prefetchHowler();
    await Promise.resolve();
    expect(calls).toEqual([]);
  });
});
