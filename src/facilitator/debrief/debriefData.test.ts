import { describe, expect, it } from 'vitest';
import { createSim } from '../../sim/index';
import { causeLabel, deptNames, formatDuration, readCause } from './causes';
import { compareRounds, comparableRounds } from './compare';
import { customerChoices, longestTray, outcomeSeries, queueSeries, rippleTrace, swimlane } from './debriefData';
import { createJourneyCollector, roundResultFromSim } from '../session/journeys';
import * as S from '../session/session';
import { routeOutboxes, testRng, tinyLevel } from '../testing/simFixtures';
import { journeyA, makeResult, makeSession } from '../testing/testFixtures';

const names = deptNames(makeResult().departments);

describe('causes in plain words', () => {
  it('parses and names every kind of cause', () => {
    expect(readCause('rework:tier1>billing')).toEqual({ kind: 'rework', dept: 'billing', from: 'tier1', to: 'billing', event: null });
    expect(readCause('nonsense').kind).toBe('other');
    expect(causeLabel('queue:billing', names)).toBe('Waiting in the Billing queue');
    expect(causeLabel('outbox:tier1', names)).toBe('Done at Tier 1, waiting to be routed');
    expect(causeLabel('rework:tier1>billing', names)).toBe('Rework at Billing after thin notes from Tier 1');
    expect(causeLabel('clarify:tier1>billing', names)).toBe('Bounced back from Billing to Tier 1 to clarify');
    expect(causeLabel('misroute:tier1>it', names)).toBe('Sent from Tier 1 to it, the wrong desk');
    expect(causeLabel('event:flu', deptNames([], tinyLevel), tinyLevel)).toBe('Held up: Billing is off sick');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(440)).toBe('7 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });
});

describe('debrief data from a hand-made round', () => {
  const result = makeResult();

  it('gives queue and outcome series over time', () => {
    const q = queueSeries(result, names);
    expect(q.t).toEqual([0, 10, 20, 30]);
    expect(q.series.map((s) => [s.label, s.values])).toEqual([
      ['Tier 1', [0, 1, 2, 3]],
      ['Billing', [0, 2, 4, 6]],
    ]);
    // Tickets in a "Ready to send" tray or waiting for notes count too, not only the desk's line.
    const withTrays = { ...result, timeline: result.timeline.map((s, i) => ({ ...s, trays: { tier1: 5 * i, billing: 0 } })) };
    expect(queueSeries(withTrays, names).series[0]?.values).toEqual([0, 6, 12, 18]);
    expect(longestTray(result)).toEqual({ dept: 'tier1', seconds: 120 });
    const o = outcomeSeries(result);
    expect(o.series.map((s) => s.key)).toEqual(['resolved', 'waiting', 'abandoned']);
    expect(o.series[2]?.values).toEqual([0, 0, 0, 1]);
  });

  it('ranks the ripple trace, leaves out the work itself, and splits by outcome', () => {
    const tr = rippleTrace(result, names);
    expect(tr.total).toBe(2770);
    expect(tr.workSeconds).toBe(1100);
    expect(tr.rows.map((r) => r.cause)).toEqual([
      'queue:billing',
      'rework:tier1>billing',
      'queue:tier1',
      'outbox:tier1',
      'misroute:tier1>it',
      'notes:tier1',
      'transit',
    ]);
    const rework = tr.rows[1]!;
    expect(rework).toMatchObject({ owner: 'tier1', customers: 1, byOutcome: { resolved: 60, abandoned: 0, waiting: 240 } });
    const queue = tr.rows.find((r) => r.cause === 'queue:tier1')!;
    expect(queue.byOutcome).toEqual({ resolved: 20, abandoned: 380, waiting: 0 });
    expect(tr.byOwner[0]).toMatchObject({ dept: 'billing', seconds: 900 });
    expect(tr.byOwner[1]).toMatchObject({ dept: 'tier1', seconds: 730, handoffSeconds: 360 });
    expect(tr.sentences[0]).toBe('4 handoffs from Tier 1 with thin notes needed rework at Billing, costing 4 customers 1 min 15 s each.');
    expect(tr.sentences[1]).toBe('1 handoff from Tier 1 went to the wrong desk (it), costing 1 customer 1 min.');
    expect(tr.exact).toBe(true);
  });

  it('draws one customer as an Engagement Cycle swimlane', () => {
    const sl = swimlane(journeyA, names, null, 'Refund');
    expect(sl.lanes).toEqual(['Ana', 'Tier 1', 'Billing']);
    expect(sl.title).toBe('Ana (Refund)');
    expect(sl.blocks[0]).toMatchObject({ lane: 0, kind: 'customer', from: 10, to: 200, words: 'resolved, 55% satisfied' });
    const transit = sl.blocks.find((b) => b.kind === 'transit')!;
    expect(transit).toMatchObject({ lane: 2, words: 'in transit' }); // drawn where it was heading
    expect(sl.blocks.find((b) => b.kind === 'rework')).toMatchObject({
      lane: 2,
      words: 'rework',
      detail: 'Rework at Billing after thin notes from Tier 1',
    });
    expect(sl.summary).toBe('Ana resolved after 3 min 10 s, 55% satisfied; 1 min of it from handoff problems.');
    expect(customerChoices(result).map((c) => c.ticket)).toEqual([2, 1]);
  });

  it('draws a bounce on the lane of the desk that sent it back, and says quick or thorough on notes', () => {
    const j = {
      ...journeyA,
      segments: [
        { cause: 'service:tier1', dept: 'tier1', from: 10, to: 40 },
        { cause: 'notes:tier1', dept: 'tier1', from: 40, to: 50 },
        { cause: 'transit', dept: null, from: 50, to: 60 },
        // Billing picks it up, finds it is not theirs, sends it back: time lost at Billing and on the way back.
        { cause: 'misroute:tier1>billing', dept: 'tier1', from: 60, to: 100 },
        { cause: 'outbox:tier1', dept: 'tier1', from: 100, to: 110 },
        { cause: 'notes:tier1', dept: 'tier1', from: 110, to: 140 },
        { cause: 'transit', dept: null, from: 140, to: 150 },
        { cause: 'service:billing', dept: 'billing', from: 150, to: 200 },
      ],
    };
    const handoffs = [
      { t: 40, from: 'tier1', care: 'quick' as const },
      { t: 110, from: 'tier1', care: 'thorough' as const },
    ];
    const sl = swimlane(j, names, null, 'Refund', handoffs);
    const billing = sl.lanes.indexOf('Billing');
    expect(sl.blocks.find((b) => b.kind === 'misroute')!.lane).toBe(billing);
    expect(sl.blocks.filter((b) => b.kind === 'notes').map((b) => b.words)).toEqual(['quick notes', 'thorough notes']);
    // Without the handoffs (an old round) the notes just say what they are.
    expect(swimlane(j, names).blocks.filter((b) => b.kind === 'notes').map((b) => b.words)).toEqual(['writing notes', 'writing notes']);
  });

  it('compares rounds on the same level and seed, marking the best', () => {
    let s = makeSession();
    s = S.startRound(s, 'r2').session;
    const r2 = makeResult(85);
    r2.metrics = { ...r2.metrics, attribution: { ...r2.metrics.attribution, 'rework:tier1>billing': 30 } };
    s = S.finishRound(s, 'r2', r2).session;
    s = S.addRound(s, { levelId: 'other', levelTitle: 'Other', seed: 7 }).session;
    const rounds = comparableRounds(s, s.rounds[0]!);
    expect(rounds.map((r) => r.team)).toEqual(['Blue', 'Green']);
    const c = compareRounds(rounds);
    expect(c.sameSetup).toBe(true);
    const row = (k: string) => c.rows.find((r) => r.key === k)!;
    expect(row('total')).toMatchObject({ values: [70, 85], best: [1], spread: 15 });
    // Time rows are shown, not judged: less time writing notes is not a win in itself.
    expect(row('time:rework')).toMatchObject({ values: [300, 30], best: [], higherIsBetter: false });
    expect(row('resolved')).toMatchObject({ best: [] }); // equal: nothing to highlight
    expect(row('time:work').best).toEqual([]);
    expect(c.rows.some((r) => r.key === 'part:cost')).toBe(false); // weight 0 in every round
  });

  it('marks only outcome rows, and says beside a mean time how many customers gave up and are left out', () => {
    let s = makeSession();
    s = S.startRound(s, 'r2').session;
    // The careless team: shorter mean time (its slow customers gave up), less time on notes, more lost.
    const careless = makeResult(40);
    careless.metrics = {
      ...careless.metrics,
      customers: { ...careless.metrics.customers, abandoned: 6, resolved: 12, meanResolutionTime: 90 },
      attribution: { ...careless.metrics.attribution, 'notes:tier1': 5, 'queue:tier1': 20 },
    };
    s = S.finishRound(s, 'r2', careless).session;
    const c = compareRounds(comparableRounds(s, s.rounds[0]!));
    const marked = c.rows.filter((r) => r.best.length > 0).map((r) => r.key);
    expect(marked.sort()).toEqual(['abandoned', 'resolved', 'total']); // stars are equal here
    for (const r of c.rows) if (r.group === 'time' || r.key.startsWith('part:')) expect(r.best).toEqual([]);
    const mean = c.rows.find((r) => r.key === 'meanTime')!;
    expect(mean.best).toEqual([]);
    expect(mean.label).toContain('helped');
    expect(mean.notes).toEqual(['2 gave up, not counted', '6 gave up, not counted']);
    expect(c.rows.find((r) => r.key === 'abandoned')!.best).toEqual([0]);
  });
});

describe('debrief data from a real simulated round', () => {
  it('derives every chart from a played round', () => {
    const sim = createSim(tinyLevel, 3);
    const rand = testRng(1);
    const journeys = createJourneyCollector();
    for (let t = 0; !sim.isOver(); t += 0.5) {
      sim.advanceTo(t);
      routeOutboxes(sim, rand, 0.25);
      journeys.add(sim.drainEvents());
    }
    const result = roundResultFromSim(sim, journeys.all(), '2025-03-04T10:00:00.000Z');
    const m = result.metrics;
    expect(result.journeysTotal).toBe(m.customers.resolved + m.customers.abandoned);
    const n = deptNames(result.departments, tinyLevel);
    const q = queueSeries(result, n);
    expect(q.series.map((s) => s.label)).toEqual(['Front Desk', 'Billing', 'Tech Support']);
    expect(q.t.length).toBeGreaterThan(20);
    // A ticket is counted wherever it waits: inbox, tray or pending notes, sampled by the sim itself.
    for (const sample of result.timeline) expect(Object.keys(sample.trays ?? {})).toEqual(['front', 'billing', 'tech']);
    let traysPeak = 0;
    for (const sample of result.timeline) for (const n of Object.values(sample.trays ?? {})) traysPeak = Math.max(traysPeak, n);
    expect(traysPeak).toBeGreaterThan(0);
    const tr = rippleTrace(result, n, tinyLevel);
    const all = Object.values(m.attribution).reduce((a, b) => a + b, 0);
    expect(tr.total).toBeCloseTo(all, 6);
    expect(tr.rows.reduce((a, r) => a + r.seconds, 0) + tr.workSeconds).toBeCloseTo(all, 6);
    for (const r of tr.rows) {
      expect(r.label).not.toMatch(/undefined|null/);
      const split = r.byOutcome.resolved + r.byOutcome.abandoned + r.byOutcome.waiting;
      expect(split).toBeCloseTo(r.seconds, 1);
    }
    expect(tr.rows.some((r) => r.kind === 'misroute' || r.kind === 'clarify' || r.kind === 'rework')).toBe(true);
    expect(tr.sentences.length).toBeGreaterThan(0);
    for (const j of result.journeys) {
      const sl = swimlane(j, n, tinyLevel);
      const covered = sl.blocks.slice(1).reduce((a, b) => a + (b.to - b.from), 0);
      expect(covered).toBeCloseTo(j.totalSeconds, 1);
      expect(sl.lanes[1]).toBe('Front Desk');
    }
  });
});
