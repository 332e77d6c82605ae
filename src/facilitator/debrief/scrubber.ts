/**
 * The time scrubber of the debrief: a range over the round's duration that replays the sim from the
 * recorded commands and shows a compact board at that moment (each desk's staff, inbox, outbox and
 * status; customers waiting, served and lost), plus a cursor line on the debrief's time charts.
 * DOM only; the board comes from ./scrubberModel.ts.
 */
import type { Plugin } from 'chart.js';
import type { Level } from '../../level/schema';
import type { Bookmark } from '../session/session';
import type { TimedCommand } from '../../sim/types';
import { Chart, INK } from './chartKit';
import { formatClock } from './causes';
import { boardAt, clockLine, STATUS_SHAPES, STATUS_WORDS, staffLine, type BoardAt } from './scrubberModel';
import { el } from '../../ui/dom';

// ---- cursor on time charts ----

const cursors = new WeakMap<HTMLCanvasElement, number>();

/** Draws a solid vertical line at the scrubber time on charts that have one set. */
const cursorPlugin: Plugin = {
  id: 'rxScrubCursor',
  afterDatasetsDraw(chart) {
    const t = cursors.get(chart.canvas);
    const x = chart.scales.x;
    if (t === undefined || !x || x.type !== 'linear') return;
    const px = x.getPixelForValue(t);
    const { top, bottom, left, right } = chart.chartArea;
    if (px < left - 1 || px > right + 1) return;
    const g = chart.ctx;
    g.save();
    g.strokeStyle = INK;
    g.lineWidth = 5;
    g.beginPath();
    g.moveTo(px, top);
    g.lineTo(px, bottom);
    g.stroke();
    g.fillStyle = INK;
    g.beginPath();
    g.moveTo(px - 10, top);
    g.lineTo(px + 10, top);
    g.lineTo(px, top + 14);
    g.closePath();
    g.fill();
    g.restore();
  },
};
Chart.register(cursorPlugin);

/** Puts the cursor at t on every time chart under `root` (canvases with a linear x axis). */
export function setChartCursor(root: ParentNode, selector: string, t: number | null): void {
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>(selector)) {
    if (t === null) cursors.delete(canvas);
    else cursors.set(canvas, t);
    Chart.getChart(canvas)?.draw();
  }
}

// ---- the scrubber ----

export interface ScrubberInput {
  level: Level;
  seed: number;
  commandLog: readonly TimedCommand[];
  /** Length of the round in sim seconds, minutes added included (see roundEnd). */
  duration: number;
  bookmarks: readonly Bookmark[];
  /** Called after the board shows a new time. */
  onTime?(t: number): void;
  /** When set, the facilitator can mark the moment shown (with a short note) to come back to it. */
  onMark?(t: number, note: string): void;
  /** Time to show first (default: the end). */
  start?: number;
  /** The room's screen: the facilitator moves it (setTime); no buttons, the range only shows progress. */
  room?: boolean;
}

export interface ScrubberHandle {
  readonly root: HTMLElement;
  setTime(t: number): void;
  time(): number;
  destroy(): void;
}

function countBox(label: string, value: number, cls: string): HTMLElement {
  const box = el('div', `rx-count ${cls}`);
  const v = el('span', 'rx-count-value', String(value));
  box.append(v, el('span', 'rx-count-label', label));
  return box;
}

function deptCard(d: BoardAt['departments'][number]): HTMLElement {
  const card = el('article', `rx-desk rx-desk-${d.status}`);
  card.dataset.dept = d.id;
  const head = el('header', 'rx-desk-head');
  head.append(
    el('span', 'rx-desk-name', d.name),
    el('span', 'rx-desk-status', `${STATUS_SHAPES[d.status]} ${STATUS_WORDS[d.status]}`),
  );
  const staff = el('p', 'rx-desk-staff', staffLine(d));
  const queues = el('div', 'rx-desk-queues');
  const q = (label: string, n: number, cls: string) => {
    const box = el('div', `rx-q ${cls}`);
    box.append(el('span', 'rx-q-n', String(n)), el('span', 'rx-q-label', label));
    return box;
  };
  queues.append(q('in line', d.inbox, 'rx-q-in'), q('ready to send', d.outbox, 'rx-q-out'));
  if (d.pending > 0) queues.append(q('writing notes', d.pending, 'rx-q-notes'));
  card.append(head, staff, queues);
  return card;
}

