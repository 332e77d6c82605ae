import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmac, randomToken, sha256 } from './linkKey';

describe('link keys', () => {
  it('SHA-256 and HMAC agree with node:crypto, at every length around the block edges', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'é'.repeat(n % 7) + 'x'.repeat(n);
      const mine = Array.from(sha256(new TextEncoder().encode(text)), (b) => b.toString(16).padStart(2, '0')).join('');
      expect(mine).toBe(createHash('sha256').update(text).digest('hex'));
      const key = 'k'.repeat(n % 90);
      expect(hmac(key, text)).toBe(createHmac('sha256', key).update(text).digest('hex'));
    }
  });

  it('makes different tokens each time', () => {
    expect(randomToken()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomToken()).not.toBe(randomToken());
  });
});
