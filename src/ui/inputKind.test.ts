import { describe, expect, it } from 'vitest';
import { createInputKind, keysOrTap, type InputWindow } from './inputKind';

function fakeWindow(media: Record<string, boolean>): InputWindow & { key(): void } {
  const fns: (() => void)[] = [];
  return {
    matchMedia: (q) => ({ matches: media[q] ?? false }),
    addEventListener: (_type, fn) => fns.push(fn),
    key: () => fns.forEach((f) => f()),
  };
}

describe('createInputKind', () => {
  it('a tablet (coarse pointer, no fine one) is touch-only until a key is pressed', () => {
    const w = fakeWindow({ '(pointer: coarse)': true, '(any-pointer: fine)': false });
    const kind = createInputKind(w);
    expect(kind.touchOnly()).toBe(true);
    w.key();
    expect(kind.touchOnly()).toBe(false);
  });

  it('a laptop with a touch screen has a fine pointer too: key words', () => {
    const w = fakeWindow({ '(pointer: coarse)': true, '(any-pointer: fine)': true });
    expect(createInputKind(w).touchOnly()).toBe(false);
  });

  it('a mouse only: key words', () => {
    const w = fakeWindow({ '(pointer: fine)': true, '(any-pointer: fine)': true });
    expect(createInputKind(w).touchOnly()).toBe(false);
  });
});

describe('keysOrTap', () => {
  it('gives the key words where there is no window (Node)', () => {
    expect(keysOrTap('press Enter', 'tap it')).toBe('press Enter');
  });
});
