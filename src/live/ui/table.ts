/**
 * A table's side of live.html: joins with the code and a team name; the device token is kept in
 * session storage so a reload or a restarted server gives its seat back.
 */
import { Client, type Room } from '@colyseus/sdk';
import { joinCodeProblem, normaliseJoinCode } from '../joinCode';
import { PROTOCOL_VERSION, type WelcomeMessage } from '../protocol';
import { clock, el, endpoint, params, plainError, root, STORE, type LiveView } from './dom';

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

export async function joinTable(code: string, team: string): Promise<void> {
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
