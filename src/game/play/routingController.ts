/**
 * The routing state machine shared by keyboard and pointer: choose a department, pick a ticket from
 * its "Ready to send" tray, choose where it goes. Also the keyboard side of the other actions (care,
 * policy, staff, grant, reprioritise, pause, speed). It produces Commands and effects; the scene
 * applies them to the sim and the store. Phaser-free.
 */
import type { Level } from '../../level/schema';
import { careIsChosen, commandEnabled, type PlayerCommandType } from '../../sim/index';
import type { Care, Command } from '../../sim/types';
import { keysOrTap } from '../../ui/inputKind';
import { COMMAND_WORDS } from '../commandWords';
import { neighbour, type Dir } from './layout';
import type { Pt } from './interpolate';

export interface DeptInfo {
  id: string;
  name: string;
  pos: Pt;
  outbox: readonly number[];
  inbox: readonly number[];
  care: Care;
}

export interface TicketInfo {
  customer: string;
  workName: string;
  /** The next step in words, e.g. "billing fix". */
  needs: string;
  /** The trainer's label for that step (a work type's step label), e.g. "Fix the invoice"; '' if none. */
  step: string;
}

export interface BoardInfo {
  depts: readonly DeptInfo[];
  ticket(id: number): TicketInfo | null;
  /** The level's actions; which command each enables is the sim's action table. */
  actions: Readonly<Level['actions']>;
  care: Care;
  /** Internal requests that can be granted now, oldest first. */
  grantable: readonly string[];
  /** The ticket in a department's line whose customer is unhappiest, or null. */
  mostUpsetInLine(dept: string): number | null;
  /** Can this department do the ticket's next step? (A send to one that can't comes back: a misroute.) */
  canDo(dept: string, ticket: number): boolean;
  /** Does a desk's own usual notes matter (some work moves on by itself)? Else the notes are only the care choice. */
  deskNotes: boolean;
  /** A live workshop: why this device may not send a desk's work (another person holds it), or null. */
  notMine?(dept: string): string | null;
}

export type RouteState =
  | { mode: 'idle' }
  | { mode: 'source'; dept: string }
  | { mode: 'target'; what: 'ticket'; from: string; ticket: number; dest: string | null }
  | { mode: 'target'; what: 'staff'; from: string; dest: string | null }
  | { mode: 'quit' };

export type Effect =
  | { type: 'command'; cmd: Command }
  | { type: 'speed'; speed: 1 | 2 | 4 }
  | { type: 'togglePause' }
  | { type: 'care'; care: Care }
  | { type: 'quit' }
  | { type: 'message'; text: string }
  /** Said at once and louder than a message: e.g. a ticket sent to a desk that cannot do its next step. */
  | { type: 'warn'; text: string }
  | { type: 'cue'; name: 'pickup' | 'click' | 'invalid' };

/** The board's answer when a level does not offer a command. */
const notHere = (type: PlayerCommandType): Effect => ({ type: 'message', text: COMMAND_WORDS[type].notHere });

const ARROWS: Record<string, Dir> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The warning for a send to a desk that cannot do the ticket's next step (the sim lets it happen: a misroute). */
export function wrongDeskWords(board: BoardInfo, ticket: number, to: string): string {
  const t = board.ticket(ticket);
  const name = board.depts.find((d) => d.id === to)?.name ?? to;
  const who = t ? `${t.customer}'s ticket` : 'The ticket';
  const what = t ? t.needs : 'its next step';
  return `${name} can't do ${what}: ${who} will come back, and ${t ? t.customer : 'the customer'} waits longer`;
}

export class RoutingController {
  state: RouteState = { mode: 'idle' };

  /** Department with the keyboard focus ring (source or destination), or null. */
  focusDept(): string | null {
    const s = this.state;
    if (s.mode === 'source') return s.dept;
    if (s.mode === 'target') return s.dest;
    return null;
  }

  /** The department a ticket or person is taken from while choosing a destination. */
  fromDept(): string | null {
    return this.state.mode === 'target' ? this.state.from : null;
  }

