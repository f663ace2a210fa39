/**
 * Lambert's problem by Izzo's method: D. Izzo, "Revisiting Lambert's problem", Celest. Mech.
 * Dyn. Astron. 121 (2015) 1–15. Written from the paper and the notes in
 * the team's astrodynamics notes §2.1 (pykep's structure): non-dimensional time T(x) in three
 * forms (Battin series near x = 1, Lagrange, Lancaster), the corrected single-revolution
 * initial guess (poliastro#1362/#1371), Halley search for the minimum time of the N-rev
 * branches, 4th-order Householder iterations, and a bracketed bisection/Newton fallback so that
 * every solution that exists is found.
 *
 * `izzoSolveInto` is the hot-loop form: plain numbers, no allocation, never throws.
 */

const PI = Math.PI;
const TWO_THIRDS = 2 / 3;
const LN2 = Math.LN2;

/**
 * Non-dimensional time of flight T(x) for N revolutions (Izzo 2015 eqs. 18–20), choosing the
 * form by |x − 1| as pykep does (Battin series < 0.01, Lagrange < 0.2, Lancaster otherwise).
 */
export function izzoTof(x: number, N: number, lam: number): number {
  const dist = Math.abs(x - 1);
  if (dist < 0.2 && dist > 0.01) {
    // Lagrange's form with a = 1/(1 − x²).
    const a = 1 / (1 - x * x);
    if (a > 0) {
      const alfa = 2 * Math.acos(x);
      let beta = 2 * Math.asin(Math.sqrt((lam * lam) / a));
      if (lam < 0) beta = -beta;
      return (a * Math.sqrt(a) * (alfa - Math.sin(alfa) - (beta - Math.sin(beta)) + 2 * PI * N)) / 2;
    }
    const alfa = 2 * Math.acosh(x);
    let beta = 2 * Math.asinh(Math.sqrt((-lam * lam) / a));
    if (lam < 0) beta = -beta;
    return (-a * Math.sqrt(-a) * (beta - Math.sinh(beta) - (alfa - Math.sinh(alfa)))) / 2;
  }
  const K = lam * lam;
  const E = x * x - 1;
  const rho = Math.abs(E);
  const z = Math.sqrt(1 + K * E);
  if (dist < 0.01) {
    // Battin's series: Q = (4/3)·₂F₁(3, 1; 5/2; S1).
    const eta = z - lam * x;
    const S1 = 0.5 * (1 - lam - x * eta);
    let Sj = 1, Cj = 1, err = 1;
    let j = 0;
    while (err > 1e-11 && j < 200) {
      const Cj1 = (Cj * (3 + j) * (1 + j)) / (2.5 + j) * S1 / (j + 1);
      Sj += Cj1;
      err = Math.abs(Cj1);
      Cj = Cj1;
      j++;
    }
    const Q = (4 / 3) * Sj;
    const T = (eta * eta * eta * Q + 4 * lam * eta) / 2;
    return N > 0 ? T + (N * PI) / Math.pow(rho, 1.5) : T;
  }
  const y = Math.sqrt(rho);
  let d: number;
  if (E < 0) d = N * PI + Math.acos(Math.max(-1, Math.min(1, x * z - lam * E)));
  else d = Math.log(hyperbolicLogArg(x, y, z, lam));
  return (x - lam * z - d / y) / E;
}

/**
 * y·(z − λx) + g with g = xz − λE (the argument of the log in Lancaster's hyperbolic T(x)), written
 * without cancellation. For λ > 0 and large x, z → λx: z − λx computed as a difference loses every
 * digit from x ≈ 1e8 on (T(x) became +∞ and very short arcs — `lambert --tof 1e-9 --mu 1` — found no
 * solution). Since z² − λ²x² = 1 − λ², z − λx = (1 − λ²)/(z + λx), and g = x(z − λx) + λ, so the
 * argument is (x + y)(z − λx) + λ with every term of one sign.
 */
function hyperbolicLogArg(x: number, y: number, z: number, lam: number): number {
  const zMinusLamX = lam > 0 ? (1 - lam * lam) / (z + lam * x) : z - lam * x;
  return (x + y) * zMinusLamX + lam;
}

// Scratch for the minimum-time search (module-level numbers: no allocation per call).
let tminX = 0;

