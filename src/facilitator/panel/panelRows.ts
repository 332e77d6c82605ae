/**
 * One row of the session panel's rounds table: number, team, level, seed, status, score, and the
 * buttons the round allows (start or restart, debrief, remove). DOM only; text goes in as text.
 */
import type { RoundRow } from './panelModel';
import { button, el } from '../../ui/dom';
import type { Round } from '../session/session';

export interface RoundRowActions {
  start(round: Round): void;
  debrief(roundId: string): void;
  /** Removing asks first unless the round is only planned (see the panel). */
  remove(round: Round): void;
  /** The game of this round left in progress (a reload, a crash), when there is one to resume. */
  kept?: { left: string; resume(): void; discard(): void };
}

export function roundRowElement(r: RoundRow, round: Round | undefined, on: RoundRowActions): HTMLTableRowElement {
  const tr = el('tr', `rx-round rx-round-${r.status}`);
  tr.dataset.round = r.id;
  const actions = el('td', 'rx-actions');
  if (on.kept) {
    actions.append(button(`Resume with ${on.kept.left} left`, 'rx-btn-primary', on.kept.resume, `resume-${r.id}`));
    actions.append(button('Discard it', '', on.kept.discard, `discard-${r.id}`));
  }
  if (r.canStart && round) {
    const label = r.status === 'playing' ? 'Restart' : 'Start';
    actions.append(button(label, on.kept ? '' : 'rx-btn-primary', () => on.start(round), `start-${r.id}`));
  } else if (r.startNote) actions.append(el('span', 'rx-muted', r.startNote));
  if (r.status === 'finished')
    actions.append(button('Debrief', 'rx-btn-primary', () => on.debrief(r.id), `debrief-${r.id}`));
  if (round) actions.append(button('Remove', 'rx-btn-quiet', () => on.remove(round), `remove-${r.id}`));
  const score = el('td', 'rx-score', r.score || '–');
  score.dataset.testid = `score-${r.id}`;
  tr.append(
    el('td', undefined, String(r.number)),
    el('td', 'rx-team', r.team),
    el('td', undefined, r.level),
    el('td', undefined, String(r.seed)),
    el('td', 'rx-status', r.statusText),
    score,
    actions,
  );
  return tr;
}
