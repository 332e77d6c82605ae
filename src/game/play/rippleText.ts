/**
 * Plain-words messages of the play scene: toasts for ripples and other sim events, the clock, short
 * durations. Phaser-free and unit-tested.
 */
import type { SimEvent } from '../../sim/types';

type Ripple = Extract<SimEvent, { type: 'ripple' }>;
type LevelEv = Extract<SimEvent, { type: 'levelEvent' }>;

/** "40 s", "1 min 30 s", "2 min". */
export function formatSeconds(s: number): string {
  const sec = Math.max(0, Math.round(s));
  if (sec < 90) return `${sec} s`;
  const m = Math.floor(sec / 60);
  const r = sec % 60;
  return r === 0 ? `${m} min` : `${m} min ${r} s`;
}

/** Clock "m:ss" for the time left. */
export function formatClock(s: number): string {
  const sec = Math.max(0, Math.ceil(s));
  const m = Math.floor(sec / 60);
  const r = sec % 60;
  return `${m}:${r.toString().padStart(2, '0')}`;
}

export type DeptName = (id: string) => string;

/** Toast for a ripple: who caused it, where it surfaced, what the customer paid. */
/**
 * `fixedNotes`: the sender's notes when the level gives the player no say in them (no notes choice and
 * no desk policy to change): a re-ask or a bounce after them says so ("Tier 1 writes quick notes in this
 * level"), or the player looks for a way to prevent it that is not there (playtest 8, level 5).
 */
export function rippleToast(ev: Ripple, deptName: DeptName, fixedNotes: 'quick' | 'thorough' | null = null): string {
  const src = deptName(ev.source);
  const at = deptName(ev.at);
  const cost = `(+${formatSeconds(ev.seconds)})`;
  const fixed = fixedNotes ? `. ${src} writes ${fixedNotes} notes in this level` : '';
  switch (ev.kind) {
    case 'rework':
      return `${at} had to ask ${ev.customer} again: the notes from ${src} were too thin ${cost}${fixed}`;
    case 'clarify':
      return `${at} sent ${ev.customer}'s ticket back to ${src} to ask what it meant ${cost}${fixed}`;
    case 'misroute':
      return `${at} can't do this step: ${ev.customer}'s ticket goes back to ${src} ${cost}`;
  }
}

/**
 * "Sam gave up after waiting 5 min and left", then what they waited on most: "mostly waiting in the line
 * at Billing (3 min)" when that was at least half the wait, else ". Longest part: waiting in the line at
 * Billing (33 s)" (33 s of 2 min 40 s is not "mostly").
 */
export function abandonedToast(
  customer: string,
  seconds: number,
  main?: { words: string; seconds: number },
): string {
  const head = `${customer} gave up after waiting ${formatSeconds(seconds)} and left`;
  if (!main) return head;
  const part = `${main.words} (${formatSeconds(main.seconds)})`;
  return main.seconds * 2 >= seconds ? `${head}: mostly ${part}` : `${head}. Longest part: ${part}`;
}

export function escalatedToast(customer: string): string {
  return `${customer} has run out of patience and wants a manager`;
}

export function levelEventToast(ev: LevelEv, deptName: DeptName): string {
  if (ev.text && ev.phase === 'start') return ev.text;
  const d = ev.dept ? deptName(ev.dept) : 'A team';
  if (ev.kind === 'absence')
    return ev.phase === 'start' ? `${d} is short of people for a while` : `${d} has everyone back`;
  if (ev.kind === 'outage')
    return ev.phase === 'start' ? `${d} can't work: their systems are down` : `${d} is working again`;
  return ev.phase === 'start' ? 'A rush of customers is coming in' : 'The rush is over';
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A request's title without its asker in front: a trainer who wrote "Lab: please send the records"
 * would otherwise read "Lab asks Records: Lab: please send the records". Names or ids, any case.
 */
export function requestTitle(title: string, ...asker: string[]): string {
  for (const who of asker.filter((a) => a.trim() !== '')) {
    const m = new RegExp(`^\\s*${escapeRe(who.trim())}\\s*(?::|-|\u2013|\u2014|asks\\b[^:]*:)\\s*`, 'i').exec(
      title,
    );
    if (m && m[0].length < title.length) {
      const rest = title.slice(m[0].length);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return title;
}

/** "Lab asks Records: Send the records" (the asker never twice). */
export function askText(from: string, to: string, title: string, fromId = ''): string {
  return `${from} asks ${to}: ${requestTitle(title, from, fromId)}`;
}

/**
 * When a hire's new people start at the desk that asked: a hire is done when HR has found them, and
 * they start there its `rampSeconds` later (the sim's own delay). `in`: "45 s" or "0:45".
 */
export function startWords(staff: number, at: string, inTime: string): string {
  return `${staff === 1 ? '1 new person starts' : `${staff} new people start`} at ${at} in ${inTime}`;
}

export function requestToast(
  title: string,
  from: string,
  to: string,
  status: 'pending' | 'open' | 'granted' | 'inProgress' | 'done' | 'late',
  canGrant: boolean,
  /** A hire's people and the seconds until they start (said when it is done). */
  hire?: { staff: number; seconds: number },
): string | null {
  switch (status) {
    case 'open':
      return canGrant ? `${askText(from, to, title)}. Grant it when you can (G)` : askText(from, to, title);
    case 'late':
      return `${from} is still waiting for: ${requestTitle(title, from)}. It is now late`;
    case 'done':
      return `Done for ${from}: ${requestTitle(title, from)}${hire && hire.seconds > 0 ? `. ${startWords(hire.staff, from, formatSeconds(hire.seconds))}` : ''}`;
    default:
      return null;
  }
}

export function overloadToast(dept: string): string {
  return `${dept} is overloaded: its line is too long`;
}

/** A refusal from the sim, made friendly if it came back empty. */
export function refusalToast(reason: string): string {
  const r = reason.trim();
  return r.length > 0 ? r : "That can't be done right now";
}
