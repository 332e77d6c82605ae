import { describe, expect, it } from 'vitest';
import { keepTogether, nextStarText, shownScore, verdict } from './resultsWords';

describe('results words', () => {
  it('says what the next star needs', () => {
    expect(nextStarText(0, [45, 65, 80])).toBe('The first star needs 45 points.');
    expect(nextStarText(2, [45, 65, 80])).toBe('The next star needs 80 points.');
    expect(nextStarText(3, [45, 65, 80])).toBe('');
    expect(nextStarText(null, null)).toBe('');
  });

  it('does not repeat "not yet" after "No stars yet"', () => {
    expect(verdict(0)).not.toMatch(/not yet/i);
  });

  it('never speaks of ripples when no handoff came back or needed rework', () => {
    for (const stars of [0, 1, 2]) {
      expect(verdict(stars, false)).not.toMatch(/ripple/i);
      expect(verdict(stars, true)).toMatch(/ripple/i);
    }
  });
});

describe('shownScore', () => {
  it('rounds down, so a score just under a star never reads as reaching it', () => {
    expect(shownScore(49.6)).toBe(49);
    expect(shownScore(50)).toBe(50);
    expect(shownScore(79.99)).toBe(79);
    expect(shownScore(0)).toBe(0);
  });

  it('keeps a measure\'s target, and any short last word, with its line', () => {
    const nb = '\u00a0';
    expect(keepTogether('0.42 re-asks or bounces each, target none')).toBe(`0.42 re-asks or bounces each, target${nb}none`);
    expect(keepTogether('average 3 min 5 s, target 2 min 30 s')).toBe(
      `average 3 min 5 s, target${nb}2${nb}min${nb}30${nb}s`,
    );
    expect(keepTogether('3 of 4 done in time, or 0')).toBe(`3 of 4 done in time, or${nb}0`);
    expect(keepTogether('nobody was served')).toBe('nobody was served');
    // The words are the same: only spaces changed.
    const t = '12 of 14 served, target all';
    expect(keepTogether(t).replace(/\u00a0/g, ' ')).toBe(t);
  });
});
