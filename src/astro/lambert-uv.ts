/**
 * Lambert's problem by universal variables (Bate, Mueller & White 1971, §5.3; Vallado 4th ed.,
 * Alg. 58), extended to N revolutions: with z = (ΔE)² the time of flight is
 *   √μ·t(z) = (y/C)^{3/2}·S + A·√y,  y(z) = r1 + r2 + A(zS − 1)/√C,  A = ±√(r1 r2 (1 + cos Δν)),
 * monotone increasing on the 0-rev interval z < 4π², and convex with one minimum on each
 * N-rev interval (2πN)² < z < (2π(N+1))². Roots are found by pure bracketing (bisection with a
 * golden-section search for the N-rev minimum), so the solver is slow but does not depend on
 * initial guesses — an independent check on Izzo's method, and `--solver uv`.
 */
import type { Vec3 } from './vec.js';

export interface LambertSolution {
  /** Complete revolutions before arrival. */
  revs: number;
  /** 'single' for 0 revolutions; for N ≥ 1 'left' (long-period, x < x_Tmin in Izzo's variable) or 'right'. */
  branch: 'single' | 'left' | 'right';
  v1: Vec3;
  v2: Vec3;
}

function stumpffC(z: number): number {
  // 1 − cos s = 2 sin²(s/2): no cancellation near s = 2πN, where the N-rev right branches live.
  if (z > 1e-3) {
    const h = Math.sin(0.5 * Math.sqrt(z));
    return (2 * h * h) / z;
  }
  if (z < -1e-3) {
    const h = Math.sinh(0.5 * Math.sqrt(-z));
    return (2 * h * h) / -z;
  }
  return 1 / 2 - z * (1 / 24 - z * (1 / 720 - z * (1 / 40320 - z / 3628800)));
}

function stumpffS(z: number): number {
  if (z > 1e-3) {
    const s = Math.sqrt(z);
    return (s - Math.sin(s)) / (z * s);
  }
  if (z < -1e-3) {
    const s = Math.sqrt(-z);
    return (Math.sinh(s) - s) / (-z * s);
  }
  return 1 / 6 - z * (1 / 120 - z * (1 / 5040 - z * (1 / 362880 - z / 39916800)));
}

interface Geometry {
  R1: number;
  R2: number;
  A: number;
  smu: number;
}

function yOf(z: number, g: Geometry): number {
  const C = stumpffC(z);
  return g.R1 + g.R2 + (g.A * (z * stumpffS(z) - 1)) / Math.sqrt(C);
}

/** √μ·t(z) − or −Infinity where y < 0 (no real transfer). */
function scaledTof(z: number, g: Geometry): number {
  const C = stumpffC(z);
  const S = stumpffS(z);
  const y = g.R1 + g.R2 + (g.A * (z * S - 1)) / Math.sqrt(C);
  if (y < 0) return -Infinity;
  const q = y / C;
  return q * Math.sqrt(q) * S + g.A * Math.sqrt(y);
}

