import { describe, expect, it } from 'vitest';
import { drawAtWholePixels } from './wholePixels';

/** A 2D context that records where each drawImage would land on the canvas (translation + offset). */
function fakeContext() {
  let m = [1, 0, 0, 1, 0, 0];
  const saved: number[][] = [];
  const draws: Array<{ x: number; y: number; args: number }> = [];
  const ctx = {
    setTransform(a: number, b: number, c: number, d: number, e: number, f: number) {
      m = [a, b, c, d, e, f];
    },
    translate(x: number, y: number) {
      m = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]! + x, m[5]! + y];
    },
    transform() {},
    scale() {},
    rotate() {},
    resetTransform() {
      m = [1, 0, 0, 1, 0, 0];
    },
    save() {
      saved.push(m);
    },
    restore() {
      m = saved.pop() ?? m;
    },
    drawImage(...args: unknown[]) {
      const [dx, dy] = args.length === 9 ? [args[5], args[6]] : [args[1], args[2]];
      draws.push({ x: m[0]! * (dx as number) + m[4]!, y: m[3]! * (dy as number) + m[5]!, args: args.length });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, draws };
}

const img = {} as CanvasImageSource;

describe('drawAtWholePixels', () => {
  it('puts an unscaled draw at a fractional place on the nearest whole pixel', () => {
    const { ctx, draws } = fakeContext();
    drawAtWholePixels(ctx);
    ctx.setTransform(1, 0, 0, 1, 765.355, 86);
    ctx.drawImage(img, 0, 0, 69, 33, -34.5, -16.5, 69, 33);
    expect(draws[0]!.x).toBeCloseTo(731, 9);
    expect(draws[0]!.y).toBeCloseTo(70, 9);
  });

  it('leaves scaled, resized, unknown-transform and short-form draws where they were asked', () => {
    const { ctx, draws } = fakeContext();
    drawAtWholePixels(ctx);
    ctx.setTransform(0.85, 0, 0, 0.85, 100.25, 50.25);
    ctx.drawImage(img, 0, 0, 64, 64, -32, -32, 64, 64);
    expect(draws[0]!.x).toBeCloseTo(100.25 - 0.85 * 32, 9);
    ctx.setTransform(1, 0, 0, 1, 10.5, 10.5);
    ctx.drawImage(img, 0, 0, 64, 64, 0, 0, 32, 32);
    expect(draws[1]!.x).toBeCloseTo(10.5, 9);
    ctx.setTransform(1, 0, 0, 1, 10, 10);
    ctx.translate(0.5, 0.5);
    ctx.drawImage(img, 0, 0, 64, 64, 0, 0, 64, 64);
    expect(draws[2]!.x).toBeCloseTo(10.5, 9);
    ctx.setTransform(1, 0, 0, 1, 0.5, 0.5);
    ctx.drawImage(img, 3.25, 4.25);
    expect(draws[3]).toEqual({ x: 3.75, y: 4.75, args: 3 });
  });

  it('forgets the transform on restore until the next setTransform', () => {
    const { ctx, draws } = fakeContext();
    drawAtWholePixels(ctx);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0.5, 0.5);
    ctx.restore();
    ctx.translate(0.25, 0);
    ctx.drawImage(img, 0, 0, 8, 8, 0, 0, 8, 8);
    expect(draws[0]!.x).toBeCloseTo(0.25, 9);
    ctx.setTransform(1, 0, 0, 1, 0.5, 0.25);
    ctx.drawImage(img, 0, 0, 8, 8, 0, 0, 8, 8);
    expect(draws[1]!.x).toBeCloseTo(1, 9);
    expect(draws[1]!.y).toBeCloseTo(0, 9);
  });

  it('wraps a context once', () => {
    const { ctx, draws } = fakeContext();
    drawAtWholePixels(ctx);
    drawAtWholePixels(ctx);
    ctx.setTransform(1, 0, 0, 1, 0.4, 0);
    ctx.drawImage(img, 0, 0, 8, 8, 0, 0, 8, 8);
    expect(draws).toHaveLength(1);
    expect(draws[0]!.x).toBeCloseTo(0, 9);
  });
});