  pickedTicket(): number | null {
    return this.state.mode === 'target' && this.state.what === 'ticket' ? this.state.ticket : null;
  }

  /** Pointer: a ticket in a tray was clicked (or a drag started). */
  pick(dept: string, ticket: number, board: BoardInfo): Effect[] {
    if (!commandEnabled(board.actions, 'route')) return [notHere('route'), { type: 'cue', name: 'invalid' }];
    const other = board.notMine?.(dept);
    if (other) return [{ type: 'message', text: other }, { type: 'cue', name: 'invalid' }];
    this.state = { mode: 'target', what: 'ticket', from: dept, ticket, dest: null };
    return [{ type: 'cue', name: 'pickup' }];
  }

  /** Pointer: a department card was clicked. */
  clickDept(id: string, board: BoardInfo): Effect[] {
    if (this.state.mode === 'target') return this.finishByPointer(id, board);
    this.state = { mode: 'source', dept: id };
    return [{ type: 'cue', name: 'click' }];
  }

  /** Pointer: a dragged ticket was dropped on a department. */
  drop(ticket: number, from: string, to: string, board: BoardInfo): Effect[] {
    const other = board.notMine?.(from);
    if (other) {
      this.state = { mode: 'idle' };
      return [{ type: 'message', text: other }, { type: 'cue', name: 'invalid' }];
    }
    this.state = { mode: 'target', what: 'ticket', from, ticket, dest: to };
    return this.finishByPointer(to, board);
  }

  /**
   * A send with the mouse or a finger: nothing stays chosen after it, so no desk keeps the keyboard's
   * focus ring and the bottom line gives the pointer's help (a send by key keeps its desk for the next).
   */
  private finishByPointer(to: string, board: BoardInfo): Effect[] {
    const fx = this.finish(to, board);
    this.state = { mode: 'idle' };
    return fx;
  }

  /** Pointer: start moving a person away from a department. */
  startStaffMove(from: string, board: BoardInfo): Effect[] {
    if (!commandEnabled(board.actions, 'moveStaff')) return [notHere('moveStaff')];
    this.state = { mode: 'target', what: 'staff', from, dest: null };
    return [{ type: 'cue', name: 'pickup' }];
  }

  /** Asks whether to leave the level (the Menu button), as Escape does when nothing is picked. */
  askQuit(): void {
    this.state = { mode: 'quit' };
  }

  cancel(): void {
    const s = this.state;
    this.state = s.mode === 'target' ? { mode: 'source', dept: s.from } : { mode: 'idle' };
  }

  /** Keeps the state valid against the board (a picked ticket may have left the tray). */
  sync(board: BoardInfo): void {
    const s = this.state;
    if (s.mode === 'target' && s.what === 'ticket') {
      const d = board.depts.find((x) => x.id === s.from);
      if (!d || !d.outbox.includes(s.ticket)) this.state = { mode: 'source', dept: s.from };
    }
  }

