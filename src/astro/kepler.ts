/**
 * Two-body motion: Kepler's equation, classical elements ↔ Cartesian state, and propagation by
 * universal variables (Bate, Mueller & White 1971 §4.3; Vallado, "Fundamentals of Astrodynamics
 * and Applications", 4th ed., Alg. 8 KEPLER / Alg. 9–10). All root finders are Newton steps
 * kept inside a bracket by bisection, so they converge for every eccentricity and time span.
 * Units: km, km/s, s, radians.
 */
import { InputError } from '../errors.js';
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

/** Stumpff functions C(z), S(z) written to the scratch pair; series near z = 0. */
function stumpff(z: number, cs: Float64Array): void {
  if (z > 1e-2) {
    const s = Math.sqrt(z);
    const h = Math.sin(0.5 * s); // 1 − cos s = 2 sin²(s/2), exact near s = 2π
    cs[0] = (2 * h * h) / z;
    cs[1] = (s - Math.sin(s)) / (z * s);
  } else if (z < -1e-2) {
    const s = Math.sqrt(-z);
    const h = Math.sinh(0.5 * s);
    cs[0] = (2 * h * h) / -z;
    cs[1] = (Math.sinh(s) - s) / (-z * s);
  } else {
    cs[0] = 1 / 2 - z * (1 / 24 - z * (1 / 720 - z * (1 / 40320 - z / 3628800)));
    cs[1] = 1 / 6 - z * (1 / 120 - z * (1 / 5040 - z * (1 / 362880 - z / 39916800)));
  }
}

const CS = new Float64Array(2);
const OUT6 = new Float64Array(6);

/**
 * Propagates a two-body state by `dtS` seconds (either sign) with universal variables; elliptic,
 * parabolic and hyperbolic. Returns the new `{r, v}`. Elliptic spans are first reduced modulo
 * the period, so many revolutions cost no accuracy.
 */
export function propagate(r0: readonly number[], v0: readonly number[], dtS: number, mu: number): { r: Vec3; v: Vec3 } {
  if (!propagateInto(r0[0], r0[1], r0[2], v0[0], v0[1], v0[2], dtS, mu, OUT6)) {
    throw new InputError(`propagate: expected a non-zero finite position, finite velocity and dt, and mu > 0 (dt=${dtS}, mu=${mu})`, 'r0');
  }
  return { r: [OUT6[0], OUT6[1], OUT6[2]], v: [OUT6[3], OUT6[4], OUT6[5]] };
}

/**
 * Allocation-free universal-variable propagation into out[0..5]. Returns false (out untouched)
 * when the input is not finite or the solver does not converge.
 */
