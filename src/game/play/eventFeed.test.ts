/**
 * Toasts that tell of a state withdraw when that state ends (blind playtest: "Grant it when you can"
 * stayed up after the grant). Played on the real level 4 with the real sim and store.
 */
import { describe, expect, it } from 'vitest';
import { getLevelById } from '../../level/catalog';
import { createSim } from '../../sim/index';
import type { Sim, SimEvent } from '../../sim/types';
import { createUiStore } from '../../store/store';
import type { CustomerColumn } from './CustomerColumn';
import { EventFeed, fixedNotes } from './eventFeed';
import { rippleToast } from './rippleText';
import type { RippleFx } from './RippleFx';

function board(levelId: string, seed = 3) {
  const level = getLevelById(levelId)!.level!;
  const store = createUiStore();
  const sim = createSim(level, seed, {});
  const feed = new EventFeed({
    level,
    store,
    audio: null,
    ripples: { play: () => undefined } as unknown as RippleFx,
    customers: { facePos: () => null, hit: () => undefined } as unknown as CustomerColumn,
    deptName: (id) => level.departments.find((d) => d.id === id)?.name ?? id,
    deptPos: () => null,
    reducedMotion: () => true,
  });
  const seen: SimEvent[] = [];
  /** Like the board's frame: the sim's new events, fed to the toasts. */
  const frame = () => {
    const ev = sim.drainEvents();
    seen.push(...ev);
    feed.handle(ev, 0);
  };
  const texts = () => store.getState().toasts.map((t) => t.text);
  return { level, store, sim, feed, frame, texts, seen };
}

/** Runs the sim a second at a time, feeding each second's events, until `done`. */
function runUntil(sim: Sim, frame: () => void, done: () => boolean): void {
  while (!done()) {
    if (sim.isOver()) throw new Error('the level ended first');
    sim.advanceTo(sim.now() + 1);
    frame();
  }
}

describe('toasts about a state', () => {
  it('"Grant it when you can" goes the moment the request is granted', () => {
    const b = board('it-upgrade');
    const asks = () => b.texts().filter((t) => t.includes('Grant it when you can'));
    runUntil(b.sim, b.frame, () => asks().length > 0);
    expect(asks()[0]).toContain('Tier 1 asks IT');
    // Paused (no sim time passes), the player grants it: the toast is gone on the next frame.
    const res = b.sim.apply({ type: 'grant', request: 'new-laptops' });
    expect(res.ok).toBe(true);
    b.frame();
    expect(asks()).toEqual([]);
  });

  it('the late toast goes when a late request is granted (its status does not change then)', () => {
    const b = board('it-upgrade');
    const late = () => b.texts().filter((t) => t.includes('It is now late'));
    runUntil(b.sim, b.frame, () => late().length > 0);
    // The late news replaced the ask.
    expect(b.texts().filter((t) => t.includes('Grant it when you can'))).toEqual([]);
    const statuses = b.seen.filter((e) => e.type === 'request').length;
    expect(b.sim.apply({ type: 'grant', request: 'new-laptops' }).ok).toBe(true);
    b.frame();
    expect(b.seen.filter((e) => e.type === 'request').length, 'no new status for a late grant').toBe(
      statuses,
    );
    expect(late()).toEqual([]);
  });

  it('an overload toast goes when the desk is no longer overloaded, and news of the past stays', () => {
    const b = board('it-upgrade');
    const over = () => b.texts().filter((t) => t.includes('is overloaded'));
    const status = (s: 'red' | 'amber', t: number): SimEvent => ({
      type: 'status',
      t,
      dept: 'it',
      status: s,
    });
    b.feed.handle([status('red', 10)], 0);
    expect(over()).toEqual(['IT is overloaded: its line is too long']);
    // A toast of something that happened has no state to end.
    b.store.getState().toast('Sam gave up after waiting 5 min and left', 'warning', 0);
    b.feed.handle([status('amber', 12)], 100);
    expect(over()).toEqual([]);
    expect(b.texts()).toEqual(['Sam gave up after waiting 5 min and left']);
  });

  it('"wants a manager" goes when that customer is served or leaves', () => {
    const b = board('it-upgrade');
    b.feed.handle(
      [
        { type: 'escalated', t: 5, ticket: 7, customer: 'Ana' },
        { type: 'escalated', t: 5, ticket: 8, customer: 'Ben' },
      ],
      0,
    );
    expect(b.texts()).toHaveLength(2);
    b.feed.handle(
      [
        {
          type: 'resolved',
          t: 9,
          ticket: 7,
          customer: 'Ana',
          workType: 'q',
          totalSeconds: 60,
          satisfaction: 0.5,
          segments: [],
        },
      ],
      0,
    );
    expect(b.texts()).toEqual(['Ben has run out of patience and wants a manager']);
  });
});

describe('a bounce after notes the player has no say in', () => {
  it("says the desk's notes are fixed in this level (level 5), and nothing where notes are a choice (level 2)", () => {
    const hiring = getLevelById('hiring-lead-time')!.level!;
    const notes = getLevelById('clear-notes')!.level!;
    expect(fixedNotes(hiring, 'tier-1')).toBe('quick');
    expect(fixedNotes(notes, 'tier-1')).toBeNull();
    const ev = { type: 'ripple', t: 60, ticket: 4, customer: 'Kwame', kind: 'clarify', source: 'tier-1', at: 'orders', seconds: 52 } as const;
    const name = (id: string) => hiring.departments.find((d) => d.id === id)!.name;
    expect(rippleToast(ev, name, fixedNotes(hiring, 'tier-1'))).toBe(
      "Orders sent Kwame's ticket back to Tier 1 to ask what it meant (+52 s). Tier 1 writes quick notes in this level",
    );
    expect(rippleToast(ev, name, fixedNotes(notes, 'tier-1'))).toBe("Orders sent Kwame's ticket back to Tier 1 to ask what it meant (+52 s)");
  });
});
