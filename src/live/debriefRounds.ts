/**
 * The live session's finished rounds as a session file (src/facilitator/session), so the solo game's
 * debrief shows every table side by side from the server's official results, with no second debrief.
 *
 * Each official round (the 'results' answer: result, level and ordered log) is read with the session
 * file's own contracts (score, metrics, commands, level), replayed here to rebuild what the server does
 * not keep (the timeline and the customers' journeys), checked against the official state hash, and the
 * whole session is read back through SessionSchema, as an imported file would be. The score and metrics
 * shown are the server's.
 */
import { z } from 'zod';
import { TimedCommandSchema } from '../contract/commands';
import { Level } from '../level/schema';
import { createJourneyCollector, roundResultFromSim } from '../facilitator/session/journeys';
import type { Round, Session } from '../facilitator/session/session';
import { SESSION_VERSION } from '../facilitator/session/session';
import {
  MetricsSchema,
  ScoreReportSchema,
  SessionSchema,
  formatPath,
  plainIssue,
} from '../facilitator/session/sessionSchema';
import { replay } from '../sim/index';

export const OfficialRoundSchema = z.object({
  table: z.string().min(1).max(64),
  team: z.string().max(200),
  run: z.number().int().min(1),
  levelId: z.string().min(1).max(200),
  seed: z.number().int().min(0),
  simTime: z.number().min(0),
  hash: z.string().min(1).max(200),
  score: ScoreReportSchema,
  metrics: MetricsSchema,
  commands: z.number().int().min(0),
  level: Level,
  log: z.array(TimedCommandSchema),
});
export type OfficialRoundInput = z.input<typeof OfficialRoundSchema>;

export interface LiveDebrief {
  /** Every finished round as a session (rounds in the server's order: table by table, run by run). */
  session: Session | null;
  /** Table id of each round, by round id. */
  tableOf: Map<string, string>;
  /** What could not be read or did not match, in plain words; the rest is still shown. */
  problems: string[];
}

export const liveRoundId = (table: string, run: number) => `${table}-${run}`;

export function liveDebrief(code: string, raw: unknown, now: string): LiveDebrief {
  const problems: string[] = [];
  const tableOf = new Map<string, string>();
  const list = Array.isArray(raw) ? raw : [];
  if (!Array.isArray(raw)) problems.push('The server sent no list of results.');
  const rounds: Round[] = [];
  list.forEach((item: unknown, i) => {
    const r = OfficialRoundSchema.safeParse(item, { reportInput: true });
    if (!r.success) {
      const issue = r.error.issues[0];
      problems.push(
        `Result ${i + 1} cannot be read: ${issue ? `${formatPath(issue.path)} ${plainIssue(issue)}` : 'wrong shape'}.`,
      );
      return;
    }
    const o = r.data;
    const sim = replay(o.level, o.seed, o.log, o.simTime, { recordEvents: true });
    const journeys = createJourneyCollector();
    journeys.add(sim.drainEvents());
    if (sim.hash() !== o.hash)
      problems.push(
        `${o.team}'s round ${o.run} replays differently here than on the server: its charts may not match its score.`,
      );
    const id = liveRoundId(o.table, o.run);
    tableOf.set(id, o.table);
    rounds.push({
      id,
      levelId: o.levelId,
      levelTitle: o.level.title,
      seed: o.seed,
      team: o.team,
      status: 'finished',
      bookmarks: [],
      result: {
        ...roundResultFromSim(sim, journeys.all(), now, o.level),
        score: o.score,
        metrics: o.metrics,
        level: o.level,
      },
    });
  });
  const s = SessionSchema.safeParse(
    { version: SESSION_VERSION, id: `live-${code}`, name: `Live session ${code}`, createdAt: now, rounds },
    { reportInput: true },
  );
  if (!s.success) {
    const issue = s.error.issues[0];
    problems.push(
      `The results do not make a session: ${issue ? `${formatPath(issue.path)} ${plainIssue(issue)}` : 'wrong shape'}.`,
    );
    return { session: null, tableOf, problems };
  }
  return { session: s.data, tableOf, problems };
}

/**
 * The rounds to show side by side with `focus`: each table's latest finished round on the same level
 * and seed (so every team met the same customers), in table order, `focus` among them.
 */
export function sideBySide(d: LiveDebrief, focus: Round): Round[] {
  if (!d.session) return [];
  const latest = new Map<string, Round>();
  for (const r of d.session.rounds) {
    if (r.levelId !== focus.levelId || r.seed !== focus.seed || !r.result) continue;
    const table = d.tableOf.get(r.id) ?? r.id;
    if (table === d.tableOf.get(focus.id)) latest.set(table, focus);
    else latest.set(table, r);
  }
  return [...latest.values()];
}
