/**
 * Test-only (never imported by the engine; lives in testing/ because it needs the zod schema at run
 * time, which sim runtime modules must not import). Small valid levels for tests, built through the real schema (Level.parse fills defaults).
 * Test-only helpers may stretch a parsed level beyond the schema limits (long M/M/c runs).
 */
import { Level, type LevelInput } from '../../level/schema';

const texts = { briefing: ['Test level.'], goal: 'Test the simulation.' };
const scoring = {
  targets: { meanResolutionSeconds: 120, p95ResolutionSeconds: 300, staffSecondsPerCustomer: 120 },
  stars: [40, 60, 80] as [number, number, number],
};

export function makeLevel(over: Partial<LevelInput> = {}): Level {
  const base: LevelInput = {
    formatVersion: 1,
    id: 'test',
    title: 'Test',
    texts,
    durationSeconds: 600,
    departments: [
      { id: 'tier-1', name: 'Tier 1', role: 'frontline', position: { x: 10, y: 50 }, staff: 2, skills: ['triage', 'reply'], serviceTime: { triage: 20, reply: 15 } },
      { id: 'billing', name: 'Billing', role: 'billing', position: { x: 60, y: 30 }, staff: 2, skills: ['fix'], serviceTime: { fix: 40 } },
      { id: 'it', name: 'IT', role: 'it', position: { x: 60, y: 70 }, staff: 1, skills: ['repair'], serviceTime: { repair: 50 } },
    ],
    workTypes: [
      { id: 'invoice', name: 'Invoice', shape: 'circle', journey: [{ skill: 'triage' }, { skill: 'fix' }, { skill: 'reply' }] },
      { id: 'laptop', name: 'Laptop', shape: 'square', journey: [{ skill: 'triage' }, { skill: 'repair' }, { skill: 'reply' }] },
      { id: 'question', name: 'Question', shape: 'triangle', journey: [{ skill: 'triage' }, { skill: 'reply' }] },
    ],
    arrivals: { ratePerMinute: 3 },
    scoring,
    ...over,
  };
  return Level.parse(base);
}

/** Same departments, everything routed automatically. */
export function autoLevel(over: Partial<LevelInput> = {}): Level {
  return makeLevel({ autoRoute: 'all', ...over });
}

/**
 * M/M/c: one department, Poisson arrivals (lambda per second), exponential service (mean 1/mu),
 * c staff, nobody abandons. Duration and patience are stretched past the schema limits on purpose.
 */
export function mmcLevel(c: number, lambda: number, mu: number, duration: number): Level {
  const lvl = Level.parse({
    formatVersion: 1,
    id: 'mmc',
    title: 'M/M/c',
    texts,
    durationSeconds: 7200,
    departments: [
      { id: 'desk', name: 'Desk', position: { x: 50, y: 50 }, staff: c, skills: ['serve'], serviceTime: { serve: { kind: 'exponential', mean: 1 / mu } }, queueWarning: 500, queueLimit: 500 },
    ],
    workTypes: [{ id: 'job', name: 'Job', shape: 'circle', journey: [{ skill: 'serve' }] }],
    arrivals: { ratePerMinute: Math.min(600, lambda * 60) },
    customers: { dropPerMinuteLate: 0 },
    scoring,
  } satisfies LevelInput);
  return {
    ...lvl,
    durationSeconds: duration,
    arrivals: { ...lvl.arrivals, ratePerMinute: lambda * 60, stopAt: duration },
    customers: { ...lvl.customers, patience: duration * 10 },
  };
}
