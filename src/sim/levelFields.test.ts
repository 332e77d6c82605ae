// The optional level fields that make customers and desks differ: priority, per work type patience,
// score weight, the work mix over time, branching journeys, shifts and breaks.
import { describe, expect, it } from 'vitest';
import { createSim, runPolicy } from './index';
import { makeLevel, autoLevel } from './testing/levels';
import type { LevelInput } from '../level/schema';
import type { SimEvent } from './types';

const base = makeLevel();
type DeptIn = NonNullable<LevelInput['departments']>[number];
const [tier1, billing, it1] = base.departments as unknown as [DeptIn, DeptIn, DeptIn];
const ofType = <K extends SimEvent['type']>(ev: SimEvent[], type: K) =>
  ev.filter((e): e is SimEvent & { type: K } => e.type === type);
const types = base.workTypes as unknown as NonNullable<LevelInput['workTypes']>;

describe('priority', () => {
  it('a VIP who arrives last is served first at a desk with several waiting', () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 1 }, billing, it1],
      workTypes: types.map((w) => (w.id === 'laptop' ? { ...w, priority: 1 } : w)),
      arrivals: {
        ratePerMinute: 0,
        scripted: [
          { at: 0, workType: 'invoice', name: 'A' },
          { at: 1, workType: 'invoice', name: 'B' },
          { at: 2, workType: 'question', name: 'C' },
          { at: 3, workType: 'laptop', name: 'VIP' },
        ],
      },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(5);
    // A is in triage; the VIP waits ahead of B and C.
    expect(sim.view().departments[0]!.inbox.map((id) => sim.ticket(id)!.customer)).toEqual(['VIP', 'B', 'C']);
    sim.advanceTo(200);
    const starts = ofType(sim.drainEvents(), 'jobStart').filter(
      (e) => e.dept === 'tier-1' && e.kind === 'work',
    );
    const order = starts.map((e) => sim.ticket(e.ticket)?.customer ?? e.ticket);
    expect(order.slice(0, 2)).toEqual(['A', 'VIP']);
  });

  it('without priorities the order is arrival order (as before)', () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 1 }, billing, it1],
      arrivals: {
        ratePerMinute: 0,
        scripted: [
          { at: 0, workType: 'invoice', name: 'A' },
          { at: 1, workType: 'invoice', name: 'B' },
          { at: 3, workType: 'laptop', name: 'L' },
        ],
      },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(5);
    expect(sim.view().departments[0]!.inbox.map((id) => sim.ticket(id)!.customer)).toEqual(['B', 'L']);
  });
});

describe('per work type patience and score weight', () => {
  it('a work type with its own patience and abandonAfter gives up on its own clock', () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 0 }, billing, it1],
      workTypes: types.map((w) => (w.id === 'question' ? { ...w, patience: 10, abandonAfter: 2 } : w)),
      customers: { patience: 200, abandonAfter: 2 },
      arrivals: {
        ratePerMinute: 0,
        scripted: [
          { at: 0, workType: 'question', name: 'Quick' },
          { at: 0, workType: 'invoice', name: 'Slow' },
        ],
      },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(600);
    const gone = ofType(sim.drainEvents(), 'abandoned').map((e) => [e.customer, e.t]);
    expect(gone).toEqual([
      ['Quick', 20],
      ['Slow', 400],
    ]);
  });

  it('scoreWeight makes a work type count more in satisfaction and resolved', () => {
    const scripted = [
      { at: 0, workType: 'question' },
      { at: 0, workType: 'laptop' },
    ];
    // IT is closed, so laptops never get done; questions do.
    const depts = [tier1, billing, { ...it1, staff: 0 }];
    const plain = createSim(autoLevel({ departments: depts, arrivals: { ratePerMinute: 0, scripted } }), 1);
    const heavy = createSim(
      autoLevel({
        departments: depts,
        workTypes: types.map((w) => (w.id === 'question' ? { ...w, scoreWeight: 3 } : w)),
        arrivals: { ratePerMinute: 0, scripted },
      }),
      1,
    );
    plain.advanceTo(600);
    heavy.advanceTo(600);
    const part = (s: typeof plain, k: string) => s.score().parts.find((p) => p.key === k)!.value;
    expect(part(plain, 'resolved')).toBeCloseTo(0.5, 12);
    expect(part(heavy, 'resolved')).toBeCloseTo(0.75, 12);
    expect(part(heavy, 'satisfaction')).toBeGreaterThan(part(plain, 'satisfaction'));
  });
});

describe('the work mix over the level', () => {
  it('from a given time random customers bring the scheduled mix', () => {
    const lvl = autoLevel({
      workTypes: types.map((w) => ({ ...w, weight: w.id === 'invoice' ? 1 : 0 })),
      arrivals: { ratePerMinute: 6, mix: [{ from: 300, weights: { invoice: 0, laptop: 1 } }] },
    });
    const sim = createSim(lvl, 3);
    sim.advanceTo(600);
    const arrivals = ofType(sim.drainEvents(), 'arrive');
    expect(arrivals.length).toBeGreaterThan(20);
    expect(new Set(arrivals.filter((a) => a.t < 300).map((a) => a.workType))).toEqual(new Set(['invoice']));
    expect(new Set(arrivals.filter((a) => a.t >= 300).map((a) => a.workType))).toEqual(new Set(['laptop']));
  });
});

