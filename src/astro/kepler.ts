/**
 * Two-body motion: Kepler's equation, classical elements ↔ Cartesian state, and propagation by
 * universal variables (Bate, Mueller & White 1971 §4.3; Vallado, "Fundamentals of Astrodynamics
 * and Applications", 4th ed., Alg. 8 KEPLER / Alg. 9–10). All root finders are Newton (or, for
 * propagation, Laguerre–Conway) steps kept inside a bracket by bisection, so they converge for
 * every eccentricity and time span; propagation reports overflow as a status, never NaN.
 * Units: km, km/s, s, radians.
 */
import { InputError, NoSolutionError } from '../errors.js';
import type { Vec3 } from './vec.js';

const TWO_PI = 2 * Math.PI;

/** Reduces an angle to (−π, π]. */
export function wrapPi(x: number): number {
  const y = x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
  return y === -Math.PI ? Math.PI : y;
}

/** Reduces an angle to [0, 2π). */
export function wrapTwoPi(x: number): number {
  const y = x - TWO_PI * Math.floor(x / TWO_PI);
  return y >= TWO_PI ? 0 : y;
}

/**
 * Solves Kepler's equation. e < 1: E − e sin E = M → eccentric anomaly E (same winding as M);
 * e > 1: e sinh H − H = M → hyperbolic anomaly H; e = 1: Barker's equation D + D³/3 = M with
 * D = tan(ν/2) (M the parabolic mean anomaly). Converges to ~1e-15 rad for all e ≥ 0.
 */
export function solveKepler(meanAnomaly: number, e: number): number {
  if (!Number.isFinite(meanAnomaly) || !Number.isFinite(e) || e < 0) {
    throw new InputError(`solveKepler: expected a finite mean anomaly and e ≥ 0, got M=${meanAnomaly}, e=${e}`, 'e');
  }
  if (e < 1) return solveKeplerElliptic(meanAnomaly, e);
  if (e > 1) return solveKeplerHyperbolic(meanAnomaly, e);
  // Barker: D³ + 3D − 3M = 0, one real root (Cardano).
  const w = Math.cbrt(1.5 * meanAnomaly + Math.sqrt(2.25 * meanAnomaly * meanAnomaly + 1));
  return w - 1 / w;
}

/** Elliptic Kepler equation, allocation-free; safe for e up to 1 − 1e-15. */
export function solveKeplerElliptic(M: number, e: number): number {
  const Mr = wrapPi(M);
  const base = M - Mr;
  const sgn = Mr < 0 ? -1 : 1;
  const m = Mr * sgn; // in [0, π]; the root lies in [m, min(m + e, π)]
  if (m === 0 || e === 0) return base + Mr;
  let lo = m;
  let hi = Math.min(m + e, Math.PI);
  // Starter: Danby-style for high e, M + e sin M otherwise; both inside the bracket.
  let E = e > 0.8 ? Math.min(m + 0.85 * e, Math.PI) : m + e * Math.sin(m);
  if (E < lo || E > hi) E = 0.5 * (lo + hi);
  for (let k = 0; k < 60; k++) {
    const f = E - e * Math.sin(E) - m;
    if (f > 0) hi = E;
    else lo = E;
    const fp = 1 - e * Math.cos(E);
    let next = E - f / fp;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    const d = Math.abs(next - E);
    E = next;
    if (d <= 4e-16 * Math.max(1, E) || hi - lo <= 4e-16 * Math.max(1, E)) break;
  }
  return base + sgn * E;
}

/** Hyperbolic Kepler equation e sinh H − H = M, allocation-free. */
export function solveKeplerHyperbolic(M: number, e: number): number {
  const sgn = M < 0 ? -1 : 1;
  const m = M * sgn;
  if (m === 0) return 0;
  // e sinh H − H ≥ (e − 1) sinh H, so H ≤ asinh(m/(e − 1)); and sinh H ≥ m/e … so H ≥ asinh(m/e)·(e−1)/e is loose: use 0.
  let lo = 0;
  let hi = Math.asinh(m / (e - 1));
  if (!Number.isFinite(hi)) hi = Math.log(2 * m / e + 1.8) + 50;
  let H = Math.log(2 * m / e + 1.8);
  if (!(H > lo && H < hi)) H = 0.5 * (lo + hi);
  for (let k = 0; k < 200; k++) {
    const sh = Math.sinh(H);
    const f = e * sh - H - m;
    if (f > 0) hi = H;
    else lo = H;
    const fp = e * Math.cosh(H) - 1;
    let next = H - f / fp;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    const d = Math.abs(next - H);
    H = next;
    if (d <= 4e-16 * Math.max(1, H) || hi - lo <= 4e-16 * Math.max(1, H)) break;
  }
  return sgn * H;
}

