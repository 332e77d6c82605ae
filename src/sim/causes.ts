/**
 * Why a second of a customer's time passed, as a tagged union, and its one string form (the keys of
 * `metrics.attribution` and `segment.cause`, kept in session files). Build keys with formatCause and
 * read them with parseCause: nothing else splits them.
 *
 *  service:<dept>          someone working on the step
 *  queue:<dept>            waiting in the inbox of <dept>
 *  outbox:<dept>           finished at <dept>, waiting for someone to route it
 *  notes:<dept>            <dept> writing handoff notes (including waiting for a free person to write them)
 *  transit                 moving between departments
 *  rework:<from>><to>      <to> re-asking the customer because <from>'s notes were not enough
 *  clarify:<from>><to>     bounced back from <to> to <from> for clarification, until back on track
 *  misroute:<from>><to>    sent from <from> to <to> which cannot do the step, until back on track
 *  event:<eventKey>        waiting in a queue while an absence or outage is active there
 *
 * Department ids never hold ':' or '>' (the level schema allows lower-case letters, digits and dashes).
 */
/** A department id (the same as types.ts DeptId; kept apart so this module imports nothing). */
type DeptId = string;

export type DeskCauseKind = 'service' | 'queue' | 'outbox' | 'notes';
export type RippleCauseKind = 'rework' | 'clarify' | 'misroute';

export type Cause =
  | { kind: DeskCauseKind; dept: DeptId }
  | { kind: 'transit' }
  | { kind: RippleCauseKind; from: DeptId; to: DeptId }
  | { kind: 'event'; event: string };

export type CauseKind = Cause['kind'];

/** The stable string form of a Cause (see formatCause). */
export type CauseKey = string;

const DESK: ReadonlySet<string> = new Set<DeskCauseKind>(['service', 'queue', 'outbox', 'notes']);
const RIPPLE: ReadonlySet<string> = new Set<RippleCauseKind>(['rework', 'clarify', 'misroute']);

export function formatCause(c: Cause): CauseKey {
  switch (c.kind) {
    case 'transit':
      return 'transit';
    case 'event':
      return `event:${c.event}`;
    case 'rework':
    case 'clarify':
    case 'misroute':
      return `${c.kind}:${c.from}>${c.to}`;
    default:
      return `${c.kind}:${c.dept}`;
  }
}

/** The Cause of a key, or null for a key no sim writes. parseCause(formatCause(c)) equals c. */
export function parseCause(key: CauseKey): Cause | null {
  if (key === 'transit') return { kind: 'transit' };
  const colon = key.indexOf(':');
  if (colon <= 0) return null;
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (kind === 'event') return rest ? { kind, event: rest } : null;
  if (DESK.has(kind)) return rest && !rest.includes('>') ? { kind: kind as DeskCauseKind, dept: rest } : null;
  if (RIPPLE.has(kind)) {
    const gt = rest.indexOf('>');
    if (gt <= 0 || gt === rest.length - 1 || rest.indexOf('>', gt + 1) >= 0) return null;
    return { kind: kind as RippleCauseKind, from: rest.slice(0, gt), to: rest.slice(gt + 1) };
  }
  return null;
}

/** Rework, bounces and misroutes: the ripples of careless handoffs. */
export function isRipple(c: Cause | null): c is Extract<Cause, { kind: RippleCauseKind }> {
  return c !== null && RIPPLE.has(c.kind);
}

/** The department where the time passed (rework: the receiver; bounces: the sender), or null. */
export function causePlace(c: Cause): DeptId | null {
  switch (c.kind) {
    case 'transit':
    case 'event':
      return null;
    case 'rework':
      return c.to;
    case 'clarify':
    case 'misroute':
      return c.from;
    default:
      return c.dept;
  }
}

/** The department whose choices caused the time (the sender, for handoff problems), or null. */
export function causeOwner(c: Cause): DeptId | null {
  return isRipple(c) ? c.from : causePlace(c);
}