  key(key: string, shift: boolean, board: BoardInfo): Effect[] | null {
    const s = this.state;
    const k = key.length === 1 ? key.toLowerCase() : key;
    if (s.mode === 'quit') {
      if (k === 'Enter') return [{ type: 'quit' }];
      if (k === 'Escape') {
        this.state = { mode: 'idle' };
        return [];
      }
    }
    if (k === ' ' || k === 'p') return [{ type: 'togglePause' }];
    if (k === 'Escape') {
      if (s.mode === 'idle') {
        this.state = { mode: 'quit' };
        return [];
      }
      this.cancel();
      return [{ type: 'cue', name: 'click' }];
    }
    if (/^[1-9]$/.test(k)) {
      if (s.mode === 'target') {
        const d = board.depts[Number(k) - 1];
        return d ? this.finish(d.id, board) : [{ type: 'cue', name: 'invalid' }];
      }
      if (k === '1' || k === '2' || k === '3') return [{ type: 'speed', speed: k === '1' ? 1 : k === '2' ? 2 : 4 }];
      return null;
    }
    if (k === 'Tab') return this.moveFocus(shift ? -1 : 1, null, board);
    const dir = ARROWS[k];
    if (dir) return this.moveFocus(0, dir, board);
    if (k === 'Enter') return this.enter(board);
    if (k === 'q' || k === 't') {
      if (!careIsChosen(board.actions)) return [notHere('setPolicy')];
      return [{ type: 'care', care: k === 'q' ? 'quick' : 'thorough' }];
    }
    if (k === 'n' && s.mode === 'target' && s.what === 'ticket') return this.nextTicket(board);
    if (k === 'l') return this.togglePolicy(board);
    if (k === '-' || k === '_') {
      const dept = s.mode === 'source' ? s.dept : null;
      if (!dept) return [{ type: 'message', text: 'Choose a department first (Tab), then press - to move one of its people' }];
      return this.startStaffMove(dept, board);
    }
    if (k === 'g') {
      if (!commandEnabled(board.actions, 'grant')) return [notHere('grant')];
      const r = board.grantable[0];
      return r ? [{ type: 'command', cmd: { type: 'grant', request: r } }] : [{ type: 'message', text: 'No request is waiting for you' }];
    }
    if (k === 'f') return this.prioritise(board);
    return null;
  }

  private enter(board: BoardInfo): Effect[] {
    const s = this.state;
    if (s.mode === 'idle') return this.moveFocus(1, null, board);
    if (s.mode === 'source') {
      const d = board.depts.find((x) => x.id === s.dept);
      const t = d?.outbox[0];
      if (!d || t === undefined) return [{ type: 'message', text: `Nothing is ready to send at ${d?.name ?? 'this department'} yet` }, { type: 'cue', name: 'invalid' }];
      return this.pick(d.id, t, board);
    }
    if (s.mode === 'target') {
      if (!s.dest) return [{ type: 'message', text: 'Choose a department with the arrow keys or 1-9 first' }, { type: 'cue', name: 'invalid' }];
      return this.finish(s.dest, board);
    }
    return [];
  }

  private finish(to: string, board: BoardInfo): Effect[] {
    const s = this.state;
    if (s.mode !== 'target') return [];
    this.state = { mode: 'source', dept: s.from };
    if (s.what === 'staff') {
      if (to === s.from) return [];
      return [{ type: 'command', cmd: { type: 'moveStaff', from: s.from, to } }];
    }
    const cmd: Command = careIsChosen(board.actions)
      ? { type: 'route', ticket: s.ticket, to, care: board.care }
      : { type: 'route', ticket: s.ticket, to };
    if (to === s.from || board.canDo(to, s.ticket)) return [{ type: 'command', cmd }];
    return [{ type: 'command', cmd }, { type: 'warn', text: wrongDeskWords(board, s.ticket, to) }];
  }

  private moveFocus(step: number, dir: Dir | null, board: BoardInfo): Effect[] {
    const n = board.depts.length;
    if (n === 0) return [];
    const s = this.state;
    const cur = s.mode === 'source' ? s.dept : s.mode === 'target' ? (s.dest ?? s.from) : null;
    const i = cur ? board.depts.findIndex((d) => d.id === cur) : -1;
    let j: number;
    if (i < 0) j = 0;
    else if (dir) {
      j = neighbour(
        board.depts.map((d) => d.pos),
        i,
        dir,
      );
      if (j < 0) j = i;
    } else j = (i + step + n) % n;
    const id = board.depts[j]!.id;
    if (s.mode === 'target') this.state = { ...s, dest: id };
    else this.state = { mode: 'source', dept: id };
    return [{ type: 'cue', name: 'click' }];
  }

  private nextTicket(board: BoardInfo): Effect[] {
    const s = this.state;
    if (s.mode !== 'target' || s.what !== 'ticket') return [];
    const d = board.depts.find((x) => x.id === s.from);
    if (!d || d.outbox.length === 0) return [];
    const i = d.outbox.indexOf(s.ticket);
    const next = d.outbox[(i + 1) % d.outbox.length]!;
    this.state = { ...s, ticket: next };
    return [{ type: 'cue', name: 'click' }];
  }

