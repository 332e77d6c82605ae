import { describe, expect, it } from 'vitest';
import { LetterBook } from './letters';

describe('LetterBook', () => {
  it('gives Lucia and Luis different letters, the initial first', () => {
    const b = new LetterBook();
    expect(b.take(1, 'Lucia')).toBe('L');
    expect(b.take(2, 'Luis')).toBe('U');
    expect(b.take(3, 'Lena')).toBe('E');
  });

  it('keeps a letter while drawn and frees it when the ticket goes', () => {
    const b = new LetterBook();
    b.take(1, 'Ann');
    expect(b.take(1, 'Ann')).toBe('A');
    expect(b.take(2, 'Anna')).toBe('N');
    b.release(1);
    expect(b.take(3, 'Abe')).toBe('A');
    // Drawn again later, ticket 1 asks for its old letter; taken now, so it gets another.
    expect(b.take(1, 'Ann', 'A')).not.toBe('A');
  });

  it('prefers the initial over the letter shown before, and takes it back when it is freed', () => {
    const b = new LetterBook();
    b.take(1, 'Tina');
    b.take(2, 'Otto');
    b.take(3, 'Mo');
    // T, O and M are taken: Tomasz shows A.
    expect(b.take(4, 'Tomasz')).toBe('A');
    b.release(1);
    // Drawn again, the initial comes before the letter shown last time.
    b.release(4);
    expect(b.take(4, 'Tomasz', 'A')).toBe('T');
    // Still drawn with a stand-in: it takes the initial back when it moves and the initial is free.
    expect(b.take(5, 'Tara')).toBe('A');
    expect(b.prefer(5, 'Tara')).toBe('A');
    b.release(4);
    expect(b.prefer(5, 'Tara')).toBe('T');
    expect([...b.letters().values()].filter((l) => l === 'T')).toHaveLength(1);
    expect(b.take(6, 'Ada')).toBe('A');
  });

  it('never shows one letter twice among up to 26 tickets, whatever the names', () => {
    const b = new LetterBook();
    const names = ['Lucia', 'Luis', 'Li', 'Lo', 'L', 'Émile', 'Zoë', '李', 'Al', 'Ali', 'Alan', 'Bo'];
    const seen = new Set<string>();
    for (let i = 0; i < 26; i++) {
      const l = b.take(i, names[i % names.length]!);
      expect(l).toMatch(/^[A-Z]$/);
      expect(seen.has(l), `letter ${l} for ticket ${i}`).toBe(false);
      seen.add(l);
    }
    // The 27th shares its initial: there is no letter left.
    expect(b.take(99, 'Mo')).toBe('M');
    expect(b.take(6, 'Zoë')).toBe(b.letters().get(6));
  });

  it('drops accents for the initial', () => {
    expect(new LetterBook().take(1, 'Émile')).toBe('E');
  });
});
