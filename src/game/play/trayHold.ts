/**
 * While a ticket is dragged out of a "Ready to send" tray, that tray keeps its slots: the tickets stay
 * where they were when the drag began (a slot stays empty when its ticket leaves), and newcomers line
 * up after them. So nothing moves under the pointer mid-drag. Phaser-free; the sim's order is untouched.
 */
export class TrayHold {
  private dept: string | null = null;
  private order: number[] = [];

  /** Holds `dept`'s tray as it is now (`current`, in drawn order) until let go (dept null). */
  hold(dept: string | null, current: readonly number[]): void {
    if (dept === null) {
      this.dept = null;
      this.order = [];
    } else if (dept !== this.dept) {
      this.dept = dept;
      this.order = [...current];
    }
  }

  held(): string | null {
    return this.dept;
  }

  /** The tray of `dept` by slot: ids where they stood when the hold began (null: left since), newcomers after. */
  slots(dept: string, current: readonly number[]): Array<number | null> {
    if (dept !== this.dept) return [...current];
    const now = new Set(current);
    const was = new Set(this.order);
    const out: Array<number | null> = this.order.map((id) => (now.has(id) ? id : null));
    for (const id of current) if (!was.has(id)) out.push(id);
    return out;
  }
}
