import { describe, expect, it } from 'vitest';
import { captionScale, captionTries, cardScaleOf, letteredCaption, cardSpots, moveLabel, pillRoom, pillWords, shownStatus, staffWords } from './deskCard';
import { cardAreas, layoutCards, type Rect } from './layout';
import { STATUS_LOOK } from './playTheme';
import type { DepartmentView } from '../../sim/types';

const within = (p: { x: number; y: number }, r: Rect) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
const boards = [3, 6, 8, 10].map((n) =>
  layoutCards(Array.from({ length: n }, (_, i) => ({ x: 10 + (i % 4) * 25, y: i < 4 ? 27 : i < 8 ? 73 : 90 })))[0]!,
);

describe('desk card spots', () => {
  it('puts every text and button of a card in its own row, inside the card', () => {
    for (const card of boards) {
      const s = cardSpots(card);
      const a = cardAreas(card);
      expect(within(s.status, a.status)).toBe(true);
      expect(within(s.skills, a.skills)).toBe(true);
      expect(within(s.line, a.inbox)).toBe(true);
      expect(within(s.trayLabel, a.outbox)).toBe(true);
      for (const p of [...s.people, ...s.captions]) expect(within(p, card)).toBe(true);
      expect(s.move.x + s.move.w / 2).toBeLessThanOrEqual(card.x + card.w);
      expect(s.move.x - s.move.w / 2).toBeGreaterThanOrEqual(card.x);
    }
  });

  it('on a narrow card (eight desks) the Move button leaves the pill room for "▲ Busy"', () => {
    const narrow = boards[2]!;
    const wide = boards[1]!;
    expect(cardSpots(narrow).narrow).toBe(true);
    expect(cardSpots(wide).narrow).toBe(false);
    expect(cardSpots(narrow).move.w).toBeLessThan(cardSpots(wide).move.w);
    // "▲ Busy" is about 100 points wide at the smallest size, its pill 20 more.
    expect(pillRoom(narrow, true)).toBeGreaterThanOrEqual(120);
    expect(moveLabel(true, true)).toBe('Move (-)');
    expect(moveLabel(false, false)).toBe('Move 1');
  });

  it('text scale grows cards between 1 and 1.3', () => {
    expect(cardScaleOf(0.8)).toBe(1);
    expect(cardScaleOf(1.2)).toBe(1.2);
    expect(cardScaleOf(2)).toBe(1.3);
  });
});

describe('desk card words', () => {
  const dept = (over: Partial<DepartmentView>): DepartmentView =>
    ({ staff: 2, away: 0, busy: 1, status: 'green', ...over }) as DepartmentView;

  it('says down when nobody can work, else the line', () => {
    expect(shownStatus(dept({ away: 2 }))).toBe('down');
    expect(shownStatus(dept({ away: 1, status: 'amber' }))).toBe('amber');
    expect(shownStatus(dept({ staff: 0 }))).toBe('green');
  });

  it('offers the short word, then the word alone', () => {
    expect(pillWords(STATUS_LOOK.red)).toEqual(['■ Overloaded', '■ Full', 'Full']);
    expect(pillWords(STATUS_LOOK.green)).toEqual(['● OK', 'OK']);
  });

  it('counts people busy, away and leaving', () => {
    expect(staffWords({ staff: 0, away: 0, busy: 0 }, 0)).toBe('nobody here');
    expect(staffWords({ staff: 2, away: 1, busy: 1 }, 0)).toBe('1 of 2 busy, 1 away');
    expect(staffWords({ staff: 7, away: 0, busy: 7 }, 1)).toBe('7 of 7 busy, 1 leaving +2');
  });

  it('cuts the tray caption down step by step', () => {
    expect(captionTries(['assess', 'dispense', 'assess'])).toEqual(['assess, dispense', 'assess +1']);
    expect(captionTries(['a', 'b', 'c'])).toEqual(['a, b, c', 'a, b +1', 'a +2']);
    expect(captionTries(['a'])).toEqual(['a']);
  });

  it("names each step with its tickets' letters when the steps cannot sit under their tickets", () => {
    const upTo = (n: number) => (text: string) => text.length <= n;
    // Level 2's tray (playtest 8): a fault, then two refunds.
    const level2 = [['investigate', 'billing fix', 'billing fix'], ['A', 'M', 'L']] as const;
    expect(letteredCaption(...level2, upTo(40))).toBe('A: investigate · M, L: billing fix');
    expect(letteredCaption(['billing fix', 'billing fix', 'investigate'], ['E', 'T', 'P'], upTo(40))).toBe(
      'E, T: billing fix · P: investigate',
    );
    // Less room: the last step cut short, then the first steps and how many more, then the first cut.
    expect(letteredCaption(...level2, upTo(30))).toBe('A: investigate · M, L: billin…');
    expect(letteredCaption(...level2, upTo(24))).toBe('A: investigate · 2 more');
    expect(letteredCaption(...level2, upTo(10))).toBe('A: invest…');
    // One step for every ticket shown; a held tray's empty slot holds no ticket.
    expect(letteredCaption(['writing notes', 'writing notes'], ['K', 'B'], upTo(40))).toBe('K, B: writing notes');
    expect(letteredCaption(['', 'writing notes', 'reply'], ['', 'K', 'B'], upTo(40))).toBe('K: writing notes · B: reply');
    // A letter not known yet, or nothing shown: no line of letters.
    expect(letteredCaption(['reply', 'reply'], ['B', ''], upTo(40))).toBeNull();
    expect(letteredCaption(['', ''], ['', ''], upTo(40))).toBeNull();
  });

  it('lets a caption reach past its slot only where its neighbours and the tray leave room', () => {
    const centres = [83, 202, 321];
    // Each within its slot (111 wide): full size.
    expect(captionScale([104, 104, 104], centres, 18, 412, 14)).toBe(1);
    // "investigate" (129) alone in the first slot reaches the tray's edge but not past it.
    expect(captionScale([129, 0, 0], centres, 18, 412, 14)).toBe(1);
    expect(captionScale([131, 0, 0], centres, 18, 412, 14)).toBeCloseTo(130 / 131);
    // Beside "reply" (59) it has room; beside "billing fix" (104) it has not (under 14 apart).
    expect(captionScale([129, 59, 0], centres, 18, 412, 14)).toBe(1);
    expect(captionScale([129, 104, 0], centres, 18, 412, 14)).toBeCloseTo((2 * (119 - 14)) / 233);
    // An empty slot between two captions leaves them the room of two slots.
    expect(captionScale([129, 0, 129], centres, 18, 412, 14)).toBe(1);
  });
});
