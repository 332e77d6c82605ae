import { describe, expect, it } from 'vitest';
import { settingsChangedWords } from './settingsWords';

const base = { textScale: 1, highContrast: false, reducedMotion: false };

describe('the words after the settings change mid-level', () => {
  it('say the desks grow now when the text size changed (they do), and the rest later', () => {
    expect(settingsChangedWords(base, { ...base, textScale: 1.3 })).toBe(
      'The desks show the new text size now. The side panels follow from the next level you start.',
    );
    expect(settingsChangedWords(base, { ...base, textScale: 1.3, highContrast: true })).toMatch(/^The desks show the new text size now\. The rest/);
  });
  it('say contrast and motion wait for the next level, and nothing when nothing shown changed', () => {
    expect(settingsChangedWords(base, { ...base, highContrast: true })).toBe(
      'The new contrast and motion settings show from the next level you start.',
    );
    expect(settingsChangedWords(base, base)).toBeNull();
  });
});
