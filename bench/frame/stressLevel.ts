/**
 * A level built to keep about 300 tickets in flight at once: 300 customers arrive in the first six
 * seconds, the front desk is quick and plentiful, and work is auto-routed with a long trip between
 * desks, so nearly every ticket is drawn moving across the board at the same time (queues and trays
 * fold long lines into "+N", so transit is where every ticket is its own sprite).
 */
import { Level } from '../../src/level/schema';

export function stressLevel(tickets = 300): Level {
  const depts = ['front', 'billing', 'tech', 'super', 'ship', 'hr'];
  return Level.parse({
    formatVersion: 1,
    id: 'stress',
    title: 'Stress board',
    texts: { briefing: ['Many tickets at once.'], goal: 'Measure frames.' },
    durationSeconds: 3600,
    departments: depts.map((id, i) => ({
      id,
      name: id,
      position: { x: 15 + (i % 3) * 35, y: 25 + Math.floor(i / 3) * 45 },
      staff: i === 0 ? 50 : 3,
      skills: [id],
      serviceTime: { [id]: i === 0 ? 1 : { kind: 'uniform', min: 20, max: 60 } },
      queueWarning: 400,
      queueLimit: 500,
    })),
    workTypes: depts.slice(1).map((id, i) => ({
      id: `w-${id}`,
      name: `Work ${i}`,
      shape: (['circle', 'square', 'triangle', 'diamond', 'hexagon'] as const)[i % 5],
      journey: [{ skill: 'front' }, { skill: id }, { skill: 'front' }],
    })),
    arrivals: {
      ratePerMinute: 0,
      scripted: Array.from({ length: tickets }, (_, i) => ({ at: i * 0.02, workType: `w-${depts[1 + (i % 5)]}` })),
    },
    customers: { patience: 80000, abandonAfter: 10 },
    handoffs: { transferSeconds: 600, quickNoteSeconds: 0 },
    autoRoute: 'all',
    scoring: {
      targets: { meanResolutionSeconds: 300, p95ResolutionSeconds: 600, staffSecondsPerCustomer: 120 },
      stars: null,
    },
  });
}
