import { describe, expect, it } from 'vitest';
import { nextStarText, verdict } from './resultsWords';

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
});
