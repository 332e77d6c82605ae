/**
 * Reads the sim view into what the board draws: where each ticket sits (line, desk, tray, on the way)
 * and the routing controller's BoardInfo. Phaser-free; the sim stays the only owner of truth.
 */
import type { Level } from '../../level/schema';
import type { Care, SimView, TicketView } from '../../sim/types';
import type { BoardInfo, DeptInfo, TicketInfo } from './routingController';
import type { Pt } from './interpolate';
import { skillWords } from './playTheme';
import { stepLabelAt } from '../../level/stepLabels';
import { journeyText } from '../journeyText';
import { INBOX_VISIBLE, OUTBOX_VISIBLE, WORK_VISIBLE } from './layout';
import type { TrayHold } from './trayHold';

export type Area = 'inbox' | 'work' | 'outbox' | 'transit';

export interface Place {
  area: Area;
  dept: string;
  /** Position in the line / desk row / tray (0 = front). */
  index: number;
}

/**
 * The most tickets drawn on their way between desks at once. A level at the format's limits (600
 * customers a minute) has thousands in the air: past this they are not drawn (each card's line and
 * tray already show only their first few), so the board's drawn objects stay bounded.
 */
export const TRANSIT_VISIBLE = 40;

/** Whether a ticket at this place gets a token on the board: the front of each line, desk and tray. */
export function shownOnBoard(place: Place | undefined, staffOf: (dept: string) => number): boolean {
  if (!place) return false;
  if (place.area === 'transit') return place.index < TRANSIT_VISIBLE;
  if (place.area === 'inbox') return place.index < INBOX_VISIBLE;
  if (place.area === 'outbox') return place.index < OUTBOX_VISIBLE;
  return place.index < Math.min(WORK_VISIBLE, staffOf(place.dept));
}

export function forEachTicket(view: SimView, fn: (t: TicketView) => void): void {
  view.tickets.forEach((t) => fn(t));
}

export function getTicket(view: SimView, id: number): TicketView | undefined {
  return view.tickets.get(id);
}

/** Where every ticket in the system is, by area and index. Desk order follows job start times. */
export function assignPlaces(view: SimView): Map<number, Place> {
  const places = new Map<number, Place>();
  for (const d of view.departments) {
    let i = 0;
    // A ticket the player already sent, waiting for someone here to write its notes, stays in the
    // tray behind the ready ones (it is on its way, not back in line); a bounced one fixing its notes
    // waits in line.
    let j = d.outbox.length;
    for (const id of d.pending) {
      if (getTicket(view, id)?.sendingTo) places.set(id, { area: 'outbox', dept: d.id, index: j++ });
      else places.set(id, { area: 'inbox', dept: d.id, index: i++ });
    }
    for (const id of d.inbox) places.set(id, { area: 'inbox', dept: d.id, index: i++ });
    d.outbox.forEach((id, k) => places.set(id, { area: 'outbox', dept: d.id, index: k }));
  }
  const working = new Map<string, TicketView[]>();
  let flying = 0;
  forEachTicket(view, (t) => {
    if (t.phase === 'transit') places.set(t.id, { area: 'transit', dept: t.dept, index: flying++ });
    else if (t.phase === 'service') {
      const list = working.get(t.dept) ?? [];
      list.push(t);
      working.set(t.dept, list);
    } else if (!places.has(t.id)) places.set(t.id, { area: 'inbox', dept: t.dept, index: 999 });
  });
  for (const [dept, list] of working) {
    list.sort((a, b) => (a.job?.start ?? 0) - (b.job?.start ?? 0) || a.id - b.id);
    list.forEach((t, i) => places.set(t.id, { area: 'work', dept, index: i }));
  }
  return places;
}

/** Words under a tray slot: what a ready ticket needs next, or "writing notes" for one already sent. */
export function trayWords(
  view: SimView,
  dept: { outbox: readonly number[]; pending: readonly number[] },
  slots: number,
  names?: Readonly<Record<string, string>>,
): string[] {
  const out: string[] = [];
  for (const id of dept.outbox) {
    if (out.length >= slots) return out;
    const t = getTicket(view, id);
    out.push(t ? needsOf(t, names) : '');
  }
  for (const id of dept.pending) {
    if (out.length >= slots) return out;
    if (getTicket(view, id)?.sendingTo) out.push('writing notes');
  }
  return out;
}

/** How many tickets in a tray were sent already and wait for someone here to write their notes. */
export function writingCount(view: SimView, dept: { pending: readonly number[] }): number {
  let n = 0;
  for (const id of dept.pending) if (getTicket(view, id)?.sendingTo) n++;
  return n;
}

/**
 * The tray's label, longest first: the caller shows the first that fits. Tickets still being written
 * up sit in the tray too, so the label counts them apart ("Ready to send (2) · 1 writing notes"): its
 * numbers add up to the tickets a player sees there. `short`: beside a desk button, less room.
 */
export function trayLabels(ready: number, writing: number, short: boolean): string[] {
  const base = ready > 0 ? (short ? [`Ready (${ready})`] : [`Ready to send (${ready})`, `Ready (${ready})`]) : short ? ['Ready: none'] : ['Ready to send: none', 'Ready: none'];
  if (writing === 0) return base;
  const r = ready > 0 ? `Ready (${ready})` : 'Ready: none';
  return [
    ...(short ? [] : [`${base[0]} · ${writing} writing notes`]),
    `${r} · ${writing} writing notes`,
    `${r} · ${writing} writing`,
    `${ready} ready · ${writing} writing`,
    `${ready} + ${writing} writing`,
  ];
}

