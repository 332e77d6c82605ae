/**
 * Checks beyond the schema: references resolve, ids are unique, the map is readable, the level
 * can end. Works on the raw parsed data, skipping whatever is malformed (the schema reports that),
 * so a trainer sees every problem in one run. Pure.
 */
import { BOARD, cardsOverlap, layoutCards } from '../game/play/layout';
import type { JsonPath } from './jsonText';
import { Weights } from './schema';
import type { PathProblem } from './issues';
import { didYouMean, listWords } from './suggest';
import { show } from './where';
import { flowProblems } from './semanticFlow';

/**
 * The footprint of a department on the map, in map units (0 to 100 each way). Two departments
 * whose centres are closer than this in x AND in y would be drawn on top of each other.
 */
export const DEPARTMENT_FOOTPRINT = { width: 14, height: 16 } as const;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Rec, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const field = (o: unknown, k: string): unknown => (isRec(o) && has(o, k) ? o[k] : undefined);
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
function strings(o: unknown, k: string): [number, string][] {
  const v = field(o, k);
  if (!Array.isArray(v)) return [];
  return v.flatMap((x, i): [number, string][] => (typeof x === 'string' ? [[i, x]] : []));
}

/**
 * The most problems these checks collect before they stop looking: the checker shows 100, and a
 * hostile file (9,000 departments on one spot) must not make millions of them first.
 */
export const SEMANTIC_CAP = 300;

/**
 * Pairwise map checks look at no more than this many departments (the format allows 12; past that
 * the schema already says there are too many), so their cost is bounded whatever the file.
 */
export const PAIRWISE_SCAN = 60;

/** Closest-id suggestions compare with at most this many candidates. */
const SUGGEST_FROM = 60;

export interface SemanticResult {
  problems: PathProblem[];
  /** True when the checks stopped early because `cap` problems were found. */
  truncated: boolean;
}

/**
 * `invalid` says which fields the schema already rejected: checks that depend on one of them are
 * skipped, so a bad field gets one message and no echoes (a negative duration is not also "the
 * level ends before its customers come").
 */
export function semanticProblems(
  level: unknown,
  invalid: (path: JsonPath) => boolean = () => false,
): PathProblem[] {
  return semanticCheck(level, invalid).problems;
}

