/**
 * When a live table sees a level's briefing, and which level's (pure: the table page draws it):
 *  - waiting for its first round: always, the level the facilitator chose for the next round;
 *  - after a round: the next round's level, by itself once the facilitator chooses a level after the
 *    round ended (until the table goes back to its results), else when it asks;
 *  - during a round: the round's own level, only when it asks. A round that starts takes it away.
 */
export type BriefingCase = 'waiting' | 'over' | 'round';

export interface BriefingMemory {
  /** The key of the briefing the table asked for, and of the one it took away. */
  asked: string | null;
  closed: string | null;
  /** Per run that ended: the next level as it was when the table first saw the round over. */
  nextAtOver: Map<number, string>;
}

export interface BriefingWant {
  case: BriefingCase;
  /** What the briefing shows, as a key: asking for it or taking it away holds for this key only. */
  key: string;
  /** The level to brief: the next round's ('' when unknown), or null for the round's own level. */
  levelId: string | null;
  show: boolean;
}

export const newBriefingMemory = (): BriefingMemory => ({ asked: null, closed: null, nextAtOver: new Map() });

export function briefingWant(
  table: { status: string; run: number },
  next: string,
  memory: BriefingMemory,
): BriefingWant {
  if (table.status === 'waiting')
    return { case: 'waiting', key: `waiting:${next}`, levelId: next, show: true };
  if (table.status === 'over') {
    const key = `over:${table.run}:${next}`;
    if (!memory.nextAtOver.has(table.run)) memory.nextAtOver.set(table.run, next);
    const chosenSince = next !== memory.nextAtOver.get(table.run);
    return {
      case: 'over',
      key,
      levelId: next,
      show: memory.asked === key || (chosenSince && memory.closed !== key),
    };
  }
  const key = `round:${table.run}`;
  return { case: 'round', key, levelId: null, show: memory.asked === key };
}
