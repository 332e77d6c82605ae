/**
 * log, exp and cos written out in plain arithmetic, so the sim gives the same numbers bit for bit on
 * every JavaScript engine. `Math.log`, `Math.exp` and `Math.cos` are only required to be close: the
 * room server's Node and a table's Chromium disagree in the last bit for a few percent of inputs
 * (measured: cos 3%, exp 10%, log 7% of 200,000 arguments, Node 20 against Chromium 156), and one such
 * bit in a service time sends a replica's board on a different course from the server's.
 *
 * These are fdlibm 5.3's algorithms (Sun Microsystems, freely distributable; the same code V8 uses for
 * its own Math functions in Node 20), using only + - * / and bit access, which IEEE 754 fixes exactly.
 * fdlibm.test.ts checks them against the engine's own functions bit for bit where that engine is fdlibm.
 */

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
// Little-endian engines only (every browser and Node on x86 and ARM): word 1 is the high word.
f64[0] = 1;
if (i32[1] !== 0x3ff00000) throw new Error('The sim needs a little-endian engine.');

const hiWord = (x: number): number => {
  f64[0] = x;
  return i32[1]!;
};
const loWord = (x: number): number => {
  f64[0] = x;
  return i32[0]!;
};
const withHi = (x: number, hi: number): number => {
  f64[0] = x;
  i32[1] = hi;
  return f64[0]!;
};
const fromWords = (hi: number, lo: number): number => {
  i32[1] = hi;
  i32[0] = lo;
  return f64[0]!;
};

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
  f64[0] = x;
  let hx = i32[1]!;
  const lx = i32[0]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = hiWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  i32[1] = hx | (i ^ 0x3ff00000); // f64 holds x (the low word is x's)
  x = f64[0]!;
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const INVLN2 = 1.442695040888963387;
const TWOM1000 = 9.3326361850321887899e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** e to the power x (fdlibm e_exp.c). */
export function exp(x: number): number {
  let hx = hiWord(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | loWord(x)) !== 0) return x + x;
      return xsb === 0 ? x : 0;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k: number;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INVLN2 * x + (xsb === 0 ? 0.5 : -0.5));
      const t = k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x;
  } else k = 0;
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHi(y, hiWord(y) + (k << 20));
  return withHi(y, hiWord(y) + ((k + 1000) << 20)) * TWOM1000;
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

function kernelCos(x: number, y: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

function kernelSin(x: number, y: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const INVPIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;
/** High words of n * pi/2 for n = 1..32: close to these, the quick reduction may cancel. */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb, 0x402c463a,
  0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb, 0x403ab41b, 0x403c463a,
  0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c, 0x4043a28c, 0x40446b9c, 0x404534ac,
  0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];
const rem = { y0: 0, y1: 0 };

/** x minus the nearest multiple n of pi/2, as y0 + y1; returns n. Medium |x| only (up to 2^19 pi/2). */
function remPio2(x: number): number {
  const hx = hiWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        rem.y0 = z - PIO2_1T;
        rem.y1 = z - rem.y0 - PIO2_1T;
      } else {
        z -= PIO2_2;
        rem.y0 = z - PIO2_2T;
        rem.y1 = z - rem.y0 - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      rem.y0 = z + PIO2_1T;
      rem.y1 = z - rem.y0 + PIO2_1T;
    } else {
      z += PIO2_2;
      rem.y0 = z + PIO2_2T;
      rem.y1 = z - rem.y0 + PIO2_2T;
    }
    return -1;
  }
  const t0 = Math.abs(x);
  const n = Math.trunc(t0 * INVPIO2 + 0.5);
  const fn = n;
  let r = t0 - fn * PIO2_1;
  let w = fn * PIO2_1T;
  if (n < 32 && ix !== NPIO2_HW[n - 1]) rem.y0 = r - w;
  else {
    const j = ix >> 20;
    rem.y0 = r - w;
    let i = j - ((hiWord(rem.y0) >> 20) & 0x7ff);
    if (i > 16) {
      let t = r;
      w = fn * PIO2_2;
      r = t - w;
      w = fn * PIO2_2T - (t - r - w);
      rem.y0 = r - w;
      i = j - ((hiWord(rem.y0) >> 20) & 0x7ff);
      if (i > 49) {
        t = r;
        w = fn * PIO2_3;
        r = t - w;
        w = fn * PIO2_3T - (t - r - w);
        rem.y0 = r - w;
      }
    }
  }
  rem.y1 = r - rem.y0 - w;
  if (hx < 0) {
    rem.y0 = -rem.y0;
    rem.y1 = -rem.y1;
    return -n;
  }
  return n;
}

/** Cosine (fdlibm s_cos.c), for |x| up to about 800,000 (the sim needs 0 to 2 pi). */
export function cos(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  if (ix > 0x413921fb) return Math.cos(x); // far outside what the sim draws
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelCos(rem.y0, rem.y1);
    case 1:
      return -kernelSin(rem.y0, rem.y1);
    case 2:
      return -kernelCos(rem.y0, rem.y1);
    default:
      return kernelSin(rem.y0, rem.y1);
  }
}