describe('branching journeys', () => {
  const branched = (chance: number) =>
    autoLevel({
      workTypes: [
        {
          id: 'invoice',
          name: 'Invoice',
          shape: 'circle',
          journey: [
            { skill: 'triage' },
            { skill: 'fix', then: [{ chance, label: 'Needs IT', steps: [{ skill: 'repair' }] }] },
            { skill: 'reply' },
          ],
        },
      ],
      arrivals: { ratePerMinute: 0, scripted: [{ at: 0, workType: 'invoice' }] },
    });

  it('a branch is taken with its chance over many seeds, and its steps are done before the rest', () => {
    const lvl = branched(0.3);
    let taken = 0;
    const N = 400;
    for (let seed = 1; seed <= N; seed++) {
      const sim = createSim(lvl, seed);
      sim.advanceTo(1);
      const journey = sim.ticket(1)!.journey;
      if (journey.length === 4) {
        expect(journey).toEqual(['triage', 'fix', 'repair', 'reply']);
        taken++;
      } else expect(journey).toEqual(['triage', 'fix', 'reply']);
    }
    // Binomial(400, 0.3): mean 120, sd about 9.2; 4 sd either side.
    expect(taken).toBeGreaterThan(120 - 37);
    expect(taken).toBeLessThan(120 + 37);
  });

  it('chance 1 always, chance 0 never; a branch that ends skips the rest; same seed, same journey', () => {
    for (const seed of [1, 2, 3]) {
      const always = createSim(branched(1), seed);
      always.advanceTo(1);
      expect(always.ticket(1)!.journey).toEqual(['triage', 'fix', 'repair', 'reply']);
      const never = createSim(branched(0), seed);
      never.advanceTo(1);
      expect(never.ticket(1)!.journey).toEqual(['triage', 'fix', 'reply']);
    }
    const lvl = branched(1);
    lvl.workTypes[0]!.journey[0]!.then = [{ chance: 1, steps: [{ skill: 'reply' }], end: true }];
    const short = createSim(lvl, 1);
    short.advanceTo(1);
    expect(short.ticket(1)!.journey).toEqual(['triage', 'reply']);
    short.advanceTo(600);
    expect(short.metrics().customers.resolved).toBe(1);
    const a = runPolicy(branched(0.5), 7, 'wholistic');
    const b = runPolicy(branched(0.5), 7, 'wholistic');
    expect(a.hash()).toBe(b.hash());
  });
});

describe('shifts and breaks', () => {
  it('a shift closes a desk outside its hours and opens it again', () => {
    const lvl = autoLevel({
      departments: [
        tier1,
        {
          ...billing,
          shifts: [
            { from: 0, to: 100 },
            { from: 300, to: 600 },
          ],
        },
        it1,
      ],
      arrivals: { ratePerMinute: 0, scripted: [{ at: 150, workType: 'invoice', name: 'Late' }] },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(250);
    const billingNow = () => sim.view().departments.find((d) => d.id === 'billing')!;
    expect(billingNow().away).toBe(2);
    expect(billingNow().inbox).toHaveLength(1); // waits for the desk to open
    sim.advanceTo(301);
    expect(billingNow().away).toBe(0);
    const starts = ofType(sim.drainEvents(), 'jobStart').filter((e) => e.dept === 'billing');
    expect(starts.map((e) => e.t)).toEqual([300]);
    sim.advanceTo(600);
    expect(sim.metrics().customers.resolved).toBe(1);
  });

  it('a shift with fewer people and a break take people away only then', () => {
    const lvl = autoLevel({
      departments: [
        {
          ...tier1,
          staff: 3,
          shifts: [{ from: 0, to: 600, staff: 2 }],
          breaks: [{ at: 100, durationSeconds: 50 }],
        },
        billing,
        it1,
      ],
      arrivals: { ratePerMinute: 0, scripted: [{ at: 500, workType: 'question' }] },
    });
    const sim = createSim(lvl, 1);
    const away = () => sim.view().departments[0]!.away;
    sim.advanceTo(50);
    expect(away()).toBe(1);
    sim.advanceTo(120);
    expect(away()).toBe(2);
    sim.advanceTo(200);
    expect(away()).toBe(1);
  });
});

describe('customer names', () => {
  it("a level's own names are used, and two customers in the system never share one", () => {
    const lvl = makeLevel({
      departments: [{ ...tier1, staff: 1 }, billing, it1],
      customers: { names: ['Ama', 'Bo', 'Cy'] },
      arrivals: {
        ratePerMinute: 0,
        scripted: [
          ...Array.from({ length: 7 }, (_, i) => ({ at: i, workType: 'question' })),
          { at: 8, workType: 'question', name: 'Bo' },
        ],
      },
    });
    const sim = createSim(lvl, 1);
    for (let t = 1; t <= 300; t += 3) {
      sim.advanceTo(t);
      const names = sim
        .view()
        .departments.flatMap((d) => [...d.inbox, ...d.outbox])
        .map((id) => sim.ticket(id)!.customer);
      const all = [...new Set(ofType(sim.drainEvents(), 'arrive').map((e) => e.customer))];
      expect(new Set(names).size).toBe(names.length);
      for (const n of all) expect(n).toMatch(/^(Ama|Bo|Cy)( \d+)?$/);
    }
  });

  it('the names go round in turn while nobody is left waiting', () => {
    const lvl = autoLevel({
      customers: { names: ['Ama', 'Bo'] },
      arrivals: {
        ratePerMinute: 0,
        scripted: [0, 100, 200, 300].map((at) => ({ at, workType: 'question' })),
      },
    });
    const sim = createSim(lvl, 1);
    sim.advanceTo(600);
    expect(ofType(sim.drainEvents(), 'arrive').map((e) => e.customer)).toEqual(['Ama', 'Bo', 'Ama', 'Bo']);
  });
});