  private togglePolicy(board: BoardInfo): Effect[] {
    if (!commandEnabled(board.actions, 'setPolicy')) return [notHere('setPolicy')];
    if (!board.deskNotes)
      return [{ type: 'message', text: 'The notes go with each ticket you send: Q quick, T thorough (shown on the right)' }];
    const s = this.state;
    const id = s.mode === 'source' ? s.dept : null;
    const d = id ? board.depts.find((x) => x.id === id) : undefined;
    if (!d) return [{ type: 'message', text: 'Choose a department first (Tab), then press L to change the notes of the work it passes on by itself' }];
    return [{ type: 'command', cmd: { type: 'setPolicy', department: d.id, care: d.care === 'quick' ? 'thorough' : 'quick' } }];
  }

  private prioritise(board: BoardInfo): Effect[] {
    if (!commandEnabled(board.actions, 'prioritise')) return [notHere('prioritise')];
    const s = this.state;
    const id = s.mode === 'source' ? s.dept : null;
    if (!id) return [{ type: 'message', text: 'Choose a department first (Tab), then press F to serve its unhappiest customer first' }];
    const t = board.mostUpsetInLine(id);
    if (t === null) return [{ type: 'message', text: 'Nobody is waiting in that line' }];
    return [{ type: 'command', cmd: { type: 'prioritise', department: id, ticket: t } }];
  }

  /** The step-by-step hint line at the bottom of the screen. */
  hint(board: BoardInfo): string {
    const s = this.state;
    const n = board.depts.length;
    const keys = n > 1 ? `1-${Math.min(n, 9)}` : '1';
    const name = (id: string) => board.depts.find((d) => d.id === id)?.name ?? id;
    switch (s.mode) {
      case 'quit':
        return keysOrTap(
          'Leave this level? Press Enter to go to the menu, or Escape to keep playing.',
          'Leave this level? Tap Menu again to go to the menu, or tap the board to keep playing.',
        );
      case 'target': {
        const choose = keysOrTap(`Press ${keys} or click a department. Escape cancels.`, 'Tap a department.');
        if (s.what === 'staff') return `Where should one person from ${name(s.from)} go? ${choose}`;
        const t = board.ticket(s.ticket);
        const who = t ? `${t.customer}'s ${t.workName.toLowerCase()}` : 'this ticket';
        const needs = !t ? '' : t.step ? ` (next: ${t.step}, needs ${t.needs})` : ` (needs: ${t.needs})`;
        const care = careIsChosen(board.actions) ? ` Notes: ${board.care}${keysOrTap(' (Q/T)', '')}.` : '';
        const back = keysOrTap('', ' Tap the ticket again to put it back.');
        return `Where does ${who} go${needs}? ${choose}${back}${care}`;
      }
      case 'source': {
        const d = board.depts.find((x) => x.id === s.dept);
        if (!d) return '';
        const other = board.notMine?.(d.id);
        if (other) return `${other}${keysOrTap(' Tab or arrows: another department.', '')}`;
        if (d.outbox.length > 0)
          return keysOrTap(
            `${d.name}: press Enter to pick its next ready ticket (${d.outbox.length} ready). Tab or arrows: another department.`,
            `${d.name}: tap a ticket in its "Ready to send" tray to pick it (${d.outbox.length} ready).`,
          );
        return `${d.name} has nothing ready to send yet.${keysOrTap(' Tab or arrows: another department. Escape: back.', '')}`;
      }
      case 'idle': {
        const ready = board.depts.filter((d) => d.outbox.length > 0 && !board.notMine?.(d.id));
        if (commandEnabled(board.actions, 'route') && ready.length > 0)
          return `A ticket is ready at ${ready[0]!.name}: drag it onto the department that can do its next step ${keysOrTap('(or press Tab, then Enter)', '(or tap it, then tap that department)')}.`;
        return 'Customers arrive on the left. Finished work waits in the yellow "Ready to send" trays for you to pass it on.';
      }
    }
  }
}
