/**
 * The debrief on screen: outcomes and queues over time, the ripple trace, one customer's Engagement
 * Cycle swimlane, rounds side by side, the level's questions, and bookmarks. DOM + chart.js.
 *
 * Only what `revealed` allows is built at all, so an audience window cannot show a panel or question
 * the presenter has not revealed. Text from level and session files goes in with textContent only.
 */
import '../facilitator.css';
import { el } from '../../ui/dom';
import type { Level } from '../../level/schema';
import { deptNames, formatClock, formatDuration } from './causes';
import type { Chart, Look } from './chartKit';
import { prefersReducedMotion, projectorScale } from './chartKit';
import { compareRounds, type CompareRow } from './compare';
import { outcomesChart, queuesChart, roundsChart, swimlaneChart, traceChart } from './debriefCharts';
import { handoffNotes } from './scrubberModel';
import {
  customerChoices,
  longestTray,
  outcomeSeries,
  queueSeries,
  rippleTrace,
  swimlane,
} from './debriefData';
import type { Round, RoundResult } from '../session/session';
import type { DebriefPanel, Revealed } from '../live/sync';
import { DEBRIEF_PANELS, visiblePanels, visibleQuestions } from '../live/sync';

export interface DebriefData {
  /** The round to debrief; it needs its result. */
  round: Round;
  /** The level, for department and work-type names, incident texts and the discussion questions. */
  level?: Level | null;
  /** Rounds side by side (usually comparableRounds(session, round)); defaults to this round alone. */
  compare?: readonly Round[];
  /** What the room may see; leave out in the presenter's own view to see everything. */
  revealed?: Revealed;
  /** Customer shown in the swimlane; by default the one hit hardest by handoff problems. */
  customer?: number | null;
  /** Projector: the panel that fills the screen; by default the last one revealed. */
  focus?: DebriefPanel | null;
}

export interface DebriefOptions {
  /** Larger type, one panel at a time. */
  projector: boolean;
  /** Defaults to the browser setting. */
  reducedMotion?: boolean;
  /** When set, the customer list is clickable (presenter); the audience gets a read-only list. */
  onSelectCustomer?: (ticket: number) => void;
}

export interface DebriefHandle {
  update(data: DebriefData): void;
  destroy(): void;
}

const TITLES: Record<DebriefPanel, string> = {
  outcomes: 'How the customers fared',
  queues: 'Tickets waiting at each desk',
  ripples: 'Where customers’ time went',
  journey: 'One customer’s journey',
  rounds: 'Teams side by side',
  questions: 'Let’s talk about it',
};

function chartBox(cls = ''): { box: HTMLDivElement; canvas: HTMLCanvasElement } {
  const box = el('div', `rx-chart ${cls}`.trim());
  const canvas = el('canvas');
  box.append(canvas);
  return { box, canvas };
}

/** Headings between the groups of rows side by side (the score rows come first, unheaded). */
const GROUP_HEADINGS: Record<CompareRow['group'], string> = {
  score: 'Score',
  customers: 'Customers',
  time: 'Where customers’ time went (all customers, added up)',
};

const stars = (n: number | null): string =>
  n === null ? '–' : '★'.repeat(n) + '☆'.repeat(Math.max(0, 3 - n));

function formatCell(row: CompareRow, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  switch (row.format) {
    case 'points':
      return v.toFixed(1);
    case 'stars':
      return stars(v);
    case 'count':
      return String(Math.round(v));
    case 'seconds':
      return formatDuration(v);
    case 'percent':
      return `${Math.round(v * 100)}%`;
  }
}

