import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onEachKeyDown, type KeySource } from './keys';

/** Replays its queue on every new event, as Phaser 4's keyboard plugin does within one frame. */
class ReplayingKeyboard implements KeySource {
  private readonly bus = new EventEmitter();
  private queue: KeyboardEvent[] = [];
  on(event: 'keydown', fn: (e: KeyboardEvent) => void): this {
    this.bus.on(event, fn);
    return this;
  }
  off(event: 'keydown', fn: (e: KeyboardEvent) => void): this {
    this.bus.off(event, fn);
    return this;
  }
  press(key: string): void {
    this.queue.push({ key, type: 'keydown' } as KeyboardEvent);
    for (const e of this.queue) this.bus.emit('keydown', e);
  }
  endFrame(): void {
    this.queue = [];
  }
}

describe('onEachKeyDown', () => {
  it('handles each key once when several are pressed within one frame', () => {
    const kb = new ReplayingKeyboard();
    const got: string[] = [];
    onEachKeyDown(kb, (e) => got.push(e.key));
    kb.press('Tab');
    kb.press('Enter');
    kb.endFrame();
    kb.press('Enter');
    expect(got).toEqual(['Tab', 'Enter', 'Enter']);
  });

  it('gives each listener its own record, and stops when told', () => {
    const kb = new ReplayingKeyboard();
    const a: string[] = [];
    const b: string[] = [];
    const stopA = onEachKeyDown(kb, (e) => a.push(e.key));
    onEachKeyDown(kb, (e) => b.push(e.key));
    kb.press('p');
    stopA();
    kb.press('q');
    expect(a).toEqual(['p']);
    expect(b).toEqual(['p', 'q']);
  });

  it('does nothing without a keyboard', () => {
    expect(() => onEachKeyDown(null, () => {})()).not.toThrow();
  });
});
