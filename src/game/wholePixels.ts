/**
 * Canvas renderer: an image or text drawn at its own size, unrotated, lands on whole pixels.
 *
 * Phaser places a text with origin 0.5 and an odd width or height at x.5 or y.5, and a desk card at
 * its layout's fractional x. The 2D canvas then filters every pixel of such a draw (bilinear) on every
 * frame: on the busy board that was about half the canvas's raster time on the main thread (frame
 * bench, Chrome trace: 7-8 ms a frame against 4 ms for the same draws at whole pixels). At a whole
 * pixel the browser copies the pixels instead. What moves: a draw by under half a pixel, so its edges
 * are sharp instead of spread over two pixel rows. Scaled or rotated draws (tokens, faces, people) and
 * everything drawn through another context (text canvases, baked shapes) are left as they are.
 *
 * Works on the context's own calls: setTransform (the renderer sets the full matrix before each draw)
 * and the nine-argument drawImage. Any other change of the transform (translate, restore, ...) makes
 * the matrix unknown until the next setTransform, so such draws are left alone.
 */

type Ctx = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'drawImage' | 'transform' | 'translate' | 'scale' | 'rotate' | 'resetTransform' | 'restore'
>;

const snapped = new WeakSet<object>();

export function drawAtWholePixels(ctx: Ctx): void {
  if (snapped.has(ctx)) return;
  snapped.add(ctx);
  // Translation of the last setTransform when it was a plain one (no scale, no rotation), else NaN.
  let e = NaN;
  let f = NaN;
  type Loose = (this: Ctx, ...args: unknown[]) => void;
  const setTransform = ctx.setTransform as Loose;
  const drawImage = ctx.drawImage as Loose;
  ctx.setTransform = function (this: Ctx, a?: number | DOMMatrix2DInit, b?: number, c?: number, d?: number, x?: number, y?: number) {
    if (typeof a === 'number') {
      const plain = a === 1 && b === 0 && c === 0 && d === 1;
      e = plain ? x! : NaN;
      f = plain ? y! : NaN;
      return setTransform.call(this, a, b, c, d, x, y);
    }
    e = f = NaN;
    return setTransform.call(this, a);
  } as Ctx['setTransform'];
  ctx.drawImage = function (
    this: Ctx,
    img: CanvasImageSource,
    sx: number,
    sy: number,
    sw?: number,
    sh?: number,
    dx?: number,
    dy?: number,
    dw?: number,
    dh?: number,
  ) {
    if (arguments.length !== 9) {
      // drawImage(img, dx, dy) and drawImage(img, dx, dy, dw, dh): as asked.
      return arguments.length === 3
        ? drawImage.call(this, img, sx, sy)
        : drawImage.call(this, img, sx, sy, sw, sh);
    }
    if (!Number.isNaN(e) && dw === sw && dh === sh) {
      dx = Math.round(e + dx!) - e;
      dy = Math.round(f + dy!) - f;
    }
    return drawImage.call(this, img, sx, sy, sw, sh, dx, dy, dw, dh);
  } as Ctx['drawImage'];
  // restore() after each draw is the hot one: no arguments to pass on.
  const restore = ctx.restore;
  ctx.restore = function (this: Ctx) {
    e = f = NaN;
    restore.call(this);
  };
  for (const name of ['transform', 'translate', 'scale', 'rotate', 'resetTransform'] as const) {
    const own = ctx[name] as (...args: unknown[]) => void;
    (ctx as Record<typeof name, unknown>)[name] = function (this: Ctx, ...args: unknown[]) {
      e = f = NaN;
      own.apply(this, args);
    };
  }
}
