/**
 * chart.js set up for the debrief: only the parts we use are registered (tree-shaken), a colour-blind
 * safe palette (Okabe-Ito) with a hatch pattern per series so colour is never the only cue, type sizes
 * readable from the back of a room, and two small plugins (bookmark lines, words on bars). DOM only.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
  type ChartType,
  type Plugin,
} from 'chart.js';
import { formatClock } from './causes';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export { Chart };

/** Okabe-Ito, in an order where neighbours differ in lightness too. Yellow only as a fill. */
export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

export const LINE_COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.vermillion, OKABE_ITO.purple, OKABE_ITO.sky, OKABE_ITO.black];
export const DASHES: number[][] = [[], [14, 6], [4, 5], [14, 5, 4, 5], [22, 8], [2, 4], [8, 8]];
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'cross'] as const;

export type Hatch = 'none' | 'diagonal' | 'back' | 'cross' | 'dots' | 'horizontal' | 'vertical';
export const HATCHES: Hatch[] = ['none', 'diagonal', 'dots', 'back', 'cross', 'horizontal', 'vertical'];

/** A fill with a pattern drawn over the colour, so series differ without colour. */
export function patternFill(colour: string, hatch: Hatch, ink = 'rgba(0,0,0,0.55)'): CanvasPattern | string {
  if (hatch === 'none' || typeof document === 'undefined') return colour;
  const size = 14;
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  if (!g) return colour;
  g.fillStyle = colour;
  g.fillRect(0, 0, size, size);
  g.strokeStyle = ink;
  g.fillStyle = ink;
  g.lineWidth = 2;
  g.beginPath();
  if (hatch === 'diagonal' || hatch === 'cross') {
    g.moveTo(0, size);
    g.lineTo(size, 0);
    g.moveTo(-size / 2, size / 2);
    g.lineTo(size / 2, -size / 2);
    g.moveTo(size / 2, size * 1.5);
    g.lineTo(size * 1.5, size / 2);
  }
  if (hatch === 'back' || hatch === 'cross') {
    g.moveTo(0, 0);
    g.lineTo(size, size);
    g.moveTo(-size / 2, size / 2);
    g.lineTo(size / 2, size * 1.5);
    g.moveTo(size / 2, -size / 2);
    g.lineTo(size * 1.5, size / 2);
  }
  if (hatch === 'horizontal') {
    g.moveTo(0, size / 2);
    g.lineTo(size, size / 2);
  }
  if (hatch === 'vertical') {
    g.moveTo(size / 2, 0);
    g.lineTo(size / 2, size);
  }
  g.stroke();
  if (hatch === 'dots') {
    g.beginPath();
    g.arc(size / 2, size / 2, 2.4, 0, Math.PI * 2);
    g.fill();
  }
  return g.createPattern(c, 'repeat') ?? colour;
}

export interface Look {
  projector: boolean;
  reducedMotion: boolean;
  /** Type size factor: the projector's sizes are for 1920x1080 and shrink with a smaller window. */
  scale?: number;
}

export function fontSizes(look: Look) {
  const k = look.scale ?? 1;
  const base = look.projector ? { tick: 28, legend: 28, title: 30, bar: 26 } : { tick: 22, legend: 22, title: 24, bar: 20 };
  return { tick: Math.round(base.tick * k), legend: Math.round(base.legend * k), title: Math.round(base.title * k), bar: Math.round(base.bar * k) };
}

/** The projector's type factor for a window of this size (1 at 1920x1080 and above, never below 0.5). */
export function projectorScale(width: number, height: number): number {
  return Math.max(0.5, Math.min(1, width / 1920, height / 1080));
}

export const INK = '#111111';
export const GRID = 'rgba(0,0,0,0.16)';

/** Options every debrief chart shares. */
export function baseOptions(look: Look): ChartOptions<'line' | 'bar'> {
  const f = fontSizes(look);
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: look.reducedMotion ? false : { duration: 400 },
    color: INK,
    font: { size: f.tick, family: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif' },
    plugins: {
      legend: {
        position: 'top',
        align: 'start',
        labels: { color: INK, font: { size: f.legend }, usePointStyle: true, boxWidth: 36, boxHeight: 22, padding: 18 },
      },
      tooltip: { titleFont: { size: f.tick }, bodyFont: { size: f.tick }, padding: 12 },
    },
  };
}

const STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** A linear time axis in min:s with round steps (30 s, 1 min, 5 min...), at most about 8 ticks. */
export function timeAxis(look: Look, times: readonly number[], snug = false) {
  const f = fontSizes(look);
  // A loop, not Math.min(...times): a long round has hundreds of thousands of samples.
  const lo = times.length ? times.reduce((a, b) => Math.min(a, b), Infinity) : 0;
  const hi = times.length ? times.reduce((a, b) => Math.max(a, b), -Infinity) : 60;
  const step = STEPS.find((s) => (hi - lo) / s <= 8) ?? 3600;
  const min = snug ? Math.floor(lo / step) * step : Math.min(0, lo);
  const max = Math.ceil(hi / step) * step;
  return {
    type: 'linear' as const,
    min,
    max,
    ticks: { color: INK, font: { size: f.tick }, stepSize: step, callback: (v: number | string) => formatClock(Number(v)) },
    grid: { color: GRID },
    title: { display: true, text: 'Time in the level (min:s)', color: INK, font: { size: f.tick } },
  };
}