/** Bisection for scaledTof(z) = target on [lo, hi]; `increasing` says which way t runs. */
function bisect(target: number, lo: number, hi: number, g: Geometry, increasing: boolean): number {
  for (let k = 0; k < 400; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) return mid;
    const t = scaledTof(mid, g);
    if ((t < target) === increasing) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function velocities(z: number, r1: readonly number[], r2: readonly number[], g: Geometry): { v1: Vec3; v2: Vec3 } {
  const y = yOf(z, g);
  const f = 1 - y / g.R1;
  const gg = g.A * Math.sqrt(y) / g.smu;
  const gdot = 1 - y / g.R2;
  return {
    v1: [(r2[0] - f * r1[0]) / gg, (r2[1] - f * r1[1]) / gg, (r2[2] - f * r1[2]) / gg],
    v2: [(gdot * r2[0] - r1[0]) / gg, (gdot * r2[1] - r1[1]) / gg, (gdot * r2[2] - r1[2]) / gg],
  };
}

/**
 * All solutions up to `maxRevs` revolutions, ordered like Izzo's (0-rev, then left/right per N).
 * Empty for degenerate geometry (coincident or collinear positions) or non-positive tof/μ.
 */
export function uvSolve(
  r1: readonly number[], r2: readonly number[], tofS: number, mu: number, retrograde = false, maxRevs = 0,
): LambertSolution[] {
  const sols: LambertSolution[] = [];
  if (!(tofS > 0) || !(mu > 0) || !Number.isFinite(tofS) || !Number.isFinite(mu)) return sols;
  const R1 = Math.hypot(r1[0], r1[1], r1[2]);
  const R2 = Math.hypot(r2[0], r2[1], r2[2]);
  if (!(R1 > 0) || !(R2 > 0)) return sols;
  const cosDnu = (r1[0] * r2[0] + r1[1] * r2[1] + r1[2] * r2[2]) / (R1 * R2);
  const hz = r1[0] * r2[1] - r1[1] * r2[0];
  const hx = r1[1] * r2[2] - r1[2] * r2[1];
  const hy = r1[2] * r2[0] - r1[0] * r2[2];
  const hn = Math.hypot(hx, hy, hz);
  if (!(hn > 1e-12 * R1 * R2)) return sols;
  // Short way (Δν < π) when the arc's angular momentum matches the requested sense; polar
  // planes (ĥ_z ≈ 0) count as prograde, as in lambert-izzo.ts.
  const prograde = hz / hn >= -1e-12;
  const shortWay = retrograde ? !prograde : prograde;
  const A = (shortWay ? 1 : -1) * Math.sqrt(R1 * R2 * (1 + Math.max(-1, Math.min(1, cosDnu))));
  if (A === 0) return sols;
  const g: Geometry = { R1, R2, A, smu: Math.sqrt(mu) };
  const target = g.smu * tofS;
  const FOUR_PI2 = 4 * Math.PI * Math.PI;

  // 0 revolutions: t increases from 0 (y → 0, or z → −∞) to ∞ (z → 4π²).
  let hi = FOUR_PI2 * (1 - 1e-14);
  let lo = 0;
  let guard = 0;
  while (scaledTof(lo, g) > target && guard++ < 2000) {
    hi = lo;
    lo = lo === 0 ? -1 : lo * 2;
  }
  const z0 = bisect(target, lo, hi, g, true);
  // Very fast hyperbolic arcs: y(z) → 0 is the difference of terms of size r1 + r2, so it keeps
  // only ~16 − log10((r1 + r2)/y) digits and the velocities inherit that error, silently. Measured
  // against Izzo on the μ = 1 quarter circle, the |v1| error is ≈ 5e-17·(r1 + r2)/y (1.5e-10 at
  // y/(r1 + r2) = 5e-7, 1e-8 at 5e-9, 1e-6 at 5e-11): below 1e-8 report no solution, not a poor one.
  if (Number.isFinite(z0) && yOf(z0, g) >= Y_RESOLVED * (R1 + R2)) {
    const { v1, v2 } = velocities(z0, r1, r2, g);
    if (v1.every(Number.isFinite) && v2.every(Number.isFinite)) sols.push({ revs: 0, branch: 'single', v1, v2 });
  }

  for (let N = 1; N <= maxRevs; N++) {
    const zA = FOUR_PI2 * N * N;
    const zB = FOUR_PI2 * (N + 1) * (N + 1);
    // Golden-section search for the minimum time on (zA, zB).
    const gr = (Math.sqrt(5) - 1) / 2;
    let a = zA + (zB - zA) * 1e-9;
    let b = zB - (zB - zA) * 1e-9;
    let c = b - gr * (b - a);
    let d = a + gr * (b - a);
    let fc = tofOrInf(c, g);
    let fd = tofOrInf(d, g);
    for (let k = 0; k < 200 && b - a > 1e-15 * zB; k++) {
      if (fc < fd) {
        b = d; d = c; fd = fc;
        c = b - gr * (b - a);
        fc = tofOrInf(c, g);
      } else {
        a = c; c = d; fc = fd;
        d = a + gr * (b - a);
        fd = tofOrInf(d, g);
      }
    }
    const zMin = 0.5 * (a + b);
    const tMin = tofOrInf(zMin, g);
    if (!(tMin <= target)) break; // t_min grows with N: no solutions for this or higher N
    // Left branch (Izzo's x → −1): the long-period side, larger z within the interval.
    const zl = bisect(target, zMin, zB * (1 - 1e-15), g, true);
    const zr = bisect(target, zA * (1 + 1e-15), zMin, g, false);
    for (const [z, branch] of [[zl, 'left'], [zr, 'right']] as const) {
      const { v1, v2 } = velocities(z, r1, r2, g);
      if (v1.every(Number.isFinite) && v2.every(Number.isFinite)) sols.push({ revs: N, branch, v1, v2 });
    }
  }
  return sols;
}

/** Least y(z)/(r1 + r2) for which the 0-rev arc is resolved to ~5e-9 relative (see uvSolve). */
const Y_RESOLVED = 1e-8;

function tofOrInf(z: number, g: Geometry): number {
  const t = scaledTof(z, g);
  return t === -Infinity ? Infinity : t;
}
