import { describe, expect, it } from 'vitest';
import { createSim, replay, runPolicy } from './index';
import { makeLevel } from './testing/levels';

describe('the sim facade', () => {
  it('counts events processed and waiting, and applies a logged command between the same two events', () => {
    const level = makeLevel({ actions: { route: true, handoffCare: true } });
    const played = runPolicy(level, 7, 'wholistic');
    const log = played.commandLog();
    expect(log.length).toBeGreaterThan(5);
    expect(played.eventsProcessed()).toBe(played.metrics().events);

    const sim = createSim(level, 7, { recordEvents: false });
    expect(sim.eventsProcessed()).toBe(0);
    expect(sim.pendingEvents()).toBeGreaterThan(0);
    for (const e of log) {
      expect(sim.applyAfter(e).ok).toBe(true);
      expect(sim.eventsProcessed()).toBe(e.after);
      expect(sim.now()).toBe(e.at);
    }
    sim.runToEnd();
    expect(sim.hash()).toBe(played.hash());
    expect(replay(level, 7, log).hash()).toBe(played.hash());
  });

  it('hands out tickets as a read-only Map, in the order they came', () => {
    const sim = createSim(makeLevel(), 2);
    sim.advanceTo(120);
    const tickets = sim.view().tickets;
    expect(tickets.size).toBe(sim.view().counts.inSystem);
    expect(tickets.size).toBeGreaterThan(1);
    for (const [id, t] of tickets) expect(sim.ticket(id)).toBe(t);
    const ids = [...tickets.keys()];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect([...tickets.values()].map((t) => t.id)).toEqual(ids);
    const seen: number[] = [];
    tickets.forEach((t, id) => seen.push(t.id === id ? id : -1));
    expect(seen).toEqual(ids);
  });
});
