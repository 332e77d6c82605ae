/**
 * Where a round sits in its session, in the words the screens show during play ("Blue table · round 2
 * of 3"), and which round comes next. Pure: reads a session, changes nothing.
 */
import type { Round, Session } from './session';

export interface RoundPlace {
  team: string;
  /** 1-based. */
  number: number;
  total: number;
  /** "Blue table · round 2 of 3" */
  label: string;
}

export function roundPlace(session: Session, roundId: string): RoundPlace | null {
  const i = session.rounds.findIndex((r) => r.id === roundId);
  if (i < 0) return null;
  const team = session.rounds[i]!.team;
  const total = session.rounds.length;
  return { team, number: i + 1, total, label: `${team} · round ${i + 1} of ${total}` };
}

/** The first round still to play after this one (or, failing that, before it); null when none is left. */
export function nextPlannedRound(session: Session, afterId: string): Round | null {
  const i = session.rounds.findIndex((r) => r.id === afterId);
  const later = session.rounds.slice(i + 1).find((r) => r.status === 'planned');
  return later ?? session.rounds.slice(0, Math.max(0, i)).find((r) => r.status === 'planned') ?? null;
}
