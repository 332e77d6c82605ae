import { describe, expect, it } from 'vitest';
import { createSim, replay, restoreSim, runPolicy } from './index';
import { autoLevel, makeLevel } from './testing/levels';
import type { Command, Sim } from './types';

const richLevel = makeLevel({
  durationSeconds: 900,
  arrivals: { ratePerMinute: 5, schedule: [{ from: 300, ratePerMinute: 8 }], scripted: [{ at: 12, workType: 'laptop', name: 'Zoe' }] },
  customers: { patience: { kind: 'exponential', mean: 200 }, escalateChance: 0.3, escalateSkill: 'fix' },
  actions: { route: true, handoffCare: true, moveStaff: true, grantRequests: true, reprioritise: true },
  internalRequests: [
    { id: 'laptops', title: 'Faster laptops', from: 'tier-1', to: 'it', at: 60, workSeconds: 90, dueWithin: 200, effect: { kind: 'speed', factor: 0.7 }, neglect: { kind: 'slowdown', factor: 1.2 } },
    { id: 'hire', title: 'Hire', from: 'billing', to: 'tier-1', at: 30, workSeconds: 30, dueWithin: 100, autoGrant: true, effect: { kind: 'hire', staff: 1 } },
  ],
  events: [
    { kind: 'absence', at: 200, department: 'billing', staff: 1, durationSeconds: 120 },
    { kind: 'outage', id: 'it-down', trigger: 'facilitator', department: 'it', durationSeconds: 60 },
    { kind: 'surge', at: 400, factor: 2, durationSeconds: 100 },
  ],
});

/** Play with a wholistic policy but step by step, recording the run, with a few facilitator commands. */
function playRandomish(sim: Sim, policyName: 'wholistic' | 'random' = 'wholistic'): void {
  const extra: [number, Command][] = [
    [100, { type: 'inject', event: 'it-down' }],
    [150, { type: 'extend', seconds: 60 }],
    [160, { type: 'route', ticket: 99999, to: 'billing' }],
  ];
  let k = 0;
  void policyName;
  while (!sim.isOver()) {
    const next = extra[k];
    if (next && sim.now() >= next[0]) {
      sim.apply(next[1]);
      k++;
    }
    for (const d of sim.view().departments) {
      for (const id of [...d.outbox]) {
        const T = sim.ticket(id)!;
        const skill = T.journey[T.step]!;
        const to = sim.level.departments.find((x) => x.skills.includes(skill) && x.id !== d.id);
        sim.apply({ type: 'route', ticket: id, to: to ? to.id : 'it', care: id % 3 === 0 ? 'thorough' : 'quick' });
      }
    }
    for (const r of sim.view().requests) if (r.status === 'open') sim.apply({ type: 'grant', request: r.id });
    if (!sim.step()) break;
  }
}

describe('determinism', () => {
  it('same level, seed and commands give the same hash', () => {
    const a = createSim(richLevel, 42);
    const b = createSim(richLevel, 42);
    playRandomish(a);
    playRandomish(b);
    expect(a.isOver()).toBe(true);
    expect(a.hash()).toBe(b.hash());
    expect(a.metrics()).toEqual(b.metrics());
    const c = createSim(richLevel, 43);
    playRandomish(c);
    expect(c.hash()).not.toBe(a.hash());
  });

  it('recording events does not change the state', () => {
    const a = createSim(richLevel, 7, { recordEvents: true });
    const b = createSim(richLevel, 7, { recordEvents: false, sampleEvery: 0 });
    playRandomish(a);
    playRandomish(b);
    expect(a.hash()).toBe(b.hash());
    expect(b.drainEvents()).toEqual([]);
    expect(a.drainEvents().length).toBeGreaterThan(100);
  });

  it('snapshot -> JSON -> restore every N steps continues exactly like a straight run', () => {
    const straight = runPolicy(richLevel, 5, 'wholistic');
    const log = straight.commandLog();
    expect(log.filter((e) => e.cmd.type === 'route').length).toBeGreaterThan(10);
    // replay the same commands, but hop through a JSON snapshot every 37 events
    let sim = createSim(richLevel, 5, { recordEvents: false });
    let i = 0;
    let steps = 0;
    for (;;) {
      while (i < log.length && sim.eventsProcessed() === log[i]!.after) {
        sim.applyAfter(log[i]!);
        i++;
      }
      if (++steps % 37 === 0) {
        const text = JSON.stringify(sim.snapshot());
        sim = restoreSim(richLevel, JSON.parse(text), { recordEvents: false });
      }
      if (!sim.step()) break;
    }
    expect(i).toBe(log.length);
    expect(sim.hash()).toBe(straight.hash());
  });

  it('replay from the command log reproduces the run, refusals included', () => {
    const a = createSim(richLevel, 11);
    playRandomish(a);
    const log = a.commandLog();
    expect(log.some((e) => e.cmd.type === 'route')).toBe(true);
    const b = replay(richLevel, 11, log);
    expect(b.hash()).toBe(a.hash());
    expect(b.commandLog()).toEqual(log);
    const refused = a.drainEvents().filter((e) => e.type === 'command' && !e.result.ok);
    expect(refused.length).toBeGreaterThan(0);
  });

  it('replay of a policy run', () => {
    const a = runPolicy(richLevel, 3, 'random');
    const b = replay(richLevel, 3, a.commandLog());
    expect(b.hash()).toBe(a.hash());
  });

  it('advanceTo in small increments equals one big advance', () => {
    const a = createSim(autoLevel(), 9);
    const b = createSim(autoLevel(), 9);
    for (let t = 0; t <= 700; t += 0.5) a.advanceTo(t);
    b.runToEnd();
    expect(a.isOver()).toBe(true);
    expect(a.hash()).toBe(b.hash());
    expect(a.timeline()).toEqual(b.timeline());
  });

  it('a restored sim emits the same events from then on (a reload mid-level)', () => {
    const straight = createSim(richLevel, 17);
    straight.advanceTo(333.3);
    const snap = JSON.parse(JSON.stringify(straight.snapshot()));
    straight.drainEvents();
    straight.runToEnd();
    const restored = restoreSim(richLevel, snap);
    expect(restored.now()).toBe(333.3);
    restored.runToEnd();
    const a = straight.drainEvents();
    expect(a.length).toBeGreaterThan(50);
    expect(restored.drainEvents()).toEqual(a);
    expect(restored.timeline()).toEqual(straight.timeline());
    expect(restored.metrics()).toEqual(straight.metrics());
    expect(() => restoreSim({ ...richLevel, id: 'other' }, snap)).toThrow(/other/);
  });

  it('timeline samples every sampleEvery seconds, bounded by the level length; 0 turns it off', () => {
    const a = createSim(autoLevel(), 1, { sampleEvery: 30 });
    a.runToEnd();
    const tl = a.timeline();
    expect(tl.map((x) => x.t)).toEqual(Array.from({ length: 21 }, (_, i) => i * 30));
    expect(tl[20]!.resolved).toBe(a.metrics().customers.resolved);
    expect(Object.keys(tl[5]!.queues)).toEqual(['tier-1', 'billing', 'it']);
    const b = createSim(autoLevel(), 1, { sampleEvery: 0 });
    b.runToEnd();
    expect(b.timeline()).toEqual([]);
    expect(b.hash()).toBe(a.hash());
  });
});
