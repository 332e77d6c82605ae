/**
 * Which notes went with each ticket the player (or a desk) sent: quick or thorough, from the sim's
 * handoff events, shown as a small mark on the ticket until the desk it went to has done its step
 * (the notes matter until then: a rework or a question back comes from them). Phaser-free; the sim
 * stays the owner of truth, this only remembers what its events said.
 */
import { careIsChosen } from '../../sim/index';
import type { Care, SimEvent } from '../../sim/types';

export class CareMarks {
  private readonly care = new Map<number, Care>();
  private shown = true;

  /**
   * Marks show only where the level lets the player choose the notes (its legend "Quick: faster for
   * you now." shows there too): elsewhere every ticket has the same notes, and a badge nobody explains
   * only puzzles (playtest 6: the ⚡ on level 1's tickets).
   */
  forLevel(actions: Parameters<typeof careIsChosen>[0]): void {
    this.shown = careIsChosen(actions);
  }

  handle(events: readonly SimEvent[]): void {
    for (const e of events) {
      if (e.type === 'handoff') this.care.set(e.ticket, e.care);
      else if (e.type === 'ready' || e.type === 'bounce' || e.type === 'resolved' || e.type === 'abandoned')
        this.care.delete(e.ticket);
    }
  }

  /** The notes sent with this ticket, while they still matter; undefined when none. */
  of(ticket: number): Care | undefined {
    return this.shown ? this.care.get(ticket) : undefined;
  }

  clear(): void {
    this.care.clear();
  }
}
