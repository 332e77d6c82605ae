/**
 * live.html: the browser side of a live session, in plain DOM (text only, never HTML from the network).
 *  - `live.html?facilitator=1`: creates a live session (or reopens this tab's), shows its join code and
 *    QR code, every table live (connected devices, seats, round, score so far, served / gave up), the
 *    controls for all tables or one, a live event, the leaderboard switch and the export of every result.
 *  - `live.html` (or `?code=ABC234`): a table joins with the code and a team name; its device token is
 *    kept in session storage so a reload or a restarted server gives its seat back.
 * The room server is the page's own origin (`npm start` / `npm run serve` serve both).
 */
import { Client, type Room } from '@colyseus/sdk';
import QRCode from 'qrcode';
import { getAllLevels } from '../../level/catalog';
import { joinCodeProblem, normaliseJoinCode } from '../joinCode';
import { PROTOCOL_VERSION, ROOM_NAME, type ControlAction, type WelcomeMessage } from '../protocol';
import './live.css';

interface TableView {
  id: string;
  team: string;
  devices: number;
  status: string;
  simTime: number;
  end: number;
  score: number;
  served: number;
  gaveUp: number;
  seats: Map<string, { who: string }>;
}
interface LiveView {
  code: string;
  leaderboard: boolean;
  tables: Map<string, TableView>;
}

const root = document.getElementById('live')!;
const params = new URLSearchParams(location.search);
const endpoint = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
const STORE = 'ripple-live:';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}
function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

function secret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function plainError(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return (
    m || 'The room server did not answer. Check that this device is on the same Wi-Fi as the facilitator.'
  );
}

// ---- facilitator ----

async function facilitator(): Promise<void> {
  root.replaceChildren(el('h1', 'Live session'));
  const msg = el('p', '', 'msg');
  let key = sessionStorage.getItem(`${STORE}key`);
  if (!key) sessionStorage.setItem(`${STORE}key`, (key = secret()));
  const code = sessionStorage.getItem(`${STORE}code`);
  const client = new Client(endpoint);
  let room: Room;
  if (code) {
    try {
      room = await client.joinById(code, { role: 'facilitator', version: PROTOCOL_VERSION, key });
    } catch {
      sessionStorage.removeItem(`${STORE}code`);
      return facilitator();
    }
  } else {
    const mode = el('select');
    for (const [v, label] of [
      ['board', 'Each table plays a whole board on one device'],
      ['departments', 'Each person of a table takes one department'],
    ] as const) {
      const o = el('option', label);
      o.value = v;
      mode.append(o);
    }
    const go = await new Promise<string>((resolve) => {
      root.append(
        el('p', 'Tables join from their own laptops, tablets or phones on this Wi-Fi.'),
        el('div', '', 'row'),
        msg,
      );
      root.querySelector('.row')!.append(
        mode,
        button('Create the live session', () => resolve(mode.value)),
      );
    });
    try {
      room = await client.create(ROOM_NAME, {
        role: 'facilitator',
        version: PROTOCOL_VERSION,
        key,
        seats: go,
      });
    } catch (err) {
      msg.textContent = plainError(err);
      return;
    }
    sessionStorage.setItem(`${STORE}code`, room.roomId);
  }
  renderFacilitator(room);
}

function renderFacilitator(room: Room): void {
  const code = room.roomId;
  const joinUrl = `${location.origin}${location.pathname}?code=${code}`;
  const qr = el('img', '', 'qr');
  qr.alt = `QR code for ${joinUrl}`;
  void QRCode.toDataURL(joinUrl, { margin: 1, width: 160 }).then((u: string) => (qr.src = u));
  const head = el('div', '', 'row');
  const codeBox = el('div');
  codeBox.append(el('div', 'Join code'), el('div', code, 'code'), el('div', joinUrl));
  head.append(codeBox, qr);

  const levels = el('select');
  for (const l of getAllLevels()) {
    if (!l.level) continue;
    const o = el('option', l.title);
    o.value = l.level.id;
    levels.append(o);
  }
  const seed = el('input');
  seed.type = 'number';
  seed.value = '1';
  seed.setAttribute('aria-label', 'Seed');
  const note = el('p', '', 'msg');
  const send = (action: ControlAction, table?: string) =>
    room.send('control', {
      action,
      ...(table ? { table } : {}),
      ...(action === 'start' ? { levelId: levels.value, seed: Number(seed.value) || 1 } : {}),
    });
  const controls = el('div', '', 'row');
  controls.append(
    levels,
    seed,
    button('Start all', () => send('start')),
    button('Pause all', () => send('pause')),
    button('Resume all', () => send('resume')),
    button('+1 minute all', () => send('extend')),
    button('End all', () => send('end')),
  );
  const event = el('input');
  event.placeholder = 'live event id';
  const board = el('input');
  board.type = 'checkbox';
  board.id = 'leaderboard';
  const boardLabel = el('label', ' Show the leaderboard to tables');
  boardLabel.prepend(board);
  board.addEventListener('change', () => room.send('leaderboard', { show: board.checked }));
  const more = el('div', '', 'row');
  more.append(
    event,
    button(
      'Send the live event to every table',
      () => event.value && room.send('event', { event: event.value }),
    ),
    boardLabel,
    button('Export JSON', () => exportResults(room, 'json')),
    button('Export CSV', () => exportResults(room, 'csv')),
  );
  const table = el('table');
  root.replaceChildren(el('h1', 'Live session'), head, controls, more, note, table);

  room.onMessage('done', (d: { problems?: string[] }) => {
    note.textContent = d.problems?.length ? d.problems.join(' ') : '';
  });
  room.onMessage('log', () => {});
  room.onMessage('welcome', () => {});
  room.onMessage('refused', (r: { reason: string }) => (note.textContent = r.reason));
  const draw = (s: LiveView) => {
    board.checked = s.leaderboard;
    const headRow = el('tr');
    for (const h of ['Table', 'Devices', 'Seats', 'Round', 'Time', 'Score', 'Served', 'Gave up', ''])
      headRow.append(el('th', h));
    const rows: HTMLElement[] = [headRow];
    for (const t of s.tables.values()) {
      const tr = el('tr');
      const seats = [...t.seats.entries()].map(([k, v]) => `${k}: ${v.who}`).join(', ');
      const actions = el('td');
      actions.append(
        button('Pause', () => send('pause', t.id)),
        button('Resume', () => send('resume', t.id)),
        button('+1 min', () => send('extend', t.id)),
        button('End', () => send('end', t.id)),
      );
      for (const v of [
        t.team,
        String(t.devices),
        seats,
        t.status,
        `${clock(t.simTime)} / ${clock(t.end)}`,
        String(Math.floor(t.score)),
        String(t.served),
        String(t.gaveUp),
      ])
        tr.append(el('td', v));
      tr.append(actions);
      rows.push(tr);
    }
    if (s.tables.size === 0) rows.push(el('tr', 'No table has joined yet.'));
    table.replaceChildren();
    for (const r of rows) table.append(r);
  };
  room.onStateChange((s: unknown) => draw(s as LiveView));
}

