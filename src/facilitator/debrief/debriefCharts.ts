/**
 * The debrief's charts, one function each: they take a canvas and derived data (./debriefData.ts,
 * ./compare.ts) and return the chart.js instance. DOM only.
 */
import type { ChartDataset } from 'chart.js';
import { formatClock, formatDuration, type CauseKind } from './causes';
import type { Look } from './chartKit';
import {
  baseOptions,
  bookmarkLines,
  Chart,
  countAxis,
  DASHES,
  fontSizes,
  GRID,
  HATCHES,
  INK,
  LINE_COLOURS,
  OKABE_ITO,
  patternFill,
  POINT_STYLES,
  timeAxis,
  wordsOnBars,
  type Hatch,
} from './chartKit';
import type { RoundComparison } from './compare';
import type { RippleTrace, Swimlane, TimeSeries } from './debriefData';

const OUTCOME_LOOK: Record<string, { colour: string; hatch: Hatch; dash: number[]; point: (typeof POINT_STYLES)[number] }> = {
  resolved: { colour: OKABE_ITO.green, hatch: 'none', dash: [], point: 'circle' },
  waiting: { colour: OKABE_ITO.orange, hatch: 'dots', dash: [14, 6], point: 'rect' },
  abandoned: { colour: OKABE_ITO.vermillion, hatch: 'diagonal', dash: [4, 5], point: 'triangle' },
};

/** Customers resolved, waiting and gone over time, stacked, with bookmark lines. */
export function outcomesChart(canvas: HTMLCanvasElement, data: TimeSeries, bookmarks: number[], look: Look): Chart {
  const f = fontSizes(look);
  const datasets: ChartDataset<'line', Array<{ x: number; y: number }>>[] = data.series.map((s, i) => {
    const l = OUTCOME_LOOK[s.key] ?? OUTCOME_LOOK.resolved!;
    return {
      label: s.label,
      data: s.values.map((y, i) => ({ x: data.t[i] ?? 0, y })),
      borderColor: l.colour,
      backgroundColor: patternFill(`${l.colour}99`, l.hatch),
      borderDash: l.dash,
      borderWidth: 4,
      pointStyle: l.point,
      pointRadius: 0,
      // Stacked: each band fills down to the one below it.
      fill: i === 0 ? 'origin' : '-1',
    };
  });
  return new Chart(canvas, {
    type: 'line',
    data: { datasets },
    plugins: [bookmarkLines],
    options: {
      ...(baseOptions(look) as object),
            scales: { x: timeAxis(look, data.t), y: countAxis(look, 'Customers', true) },
      plugins: {
        ...baseOptions(look).plugins,
        bookmarkLines: { times: bookmarks, size: f.tick },
      },
    },
  });
}

/** Queue length at every desk over time: one line each, with its own dash and marker. */
export function queuesChart(canvas: HTMLCanvasElement, data: TimeSeries, bookmarks: number[], look: Look): Chart {
  const f = fontSizes(look);
  const every = Math.max(1, Math.round(data.t.length / 12));
  const datasets: ChartDataset<'line', Array<{ x: number; y: number }>>[] = data.series.map((s, i) => ({
    label: s.label,
    data: s.values.map((y, k) => ({ x: data.t[k] ?? 0, y })),
    borderColor: LINE_COLOURS[i % LINE_COLOURS.length],
    backgroundColor: LINE_COLOURS[i % LINE_COLOURS.length],
    borderDash: DASHES[i % DASHES.length],
    borderWidth: 4,
    pointStyle: POINT_STYLES[i % POINT_STYLES.length],
    pointRadius: (ctx) => (ctx.dataIndex % every === 0 ? (look.projector ? 9 : 7) : 0),
    tension: 0,
  }));
  return new Chart(canvas, {
    type: 'line',
    data: { datasets },
    plugins: [bookmarkLines],
    options: {
      ...(baseOptions(look) as object),
            scales: { x: timeAxis(look, data.t), y: countAxis(look, 'Tickets waiting (line + tray)') },
      plugins: { ...baseOptions(look).plugins, bookmarkLines: { times: bookmarks, size: f.tick } },
    },
  });
}

