/**
 * Queueing theory checks: with Poisson arrivals and exponential service the engine must reproduce the
 * M/M/c mean queue wait (Erlang C) and Little's law. Runs are long (millions of customers) because at
 * 90% load the sample mean of the wait converges slowly; relative errors are logged.
 */
import { describe, expect, it } from 'vitest';
import { createSim } from './index';
import { mmcLevel } from './testing/levels';

/** Erlang C: probability of waiting in M/M/c with offered load a = lambda / mu. */
export function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const ac = (term * a) / c; // a^c / c!
  const top = ac / (1 - a / c);
  return top / (sum + top);
}

function mmcWait(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

describe('Erlang C helper', () => {
  it('matches textbook values', () => {
    // M/M/1: P(wait) = rho; M/M/2 with a = 1: C = 1/3
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(mmcWait(1, 0.9, 1)).toBeCloseTo(9, 9);
  });
});

const cases: { c: number; rho: number; customers: number }[] = [
  { c: 1, rho: 0.5, customers: 1_000_000 },
  { c: 2, rho: 0.8, customers: 4_000_000 },
  { c: 1, rho: 0.9, customers: 10_000_000 },
  { c: 4, rho: 0.9, customers: 10_000_000 },
];

describe('M/M/c', () => {
  const mu = 1 / 30; // 30 s mean service
  for (const { c, rho, customers } of cases) {
    it(`c=${c}, load ${rho * 100}%: mean queue wait within 3% of Erlang C, Little's law within 2%`, () => {
      const lambda = rho * c * mu;
      const duration = customers / lambda;
      const sim = createSim(mmcLevel(c, lambda, mu, duration), 1000 + c, { recordEvents: false, sampleEvery: 0 });
      sim.runToEnd();
      const m = sim.metrics();
      const d = m.departments['desk']!;
      const expected = mmcWait(c, lambda, mu);
      const err = d.meanQueueWait / expected - 1;
      // Little's law on the queue: L = lambda * W with lambda and W measured.
      const littleErr = d.meanQueueLength / ((d.arrivals / duration) * d.meanQueueWait) - 1;
      console.log(
        `M/M/${c} load ${rho}: ${m.customers.arrived} customers, Wq ${d.meanQueueWait.toFixed(3)} s vs Erlang C ${expected.toFixed(3)} s ` +
          `(${(err * 100).toFixed(2)}%), Little ${(littleErr * 100).toFixed(3)}%, utilisation ${d.utilization.toFixed(4)}`,
      );
      expect(m.customers.abandoned).toBe(0);
      expect(m.customers.arrived).toBeGreaterThan(customers * 0.98);
      expect(Math.abs(err)).toBeLessThan(0.03);
      expect(Math.abs(littleErr)).toBeLessThan(0.02);
      expect(Math.abs(d.utilization / rho - 1)).toBeLessThan(0.01);
    });
  }
});
