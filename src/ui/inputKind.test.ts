import { describe, expect, it } from 'vitest';
import { createInputKind, forInput, keysOrTap, tapWords, type InputWindow } from './inputKind';

function fakeWindow(media: Record<string, boolean>): InputWindow & { key(target?: unknown): void } {
  const fns: ((e: { target: unknown }) => void)[] = [];
  return {
    matchMedia: (q) => ({ matches: media[q] ?? false }),
    addEventListener: (_type, fn) => fns.push(fn),
    key: (target = null) => fns.forEach((f) => f({ target })),
  };
}

describe('createInputKind', () => {
  it('a tablet (coarse pointer, no fine one) is touch-only until a key is pressed', () => {
    const w = fakeWindow({ '(pointer: coarse)': true, '(any-pointer: fine)': false });
    const kind = createInputKind(w);
    expect(kind.touchOnly()).toBe(true);
    w.key();
    expect(kind.touchOnly()).toBe(false);
  });

  it('a phone stays touch-only while its on-screen keyboard types a join code or a team name', () => {
    const w = fakeWindow({ '(pointer: coarse)': true, '(any-pointer: fine)': false });
    const kind = createInputKind(w);
    w.key({ tagName: 'INPUT' });
    w.key({ tagName: 'TEXTAREA' });
    w.key({ tagName: 'DIV', isContentEditable: true });
    expect(kind.touchOnly()).toBe(true);
    w.key({ tagName: 'BODY' });
    expect(kind.touchOnly()).toBe(false);
  });

  it('a laptop with a touch screen has a fine pointer too: key words', () => {
    const w = fakeWindow({ '(pointer: coarse)': true, '(any-pointer: fine)': true });
    expect(createInputKind(w).touchOnly()).toBe(false);
  });

  it('a mouse only: key words', () => {
    const w = fakeWindow({ '(pointer: fine)': true, '(any-pointer: fine)': true });
    expect(createInputKind(w).touchOnly()).toBe(false);
  });
});

describe('keysOrTap', () => {
  it('gives the key words where there is no window (Node)', () => {
    expect(keysOrTap('press Enter', 'tap it')).toBe('press Enter');
  });
});

describe('tapWords', () => {
  it("says tap and drops the key hints of the campaign's own texts", () => {
    expect(
      tapWords("'Move 1 (-)' lends a person to the desk you pick next. Click a ticket waiting in a line (or press F) to serve that customer first."),
    ).toBe("'Move 1' lends a person to the desk you pick next. Tap a ticket waiting in a line to serve that customer first.");
    expect(tapWords('Internal requests: press Grant (G) and the desk asked does the work.')).toBe(
      'Internal requests: tap Grant and the desk asked does the work.',
    );
    expect(tapWords("Requests between teams: press Grant (or G) so HR starts on Tier 1's request.")).toBe(
      "Requests between teams: tap Grant so HR starts on Tier 1's request.",
    );
    expect(tapWords('Quick or Thorough (keys Q and T). Your choice applies to every ticket.')).toBe(
      'Quick or Thorough. Your choice applies to every ticket.',
    );
    expect(tapWords('Quick or Thorough (Q/T), pressing (1-3), (Space) or (Q or T), once clicked')).toBe(
      'Quick or Thorough, tapping, or, once tapped',
    );
  });

  it('leaves words and brackets that are not about keys alone', () => {
    const text = 'Answer the question (reply), then see Tier 1 (T1) or (the desk) under pressure, or express it (A B).';
    expect(tapWords(text)).toBe(text);
    expect(tapWords('(or click the ticket, then the desk)')).toBe('(or tap the ticket, then the desk)');
  });
});

describe('forInput', () => {
  it('keeps the words as written where there is no window (Node)', () => {
    expect(forInput('Click a ticket (or press F).')).toBe('Click a ticket (or press F).');
  });
});