/** Halley iterations on dT/dx = 0 from x0 (Izzo 2015 §3); sets tminX, returns T_min. */
function izzoTmin(N: number, lam: number, x0: number, T0: number): number {
  const lam2 = lam * lam, lam3 = lam2 * lam, lam5 = lam3 * lam2;
  let x = x0;
  let T = T0;
  for (let it = 0; it < 12; it++) {
    const omx2 = 1 - x * x;
    const y = Math.sqrt(1 - lam2 * omx2);
    const dT = (3 * T * x - 2 + (2 * lam3 * x) / y) / omx2;
    const ddT = (3 * T + 5 * x * dT + (2 * (1 - lam2) * lam3) / (y * y * y)) / omx2;
    const dddT = (7 * x * ddT + 8 * dT - (6 * (1 - lam2) * lam5 * x) / (y * y * y * y * y)) / omx2;
    const xn = x - (dT * ddT) / (ddT * ddT - (dT * dddT) / 2);
    const err = Math.abs(x - xn);
    x = xn;
    T = izzoTof(x, N, lam);
    if (err < 1e-13) break;
  }
  tminX = x;
  return T;
}

/**
 * Householder iterations (order 4) for T(x) = T*. Returns x, or NaN when it does not converge
 * within maxIter to tol (the caller then falls back to a bracketed solve).
 */
function householder(Tstar: number, x0: number, N: number, lam: number, tol: number, maxIter: number): number {
  const lam2 = lam * lam, lam3 = lam2 * lam, lam5 = lam3 * lam2;
  const c1 = 2 * (1 - lam2) * lam3;
  const c2 = 6 * (1 - lam2) * lam5;
  let x = x0;
  for (let it = 0; it < maxIter; it++) {
    const omx2 = 1 - x * x;
    const y = Math.sqrt(1 - lam2 * omx2);
    // T(x): Lancaster's form inline (it shares y), the series/Lagrange forms near x = 1.
    let T: number;
    if (x < 0.8 || x > 1.2) {
      const E = -omx2;
      const sq = Math.sqrt(omx2 > 0 ? omx2 : -omx2);
      let d: number;
      if (E < 0) {
        const g = x * y - lam * E;
        d = N * PI + Math.acos(g > 1 ? 1 : g < -1 ? -1 : g);
      } else d = Math.log(hyperbolicLogArg(x, sq, y, lam));
      T = (x - lam * y - d / sq) / E;
    } else {
      T = izzoTof(x, N, lam);
    }
    const y2 = y * y;
    const y3 = y2 * y;
    const dT = (3 * T * x - 2 + (2 * lam3 * x) / y) / omx2;
    const ddT = (3 * T + 5 * x * dT + c1 / y3) / omx2;
    const dddT = (7 * x * ddT + 8 * dT - (c2 * x) / (y3 * y2)) / omx2;
    const delta = T - Tstar;
    const dT2 = dT * dT;
    const xn = x - (delta * (dT2 - (delta * ddT) / 2)) / (dT * (dT2 - delta * ddT) + (dddT * delta * delta) / 6);
    const err = Math.abs(x - xn);
    x = xn;
    if (!(x > -1)) return NaN; // left the domain: let the fallback handle it
    if (err < tol) return x;
  }
  return NaN;
}

/**
 * Robust fallback: T(x) is monotone on [lo, hi] (decreasing for 0-rev and for the left branch,
 * increasing for the right branch); bisection with secant acceleration to |Δx| ≤ 1e-14.
 */
function bracketSolve(Tstar: number, lo: number, hi: number, N: number, lam: number, decreasing: boolean): number {
  // Expand hi for the 0-rev hyperbolic side (T → 0 as x → ∞), up to the double range: T(x) is
  // computable until x² overflows (x ≈ 1.3e154, T ≈ (1 − λ|λ|)/x); past it T(hi) is NaN and the
  // bisection below returns NaN, so a time of flight that short has no solution rather than a wrong one.
  if (N === 0) {
    let guard = 0;
    while (izzoTof(hi, 0, lam) > Tstar && guard++ < 1100) {
      lo = hi;
      hi = hi * 2 + 1;
    }
  }
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi || hi - lo < 1e-15) return mid;
    const f = izzoTof(mid, N, lam) - Tstar;
    if (!Number.isFinite(f)) return NaN;
    if ((f > 0) === decreasing) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Solves Lambert's problem, writing each solution as 6 numbers (v1x, v1y, v1z, v2x, v2y, v2z)
 * into `out`: first the 0-revolution arc, then (left, right) for N = 1 … maxRevs while such
 * arcs exist. Returns the number of solutions written (0 for degenerate input: non-positive or
 * non-finite tof/μ, coincident or collinear r1 and r2). `out` needs 6·(1 + 2·maxRevs) numbers.
 * Prograde means the transfer's angular momentum has a positive z component (retrograde:
 * negative). Never throws; allocation-free.
 */