/** True anomaly from eccentric/hyperbolic/parabolic anomaly. */
export function anomalyToTrue(anomaly: number, e: number): number {
  if (e < 1) {
    return 2 * Math.atan2(Math.sqrt(1 + e) * Math.sin(anomaly / 2), Math.sqrt(1 - e) * Math.cos(anomaly / 2));
  }
  if (e > 1) return 2 * Math.atan(Math.sqrt((e + 1) / (e - 1)) * Math.tanh(anomaly / 2));
  return 2 * Math.atan(anomaly);
}

/** Mean anomaly from true anomaly (elliptic: M in (−π, π]; hyperbolic: M of the branch). */
export function trueToMean(nu: number, e: number): number {
  if (e < 1) {
    const E = 2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(nu / 2), Math.sqrt(1 + e) * Math.cos(nu / 2));
    return E - e * Math.sin(E);
  }
  if (e > 1) {
    const H = 2 * Math.atanh(Math.sqrt((e - 1) / (e + 1)) * Math.tan(nu / 2));
    return e * Math.sinh(H) - H;
  }
  const D = Math.tan(nu / 2);
  return D + (D * D * D) / 3;
}

export interface KeplerElements {
  /** Semi-major axis, km (negative for hyperbolae). */
  a: number;
  e: number;
  /** Inclination, rad. */
  i: number;
  /** Right ascension (longitude) of the ascending node, rad. */
  raan: number;
  /** Argument of periapsis, rad. */
  argp: number;
  /** Mean anomaly at the state's epoch, rad (hyperbolic mean anomaly when e > 1). */
  ma: number;
}

/**
 * Classical elements → state (r km, v km/s) in the frame the angles are referred to.
 * Elliptic (a > 0, e < 1) and hyperbolic (a < 0, e > 1) orbits; parabolic ones have no finite a
 * and are rejected.
 */
export function elementsToState(el: KeplerElements, mu: number): { r: Vec3; v: Vec3 } {
  const { a, e, i, raan, argp, ma } = el;
  if (!(e >= 0) || !Number.isFinite(a) || !Number.isFinite(i + raan + argp + ma) || !(mu > 0)) {
    throw new InputError(`elementsToState: expected finite elements with e ≥ 0 and mu > 0 (a=${a}, e=${e}, mu=${mu})`, 'elements');
  }
  if (Math.abs(e - 1) < 1e-12) throw new InputError('elementsToState: e = 1 (parabolic) has no finite semi-major axis', 'e');
  if ((e < 1 && !(a > 0)) || (e > 1 && !(a < 0))) {
    throw new InputError(`elementsToState: a must be > 0 for e < 1 and < 0 for e > 1 (a=${a}, e=${e})`, 'a');
  }
  const anomaly = e < 1 ? solveKeplerElliptic(ma, e) : solveKeplerHyperbolic(ma, e);
  const out = new Float64Array(6);
  perifocalToInertialInto(a, e, i, raan, argp, anomaly, mu, out, 0);
  return { r: [out[0], out[1], out[2]], v: [out[3], out[4], out[5]] };
}

/**
 * State from elements given the eccentric (e < 1) or hyperbolic (e > 1) anomaly, written into
 * out[o..o+5]. Allocation-free; used by the batch propagators.
 */
