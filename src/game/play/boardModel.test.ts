import { describe, expect, it } from 'vitest';
import { deptState, ticketState } from '../../sim/testing/views';
import type { DepartmentState, SimView, TicketState } from '../../sim/types';
import { assignPlaces, needsOf, shortDeskNames, trayLabels, trayWords, writingCount } from './boardModel';

const dept = (id: string, over: Partial<DepartmentState> = {}): DepartmentState =>
  deptState(id, { staff: 2, ...over });
const ticket = ticketState;

describe('assignPlaces', () => {
  it('puts tickets in line (pending first), at desks by job start, in trays and on the way', () => {
    const tickets = new Map<number, TicketState>([
      [1, ticket(1, { phase: 'queued' })],
      [2, ticket(2, { phase: 'queued' })],
      [3, ticket(3, { phase: 'service', job: { kind: 'work', start: 5, end: 9 } })],
      [4, ticket(4, { phase: 'service', job: { kind: 'work', start: 2, end: 9 } })],
      [5, ticket(5, { phase: 'outbox' })],
      [
        6,
        ticket(6, { phase: 'transit', dept: 'b', transit: { from: 'a', to: 'b', departAt: 0, arriveAt: 2 } }),
      ],
    ]);
    const view: SimView = {
      t: 1,
      end: 100,
      tickets,
      requests: [],
      counts: { arrived: 6, resolved: 0, abandoned: 0, inSystem: 6 },
      departments: [dept('a', { inbox: [1], pending: [2], outbox: [5], busy: 2 }), dept('b')],
    };
    const p = assignPlaces(view);
    expect(p.get(2)).toEqual({ area: 'inbox', dept: 'a', index: 0 });
    expect(p.get(1)).toEqual({ area: 'inbox', dept: 'a', index: 1 });
    expect(p.get(4)).toEqual({ area: 'work', dept: 'a', index: 0 });
    expect(p.get(3)).toEqual({ area: 'work', dept: 'a', index: 1 });
    expect(p.get(5)).toEqual({ area: 'outbox', dept: 'a', index: 0 });
    expect(p.get(6)?.area).toBe('transit');
    expect(needsOf(tickets.get(5)!)).toBe('billing fix');
  });

  it('keeps a ticket already sent in the tray, marked "writing notes", while the sender writes its notes', () => {
    const tickets = new Map<number, TicketState>([
      [1, ticket(1, { phase: 'queued' })],
      [2, ticket(2, { phase: 'queued', sendingTo: 'b' })],
      [5, ticket(5, { phase: 'outbox' })],
    ]);
    const a = dept('a', { inbox: [1], pending: [2], outbox: [5], busy: 2 });
    const view: SimView = {
      t: 1,
      end: 100,
      tickets,
      requests: [],
      counts: { arrived: 3, resolved: 0, abandoned: 0, inSystem: 3 },
      departments: [a, dept('b')],
    };
    const p = assignPlaces(view);
    expect(p.get(2)).toEqual({ area: 'outbox', dept: 'a', index: 1 });
    expect(p.get(1)).toEqual({ area: 'inbox', dept: 'a', index: 0 });
    expect(trayWords(view, a, 3)).toEqual(['billing fix', 'writing notes']);
    expect(trayWords(view, a, 1)).toEqual(['billing fix']);
  });
});

describe('trayLabels', () => {
  it('counts tickets still being written up apart, so the numbers add up to the tray as drawn', () => {
    expect(trayLabels(2, 0, false)[0]).toBe('Ready to send (2)');
    expect(trayLabels(0, 0, false)[0]).toBe('Ready to send: none');
    expect(trayLabels(2, 1, false)[0]).toBe('Ready to send (2) · 1 writing notes');
    expect(trayLabels(0, 2, false)[0]).toBe('Ready to send: none · 2 writing notes');
    expect(trayLabels(1, 1, true)[0]).toBe('Ready (1) · 1 writing notes');
    // Every shorter form still names both numbers.
    for (const l of trayLabels(3, 2, false)) expect(l).toMatch(/3.*2 writing/);
  });

  it('writingCount counts only the pending tickets that were sent (not one fixing its notes)', () => {
    const tickets = new Map<number, TicketState>([
      [1, ticket(1, { phase: 'queued', sendingTo: 'b' })],
      [2, ticket(2, { phase: 'queued' })],
    ]);
    const view: SimView = {
      t: 1,
      end: 100,
      tickets,
      requests: [],
      counts: { arrived: 2, resolved: 0, abandoned: 0, inSystem: 2 },
      departments: [dept('a', { pending: [1, 2] }), dept('b')],
    };
    expect(writingCount(view, view.departments[0]!)).toBe(1);
  });
});

describe('shortDeskNames', () => {
  it('gives each long name a short form no other desk shares', () => {
    expect(shortDeskNames(['Front Desk', 'Tech Support', 'Billing'])).toEqual(['Front', 'Tech', 'Billing']);
    // "Tier" alone would be two desks: the names stay.
    expect(shortDeskNames(['Tier 1', 'Tier 2', 'HR'])).toEqual(['Tier 1', 'Tier 2', 'HR']);
    expect(shortDeskNames(['Customer Care', 'Customer Billing'])).toEqual(['Customer C.', 'Customer B.']);
    // Alone, "Tier 1" keeps its number too ("tray Tier" said no desk in level 5).
    expect(shortDeskNames(['Tier 1', 'Orders', 'HR'])).toEqual(['Tier 1', 'Orders', 'HR']);
  });
});
