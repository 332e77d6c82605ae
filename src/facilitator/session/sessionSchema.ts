/**
 * Validation of session files (export, import and the saved copy in storage), with zod.
 * Mirrors the types in ./session.ts and the sim contract (commands: the one command contract,
 * src/contract/commands.ts); the `z.ZodType<...>` annotations make the
 * compiler check that each schema produces exactly those types.
 *
 * Numbers are read leniently: JSON turns NaN and Infinity into null, so null reads back as NaN. A file
 * we wrote ourselves must always load again.
 */
import { z } from 'zod';
import { Level } from '../../level/schema';
import { TimedCommandSchema } from '../../contract/commands';
import type { Metrics, ScoreReport, Segment, TimelineSample } from '../../sim/types';
import type { Bookmark, CustomerJourney, DeptLabel, Round, RoundResult, Session } from './session';
import { MAX_BOOKMARK_NOTE, MAX_SESSION_NAME, MAX_TEAM_NAME, SESSION_VERSION } from './session';

const num = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);
const int = z.number().int();
const numRecord = z.record(z.string(), num);

const SegmentSchema: z.ZodType<Segment> = z.object({
  cause: z.string(),
  dept: z.string().nullable(),
  from: num,
  to: num,
});

const ScorePartSchema = z.object({
  key: z.enum([
    'satisfaction',
    'resolved',
    'meanTime',
    'p95Time',
    'firstContact',
    'effort',
    'handoffQuality',
    'requestsOnTime',
    'cost',
  ]),
  group: z.enum(['external', 'internal', 'cost']),
  value: num,
  weight: num,
  points: num,
});

export const ScoreReportSchema: z.ZodType<ScoreReport> = z
  .object({
    // Never null: the sim's total is always a number, and a missing one would show as "NaN".
    total: z.number(),
    stars: z.number().int().min(0).max(3).nullable(),
    parts: z.array(ScorePartSchema),
  })
  .superRefine((s, ctx) => {
    // A total is the sum of the parts' points, rounded to a tenth, between 0 and 100.
    if (s.total < 0 || s.total > 100)
      ctx.addIssue({
        code: 'custom',
        message: `is ${s.total}, but a score is between 0 and 100`,
        path: ['total'],
      });
    else if (s.parts.length > 0) {
      const sum = s.parts.reduce((a, p) => a + (Number.isFinite(p.points) ? p.points : 0), 0);
      if (Math.abs(sum - s.total) > 0.06)
        ctx.addIssue({
          code: 'custom',
          message: `is ${s.total}, but its parts add up to ${Math.round(sum * 10) / 10}`,
          path: ['total'],
        });
    }
  });

export const MetricsSchema: z.ZodType<Metrics> = z.object({
  simulatedSeconds: num,
  events: num,
  customers: z.object({
    arrived: num,
    resolved: num,
    abandoned: num,
    inSystem: num,
    meanWait: num,
    meanResolutionTime: num,
    p95ResolutionTime: num,
    meanSatisfaction: num,
    firstContactResolution: num,
    meanEffort: num,
  }),
  departments: z.record(
    z.string(),
    z.object({ arrivals: num, completed: num, meanQueueWait: num, meanQueueLength: num, utilization: num }),
  ),
  attribution: numRecord,
  ripples: z.array(
    z.object({
      kind: z.enum(['rework', 'clarify', 'misroute']),
      source: z.string(),
      at: z.string(),
      handoffs: num,
      customers: num,
      seconds: num,
    }),
  ),
  handoffs: z.object({
    total: num,
    quick: num,
    thorough: num,
    withRework: num,
    bounced: num,
    misrouted: num,
  }),
  requests: z.object({ total: num, onTime: num, late: num, open: num }),
  staffSecondsBusy: num,
});

export const TimelineSampleSchema: z.ZodType<TimelineSample> = z.object({
  t: num,
  queues: numRecord,
  trays: numRecord.optional(),
  waiting: num,
  resolved: num,
  abandoned: num,
  meanSatisfaction: num,
});

const JourneySchema: z.ZodType<CustomerJourney> = z.object({
  ticket: int,
  customer: z.string(),
  workType: z.string(),
  outcome: z.enum(['resolved', 'abandoned', 'waiting']),
  arrivedAt: num,
  endedAt: num,
  totalSeconds: num,
  satisfaction: num,
  rippleSeconds: num,
  segments: z.array(SegmentSchema),
});

const BookmarkSchema: z.ZodType<Bookmark> = z.object({
  t: z.number().min(0),
  note: z.string().max(MAX_BOOKMARK_NOTE),
});
const DeptLabelSchema: z.ZodType<DeptLabel> = z.object({ id: z.string(), name: z.string() });

const RoundResultSchema: z.ZodType<RoundResult> = z.object({
  finishedAt: z.string(),
  score: ScoreReportSchema,
  metrics: MetricsSchema,
  timeline: z.array(TimelineSampleSchema),
  commandLog: z.array(TimedCommandSchema),
  journeys: z.array(JourneySchema),
  journeysTotal: int.min(0),
  departments: z.array(DeptLabelSchema),
  level: Level.optional(),
});

const RoundSchema: z.ZodType<Round> = z
  .object({
    id: z.string().min(1).max(40),
    levelId: z.string().min(1).max(200),
    levelTitle: z.string().max(200),
    seed: int.min(0),
    team: z.string().max(MAX_TEAM_NAME),
    status: z.enum(['planned', 'playing', 'finished']),
    bookmarks: z.array(BookmarkSchema).default([]),
    restarts: int.min(0).optional(),
    result: RoundResultSchema.optional(),
  })
  .refine((r) => r.status !== 'finished' || r.result !== undefined, {
    message: 'a finished round must have its result',
    path: ['result'],
  });

export const SessionSchema: z.ZodType<Session> = z.object({
  version: z.literal(SESSION_VERSION),
  id: z.string().min(1).max(200),
  name: z.string().max(MAX_SESSION_NAME),
  createdAt: z.string().max(100),
  rounds: z.array(RoundSchema).superRefine((rounds, ctx) => {
    const seen = new Set<string>();
    rounds.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', message: `round id "${r.id}" is used twice`, path: [i, 'id'] });
      seen.add(r.id);
    });
  }),
});

/** "rounds[2].result.score.total" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the whole file)';
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object { ... }',
  record: 'an object { ... }',
};

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** A zod issue in plain words ("should be a whole number, not 1.5"). Needs `reportInput: true`. */
export function plainIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing';
      const want = EXPECTED[issue.expected] ?? issue.expected;
      return `should be ${want}, not ${describeValue(issue.input)}`;
    }
    case 'invalid_union':
      return issue.input === undefined
        ? 'is missing'
        : `has an unexpected value (${describeValue(issue.input)})`;
    case 'invalid_value':
      return `should be ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(issue.input)}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `is too short (at least ${issue.minimum})`
        : `should be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `is too long (at most ${issue.maximum})`
        : `should be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}
