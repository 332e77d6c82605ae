/**
 * "Where the customers' time went" in plain words (pure): every cause of customer time, or, when not
 * all fit, the largest ones on their own and the rest grouped by kind and place ("waiting in the lines
 * at Tier 2 and HR", "4 other desks writing handoff notes"), then by family of kinds (waiting, handoffs
 * that rippled). Every line names a kind and a place, and the lines always add up to all of the time.
 */
import type { Level } from '../../level/schema';
import type { RunExplanation } from '../../sim/explain';
import { causePlace, parseCause, type Cause, type CauseKind } from '../../sim/causes';

const name = (level: Level, id: string | null | undefined): string =>
  (id ? level.departments.find((d) => d.id === id)?.name : undefined) ?? id ?? 'a desk';

const possessive = (n: string): string => (n.endsWith('s') ? `${n}'` : `${n}'s`);

/** Time someone spent working on the customer's step (the one cause that is not a wait). */
export const isWork = (cause: string): boolean => parseCause(cause)?.kind === 'service';

/** "Ana", "Ana and Ben", "Ana, Ben and Cal". */
export const listNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The department of a level event (absence or outage), or null. */
function eventDept(level: Level, event: string): string | null {
  const e = level.events.find((x, n) => (x.id ?? `${x.kind}-${n + 1}`) === event);
  return e && 'department' in e ? e.department : null;
}

/** A cause key in a few plain words: "waiting in the line at Billing", "waiting in Tier 1's tray", ... */
export function causeWords(cause: string, level: Level): string {
  const c = parseCause(cause);
  if (c === null) return cause;
  switch (c.kind) {
    case 'transit':
      return 'travelling between desks';
    case 'service':
      return `being helped at ${name(level, c.dept)}`;
    case 'queue':
      return `waiting in the line at ${name(level, c.dept)}`;
    case 'outbox':
      return `waiting in ${possessive(name(level, c.dept))} tray, done but not sent on`;
    case 'notes':
      return `${name(level, c.dept)} writing handoff notes`;
    case 'rework':
      return `${name(level, c.to)} asking again after thin notes from ${name(level, c.from)}`;
    case 'clarify':
      return `a bounce from ${name(level, c.to)} back to ${name(level, c.from)} for clearer notes`;
    case 'misroute':
      return `a trip from ${name(level, c.from)} to the wrong desk (${name(level, c.to)})`;
    case 'event': {
      const i = level.events.findIndex((e, n) => (e.id ?? `${e.kind}-${n + 1}`) === c.event);
      const e = level.events[i];
      if (!e) return 'held up by an incident';
      if (e.kind === 'absence') return `waiting at ${name(level, e.department)} while people were away`;
      if (e.kind === 'outage') return `waiting at ${name(level, e.department)} while its systems were down`;
      return 'held up in a rush of customers';
    }
  }
}

export interface CauseLine {
  /** The cause key; a group's is `kind:<kind>` or `family:<family>`; 'service' for the work itself. */
  cause: string;
  /** The cause keys this line adds up (one for a single cause). */
  causes: string[];
  text: string;
  seconds: number;
  /** 0..1 of all customer time. */
  share: number;
}

/** The needed work itself, every desk together (a cause too, so the lines add up to 100%). */
export const WORK_ITSELF = 'being helped: the work itself, at every desk';

type Family = 'waiting' | 'notes' | 'ripples';
const FAMILY: Record<CauseKind, Family> = {
  queue: 'waiting',
  outbox: 'waiting',
  transit: 'waiting',
  event: 'waiting',
  service: 'waiting',
  notes: 'notes',
  rework: 'ripples',
  clarify: 'ripples',
  misroute: 'ripples',
};
/** A kind as a noun, for the family lines. */
export const KIND_NOUN: Record<CauseKind, string> = {
  queue: 'lines',
  outbox: 'trays',
  transit: 'travel',
  event: 'desks short of people or systems',
  service: 'the work',
  notes: 'notes',
  rework: 're-asks',
  clarify: 'bounces',
  misroute: 'wrong desks',
};

/** The desks of a group: their names when three or fewer, else how many ("5 other desks"). */
function desks(level: Level, ids: readonly string[], other: boolean): string {
  const names = ids.map((d) => name(level, d));
  if (names.length === 0) return 'the desks';
  if (names.length <= 3) return listNames(names);
  return `${names.length} ${other ? 'other ' : ''}desks`;
}

/** Where a cause's time passed, as a department id (events: the desk they hit), or null (travel). */
function placeOf(level: Level, c: Cause): string | null {
  return c.kind === 'event' ? eventDept(level, c.event) : causePlace(c);
}