/** The tickets in a department's tray as drawn, front first (ready ones, then those having notes written). */
export function trayOrder(places: ReadonlyMap<number, Place>, dept: string): number[] {
  const list: Array<[number, number]> = [];
  for (const [id, p] of places) if (p.area === 'outbox' && p.dept === dept) list.push([p.index, id]);
  return list.sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}

/**
 * A held tray (see TrayHold): puts each of its tickets at its held slot in `places`, and returns the
 * words under each slot ('' under an empty one).
 */
export function holdTray(
  view: SimView,
  places: Map<number, Place>,
  dept: string,
  hold: TrayHold,
  slots: number,
  names?: Readonly<Record<string, string>>,
): string[] {
  const bySlot = hold.slots(dept, trayOrder(places, dept));
  const words: string[] = [];
  bySlot.forEach((id, i) => {
    const t = id === null ? undefined : getTicket(view, id);
    if (id !== null) places.set(id, { area: 'outbox', dept, index: i });
    if (i < slots) words.push(!t ? '' : t.phase === 'outbox' ? needsOf(t, names) : 'writing notes');
  });
  return words;
}

/** The next step of a ticket in words, e.g. "billing fix"; "done" at the end of its journey. */
export function needsOf(t: TicketView, names?: Readonly<Record<string, string>>): string {
  const s = t.journey[t.step];
  return s ? skillWords(s, names) : 'done';
}

export interface BoardInputs {
  level: Level;
  view: SimView;
  positions: readonly Pt[];
  care: Care;
  /** Department indices in reading order (see layout's readingOrder): number key k routes to the k-th. */
  order?: readonly number[];
}

export function buildBoard({ level, view, positions, care, order }: BoardInputs): BoardInfo {
  const names = new Map(level.departments.map((d) => [d.id, d.name]));
  const wtNames = new Map(level.workTypes.map((w) => [w.id, w.name]));
  const all: DeptInfo[] = view.departments.map((d, i) => ({
    id: d.id,
    name: names.get(d.id) ?? d.id,
    pos: positions[i] ?? { x: 0, y: 0 },
    outbox: d.outbox,
    inbox: d.inbox,
    care: d.care,
  }));
  const depts = order && order.length === all.length ? order.map((i) => all[i]!) : all;
  const skills = new Map(level.departments.map((d) => [d.id, d.skills]));
  const grantable = view.requests.filter((r) => r.status === 'open').map((r) => r.id);
  return {
    depts,
    care,
    actions: level.actions,
    deskNotes: level.autoRoute !== 'none',
    grantable,
    ticket(id: number): TicketInfo | null {
      const t = getTicket(view, id);
      if (!t) return null;
      return {
        customer: t.customer,
        workName: wtNames.get(t.workType) ?? t.workType,
        needs: needsOf(t, level.skillNames),
        step: stepLabelAt(level, t) ?? '',
      };
    },
    canDo(dept: string, id: number): boolean {
      const t = getTicket(view, id);
      const need = t?.journey[t.step];
      return need === undefined || (skills.get(dept) ?? []).includes(need);
    },
    mostUpsetInLine(dept: string): number | null {
      const d = view.departments.find((x) => x.id === dept);
      let best: TicketView | null = null;
      for (const id of d?.inbox ?? []) {
        const t = getTicket(view, id);
        if (
          t &&
          (!best ||
            t.satisfaction < best.satisfaction ||
            (t.satisfaction === best.satisfaction && t.arrivedAt < best.arrivedAt))
        )
          best = t;
      }
      return best ? best.id : null;
    },
  };
}

/**
 * Short forms of the desks' names, for the customer rows where a long name does not fit ("with Tech"
 * for Tech Support): the first word when no other desk's name starts with it, else the first word and
 * the other words' initials ("Customer C." beside "Customer B."), else the name itself. A name with a
 * number in it stays whole: "Tier 1" read "tray Tier" in level 5's customer list (playtest 8).
 */
export function shortDeskNames(names: readonly string[]): string[] {
  const words = names.map((n) => n.trim().split(/\s+/));
  const firsts = words.map((w) => w[0]!.toLowerCase());
  const initialed = words.map((w) => [w[0]!, ...w.slice(1).map((x) => `${[...x][0]!.toUpperCase()}.`)].join(' '));
  return names.map((n, i) => {
    const w = words[i]!;
    // A number names the desk ("Tier 1"): without it the short form says another desk, or none.
    if (w.length < 2 || w.slice(1).some((x) => /\d/.test(x))) return n;
    if (firsts.filter((f) => f === firsts[i]).length === 1) return w[0]!;
    const alt = initialed[i]!;
    return alt.length < n.length && initialed.filter((x) => x === alt).length === 1 ? alt : n;
  });
}

/** Journey of a work type in words: "triage › billing fix › reply". */
export function journeyWords(level: Level, workType: string): string {
  const wt = level.workTypes.find((w) => w.id === workType);
  return wt ? journeyText(wt.journey, (s) => skillWords(s.skill, level.skillNames), ' › ') : '';
}
