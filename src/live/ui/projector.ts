/**
 * live.html?projector=CODE: the room's projector, one more replica of the room server's log. It joins
 * read-only, catches up from the whole log whenever it joins (late, after a reload, after a server
 * restart), and shows the real board of the table the facilitator picks in the room view (by default
 * the first table with a round), then that table's official result. Before any round it shows the
 * briefing of the level the facilitator chose for it (the one the tables read). No input.
 */
import { Client, type Room } from '@colyseus/sdk';
import { normaliseJoinCode } from '../joinCode';
import { PROTOCOL_VERSION, type ResultMessage } from '../protocol';
import type { LiveBoardApp } from '../../app/composeLive';
import type { Level } from '../../level/schema';
import { briefingWant, newBriefingMemory } from '../briefingRule';
import type { BriefingPanel } from './briefing';
import { el, endpoint, plainError, root, type LiveView } from './dom';

let app: LiveBoardApp | null = null;
let note: HTMLElement | null = null;
let scores: HTMLElement | null = null;
let lastView: LiveView | null = null;
let brief: BriefingPanel | null = null;
let sayNow = () => {};
/** When the next round's briefing comes after a round (../briefingRule.ts), as on the tables. */
const memory = newBriefingMemory();
/** The projector's briefing never shrinks below this base size (the back of the room reads it). */
const PROJECTOR_MIN_PX = 20;
type BriefingModule = typeof import('./briefing');

function mount(
  compose: typeof import('../../app/composeLive'),
  briefing: BriefingModule,
  code: string,
): LiveBoardApp {
  if (app) return app;
  document.body.classList.add('lv-board', 'lv-projector');
  note = el('p', '', 'lv-projector-note');
  note.setAttribute('role', 'status');
  scores = el('section', '', 'lv-projector-scores');
  scores.hidden = true;
  const host = el('div', '', 'lv-game');
  host.id = 'game';
  root.replaceChildren(note, scores, host);
  app = compose.composeLiveBoard(host, { role: 'projector', code });
  const panel = briefing.createBriefingPanel(() => {}, PROJECTOR_MIN_PX);
  panel.root.classList.add('lv-brief-projector');
  host.append(panel.root);
  brief = panel;
  const a = app;
  const levels = new Map(briefing.campaignLevels().map((l) => [l.id, l]));
  sayNow = () => say(a, code, levels, briefing.levelPlace);
  window.setInterval(sayNow, 500);
  return app;
}

/**
 * Says on the projector what it shows (and whose choice that was); after a round nobody put on it, every
 * table's score only; before any round, the next round's briefing.
 */
function say(
  a: LiveBoardApp,
  code: string,
  levels: ReadonlyMap<string, Level>,
  place: (level: Level) => string,
): void {
  const view = lastView;
  if (!note || !scores || !view) return;
  const s = a.board.shown();
  const next = levels.get(view.next);
  // After a round nobody put on the projector: once the facilitator chooses the next level, its briefing.
  const run = (s.table && view.tables.get(s.table)?.run) || 0;
  const nextChosen = s.showing === 'scores' && briefingWant({ status: 'over', run }, view.next, memory).show;
  const briefing = (s.showing === 'waiting' || nextChosen) && next !== undefined;
  if (briefing)
    brief?.show(next, {
      kicker: `Next round \u00b7 ${place(next)}`,
      foot: 'Every table reads this on its own screen too. The facilitator starts the round.',
      keys: false,
    });
  else brief?.hide();
  const team = (s.table && view.tables.get(s.table)?.team) || 'a table';
  const text =
    view.tables.size === 0
      ? `Join code ${code}: waiting for the first table.`
      : briefing && s.showing === 'scores'
        ? 'The round is over. The next round’s briefing, as the facilitator chose it.'
        : s.showing === 'scores'
          ? 'The round is over: every table’s score. The facilitator shows a table’s results with “Show on projector”.'
          : s.showing === 'waiting'
            ? 'Waiting for the facilitator to start a round.'
            : s.chosen
              ? `${team}${s.showing === 'results' ? ': results' : ''}, as the facilitator chose.`
              : `${possessive(team)} board (the first table with a round). The facilitator shows another with “Show on projector”.`;
  if (note.textContent !== text) note.textContent = text;
  scores.hidden = s.showing !== 'scores' || briefing;
  if (scores.hidden) return;
  const rows = [...view.tables.values()].filter((t) => t.run > 0 || t.status === 'over');
  const lines = rows.map((t) => `${t.team}: Score ${Math.floor(t.score)}`);
  const shownText = lines.join('\n');
  if (scores.dataset.shown === shownText) return;
  scores.dataset.shown = shownText;
  scores.replaceChildren(el('h1', 'Scores'));
  for (const l of lines) scores.append(el('p', l));
}

/** "Otters’ board", "Blue table’s board": a name ending in s takes only the apostrophe. */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

export async function projector(raw: string): Promise<void> {
  const code = normaliseJoinCode(raw);
  if (!code) {
    root.replaceChildren(
      el('h1', 'Projector'),
      el('p', 'This address has no valid join code after ?projector=.', 'msg'),
    );
    return;
  }
  let room: Room;
  let compose: typeof import('../../app/composeLive');
  let briefing: BriefingModule;
  try {
    compose = await import('../../app/composeLive');
    briefing = await import('./briefing');
    room = await new Client(endpoint).joinById(code, { role: 'projector', version: PROTOCOL_VERSION });
  } catch (err) {
    if (!app)
      root.replaceChildren(el('h1', 'Projector'), el('p', `${plainError(err)} Trying again\u2026`, 'msg'));
    window.setTimeout(() => void projector(code), 2000);
    return;
  }
  room.reconnection.minUptime = 0;
  // A few quick tries on the same socket; after that (a restarted server does not know it) join again.
  room.reconnection.maxRetries = 5;
  room.reconnection.maxDelay = 2000;
  const { board } = mount(compose, briefing, code);
  const send = (type: string, msg: unknown) => room.send(type, msg);
  board.link(send);
  room.onMessage('welcome', () => {});
  room.onMessage('log', (m: unknown) => board.log(m));
  room.onMessage('result', (r: ResultMessage) => board.result(r));
  room.onMessage('refused', () => {});
  room.onDrop(() => board.link(null));
  room.onReconnect(() => board.link(send));
  room.onLeave(() => {
    board.link(null);
    window.setTimeout(() => void projector(code), 1000);
  });
  room.onStateChange((rawState: unknown) => {
    const view = rawState as LiveView;
    lastView = view;
    board.room(view);
    sayNow();
  });
}
