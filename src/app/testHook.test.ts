import { describe, expect, it } from 'vitest';
import type Phaser from 'phaser';
import { createUiStore } from '../store/store';
import { setApp, setProbe, type PlayProbe } from '../game/context';
import { createTestHook } from './testHook';

function fakeGame(rect: { left: number; top: number; width: number; height: number }): Phaser.Game {
  return {
    canvas: { getBoundingClientRect: () => rect },
    scale: { gameSize: { width: 1920, height: 1080 } },
  } as unknown as Phaser.Game;
}

describe('test hook', () => {
  it('maps game points to client pixels through the letterboxed canvas', () => {
    setApp({ store: createUiStore(), audio: null, probe: null });
    const hook = createTestHook(() => fakeGame({ left: 0, top: 60, width: 960, height: 540 }));
    expect(hook.toScreen({ x: 1920, y: 1080 })).toEqual({ x: 960, y: 600 });
    expect(hook.toScreen({ x: 0, y: 0 })).toEqual({ x: 0, y: 60 });
  });

  it('reports state, and nulls when nothing is playing', () => {
    const store = createUiStore();
    setApp({ store, audio: null, probe: null });
    store.getState().toast('Billing bounced a ticket back', 'bounce');
    const hook = createTestHook(() => null);
    expect(hook.state()).toMatchObject({
      screen: 'boot',
      storageOk: true,
      toasts: ['Billing bounced a ticket back'],
    });
    expect(hook.sim()).toBeNull();
    expect(hook.score()).toBeNull();
    expect(hook.deptScreenPos('billing')).toBeNull();
    expect(hook.audio).toEqual({ ready: false, lastPlayed: null, playedCount: 0 });
  });

  it('reads positions from the play probe', () => {
    setApp({ store: createUiStore(), audio: null, probe: null });
    const probe = {
      deptPos: (id: string) => (id === 'billing' ? { x: 960, y: 540 } : null),
      outboxPos: () => ({ x: 100, y: 100 }),
      ticketPos: () => null,
    } as unknown as PlayProbe;
    setProbe(probe);
    const hook = createTestHook(() => fakeGame({ left: 10, top: 0, width: 1920, height: 1080 }));
    expect(hook.deptScreenPos('billing')).toEqual({ x: 970, y: 540 });
    expect(hook.deptScreenPos('hr')).toBeNull();
    expect(hook.outboxScreenPos('billing')).toEqual({ x: 110, y: 100 });
    expect(hook.ticketScreenPos(3)).toBeNull();
  });
});
