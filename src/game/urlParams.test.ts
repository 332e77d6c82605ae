import { describe, expect, it } from 'vitest';
import { parseUrlParams, rendererFrom, unknownLevelMessage } from './urlParams';

describe('parseUrlParams', () => {
  it('reads level, seed and facilitator', () => {
    expect(parseUrlParams('?level=right-desk&seed=42&facilitator=1')).toEqual({
      level: 'right-desk',
      seed: 42,
      facilitator: true,
      audience: null,
      messages: [],
    });
  });
  it('gives nothing for an empty query', () => {
    expect(parseUrlParams('')).toEqual({
      level: null,
      seed: null,
      facilitator: null,
      audience: null,
      messages: [],
    });
  });
  it('explains a seed that is not a whole number and keeps the default', () => {
    const p = parseUrlParams('?seed=abc');
    expect(p.seed).toBeNull();
    expect(p.messages[0]).toContain('"abc" is not a whole number');
    expect(parseUrlParams('?seed=-3').seed).toBeNull();
    expect(parseUrlParams('?seed=1.5').seed).toBeNull();
  });
  it('accepts facilitator on and off words, and explains others', () => {
    expect(parseUrlParams('?facilitator').facilitator).toBe(true);
    expect(parseUrlParams('?facilitator=0').facilitator).toBe(false);
    const p = parseUrlParams('?facilitator=maybe');
    expect(p.facilitator).toBeNull();
    expect(p.messages).toHaveLength(1);
  });
  it('reads the audience window: 1 is the local session, or a session id', () => {
    expect(parseUrlParams('?audience=1').audience).toBe('local');
    expect(parseUrlParams('?audience').audience).toBe('local');
    expect(parseUrlParams('?audience=0').audience).toBeNull();
    expect(parseUrlParams('?audience=3f2a-9c_b1').audience).toBe('3f2a-9c_b1');
    // An imported session keeps the id its file had.
    for (const id of ['Workshop 12 (Tuesday)', 'a b', '-x', 'Équipe ①', 'x'.repeat(200)])
      expect(parseUrlParams(`?audience=${encodeURIComponent(id)}`).audience).toBe(id);
    expect(parseUrlParams('?audience=1').messages).toEqual([]);
  });
  it('explains an audience value that cannot be a session and opens normally', () => {
    for (const bad of ['\u0007bell', 'line\nbreak', 'x'.repeat(201)]) {
      const p = parseUrlParams(`?audience=${encodeURIComponent(bad)}`);
      expect(p.audience).toBeNull();
      expect(p.messages).toHaveLength(1);
      expect(p.messages[0]).toContain('audience=1');
    }
  });
  it('explains an empty level', () => {
    const p = parseUrlParams('?level=');
    expect(p.level).toBeNull();
    expect(p.messages).toHaveLength(1);
  });
});

describe('unknownLevelMessage', () => {
  it('suggests the closest id and lists the rest', () => {
    const m = unknownLevelMessage('rigth-desk', ['right-desk', 'notes', 'surge']);
    expect(m).toBe(
      "There is no level called 'rigth-desk'. Did you mean 'right-desk'? The levels are: right-desk, notes, surge.",
    );
  });
  it('lists levels without a guess when nothing is close', () => {
    expect(unknownLevelMessage('zzzzzz', ['notes'])).toBe(
      "There is no level called 'zzzzzz'. The levels are: notes.",
    );
  });
});

describe('rendererFrom', () => {
  it('draws with Canvas unless the link asks for WebGL', () => {
    expect(rendererFrom('')).toBe('canvas');
    expect(rendererFrom('?level=right-desk')).toBe('canvas');
    expect(rendererFrom('?renderer=WebGL')).toBe('webgl');
    expect(rendererFrom('?renderer=nonsense')).toBe('canvas');
  });
});

describe('hostile links (issue 14, item 11)', () => {
  it('a long ?level= is cut in the message', () => {
    const long = 'x'.repeat(5000);
    const p = parseUrlParams(`?level=${long}`);
    const m = unknownLevelMessage(p.level ?? '', ['right-desk', 'clear-notes']);
    expect(m.length).toBeLessThan(200);
    expect(m).toContain(`'${'x'.repeat(40)}…'`);
  });
  it('-5 is below 0, 1234567890 is a fine seed, a 12-digit seed is too large', () => {
    expect(parseUrlParams('?seed=-5')).toMatchObject({ seed: null });
    expect(parseUrlParams('?seed=-5').messages[0]).toMatch(/"-5" is below 0/);
    expect(parseUrlParams('?seed=1234567890')).toMatchObject({ seed: 1234567890, messages: [] });
    expect(parseUrlParams('?seed=123456789012').messages[0]).toMatch(
      /too large \(the largest is 2147483647\)/,
    );
    expect(parseUrlParams('?seed=' + '9'.repeat(3000)).messages[0]!.length).toBeLessThan(200);
  });
  it('an unknown renderer gets a message; webgl and canvas do not', () => {
    expect(parseUrlParams('?renderer=webgl2').messages[0]).toMatch(
      /"renderer=webgl2" was not understood, so the game draws with Canvas/,
    );
    expect(rendererFrom('?renderer=webgl2')).toBe('canvas');
    expect(parseUrlParams('?renderer=webgl').messages).toEqual([]);
    expect(parseUrlParams('?renderer=Canvas').messages).toEqual([]);
  });
  it('other echoed values are cut too', () => {
    for (const q of ['facilitator', 'audience', 'renderer'])
      expect(parseUrlParams(`?${q}=${'é'.repeat(3000)}`).messages[0]!.length).toBeLessThan(300);
  });
});
