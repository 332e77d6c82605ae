/**
 * The letters on ticket tokens. A ticket keeps the letter it was first drawn with for its whole life on
 * the board, however often it moves or hides in a long line: a participant follows "ticket B" from desk
 * to desk. A letter is given again only once its ticket is gone. The first letter given prefers the
 * customer's initial when no other ticket holds it, else another letter of their name, else any free
 * letter, so two tickets on screen never show the same letter (Lucia and Luis read L and U).
 *
 * Only when all 26 letters are held does a ticket drawn now take a letter from one that is hidden (in a
 * long line, out of sight): that one gets a new letter when it shows again. With 26 tickets on screen at
 * once the initial is shared, which cannot be helped. Phaser-free.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The Latin capitals of a name in order, accents dropped ("Émile" -> E, M, I, L, E). */
function lettersOf(name: string): string[] {
  return [...name.normalize('NFD').toUpperCase()].filter((c) => ALPHABET.includes(c));
}

export class LetterBook {
  /** Letter -> the ticket holding it. */
  private readonly holder = new Map<string, number>();
  /** Ticket -> its letter (held, or shared when every letter was taken), for every ticket given one. */
  private readonly kept = new Map<number, string>();
  /** Tickets drawn now (the others keep their letters, hidden). */
  private readonly drawn = new Set<number>();

  /** The letter for a ticket drawn now: the one it has, else a new one (see the file's comment). */
  take(ticket: number, name: string): string {
    this.drawn.add(ticket);
    const mine = this.kept.get(ticket);
    if (mine !== undefined) return mine;
    const own = lettersOf(name);
    const order = [...own, ...ALPHABET];
    let letter = order.find((c) => !this.holder.has(c));
    // Every letter held: take one from a hidden ticket, the customer's own letters first.
    letter ??= order.find((c) => !this.drawn.has(this.holder.get(c)!));
    if (letter === undefined) {
      // 26 tickets on screen: the initial is shared.
      letter = own[0] ?? '?';
      this.kept.set(ticket, letter);
      return letter;
    }
    const from = this.holder.get(letter);
    if (from !== undefined) this.kept.delete(from);
    this.holder.set(letter, ticket);
    this.kept.set(ticket, letter);
    return letter;
  }

  /** The ticket is out of sight for now (a long line): it keeps its letter. */
  hide(ticket: number): void {
    this.drawn.delete(ticket);
  }

  /** The ticket has left the board: its letter is free for others. */
  release(ticket: number): void {
    this.drawn.delete(ticket);
    const letter = this.kept.get(ticket);
    if (letter === undefined) return;
    this.kept.delete(ticket);
    if (this.holder.get(letter) === ticket) this.holder.delete(letter);
  }

  /** The letter a ticket has (drawn or hidden), if it was ever given one. */
  letterOf(ticket: number): string | undefined {
    return this.kept.get(ticket);
  }

  /** Letters of the tickets drawn now, by ticket. */
  letters(): Map<number, string> {
    const out = new Map<number, string>();
    for (const id of this.drawn) out.set(id, this.kept.get(id)!);
    return out;
  }
}
