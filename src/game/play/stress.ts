/**
 * A stress board for the frame-budget bench and for trying the play scene under load: about `n`
 * customers arrive in the first seconds and their work moves on by itself, so roughly n tickets sit in
 * lines, at desks, in trays and on the way at once.
 *
 *   game.scene.start('play', stressPlayData(300))
 */
import { Level } from '../../level/schema';
import type { PlayData } from './PlayScene';

export function stressLevel(n = 300): Level {
  const ids = ['front', 'billing', 'tech', 'super', 'ship', 'hr'];
  const names = ['Front desk', 'Billing', 'Tech', 'Supervisor', 'Shipping', 'People'];
  const shapes = ['circle', 'square', 'triangle', 'diamond', 'hexagon'] as const;
  return Level.parse({
    formatVersion: 1,
    id: 'stress',
    title: 'Stress board',
    texts: { briefing: ['A very busy day.'], goal: 'Keep the frame rate up.' },
    durationSeconds: 3600,
    departments: ids.map((id, i) => ({
      id,
      name: names[i],
      position: { x: 15 + (i % 3) * 35, y: 25 + Math.floor(i / 3) * 50 },
      staff: 3,
      skills: [id],
      serviceTime: { [id]: { kind: 'uniform', min: 20, max: 60 } },
      queueWarning: 400,
      queueLimit: 500,
    })),
    workTypes: ids.slice(1).map((id, i) => ({
      id: `w-${id}`,
      name: `${names[i + 1]} job`,
      shape: shapes[i % shapes.length],
      journey: [{ skill: 'front' }, { skill: id }, { skill: 'front' }],
    })),
    arrivals: {
      ratePerMinute: 0,
      scripted: Array.from({ length: n }, (_, i) => ({ at: i * 0.02, workType: `w-${ids[1 + (i % 5)]}` })),
    },
    customers: { patience: 86_400, abandonAfter: 10 },
    handoffs: { transferSeconds: 8, quickNoteSeconds: 0 },
    autoRoute: 'all',
    scoring: {
      targets: { meanResolutionSeconds: 300, p95ResolutionSeconds: 600, staffSecondsPerCustomer: 120 },
      stars: null,
    },
  });
}

/** Scene data for `scene.start('play', stressPlayData())`. */
export function stressPlayData(n = 300, seed = 1): PlayData {
  return { level: stressLevel(n), levelId: 'stress', seed };
}
