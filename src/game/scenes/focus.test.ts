import { describe, expect, it } from 'vitest';
import { moveFocus, navKeyOf } from './focus';

describe('moveFocus', () => {
  it('moves through a vertical list and wraps with Tab', () => {
    expect(moveFocus(0, 'down', 3)).toBe(1);
    expect(moveFocus(2, 'down', 3)).toBe(2);
    expect(moveFocus(0, 'up', 3)).toBe(0);
    expect(moveFocus(2, 'next', 3)).toBe(0);
    expect(moveFocus(0, 'prev', 3)).toBe(2);
    expect(moveFocus(1, 'right', 3)).toBe(2);
  });
  it('moves in a 4-column grid of 7', () => {
    expect(moveFocus(0, 'right', 7, 4)).toBe(1);
    expect(moveFocus(3, 'right', 7, 4)).toBe(3);
    expect(moveFocus(4, 'left', 7, 4)).toBe(4);
    expect(moveFocus(1, 'down', 7, 4)).toBe(5);
    expect(moveFocus(3, 'down', 7, 4)).toBe(6);
    expect(moveFocus(5, 'up', 7, 4)).toBe(1);
    expect(moveFocus(6, 'right', 7, 4)).toBe(6);
    expect(moveFocus(5, 'down', 7, 4)).toBe(5);
  });
  it('handles home, end and empty lists', () => {
    expect(moveFocus(2, 'home', 5)).toBe(0);
    expect(moveFocus(2, 'end', 5)).toBe(4);
    expect(moveFocus(0, 'down', 0)).toBe(-1);
  });
});

describe('navKeyOf', () => {
  it('maps keys', () => {
    expect(navKeyOf('ArrowDown')).toBe('down');
    expect(navKeyOf('Tab', true)).toBe('prev');
    expect(navKeyOf('Tab')).toBe('next');
    expect(navKeyOf('x')).toBeNull();
  });
});
