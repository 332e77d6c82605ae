/**
 * The debrief of a live session in the facilitator's page, loaded on first use (it brings chart.js):
 * the server's official results become a session (../debriefRounds.ts) and the solo game's debrief
 * (src/facilitator/debrief/debriefView.ts) draws one table's round with every table side by side.
 * A choice of table (and run) picks whose charts are shown; the side-by-side part stays the same.
 * Projector size draws it as the solo game's projector debrief, for this window on the room's screen.
 */
import { renderDebrief, type DebriefHandle } from '../../facilitator/debrief/debriefView';
import { liveDebrief, sideBySide } from '../debriefRounds';
import { button, el } from './dom';

export interface LiveDebriefView {
  root: HTMLElement;
  destroy(): void;
}

export function showLiveDebrief(code: string, results: unknown, onBack: () => void): LiveDebriefView {
  const d = liveDebrief(code, results, new Date().toISOString());
  const root = el('section', '', 'lv-debrief');
  root.setAttribute('aria-label', 'Debrief of every table');
  root.tabIndex = -1; // takes the focus when it opens, so the keys scroll the page
  const bar = el('div', '', 'row');
  const pick = el('select');
  pick.setAttribute('aria-label', 'Charts for');
  const rounds = d.session?.rounds ?? [];
  const runs = new Map<string, number>();
  for (const r of rounds) runs.set(r.team, (runs.get(r.team) ?? 0) + 1);
  const n = new Map<string, number>();
  for (const r of rounds) {
    n.set(r.team, (n.get(r.team) ?? 0) + 1);
    const label = (runs.get(r.team) ?? 0) > 1 ? `${r.team}, round ${n.get(r.team)}` : r.team;
    const o = el('option', label);
    o.value = r.id;
    pick.append(o);
  }
  // The latest round of the first table by default: usually the one just played.
  const latest = rounds.filter((r) => r.levelId === rounds.at(-1)?.levelId && r.seed === rounds.at(-1)?.seed);
  if (latest[0]) pick.value = latest[0].id;
  const label = el('label', 'Charts for ');
  label.append(pick);
  // The projector window shows the scores (or a table's results); the room sees this debrief when this
  // window is on the projector's screen: at projector size, large and one part at a time.
  const big = el('input');
  big.type = 'checkbox';
  const bigLabel = el('label', ' Projector size');
  bigLabel.prepend(big);
  const how = el(
    'span',
    'The projector window shows the scores. To show the room this debrief, put this window on the projector and tick Projector size.',
    'lv-debrief-how',
  );
  bar.append(button('Back to the tables', onBack), label, bigLabel, how);
  const problems = el('p', d.problems.join(' '), 'msg');
  const body = el('div', '', 'lv-debrief-body');
  root.append(bar, problems, body);
  if (rounds.length === 0) {
    body.append(el('p', 'No round has finished yet: end a round to compare the tables.', 'lv-empty'));
    pick.disabled = true;
    return { root, destroy() {} };
  }
  let handle: DebriefHandle | null = null;
  const draw = () => {
    const round = rounds.find((r) => r.id === pick.value) ?? rounds[0]!;
    const data = { round, level: round.result?.level ?? null, compare: sideBySide(d, round) };
    if (handle) handle.update(data);
    else handle = renderDebrief(body, data, { projector: big.checked });
  };
  pick.addEventListener('change', draw);
  big.addEventListener('change', () => {
    handle?.destroy();
    handle = null;
    body.replaceChildren();
    draw();
  });
  // Charts measure their boxes: draw once the section is in the page.
  requestAnimationFrame(draw);
  return { root, destroy: () => handle?.destroy() };
}
