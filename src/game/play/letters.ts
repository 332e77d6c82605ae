/**
 * The letters on ticket tokens: a customer's initial when no other ticket on screen shows it, else
 * another letter of their name, else any free letter, so two tickets on screen never show the same
 * letter (Lucia and Luis read L and U, not L and L). The initial always comes first: a ticket drawn
 * again gets its initial back when that is free now, else the letter it showed before; and one
 * showing a stand-in letter (Tomasz as "A" while T, O and M were taken) takes its initial back when
 * it moves on (see `prefer`). Phaser-free.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The Latin capitals of a name in order, accents dropped ("Émile" -> E, M, I, L, E). */
function lettersOf(name: string): string[] {
  return [...name.normalize('NFD').toUpperCase()].filter((c) => ALPHABET.includes(c));
}

export class LetterBook {
  /** Letter -> the ticket showing it. */
  private readonly holder = new Map<string, number>();
  /** Ticket -> the letter it shows (held, or shared when every letter was taken). */
  private readonly shown = new Map<number, string>();

  /**
   * The letter for a ticket about to be drawn. `wish` is the letter it showed before (kept when free).
   * With all 26 letters on screen at once, the initial is shared (it cannot be helped).
   */
  take(ticket: number, name: string, wish?: string): string {
    const mine = this.shown.get(ticket);
    if (mine !== undefined) return mine;
    const own = lettersOf(name);
    const order = [...own.slice(0, 1), ...(wish ? [wish] : []), ...own.slice(1), ...ALPHABET];
    const free = order.find((c) => ALPHABET.includes(c) && !this.holder.has(c));
    const letter = free ?? own[0] ?? '?';
    if (free) this.holder.set(free, ticket);
    this.shown.set(ticket, letter);
    return letter;
  }

  /**
   * A drawn ticket showing a stand-in letter takes its initial when no other ticket shows it now
   * (called when the ticket moves to another place, so the letter changes with a move, not at rest).
   * Returns the letter it shows after.
   */
  prefer(ticket: number, name: string): string | undefined {
    const mine = this.shown.get(ticket);
    const initial = lettersOf(name)[0];
    if (mine === undefined || initial === undefined || mine === initial || this.holder.has(initial)) return mine;
    this.release(ticket);
    return this.take(ticket, name);
  }

  /** The ticket is no longer drawn: its letter is free for others. */
  release(ticket: number): void {
    const letter = this.shown.get(ticket);
    if (letter === undefined) return;
    this.shown.delete(ticket);
    if (this.holder.get(letter) === ticket) this.holder.delete(letter);
  }

  /** Letters shown now, by ticket. */
  letters(): ReadonlyMap<number, string> {
    return this.shown;
  }
}
