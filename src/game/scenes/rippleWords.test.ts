import { describe, expect, it } from 'vitest';
import type { RippleSummary } from '../../sim/types';
import { aboutDuration, largestRipples, rippleSentence } from './rippleWords';
import { groupedParts, maxPointsOf, PART_LABELS } from './resultsWords';

const level = { departments: [{ id: 'tier1', name: 'Tier 1' }, { id: 'billing', name: 'Billing' }, { id: 'it', name: 'IT' }] };
const r = (p: Partial<RippleSummary>): RippleSummary => ({ kind: 'rework', source: 'tier1', at: 'billing', handoffs: 4, customers: 9, seconds: 9 * 300, ...p });

describe('aboutDuration', () => {
  it('rounds to words', () => {
    expect(aboutDuration(2)).toBe('a few seconds');
    expect(aboutDuration(42)).toBe('about 40 seconds');
    expect(aboutDuration(300)).toBe('about 5 minutes');
    expect(aboutDuration(100)).toBe('about 1.5 minutes');
    expect(aboutDuration(60 * 61)).toBe('about 1 hour');
    expect(aboutDuration(Number.NaN)).toBe('a few seconds');
  });
});

describe('rippleSentence', () => {
  it('uses department names from the level', () => {
    expect(rippleSentence(r({}), level)).toBe('4 rushed handoffs from Tier 1 cost 9 customers about 5 minutes each: Billing had to ask them again.');
  });
  it('speaks of one customer without "each"', () => {
    expect(rippleSentence(r({ kind: 'clarify', handoffs: 1, customers: 1, seconds: 60 }), level)).toBe(
      '1 handoff from Tier 1 came back from Billing for clearer notes, and cost 1 customer about 60 seconds.',
    );
  });
  it('describes misroutes and unknown ids', () => {
    expect(rippleSentence(r({ kind: 'misroute', at: 'hr', handoffs: 2, customers: 2, seconds: 240 }), level)).toBe(
      '2 tickets sent from Tier 1 to the wrong desk (hr) cost 2 customers about 2 minutes each.',
    );
  });
});

describe('largestRipples', () => {
  it('takes the three largest by customer time', () => {
    const list = [r({ seconds: 10 }), r({ seconds: 500, source: 'it' }), r({ seconds: 0 }), r({ seconds: 900 }), r({ seconds: 300, kind: 'clarify' })];
    const out = largestRipples(list, level);
    expect(out).toHaveLength(3);
    expect(out[0]).toContain('from Tier 1');
    expect(out[1]).toContain('from IT');
    expect(largestRipples([], level)).toEqual([]);
  });
});

describe('results words', () => {
  it('groups parts customers first and skips zero weights', () => {
    const parts = [
      { key: 'cost', group: 'cost', value: 1, weight: 1, points: 10 },
      { key: 'handoffQuality', group: 'internal', value: 1, weight: 0, points: 0 },
      { key: 'satisfaction', group: 'external', value: 0.5, weight: 3, points: 15 },
    ] as const;
    const g = groupedParts([...parts]);
    expect(g.map((x) => x.group)).toEqual(['external', 'cost']);
    expect(maxPointsOf(parts[2], [...parts])).toBe(75);
    expect(PART_LABELS.p95Time).toBe('Slowest 5%');
  });
});