export function izzoSolveInto(
  r1: ArrayLike<number>, r2: ArrayLike<number>, tofS: number, mu: number,
  retrograde: boolean, maxRevs: number, out: Float64Array | number[],
): number {
  const r1x = r1[0], r1y = r1[1], r1z = r1[2];
  const r2x = r2[0], r2y = r2[1], r2z = r2[2];
  if (!(tofS > 0) || !(mu > 0) || tofS === Infinity || mu === Infinity) return 0;
  const cx = r2x - r1x, cy = r2y - r1y, cz = r2z - r1z;
  const c = Math.sqrt(cx * cx + cy * cy + cz * cz);
  const R1 = Math.sqrt(r1x * r1x + r1y * r1y + r1z * r1z);
  const R2 = Math.sqrt(r2x * r2x + r2y * r2y + r2z * r2z);
  if (!(c > 0) || !(R1 > 0) || !(R2 > 0) || !Number.isFinite(c + R1 + R2)) return 0;
  const s = (c + R1 + R2) / 2;
  const i1x = r1x / R1, i1y = r1y / R1, i1z = r1z / R1;
  const i2x = r2x / R2, i2y = r2y / R2, i2z = r2z / R2;
  let ihx = i1y * i2z - i1z * i2y;
  let ihy = i1z * i2x - i1x * i2z;
  let ihz = i1x * i2y - i1y * i2x;
  const hn = Math.sqrt(ihx * ihx + ihy * ihy + ihz * ihz);
  if (!(hn > 1e-12)) return 0; // collinear: the transfer plane is undefined
  ihx /= hn;
  ihy /= hn;
  ihz /= hn;
  // Clamp c/s ≤ 1: rounding can make the chord exceed the semi-perimeter (poliastro#492).
  let lam2 = 1 - c / s;
  if (lam2 < 0) lam2 = 0;
  let lam = Math.sqrt(lam2);
  let t1x: number, t1y: number, t1z: number, t2x: number, t2y: number, t2z: number;
  // Polar transfer planes (ĥ_z ≈ 0) count as prograde, so rounding noise cannot flip the sense.
  if (ihz < -1e-12) {
    lam = -lam;
    t1x = i1y * ihz - i1z * ihy; t1y = i1z * ihx - i1x * ihz; t1z = i1x * ihy - i1y * ihx;
    t2x = i2y * ihz - i2z * ihy; t2y = i2z * ihx - i2x * ihz; t2z = i2x * ihy - i2y * ihx;
  } else {
    t1x = ihy * i1z - ihz * i1y; t1y = ihz * i1x - ihx * i1z; t1z = ihx * i1y - ihy * i1x;
    t2x = ihy * i2z - ihz * i2y; t2y = ihz * i2x - ihx * i2z; t2z = ihx * i2y - ihy * i2x;
  }
  if (retrograde) {
    lam = -lam;
    t1x = -t1x; t1y = -t1y; t1z = -t1z;
    t2x = -t2x; t2y = -t2y; t2z = -t2z;
  }
  const lam3 = lam * lam2;
  const T = Math.sqrt((2 * mu) / (s * s * s)) * tofS;

  // How many revolutions fit.
  let Nmax = Math.floor(T / PI);
  // Never more revolutions than asked for, nor than `out` has room for (NaN asks for none).
  const room = Math.floor((out.length / 6 - 1) / 2);
  const cap = maxRevs >= 0 ? Math.min(Math.floor(maxRevs), room) : 0;
  if (Nmax > cap) Nmax = cap > 0 ? cap : 0;
  const T00 = Math.acos(lam) + lam * Math.sqrt(1 - lam2);
  if (Nmax > 0 && T < T00 + Nmax * PI) {
    const Tmin = izzoTmin(Nmax, lam, 0, T00 + Nmax * PI);
    if (Tmin > T) Nmax -= 1;
  }

  // Velocity constants.
  const gamma = Math.sqrt((mu * s) / 2);
  let rho = (R1 - R2) / c;
  if (rho > 1) rho = 1;
  else if (rho < -1) rho = -1;
  const sigma = Math.sqrt(1 - rho * rho);

  let count = 0;
  // 0 revolutions.
  const T1 = TWO_THIRDS * (1 - lam3);
  let x0: number;
  if (T >= T00) {
    const q = T00 / T;
    x0 = Math.cbrt(q * q) - 1;
  }
  else if (T <= T1) x0 = (2.5 * T1 * (T1 - T)) / (T * (1 - lam2 * lam3)) + 1;
  else x0 = Math.pow(T / T00, LN2 / Math.log(T1 / T00)) - 1;
  // |Δx| < 1e-5 as pykep: with 4th-order convergence the last step leaves an error ~1e-20·C (closure
  // measured ≤ 4.3e-11 over the 10⁶ Earth→NEA set, and within 1e-10 in the fast-check properties).
  let x = householder(T, x0, 0, lam, 1e-5, 15);
  if (!(x === x)) {
    x = bracketSolve(T, -1 + 1e-16, 1, 0, lam, true);
    // The bracket always ends somewhere; keep it only if T(x) is the time asked for.
    if (!(Math.abs(izzoTof(x, 0, lam) - T) <= 1e-9 * T)) x = NaN;
  }
  // A valid geometry always has a 0-rev arc; failing here means non-finite input slipped through or
  // a time of flight beyond the double range (nondimensional T below ~1e-154: see bracketSolve).
  if (!(x === x)) return 0;
  writeVelocities(x, lam, lam2, gamma, rho, sigma, R1, R2, i1x, i1y, i1z, i2x, i2y, i2z, t1x, t1y, t1z, t2x, t2y, t2z, out, 0);
  count = 1;

  // N ≥ 1: left then right branch.
  for (let N = 1; N <= Nmax; N++) {
    let tmp = Math.pow((N * PI + PI) / (8 * T), TWO_THIRDS);
    const xl0 = (tmp - 1) / (tmp + 1);
    tmp = Math.pow((8 * T) / (N * PI), TWO_THIRDS);
    const xr0 = (tmp - 1) / (tmp + 1);
    let xl = householder(T, xl0, N, lam, 1e-10, 15);
    let xr = householder(T, xr0, N, lam, 1e-10, 15);
    // A branch guess can jump to the other branch near T_min; check and repair by bracketing.
    if (!(xl === xl) || !(xr === xr) || !(xl < xr) || Math.abs(xl - xr) < 1e-12) {
      izzoTmin(N, lam, 0, izzoTof(0, N, lam));
      const xm = tminX;
      // Stop rather than skip, so the output order stays 0-rev, then pairs for N = 1, 2, …
      if (!(xm > -1 && xm < 1)) break;
      if (izzoTof(xm, N, lam) > T) break; // no solution for this N (T_min grows with N)
      xl = bracketSolve(T, -1 + 1e-15, xm, N, lam, true);
      xr = bracketSolve(T, xm, 1 - 1e-15, N, lam, false);
      if (!(xl === xl) || !(xr === xr)) break;
    }
    writeVelocities(xl, lam, lam2, gamma, rho, sigma, R1, R2, i1x, i1y, i1z, i2x, i2y, i2z, t1x, t1y, t1z, t2x, t2y, t2z, out, 6 * count);
    count++;
    writeVelocities(xr, lam, lam2, gamma, rho, sigma, R1, R2, i1x, i1y, i1z, i2x, i2y, i2z, t1x, t1y, t1z, t2x, t2y, t2z, out, 6 * count);
    count++;
  }
  return count;
}

