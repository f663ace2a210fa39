/**
 * When is a two-body position of a catalogued body not to be trusted? DESIGN §2.2: warn when
 * propagating far from the orbit's epoch, when the MPC uncertainty U is high, and when the body
 * passes close to Earth between the epoch and the date (two-body phase error then grows without
 * bound).
 *
 * Thresholds and why:
 * - |date − epoch| > 365 d. Measured against JPL Horizons (test/astro/orbit.test.ts): SBDB
 *   elements propagated two-body for 161 d miss by 0.8–2.9·10⁴ km (Itokawa, Geographos,
 *   Toutatis, Castalia); Bennu's 2011 elements propagated 15.3 yr miss by 8.4·10⁶ km. Planetary
 *   perturbations make the along-track error grow roughly quadratically with time, so about a
 *   year (~10⁵ km, still fine for trajectory screening) is where a warning starts to matter.
 * - MPC U ≥ 5. U is the MPC orbit-uncertainty parameter (0 = best … 9): a logarithmic measure of
 *   the in-orbit longitude runoff per decade, a factor ≈ 4.4 per step — U = 5 allows up to 1692″
 *   (0.47°), U = 6 up to 7488″ (2.1°) per decade (MPC, "Uncertainty Parameter U",
 *   minorplanetcenter.net/iau/info/UValue.html). 0.5° at 1–2 AU is ~10⁶ km along-track, too much
 *   for rendezvous planning; 5 is also the catalog's HIGH_U (src/catalog/warnings.ts).
 * - Earth approach < 0.05 AU between the epoch and the date: the PHA distance criterion, where
 *   Earth's pull changes the orbit measurably; a two-body orbit does not see the deflection.
 */
import { AU_KM, DAY_S } from './constants.js';
import { earthStateInto } from './earth-ephemeris.js';
import { orbitStateInto, type OrbitElements } from './orbit.js';

export const EPOCH_AGE_WARN_DAYS = 365;
export const MPC_U_WARN = 5;
export const CLOSE_APPROACH_WARN_AU = 0.05;

export interface CloseApproach {
  /** Smallest sampled Earth distance, AU. */
  distanceAu: number;
  /** When it happened, TDB Julian date. */
  jdTdb: number;
}

/**
 * Closest approach to Earth between two dates (either order), sampled with a step that adapts
 * to distance and relative speed so that an approach inside `thresholdAu` cannot fall between
 * samples (step ≤ (d − threshold)/v_rel, between 0.05 and 10 days), then refined by golden-section
 * search around the best sample.
 */
export function closestEarthApproach(el: OrbitElements, jdA: number, jdB: number, thresholdAu = CLOSE_APPROACH_WARN_AU): CloseApproach {
  const from = Math.min(jdA, jdB);
  const to = Math.max(jdA, jdB);
  const s = new Float64Array(6);
  const e = new Float64Array(6);
  const dist = (jd: number): number => {
    orbitStateInto(el, jd, s);
    earthStateInto(jd, e);
    return Math.hypot(s[0] - e[0], s[1] - e[1], s[2] - e[2]);
  };
  const thresholdKm = thresholdAu * AU_KM;
  let bestD = Infinity;
  let bestJd = from;
  let jd = from;
  for (let guard = 0; guard < 1_000_000; guard++) {
    orbitStateInto(el, jd, s);
    earthStateInto(jd, e);
    const dx = s[0] - e[0], dy = s[1] - e[1], dz = s[2] - e[2];
    const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (d < bestD) {
      bestD = d;
      bestJd = jd;
    }
    if (jd >= to) break;
    const vrel = Math.hypot(s[3] - e[3], s[4] - e[4], s[5] - e[5]);
    const stepDays = Math.min(10, Math.max(0.05, (0.5 * Math.max(d - thresholdKm, d * 0.1)) / (vrel * DAY_S)));
    jd = Math.min(to, jd + stepDays);
  }
  // Refine the minimum within ±1 step.
  let a = Math.max(from, bestJd - 10), b = Math.min(to, bestJd + 10);
  const gr = (Math.sqrt(5) - 1) / 2;
  let c = b - gr * (b - a), d = a + gr * (b - a);
  let fc = dist(c), fd = dist(d);
  for (let k = 0; k < 60 && b - a > 1e-6; k++) {
    if (fc < fd) {
      b = d; d = c; fd = fc; c = b - gr * (b - a); fc = dist(c);
    } else {
      a = c; c = d; fc = fd; d = a + gr * (b - a); fd = dist(d);
    }
  }
  const mid = 0.5 * (a + b);
  const dm = dist(mid);
  if (dm < bestD) {
    bestD = dm;
    bestJd = mid;
  }
  return { distanceAu: bestD / AU_KM, jdTdb: bestJd };
}

/**
 * Human-readable warnings (possibly none) for using `el` two-body at `jdTdb`. `u` is the MPC
 * uncertainty parameter when known; `closeApproach: false` skips the Earth-approach scan (it
 * costs ~1 ms per simulated year).
 */
export function propagationWarnings(
  el: OrbitElements,
  jdTdb: number,
  opts: { u?: number | null; closeApproach?: boolean; name?: string } = {},
): string[] {
  const out: string[] = [];
  const who = opts.name ? `${opts.name}: ` : '';
  const ageDays = jdTdb - el.epochJd;
  if (Math.abs(ageDays) > EPOCH_AGE_WARN_DAYS) {
    out.push(
      `${who}the orbit epoch is ${Math.abs(ageDays).toFixed(0)} days (${(Math.abs(ageDays) / 365.25).toFixed(1)} yr) ` +
        `${ageDays > 0 ? 'before' : 'after'} the date; two-body propagation ignores planetary perturbations, so the position ` +
        `may be off by 10⁵–10⁷ km (use a fresher catalog with --catalog)`,
    );
  }
  if (opts.u !== undefined && opts.u !== null && Number.isFinite(opts.u) && opts.u >= MPC_U_WARN) {
    out.push(`${who}the orbit is poorly determined (MPC uncertainty U = ${opts.u}); positions years from the epoch can be off by degrees`);
  }
  if (opts.closeApproach !== false && ageDays !== 0) {
    const ca = closestEarthApproach(el, el.epochJd, jdTdb);
    if (ca.distanceAu < CLOSE_APPROACH_WARN_AU) {
      out.push(
        `${who}passes ${ca.distanceAu.toFixed(4)} AU from Earth between the orbit epoch and the date (JD ${ca.jdTdb.toFixed(1)} TDB); ` +
          `two-body propagation past an Earth encounter is unreliable`,
      );
    }
  }
  return out;
}
