import { describe, expect, it } from 'vitest';
import { routeOutboxes, testRng, tinyLevel } from '../facilitator/testing/simFixtures';
import { createSim } from '../sim/index';
import { tableGlance, trendPath } from './roomView';

describe("the facilitator's glance at a table", () => {
  it('one line per desk from the live board, and the round so far ending now', () => {
    const sim = createSim(tinyLevel, 3, {});
    const rand = testRng(3);
    for (let t = 5; t <= 200; t += 5) {
      sim.advanceTo(t);
      routeOutboxes(sim, rand);
    }
    sim.advanceTo(203);
    const view = sim.view();
    const g = tableGlance(view, sim.timeline(), tinyLevel);
    expect(g.desks.map((d) => d.name)).toEqual(tinyLevel.departments.map((d) => d.name));
    for (const [i, d] of view.departments.entries()) {
      expect(g.desks[i]).toMatchObject({ inLine: d.inbox.length, staff: d.staff, status: d.status });
      expect(g.desks[i]!.inTray).toBe(d.outbox.length + d.pending.length);
    }
    expect(g.deskMax).toBe(Math.max(...g.desks.map((d) => d.inLine + d.inTray)));
    // Samples every 10 s up to 200, then the board now.
    expect(g.trend.map((p) => p.t)).toEqual([...Array.from({ length: 21 }, (_, i) => i * 10), 203]);
    expect(g.trend.at(-1)).toEqual({ t: 203, waiting: view.counts.inSystem, gaveUp: view.counts.abandoned });
    expect(g.trendMax).toBe(Math.max(...g.trend.map((p) => Math.max(p.waiting, p.gaveUp))));
    expect(g.trendMax).toBeGreaterThan(0);
  });

  it('draws the trend over the whole round: x by time of the end, y from the top of the box down', () => {
    const g = {
      end: 600,
      trendMax: 8,
      trend: [
        { t: 0, waiting: 0, gaveUp: 0 },
        { t: 300, waiting: 8, gaveUp: 2 },
      ],
    };
    expect(trendPath(g, 'waiting', 120, 40)).toEqual([
      [0, 40],
      [60, 0],
    ]);
    expect(trendPath(g, 'gaveUp', 120, 40)).toEqual([
      [0, 40],
      [60, 30],
    ]);
    // A quiet table does not fill the box: the scale starts at 4 customers.
    expect(
      trendPath({ ...g, trendMax: 1, trend: [{ t: 600, waiting: 1, gaveUp: 0 }] }, 'waiting', 120, 40),
    ).toEqual([[120, 30]]);
  });
});
