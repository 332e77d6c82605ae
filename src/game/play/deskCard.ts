/**
 * A desk card's own layout and words, Phaser-free (unit-tested): where each of its texts and buttons
 * goes inside the card's rows (see cardAreas), which words the status pill and the staff count read,
 * and how the tray's one-line caption is cut down when the next steps do not fit. DeptView draws them.
 */
import type { DepartmentView } from '../../sim/types';
import { deskAway } from '../../sim/index';
import {
  cardAreas,
  inboxMorePos,
  narrowCard,
  OUTBOX_VISIBLE,
  outboxSlot,
  trayRows,
  WORK_VISIBLE,
  workSlot,
  type Rect,
} from './layout';
import type { Pt } from './interpolate';
import { DOWN_LOOK, LEAVING_LOOK, STATUS_LOOK, type Status } from './playTheme';

/** Card text grows with the text-size setting, capped so it stays inside the card's rows. */
export const cardScaleOf = (textScale: number): number => Math.min(1.3, Math.max(1, textScale));

/** The Move button's width on a narrow card ("Move (-)"), and on the others ("Move 1 (-)"). */
const MOVE_NARROW_W = 124;
const MOVE_W = 168;

export interface ButtonSpot {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where each part of a card goes (centres for buttons; texts by the origin DeptView gives them). */
export interface CardSpots {
  /** The status pill sits at the header's right end (small cards), else at the left of its own row. */
  pillRight: boolean;
  /** A narrow card (seven or eight desks): a narrower Move button, and the pill's short word when it needs it. */
  narrow: boolean;
  status: Pt;
  /** The pill's background: its right end (pillRight) or left end, and its top. */
  pill: Pt;
  /** The staff count's right end: beside the pill on tall cards, at the people row's end on small ones. */
  count: Pt;
  move: ButtonSpot;
  policy: ButtonSpot;
  skills: Pt;
  line: Pt;
  lineMore: Pt;
  trayLabel: Pt;
  trayMore: Pt;
  people: Pt[];
  /** Each tray caption's top centre, under its ticket. */
  captions: Pt[];
}

export function cardSpots(rect: Rect): CardSpots {
  const a = cardAreas(rect);
  const pillRight = a.status.y === a.header.y;
  const narrow = narrowCard(rect);
  const countRow = pillRight ? a.staff : a.status;
  const moveW = narrow ? MOVE_NARROW_W : MOVE_W;
  return {
    pillRight,
    narrow,
    status: { x: pillRight ? a.status.x + a.status.w - 12 : a.status.x + 12, y: a.status.y + a.status.h / 2 },
    pill: { x: pillRight ? a.status.x + a.status.w : a.status.x - 2, y: a.status.y + a.status.h / 2 - 20 },
    count: { x: countRow.x + countRow.w, y: countRow.y + countRow.h / 2 },
    move: { x: countRow.x + countRow.w - moveW / 2, y: countRow.y + countRow.h / 2, w: moveW, h: narrow ? 38 : 42 },
    policy: { x: a.outbox.x + a.outbox.w - 112, y: a.outbox.y + 20, w: 220, h: 38 },
    skills: { x: a.skills.x, y: a.skills.y + a.skills.h / 2 },
    line: { x: a.inbox.x, y: a.inbox.y + a.inbox.h / 2 },
    lineMore: inboxMorePos(rect),
    trayLabel: { x: a.outbox.x + 12, y: a.outbox.y + trayRows(rect).label },
    trayMore: { x: a.outbox.x + a.outbox.w - 8, y: outboxSlot(rect, 0).y },
    people: Array.from({ length: WORK_VISIBLE }, (_, i) => {
      const p = workSlot(rect, i);
      return { x: p.x - 8, y: p.y - 2 };
    }),
    captions: Array.from({ length: OUTBOX_VISIBLE }, (_, i) => {
      const s = outboxSlot(rect, i);
      return { x: s.x, y: s.y + trayRows(rect).caption };
    }),
  };
}

/** Width the status pill may take: the row less what sits at its right (Move button or staff count). */
export function pillRoom(rect: Rect, withMove: boolean): number {
  const s = cardSpots(rect);
  // Without a Move button, the staff count ("2 of 2 busy") is about 150 wide.
  const right = withMove ? s.move.w : s.pillRight ? 0 : 150;
  return cardAreas(rect).status.w - right - 10;
}

export function moveLabel(narrow: boolean, keyHints: boolean): string {
  const word = narrow ? 'Move' : 'Move 1';
  return keyHints ? `${word} (-)` : word;
}

export type Shown = Status | 'down' | 'leaving';

/**
 * What the status pill shows: nobody able to work (outage, or everyone away) is down, whatever the
 * queue says; everyone called away but still finishing a job, leaving; else the line's own status.
 */
export function shownStatus(d: DepartmentView): Shown {
  if (d.staff > 0 && d.away >= d.staff) return 'down';
  if (d.staff > 0 && d.away + deskAway(d).leaving >= d.staff) return 'leaving';
  return d.status;
}

export interface Look {
  colour: number;
  glyph: string;
  word: string;
  short?: string;
}

export function lookOf(shown: Shown): Look {
  return shown === 'down' ? DOWN_LOOK : shown === 'leaving' ? LEAVING_LOOK : STATUS_LOOK[shown];
}

/** The card's edge for what the pill shows (a leaving desk's is amber, a down one's red). */
export function edgeOf(shown: Shown): Status {
  return shown === 'down' ? 'red' : shown === 'leaving' ? 'amber' : shown;
}

/**
 * The pill's words, longest first: beside the Move button or the staff count, a long word takes its
 * short form ("Full"), and on the narrowest card the word goes alone.
 */
export function pillWords(look: Look): string[] {
  const words = [`${look.glyph} ${look.word}`];
  if (look.short) words.push(`${look.glyph} ${look.short}`);
  words.push(look.short ?? look.word);
  return words;
}

/** "1 of 2 busy, 1 away, 1 leaving +2" (people past the row's five are the "+2"). */
export function staffWords(d: Pick<DepartmentView, 'staff' | 'away' | 'busy'>, leaving: number): string {
  if (d.staff === 0) return 'nobody here';
  const extra = d.staff > WORK_VISIBLE ? ` +${d.staff - WORK_VISIBLE}` : '';
  const away = (d.away > 0 ? `, ${d.away} away` : '') + (leaving > 0 ? `, ${leaving} leaving` : '');
  return `${d.busy} of ${d.staff} busy${away}${extra}`;
}

/**
 * The tray's one-line caption, longest first: every next step when they fit, else the first ones and
 * how many more ("Check insurance cover +1"). The caller cuts the first step short when none fits.
 */
export function captionTries(needs: readonly string[]): string[] {
  const steps = [...new Set(needs)];
  return [
    steps.join(', '),
    ...steps.slice(1).map((_, i) => `${steps.slice(0, steps.length - 1 - i).join(', ')} +${i + 1}`),
  ];
}

/**
 * The largest scale, at most 1, at which one-line captions `widths` wide (at scale 1), each centred under
 * its ticket at `centres`, stay between `left` and `right` and at least `gap` apart from the next
 * caption shown: a caption may reach past its own slot where its neighbours leave room ("investigate"
 * beside "billing fix"). An empty slot (width 0) holds no caption.
 */
export function captionScale(
  widths: readonly number[],
  centres: readonly number[],
  left: number,
  right: number,
  gap: number,
): number {
  let scale = 1;
  let prev = -1;
  widths.forEach((w, i) => {
    if (w <= 0) return;
    const c = centres[i]!;
    scale = Math.min(scale, (2 * (c - left)) / w, (2 * (right - c)) / w);
    if (prev >= 0) scale = Math.min(scale, (2 * (c - centres[prev]! - gap)) / (widths[prev]! + w));
    prev = i;
  });
  return Math.max(0, scale);
}

/**
 * The tray's one line when the steps cannot sit under their own tickets: each step with the letters of
 * the tickets it is next for, in the tray's order ("A: investigate · M, L: billing fix"), so every
 * ticket's step still reads as its own (a list of steps alone did not say whose was whose). The first
 * that `fits`: the whole line; else the last step cut short ("A: assess · L, M: medication…"); else the
 * first steps and how many tickets more ("A: assess · 2 more"); else the first step cut short ("A: asse…").
 * Null when no ticket is shown, or a ticket's letter is not known yet (the caller names the steps alone).
 */
export function letteredCaption(
  needs: readonly string[],
  letters: readonly string[],
  fits: (text: string) => boolean,
): string | null {
  const groups: Array<{ step: string; letters: string[] }> = [];
  for (let i = 0; i < needs.length; i++) {
    const step = needs[i];
    if (!step) continue;
    const letter = letters[i];
    if (!letter) return null;
    const g = groups.find((x) => x.step === step);
    if (g) g.letters.push(letter);
    else groups.push({ step, letters: [letter] });
  }
  if (groups.length === 0) return null;
  const who = (g: { letters: string[] }) => `${g.letters.join(', ')}: `;
  const line = (gs: typeof groups) => gs.map((g) => who(g) + g.step).join(' · ');
  const cut = (head: string, step: string): string | null => {
    for (let n = step.length - 1; n >= CUT_KEEPS; n--) {
      const text = `${head}${step.slice(0, n).trimEnd()}…`;
      if (fits(text)) return text;
    }
    return null;
  };
  if (fits(line(groups))) return line(groups);
  const last = groups[groups.length - 1]!;
  const head = `${groups.length > 1 ? `${line(groups.slice(0, -1))} · ` : ''}${who(last)}`;
  const cutLast = cut(head, last.step);
  if (cutLast) return cutLast;
  for (let k = groups.length - 1; k >= 1; k--) {
    const more = groups.slice(k).reduce((n, g) => n + g.letters.length, 0);
    const text = `${line(groups.slice(0, k))} · ${more} more`;
    if (fits(text)) return text;
  }
  return cut(who(groups[0]!), groups[0]!.step) ?? `${who(groups[0]!)}${groups[0]!.step}`;
}

/** A step cut short keeps at least this many letters before its "…" ("medi…"). */
const CUT_KEEPS = 4;