function writeVelocities(
  x: number, lam: number, lam2: number, gamma: number, rho: number, sigma: number, R1: number, R2: number,
  i1x: number, i1y: number, i1z: number, i2x: number, i2y: number, i2z: number,
  t1x: number, t1y: number, t1z: number, t2x: number, t2y: number, t2z: number,
  out: Float64Array | number[], o: number,
): void {
  const y = Math.sqrt(1 - lam2 + lam2 * x * x);
  const a = lam * y - x;
  const b = lam * y + x;
  const vr1 = (gamma * (a - rho * b)) / R1;
  const vr2 = (-gamma * (a + rho * b)) / R2;
  const vt = gamma * sigma * (y + lam * x);
  const vt1 = vt / R1;
  const vt2 = vt / R2;
  out[o] = vr1 * i1x + vt1 * t1x;
  out[o + 1] = vr1 * i1y + vt1 * t1y;
  out[o + 2] = vr1 * i1z + vt1 * t1z;
  out[o + 3] = vr2 * i2x + vt2 * t2x;
  out[o + 4] = vr2 * i2y + vt2 * t2y;
  out[o + 5] = vr2 * i2z + vt2 * t2z;
}

/**
 * Shortest time of flight (s) of an N-revolution arc between r1 and r2 (N ≥ 1), i.e. T_min of
 * Izzo's N-rev branch converted to seconds; NaN for degenerate geometry. Lets front ends say how
 * long a multi-revolution transfer must at least take.
 */
