/**
 * Checks beyond the schema for the fields that shape the flow of work: branching journeys, the work
 * mix over time, per work type escalation, and desks' shifts and breaks (with a warning when more
 * people would be away than a desk has). Works on raw parsed data like semantic.ts. Pure.
 */
import type { JsonPath } from './jsonText';
import type { PathProblem } from './issues';
import { didYouMean, listWords } from './suggest';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const field = (o: unknown, k: string): unknown =>
  isRec(o) && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
const str = (o: unknown, k: string): string | undefined => {
  const v = field(o, k);
  return typeof v === 'string' ? v : undefined;
};
const num = (o: unknown, k: string): number | undefined => {
  const v = field(o, k);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
function items(o: unknown, k: string): [number, Rec][] {
  const v = field(o, k);
  if (!Array.isArray(v)) return [];
  return v.flatMap((x, i): [number, Rec][] => (isRec(x) ? [[i, x]] : []));
}

export interface FlowContext {
  offered: Set<string>;
  workIds: string[];
  duration: number | undefined;
  invalid: (path: JsonPath) => boolean;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function flowProblems(level: Rec, ctx: FlowContext): PathProblem[] {
  const out: PathProblem[] = [];
  const err = (path: JsonPath, message: string): void => void out.push({ path, message });
  const warn = (path: JsonPath, message: string): void =>
    void out.push({ path, message, severity: 'warning' });
  const offeredList = [...ctx.offered];
  const customers = field(level, 'customers');
  const escalateSkill = str(customers, 'escalateSkill') ?? 'escalation';

  // Branching journeys and per work type escalation.
  for (const [i, w] of items(level, 'workTypes')) {
    for (const [j, step] of items(w, 'journey')) {
      const branches = items(step, 'then');
      let sum = 0;
      for (const [b, br] of branches) {
        sum += num(br, 'chance') ?? 0;
        for (const [k, bs] of items(br, 'steps')) {
          const skill = str(bs, 'skill');
          if (skill === undefined || offeredList.length === 0 || ctx.offered.has(skill)) continue;
          err(
            ['workTypes', i, 'journey', j, 'then', b, 'steps', k, 'skill'],
            `"${skill}" is a skill no department has, so this branch could never be done.${didYouMean(skill, offeredList) || ` Skills on offer: ${listWords(offeredList)}.`}`,
          );
        }
      }
      if (branches.length > 0 && sum > 1 + 1e-9)
        err(
          ['workTypes', i, 'journey', j, 'then'],
          `has chances that add up to ${round(sum)}, more than 1. Make them add up to 1 or less (what is left over goes on as written).`,
        );
    }
    if ((num(w, 'escalateChance') ?? 0) > 0 && offeredList.length > 0 && !ctx.offered.has(escalateSkill))
      err(
        ['workTypes', i, 'escalateChance'],
        `is above 0, but no department has the skill "${escalateSkill}" to handle escalations. Add "${escalateSkill}" to a department's skills (with a serviceTime), or set escalateChance to 0.`,
      );
  }

  // The work mix over time.
  const arrivals = field(level, 'arrivals');
  let last = -Infinity;
  for (const [i, m] of items(arrivals, 'mix')) {
    const from = num(m, 'from');
    if (from !== undefined) {
      if (from < last)
        err(
          ['arrivals', 'mix', i, 'from'],
          `(${from}) comes before the previous entry (${last}). List mix entries in time order.`,
        );
      last = Math.max(last, from);
      if (ctx.duration !== undefined && from >= ctx.duration)
        warn(
          ['arrivals', 'mix', i, 'from'],
          `(${from}) is at or after the end of the level (${ctx.duration}), so this mix never applies.`,
        );
    }
    const weights = field(m, 'weights');
    if (!isRec(weights)) continue;
    for (const k of Object.keys(weights)) {
      if (ctx.workIds.length > 0 && !ctx.workIds.includes(k))
        out.push({
          path: ['arrivals', 'mix', i, 'weights', k],
          atKey: true,
          message: `"${k}" is not a work type in this level.${didYouMean(k, ctx.workIds) || ` The work types are ${listWords(ctx.workIds)}.`}`,
        });
    }
    const total = items(level, 'workTypes').reduce((s, [, w]) => {
      const id = str(w, 'id');
      const v = id !== undefined ? field(weights, id) : undefined;
      return s + (typeof v === 'number' ? v : (num(w, 'weight') ?? 1));
    }, 0);
    if (total <= 0)
      err(
        ['arrivals', 'mix', i, 'weights'],
        'gives every work type weight 0, so random customers would have nothing to bring. Give at least one a weight above 0.',
      );
  }

  // Shifts and breaks, and who is away when.
  const absences = items(level, 'events').filter(
    ([, e]) => str(e, 'kind') === 'absence' && str(e, 'trigger') !== 'facilitator',
  );
  for (const [i, d] of items(level, 'departments')) {
    const staff = num(d, 'staff');
    const id = str(d, 'id');
    const name = str(d, 'name') ?? id ?? `department ${i + 1}`;
    // Periods with people away: [from, to, how many, what].
    const away: [number, number, number, string][] = [];
    let end = -Infinity;
    for (const [k, sh] of items(d, 'shifts')) {
      const from = num(sh, 'from');
      const to = num(sh, 'to');
      if (from === undefined || to === undefined) continue;
      if (to <= from) {
        err(
          ['departments', i, 'shifts', k, 'to'],
          `(${to}) must be after "from" (${from}): a shift ends after it starts.`,
        );
        continue;
      }
      if (from < end)
        err(
          ['departments', i, 'shifts', k, 'from'],
          `(${from}) starts before the previous shift ends (${end}). List shifts in time order, without overlaps.`,
        );
      end = Math.max(end, to);
      const on = num(sh, 'staff');
      if (on !== undefined && staff !== undefined && on > staff)
        err(
          ['departments', i, 'shifts', k, 'staff'],
          `(${on}) is more people than ${name} has (staff is ${staff}). A shift can have at most ${staff}.`,
        );
      else if (on !== undefined && staff !== undefined && on < staff)
        away.push([from, to, staff - on, `shift ${k + 1}`]);
    }
    if (staff === undefined) continue;
    for (const [k, b] of items(d, 'breaks')) {
      const at = num(b, 'at');
      const dur = num(b, 'durationSeconds');
      if (at === undefined || dur === undefined) continue;
      if (ctx.duration !== undefined && at >= ctx.duration)
        warn(
          ['departments', i, 'breaks', k, 'at'],
          `(${at}) is at or after the end of the level (${ctx.duration}), so this break never happens.`,
        );
      away.push([at, at + dur, num(b, 'staff') ?? 1, `break ${k + 1}`]);
    }
    for (const [, e] of absences) {
      const at = num(e, 'at') ?? 0;
      const dur = num(e, 'durationSeconds');
      const n = num(e, 'staff');
      if (str(e, 'department') === id && dur !== undefined && n !== undefined)
        away.push([at, at + dur, n, `an absence at ${at} s`]);
    }
    // The most people away at once: check at every start.
    let worst: { at: number; n: number; what: string[] } | null = null;
    for (const [from] of away) {
      const now = away.filter(([f, t]) => f <= from && from < t);
      const n = now.reduce((s, a) => s + a[2], 0);
      if (n > staff && (worst === null || n > worst.n)) worst = { at: from, n, what: now.map((a) => a[3]) };
    }
    if (worst)
      warn(
        ['departments', i, has(d, 'breaks') ? 'breaks' : 'staff'],
        `has ${worst.n} people away at ${worst.at} s (${plainList(worst.what)}), but ${name} has only ${staff}. The desk is simply empty then; move a break or make it fewer people.`,
      );
  }
  return out;
}

function plainList(words: string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function has(o: Rec, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}