interface Item {
  cause: string;
  c: Cause | null;
  seconds: number;
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Several causes of one kind, in words that name the kind and the desks. */
function kindText(level: Level, kind: CauseKind, items: readonly Item[], other: boolean): string {
  const places = uniq(items.map((i) => (i.c ? placeOf(level, i.c) : null)).filter((p): p is string => p !== null));
  const at = desks(level, places, other);
  const senders = uniq(items.map((i) => (i.c && 'from' in i.c ? i.c.from : null)).filter((p): p is string => p !== null));
  switch (kind) {
    case 'queue':
      return `waiting in the lines at ${at}`;
    case 'outbox':
      return `waiting in the trays at ${at}, done but not sent on`;
    case 'notes':
      return `${at} writing handoff notes`;
    case 'rework':
      return senders.length === 1
        ? `${at} asking again after thin notes from ${name(level, senders[0])}`
        : `${at} asking again after thin notes`;
    case 'clarify':
      return `bounces back to ${at} for clearer notes`;
    case 'misroute':
      return `trips from ${at} to a wrong desk`;
    case 'event':
      return `waiting at ${at} while people were away or systems were down`;
    case 'transit':
      return 'travelling between desks';
    case 'service':
      return `being helped at ${at}`;
  }
}

/** Several kinds of one family, naming the kinds and the desks. */
function familyText(level: Level, family: Family, items: readonly Item[], other: boolean): string {
  const kinds = uniq(items.map((i) => i.c?.kind).filter((k): k is CauseKind => k !== undefined));
  const places = uniq(items.map((i) => (i.c ? placeOf(level, i.c) : null)).filter((p): p is string => p !== null));
  const nouns = listNames(kinds.map((k) => KIND_NOUN[k]));
  const at = places.length > 0 ? `, at ${desks(level, places, other)}` : '';
  if (family === 'ripples')
    return `${nouns} after ${kinds.includes('misroute') ? 'handoffs' : 'thin notes'}${at}`;
  return `waiting: ${nouns}${at}`;
}

/** Causes of one kind (or one cause) in words naming the kind and the desks. */
export function groupWords(level: Level, causes: readonly string[]): string {
  if (causes.length === 0) return 'waiting';
  if (causes.length === 1) return causeWords(causes[0]!, level);
  const items = causes.map((cause) => ({ cause, c: parseCause(cause), seconds: 0 }));
  const kind = items[0]!.c?.kind;
  return kind ? kindText(level, kind, items, false) : 'waiting';
}

interface Group {
  key: string;
  items: Item[];
  seconds: number;
  text: string;
}

const total = (items: readonly Item[]): number => items.reduce((a, i) => a + i.seconds, 0);

/** One line per item when alone, else one line for the group. */
function single(level: Level, i: Item): Group {
  return { key: i.cause, items: [i], seconds: i.seconds, text: causeWords(i.cause, level) };
}

/** The rest grouped by kind; `shown` holds the kinds already listed on their own (their groups say "other"). */
function byKind(level: Level, rest: readonly Item[], shown: ReadonlySet<string>): Group[] {
  const m = new Map<string, Item[]>();
  for (const i of rest) {
    const k = i.c?.kind ?? i.cause;
    m.set(k, [...(m.get(k) ?? []), i]);
  }
  return [...m].map(([kind, items]) =>
    items.length === 1
      ? single(level, items[0]!)
      : { key: `kind:${kind}`, items, seconds: total(items), text: kindText(level, kind as CauseKind, items, shown.has(kind)) },
  );
}

/** Merges the kind groups of one family into one line, the smallest family first, until they fit `room`. */
function mergeFamilies(level: Level, groups: Group[], room: number, shown: ReadonlySet<string>): Group[] {
  let gs = groups;
  while (gs.length > room) {
    const fam = new Map<Family, Group[]>();
    for (const g of gs) {
      const k = g.items[0]!.c?.kind;
      if (!k) continue;
      const f = FAMILY[k];
      fam.set(f, [...(fam.get(f) ?? []), g]);
    }
    const candidates = [...fam].filter(([, list]) => list.length > 1);
    if (candidates.length === 0) break;
    candidates.sort((a, b) => total(a[1].flatMap((g) => g.items)) - total(b[1].flatMap((g) => g.items)));
    const [family, list] = candidates[0]!;
    const items = list.flatMap((g) => g.items);
    const other = items.some((i) => i.c !== null && shown.has(FAMILY[i.c.kind]));
    const merged: Group = { key: `family:${family}`, items, seconds: total(items), text: familyText(level, family, items, other) };
    gs = [...gs.filter((g) => !list.includes(g)), merged];
  }
  return gs;
}

/**
 * Every cause of customer time with its minutes and share, adding up to 100%: the waits and detours,
 * largest first, then the work itself as one last line. With `max`, the largest waits stay on their own
 * and the rest are grouped by kind and place, then by family of kinds, so every line still names a kind
 * and a place, and the lines still add up to all of it.
 */
export function causeLines(exp: RunExplanation, level: Level, max = Infinity): CauseLine[] {
  const all = exp.totalSeconds;
  const share = (x: number): number => (all > 0 ? x / all : 0);
  const work: string[] = [];
  let workSeconds = 0;
  const waits: Item[] = [];
  for (const c of exp.causes) {
    if (isWork(c.cause)) {
      work.push(c.cause);
      workSeconds += c.seconds;
    } else waits.push({ cause: c.cause, c: parseCause(c.cause), seconds: c.seconds });
  }
  const room = Math.max(1, max - (workSeconds > 0 ? 1 : 0));
  let groups: Group[] = waits.map((i) => single(level, i));
  // Kinds before families: the most causes on their own with the rest by kind, and only when even all
  // of them by kind do not fit, families of kinds.
  if (waits.length > room) {
    search: for (const families of [false, true]) {
      for (let k = Math.min(waits.length, room) - 1; k >= 0; k--) {
        const top = waits.slice(0, k);
        const shownKinds = new Set<string>(top.flatMap((i) => (i.c ? [i.c.kind, FAMILY[i.c.kind]] : [])));
        const kinds = byKind(level, waits.slice(k), shownKinds);
        const rest = families ? mergeFamilies(level, kinds, room - k, shownKinds) : kinds;
        groups = [...top.map((i) => single(level, i)), ...rest];
        if (groups.length <= room) break search;
      }
    }
  }
  const lines: CauseLine[] = groups
    .sort((a, b) => b.seconds - a.seconds || a.key.localeCompare(b.key))
    .map((g) => ({ cause: g.key, causes: g.items.map((i) => i.cause), text: g.text, seconds: g.seconds, share: share(g.seconds) }));
  if (workSeconds > 0) lines.push({ cause: 'service', causes: work, text: WORK_ITSELF, seconds: workSeconds, share: share(workSeconds) });
  return lines;
}
