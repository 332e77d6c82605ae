/**
 * What the board shows tests and tools (window.__ripple, src/app/testHook.ts): read-only views over the
 * running level. Split out of PlayScene.
 */
import type { Sim } from '../../sim/types';
import type { PlayProbe } from '../context';
import type { DeptView } from './DeptView';
import type { Desks } from './Desks';
import { centre, outboxCentre, type Rect } from './layout';
import type { TicketLink } from './TicketLink';
import type { TokenLayer } from './TokenLayer';

export interface ProbeParts {
  sim(): Sim;
  levelId(): string;
  cards: ReadonlyMap<string, Rect>;
  tokens: TokenLayer;
  link: TicketLink;
  desks: Desks;
  depts: readonly DeptView[];
}

export function boardProbe(p: ProbeParts): PlayProbe {
  const at = (id: string, where: (r: Rect) => { x: number; y: number }) => {
    const r = p.cards.get(id);
    return r ? where(r) : null;
  };
  return {
    sim: p.sim,
    levelId: p.levelId,
    deptPos: (id) => at(id, centre),
    outboxPos: (id) => at(id, outboxCentre),
    ticketPos: (id) => p.tokens.posOf(id),
    linked: () => p.link.shown(),
    deskKinds: () => p.desks.kindsNow(),
    touchAreas: () => p.desks.touchAreas(),
    deskNumbers: () => Object.fromEntries(p.depts.map((d) => [d.def.id, d.number])),
    ticketLetters: () => p.tokens.letters(),
    pickedRing: () => p.tokens.pickedRing(),
  };
}
