/**
 * A level at the format's limits keeps the board's drawn objects bounded (issue 14, item 2): 12
 * desks, 600 customers a minute and 5,000 scripted ones put thousands of tickets in the company at
 * once; the board draws only the front of each line, desk and tray and a few of those on the way.
 */
import { describe, expect, it } from 'vitest';
import { Level, type LevelInput } from '../../level/schema';
import { createSim } from '../../sim/index';
import { assignPlaces, shownOnBoard, TRANSIT_VISIBLE } from './boardModel';
import { INBOX_VISIBLE, OUTBOX_VISIBLE, WORK_VISIBLE } from './layout';

function atTheLimits(): Level {
  const skills = ['a', 'b', 'c'];
  const input: LevelInput = {
    formatVersion: 1,
    id: 'limits',
    title: 'At the limits',
    texts: { briefing: ['Busy.'], goal: 'Busy.' },
    durationSeconds: 7200,
    departments: Array.from({ length: 12 }, (_, i) => ({
      id: `d${i}`,
      name: `Desk ${i}`,
      position: { x: 8 + (i % 4) * 28, y: 15 + Math.floor(i / 4) * 35 },
      staff: 50,
      skills: [skills[i % 3]!],
      serviceTime: { [skills[i % 3]!]: 5 },
    })),
    workTypes: [{ id: 'w', name: 'Work', shape: 'circle', journey: skills.map((skill) => ({ skill })) }],
    arrivals: {
      ratePerMinute: 600,
      scripted: Array.from({ length: 5000 }, (_, i) => ({ at: i % 300, workType: 'w' })),
    },
    handoffs: { transferSeconds: 30 },
    autoRoute: 'all',
    scoring: {
      targets: { meanResolutionSeconds: 60, p95ResolutionSeconds: 120, staffSecondsPerCustomer: 30 },
      stars: [40, 60, 80],
    },
  };
  return Level.parse(input);
}

/** How many tickets the board would draw, and how many of them fly between desks. */
function drawnOnBoard(sim: ReturnType<typeof createSim>) {
  const view = sim.view();
  const places = assignPlaces(view);
  const staff = new Map(view.departments.map((d) => [d.id, d.staff]));
  const staffOf = (id: string) => staff.get(id) ?? 0;
  let drawn = 0;
  let flying = 0;
  for (const p of places.values()) {
    if (shownOnBoard(p, staffOf)) drawn++;
    if (p.area === 'transit') flying++;
  }
  return { inCompany: places.size, drawn, flying };
}

describe('the board at the format limits', () => {
  const level = atTheLimits();
  const bound = level.departments.length * (INBOX_VISIBLE + WORK_VISIBLE + OUTBOX_VISIBLE) + TRANSIT_VISIBLE;

  it('draws a bounded number of tickets however many are in the company', () => {
    const sim = createSim(level, 1, {});
    sim.advanceTo(120);
    const { inCompany, drawn, flying } = drawnOnBoard(sim);
    expect(inCompany).toBeGreaterThan(2000); // thousands in the company...
    expect(flying).toBeGreaterThan(TRANSIT_VISIBLE); // ...many of them between desks
    expect(drawn).toBeLessThanOrEqual(bound); // ...and at most a few hundred drawn
  });

  it('jumps to minute 60 and still draws a bounded board', () => {
    const sim = createSim(level, 1, { recordEvents: false });
    sim.advanceTo(3600);
    const { inCompany, drawn } = drawnOnBoard(sim);
    expect(sim.view().t).toBe(3600);
    expect(inCompany).toBeGreaterThan(5000); // an hour of 600 a minute leaves thousands waiting
    expect(drawn).toBeLessThanOrEqual(bound);
  });
});