export function semanticCheck(
  level: unknown,
  invalid: (path: JsonPath) => boolean = () => false,
  cap = SEMANTIC_CAP,
): SemanticResult {
  const out: PathProblem[] = [];
  let truncated = false;
  const add = (p: PathProblem): void => {
    if (out.length < cap) out.push(p);
    else truncated = true;
  };
  /** True once `cap` problems are in: the checks stop looking, and say they did. */
  const full = (): boolean => {
    if (out.length >= cap) truncated = true;
    return truncated;
  };
  const err = (path: JsonPath, message: string): void => add({ path, message });
  const warn = (path: JsonPath, message: string): void => add({ path, message, severity: 'warning' });
  const done = (): SemanticResult => ({ problems: out, truncated });
  if (!isRec(level)) return done();
  const near = (word: string, list: readonly string[]): string =>
    didYouMean(word, list.slice(0, SUGGEST_FROM));

  const uniqueIds = (list: string, noun: string): string[] => {
    const seen = new Map<string, number>();
    for (const [i, item] of items(level, list)) {
      const id = str(item, 'id');
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first !== undefined)
        err(
          [list, i, 'id'],
          `uses the id "${id}" again: ${noun} ${first + 1} already has it. Give each ${noun} its own id.`,
        );
      else seen.set(id, i);
    }
    return [...seen.keys()];
  };
  const idSet = (ids: string[]): Set<string> => new Set(ids);
  const deptIds = uniqueIds('departments', 'department');
  const workIds = uniqueIds('workTypes', 'work type');
  uniqueIds('internalRequests', 'internal request');
  uniqueIds('events', 'event');
  const deptSet = idSet(deptIds);
  const workSet = idSet(workIds);

  const refDept = (path: JsonPath, id: string | undefined, what: string): void => {
    if (id !== undefined && deptIds.length > 0 && !deptSet.has(id)) {
      err(
        path,
        `"${id}" is not a department in this level (${what}).${near(id, deptIds) || ` The departments are ${listWords(deptIds)}.`}`,
      );
    }
  };

  // Skills and service times.
  const depts = items(level, 'departments');
  const offered = new Set<string>();
  const skillsOf = new Map<string, Set<string>>();
  for (const [i, d] of depts) {
    const skills = strings(d, 'skills');
    const own = new Set<string>();
    for (const [j, s] of skills) {
      if (own.has(s)) err(['departments', i, 'skills', j], `lists the skill "${s}" twice. Remove one.`);
      own.add(s);
      offered.add(s);
    }
    const id = str(d, 'id');
    if (id !== undefined) skillsOf.set(id, own);
    const st = field(d, 'serviceTime');
    if (isRec(st)) {
      for (const s of own) {
        if (!has(st, s))
          err(
            ['departments', i, 'serviceTime'],
            `has no time for the skill "${s}". Add "${s}": <seconds> to serviceTime, e.g. "${s}": 60.`,
          );
      }
      for (const k of Object.keys(st)) {
        if (!own.has(k)) {
          add({
            path: ['departments', i, 'serviceTime', k],
            atKey: true,
            message: `"${k}" has a time but is not in this department's skills.${near(k, [...own]) || ` Add "${k}" to its skills or remove this line.`}`,
          });
        }
      }
    }
    const warnAt = num(d, 'queueWarning') ?? 4;
    const limit = num(d, 'queueLimit') ?? 8;
    if (warnAt > limit)
      err(
        ['departments', i, 'queueWarning'],
        `(${warnAt}) is above queueLimit (${limit}): the amber light must come before the red one.`,
      );
  }

  const skillNames = field(level, 'skillNames');
  if (isRec(skillNames) && offered.size > 0)
    for (const k of Object.keys(skillNames))
      if (!offered.has(k))
        add({
          path: ['skillNames', k],
          atKey: true,
          severity: 'warning',
          message: `names the skill "${k}", but no department has it.${near(k, [...offered]) || ' Remove this line or add the skill to a department.'}`,
        });

  // Where customers arrive.
  const entryId = str(level, 'entry') ?? str(depts[0]?.[1], 'id');
  if (has(level, 'entry')) refDept(['entry'], str(level, 'entry'), 'where customers arrive');
  const entrySkills = entryId !== undefined ? skillsOf.get(entryId) : undefined;

  // Journeys.
  const offeredList = [...offered];
  for (const [i, w] of items(level, 'workTypes')) {
    for (const [j, step] of items(w, 'journey')) {
      const skill = str(step, 'skill');
      if (skill === undefined || offeredList.length === 0) continue;
      if (!offered.has(skill)) {
        err(
          ['workTypes', i, 'journey', j, 'skill'],
          `"${skill}" is a skill no department has, so this step could never be done.${near(skill, offeredList) || ` Add it to a department's skills; skills on offer: ${listWords(offeredList)}.`}`,
        );
      } else if (j === 0 && entrySkills && !entrySkills.has(skill)) {
        err(
          ['workTypes', i, 'journey', j, 'skill'],
          `"${skill}" is the first step, but the department where customers arrive ("${entryId}") does not have that skill. Give "${entryId}" this skill, or start the journey with one of ${listWords([...entrySkills])}.`,
        );
      }
    }
  }

  // Arrivals: the level must have customers and must end.
  const duration = invalid(['durationSeconds']) ? undefined : num(level, 'durationSeconds');
  const arrivals = field(level, 'arrivals');
  if (isRec(arrivals)) {
    const rate = num(arrivals, 'ratePerMinute') ?? 0;
    const schedule = items(arrivals, 'schedule');
    const scripted = items(arrivals, 'scripted');
    const anyRate = rate > 0 || schedule.some(([, s]) => (num(s, 'ratePerMinute') ?? 0) > 0);
    if (!anyRate && scripted.length === 0 && has(arrivals, 'ratePerMinute')) {
      err(
        ['arrivals', 'ratePerMinute'],
        'is 0 and there are no scripted customers, so nobody would ever arrive. Set a rate like 2, or add scripted customers.',
      );
    }
    const stopAt = num(arrivals, 'stopAt');
    if (stopAt !== undefined && duration !== undefined && stopAt > duration) {
      err(
        ['arrivals', 'stopAt'],
        `(${stopAt}) is after the end of the level (durationSeconds is ${duration}). Make it ${Math.round(duration * 0.85)} or less.`,
      );
    }
    let last = -Infinity;
    for (const [i, s] of schedule) {
      const from = num(s, 'from');
      if (from === undefined) continue;
      if (from < last)
        err(
          ['arrivals', 'schedule', i, 'from'],
          `(${from}) comes before the previous entry (${last}). List schedule entries in time order.`,
        );
      last = Math.max(last, from);
    }
    const workTotal = items(level, 'workTypes').reduce((s, [, w]) => s + (num(w, 'weight') ?? 1), 0);
    if (anyRate && workTotal <= 0 && items(level, 'workTypes').length > 0) {
      err(
        ['workTypes'],
        'all have weight 0, so random customers would have nothing to bring. Give at least one work type a weight above 0.',
      );
    }
    for (const [i, s] of scripted) {
      const wt = str(s, 'workType');
      if (wt !== undefined && workIds.length > 0 && !workSet.has(wt)) {
        err(
          ['arrivals', 'scripted', i, 'workType'],
          `"${wt}" is not a work type in this level.${near(wt, workIds) || ` The work types are ${listWords(workIds)}.`}`,
        );
      }
      const at = num(s, 'at');
      if (at !== undefined && duration !== undefined && at >= duration)
        warn(
          ['arrivals', 'scripted', i, 'at'],
          `(${at}) is at or after the end of the level (${duration}), so this customer never comes.`,
        );
    }
  }

  // Automatic routing by work type.
  for (const [i, wt] of strings(level, 'autoRoute')) {
    if (workIds.length > 0 && !workSet.has(wt))
      err(
        ['autoRoute', i],
        `"${wt}" is not a work type in this level.${near(wt, workIds) || ` The work types are ${listWords(workIds)}.`}`,
      );
  }

  // Escalations.
  const customers = field(level, 'customers');
  if ((num(customers, 'escalateChance') ?? 0) > 0) {
    const skill = str(customers, 'escalateSkill') ?? 'escalation';
    if (offeredList.length > 0 && !offered.has(skill)) {
      err(
        ['customers', 'escalateChance'],
        `is above 0, but no department has the skill "${skill}" to handle escalations. Add "${skill}" to a department's skills (with a serviceTime), or set escalateChance to 0.`,
      );
    }
  }

  // Internal requests and events.
  for (const [i, r] of items(level, 'internalRequests')) {
    refDept(['internalRequests', i, 'from'], str(r, 'from'), 'who asks');
    refDept(['internalRequests', i, 'to'], str(r, 'to'), 'who does the work');
    if (str(r, 'from') !== undefined && str(r, 'from') === str(r, 'to'))
      err(
        ['internalRequests', i, 'to'],
        'is the same department as "from": a request goes from one department to another.',
      );
    const at = num(r, 'at');
    if (at !== undefined && duration !== undefined && at >= duration)
      warn(
        ['internalRequests', i, 'at'],
        `(${at}) is at or after the end of the level (${duration}), so this request never appears.`,
      );
  }
  for (const [i, e] of items(level, 'events')) {
    if (has(e, 'department'))
      refDept(['events', i, 'department'], str(e, 'department'), 'where this event happens');
    if (str(e, 'trigger') === 'facilitator' && !has(e, 'id'))
      err(
        ['events', i],
        'is a facilitator inject, so it needs an "id" (like "flu") for the facilitator to trigger it.',
      );
    const at = num(e, 'at');
    if (at !== undefined && duration !== undefined && at >= duration && str(e, 'trigger') !== 'facilitator') {
      warn(
        ['events', i, 'at'],
        `(${at}) is at or after the end of the level (${duration}), so this event never happens.`,
      );
    }
  }

  // Weights: when every part that counts has weight 0 (left out means its default, above 0),
  // every play scores 0.
  const weights = field(field(level, 'scoring'), 'weights');
  if (isRec(weights)) {
    const noRequests = items(level, 'internalRequests').length === 0;
    const counted = Object.keys(Weights.shape).filter((k) => !(noRequests && k === 'requestsOnTime'));
    if (counted.every((k) => num(weights, k) === 0))
      warn(
        ['scoring', 'weights'],
        `gives every part of the score weight 0${noRequests ? ' (requestsOnTime does not count: this level has no internal requests)' : ''}, so every play scores 0 and nobody can earn a star. Give the parts that matter a weight, like "satisfaction": 3.`,
      );
  }

  // Stars in increasing order.
  const stars = field(field(level, 'scoring'), 'stars');
  const starsBad = [0, 1, 2].some((i) => invalid(['scoring', 'stars', i])) || invalid(['scoring', 'stars']);
  if (!starsBad && Array.isArray(stars) && stars.length === 3 && stars.every((s) => typeof s === 'number')) {
    const [a, b, c] = stars as number[];
    if (!((a ?? 0) < (b ?? 0) && (b ?? 0) < (c ?? 0))) {
      err(
        ['scoring', 'stars'],
        `must go up: the score for 1 star, then 2, then 3, like [40, 60, 80]. Now they are [${stars.join(', ')}].`,
      );
    }
  }

  // Departments must not sit on top of each other.
  const scanned = Math.min(depts.length, PAIRWISE_SCAN);
  for (let a = 0; a < scanned && !full(); a++) {
    for (let b = a + 1; b < scanned && !full(); b++) {
      const [ia, da] = depts[a] ?? [0, {}];
      const [ib, db] = depts[b] ?? [0, {}];
      const pa = field(da, 'position');
      const pb = field(db, 'position');
      const ax = num(pa, 'x'),
        ay = num(pa, 'y'),
        bx = num(pb, 'x'),
        by = num(pb, 'y');
      if (ax === undefined || ay === undefined || bx === undefined || by === undefined) continue;
      if (Math.abs(ax - bx) < DEPARTMENT_FOOTPRINT.width && Math.abs(ay - by) < DEPARTMENT_FOOTPRINT.height) {
        const other = str(da, 'id') ?? `department ${ia + 1}`;
        err(
          ['departments', ib, 'position'],
          `is too close to "${other}" (at x ${ax}, y ${ay}): they would be drawn on top of each other. Keep centres at least ${DEPARTMENT_FOOTPRINT.width} apart left to right or ${DEPARTMENT_FOOTPRINT.height} apart top to bottom.`,
        );
      }
    }
  }

  // On the real board cards have a size: too many in one column or row still overlap after the game
  // pushes them apart. Only checked when every position is a number (the rest is reported above).
  const pts = depts.map(([, d]) => ({
    x: num(field(d, 'position'), 'x'),
    y: num(field(d, 'position'), 'y'),
  }));
  if (
    pts.length > 1 &&
    pts.length <= PAIRWISE_SCAN &&
    pts.every((p) => p.x !== undefined && p.y !== undefined) &&
    out.every((p) => p.severity === 'warning')
  ) {
    const rects = layoutCards(pts as { x: number; y: number }[]);
    for (let a = 0; a < rects.length; a++) {
      for (let b = a + 1; b < rects.length; b++) {
        if (!cardsOverlap(rects[a]!, rects[b]!)) continue;
        const other = str(depts[a]![1], 'id') ?? `department ${a + 1}`;
        warn(
          ['departments', depts[b]![0], 'position'],
          `shares its space with "${other}" on the game board: with ${rects.length} departments each card is about ${Math.round((rects[0]!.w / BOARD.w) * 100)} wide and ${Math.round((rects[0]!.h / BOARD.h) * 100)} tall, so the cards overlap. Spread them out, for example in rows of ${rects.length > 6 ? 4 : rects.length > 4 ? 3 : 2}.`,
        );
      }
    }
  }

  // Uniform times need min <= max, anywhere in the level.
  const walk = (v: unknown, path: JsonPath, depth: number): void => {
    if (depth > 12 || full()) return;
    if (Array.isArray(v)) for (let i = 0; i < v.length && !full(); i++) walk(v[i], [...path, i], depth + 1);
    else if (isRec(v)) {
      if (v.kind === 'uniform') {
        const min = num(v, 'min');
        const max = num(v, 'max');
        if (min !== undefined && max !== undefined && min > max)
          err([...path, 'min'], `(${min}) is more than max (${max}). Swap them.`);
      }
      for (const k of Object.keys(v)) walk(v[k], [...path, k], depth + 1);
    } else if (typeof v === 'string' && v.trim() === '' && path[0] !== '$schema') {
      err(
        path,
        v === ''
          ? 'is empty. Write some words, or remove it.'
          : `is only spaces (${show(v)}). Write some words, or remove it.`,
      );
    }
  };
  walk(level, [], 0);
  for (const p of flowProblems(level, { offered, workIds, duration, invalid })) add(p);
  return done();
}