export function perifocalToInertialInto(
  a: number, e: number, i: number, raan: number, argp: number, anomaly: number, mu: number,
  out: Float64Array | number[], o: number,
): void {
  let xp: number, yp: number, vxp: number, vyp: number;
  if (e < 1) {
    const cE = Math.cos(anomaly), sE = Math.sin(anomaly);
    const b = a * Math.sqrt(1 - e * e);
    const r = a * (1 - e * cE);
    const k = Math.sqrt(mu * a) / r;
    xp = a * (cE - e);
    yp = b * sE;
    vxp = -k * sE;
    vyp = k * Math.sqrt(1 - e * e) * cE;
  } else {
    const cH = Math.cosh(anomaly), sH = Math.sinh(anomaly);
    const an = -a; // > 0
    const r = an * (e * cH - 1);
    const k = Math.sqrt(mu * an) / r;
    xp = an * (e - cH);
    yp = an * Math.sqrt(e * e - 1) * sH;
    vxp = -k * sH;
    vyp = k * Math.sqrt(e * e - 1) * cH;
  }
  const cO = Math.cos(raan), sO = Math.sin(raan);
  const cw = Math.cos(argp), sw = Math.sin(argp);
  const ci = Math.cos(i), si = Math.sin(i);
  // Columns P and Q of R3(−Ω)R1(−i)R3(−ω).
  const px = cO * cw - sO * sw * ci, py = sO * cw + cO * sw * ci, pz = sw * si;
  const qx = -cO * sw - sO * cw * ci, qy = -sO * sw + cO * cw * ci, qz = cw * si;
  out[o] = px * xp + qx * yp;
  out[o + 1] = py * xp + qy * yp;
  out[o + 2] = pz * xp + qz * yp;
  out[o + 3] = px * vxp + qx * vyp;
  out[o + 4] = py * vxp + qy * vyp;
  out[o + 5] = pz * vxp + qz * vyp;
}

export interface StateElements {
  /** Semi-major axis, km (negative for hyperbolae, Infinity for a parabola). */
  a: number;
  e: number;
  i: number;
  raan: number;
  argp: number;
  /** True anomaly, rad. */
  ta: number;
  /** Specific angular momentum |r × v|, km²/s. */
  h: number;
  /** Semi-latus rectum, km. */
  p: number;
  /** Mean anomaly, rad (hyperbolic mean anomaly when e > 1, Barker's M when e = 1). */
  ma: number;
}

const SMALL = 1e-11;

/**
 * State → classical elements (Vallado Alg. 9 RV2COE). Undefined angles get the usual
 * conventions: equatorial orbits have raan = 0 and argp measured from +x (longitude of
 * periapsis); circular orbits have argp = 0 and ta measured from the node (or +x).
 */
export function stateToElements(r: readonly number[], v: readonly number[], mu: number): StateElements {
  const rx = r[0], ry = r[1], rz = r[2], vx = v[0], vy = v[1], vz = v[2];
  const rn = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const v2 = vx * vx + vy * vy + vz * vz;
  if (!(rn > 0) || !Number.isFinite(v2) || !(mu > 0)) {
    throw new InputError('stateToElements: expected a non-zero finite position, finite velocity and mu > 0', 'r');
  }
  const hx = ry * vz - rz * vy, hy = rz * vx - rx * vz, hz = rx * vy - ry * vx;
  const h = Math.sqrt(hx * hx + hy * hy + hz * hz);
  if (!(h > 0)) throw new InputError('stateToElements: r and v are parallel (rectilinear motion has no orbital plane)', 'v');
  const rv = rx * vx + ry * vy + rz * vz;
  // Eccentricity vector e = ((v² − μ/r) r − (r·v) v)/μ.
  const c1 = v2 - mu / rn;
  const ex = (c1 * rx - rv * vx) / mu, ey = (c1 * ry - rv * vy) / mu, ez = (c1 * rz - rv * vz) / mu;
  const e = Math.sqrt(ex * ex + ey * ey + ez * ez);
  const p = (h * h) / mu;
  const energy = v2 / 2 - mu / rn;
  const a = Math.abs(e - 1) < 1e-12 ? Infinity : -mu / (2 * energy);
  const i = Math.acos(Math.max(-1, Math.min(1, hz / h)));
  // Node vector n = ẑ × h.
  const nx = -hy, ny = hx;
  const nn = Math.sqrt(nx * nx + ny * ny);
  const equatorial = nn < SMALL * h;
  const circular = e < SMALL;
  let raan = 0, argp = 0, ta = 0;
  if (!equatorial) raan = wrapTwoPi(Math.atan2(ny, nx));
  if (!circular) {
    if (!equatorial) {
      // Angle from node to e, measured in the orbit plane (sign by e·ẑ via h).
      const cosw = (nx * ex + ny * ey) / (nn * e);
      const sinw = ((hx * (ny * ez) - hy * (nx * ez) + hz * (nx * ey - ny * ex)) / (h * nn * e));
      argp = wrapTwoPi(Math.atan2(sinw, cosw));
    } else {
      argp = wrapTwoPi(Math.atan2(ey, ex) * (hz >= 0 ? 1 : -1));
    }
    // True anomaly from e to r, sign by r·v.
    const crx = ey * rz - ez * ry, cry = ez * rx - ex * rz, crz = ex * ry - ey * rx;
    const sinv = (crx * hx + cry * hy + crz * hz) / (h * e * rn);
    const cosv = (ex * rx + ey * ry + ez * rz) / (e * rn);
    ta = wrapTwoPi(Math.atan2(sinv, cosv));
  } else if (!equatorial) {
    // Argument of latitude from the node.
    const cosu = (nx * rx + ny * ry) / (nn * rn);
    const sinu = (hx * (ny * rz) - hy * (nx * rz) + hz * (nx * ry - ny * rx)) / (h * nn * rn);
    ta = wrapTwoPi(Math.atan2(sinu, cosu));
  } else {
    ta = wrapTwoPi(Math.atan2(ry, rx) * (hz >= 0 ? 1 : -1));
  }
  let ma = trueToMean(ta, e);
  if (e < 1) ma = wrapTwoPi(ma);
  return { a, e, i, raan, argp, ta, h, p, ma };
}

