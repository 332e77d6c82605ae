/**
 * Hand-made data for the facilitator unit tests (imported by *.test.ts only, never by the app).
 */
import type { Metrics, ScoreReport } from '../../sim/types';
import type { CustomerJourney, RoundResult, Session } from '../session/session';
import { addRound, createSession, finishRound, startRound } from '../session/session';

export function makeScore(total: number, stars: number | null = 2): ScoreReport {
  return {
    total,
    stars,
    parts: [
      { key: 'satisfaction', group: 'external', value: total / 100, weight: 3, points: total * 0.3 },
      { key: 'resolved', group: 'external', value: 0.9, weight: 3, points: total * 0.7 - 5 },
      { key: 'handoffQuality', group: 'internal', value: 0.5, weight: 1, points: 5 },
      { key: 'cost', group: 'cost', value: 0.8, weight: 0, points: 0 },
    ],
  };
}

export function makeMetrics(over: Partial<Metrics['customers']> = {}, attribution?: Record<string, number>): Metrics {
  return {
    simulatedSeconds: 300,
    events: 1234,
    customers: {
      arrived: 20,
      resolved: 16,
      abandoned: 2,
      inSystem: 2,
      meanWait: 40,
      meanResolutionTime: 150,
      p95ResolutionTime: 280,
      meanSatisfaction: 0.72,
      firstContactResolution: 0.6,
      meanEffort: 1.4,
      ...over,
    },
    departments: {
      tier1: { arrivals: 20, completed: 18, meanQueueWait: 12, meanQueueLength: 1.2, utilization: 0.8 },
      billing: { arrivals: 12, completed: 11, meanQueueWait: 30, meanQueueLength: 2.1, utilization: 0.9 },
    },
    attribution: attribution ?? {
      'service:tier1': 600,
      'service:billing': 500,
      'queue:tier1': 200,
      'queue:billing': 900,
      'outbox:tier1': 120,
      'notes:tier1': 50,
      transit: 40,
      'rework:tier1>billing': 300,
      'misroute:tier1>it': 60,
      'clarify:tier1>billing': 0,
    },
    ripples: [
      { kind: 'rework', source: 'tier1', at: 'billing', handoffs: 4, customers: 4, seconds: 300 },
      { kind: 'misroute', source: 'tier1', at: 'it', handoffs: 1, customers: 1, seconds: 60 },
    ],
    handoffs: { total: 30, quick: 20, thorough: 10, withRework: 4, bounced: 0, misrouted: 1 },
    requests: { total: 1, onTime: 1, late: 0, open: 0 },
    staffSecondsBusy: 1500,
  };
}

export const journeyA: CustomerJourney = {
  ticket: 1,
  customer: 'Ana',
  workType: 'refund',
  outcome: 'resolved',
  arrivedAt: 10,
  endedAt: 200,
  totalSeconds: 190,
  satisfaction: 0.55,
  rippleSeconds: 60,
  segments: [
    { cause: 'queue:tier1', dept: 'tier1', from: 10, to: 30 },
    { cause: 'service:tier1', dept: 'tier1', from: 30, to: 60 },
    { cause: 'outbox:tier1', dept: 'tier1', from: 60, to: 80 },
    { cause: 'transit', dept: null, from: 80, to: 82 },
    { cause: 'queue:billing', dept: 'billing', from: 82, to: 120 },
    { cause: 'rework:tier1>billing', dept: 'billing', from: 120, to: 180 },
    { cause: 'service:billing', dept: 'billing', from: 180, to: 200 },
  ],
};

export const journeyB: CustomerJourney = {
  ticket: 2,
  customer: 'Bo',
  workType: 'question',
  outcome: 'abandoned',
  arrivedAt: 20,
  endedAt: 400,
  totalSeconds: 380,
  satisfaction: 0,
  rippleSeconds: 0,
  segments: [{ cause: 'queue:tier1', dept: 'tier1', from: 20, to: 400 }],
};

export function makeResult(total = 70, journeys: CustomerJourney[] = [journeyA, journeyB]): RoundResult {
  return {
    finishedAt: '2025-03-04T10:20:00.000Z',
    score: makeScore(total),
    metrics: makeMetrics(),
    timeline: [0, 10, 20, 30].map((t, i) => ({
      t,
      queues: { tier1: i, billing: 2 * i },
      waiting: i + 1,
      resolved: i * 2,
      abandoned: i > 2 ? 1 : 0,
      meanSatisfaction: 1 - i / 10,
    })),
    commandLog: [{ at: 12.5, cmd: { type: 'route', ticket: 1, to: 'billing', care: 'quick' } }],
    journeys,
    journeysTotal: journeys.length,
    departments: [
      { id: 'tier1', name: 'Tier 1' },
      { id: 'billing', name: 'Billing' },
    ],
  };
}

/** A session with one finished round, one planned. */
export function makeSession(): Session {
  let s = createSession({ id: 'sess-1', name: 'Tuesday workshop', createdAt: '2025-03-04T09:00:00.000Z' });
  s = addRound(s, { levelId: 'routing', levelTitle: 'Right desk', seed: 7, team: 'Blue' }).session;
  s = addRound(s, { levelId: 'routing', levelTitle: 'Right desk', seed: 7, team: 'Green' }).session;
  s = startRound(s, 'r1').session;
  s = finishRound(s, 'r1', makeResult()).session;
  return s;
}
