/**
 * "Try this next time": one or two concrete things to do differently, drawn from where this run's
 * customer time went (the attribution), and only what the level lets players do (pure).
 *
 *  - re-asks and bounces after quick notes (notes are a choice here): write thorough notes for
 *    handoffs to the desks that had to ask again;
 *  - trips to a wrong desk: check the desk can do the next step before sending;
 *  - finished work left in a tray (players route): send it on as soon as it is ready;
 *  - long lines or short-staffed desks: move a person there (when people can be moved), or send the
 *    work to another desk that can do it too;
 *  - thorough notes on work that rarely comes back (notes are a choice and such work is handed on):
 *    quick notes are enough for it;
 *  - internal requests late or never granted (players grant them): grant them as they come in.
 * A cause counts only when it cost customers at least 30 s and 3% of their time; the two largest are
 * said, largest first. With none, the advice says so. Each figure is many customers' time added up (it
 * can be longer than the round), and says so: "customers' time in Tier 1's tray, added up: 1 h 7 min".
 */
import type { Level } from '../../level/schema';
import type { RunExplanation } from '../../sim/explain';
import { careIsChosen, commandEnabled, playerGrants } from '../../sim/index';
import { parseCause } from '../../sim/causes';
import type { Metrics } from '../../sim/types';
import { duration } from './resultsExplain';
import { listNames } from './resultsCauses';

export interface Advice {
  /** What to do, in a few plain words. */
  text: string;
  /** Customer seconds the cause it answers cost this run (what ranks it). */
  seconds: number;
}

/** When nothing the player can change cost customers much. */
export const NOTHING_BIG = 'Keep it up. Nothing you could change here cost customers much time.';

const deptName = (level: Level, id: string): string => level.departments.find((d) => d.id === id)?.name ?? id;

function add(m: Map<string, number>, k: string, s: number): void {
  m.set(k, (m.get(k) ?? 0) + s);
}

/** Keys of m, largest value first. */
const ranked = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/** Another desk that can do a skill this desk does (for its line's work), or null. */
function sharesWork(level: Level, dept: string): { other: string; skill: string } | null {
  const d = level.departments.find((x) => x.id === dept);
  if (!d) return null;
  for (const skill of d.skills)
    for (const o of level.departments) if (o.id !== dept && o.skills.includes(skill)) return { other: o.id, skill };
  return null;
}

/** Every suggestion this run supports, largest cause first (not yet cut to two). */
export function adviceFor(exp: RunExplanation, level: Level, m: Metrics): Advice[] {
  const a = level.actions;
  const careChosen = careIsChosen(a);
  const routes = commandEnabled(a, 'route') && level.autoRoute !== 'all';
  const moves = commandEnabled(a, 'moveStaff');
  const thin = new Map<string, number>(); // re-asks and bounces, by the desk the work was sent to
  const wrong = new Map<string, number>(); // trips to a wrong desk, by that desk
  const trays = new Map<string, number>();
  const lines = new Map<string, number>(); // lines and short-staffed spells, by desk
  let notes = 0; // customer time spent waiting on notes being written
  for (const { cause, seconds } of exp.causes) {
    const c = parseCause(cause);
    if (!c) continue;
    if (c.kind === 'rework' || c.kind === 'clarify') add(thin, c.to, seconds);
    else if (c.kind === 'misroute') add(wrong, c.to, seconds);
    else if (c.kind === 'outbox') add(trays, c.dept, seconds);
    else if (c.kind === 'queue') add(lines, c.dept, seconds);
    else if (c.kind === 'notes') notes += seconds;
    else if (c.kind === 'event') {
      const e = level.events.find((x, n) => (x.id ?? `${x.kind}-${n + 1}`) === c.event);
      if (e && 'department' in e) add(lines, e.department, seconds);
    }
  }
  const out: Advice[] = [];
  const sum = (list: [string, number][]) => list.reduce((s, [, v]) => s + v, 0);
  const counts = (s: number) => s >= 30 && s >= 0.03 * exp.totalSeconds;
  const top = (map: Map<string, number>): [string, number][] => {
    const list = ranked(map).filter(([, s]) => counts(s));
    return list.slice(0, 2);
  };
  if (careChosen) {
    const t = top(thin);
    if (t.length > 0) {
      const to = listNames(t.map(([d]) => deptName(level, d)));
      out.push({ text: `Write thorough notes for handoffs to ${to}, where quick notes were asked about again or sent back (customers' time, added up: ${duration(sum(t))}).`, seconds: sum(t) });
    }
  }
  if (routes) {
    const w = top(wrong);
    if (w.length > 0)
      out.push({
        text: `Before you send, check the desk can do the next step (it lights up while you drag): work sent to the wrong desk (${listNames(w.map(([d]) => deptName(level, d)))}) cost customers ${duration(sum(w))}, added up.`,
        seconds: sum(w),
      });
    const t = top(trays);
    if (t.length > 0) {
      const at = listNames(t.map(([d]) => deptName(level, d)));
      const where = t.length === 1 ? `in ${possessive(at)} tray` : `in the trays at ${at}`;
      out.push({ text: `Send finished work on as soon as it is ready (customers' time ${where}, added up: ${duration(sum(t))}).`, seconds: sum(t) });
    }
  }
  for (const [dept, s] of top(lines)) {
    const at = deptName(level, dept);
    const share = routes ? sharesWork(level, dept) : null;
    if (moves) out.push({ text: `Move a person to ${at} when its line grows (customers' waits there, added up: ${duration(s)}).`, seconds: s });
    else if (share)
      out.push({ text: `Send some of ${possessive(at)} work to ${deptName(level, share.other)}, which can do it too (customers' waits in ${possessive(at)} line, added up: ${duration(s)}).`, seconds: s });
  }
  if (careChosen) {
    // Work that is rarely asked again after quick notes, sent on with thorough notes all the same.
    const easy = level.workTypes.filter((w) => (w.handoffRisk ?? 1) <= 0.3 && (exp.thoroughByWorkType[w.id] ?? 0) > 0);
    const n = easy.reduce((s, w) => s + (exp.thoroughByWorkType[w.id] ?? 0), 0);
    const extra = level.handoffs.thoroughNoteSeconds - level.handoffs.quickNoteSeconds;
    const s = n * Math.max(0, extra);
    if (easy.length > 0 && counts(s) && counts(notes))
      out.push({
        text: `Quick notes are enough for ${listNames(easy.map((w) => w.name))}, which is rarely asked about again (${n} thorough ${n === 1 ? 'handoff' : 'handoffs'} of it kept customers waiting ${duration(s)} more, added up).`,
        seconds: s,
      });
  }
  const late = m.requests.total - m.requests.onTime;
  if (level.internalRequests.some((r) => playerGrants(a, r)) && late > 0)
    out.push({
      text: `Grant colleagues' requests as soon as they come in (${late} of ${m.requests.total} ${late === 1 ? 'was' : 'were'} not done in time).`,
      // The level's own lesson when it lets players grant: said first.
      seconds: Infinity,
    });
  return out.sort((x, y) => y.seconds - x.seconds);
}

const possessive = (n: string): string => (n.endsWith('s') ? `${n}'` : `${n}'s`);

/** The one or two suggestions shown, or the line saying nothing big is left to change. */
export function tryNext(exp: RunExplanation, level: Level, m: Metrics): string[] {
  const list = adviceFor(exp, level, m).slice(0, 2);
  return list.length > 0 ? list.map((x) => x.text) : [NOTHING_BIG];
}
