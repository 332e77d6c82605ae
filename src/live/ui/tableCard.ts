/**
 * One table in the facilitator's room view: its name, round and clock, score so far, served and gave
 * up, a line per desk drawn from the table's replica (customers in line and in the tray, how the desk
 * copes), the round so far as two short lines (waiting, gave up), who holds which seat, and the
 * controls for this table. Built once and updated in place, so a button never moves under the pointer.
 * Text only (textContent and SVG attributes), never HTML: team and desk names come from the network.
 */
import { STATUS_SHAPES, STATUS_WORDS } from '../../facilitator/debrief/scrubberModel';
import { trendPath, type TableGlance } from '../roomView';
import { clock, el, type TableView } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const TREND_W = 200;
const TREND_H = 44;
/** Desks shown on a card (the ones with most customers waiting when there are more); the rest in one line. */
const MAX_DESKS = 4;

export interface TableCard {
  root: HTMLElement;
  /** `names`: each seat's department name (a seat missing there is shown by its id). */
  update(t: TableView, glance: TableGlance | null, names?: ReadonlyMap<string, string>): void;
}

const WHO_WORDS: Record<string, string> = {
  human: 'played by the table',
  reconnecting: 'reconnecting\u2026 (its desks wait)',
  away: 'the computer (away)',
  computer: 'the computer',
};

/**
 * Who plays the table's seats, in plain words: "The board: played by the table", or by department
 * "Tier 1: played by the table · Billing, Tech Support: the computer".
 */
