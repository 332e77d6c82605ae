import { describe, expect, it } from 'vitest';
import { alongPath, approach, arcPoint, easeInOut, frameSeconds, transitProgress } from './interpolate';

describe('interpolation', () => {
  it('transit progress follows the sim clock and clamps', () => {
    expect(transitProgress(10, 20, 5)).toBe(0);
    expect(transitProgress(10, 20, 15)).toBeCloseTo(0.5);
    expect(transitProgress(10, 20, 25)).toBe(1);
    expect(transitProgress(10, 10, 10)).toBe(1);
  });
  it('arc starts and ends at the endpoints', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 50 };
    expect(arcPoint(a, b, 0)).toEqual({ x: 0, y: 0 });
    const end = arcPoint(a, b, 1);
    expect(end.x).toBeCloseTo(100);
    expect(end.y).toBeCloseTo(50);
  });
  it('easing is monotonic from 0 to 1', () => {
    let prev = -1;
    for (let t = 0; t <= 1; t += 0.05) {
      const e = easeInOut(t);
      expect(e).toBeGreaterThanOrEqual(prev);
      prev = e;
    }
    expect(easeInOut(1)).toBe(1);
  });
  it('approach converges and snaps when close', () => {
    let x = 0;
    for (let i = 0; i < 60; i++) x = approach(x, 100, 1 / 60);
    expect(x).toBe(100);
    expect(approach(0, 100, 0)).toBe(0);
  });
  it('clamps a frame of real time', () => {
    expect(frameSeconds(16)).toBeCloseTo(0.016);
    expect(frameSeconds(5000)).toBe(0.1);
    expect(frameSeconds(-3)).toBe(0);
    expect(frameSeconds(Number.NaN)).toBe(0);
  });
  it('walks along a polyline by distance', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
    ];
    expect(alongPath(path, 0.5)).toEqual({ x: 100, y: 0 });
    expect(alongPath(path, 0.75)).toEqual({ x: 100, y: 50 });
    expect(alongPath(path, 1)).toEqual({ x: 100, y: 100 });
  });
});
