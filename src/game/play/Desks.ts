/**
 * The board's department cards together: each frame they redraw from the sim view, the tray a ticket
 * is dragged from holds still (TrayHold), and each desk reads for the picked ticket ('target' can do its
 * next step, 'cannot' can't, 'from' is where it comes from). Also the places a finger presses by
 * position (desks, tray slots), for the test hook.
 */
import type { Level } from '../../level/schema';
import type { SimView } from '../../sim/types';
import { holdTray, trayOrder, trayWords, writingCount, type Place } from './boardModel';
import type { DeptView, FocusKind } from './DeptView';
import { lineTouchRect, OUTBOX_VISIBLE, outboxSlotRect } from './layout';
import { commandEnabled } from '../../sim/index';
import { TrayHold } from './trayHold';

export interface DeskFocus {
  /** Where the picked ticket (or person) comes from, or null. */
  from: string | null;
  /** The desk with the keyboard focus, or null. */
  focus: string | null;
  /** A ticket is being dragged (from `from`). */
  dragging: boolean;
  /** The picked ticket's next step, if a ticket is picked. */
  need: string | undefined;
}

export class Desks {
  private readonly kinds = new Map<string, FocusKind>();
  private readonly hold = new TrayHold();

  constructor(
    readonly views: readonly DeptView[],
    private readonly level: Level,
    /** The letter drawn on a ticket (the token layer's), for the tray's one line. */
    private readonly letterOf: (ticket: number) => string | undefined = () => undefined,
  ) {}

  /** Redraws every desk; may move tickets of a held tray to their held slots in `places`. */
  sync(view: SimView, places: Map<number, Place>, f: DeskFocus): void {
    // Mid-drag the tray it came from stands still under the pointer.
    const held = f.dragging ? f.from : null;
    this.hold.hold(held, held ? trayOrder(places, held) : []);
    const targeting = f.from !== null;
    const names = this.level.skillNames;
    view.departments.forEach((d, i) => {
      const dv = this.views[i];
      const def = this.level.departments[i];
      if (!dv) return;
      const needs =
        d.id === held
          ? holdTray(view, places, d.id, this.hold, OUTBOX_VISIBLE, names)
          : trayWords(view, d, OUTBOX_VISIBLE, names);
      dv.update(d, needs, def?.queueWarning ?? 4, writingCount(view, d), this.trayLetters(places, d.id));
      const can = f.need === undefined || (def?.skills ?? []).includes(f.need);
      const kind: FocusKind =
        d.id === f.from
          ? 'from'
          : targeting && !can
            ? 'cannot'
            : d.id === f.focus
              ? 'focus'
              : targeting
                ? 'target'
                : 'none';
      dv.setFocus(kind, targeting);
      this.kinds.set(d.id, kind);
    });
  }

  /** The letter of the ticket in each of a tray's slots ('' for an empty slot or one not known). */
  private trayLetters(places: ReadonlyMap<number, Place>, dept: string): string[] {
    const letters = Array.from({ length: OUTBOX_VISIBLE }, () => '');
    for (const [id, p] of places)
      if (p.area === 'outbox' && p.dept === dept && p.index < OUTBOX_VISIBLE) letters[p.index] = this.letterOf(id) ?? '';
    return letters;
  }

  /** How each desk reads now, by department id. */
  kindsNow(): Record<string, string> {
    return Object.fromEntries(this.kinds);
  }

  /** Where a finger presses by position: each desk, each slot of its tray, and its line where it can be reordered. */
  touchAreas(): Array<{ what: string; x: number; y: number; w: number; h: number }> {
    const lines = commandEnabled(this.level.actions, 'prioritise');
    return this.views.flatMap((d) => [
      { what: `desk ${d.def.name}`, ...d.rect },
      ...(lines ? [{ what: `line of ${d.def.name} (serve first)`, ...lineTouchRect(d.rect) }] : []),
      ...Array.from({ length: OUTBOX_VISIBLE }, (_, i) => ({
        what: `tray slot ${i + 1} of ${d.def.name}`,
        ...outboxSlotRect(d.rect, i),
      })),
    ]);
  }
}