function exportResults(room: Room, kind: 'json' | 'csv'): void {
  room.onMessage(
    'results',
    (
      results: Array<
        Record<string, unknown> & { score: { total: number }; metrics: Record<string, unknown> }
      >,
    ) => {
      let text: string;
      if (kind === 'json') text = JSON.stringify({ session: room.roomId, results }, null, 2);
      else {
        const cols = ['table', 'team', 'run', 'levelId', 'seed', 'simTime', 'hash', 'commands'];
        const q = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
        text = [
          [...cols, 'score'].join(','),
          ...results.map((r) => [...cols.map((c) => q(r[c])), q(Math.floor(r.score.total))].join(',')),
        ].join('\n');
      }
      const a = el('a');
      a.href = URL.createObjectURL(
        new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' }),
      );
      a.download = `ripple-live-${room.roomId}.${kind}`;
      a.click();
    },
  );
  room.send('results', {});
}

// ---- a table ----

function joinForm(problem = ''): void {
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

async function joinTable(code: string, team: string): Promise<void> {
  const device = sessionStorage.getItem(`${STORE}device:${code}`);
  let room: Room;
  try {
    room = await new Client(endpoint).joinById(code, {
      role: 'table',
      version: PROTOCOL_VERSION,
      team,
      ...(device ? { device } : {}),
    });
  } catch (err) {
    return joinForm(plainError(err));
  }
  room.reconnection.minUptime = 0;
  const status = el('p', 'Connected.', 'ok');
  const info = el('div');
  root.replaceChildren(
    el('h1', team),
    status,
    el(
      'p',
      'This page follows your table\u2019s round live. Playing the board itself from this device is not ready yet.',
    ),
    info,
  );
  let mine = '';
  room.onMessage('welcome', (w: WelcomeMessage) => {
    mine = w.table ?? '';
    if (w.device) sessionStorage.setItem(`${STORE}device:${code}`, w.device);
  });
  room.onMessage('log', () => {});
  room.onMessage(
    'seat',
    (s: { ok: boolean; reason?: string }) =>
      (status.textContent = s.ok ? 'Your seat is yours.' : (s.reason ?? '')),
  );
  room.onDrop(() => (status.textContent = 'Connection lost: trying again\u2026'));
  room.onReconnect(() => (status.textContent = 'Connected again.'));
  room.onLeave(() => {
    status.textContent = 'The room server restarted: joining again\u2026';
    setTimeout(() => void joinTable(code, team), 2000);
  });
  room.onStateChange((raw: unknown) => {
    const s = raw as LiveView;
    const t = s.tables.get(mine);
    const lines: HTMLElement[] = [];
    if (t) {
      lines.push(el('p', `Round: ${t.status}, ${clock(t.simTime)} of ${clock(t.end)}`));
      lines.push(el('p', `Score so far ${Math.floor(t.score)}; served ${t.served}, gave up ${t.gaveUp}`));
      lines.push(el('p', `Seats: ${[...t.seats.entries()].map(([k, v]) => `${k} (${v.who})`).join(', ')}`));
    }
    if (s.leaderboard) {
      lines.push(el('h2', 'Leaderboard'));
      const ranked = [...s.tables.values()].sort((a, b) => b.score - a.score);
      for (const r of ranked) lines.push(el('p', `${r.team}: ${Math.floor(r.score)}`));
    }
    info.replaceChildren();
    for (const l of lines) info.append(l);
  });
}

if (params.has('facilitator')) void facilitator();
else {
  const code = sessionStorage.getItem(`${STORE}join`);
  const team = sessionStorage.getItem(`${STORE}team`);
  if (code && team && sessionStorage.getItem(`${STORE}device:${code}`)) void joinTable(code, team);
  else joinForm();
}
