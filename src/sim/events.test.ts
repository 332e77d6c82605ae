import { describe, expect, it } from 'vitest';
import { checkKindsFit, E_HIRE, EVENT_KINDS, KIND_BITS, KIND_MASK } from './events';

describe('event kind packing', () => {
  it('gives every kind its own code that fits in the kind bits', () => {
    expect(EVENT_KINDS.length).toBeLessThanOrEqual(1 << KIND_BITS);
    expect(new Set(EVENT_KINDS).size).toBe(EVENT_KINDS.length);
    expect(E_HIRE).toBe(EVENT_KINDS.length - 1);
    expect(KIND_MASK).toBe(15);
  });

  it('fails loudly at a 17th kind instead of reading it as the first', () => {
    const sixteen = Array.from({ length: 16 }, (_, i) => `kind${i}`);
    expect(() => checkKindsFit(sixteen)).not.toThrow();
    expect(() => checkKindsFit([...sixteen, 'seventeenth'])).toThrow(/17 event kinds do not fit in 4 bits.*"seventeenth" would be read as "kind0"/);
  });
});
