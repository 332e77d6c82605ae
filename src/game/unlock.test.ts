import { describe, expect, it } from 'vitest';
import { lockedText, NEXT_LOCKED_NOTE, starsOf, starsText, unlockedLevels } from './unlock';

describe('unlockedLevels', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('opens only the first level at the start', () => {
    expect(unlockedLevels(ids, {}, false)).toEqual([true, false, false, false]);
  });
  it('opens a level once the one before was played to the end, even without a star', () => {
    const p = { a: { bestScore: 60, stars: 1 }, b: { bestScore: 10, stars: 0 } };
    expect(unlockedLevels(ids, p, false)).toEqual([true, true, true, false]);
    expect(unlockedLevels(ids, { a: { bestScore: 0, stars: 0 } }, false)).toEqual([true, true, false, false]);
  });
  it('opens everything in facilitator mode', () => {
    expect(unlockedLevels(ids, {}, true)).toEqual([true, true, true, true]);
  });
  it('keeps a level after a broken one (no id) locked', () => {
    expect(unlockedLevels(['a', null, 'c'], { a: { bestScore: 90, stars: 3 } }, false)).toEqual([true, true, false]);
  });
});

describe('stars', () => {
  it('counts and words', () => {
    expect(starsOf({ a: { bestScore: 1, stars: 2 } }, 'a')).toBe(2);
    expect(starsOf({}, 'a')).toBe(0);
    expect(starsOf({}, null)).toBe(0);
    expect(starsText(2)).toBe('2 of 3 stars');
    expect(starsText(0)).toBe('No stars yet');
  });
});

describe('the words for a locked level', () => {
  it('state the rule unlockedLevels keeps: played to the end, no star needed', () => {
    // Playtest 6: the list said "at least one star" while a level with no stars opened the next.
    expect(unlockedLevels(['a', 'b'], { a: { bestScore: 5, stars: 0 } }, false)[1]).toBe(true);
    expect(lockedText(2)).toBe('Level 2 opens once level 1 has been played to the end.');
    for (const words of [lockedText(3), NEXT_LOCKED_NOTE]) {
      expect(words).toMatch(/to the end/);
      expect(words).not.toMatch(/star/i);
    }
  });
});
