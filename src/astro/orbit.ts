/**
 * Heliocentric orbits of catalogued bodies: osculating elements at an epoch (as MPC and SBDB
 * publish them: AU and degrees, heliocentric ecliptic J2000, epoch TT ≈ TDB) propagated as a
 * two-body orbit about the Sun. Outputs are km and km/s, ecliptic J2000.
 */
import { InputError } from '../errors.js';
import { AU_KM, DAY_S, DEG, MU_SUN_KM3S2 } from './constants.js';
import { perifocalToInertialInto, solveKeplerElliptic, solveKeplerHyperbolic } from './kepler.js';
import type { Vec3 } from './vec.js';

export interface OrbitElements {
  /** Epoch of the elements, TDB Julian date. */
  epochJd: number;
  /** Semi-major axis, AU (negative for hyperbolic orbits). */
  aAu: number;
  e: number;
  /** Inclination, degrees. */
  iDeg: number;
  /** Longitude of the ascending node, degrees. */
  omDeg: number;
  /** Argument of perihelion, degrees. */
  wDeg: number;
  /** Mean anomaly at the epoch, degrees. */
  maDeg: number;
}

/** Throws InputError unless the elements describe a real elliptic or hyperbolic orbit. */
export function checkOrbitElements(el: OrbitElements, field = 'orbit'): void {
  const { epochJd, aAu, e, iDeg, omDeg, wDeg, maDeg } = el;
  for (const [k, v] of Object.entries({ epochJd, aAu, e, iDeg, omDeg, wDeg, maDeg })) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${field}.${k}: expected a finite number, got ${String(v)}`, `${field}.${k}`);
  }
  if (e < 0 || Math.abs(e - 1) < 1e-12) throw new InputError(`${field}.e: expected 0 ≤ e < 1 or e > 1, got ${e}`, `${field}.e`);
  if ((e < 1 && !(aAu > 0)) || (e > 1 && !(aAu < 0))) {
    throw new InputError(`${field}.aAu: expected a > 0 for e < 1 (a < 0 for e > 1), got a=${aAu}, e=${e}`, `${field}.aAu`);
  }
}

/** Mean motion, rad/s. */
export function meanMotionRadS(aAu: number, mu = MU_SUN_KM3S2): number {
  const a = Math.abs(aAu) * AU_KM;
  return Math.sqrt(mu / (a * a * a));
}

/** Orbital period, days (Infinity for hyperbolic orbits). */
export function orbitalPeriodDays(aAu: number, mu = MU_SUN_KM3S2): number {
  if (!(aAu > 0)) return Infinity;
  return (2 * Math.PI) / meanMotionRadS(aAu, mu) / DAY_S;
}

/** Writes the state at `jdTdb` into out[o..o+5] (km, km/s). Allocation-free. */
export function orbitStateInto(el: OrbitElements, jdTdb: number, out: Float64Array | number[], o = 0, mu = MU_SUN_KM3S2): void {
  const a = el.aAu * AU_KM;
  const n = meanMotionRadS(el.aAu, mu);
  const M = el.maDeg * DEG + n * (jdTdb - el.epochJd) * DAY_S;
  const anomaly = el.e < 1 ? solveKeplerElliptic(M, el.e) : solveKeplerHyperbolic(M, el.e);
  perifocalToInertialInto(a, el.e, el.iDeg * DEG, el.omDeg * DEG, el.wDeg * DEG, anomaly, mu, out, o);
}

/** Heliocentric ecliptic J2000 state (km, km/s) at a TDB Julian date, two-body from the epoch. */
export function orbitState(el: OrbitElements, jdTdb: number): { r: Vec3; v: Vec3 } {
  checkOrbitElements(el);
  const o = [0, 0, 0, 0, 0, 0];
  orbitStateInto(el, jdTdb, o);
  return { r: [o[0], o[1], o[2]], v: [o[3], o[4], o[5]] };
}

/** States at many dates: 6 numbers per date (x, y, z, vx, vy, vz), km and km/s. */
export function orbitStatesAt(el: OrbitElements, jdTdb: Float64Array | readonly number[]): Float64Array {
  checkOrbitElements(el);
  const out = new Float64Array(jdTdb.length * 6);
  for (let k = 0; k < jdTdb.length; k++) orbitStateInto(el, jdTdb[k], out, 6 * k);
  return out;
}

/** Heliocentric distance in AU at a TDB Julian date: a(1 − e cos E) (or its hyperbolic analogue). */
export function heliocentricDistanceAu(el: OrbitElements, jdTdb: number): number {
  const n = meanMotionRadS(el.aAu);
  const M = el.maDeg * DEG + n * (jdTdb - el.epochJd) * DAY_S;
  if (el.e < 1) return el.aAu * (1 - el.e * Math.cos(solveKeplerElliptic(M, el.e)));
  return -el.aAu * (el.e * Math.cosh(solveKeplerHyperbolic(M, el.e)) - 1);
}

/** Perihelion and aphelion distances, AU. */
export function apsidesAu(el: Pick<OrbitElements, 'aAu' | 'e'>): { qAu: number; QAu: number } {
  return { qAu: el.aAu * (1 - el.e), QAu: el.e < 1 ? el.aAu * (1 + el.e) : Infinity };
}