/**
 * Series coefficients of the Stumpff functions c2(z) = Σ (−z)^k/(2k+2)! and
 * c3(z) = Σ (−z)^k/(2k+3)! (Battin 1999, "An Introduction to the Mathematics and Methods of
 * Astrodynamics", rev. ed., ch. 4), k = 0…10. Used for |z| ≤ 1, where the first omitted term is
 * below 1/25! ≈ 6.4e-26 of the sum.
 */
const C2_SERIES = new Float64Array(11);
const C3_SERIES = new Float64Array(11);
{
  let f = 1; // (2k+2)! and (2k+3)! built up incrementally
  for (let k = 0, n = 1; k < 11; k++) {
    f *= ++n; // (2k+2)!
    C2_SERIES[k] = (k % 2 === 0 ? 1 : -1) / f;
    f *= ++n; // (2k+3)!
    C3_SERIES[k] = (k % 2 === 0 ? 1 : -1) / f;
  }
}

/**
 * Universal functions of the universal anomaly χ for α = 1/a, written to U[0..3]
 * (Battin 1999, ch. 4): U0 = 1 − αχ²c2, U1 = χ(1 − αχ²c3), U2 = χ²c2, U3 = χ³c3. Closed forms
 * beyond |αχ²| = 1 with s = √|α|·χ (the change in eccentric or hyperbolic anomaly):
 *   ellipse   U0 = cos s,  U1 = sin s/√α,  U2 = 2 sin²(s/2)/α,  U3 = (s − sin s)/α^{3/2};
 *   hyperbola U0 = cosh s, U1 = sinh s/√β, U2 = 2 sinh²(s/2)/β, U3 = (sinh s − s)/β^{3/2}, β = −α.
 * The hyperbolic forms never multiply χ² by a Stumpff function, so nothing overflows before the
 * function itself does (cosh s > 1.8e308 only for |s| > 710.5); an overflowed value is ±Infinity,
 * never NaN, and the callers treat it as "past the root".
 */
function universalFunctions(chi: number, alpha: number, U: Float64Array): void {
  const chi2 = chi * chi;
  const z = alpha * chi2;
  if (z <= 1 && z >= -1) {
    let c2 = C2_SERIES[10];
    let c3 = C3_SERIES[10];
    for (let k = 9; k >= 0; k--) {
      c2 = C2_SERIES[k] + z * c2;
      c3 = C3_SERIES[k] + z * c3;
    }
    U[0] = 1 - z * c2;
    U[1] = chi * (1 - z * c3);
    U[2] = chi2 * c2;
    U[3] = chi2 * chi * c3;
  } else if (z > 0) {
    const sa = Math.sqrt(alpha);
    const s = sa * chi;
    const sn = Math.sin(s);
    const h = Math.sin(0.5 * s); // 1 − cos s = 2 sin²(s/2), no cancellation near s = 0, 2π
    U[0] = 1 - 2 * h * h; // cos s
    U[1] = sn / sa;
    U[2] = (2 * h * h) / alpha;
    U[3] = (s - sn) / (alpha * sa);
  } else {
    const beta = -alpha;
    const sb = Math.sqrt(beta);
    const s = sb * chi;
    const sh = Math.sinh(s);
    const h = Math.sinh(0.5 * s); // cosh s − 1 = 2 sinh²(s/2)
    U[0] = 1 + 2 * h * h; // cosh s
    U[1] = sh / sb;
    U[2] = (2 * h * h) / beta;
    U[3] = (sh - s) / (beta * sb);
  }
}

