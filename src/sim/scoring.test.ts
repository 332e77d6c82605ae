import { describe, expect, it } from 'vitest';
import { createSim, runPolicy, scoreFrom } from './index';
import { makeLevel } from './testing/levels';
import type { Metrics } from './types';

/** Every work type needs a handoff: nothing resolves without routing. */
const routed = makeLevel({
  durationSeconds: 900,
  workTypes: [
    { id: 'invoice', name: 'Invoice', shape: 'circle', handoffRisk: 2, journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }] },
    { id: 'laptop', name: 'Laptop', shape: 'square', handoffRisk: 2, journey: [{ skill: 'triage' }, { skill: 'repair' }, { skill: 'reply' }] },
  ],
  handoffs: { quickReworkChance: 0.5, quickBounceChance: 0.3, reworkTime: 90, clarifySeconds: 40 },
  actions: { route: true, handoffCare: true, grantRequests: true },
  arrivals: { ratePerMinute: 2.5 },
});

function metricsWith(over: Partial<Metrics['customers']>): Metrics {
  const sim = createSim(routed, 1);
  const m = sim.metrics();
  return { ...m, customers: { ...m.customers, ...over } };
}

describe('scoring', () => {
  it('an idle player scores 0', () => {
    const sim = runPolicy(routed, 5, 'idle');
    const m = sim.metrics();
    expect(m.customers.arrived).toBeGreaterThan(10);
    expect(m.customers.resolved).toBe(0);
    const s = sim.score();
    expect(s.total).toBe(0);
    expect(s.stars).toBe(0);
    expect(s.parts.every((p) => p.points === 0)).toBe(true);
  });

  it('nobody arriving scores 0', () => {
    const sim = createSim(makeLevel({ arrivals: { ratePerMinute: 0 } }), 1);
    sim.runToEnd();
    expect(sim.score().total).toBe(0);
  });

  it('points follow the weights and add up to the total; stars count thresholds reached', () => {
    const sim = runPolicy(routed, 2, 'wholistic');
    const s = sim.score();
    const sum = s.parts.reduce((a, p) => a + p.points, 0);
    expect(s.total).toBeCloseTo(Math.round(sum * 10) / 10, 9);
    // `routed` has no internal requests, so that part does not count.
    const w = { ...routed.scoring.weights, requestsOnTime: 0 };
    const sumW = Object.values(w).reduce((a, b) => a + b, 0);
    for (const p of s.parts) {
      expect(p.value).toBeGreaterThanOrEqual(0);
      expect(p.value).toBeLessThanOrEqual(1);
      expect(p.weight).toBe(w[p.key]);
      expect(p.points).toBeCloseTo((p.value * w[p.key] * 100) / sumW, 9);
    }
    expect(s.stars).toBe([40, 60, 80].filter((x) => x <= s.total).length);
  });

  it('star thresholds are inclusive, and a level without stars reports null', () => {
    const m = metricsWith({ arrived: 10, resolved: 10, meanResolutionTime: 60, p95ResolutionTime: 100, firstContactResolution: 1, meanEffort: 0 });
    const perfect = { ...m, staffSecondsBusy: 10, handoffs: { ...m.handoffs, total: 0 } };
    const full = scoreFrom(routed, perfect, 10, 0);
    expect(full.total).toBe(100);
    expect(full.stars).toBe(3);
    const at = (stars: [number, number, number] | null) => scoreFrom({ ...routed, scoring: { ...routed.scoring, stars } }, perfect, 10, 0).stars;
    expect(at([100, 100, 100])).toBe(3);
    expect(at([20, 99.9, 100])).toBe(3);
    const half = scoreFrom(routed, perfect, 5, 0); // satisfaction 0.5
    expect(half.total).toBeLessThan(100);
    expect(scoreFrom({ ...routed, scoring: { ...routed.scoring, stars: [half.total, half.total + 0.1, 100] } }, perfect, 5, 0).stars).toBe(1);
    expect(at(null)).toBeNull();
  });

  it('quality parts are scaled by the share of customers resolved (finishing only easy work is not enough)', () => {
    const m = metricsWith({ arrived: 10, resolved: 4, meanResolutionTime: 60, p95ResolutionTime: 100, firstContactResolution: 1, meanEffort: 0 });
    const r = scoreFrom(routed, { ...m, staffSecondsBusy: 10, handoffs: { ...m.handoffs, total: 0 } }, 4, 0);
    const v = Object.fromEntries(r.parts.map((p) => [p.key, p.value]));
    expect(v).toMatchObject({ resolved: 0.4, meanTime: 0.4, p95Time: 0.4, firstContact: 0.4, effort: 0.4, handoffQuality: 0.4, cost: 0.4 });
    expect(v['satisfaction']).toBeCloseTo(0.4, 12);
  });

  it('requests on time only counts in levels that have internal requests', () => {
    const m = metricsWith({ arrived: 10, resolved: 10, meanResolutionTime: 60, p95ResolutionTime: 100, firstContactResolution: 1, meanEffort: 0 });
    const none = scoreFrom({ ...routed, internalRequests: [] }, m, 10, 0).parts.find((p) => p.key === 'requestsOnTime')!;
    expect(none.weight).toBe(0);
    expect(none.points).toBe(0);
    const req = { id: 'laptops', title: 'Laptops', from: 'a', to: 'b', at: 0, workSeconds: 10, dueWithin: 60, autoGrant: false, effect: { kind: 'speed' as const, factor: 0.8 } };
    const some = scoreFrom({ ...routed, internalRequests: [req] }, m, 10, 0).parts.find((p) => p.key === 'requestsOnTime')!;
    expect(some.weight).toBe(routed.scoring.weights.requestsOnTime);
  });

  it('a request done on time earns its full points, however many customers were resolved', () => {
    const m = metricsWith({ arrived: 10, resolved: 7, meanResolutionTime: 60, p95ResolutionTime: 100, firstContactResolution: 1, meanEffort: 0 });
    const req = { id: 'laptops', title: 'Laptops', from: 'a', to: 'b', at: 0, workSeconds: 10, dueWithin: 60, autoGrant: false, effect: { kind: 'speed' as const, factor: 0.8 } };
    const lvl = { ...routed, internalRequests: [req] };
    const r = scoreFrom(lvl, { ...m, requests: { ...m.requests, total: 1, onTime: 1 } }, 7, 0);
    const part = r.parts.find((p) => p.key === 'requestsOnTime')!;
    const sumW = r.parts.reduce((s, p) => s + p.weight, 0);
    expect(part.value).toBe(1);
    expect(part.points).toBeCloseTo((100 * part.weight) / sumW, 12);
  });

  it('customers still in the system count half their satisfaction', () => {
    const m = metricsWith({ arrived: 4, resolved: 2 });
    const a = scoreFrom(routed, m, 2, 0).parts.find((p) => p.key === 'satisfaction')!.value;
    const b = scoreFrom(routed, m, 2, 2).parts.find((p) => p.key === 'satisfaction')!.value;
    expect(a).toBeCloseTo(0.5, 12);
    expect(b).toBeCloseTo(0.75, 12);
  });

  it('wholistic play clearly beats siloed play when quick notes are risky', () => {
    let wh = 0;
    let si = 0;
    for (let seed = 1; seed <= 4; seed++) {
      wh += runPolicy(routed, seed, 'wholistic').score().total;
      si += runPolicy(routed, seed, 'siloed').score().total;
    }
    expect(wh / 4).toBeGreaterThan(si / 4 + 5);
  });
});