export function propagateInto(
  rx: number, ry: number, rz: number, vx: number, vy: number, vz: number,
  dtS: number, mu: number, out: Float64Array | number[],
): boolean {
  const r0 = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const v2 = vx * vx + vy * vy + vz * vz;
  if (!(r0 > 0) || !Number.isFinite(v2) || !Number.isFinite(dtS) || !(mu > 0)) return false;
  if (dtS === 0) {
    out[0] = rx; out[1] = ry; out[2] = rz; out[3] = vx; out[4] = vy; out[5] = vz;
    return true;
  }
  const smu = Math.sqrt(mu);
  const vn = Math.sqrt(v2);
  if (Math.abs(dtS) * (vn / r0 + smu / (r0 * Math.sqrt(r0))) < 1e-13) {
    // Negligible span: a Taylor step is exact to O(dt²) ~ 1e-26 relative, and avoids an
    // iteration on denormal numbers.
    const k = (-mu / (r0 * r0 * r0)) * dtS;
    out[0] = rx + vx * dtS; out[1] = ry + vy * dtS; out[2] = rz + vz * dtS;
    out[3] = vx + k * rx; out[4] = vy + k * ry; out[5] = vz + k * rz;
    return true;
  }
  const rv = rx * vx + ry * vy + rz * vz;
  const sigma0 = rv / smu;
  const alpha = 2 / r0 - v2 / mu; // 1/a
  let dt = dtS;
  if (alpha > 0) {
    const period = TWO_PI / (smu * Math.sqrt(alpha * alpha * alpha));
    dt = dtS - period * Math.round(dtS / period);
    if (dt === 0) {
      out[0] = rx; out[1] = ry; out[2] = rz; out[3] = vx; out[4] = vy; out[5] = vz;
      return true;
    }
  }
  const target = smu * dt;
  // F(χ) = σ0 χ² C + (1 − α r0) χ³ S + r0 χ − √μ dt is increasing in χ (F′ = r > 0); bracket it.
  const sgn = dt > 0 ? 1 : -1;
  let lo = 0;
  let hi: number;
  let chi: number;
  if (alpha > 1e-12 * (1 / r0)) {
    chi = smu * dt * alpha;
    hi = sgn * (2 * Math.PI / Math.sqrt(alpha)); // ≤ half a period of |ΔE|·√a, doubled for margin
  } else {
    // Hyperbolic/parabolic: |χ| ≤ |√μ dt / r_min| is loose; start from the Vallado guess.
    const an = alpha < 0 ? -1 / alpha : 0;
    if (an > 0) {
      const g = sgn * Math.sqrt(an) * Math.log((-2 * mu * alpha * dt) / (rv + sgn * Math.sqrt(mu * an) * (1 - r0 * alpha)));
      chi = Number.isFinite(g) ? g : (smu * dt) / r0;
    } else {
      chi = (smu * dt) / r0;
    }
    hi = sgn * Math.max(Math.abs(chi) * 2, Math.abs(smu * dt) / r0 + 1);
  }
  // Grow hi until it brackets the root.
  for (let k = 0; k < 200; k++) {
    const z = alpha * hi * hi;
    stumpff(z, CS);
    const F = sigma0 * hi * hi * CS[0] + (1 - alpha * r0) * hi * hi * hi * CS[1] + r0 * hi - target;
    if (sgn * F >= 0) break;
    lo = hi;
    hi *= 2;
  }
  if (sgn < 0) {
    const t = lo;
    lo = hi;
    hi = t;
  } // now lo < hi always
  if (!(chi > lo && chi < hi)) chi = 0.5 * (lo + hi);
  let C = 0, S = 0, r = r0;
  let converged = false;
  let bestChi = chi;
  let bestF = Infinity;
  for (let k = 0; k < 100; k++) {
    const chi2 = chi * chi;
    const z = alpha * chi2;
    stumpff(z, CS);
    C = CS[0];
    S = CS[1];
    const t1 = sigma0 * chi2 * C;
    const t2 = (1 - alpha * r0) * chi2 * chi * S;
    const F = t1 + t2 + r0 * chi - target;
    r = sigma0 * chi * (1 - z * S) + (1 - alpha * r0) * chi2 * C + r0;
    const aF = Math.abs(F);
    if (aF < bestF) {
      bestF = aF;
      bestChi = chi;
    }
    // Converged when F is at its rounding floor (the terms of F are large on long hyperbolic
    // arcs, so a pure |Δχ| test can stall one ulp above its threshold).
    if (aF <= 4e-16 * (Math.abs(t1) + Math.abs(t2) + Math.abs(r0 * chi) + Math.abs(target))) {
      converged = true;
      break;
    }
    if (F > 0) hi = chi;
    else lo = chi;
    let next = chi - F / r;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    const d = Math.abs(next - chi);
    chi = next;
    if (d <= 1e-15 * Math.max(Math.abs(chi), 1e-300) || hi - lo <= 2e-16 * Math.abs(chi)) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    // Accept the best iterate if its residual is within ~1e-12 of the scale of the equation.
    const chi2 = bestChi * bestChi;
    stumpff(alpha * chi2, CS);
    const scale = Math.abs(sigma0 * chi2 * CS[0]) + Math.abs((1 - alpha * r0) * chi2 * bestChi * CS[1]) + Math.abs(r0 * bestChi) + Math.abs(target);
    if (bestF <= 1e-12 * scale) {
      chi = bestChi;
      converged = true;
    }
  }
  if (!converged || !Number.isFinite(chi)) return false;
  const chi2 = chi * chi;
  const z = alpha * chi2;
  stumpff(z, CS);
  C = CS[0];
  S = CS[1];
  const f = 1 - (chi2 / r0) * C;
  const g = dt - (chi2 * chi / smu) * S;
  const px = f * rx + g * vx, py = f * ry + g * vy, pz = f * rz + g * vz;
  const rn = Math.sqrt(px * px + py * py + pz * pz);
  const fdot = (smu / (rn * r0)) * (z * chi * S - chi);
  const gdot = 1 - (chi2 / rn) * C;
  out[0] = px; out[1] = py; out[2] = pz;
  out[3] = fdot * rx + gdot * vx;
  out[4] = fdot * ry + gdot * vy;
  out[5] = fdot * rz + gdot * vz;
  return true;
}