/** Outcome codes of {@link propagateStatusInto}. */
export const PROPAGATE_OK = 0;
/** Non-finite or zero position, non-finite velocity or span, or mu ≤ 0. */
export const PROPAGATE_INVALID_INPUT = 1;
/** The universal Kepler equation did not converge (not expected for finite input; a guard). */
export const PROPAGATE_NO_CONVERGENCE = 2;
/** The answer is outside the floating-point range (e.g. a hyperbolic arc of ~1e300 s). */
export const PROPAGATE_OVERFLOW = 3;
export type PropagateStatus = typeof PROPAGATE_OK | typeof PROPAGATE_INVALID_INPUT | typeof PROPAGATE_NO_CONVERGENCE | typeof PROPAGATE_OVERFLOW;

/** Thrown by {@link propagate} when a well-formed state has no representable propagated state. */
export class PropagationError extends NoSolutionError {
  readonly status: typeof PROPAGATE_NO_CONVERGENCE | typeof PROPAGATE_OVERFLOW;
  constructor(message: string, status: typeof PROPAGATE_NO_CONVERGENCE | typeof PROPAGATE_OVERFLOW) {
    super(message, 'propagation');
    this.name = 'PropagationError';
    this.status = status;
  }
}

const U4 = new Float64Array(4);
/** keplerResidual's output: F, F′, F″ and F's rounding scale. */
const KF4 = new Float64Array(4);
const OUT6 = new Float64Array(6);

/**
 * Propagates a two-body state by `dtS` seconds (either sign) with universal variables; elliptic,
 * parabolic and hyperbolic. Returns the new `{r, v}`. Elliptic spans are first reduced modulo
 * the period, so many revolutions cost no accuracy. Throws InputError for invalid input and
 * PropagationError (never NaN) when no finite answer can be found.
 */
export function propagate(r0: readonly number[], v0: readonly number[], dtS: number, mu: number): { r: Vec3; v: Vec3 } {
  const st = propagateStatusInto(r0[0], r0[1], r0[2], v0[0], v0[1], v0[2], dtS, mu, OUT6);
  if (st === PROPAGATE_INVALID_INPUT) {
    throw new InputError(`propagate: expected a non-zero finite position, finite velocity and dt, and mu > 0 (dt=${dtS}, mu=${mu})`, 'r0');
  }
  if (st !== PROPAGATE_OK) {
    throw new PropagationError(
      st === PROPAGATE_OVERFLOW
        ? `propagate: the state after dt=${dtS} s is beyond the floating-point range`
        : `propagate: the universal Kepler equation did not converge (dt=${dtS} s)`,
      st,
    );
  }
  return { r: [OUT6[0], OUT6[1], OUT6[2]], v: [OUT6[3], OUT6[4], OUT6[5]] };
}

/**
 * Allocation-free universal-variable propagation into out[0..5]. Returns false (out untouched)
 * when the input is invalid or no finite answer exists; {@link propagateStatusInto} says which.
 */
export function propagateInto(
  rx: number, ry: number, rz: number, vx: number, vy: number, vz: number,
  dtS: number, mu: number, out: Float64Array | number[],
): boolean {
  return propagateStatusInto(rx, ry, rz, vx, vy, vz, dtS, mu, out) === PROPAGATE_OK;
}

/** Parameters of the current propagation for {@link keplerResidual}: α, r0, σ0, √μΔt, 1 − αr0, √β, β^{3/2}, P, Q, K. */
const KP10 = new Float64Array(10);
/** The χ whose universal functions are in U4 (NaN: none). */
let evalChi = NaN;

/**
 * Writes F(χ), F′ = r, F″ and the magnitude of F's terms (its rounding scale) to KF.
 * A non-finite F (overflow) is stored as ±Infinity with the sign of χ — past the root.
 * Hyperbolic arcs with |s| > 1 (s = √β·χ = H − H0) use the hyperbolic Kepler equation,
 * β^{3/2}·F = e sinh(H0 + s) − s − (e sinh H0 + nΔt), e sinh(H0 + s) = (P eˢ − Q e⁻ˢ)/2:
 * algebraically the universal form, but without its cancellation of two terms of size
 * e^{|H0|+|s|} when the arc passes periapsis from far out (which cost ~e^{|H0|} in accuracy).
 */