export function countAxis(look: Look, title: string, stacked = false) {
  const f = fontSizes(look);
  return {
    type: 'linear' as const,
    beginAtZero: true,
    stacked,
    ticks: { color: INK, font: { size: f.tick }, precision: 0 },
    grid: { color: GRID },
    title: { display: true, text: title, color: INK, font: { size: f.tick } },
  };
}

/**
 * A gap under every legend as tall as half a tick label: the top tick's label (drawn centred on the
 * plot's top edge) and the legend's markers never touch.
 */
export const legendGap: Plugin<'line' | 'bar'> = {
  id: 'rxLegendGap',
  beforeInit(chart) {
    const legend = chart.legend as unknown as { fit?: () => void; height: number; options?: { display?: boolean } } | undefined;
    if (!legend?.fit) return;
    const fit = legend.fit.bind(legend);
    legend.fit = () => {
      fit();
      if (legend.options?.display === false || legend.height <= 0) return;
      const size = Number((chart.options.font as { size?: number } | undefined)?.size) || 20;
      legend.height += Math.ceil(size * 0.6) + 6;
    };
  },
};
Chart.register(legendGap);

/** Dashed vertical lines with numbers at bookmark times on a time chart. Options: { times: number[] }. */
export const bookmarkLines: Plugin<'line' | 'bar', { times?: number[]; size?: number }> = {
  id: 'bookmarkLines',
  beforeInit(chart, _args, opts) {
    // Room under the legend for the bookmark numbers above the plot.
    const legend = chart.legend as unknown as { fit?: () => void; height: number } | undefined;
    if (!legend?.fit || !(opts.times ?? []).length) return;
    const fit = legend.fit.bind(legend);
    legend.fit = () => {
      fit();
      legend.height += (opts.size ?? 20) + 10;
    };
  },
  afterDatasetsDraw(chart, _args, opts) {
    const times = opts.times ?? [];
    const x = chart.scales.x;
    if (!x || times.length === 0) return;
    const { top, bottom } = chart.chartArea;
    const g = chart.ctx;
    g.save();
    g.strokeStyle = INK;
    g.fillStyle = INK;
    g.lineWidth = 2;
    g.setLineDash([6, 6]);
    g.font = `bold ${opts.size ?? 20}px system-ui, sans-serif`;
    g.textAlign = 'center';
    times.forEach((t, i) => {
      const px = x.getPixelForValue(t);
      g.beginPath();
      g.moveTo(px, top);
      g.lineTo(px, bottom);
      g.stroke();
      g.fillText(`▼${i + 1}`, px, top - 6);
    });
    g.restore();
  },
};

/** Writes each bar's `words` (from the data point) on the bar when it fits. Options: { size, key }. */
export const wordsOnBars: Plugin<'bar', { size?: number }> = {
  id: 'wordsOnBars',
  afterDatasetsDraw(chart, _args, opts) {
    const g = chart.ctx;
    g.save();
    g.font = `600 ${opts.size ?? 18}px system-ui, sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    chart.data.datasets.forEach((ds, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.hidden) return;
      const light = (ds as { wordsInk?: string }).wordsInk ?? INK;
      meta.data.forEach((bar, i) => {
        const raw = ds.data[i] as { words?: string } | undefined;
        const words = raw?.words;
        if (!words) return;
        const { x, y, base, height } = bar as unknown as { x: number; y: number; base: number; height: number };
        const width = Math.abs(x - base);
        if (height < (opts.size ?? 18) + 4) return;
        // Whole words or nothing: "writing notes", else "notes"... never a cut word such as "wo…".
        const fits = (t: string) => g.measureText(t).width <= width - 10;
        const parts = words.split(/,\s*|\s+/);
        let text = words;
        while (!fits(text) && parts.length > 1) {
          parts.pop();
          text = parts.join(' ');
        }
        if (!fits(text)) return;
        const cx = (x + base) / 2;
        g.fillStyle = 'rgba(255,255,255,0.88)';
        const w = g.measureText(text).width + 10;
        g.fillRect(cx - w / 2, y - (opts.size ?? 18) * 0.7, w, (opts.size ?? 18) * 1.4);
        g.fillStyle = light;
        g.fillText(text, cx, y);
      });
    });
    g.restore();
  },
};

export function prefersReducedMotion(): boolean {
  try {
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  } catch {
    return false;
  }
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    bookmarkLines?: { times?: number[]; size?: number; _type?: TType };
    wordsOnBars?: { size?: number };
  }
}