export function seatsWords(
  seats: ReadonlyMap<string, { who: string }>,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const groups = new Map<string, string[]>();
  for (const [seat, v] of seats) {
    const name = seat === 'board' ? 'The board' : (names.get(seat) ?? seat);
    const list = groups.get(v.who) ?? [];
    list.push(name);
    groups.set(v.who, list);
  }
  return [...groups]
    .map(([who, list]) => `${list.join(', ')}: ${WHO_WORDS[who] ?? who}`)
    .join(' \u00b7 ');
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function createTableCard(id: string, actions: HTMLElement[]): TableCard {
  const root = el('article', '', 'lv-card');
  root.dataset.table = id;
  const name = el('h2', '', 'lv-team');
  const round = el('span', '', 'lv-round');
  const head = el('header', '', 'lv-card-head');
  head.append(name, round);
  const score = el('span', '', 'lv-score');
  const served = el('span');
  const gaveUp = el('span');
  const numbers = el('p', '', 'lv-numbers');
  numbers.append(score, served, gaveUp);

  const chart = svg('svg', {
    viewBox: `0 0 ${TREND_W} ${TREND_H}`,
    preserveAspectRatio: 'none',
    class: 'lv-trend',
    role: 'img',
  });
  const waitLine = svg('polyline', { class: 'lv-trend-waiting', fill: 'none' });
  const lostLine = svg('polyline', { class: 'lv-trend-gaveup', fill: 'none' });
  chart.append(
    svg('line', {
      x1: '0',
      y1: String(TREND_H),
      x2: String(TREND_W),
      y2: String(TREND_H),
      class: 'lv-trend-axis',
    }),
    waitLine,
    lostLine,
  );
  const legend = el('p', '', 'lv-legend');
  legend.append(
    el('span', 'waiting', 'lv-key-waiting'),
    el('span', 'gave up', 'lv-key-gaveup'),
    el('span', 'in line', 'lv-key-line'),
    el('span', 'to send', 'lv-key-tray'),
  );
  const trendBox = el('div', '', 'lv-trend-box');
  trendBox.append(chart, legend);

  const desks = el('ul', '', 'lv-desks');
  desks.setAttribute('aria-label', 'Desks');
  const body = el('div', '', 'lv-card-body');
  body.append(trendBox, desks);

  const seats = el('p', '', 'lv-seats-line');
  const buttons = el('div', '', 'lv-card-actions');
  for (const a of actions) buttons.append(a);
  root.append(head, numbers, body, seats, buttons);

  const deskRows = new Map<
    string,
    { li: HTMLLIElement; name: HTMLElement; bar: HTMLElement; tray: HTMLElement; words: HTMLElement }
  >();
  const more = el('li', '', 'lv-desk-more');

  function drawDesks(g: TableGlance): void {
    const waiting = (d: TableGlance['desks'][number]) => d.inLine + d.inTray;
    const busiest = new Set(
      g.desks
        .map((d, i) => ({ d, i }))
        .sort((a, b) => waiting(b.d) - waiting(a.d) || a.i - b.i)
        .slice(0, MAX_DESKS)
        .map((x) => x.d.id),
    );
    const shown = g.desks.filter((d) => busiest.has(d.id));
    const scale = Math.max(6, g.deskMax);
    const keep = new Set(shown.map((d) => d.id));
    for (const [k, row] of deskRows) {
      if (keep.has(k)) continue;
      row.li.remove();
      deskRows.delete(k);
    }
    for (const d of shown) {
      let row = deskRows.get(d.id);
      if (!row) {
        const li = el('li', '', 'lv-desk');
        const nm = el('span', '', 'lv-desk-name');
        const track = el('span', '', 'lv-desk-track');
        const bar = el('span', '', 'lv-desk-bar');
        const tray = el('span', '', 'lv-desk-tray');
        track.append(bar, tray);
        const words = el('span', '', 'lv-desk-words');
        li.append(nm, track, words);
        row = { li, name: nm, bar, tray, words };
        deskRows.set(d.id, row);
      }
      desks.append(row.li); // keeps the level's order
      row.name.textContent = d.name;
      row.li.dataset.status = d.status;
      row.bar.style.width = `${(d.inLine / scale) * 100}%`;
      row.tray.style.width = `${(d.inTray / scale) * 100}%`;
      row.words.textContent = `${d.inLine + d.inTray} ${STATUS_SHAPES[d.status]} ${STATUS_WORDS[d.status]}`;
      row.li.title = `${d.name}: ${plural(d.inLine, 'customer')} in line, ${d.inTray} in the tray; ${d.busy} of ${plural(d.staff, 'person', 'people')} busy`;
    }
    const rest = g.desks.filter((d) => !busiest.has(d.id));
    if (rest.length > 0) {
      const n = rest.reduce((sum, d) => sum + waiting(d), 0);
      more.textContent = `and ${plural(rest.length, 'more desk')}, ${n} waiting`;
      desks.append(more);
    } else more.remove();
  }

  function drawTrend(g: TableGlance): void {
    const pts = (k: 'waiting' | 'gaveUp') =>
      trendPath(g, k, TREND_W, TREND_H)
        .map(([x, y]) => `${x},${y}`)
        .join(' ');
    waitLine.setAttribute('points', pts('waiting'));
    lostLine.setAttribute('points', pts('gaveUp'));
    const now = g.trend.at(-1);
    chart.setAttribute(
      'aria-label',
      now ? `So far: ${plural(now.waiting, 'customer')} waiting now, ${now.gaveUp} gave up` : 'No round yet',
    );
  }

  return {
    root,
    update(t, glance, names) {
      name.textContent = t.team;
      const on = t.status !== 'waiting';
      const over = t.status === 'over';
      round.textContent = !on
        ? 'no round yet'
        : over
          ? `round over at ${clock(t.simTime)}`
          : `${t.status} · ${clock(t.simTime)} of ${clock(t.end)}`;
      root.dataset.status = t.status;
      score.textContent = `${over ? 'Final score' : 'Score so far'} ${Math.floor(t.score)}`;
      served.textContent = `Served ${t.served}`;
      gaveUp.textContent = `Gave up ${t.gaveUp}`;
      const who = seatsWords(t.seats, names);
      seats.textContent = `${plural(t.devices, 'device')} · ${who || 'no seats yet'}`;
      body.hidden = glance === null;
      if (glance) {
        drawDesks(glance);
        drawTrend(glance);
      }
    },
  };
}