function keplerResidual(chi: number): void {
  const KP = KP10, KF = KF4, U = U4;
  const alpha = KP[0];
  evalChi = chi;
  universalFunctions(chi, alpha, U);
  let F: number;
  if (alpha < 0 && alpha * chi * chi < -1) {
    const sb = KP[5], b32 = KP[6], K = KP[9];
    const s = sb * chi;
    const ep = Math.exp(s), em = Math.exp(-s);
    const esh = 0.5 * (KP[7] * ep - KP[8] * em);
    const ech = 0.5 * (KP[7] * ep + KP[8] * em);
    F = (esh - s - K) / b32;
    KF[1] = (ech - 1) / (b32 / sb);
    KF[2] = esh / sb;
    KF[3] = (Math.abs(esh) + Math.abs(s) + Math.abs(K)) / b32;
  } else {
    const r0 = KP[1], sigma0 = KP[2], target = KP[3];
    F = r0 * U[1] + sigma0 * U[2] + U[3] - target;
    KF[1] = r0 * U[0] + sigma0 * U[1] + U[2];
    KF[2] = sigma0 * U[0] + KP[4] * U[1];
    KF[3] = Math.abs(r0 * U[1]) + Math.abs(sigma0 * U[2]) + Math.abs(U[3]) + Math.abs(target);
  }
  KF[0] = Number.isFinite(F) ? F : chi > 0 ? Infinity : -Infinity;
}

/** Laguerre's order parameter for Kepler's equation (Conway 1986, Celest. Mech. 39:199, uses n = 5). */
const LAGUERRE_N = 5;

/**
 * Allocation-free universal-variable propagation into out[0..5] (out untouched unless OK).
 *
 * Solves the universal Kepler equation F(χ) = r0·U1 + σ0·U2 + U3 − √μ·Δt = 0 (σ0 = r0·v0/√μ),
 * which is strictly increasing (F′ = r > 0); hyperbolic arcs with |s| = √(−α)|χ| > 1 evaluate it
 * in its hyperbolic-anomaly form (see keplerResidual). Start: Vallado (4th ed.) Alg. 8 —
 * √μ·Δt·α for ellipses; for hyperbolae √(−a)·ln(−2μαΔt / (r0·v0 + sgn Δt·√(−μa)(1 − r0α)))
 * or √μΔt/r0, whichever has the smaller residual. The root is bracketed from χ = 0 outwards
 * (ellipses: one period after reducing Δt modulo the period; hyperbolae: s grows by at most 4 per
 * step so no step multiplies the residual by more than e⁴, and an overflowed residual counts as
 * past the root). Laguerre–Conway steps (n = 5; cubic near the root) are kept inside the bracket
 * by bisection, which alone guarantees convergence. Lagrange coefficients from the universal
 * functions (Battin 1999, ch. 4; Vallado Alg. 8): f = 1 − U2/r0, g = (r0·U1 + σ0·U2)/√μ or
 * Δt − U3/√μ (whichever cancels less), ḟ = −√μ·U1/(r·r0), ġ = 1 − U2/r.
 *
 * Validated (test/astro/kepler.test.ts) against the closed-form hyperbolic Kepler solution to
 * 1e-12 relative for e = 1.5…1000 over 1 s…1e9 s; round trips agree with the start to ~100 ulp of
 * the problem's own conditioning (|r1| + |v1|·|Δt| + |r0|).
 */