/** Time by cause, largest first, each bar split by how those customers' stories ended. */
export function traceChart(canvas: HTMLCanvasElement, trace: RippleTrace, look: Look, maxRows = 7): Chart {
  const rows = trace.rows.slice(0, maxRows);
  const f = fontSizes(look);
  const parts: Array<{ key: 'resolved' | 'abandoned' | 'waiting'; label: string }> = [
    { key: 'resolved', label: 'Customers later helped' },
    { key: 'abandoned', label: 'Customers who gave up' },
    { key: 'waiting', label: 'Still waiting at the end' },
  ];
  const minutes = (s: number) => Math.round((s / 60) * 10) / 10;
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: parts.map((p) => {
        const l = OUTCOME_LOOK[p.key]!;
        return {
          label: p.label,
          data: rows.map((r) => minutes(r.byOutcome[p.key])),
          backgroundColor: patternFill(l.colour, l.hatch),
          borderColor: INK,
          borderWidth: 1.5,
          pointStyle: 'rect',
        };
      }),
    },
    options: {
      ...(baseOptions(look) as object),
      indexAxis: 'y',
      scales: {
        x: { ...countAxis(look, 'Minutes of customer time', true), ticks: { color: INK, font: { size: f.tick } } },
        y: { stacked: true, ticks: { color: INK, font: { size: f.tick }, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        ...baseOptions(look).plugins,
        tooltip: {
          callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatDuration(Number(ctx.raw) * 60)}` },
        },
      },
    },
  });
}

export const BLOCK_LOOK: Record<CauseKind | 'customer', { colour: string; hatch: Hatch; legend: string }> = {
  customer: { colour: '#DDDDDD', hatch: 'none', legend: 'the customer' },
  work: { colour: OKABE_ITO.green, hatch: 'none', legend: 'working' },
  queue: { colour: OKABE_ITO.orange, hatch: 'diagonal', legend: 'waiting in a queue' },
  outbox: { colour: OKABE_ITO.yellow, hatch: 'dots', legend: 'waiting to be routed' },
  notes: { colour: OKABE_ITO.sky, hatch: 'horizontal', legend: 'writing notes' },
  transit: { colour: '#BBBBBB', hatch: 'vertical', legend: 'in transit' },
  rework: { colour: OKABE_ITO.vermillion, hatch: 'cross', legend: 'rework' },
  clarify: { colour: OKABE_ITO.purple, hatch: 'back', legend: 'bounced back' },
  misroute: { colour: OKABE_ITO.purple, hatch: 'back', legend: 'bounced (wrong desk)' },
  event: { colour: '#777777', hatch: 'cross', legend: 'held up by an incident' },
  other: { colour: '#BBBBBB', hatch: 'none', legend: 'other' },
};

/** Writing notes, told by the care the sender chose (block words from debriefData's swimlane). */
const NOTES_LOOK: Record<string, { colour: string; hatch: Hatch; legend: string }> = {
  'quick notes': { colour: '#A6DBF7', hatch: 'dots', legend: 'writing quick notes' },
  'thorough notes': { colour: OKABE_ITO.sky, hatch: 'horizontal', legend: 'writing thorough notes' },
};

/** One customer's Engagement Cycle: lanes for the customer and each desk, blocks labelled in words. */
export function swimlaneChart(canvas: HTMLCanvasElement, sl: Swimlane, look: Look): Chart {
  const f = fontSizes(look);
  // Notes written quick and thorough are told apart in the legend too (the words on a short block may not show).
  const groupOf = (b: Swimlane['blocks'][number]): string => (b.kind === 'notes' && b.words in NOTES_LOOK ? b.words : b.kind);
  const groups = [...new Set(sl.blocks.map(groupOf))];
  type Point = { x: [number, number]; y: string; words: string; detail: string };
  const datasets: ChartDataset<'bar', Point[]>[] = groups.map((group) => {
    const l = NOTES_LOOK[group] ?? BLOCK_LOOK[group as CauseKind | 'customer'];
    return {
      label: l.legend,
      data: sl.blocks
        .filter((b) => groupOf(b) === group)
        .map((b) => ({ x: [b.from, b.to] as [number, number], y: sl.lanes[b.lane] ?? '', words: b.words, detail: b.detail })),
      backgroundColor: patternFill(l.colour, l.hatch, 'rgba(0,0,0,0.35)'),
      borderColor: INK,
      borderWidth: 2,
      borderSkipped: false,
      grouped: false,
      barPercentage: 0.8,
      categoryPercentage: 1,
      pointStyle: 'rect',
    };
  });
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: sl.lanes, datasets },
    plugins: [wordsOnBars],
    options: {
      ...(baseOptions(look) as object),
      indexAxis: 'y',
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      scales: {
        x: timeAxis(look, [sl.start, sl.end], true),
        y: { type: 'category', ticks: { color: INK, font: { size: f.tick, weight: 'bold' } }, grid: { color: GRID } },
      },
      plugins: {
        ...baseOptions(look).plugins,
        wordsOnBars: { size: f.bar },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const p = ctx.raw as Point;
              return `${p.detail} (${formatClock(p.x[0])}–${formatClock(p.x[1])})`;
            },
          },
        },
      },
    },
  });
  return chart as unknown as Chart;
}

/** Points by score part (the total is in the table), one group per part, one bar per team. */
export function roundsChart(canvas: HTMLCanvasElement, cmp: RoundComparison, look: Look): Chart {
  const f = fontSizes(look);
  const rows = cmp.rows.filter((r) => r.key.startsWith('part:'));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: cmp.rounds.map((r, i) => ({
        label: r.team,
        data: rows.map((row) => row.values[i] ?? null),
        backgroundColor: patternFill(LINE_COLOURS[i % LINE_COLOURS.length]!, HATCHES[i % HATCHES.length]!, 'rgba(255,255,255,0.6)'),
        borderColor: INK,
        borderWidth: 1.5,
        pointStyle: 'rect',
      })),
    },
    options: {
      ...(baseOptions(look) as object),
      indexAxis: 'y',
      scales: {
        x: countAxis(look, 'Points towards the score'),
        y: { ticks: { color: INK, font: { size: f.tick }, autoSkip: false }, grid: { display: false } },
      },
      plugins: { ...baseOptions(look).plugins },
    },
  });
}
