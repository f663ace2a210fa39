/**
 * Shoemaker–Helin rendezvous delta-v, the variant L. Benner uses for his "NEA Delta-V for
 * Spacecraft Rendezvous" list (LEO → rendezvous). Formulas as in DESIGN §2.1 (after Shoemaker &
 * Helin 1978, as implemented by Benner; checked against every row of his 2013-04-14 list).
 *
 * Non-dimensional speeds are in units of Earth's mean orbital speed; the classes split at
 * q = 1.0 AU exactly. The frequently copied variant that also multiplies the rendezvous term by
 * cos(i/2) for Amors/Apollos is biased high for inclined orbits and is deliberately not used.
 */
export type NeaClass = 'Atira' | 'Aten' | 'Apollo' | 'Amor';
export type OrbitClass = NeaClass | 'MBA' | 'Other';

/** Earth's mean orbital speed used by Benner, km/s. */
const V_EARTH_KMS = 29.784;
/** LEO circular speed 7.727 km/s (≈ 300 km altitude) in Earth-orbital-speed units. */
const U0 = 7.727 / V_EARTH_KMS;
/** Escape-speed term: √2·U0. */
const S2 = 2 * U0 * U0;
/** Benner's scale factor (30 km/s, not 29.784) and the fixed 0.5 km/s allowance. */
const SCALE_KMS = 30;
const ALLOWANCE_KMS = 0.5;
/** NEA definition: perihelion below 1.3 AU. */
export const NEA_MAX_Q_AU = 1.3;

export interface ShoemakerHelinResult {
  /** Rendezvous delta-v from LEO, km/s; null when the orbit is not an NEA (see `reason`). */
  dvKmS: number | null;
  orbitClass: OrbitClass;
  reason?: string;
}

/** Orbit class from a, e (AU): Atira (Q < 0.983 AU), Aten, Apollo, Amor, else MBA/Other. */
export function orbitClassOf(aAu: number, e: number): OrbitClass {
  const q = aAu * (1 - e);
  const Q = aAu * (1 + e);
  if (!(e < 1) || !(aAu > 0)) return 'Other';
  if (q < NEA_MAX_Q_AU) {
    if (aAu < 1) return Q < 0.983 ? 'Atira' : 'Aten';
    return q <= 1 ? 'Apollo' : 'Amor';
  }
  // Main belt, loosely: 2.0 < a < 3.3 AU with q > 1.66 AU (MPC/JPL "MBA" classes together).
  if (aAu > 2.0 && aAu < 3.3 && q > 1.666) return 'MBA';
  return 'Other';
}

/**
 * Rendezvous delta-v (km/s) for an orbit with semi-major axis `aAu`, eccentricity `e` and
 * inclination `iRad`. Writes nothing and allocates only the result object.
 */
export function shoemakerHelinDeltaV(aAu: number, e: number, iRad: number): ShoemakerHelinResult {
  const orbitClass = orbitClassOf(aAu, e);
  if (orbitClass === 'MBA' || orbitClass === 'Other') {
    return {
      dvKmS: null,
      orbitClass,
      reason: `Shoemaker–Helin is defined for near-Earth orbits only (q = ${(aAu * (1 - e)).toFixed(3)} AU ≥ ${NEA_MAX_Q_AU} AU or unbound); use a Lambert/porkchop delta-v`,
    };
  }
  return { dvKmS: shoemakerHelinDvKmS(aAu, e, iRad), orbitClass };
}

/** The bare figure (km/s) for an NEA orbit; NaN when the formula does not apply. Hot-loop form. */
export function shoemakerHelinDvKmS(aAu: number, e: number, iRad: number): number {
  const Q = aAu * (1 + e);
  const q = aAu * (1 - e);
  const c = Math.cos(iRad / 2);
  const p = aAu * (1 - e * e);
  let ut2: number;
  let uc2: number;
  let ur2: number;
  if (aAu < 1) {
    // Aten (and Atira): transfer with aphelion at Q.
    ut2 = 2 - 2 * c * Math.sqrt(2 * Q - Q * Q);
    uc2 = 3 / Q - 1 - (2 / Q) * Math.sqrt(2 - Q);
    ur2 = 3 / Q - 1 / aAu - (2 / Q) * c * Math.sqrt(p / Q);
  } else if (q <= 1) {
    // Apollo: Hohmann-like transfer from 1 AU to Q.
    ut2 = 3 - 2 / (Q + 1) - 2 * c * Math.sqrt((2 * Q) / (Q + 1));
    uc2 = 3 / Q - 2 / (Q + 1) - (2 / Q) * Math.sqrt(2 / (Q + 1));
    ur2 = 3 / Q - 1 / aAu - (2 / Q) * c * Math.sqrt(p / Q);
  } else {
    // Amor: the plane change moves to the aphelion match-up term.
    ut2 = 3 - 2 / (Q + 1) - 2 * c * Math.sqrt((2 * Q) / (Q + 1));
    uc2 = 3 / Q - 2 / (Q + 1) - (2 / Q) * c * Math.sqrt(2 / (Q + 1));
    ur2 = 3 / Q - 1 / aAu - (2 / Q) * Math.sqrt(p / Q);
  }
  // Near-circular orbits at Q ≈ 1 make u_c² and u_r² vanish; clamp rounding noise below zero.
  const uL = Math.sqrt(ut2 + S2) - U0;
  const uR = Math.abs(Math.sqrt(Math.max(0, uc2)) - Math.sqrt(Math.max(0, ur2)));
  return SCALE_KMS * (uL + uR) + ALLOWANCE_KMS;
}
