/**
 * A table's side of live.html: joins with the code and a team name (the device token is kept in
 * session storage so a reload or a restarted server gives its seat back), then plays the real game
 * board for its seats (src/live/board/, loaded on join so the join screen stays small). In a session
 * where each person takes one department, the bar above the board takes and gives back desks.
 *
 * When the device goes offline (Wi-Fi lost, `offline` event) the page lets go of its socket at once,
 * so the server hands its desks to the computer, and joins again as soon as the network is back.
 */
import { Client, type Room } from '@colyseus/sdk';
import { joinCodeProblem, normaliseJoinCode } from '../joinCode';
import {
  BOARD_SEAT,
  PROTOCOL_VERSION,
  type AckMessage,
  type ResultMessage,
  type SeatsMessage,
  type WelcomeMessage,
} from '../protocol';
import type { LiveBoardApp } from '../../app/composeLive';
import type { Level } from '../../level/schema';
import { TURN_TEXT } from '../../ui/turnHint';
import { briefingWant, newBriefingMemory, type BriefingMemory } from '../briefingRule';
import type { BriefingPanel } from './briefing';
import { button, clock, el, endpoint, params, plainError, root, STORE, type LiveView } from './dom';

export function joinForm(problem = ''): void {
  const code = el('input');
  code.value = params.get('code') ?? sessionStorage.getItem(`${STORE}join`) ?? '';
  code.placeholder = 'ABC234';
  code.setAttribute('aria-label', 'Join code');
  const team = el('input');
  team.value = sessionStorage.getItem(`${STORE}team`) ?? '';
  team.placeholder = 'Team name';
  team.setAttribute('aria-label', 'Team name');
  const msg = el('p', problem, 'msg');
  const form = el('form');
  const row = el('div', '', 'row');
  const go = el('button', 'Join');
  row.append(code, team, go);
  form.append(row, msg);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = normaliseJoinCode(code.value);
    if (!c) return void (msg.textContent = joinCodeProblem(code.value) ?? '');
    sessionStorage.setItem(`${STORE}join`, c);
    sessionStorage.setItem(`${STORE}team`, team.value);
    void joinTable(c, team.value);
  });
  root.replaceChildren(
    el('h1', 'Join the live session'),
    el('p', 'Type the code on the facilitator\u2019s screen and your team\u2019s name.'),
    form,
  );
}

/** What stays on the page across rejoins: the header, the board and its game, the briefing over it. */
interface TableScreen {
  status: HTMLElement;
  /** The table's name in the header: as typed until the room says it ("foxes" joined "Foxes"). */
  name: HTMLElement;
  info: HTMLElement;
  seatBar: HTMLElement;
  app: LiveBoardApp;
  mine: string;
  seats: string[];
  room: Room | null;
  brief: BriefingPanel;
  briefBtn: HTMLButtonElement;
  /** What the table asked of the briefing, or took away (../briefingRule.ts). */
  memory: BriefingMemory;
  /** The key of the briefing that would show now, and a redraw of the header and the briefing. */
  briefKey: string;
  redraw: () => void;
}
let screen: TableScreen | null = null;

type ComposeModule = typeof import('../../app/composeLive');
type BriefingModule = typeof import('./briefing');

/** The board's game lives in the page under a slim header; its services come from the live composition root. */
function tableScreen(
  compose: ComposeModule,
  briefing: BriefingModule,
  code: string,
  team: string,
): TableScreen {
  if (screen) return screen;
  document.body.classList.add('lv-board');
  const status = el('span', 'Connected.', 'ok');
  const info = el('span', '', 'lv-info');
  const seatBar = el('div', '', 'lv-seats');
  const head = el('header', '', 'lv-head');
  const name = el('h1', team);
  let current: TableScreen | null = null;
  const ask = (open: boolean) => {
    if (!current) return;
    current.memory.asked = open ? current.briefKey : null;
    current.memory.closed = open ? null : current.briefKey;
    current.redraw();
  };
  const briefBtn = button('Briefing', () => ask(true));
  briefBtn.className = 'lv-brief-open';
  briefBtn.hidden = true;
  head.append(name, status, info, briefBtn, seatBar);
  const host = el('div', '', 'lv-game');
  host.id = 'game';
  const turn = el('p', TURN_TEXT, 'lv-turn');
  root.replaceChildren(head, turn, host);
  const brief = briefing.createBriefingPanel(() => ask(false));
  const seqKey = `${STORE}seq:${code}`;
  const app = compose.composeLiveBoard(host, {
    role: 'table',
    code,
    table: () => current?.mine || null,
    seqStore: {
      get: () => Number(sessionStorage.getItem(seqKey)) || 0,
      set: (n) => sessionStorage.setItem(seqKey, String(n)),
    },
  });
  host.append(brief.root);
  current = {
    status,
    name,
    info,
    seatBar,
    app,
    mine: '',
    seats: [],
    room: null,
    brief,
    briefBtn,
    memory: newBriefingMemory(),
    briefKey: '',
    redraw: () => {},
  };
  screen = current;
  return current;
}