export function propagateStatusInto(
  rx: number, ry: number, rz: number, vx: number, vy: number, vz: number,
  dtS: number, mu: number, out: Float64Array | number[],
): PropagateStatus {
  const r0 = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const v2 = vx * vx + vy * vy + vz * vz;
  if (!(r0 > 0) || !Number.isFinite(r0) || !Number.isFinite(v2) || !Number.isFinite(dtS) || !(mu > 0) || !Number.isFinite(mu)) {
    return PROPAGATE_INVALID_INPUT;
  }
  if (dtS === 0) {
    out[0] = rx; out[1] = ry; out[2] = rz; out[3] = vx; out[4] = vy; out[5] = vz;
    return PROPAGATE_OK;
  }
  const smu = Math.sqrt(mu);
  const vn = Math.sqrt(v2);
  if (Math.abs(dtS) * (vn / r0 + smu / (r0 * Math.sqrt(r0))) < 1e-13) {
    // Negligible span: a Taylor step is exact to O(dt²) ~ 1e-26 relative, and avoids an
    // iteration on denormal numbers.
    const k = (-mu / (r0 * r0 * r0)) * dtS;
    out[0] = rx + vx * dtS; out[1] = ry + vy * dtS; out[2] = rz + vz * dtS;
    out[3] = vx + k * rx; out[4] = vy + k * ry; out[5] = vz + k * rz;
    return PROPAGATE_OK;
  }
  const rv = rx * vx + ry * vy + rz * vz;
  const sigma0 = rv / smu;
  const alpha = 2 / r0 - v2 / mu; // 1/a
  const oneMinusAr0 = 1 - alpha * r0;
  let dt = dtS;
  const elliptic = alpha * r0 > 1e-12;
  if (alpha > 0) {
    const period = TWO_PI / (smu * Math.sqrt(alpha * alpha * alpha));
    dt = dtS - period * Math.round(dtS / period);
    if (dt === 0) {
      out[0] = rx; out[1] = ry; out[2] = rz; out[3] = vx; out[4] = vy; out[5] = vz;
      return PROPAGATE_OK;
    }
  }
  const target = smu * dt;
  const sgn = dt > 0 ? 1 : -1;
  const U = U4;
  const KF = KF4;
  // Hyperbolic constants for the anomaly form of F (see below): with β = −α, A = e cosh H0 =
  // 1 + r0β, B = e sinh H0 = σ0√β, P = A + B = e·e^{H0}, Q = A − B = e·e^{−H0}; the smaller of P
  // and Q is e²/(the larger), e² = 1 + β·h²/μ, so neither suffers the cancellation of A − B.
  let sb = 0, b32 = 0, P = 0, Q = 0, K = 0;
  if (alpha < 0) {
    const beta = -alpha;
    sb = Math.sqrt(beta);
    b32 = beta * sb;
    const hx = ry * vz - rz * vy, hy = rz * vx - rx * vz, hz = rx * vy - ry * vx;
    const e2 = 1 + (beta * (hx * hx + hy * hy + hz * hz)) / mu;
    const A = oneMinusAr0, B = sigma0 * sb;
    if (B >= 0) {
      P = A + B;
      Q = e2 / P;
    } else {
      Q = A - B;
      P = e2 / Q;
    }
    K = B + target * b32; // e sinh H0 + n·Δt, n = √μ·β^{3/2}
  }
  const KP = KP10;
  KP[0] = alpha; KP[1] = r0; KP[2] = sigma0; KP[3] = target; KP[4] = oneMinusAr0;
  KP[5] = sb; KP[6] = b32; KP[7] = P; KP[8] = Q; KP[9] = K;
  const kepler = keplerResidual;

  // Starting value (Vallado Alg. 8): the mean-motion guess for ellipses; for hyperbolae the
  // asymptotic (long-span) guess or the linear one, √μΔt/r0, whichever has the smaller residual.
  let guess: number;
  if (elliptic) {
    guess = smu * dt * alpha;
    kepler(guess);
  } else {
    guess = (smu * dt) / r0;
    kepler(guess);
    if (alpha < 0) {
      const alt = sgn * Math.sqrt(-1 / alpha) * Math.log((-2 * mu * alpha * dt) / (rv + sgn * Math.sqrt(-mu / alpha) * oneMinusAr0));
      if (Number.isFinite(alt) && alt * sgn > 0) {
        const linF = KF[0], linFp = KF[1], linFpp = KF[2], linScale = KF[3];
        kepler(alt);
        if (Math.abs(KF[0]) < Math.abs(linF)) guess = alt;
        else {
          KF[0] = linF; KF[1] = linFp; KF[2] = linFpp; KF[3] = linScale;
        }
      }
    }
  }
  // KF now holds F at `guess`.

  // Bracket [inner, outer] on the side of sgn: F(0) = −target has the sign −sgn.
  let inner = 0;
  let outer = guess;
  if (sgn * KF[0] < 0) {
    inner = guess;
    if (elliptic) {
      // |dt| ≤ P/2 after the reduction, |guess| ≤ π/√α, and F(2π/√α) = √μ·P − √μ·dt > 0 (for
      // dt > 0), so one period brackets the root without evaluating F there.
      outer = (sgn * TWO_PI) / Math.sqrt(alpha);
    } else {
      const F0 = KF[0], Fp0 = KF[1], Fpp0 = KF[2], scale0 = KF[3];
      const sAbs = Math.sqrt(Math.abs(alpha));
      for (let k = 0; ; k++) {
        if (k >= 2000 || !Number.isFinite(outer)) return PROPAGATE_OVERFLOW;
        outer = alpha < 0 && Math.abs(outer) * sAbs > 4 ? outer + (sgn * 4) / sAbs : outer * 2;
        kepler(outer);
        if (sgn * KF[0] >= 0) break;
        inner = outer;
      }
      // Restart from the inner end (finite F, and on the slow side of an exponential).
      if (inner === guess) {
        KF[0] = F0; KF[1] = Fp0; KF[2] = Fpp0; KF[3] = scale0;
      } else {
        kepler(inner);
      }
    }
  }
  let lo = sgn > 0 ? inner : outer;
  let hi = sgn > 0 ? outer : inner;
  // Iterate from the inner end, whose F is in KF (or from the guess when it already overshot).
  let chi = sgn * KF[0] < 0 ? inner : guess;
  if (chi === 0) {
    chi = 0.5 * (lo + hi);
    kepler(chi);
  }

  let converged = false;
  let fMark = Infinity;
  for (let k = 0; k < 300; k++) {
    const F = KF[0];
    if (F === 0) {
      converged = true;
      break;
    }
    if (F > 0) hi = chi;
    else lo = chi;
    const width = hi - lo;
    if (width <= 4e-16 * Math.max(Math.abs(lo), Math.abs(hi))) {
      converged = true;
      break;
    }
    let next: number;
    if (!Number.isFinite(F)) {
      next = 0.5 * (lo + hi);
    } else {
      // Residual at its rounding floor: the terms of F are large on long hyperbolic arcs.
      if (Math.abs(F) <= 4e-16 * KF[3]) {
        converged = true;
        break;
      }
      const Fp = KF[1];
      const Fpp = KF[2];
      const n = LAGUERRE_N;
      const disc = (n - 1) * (n - 1) * Fp * Fp - n * (n - 1) * F * Fpp;
      const den = Fp + Math.sqrt(Math.abs(disc));
      next = chi - (n * F) / den;
      // Safeguards: stay strictly inside the bracket, and bisect when three steps have not
      // halved the residual (slow creep from far out on an exponential).
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      else if (k % 3 === 2) {
        if (Math.abs(F) > 0.5 * fMark) next = 0.5 * (lo + hi);
        fMark = Math.abs(F);
      }
      if (Math.abs(next - chi) <= 2e-16 * Math.abs(chi)) {
        chi = next;
        converged = true;
        break;
      }
    }
    chi = next;
    kepler(chi);
  }
  if (!converged) return PROPAGATE_NO_CONVERGENCE;

  if (chi !== evalChi) universalFunctions(chi, alpha, U);
  const U1 = U[1], U2 = U[2], U3 = U[3];
  const f = 1 - U2 / r0;
  // g two ways; take the one whose terms are smaller (less cancellation).
  const gA = r0 * U1 + sigma0 * U2;
  const g = Math.abs(r0 * U1) + Math.abs(sigma0 * U2) <= Math.abs(target) + Math.abs(U3) ? gA / smu : dt - U3 / smu;
  const px = f * rx + g * vx, py = f * ry + g * vy, pz = f * rz + g * vz;
  let rn = Math.sqrt(px * px + py * py + pz * pz);
  if (rn === Infinity) rn = Math.hypot(px, py, pz); // |r| > 1e154 km: the squares overflow, the norm need not
  const fdot = (-smu * U1) / (rn * r0);
  const gdot = 1 - U2 / rn;
  const ox = fdot * rx + gdot * vx, oy = fdot * ry + gdot * vy, oz = fdot * rz + gdot * vz;
  if (!Number.isFinite(rn) || !(rn > 0) || !Number.isFinite(ox + oy + oz)) return PROPAGATE_OVERFLOW;
  out[0] = px; out[1] = py; out[2] = pz;
  out[3] = ox; out[4] = oy; out[5] = oz;
  return PROPAGATE_OK;
}