export function mountScrubber(container: HTMLElement, input: ScrubberInput): ScrubberHandle {
  const root = el('section', input.room ? 'rx-scrub rx-scrub-room' : 'rx-scrub');
  root.setAttribute('aria-label', 'Replay the round');
  const top = el('div', 'rx-scrub-top');
  const clock = el('output', 'rx-scrub-clock');
  clock.dataset.testid = 'scrub-clock';
  const range = el('input', 'rx-scrub-range');
  range.type = 'range';
  range.min = '0';
  range.max = String(Math.max(1, Math.round(input.duration)));
  range.step = '1';
  range.value = String(
    Math.min(Number(range.max), Math.max(0, Math.round(input.start ?? Number(range.max)))),
  );
  range.setAttribute('aria-label', 'Time in the round');
  range.dataset.testid = 'scrubber';
  const back = el('button', 'rx-btn', '◀ 10 s');
  back.type = 'button';
  const fwd = el('button', 'rx-btn', '10 s ▶');
  fwd.type = 'button';
  if (input.room) {
    range.disabled = true;
    range.tabIndex = -1;
    top.append(clock, range);
  } else top.append(clock, back, range, fwd);

  // Bookmarks as jump buttons under the range.
  const marks = el('div', 'rx-scrub-marks');
  input.bookmarks.forEach((b, i) => {
    const text = `▼${i + 1} ${formatClock(b.t)} ${b.note}`;
    if (input.room) {
      marks.append(el('span', 'rx-scrub-mark', text));
      return;
    }
    const m = el('button', 'rx-btn rx-btn-quiet rx-scrub-mark', text);
    m.type = 'button';
    m.addEventListener('click', () => setTime(b.t));
    marks.append(m);
  });

  const counts = el('div', 'rx-scrub-counts');
  const board = el('div', 'rx-scrub-board');
  const recent = el('ol', 'rx-scrub-recent');
  recent.setAttribute('aria-label', 'Just before this moment');
  const body = el('div', 'rx-scrub-body');
  const side = el('div', 'rx-scrub-side');
  side.append(counts, el('h3', 'rx-h3', 'Just before this moment'), recent);
  body.append(board, side);
  if (input.onMark && !input.room) {
    const note = el('input', 'rx-input rx-scrub-note');
    note.type = 'text';
    note.maxLength = 200;
    note.placeholder = 'What happened here?';
    note.setAttribute('aria-label', 'Note for this moment');
    note.dataset.testid = 'mark-note';
    const mark = el('button', 'rx-btn', 'Mark this moment');
    mark.type = 'button';
    mark.dataset.testid = 'mark-moment';
    mark.addEventListener('click', () => {
      input.onMark?.(wanted, note.value);
      note.value = '';
    });
    marks.append(note, mark);
  }
  root.append(top);
  if (marks.childElementCount) root.append(marks);
  root.append(body);
  container.append(root);

  let shown = -1;
  let wanted = Number(range.value);
  let frame: number | null = null;

  function draw(t: number): void {
    let b: BoardAt;
    try {
      b = boardAt(input.level, input.seed, input.commandLog, t);
    } catch (err) {
      console.error('Replay failed', err);
      board.replaceChildren(el('p', 'rx-warn', 'This moment could not be replayed.'));
      return;
    }
    shown = t;
    clock.textContent = clockLine(b.t, Math.max(b.end, input.duration));
    counts.replaceChildren(
      countBox('waiting', b.waiting, 'rx-c-wait'),
      countBox('served', b.served, 'rx-c-served'),
      countBox('gave up', b.lost, 'rx-c-lost'),
    );
    board.replaceChildren();
    for (const d of b.departments) board.append(deptCard(d));
    recent.replaceChildren();
    for (const r of b.recent) {
      const li = el('li');
      li.append(el('span', 'rx-time', formatClock(r.t)), el('span', undefined, r.text));
      recent.append(li);
    }
    if (b.recent.length === 0) recent.append(el('li', 'rx-muted', 'Nothing has happened yet.'));
    input.onTime?.(b.t);
  }

  function schedule(): void {
    if (frame !== null) return;
    const run = () => {
      frame = null;
      if (wanted !== shown) draw(wanted);
    };
    frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(run)
        : (setTimeout(run, 16) as unknown as number);
  }

  function setTime(t: number): void {
    wanted = Math.min(Number(range.max), Math.max(0, Math.round(t)));
    range.value = String(wanted);
    schedule();
  }

  range.addEventListener('input', () => setTime(Number(range.value)));
  back.addEventListener('click', () => setTime(wanted - 10));
  fwd.addEventListener('click', () => setTime(wanted + 10));
  draw(wanted);

  return {
    root,
    setTime,
    time: () => wanted,
    destroy() {
      if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      root.remove();
    },
  };
}