/** The briefing over the board, and the header's button that brings it back (../briefingRule.ts says when). */
function drawBriefing(
  s: TableScreen,
  view: LiveView,
  levelOf: (levelId: string) => Level | undefined,
  place: (level: Level) => string,
): void {
  const t = view.tables.get(s.mine);
  if (!t) {
    s.brief.hide();
    s.briefBtn.hidden = true;
    return;
  }
  const want = briefingWant(t, view.next, s.memory);
  s.briefKey = want.key;
  const level =
    want.levelId === null ? (s.app.board.roundLevel() ?? levelOf(t.levelId)) : levelOf(want.levelId);
  s.briefBtn.hidden = want.show || !level;
  s.briefBtn.textContent = want.case === 'over' ? 'Next round\u2019s briefing' : 'Briefing';
  if (!want.show || !level) return s.brief.hide();
  s.brief.show(level, {
    kicker: `${want.case === 'round' ? 'This round' : 'Next round'} \u00b7 ${place(level)}`,
    ...(want.case === 'waiting'
      ? { foot: 'Read this while you wait for the round.' }
      : want.case === 'over'
        ? { foot: 'The facilitator starts the next round.', close: 'Back to your results' }
        : { foot: 'The round goes on while you read.', close: 'Back to the board' }),
  });
}

function drawSeats(
  s: TableScreen,
  view: LiveView | null,
  levelOf: (levelId: string) => Level | undefined,
): void {
  const t = view?.tables.get(s.mine);
  if (!view || view.seatMode !== 'departments' || !t) {
    s.seatBar.replaceChildren();
    return;
  }
  // During a round its desks; before one, or after, the desks of the next round's level (the server's seats).
  const onNow = t.status === 'running' || t.status === 'paused';
  const level = (onNow ? s.app.board.roundLevel() : null) ?? levelOf(onNow ? t.levelId : view.next);
  const names = new Map((level?.departments ?? []).map((d) => [d.id, d.name]));
  const items: HTMLElement[] = [];
  // In the level's order of desks (the board's 1 to 6), whatever order the server's map keeps.
  const order = [...names.keys()];
  const at = (seat: string) => (order.includes(seat) ? order.indexOf(seat) : order.length);
  for (const [seat, v] of [...t.seats].sort(([a], [b]) => at(a) - at(b))) {
    const label = names.get(seat) ?? seat;
    if (s.seats.includes(seat))
      items.push(button(`Give back ${label}`, () => s.room?.send('release', { seat })));
    else if (v.who === 'human') items.push(el('span', `${label}: taken`, 'lv-taken'));
    else if (v.who === 'reconnecting')
      items.push(el('span', `${label}: its player is reconnecting\u2026`, 'lv-taken'));
    else items.push(button(`Take ${label}`, () => s.room?.send('claim', { seat })));
  }
  s.seatBar.replaceChildren();
  for (const i of items) s.seatBar.append(i);
}

