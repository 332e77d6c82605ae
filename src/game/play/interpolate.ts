/** Motion helpers for drawing sim state smoothly. Phaser-free; views never own truth. */
export interface Pt {
  x: number;
  y: number;
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function easeInOut(t: number): number {
  const u = clamp01(t);
  return u < 0.5 ? 2 * u * u : 1 - (-2 * u + 2) ** 2 / 2;
}

/** Progress 0..1 of a transit at time now. Zero-length transits count as arrived. */
export function transitProgress(departAt: number, arriveAt: number, now: number): number {
  const span = arriveAt - departAt;
  if (!(span > 0)) return 1;
  return clamp01((now - departAt) / span);
}

/**
 * Position along a gentle arc from a to b (so two-way traffic between the same departments does not
 * overlap: the bulge is to the left of the direction of travel).
 */
export function arcPoint(a: Pt, b: Pt, t: number, bulge = 0.12): Pt {
  const e = easeInOut(t);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lift = Math.sin(Math.PI * e) * bulge;
  return { x: a.x + dx * e + dy * lift, y: a.y + dy * e - dx * lift };
}

/** Frame-rate independent exponential approach of cur towards target. rate: 1/s. */
export function approach(cur: number, target: number, dtSeconds: number, rate = 12): number {
  const k = 1 - Math.exp(-rate * Math.max(0, dtSeconds));
  const next = cur + (target - cur) * k;
  return Math.abs(target - next) < 0.25 ? target : next;
}

/** Clamp one frame of real time so a background tab does not jump ahead. */
export function frameSeconds(deltaMs: number, maxSeconds = 0.1): number {
  if (!Number.isFinite(deltaMs) || deltaMs <= 0) return 0;
  return Math.min(deltaMs / 1000, maxSeconds);
}

/** Point at distance fraction f (0..1) along a polyline. */
export function alongPath(points: readonly Pt[], f: number): Pt {
  if (points.length === 0) return { x: 0, y: 0 };
  if (points.length === 1) return { ...points[0]! };
  const lens: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const l = Math.hypot(b.x - a.x, b.y - a.y);
    lens.push(l);
    total += l;
  }
  if (total === 0) return { ...points[0]! };
  let d = clamp01(f) * total;
  for (let i = 0; i < lens.length; i++) {
    const l = lens[i]!;
    if (d <= l || i === lens.length - 1) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const t = l > 0 ? clamp01(d / l) : 1;
      return { x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t) };
    }
    d -= l;
  }
  return { ...points[points.length - 1]! };
}
