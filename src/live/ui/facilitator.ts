/**
 * The facilitator's side of live.html (`?facilitator=1`): creates a live session (or reopens this tab's),
 * shows its join code and QR code, every table live, the controls for all tables or one, a live event,
 * the leaderboard switch and the export of every result.
 */
import { Client, type Room } from '@colyseus/sdk';
import QRCode from 'qrcode';
import { getAllLevels } from '../../level/catalog';
import { injectsOf } from '../../level/injects';
import type { Level } from '../../level/schema';
import { joinPlace } from '../joinAddress';
import { PROTOCOL_VERSION, ROOM_NAME, WelcomeSchema, type ControlAction } from '../protocol';
import { button, el, endpoint, plainError, root, secret, STORE, type LiveView } from './dom';
import { mountRoomTables } from './roomTables';

export async function facilitator(): Promise<void> {
  root.replaceChildren(el('h1', 'Live session'));
  const msg = el('p', '', 'msg');
  let key = sessionStorage.getItem(`${STORE}key`);
  if (!key) sessionStorage.setItem(`${STORE}key`, (key = secret()));
  const code = sessionStorage.getItem(`${STORE}code`);
  const client = new Client(endpoint);
  let room: Room;
  if (code) {
    const back = await rejoin(code, key, msg);
    if (back === 'gone') {
      sessionStorage.removeItem(`${STORE}code`);
      return facilitator();
    }
    room = back;
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
  renderFacilitator(room, key);
}

/** Matchmaking's answer for a room id it does not know (a session closed, or not resumed yet). */
const NO_SUCH_ROOM = 522;

/**
 * Joins this tab's session again. While the server does not answer (restarting, Wi-Fi) it keeps trying
 * every 2 s and says so in `msg`; 'gone' once the server has said for 10 s that there is no such session
 * (a restarted server resumes its sessions a moment after it starts listening).
 */
async function rejoin(code: string, key: string, msg: HTMLElement): Promise<Room | 'gone'> {
  let missing = 0;
  for (;;) {
    try {
      return await new Client(endpoint).joinById(code, {
        role: 'facilitator',
        version: PROTOCOL_VERSION,
        key,
      });
    } catch (err) {
      const answer = (err as { code?: unknown }).code;
      if (typeof answer === 'number' && (answer !== NO_SUCH_ROOM || ++missing >= 5)) return 'gone';
      msg.textContent =
        typeof answer === 'number'
          ? 'The room server is starting again: waiting for the session\u2026'
          : 'The room server does not answer: trying again every 2 seconds\u2026';
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function renderFacilitator(room: Room, key: string): void {
  const code = room.roomId;
  const qr = el('img', '', 'qr');
  const head = el('div', '', 'row');
  const codeBox = el('div');
  const projectorUrl = el('div', '', 'lv-projector-url');
  const tablesUrl = el('div', '', 'lv-join-url');
  const where = el('p', '', 'lv-join-where');
  codeBox.append(el('div', 'Join code'), el('div', code, 'code'), tablesUrl, projectorUrl);
  head.append(codeBox, qr);
  // The links and the QR code: at localhost they carry the server's network address once it says it.
  let shownJoin = '';
  const showJoin = (addresses: readonly string[] | null) => {
    const place = joinPlace(location, addresses);
    const joinUrl = `${place.origin}${location.pathname}?code=${code}`;
    where.textContent = place.note;
    where.classList.toggle('msg', place.warn);
    if (joinUrl === shownJoin) return;
    shownJoin = joinUrl;
    tablesUrl.replaceChildren(urlText(joinUrl));
    projectorUrl.replaceChildren('Projector: ', urlText(`${place.origin}${location.pathname}?projector=${code}`));
    qr.alt = `QR code for ${joinUrl}`;
    qr.dataset.url = joinUrl;
    void QRCode.toDataURL(joinUrl, { margin: 1, width: 160 }).then((u: string) => {
      if (shownJoin === joinUrl) qr.src = u;
    });
  };
  showJoin(null);

  const levels = el('select');
  const levelById = new Map<string, Level>();
  for (const l of getAllLevels()) {
    if (!l.level) continue;
    levelById.set(l.level.id, l.level);
    const o = el('option', l.title);
    o.value = l.level.id;
    levels.append(o);
  }
  // The next round's level: tables waiting for it read its briefing and take its desks meanwhile.
  levels.addEventListener('change', () => {
    room.send('next', { levelId: levels.value });
    if (!playingNow) listEvents(levels.value);
  });
  let playingNow = false;
  let nextShown = '';
  const seed = el('input');
  seed.type = 'number';
  seed.value = '1';
  seed.min = '0';
  seed.title = 'Which customers come, and when: every table gets the same';
  const note = el('p', '', 'msg');
  const send = (action: ControlAction, table?: string) =>
    room.send('control', {
      action,
      ...(table ? { table } : {}),
      ...(action === 'start' ? { levelId: levels.value, seed: Number(seed.value) || 1 } : {}),
    });
  const controls = el('div', '', 'row');
  // The level menu is as wide as its longest title (room.css), so the round controls have a row of their own.
  const round = el('div', '', 'row');
  round.append(
    button('Start all', () => send('start')),
    button('Pause all', () => send('pause')),
    button('Resume all', () => send('resume')),
    button('+1 minute all', () => send('extend')),
    button('End all', () => send('end')),
    // Which address the links use (or that phones need one), where the round buttons leave room.
    where,
  );
  // The live events of the level being played (else of the next round's), by their names.
  const event = el('select');
  let eventsOf = '';
  const sendEvent = button('Send to all', () => event.value && room.send('event', { event: event.value }));
  const listEvents = (levelId: string) => {
    if (levelId === eventsOf) return;
    eventsOf = levelId;
    const injects = levelById.has(levelId) ? injectsOf(levelById.get(levelId)!) : [];
    event.replaceChildren();
    for (const inj of injects) {
      const o = el('option', inj.label);
      o.value = inj.id;
      o.title = inj.text;
      event.append(o);
    }
    if (injects.length === 0) event.append(el('option', 'none in this level'));
    event.disabled = sendEvent.disabled = injects.length === 0;
  };
  listEvents(levels.value);
  const board = el('input');
  board.type = 'checkbox';
  board.id = 'leaderboard';
  const boardLabel = el('label', ' Leaderboard on tables');
  boardLabel.prepend(board);
  board.addEventListener('change', () => room.send('leaderboard', { show: board.checked }));
  const askResults = resultsAsker(room);
  // The debrief replaces the tables until "Back to the tables"; it loads (with chart.js) on first use.
  let debrief: { root: HTMLElement; destroy(): void } | null = null;
  const openDebrief = async (results: unknown) => {
    note.textContent = 'Loading the debrief\u2026';
    const { showLiveDebrief } = await import('./liveDebrief');
    note.textContent = '';
    debrief?.destroy();
    debrief?.root.remove();
    debrief = showLiveDebrief(code, results, () => {
      debrief?.destroy();
      debrief?.root.remove();
      debrief = null;
      tables.root.hidden = false;
    });
    tables.root.hidden = true;
    root.append(debrief.root);
    // The keys scroll the page from here (PageDown, Space, End): not the button just pressed.
    debrief.root.focus();
  };
  controls.append(field('Level', levels), field('Seed', seed), boardLabel);
  const after = el('div', '', 'row');
  after.append(
    field('Live event', event),
    sendEvent,
    button('Export JSON', () => askResults((r) => exportResults(code, 'json', r))),
    button('Export CSV', () => askResults((r) => exportResults(code, 'csv', r))),
    button('Debrief', () => askResults((r) => void openDebrief(r))),
  );
  // Per table: pause or resume (whichever applies now), more time, end, and the projector's choice;
  // their words follow the synced state.
  let projected = '';
  const toggles = new Map<
    string,
    { pause: HTMLButtonElement; round: HTMLButtonElement[]; projector: HTMLButtonElement }
  >();
  const statusOf = new Map<string, string>();
  const tables = mountRoomTables(room, (id) => {
    const pause = button('Pause', () => send(statusOf.get(id) === 'paused' ? 'resume' : 'pause', id));
    const projector = button('Show on projector', () =>
      room.send('project', { table: projected === id ? '' : id }),
    );
    const extend = button('+1 min', () => send('extend', id));
    const end = button('End', () => send('end', id));
    toggles.set(id, { pause, round: [pause, extend, end], projector });
    return [pause, extend, end, projector];
  });
  const mode = el('span', '', 'lv-mode');
  const title = el('h1', 'Live session');
  title.append(mode);
  root.replaceChildren(title, head, controls, round, after, note, tables.root);
  document.body.classList.add('lv-room');
  // The game's stylesheet keeps its page from scrolling; this page scrolls (the debrief is long).
  document.documentElement.classList.add('lv-room-page');

  room.onMessage('done', (d: { problems?: string[] }) => {
    note.textContent = d.problems?.length ? d.problems.join(' ') : '';
  });
  room.onMessage('welcome', (raw: unknown) => {
    const w = WelcomeSchema.safeParse(raw);
    showJoin(w.success ? (w.data.addresses ?? []) : []);
  });
  // A dropped socket tries a few quick reconnections (as tables do), then the page joins afresh.
  room.reconnection.minUptime = 0;
  room.reconnection.maxRetries = 5;
  room.reconnection.maxDelay = 2000;
  room.onDrop(() => (note.textContent = 'The room server does not answer: trying again\u2026'));
  room.onReconnect(() => (note.textContent = ''));
  // The server stopped (a restart, kill -9, the laptop's Wi-Fi): join the same session again when it is back.
  room.onLeave(() => {
    tables.stop();
    note.textContent = 'The room server stopped: joining again as soon as it is back\u2026';
    void rejoin(code, key, note).then((back) => {
      if (back !== 'gone') return renderFacilitator(back, key);
      note.textContent = 'This session is no longer on the room server. Reload the page to start a new one.';
      sessionStorage.removeItem(`${STORE}code`);
    });
  });
  room.onMessage('refused', (r: { reason: string }) => (note.textContent = r.reason));
  room.onStateChange((raw: unknown) => {
    const s = raw as LiveView;
    board.checked = s.leaderboard;
    projected = s.projector;
    // Another tab (or a page opened again) chose the next level: this one shows it too.
    if (s.next && s.next !== nextShown) {
      nextShown = s.next;
      if ([...levels.options].some((o) => o.value === s.next)) levels.value = s.next;
    }
    const playing = [...s.tables.values()].find((t) => t.status === 'running' || t.status === 'paused');
    playingNow = playing !== undefined;
    listEvents(playing?.levelId ?? levels.value);
    mode.textContent =
      s.seatMode === 'departments'
        ? 'How tables play: each person of a table takes one department.'
        : 'How tables play: each table plays a whole board on one device.';
    for (const [id, b] of toggles) {
      const status = s.tables.get(id)?.status ?? '';
      statusOf.set(id, status);
      b.pause.textContent = status === 'paused' ? 'Resume' : 'Pause';
      // Pause, +1 min and End only while a round is on; the next "Start all" brings them back.
      for (const r of b.round) r.hidden = status !== 'running' && status !== 'paused';
      b.projector.textContent = s.projector === id ? 'On the projector' : 'Show on projector';
    }
  });
}

/** A control with its name in words beside it (a label the page and a screen reader both show). */
function field(name: string, control: HTMLElement): HTMLElement {
  const box = el('span', '', 'lv-field');
  const label = el('label', name);
  control.id ||= `lv-${name.toLowerCase().replace(/\W+/g, '-')}`;
  label.htmlFor = control.id;
  box.append(label, control);
  return box;
}

/**
 * An address as text that breaks between its parts (before the path and before the query), never
 * inside a word: "http://192.168.1.20:5173 / live.html?code=ABC234" rather than "live.ht / ml?code".
 */
function urlText(url: string): HTMLElement {
  const span = el('span', '', 'lv-url');
  const parts = url.split(/(?=\/[^/]*$)|(?=\?)/);
  parts.forEach((p, i) => {
    if (i > 0) span.append(el('wbr'));
    span.append(el('span', p));
  });
  return span;
}

/** Asks the server for every official result; answers go to the callers in the order they asked. */
function resultsAsker(room: Room): (then: (results: unknown) => void) => void {
  const waiting: Array<(results: unknown) => void> = [];
  room.onMessage('results', (results: unknown) => waiting.shift()?.(results));
  return (then) => {
    waiting.push(then);
    room.send('results', {});
  };
}

function exportResults(code: string, kind: 'json' | 'csv', raw: unknown): void {
  const results = (Array.isArray(raw) ? raw : []) as Array<
    Record<string, unknown> & { score: { total: number } }
  >;
  let text: string;
  if (kind === 'json') text = JSON.stringify({ session: code, results }, null, 2);
  else {
    const cols = ['table', 'team', 'run', 'levelId', 'seed', 'simTime', 'hash', 'commands'];
    const q = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;
    text = [
      [...cols, 'score'].join(','),
      ...results.map((r) => [...cols.map((c) => q(r[c])), q(Math.floor(r.score.total))].join(',')),
    ].join('\n');
  }
  const a = el('a');
  a.href = URL.createObjectURL(new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/csv' }));
  a.download = `ripple-live-${code}.${kind}`;
  a.click();
}
