import { describe, expect, it } from 'vitest';
import { newJoinCode } from '../../server/codes';
import { CODE_ALPHABET, joinCodeProblem, normaliseJoinCode } from './joinCode';

describe('join codes', () => {
  it('never use look-alike characters, and are spread over the whole alphabet', () => {
    expect(CODE_ALPHABET).not.toMatch(/[O0I1]/);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = newJoinCode();
      codes.add(c);
      for (const ch of c) seen.add(ch);
      expect(normaliseJoinCode(c)).toBe(c);
    }
    expect(codes.size).toBe(2000);
    expect(seen.size).toBe(32);
  });

  it('read what a person typed: any case, spaces and dashes ignored', () => {
    expect(normaliseJoinCode(' abc-dEf ')).toBe('ABCDEF');
    expect(normaliseJoinCode('ab cd ef')).toBe('ABCDEF');
  });

  it('say plainly why a typed code cannot be one', () => {
    expect(joinCodeProblem('ABCDE')).toMatch(/6 characters/);
    expect(joinCodeProblem('ABCDE0')).toMatch(/never use O, 0, I or 1/);
    expect(joinCodeProblem('ABCDE!')).toMatch(/"!" is not in any join code/);
    expect(normaliseJoinCode('ABCDEO')).toBeNull();
  });
});
