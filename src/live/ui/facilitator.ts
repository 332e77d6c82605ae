/**
 * The facilitator's side of live.html (`?facilitator=1`): creates a live session (or reopens this tab's),
 * shows its join code and QR code, every table live, the controls for all tables or one, a live event,
 * the leaderboard switch and the export of every result.
 */
import { Client, type Room } from '@colyseus/sdk';
import QRCode from 'qrcode';
import { getAllLevels } from '../../level/catalog';
import { PROTOCOL_VERSION, ROOM_NAME, type ControlAction } from '../protocol';
import { button, clock, el, endpoint, plainError, root, secret, STORE, type LiveView } from './dom';

export async function facilitator(): Promise<void> {
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
  codeBox.append(
    el('div', 'Join code'),
    el('div', code, 'code'),
    el('div', joinUrl),
    el('div', `Projector: ${location.origin}${location.pathname}?projector=${code}`, 'lv-projector-url'),
  );
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
        button(s.projector === t.id ? 'On the projector' : 'Show on projector', () =>
          room.send('project', { table: s.projector === t.id ? '' : t.id }),
        ),
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