export function izzoMinTofS(r1: ArrayLike<number>, r2: ArrayLike<number>, N: number, mu: number, retrograde: boolean): number {
  const R1 = Math.hypot(r1[0], r1[1], r1[2]);
  const R2 = Math.hypot(r2[0], r2[1], r2[2]);
  const c = Math.hypot(r2[0] - r1[0], r2[1] - r1[1], r2[2] - r1[2]);
  if (!(c > 0 && R1 > 0 && R2 > 0 && mu > 0 && N >= 1)) return NaN;
  const s = (c + R1 + R2) / 2;
  let lam = Math.sqrt(Math.max(0, 1 - c / s));
  const hz = (r1[0] * r2[1] - r1[1] * r2[0]) / (R1 * R2);
  const hn = Math.hypot(r1[1] * r2[2] - r1[2] * r2[1], r1[2] * r2[0] - r1[0] * r2[2], r1[0] * r2[1] - r1[1] * r2[0]) / (R1 * R2);
  if (!(hn > 1e-12)) return NaN;
  if (hz / hn < -1e-12) lam = -lam;
  if (retrograde) lam = -lam;
  const Tmin = izzoTmin(N, lam, 0, izzoTof(0, N, lam));
  return Tmin / Math.sqrt((2 * mu) / (s * s * s));
}

/**
 * The time of flight in Izzo's nondimensional form, T = √(2μ/s³)·tof, with the parabolic value
 * T_p = (2/3)(1 − λ³) that separates elliptic (T > T_p) from hyperbolic 0-rev arcs, and the
 * parabolic time in seconds. Lets front ends say how far outside the solvable range a request is
 * (the 0-rev arc exists for every tof > 0; `izzoSolveInto` resolves nondimensional T down to about
 * 1e-154, where x ≈ (1 − λ|λ|)/T squared overflows). NaN fields for degenerate geometry.
 */
export function izzoNondimensionalTof(r1: ArrayLike<number>, r2: ArrayLike<number>, tofS: number, mu: number, retrograde: boolean): { T: number; parabolicT: number; parabolicTofS: number; lambda: number } {
  const R1 = Math.hypot(r1[0], r1[1], r1[2]);
  const R2 = Math.hypot(r2[0], r2[1], r2[2]);
  const c = Math.hypot(r2[0] - r1[0], r2[1] - r1[1], r2[2] - r1[2]);
  const hn = Math.hypot(r1[1] * r2[2] - r1[2] * r2[1], r1[2] * r2[0] - r1[0] * r2[2], r1[0] * r2[1] - r1[1] * r2[0]) / (R1 * R2);
  if (!(c > 0 && R1 > 0 && R2 > 0 && mu > 0 && hn > 1e-12)) return { T: NaN, parabolicT: NaN, parabolicTofS: NaN, lambda: NaN };
  const s = (c + R1 + R2) / 2;
  let lam = Math.sqrt(Math.max(0, 1 - c / s));
  const hz = (r1[0] * r2[1] - r1[1] * r2[0]) / (R1 * R2);
  if (hz / hn < -1e-12) lam = -lam;
  if (retrograde) lam = -lam;
  const scale = Math.sqrt((2 * mu) / (s * s * s));
  const parabolicT = TWO_THIRDS * (1 - lam * lam * lam);
  return { T: scale * tofS, parabolicT, parabolicTofS: parabolicT / scale, lambda: lam };
}
