import { describe, expect, it } from 'vitest';
import { LetterBook } from './letters';

/** A small seeded generator (the test's own; the sim's rules do not apply here, but runs must repeat). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = ['Lucia', 'Luis', 'Li', 'Tomasz', 'Tina', 'Otto', 'Mo', 'Émile', 'Zoë', '李', 'Ann', 'Anna', 'Bo', 'Ben'];

describe('LetterBook', () => {
  it('gives Lucia and Luis different letters, the initial first', () => {
    const b = new LetterBook();
    expect(b.take(1, 'Lucia')).toBe('L');
    expect(b.take(2, 'Luis')).toBe('U');
    expect(b.take(3, 'Lena')).toBe('E');
  });

  it('keeps a ticket its letter while it moves and hides, and gives it again only when the ticket is gone', () => {
    const b = new LetterBook();
    b.take(1, 'Tina');
    b.take(2, 'Otto');
    b.take(3, 'Mo');
    // T, O and M are taken: Tomasz shows A, and keeps it when T is freed (a letter never changes on a move).
    expect(b.take(4, 'Tomasz')).toBe('A');
    b.release(1);
    expect(b.take(4, 'Tomasz')).toBe('A');
    // Hidden in a long line, Otto keeps O: nobody else gets it meanwhile.
    b.hide(2);
    expect(b.take(5, 'Olga')).toBe('L');
    expect(b.take(2, 'Otto')).toBe('O');
    expect(b.letterOf(2)).toBe('O');
    // Gone, its letter is free: the next customer whose initial it is takes it.
    b.release(2);
    expect(b.letterOf(2)).toBeUndefined();
    expect(b.take(6, 'Oscar')).toBe('O');
  });

  it('lists only the drawn tickets as shown, a hidden one keeping its letter', () => {
    const b = new LetterBook();
    b.take(1, 'Ann');
    b.take(2, 'Ben');
    b.hide(1);
    expect([...b.letters()]).toEqual([[2, 'B']]);
    expect(b.letterOf(1)).toBe('A');
  });

  it('never changes a living ticket letter across syncs, nor shows one letter twice on screen', () => {
    const changed: string[] = [];
    const twice: string[] = [];
    let draws = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const b = new LetterBook();
      const alive = new Map<number, { name: string; letter?: string }>();
      let next = 1;
      for (let sync = 0; sync < 300; sync++) {
        // Customers arrive (at most 26 on the board at once) and leave.
        if (alive.size < 26 && r() < 0.5) alive.set(next++, { name: NAMES[Math.floor(r() * NAMES.length)]! });
        for (const id of [...alive.keys()])
          if (r() < 0.04) {
            alive.delete(id);
            b.release(id);
          }
        // Each sync draws some tickets and hides the others (a line too long to show).
        for (const [id, t] of alive) {
          if (r() < 0.2) {
            b.hide(id);
            continue;
          }
          const letter = b.take(id, t.name);
          draws++;
          if (t.letter !== undefined && letter !== t.letter)
            changed.push(`seed ${seed}, sync ${sync}: ticket ${id} ${t.letter} -> ${letter}`);
          t.letter = letter;
        }
        const shown = [...b.letters().values()];
        if (new Set(shown).size !== shown.length || shown.some((l) => !/^[A-Z]$/.test(l)))
          twice.push(`seed ${seed}, sync ${sync}: ${shown.join('')}`);
      }
    }
    expect(draws).toBeGreaterThan(50_000);
    expect(changed).toEqual([]);
    expect(twice).toEqual([]);
  });

  it('with more than 26 tickets, takes a letter from a hidden one before sharing, and shares only when 26 show', () => {
    const b = new LetterBook();
    for (let i = 0; i < 26; i++) b.take(i, 'Al');
    b.hide(3);
    const held = b.letterOf(3)!;
    // Every letter is held: the new ticket takes the hidden ticket's letter, which gets a new one later.
    expect(b.take(100, 'Zed')).toBe(held);
    expect(b.letterOf(3)).toBeUndefined();
    const shown = [...b.letters().values()];
    expect(new Set(shown).size).toBe(26);
    // All 26 on screen: the 27th shares its initial.
    expect(b.take(101, 'Mo')).toBe('M');
    expect(b.take(101, 'Mo')).toBe('M');
  });

  it('drops accents for the initial', () => {
    expect(new LetterBook().take(1, 'Émile')).toBe('E');
  });
});