export function renderDebrief(
  container: HTMLElement,
  data: DebriefData,
  opts: DebriefOptions,
): DebriefHandle {
  let charts: Chart[] = [];
  const look: Look = {
    projector: opts.projector,
    reducedMotion: opts.reducedMotion ?? prefersReducedMotion(),
  };
  let last = data;
  // The room's window: chart type shrinks with the window like the rest of the page (see the CSS).
  let resizeTimer: number | null = null;
  const onResize = () => {
    if (resizeTimer !== null) window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      resizeTimer = null;
      const k = projectorScale(window.innerWidth, window.innerHeight);
      if (k !== look.scale) {
        look.scale = k;
        draw(last);
      }
    }, 150);
  };
  if (look.projector) {
    look.scale = projectorScale(window.innerWidth, window.innerHeight);
    window.addEventListener('resize', onResize);
  }

  function clear(): void {
    for (const c of charts) c.destroy();
    charts = [];
    container.replaceChildren();
  }

  function draw(d: DebriefData): void {
    last = d;
    clear();
    const root = el('section', `rx-debrief${look.projector ? ' rx-projector' : ''}`);
    root.setAttribute('aria-label', 'Debrief');
    container.append(root);
    const result = d.round.result;
    if (!result) {
      root.append(
        el('p', 'rx-empty', 'This round has no result yet. Play it to the end to see the debrief.'),
      );
      return;
    }
    const panels = d.revealed ? visiblePanels(d.revealed) : [...DEBRIEF_PANELS];
    root.append(header(d, result));
    if (panels.length === 0) {
      root.append(el('p', 'rx-empty', 'The debrief will appear here.'));
      return;
    }
    const focus = d.focus ?? d.revealed?.focus ?? null;
    const shown = look.projector
      ? [focus && panels.includes(focus) ? focus : panels[panels.length - 1]!]
      : panels;
    const grid = el('div', look.projector ? 'rx-panels rx-one' : 'rx-panels');
    root.append(grid);
    const jobs: Array<() => void> = [];
    for (const p of shown) {
      const panel = el('article', `rx-panel rx-panel-${p}`);
      panel.append(el('h2', 'rx-panel-title', TITLES[p]));
      grid.append(panel);
      jobs.push(fillPanel(p, panel, d, result));
    }
    // Charts measure their boxes, so they are made once everything is in the document.
    for (const job of jobs) job();
  }

  function header(d: DebriefData, result: RoundResult): HTMLElement {
    const h = el('header', 'rx-debrief-head');
    h.append(el('h1', 'rx-debrief-title', `${d.round.levelTitle} — ${d.round.team}`));
    const score = el('p', 'rx-debrief-score');
    score.append(
      el('span', 'rx-score-total', `Score ${Math.floor(result.score.total)}`),
      el('span', 'rx-score-stars', stars(result.score.stars)),
      el('span', 'rx-score-seed', `seed ${d.round.seed}`),
    );
    h.append(score);
    return h;
  }

  function fillPanel(p: DebriefPanel, panel: HTMLElement, d: DebriefData, result: RoundResult): () => void {
    const names = deptNames(result.departments, d.level);
    const marks = d.round.bookmarks.map((b) => b.t);
    switch (p) {
      case 'outcomes': {
        const { box, canvas } = chartBox();
        const c = result.metrics.customers;
        panel.append(
          box,
          el(
            'p',
            'rx-caption',
            outcomeWords(c, result.timeline.at(-1)),
          ),
        );
        panel.append(bookmarkList(d.round));
        return () => charts.push(outcomesChart(canvas, outcomeSeries(result), marks, look));
      }
      case 'queues': {
        const { box, canvas } = chartBox();
        panel.append(box);
        const worst = Object.entries(result.metrics.departments).sort(
          (a, b) => b[1].meanQueueWait - a[1].meanQueueWait,
        )[0];
        const words: string[] = [];
        if (worst)
          words.push(
            `Longest average wait in a line: ${names.get(worst[0]) ?? worst[0]}, ${formatDuration(worst[1].meanQueueWait)}.`,
          );
        const tray = longestTray(result);
        if (tray)
          words.push(
            `Customers spent ${formatDuration(tray.seconds)} in all in ${names.get(tray.dept) ?? tray.dept}'s "Ready to send" tray.`,
          );
        if (words.length) panel.append(el('p', 'rx-caption', words.join(' ')));
        if (!result.timeline.some((s) => s.trays))
          panel.append(
            el(
              'p',
              'rx-note',
              'This round was saved before trays were counted: only the lines at each desk are shown.',
            ),
          );
        return () => charts.push(queuesChart(canvas, queueSeries(result, names), marks, look));
      }
      case 'ripples': {
        const trace = rippleTrace(result, names, d.level);
        const { box, canvas } = chartBox('rx-chart-tall');
        const rows = look.projector ? 6 : 7;
        box.style.setProperty('--rx-rows', String(Math.min(rows, trace.rows.length)));
        panel.append(box);
        const list = el('ul', 'rx-sentences');
        for (const s of trace.sentences.slice(0, look.projector ? 2 : 3)) list.append(el('li', undefined, s));
        if (list.childElementCount) panel.append(list);
        const share = trace.total > 0 ? Math.round((trace.workSeconds / trace.total) * 100) : 0;
        panel.append(
          el(
            'p',
            'rx-caption',
            `The work itself was ${share}% of customer time (${formatDuration(trace.workSeconds)}); the rest is above.`,
          ),
        );
        if (!trace.exact)
          panel.append(
            el('p', 'rx-note', 'Split by outcome estimated from the customers kept with this round.'),
          );
        return () => charts.push(traceChart(canvas, trace, look, rows));
      }
      case 'journey':
        return journeyPanel(panel, d, result);
      case 'rounds':
        return roundsPanel(panel, d);
      case 'questions': {
        const all = d.level?.texts.debriefQuestions ?? [];
        const qs = d.revealed ? visibleQuestions(all, d.revealed) : all;
        if (all.length === 0) panel.append(el('p', 'rx-empty', 'This level has no discussion questions.'));
        else if (qs.length === 0)
          panel.append(el('p', 'rx-empty', 'The questions will appear here one at a time.'));
        const ol = el('ol', 'rx-questions');
        for (const q of qs) ol.append(el('li', undefined, q));
        panel.append(ol);
        return () => undefined;
      }
    }
  }

  function bookmarkList(round: Round): HTMLElement {
    const wrap = el('div', 'rx-bookmarks');
    if (round.bookmarks.length === 0) return wrap;
    wrap.append(el('h3', undefined, 'Moments marked during play'));
    const ol = el('ol');
    round.bookmarks.forEach((b, i) => {
      const li = el('li');
      li.append(
        el('span', 'rx-mark', `▼${i + 1}`),
        el('span', 'rx-time', formatClock(b.t)),
        el('span', undefined, b.note),
      );
      ol.append(li);
    });
    wrap.append(ol);
    return wrap;
  }

  function journeyPanel(panel: HTMLElement, d: DebriefData, result: RoundResult): () => void {
    const names = deptNames(result.departments, d.level);
    const choices = customerChoices(result, d.level);
    if (choices.length === 0) {
      panel.append(
        el('p', 'rx-empty', 'No customer finished in this round, so there is no journey to show.'),
      );
      return () => undefined;
    }
    const hardest = [...choices].sort(
      (a, b) => b.rippleSeconds - a.rippleSeconds || b.totalSeconds - a.totalSeconds,
    )[0]!;
    const chosen = d.customer ?? hardest.ticket;
    const journey =
      result.journeys.find((j) => j.ticket === chosen) ??
      result.journeys.find((j) => j.ticket === hardest.ticket)!;
    const wt = d.level?.workTypes.find((w) => w.id === journey.workType)?.name;
    const notes = d.level
      ? handoffNotes(d.level, d.round.seed, result.commandLog).get(journey.ticket)
      : undefined;
    const sl = swimlane(journey, names, d.level, wt, notes);
    const body = el('div', 'rx-journey');
    const list = el('ol', 'rx-customers');
    list.setAttribute('aria-label', 'Customers, longest time first');
    const max = look.projector ? 4 : 14;
    const around = Math.max(0, choices.findIndex((c) => c.ticket === journey.ticket) - Math.floor(max / 2));
    for (const c of choices.slice(around, around + max)) {
      const li = el('li');
      const selected = c.ticket === journey.ticket;
      if (opts.onSelectCustomer) {
        const b = el('button', selected ? 'rx-customer rx-selected' : 'rx-customer', c.label);
        b.type = 'button';
        b.setAttribute('aria-pressed', String(selected));
        b.addEventListener('click', () => opts.onSelectCustomer?.(c.ticket));
        li.append(b);
      } else li.append(el('span', selected ? 'rx-customer rx-selected' : 'rx-customer', c.label));
      (li.firstElementChild as HTMLElement).dataset.ticket = String(c.ticket);
      list.append(li);
    }
    const right = el('div', 'rx-journey-main');
    right.append(el('h3', 'rx-journey-title', sl.title));
    const { box, canvas } = chartBox('rx-chart-lanes');
    box.style.setProperty('--rx-rows', String(sl.lanes.length));
    right.append(box, el('p', 'rx-caption', sl.summary));
    body.append(list, right);
    panel.append(body);
    return () => charts.push(swimlaneChart(canvas, sl, look));
  }

  function roundsPanel(panel: HTMLElement, d: DebriefData): () => void {
    const rounds = (d.compare && d.compare.length > 0 ? d.compare : [d.round]).filter((r) => r.result);
    const cmp = compareRounds(rounds);
    if (!cmp.sameSetup)
      panel.append(el('p', 'rx-note', 'These rounds used different levels or seeds, so compare with care.'));
    const table = el('table', 'rx-compare');
    const head = el('tr');
    head.append(el('th', undefined, ''));
    for (const r of cmp.rounds) head.append(el('th', undefined, r.team));
    table.append(el('thead'), el('tbody'));
    table.tHead?.append(head);
    const keep = look.projector
      ? ['total', 'stars', 'resolved', 'abandoned', 'meanTime', 'time:rework', 'time:bounced']
      : null;
    let group: string | null = null;
    for (const row of cmp.rows) {
      if (keep && !keep.includes(row.key)) continue;
      const heading = row.key.startsWith('part:') ? 'Points towards the score' : GROUP_HEADINGS[row.group];
      if (heading !== group && (group !== null || row.group !== 'score')) {
        const gr = el('tr', 'rx-compare-group');
        const th = el('th', undefined, heading);
        th.colSpan = cmp.rounds.length + 1;
        gr.append(th);
        table.tBodies[0]?.append(gr);
      }
      group = heading;
      const tr = el('tr');
      tr.append(el('th', undefined, row.label));
      row.values.forEach((v, i) => {
        const best = row.best.includes(i);
        const td = el('td', best ? 'rx-best' : undefined, `${best ? '◆ ' : ''}${formatCell(row, v)}`);
        const note = row.notes[i];
        if (note) td.append(el('span', 'rx-cell-note', note));
        tr.append(td);
      });
      table.tBodies[0]?.append(tr);
    }
    // Beside the table for a few rounds; under it for more (six tables of a live session), so neither overlaps.
    const wrap = el('div', cmp.rounds.length > 3 ? 'rx-rounds rx-rounds-many' : 'rx-rounds');
    const { box, canvas } = chartBox();
    wrap.append(table, box);
    panel.append(
      wrap,
      el(
        'p',
        'rx-note',
        '◆ marks the best outcome for customers. Times count only the customers who were helped.',
      ),
    );
    return () => charts.push(roundsChart(canvas, cmp, look));
  }

  draw(data);
  return {
    update: (next) => draw(next),
    destroy: () => {
      window.removeEventListener('resize', onResize);
      if (resizeTimer !== null) window.clearTimeout(resizeTimer);
      clear();
    },
  };
}

/**
 * The sentence under "How the customers fared", in the chart's own figures at its last point (the end):
 * "2 helped, 0 gave up, 10 still waiting at the end (of 12): 7 waiting for a person, 3 being helped."
 */
export function outcomeWords(
  c: { resolved: number; abandoned: number; inSystem: number; arrived: number },
  end: { waiting: number } | undefined,
): string {
  const words = `${c.resolved} helped, ${c.abandoned} gave up, ${c.inSystem} still waiting at the end (of ${c.arrived})`;
  if (!end || c.inSystem <= 0 || end.waiting >= c.inSystem) return `${words}.`;
  return `${words}: ${end.waiting} waiting for a person, ${c.inSystem - end.waiting} being helped.`;
}
