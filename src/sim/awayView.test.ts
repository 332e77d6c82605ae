import { describe, expect, it } from 'vitest';
import { createSim } from './index';
import { deskAway } from './awayView';
import { autoLevel } from './testing/levels';

// IT's one person is called away at 100 s for 200 s; with work routed on by itself, IT is busy then.
const level = autoLevel({
  arrivals: { ratePerMinute: 8 },
  events: [
    { kind: 'absence', at: 100, department: 'it', staff: 1, durationSeconds: 200 },
    { kind: 'outage', at: 400, department: 'billing', durationSeconds: 60 },
  ],
});

describe('deskAway', () => {
  it('counts someone called away who still finishes a job, nobody once they have gone or come back', () => {
    const sim = createSim(level, 3);
    const it = () => sim.view().departments.find((d) => d.id === 'it')!;
    sim.advanceTo(99);
    expect(deskAway(it())).toEqual({ leaving: 0, outage: false });
    sim.advanceTo(100.001);
    expect(it().busy, 'IT is working when the absence starts').toBe(1);
    expect(it().away).toBe(0);
    expect(deskAway(it())).toEqual({ leaving: 1, outage: false });
    // Once the job is done they are away, not leaving.
    while (it().busy > 0 && sim.view().t < 290) sim.step();
    expect(it().away).toBe(1);
    expect(deskAway(it()).leaving).toBe(0);
    sim.advanceTo(301);
    expect(it().away).toBe(0);
    expect(deskAway(it()).leaving).toBe(0);
  });

  it('says when a desk is down (an outage), and counts nobody leaving there', () => {
    const sim = createSim(level, 3);
    const billing = () => sim.view().departments.find((d) => d.id === 'billing')!;
    sim.advanceTo(401);
    expect(deskAway(billing())).toEqual({ leaving: 0, outage: true });
    sim.advanceTo(461);
    expect(deskAway(billing()).outage).toBe(false);
  });

  it('reads nothing from a view built elsewhere', () => {
    const view = { staff: 2, away: 0 } as Parameters<typeof deskAway>[0];
    expect(deskAway(view)).toEqual({ leaving: 0, outage: false });
  });
});
