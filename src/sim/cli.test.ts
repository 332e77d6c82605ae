/** The sim command line, run in-process with files held in memory. */
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../cli/sim';
import { makeLevel } from './testing/levels';

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const x: CliIO = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (p) => {
      const t = files[p];
      if (t === undefined) throw new Error('ENOENT');
      return t;
    },
  };
  return { x, out, err };
}

const level = JSON.stringify({ ...makeLevel({ id: 'cli-test', durationSeconds: 300 }) });

describe('sim CLI', () => {
  it('prints one JSON object with the figures', () => {
    const { x, out, err } = io({ 'l.json': level });
    expect(main(['l.json', '--seed', '4', '--policy', 'siloed', '--json'], x)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    const r = JSON.parse(out[0]!);
    expect(r).toMatchObject({ level: 'cli-test', seed: 4, policy: 'siloed', simulatedSeconds: 300 });
    expect(r.events).toBeGreaterThan(10);
    expect(typeof r.score.total).toBe('number');
    expect(Object.keys(r.score.parts)).toContain('handoffQuality');
    for (const k of ['arrived', 'resolved', 'abandoned', 'meanWait', 'p95ResolutionTime', 'meanSatisfaction', 'firstContactResolution']) {
      expect(typeof r.customers[k]).toBe('number');
    }
    expect(Object.keys(r.departments)).toEqual(['tier-1', 'billing', 'it']);
    expect(r.departments['tier-1']).toMatchObject({ arrivals: expect.any(Number), completed: expect.any(Number), meanQueueWait: expect.any(Number), meanQueueLength: expect.any(Number), utilization: expect.any(Number) });
    expect(r.attribution['service:tier-1']).toBeGreaterThan(0);
    // same seed, same answer
    const again = io({ 'l.json': level });
    main(['l.json', '--seed', '4', '--policy', 'siloed', '--json'], again.x);
    expect(again.out).toEqual(out);
  });

  it('reports mean and spread over several seeds', () => {
    const { x, out } = io({ 'l.json': level });
    expect(main(['l.json', '--runs', '3', '--json'], x)).toBe(0);
    const r = JSON.parse(out[0]!);
    expect(r.runs).toBe(3);
    const s = r.score.total;
    expect(s.min).toBeLessThanOrEqual(s.mean);
    expect(s.mean).toBeLessThanOrEqual(s.max);
    expect(s.sd).toBeGreaterThanOrEqual(0);
    expect(r.customers.arrived.sd).toBeGreaterThan(0); // different seeds really ran
    const text = io({ 'l.json': level });
    expect(main(['l.json', '--runs', '3'], text.x)).toBe(0);
    expect(text.out.join('\n')).toMatch(/3 runs from seed 1/);
  });

  it('prints a readable report', () => {
    const { x, out } = io({ 'l.json': level });
    expect(main(['l.json'], x)).toBe(0);
    const t = out.join('\n');
    expect(t).toMatch(/Score \d+\.\d \/ 100/);
    expect(t).toMatch(/Customers: \d+ arrived/);
    expect(t).toMatch(/Where customer time went/);
  });

  it('rejects a bad level with path:line:col messages and exit 1', () => {
    const bad = level.replace('"staff":2', '"staff":-3');
    const { x, out, err } = io({ 'bad.json': bad });
    expect(main(['bad.json'], x)).toBe(1);
    expect(out).toEqual([]);
    expect(err.length).toBeGreaterThan(0);
    expect(err[0]).toMatch(/^bad\.json:\d+:\d+: /);
    const missing = io({});
    expect(main(['nope.json'], missing.x)).toBe(1);
    expect(missing.err[0]).toMatch(/^nope\.json:1:1: /);
    const usage = io({});
    expect(main(['--policy', 'lazy'], usage.x)).toBe(1);
    expect(usage.err.join('\n')).toMatch(/--policy must be one of/);
  });
});