export async function joinTable(code: string, team: string): Promise<void> {
  if (!navigator.onLine) return waitOnline(code, team);
  const device = sessionStorage.getItem(`${STORE}device:${code}`);
  let room: Room;
  let compose: ComposeModule;
  let catalog: typeof import('../../level/catalog');
  let briefing: BriefingModule;
  try {
    // The board's code first: the room's first messages must find their handlers ready.
    compose = await import('../../app/composeLive');
    catalog = await import('../../level/catalog');
    briefing = await import('./briefing');
    room = await new Client(endpoint).joinById(code, {
      role: 'table',
      version: PROTOCOL_VERSION,
      team,
      ...(device ? { device } : {}),
    });
  } catch (err) {
    if (screen) {
      // Joined before: the server is restarting or the network is away. Keep the board and try again.
      screen.status.textContent = 'The room server is not answering: trying again\u2026';
      window.setTimeout(() => void joinTable(code, team), 2000);
      return;
    }
    return joinForm(joinProblem(err, code));
  }
  // A level by id (the first one when the id is not known yet).
  const levelOf = (levelId: string): Level | undefined =>
    catalog.getAllLevels().find((l) => l.level && (l.level.id === levelId || !levelId))?.level ?? undefined;
  room.reconnection.minUptime = 0;
  // A few quick tries on the same socket; after that (a restarted server does not know it) join again.
  room.reconnection.maxRetries = 5;
  room.reconnection.maxDelay = 2000;
  const s = tableScreen(compose, briefing, code, team);
  s.room = room;
  s.status.textContent = 'Connected.';
  s.status.className = 'ok';
  const board = s.app.board;
  const send = (type: string, msg: unknown) => room.send(type, msg);
  let view: LiveView | null = null;
  let redrawNow = () => {};
  room.onMessage('welcome', (w: WelcomeMessage) => {
    s.mine = w.table ?? '';
    if (w.device) sessionStorage.setItem(`${STORE}device:${code}`, w.device);
    s.seats = w.seats ?? [];
    board.seats(s.seats);
    board.link(send);
    redrawNow();
  });
  room.onMessage('log', (m: unknown) => board.log(m));
  room.onMessage('result', (r: ResultMessage) => board.result(r));
  room.onMessage('ack', (a: AckMessage) => board.ack(a));
  room.onMessage('refused', (r: { type: string; seq: number; reason: string }) => board.refused(r));
  room.onMessage('seats', (m: SeatsMessage) => {
    // The seats changed: a refusal of another seat is old news.
    if (s.status.dataset.seat) {
      delete s.status.dataset.seat;
      s.status.textContent = 'Connected.';
      s.status.className = 'ok';
    }
    s.seats = m.seats;
    board.seats(m.seats);
    redrawNow();
  });
  room.onMessage('seat', (r: { ok: boolean; reason?: string }) => {
    if (r.ok) return;
    // Said in the warning colour, not the green of "Connected.", until this device's seats change.
    s.status.textContent = r.reason ?? '';
    s.status.className = 'msg';
    s.status.dataset.seat = '1';
  });
  room.onDrop(() => {
    board.link(null);
    s.status.textContent = 'Connection lost: trying again\u2026';
    s.status.className = 'msg';
  });
  room.onReconnect(() => {
    board.link(send);
    s.status.textContent = 'Connected again.';
    s.status.className = 'ok';
  });
  const offline = () => {
    // The socket may linger on a dead network: let it go now, so the computer plays this device's desks.
    window.removeEventListener('offline', offline);
    room.reconnection.enabled = false;
    room.connection.close();
  };
  window.addEventListener('offline', offline);
  let left = false;
  room.onLeave(() => {
    if (left) return;
    left = true;
    window.removeEventListener('offline', offline);
    board.link(null);
    if (s.room === room) s.room = null;
    s.status.className = 'msg';
    if (!navigator.onLine) return waitOnline(code, team);
    s.status.textContent = 'The room server restarted: joining again\u2026';
    window.setTimeout(() => void joinTable(code, team), 1000);
  });
  // The first state may come before the welcome (which says which table is this one's): both redraw.
  const redraw = () => {
    if (!view) return;
    board.room(view);
    const t = view.tables.get(s.mine);
    if (t && s.name.textContent !== t.team) s.name.textContent = t.team;
    const lines: string[] = [];
    const departments = view.seatMode === 'departments';
    if (t) {
      if (t.status === 'waiting') {
        lines.push('Waiting for the facilitator to start the round.');
        if (departments && s.seats.length === 0)
          lines.push('Take the desk you will play: the computer plays the desks nobody takes.');
        else if (!departments && s.seats.includes(BOARD_SEAT)) lines.push('This device plays the board.');
      } else lines.push(`Round ${t.status}, ${clock(t.simTime)} of ${clock(t.end)}`);
      if (!departments && !s.seats.includes(BOARD_SEAT))
        lines.push('Another device at your table plays the board; this one follows it.');
    }
    if (view.leaderboard) {
      const ranked = [...view.tables.values()].sort((a, b) => b.score - a.score);
      lines.push(`Leaderboard: ${ranked.map((r) => `${r.team} ${Math.floor(r.score)}`).join(' \u00b7 ')}`);
    }
    s.info.textContent = lines.join(' \u2014 ');
    drawSeats(s, view, levelOf);
    drawBriefing(s, view, levelOf, briefing.levelPlace);
  };
  redrawNow = redraw;
  s.redraw = redraw;
  room.onStateChange((raw: unknown) => {
    view = raw as LiveView;
    redraw();
  });
}

/** Matchmaking's answer for a room id it does not know. */
const NO_SUCH_ROOM = 522;

/** Why a join failed, in the room's words: a code no session has is said plainly. */
export function joinProblem(err: unknown, code: string): string {
  const c = (err as { code?: unknown } | null)?.code;
  const m = err instanceof Error ? err.message : String(err);
  if (c === NO_SUCH_ROOM || /not found/i.test(m))
    return `No session has the code ${code}. Check the code on the facilitator\u2019s screen.`;
  return plainError(err);
}

function waitOnline(code: string, team: string): void {
  if (screen) {
    screen.status.textContent = 'This device is offline: it joins again as soon as the network is back.';
    screen.status.className = 'msg';
  }
  window.addEventListener('online', () => void joinTable(code, team), { once: true });
}
