import { describe, expect, it } from 'vitest';
import { timeAxis } from './chartKit';

describe('timeAxis on a long timeline (issue 14, item 3)', () => {
  it('takes 300,000 samples without overflowing the stack, and spans them', () => {
    // Math.min(...times) threw "Maximum call stack size exceeded" here and every chart went blank.
    const times = Array.from({ length: 300_000 }, (_, i) => i * 0.5);
    const axis = timeAxis({ projector: false, reducedMotion: true }, times) as { min: number; max: number };
    expect(axis.min).toBe(0);
    expect(axis.max).toBeGreaterThanOrEqual(150_000 - 0.5);
  });
});
