import { describe, expect, it } from 'vitest';
import { createSim } from '../../sim/index';
import { boardAt, clockLine, replayLength, roundEnd, staffLine } from './scrubberModel';
import { routeOutboxes, testRng, tinyLevel } from '../testing/simFixtures';

/** A full play of the tiny level; returns the command log and the sim's counts at a few moments. */
function play(seed: number) {
  const sim = createSim(tinyLevel, seed);
  const rand = testRng(seed);
  const seen = new Map<number, { served: number; lost: number; waiting: number; inbox: number[] }>();
  while (!sim.isOver()) {
    const next = Math.min(sim.now() + 5, sim.view().end);
    sim.advanceTo(next);
    const v = sim.view();
    if (next % 60 === 0) {
      seen.set(next, {
        served: v.counts.resolved,
        lost: v.counts.abandoned,
        waiting: v.counts.inSystem,
        inbox: v.departments.map((d) => d.inbox.length),
      });
    }
    routeOutboxes(sim, rand, 0.3);
    sim.drainEvents();
  }
  return { log: sim.commandLog(), seen, final: sim.view().counts };
}

describe('boardAt', () => {
  it('shows the same board the live game showed at that moment', () => {
    const { log, seen } = play(11);
    expect(seen.size).toBeGreaterThan(2);
    for (const [t, want] of seen) {
      const b = boardAt(tinyLevel, 11, log, t);
      expect(b.t).toBe(t);
      expect({
        served: b.served,
        lost: b.lost,
        waiting: b.waiting,
        inbox: b.departments.map((d) => d.inbox),
      }).toEqual(want);
    }
  });

  it('clamps to the level and names departments from the level', () => {
    const { log, final } = play(2);
    const atEnd = boardAt(tinyLevel, 2, log, 99_999);
    expect(atEnd.t).toBe(atEnd.end);
    expect(atEnd.served).toBe(final.resolved);
    const start = boardAt(tinyLevel, 2, log, -5);
    expect(start.t).toBe(0);
    expect(start.served).toBe(0);
    expect(start.departments.map((d) => d.name)).toEqual(['Front Desk', 'Billing', 'Tech Support']);
  });

  it("stops the replay of a round the facilitator ended early where it ended, not at the level's end", () => {
    const sim = createSim(tinyLevel, 6);
    const rand = testRng(6);
    const stop = tinyLevel.durationSeconds / 2;
    while (sim.now() < stop) {
      sim.advanceTo(Math.min(sim.now() + 5, stop));
      routeOutboxes(sim, rand, 0.3);
      sim.drainEvents();
    }
    const result = { metrics: sim.metrics(), timeline: sim.timeline(), commandLog: sim.commandLog() };
    expect(replayLength(tinyLevel, 6, result)).toBe(stop);
    // A round played to its end (an old record without the sim's time too) still runs to that end.
    expect(
      replayLength(tinyLevel, 6, { ...result, metrics: { ...result.metrics, simulatedSeconds: 0 } }),
    ).toBe(tinyLevel.durationSeconds);
  });

  it('reaches the real end of a round the facilitator extended, and shows its final result there', () => {
    const sim = createSim(tinyLevel, 5);
    const rand = testRng(5);
    const base = tinyLevel.durationSeconds;
    while (!sim.isOver()) {
      sim.advanceTo(Math.min(sim.now() + 5, sim.view().end));
      if (sim.now() === base - 20) expect(sim.apply({ type: 'extend', seconds: 60 })).toEqual({ ok: true });
      routeOutboxes(sim, rand, 0.3);
      sim.drainEvents();
    }
    const log = sim.commandLog();
    const final = sim.view();
    expect(final.end).toBe(base + 60);
    expect(roundEnd(tinyLevel, 5, log)).toBe(base + 60);
    expect(roundEnd(tinyLevel, 5, [])).toBe(base);
    const atEnd = boardAt(tinyLevel, 5, log, base + 60);
    expect(atEnd.t).toBe(base + 60);
    expect({ served: atEnd.served, lost: atEnd.lost, arrived: atEnd.arrived }).toEqual({
      served: final.counts.resolved,
      lost: final.counts.abandoned,
      arrived: final.counts.arrived,
    });
    // Past the old end the board still moves on (it used to freeze at the level's length).
    const before = boardAt(tinyLevel, 5, log, base);
    expect(before.t).toBe(base);
    expect(atEnd.served + atEnd.lost).toBeGreaterThan(before.served + before.lost);
  });

  it('tells the latest notable moments in words, newest first, never after t', () => {
    const { log } = play(4);
    const b = boardAt(tinyLevel, 4, log, 200);
    expect(b.recent.length).toBeGreaterThan(0);
    expect(b.recent.length).toBeLessThanOrEqual(4);
    for (const r of b.recent) expect(r.t).toBeLessThanOrEqual(200);
    const times = b.recent.map((r) => r.t);
    expect([...times].sort((a, c) => c - a)).toEqual(times);
    // The absence event of the tiny level starts at 120 s.
    const withIncident = boardAt(tinyLevel, 4, log, 121, 50);
    expect(withIncident.recent.some((r) => r.text === 'Incident: Billing is off sick.')).toBe(true);
    // A customer helped is news too: the list is never 'nothing yet' once someone was served.
    const served = boardAt(tinyLevel, 4, log, 200, 200).recent.filter((r) =>
      / was helped, after \d/.test(r.text),
    );
    expect(served.length).toBe(boardAt(tinyLevel, 4, log, 200).served);
    // Handoffs name the customer (from their arrival) and the notes chosen.
    const handoffs = withIncident.recent.filter((r) => r.text.includes(' passed '));
    expect(handoffs.length).toBeGreaterThan(0);
    for (const h of handoffs)
      expect(h.text).toMatch(
        /^(Front Desk|Billing|Tech Support) passed [A-Z][a-z]+'s case to (Front Desk|Billing|Tech Support) with (quick|careful) notes\.$/,
      );
  });
});

describe('words', () => {
  it('says staff and time plainly', () => {
    expect(
      staffLine({
        id: 'a',
        name: 'A',
        staff: 3,
        busy: 2,
        away: 1,
        inbox: 0,
        outbox: 0,
        pending: 0,
        status: 'green',
        care: 'quick',
      }),
    ).toBe('3 staff · 2 busy · 1 away');
    expect(clockLine(150, 600)).toBe('2:30 of 10:00');
  });
});
