/**
 * A tiny level and a scripted player for tests that run the real sim (imported by *.test.ts only).
 */
import { Level, type LevelInput } from '../../level/schema';
import type { Sim, TicketView } from '../../sim/types';

const input: LevelInput = {
  formatVersion: 1,
  id: 'tiny-desk',
  title: 'Tiny desk',
  texts: {
    briefing: ['Route each ticket to the desk that can do the next step.'],
    goal: 'Right desk, first time.',
    debriefQuestions: ['Which handoff hurt the most?', 'What would you change first?', 'Where does this happen at work?'],
  },
  durationSeconds: 300,
  entry: 'front',
  departments: [
    {
      id: 'front',
      name: 'Front Desk',
      role: 'frontline',
      position: { x: 20, y: 50 },
      staff: 2,
      skills: ['triage', 'reply'],
      serviceTime: { triage: { kind: 'uniform', min: 8, max: 16 }, reply: { kind: 'uniform', min: 8, max: 14 } },
    },
    {
      id: 'billing',
      name: 'Billing',
      role: 'billing',
      position: { x: 70, y: 25 },
      staff: 1,
      skills: ['billing-fix'],
      serviceTime: { 'billing-fix': { kind: 'exponential', mean: 30 } },
    },
    {
      id: 'tech',
      name: 'Tech Support',
      role: 'it',
      position: { x: 70, y: 75 },
      staff: 1,
      skills: ['tech-fix'],
      serviceTime: { 'tech-fix': { kind: 'exponential', mean: 35 } },
    },
  ],
  workTypes: [
    { id: 'question', name: 'Question', shape: 'circle', journey: [{ skill: 'reply' }] },
    {
      id: 'bill',
      name: 'Billing issue',
      shape: 'diamond',
      journey: [{ skill: 'triage' }, { skill: 'billing-fix' }, { skill: 'reply' }],
    },
    { id: 'tech', name: 'Tech issue', shape: 'triangle', journey: [{ skill: 'triage' }, { skill: 'tech-fix' }, { skill: 'reply' }] },
  ],
  arrivals: { ratePerMinute: 4, stopAt: 240 },
  customers: { patience: 90 },
  events: [{ kind: 'absence', id: 'flu', at: 120, department: 'billing', staff: 1, durationSeconds: 40, text: 'Billing is off sick' }],
  scoring: {
    targets: { meanResolutionSeconds: 120, p95ResolutionSeconds: 240, staffSecondsPerCustomer: 60 },
    stars: [40, 60, 80],
  },
};

export const tinyLevel: Level = Level.parse(input);

/** A small seeded generator for test choices (not the sim's). */
export function testRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tickets(sim: Sim): TicketView[] {
  const all = sim.view().tickets;
  return [...all.values()];
}

/**
 * Routes every ticket waiting in an outbox: usually to a desk that can do its next step, sometimes
 * (`misrouteChance`) to a wrong one. Returns how many commands it applied.
 */
export function routeOutboxes(sim: Sim, rand: () => number, misrouteChance = 0.2): number {
  const depts = sim.level.departments;
  let n = 0;
  for (const t of tickets(sim)) {
    if (t.phase !== 'outbox') continue;
    const skill = t.journey[t.step];
    const right = depts.find((d) => d.id !== t.dept && skill !== undefined && d.skills.includes(skill));
    const wrong = depts.find((d) => d.id !== t.dept && d.id !== right?.id);
    const to = rand() < misrouteChance && wrong ? wrong : right;
    if (!to) continue;
    sim.apply({ type: 'route', ticket: t.id, to: to.id });
    n++;
  }
  return n;
}
