import { describe, expect, it } from 'vitest';
import type { Runner } from '../level/balance';
import { main, parseArgs } from './balance';

const good: Runner = (_l, seed, policy) => {
  const base = { idle: 0, random: 20, siloed: 45, wholistic: 90 }[policy];
  return { total: base + (seed % 3), stars: base >= 80 ? 3 : base >= 40 ? 1 : 0 };
};
const lenient: Runner = (l, s, p) => ({ ...good(l, s, p), stars: 2 });

describe('levels:balance', () => {
  it('parses options', () => {
    expect(parseArgs(['a.json', '--seeds', '7', '--strict'])).toEqual({
      files: ['a.json'],
      seeds: 7,
      strict: true,
    });
    expect(parseArgs(['--seeds=3']).seeds).toBe(3);
    expect(parseArgs(['--seeds', 'x']).error).toMatch(/whole number/);
    expect(parseArgs(['--fast']).error).toMatch(/Unknown option/);
  });

  it('prints a table per level and exits 0 without --strict', async () => {
    const { code, lines } = await main(['--seeds', '3'], { runner: good });
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/right-desk \(3 seeds\)\n {2}policy/);
    expect(lines.some((l) => /^ {2}wholistic\s+91\.0/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/warning/);
  });

  it('--strict exits 1 when a warning is printed', async () => {
    const { code, lines } = await main(['levels/01-right-desk.json', '--seeds', '2', '--strict'], {
      runner: lenient,
    });
    expect(code).toBe(1);
    expect(lines.some((l) => l.includes('warning: Siloed play got 2 or more stars'))).toBe(true);
    expect(lines.some((l) => l.includes('idle) got a star'))).toBe(true);
  });

  it('skips broken or missing files with their problems', async () => {
    const { code, lines } = await main(['nope.json'], { runner: good });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^nope\.json:1:1:/);
  });
});
