/**
 * Why a two-body trajectory may not be trusted (DESIGN §2.2): the target's orbit is propagated
 * from its epoch as a pure Sun two-body orbit, so the phase error grows with the time since the
 * epoch and without bound after a close Earth approach (co-orbitals such as 2006 RH120 end up
 * 100–560 % off the NHATS totals, DESIGN §2.3).
 *
 * astro's `propagationWarnings` gives the standard warnings; this file adds an estimate of how far
 * Earth encounters since the epoch have moved the body (Earth states cached on a 2-day lattice
 * shared by all targets), which separates the hopeless cases from the merely approximate ones.
 */
import { AU_KM, DAY_S, MU_EARTH_KM3S2 } from '../astro/constants.js';
import { propagationWarnings } from '../astro/propagation-warnings.js';
import { earthStatesAt } from '../astro/earth-ephemeris.js';
import { orbitStateInto } from '../astro/orbit.js';
import { epochDateOf, isoDateOf as jdToIsoDate } from './dates.js';
import { UNTRUSTWORTHY } from './warning-markers.js';
import type { TrajectoryTarget } from './ephemeris-lattice.js';

/** Sampling of the close-approach scan, days: a 0.05 AU sphere is crossed in ≥ 4 days at 20 km/s relative speed. */
const SCAN_STEP_DAYS = 2;

let earthCache: { jd0: number; states: Float64Array } | null = null;

function earthOnLattice(fromJd: number, toJd: number): { jd0: number; states: Float64Array } {
  const jd0 = Math.floor(fromJd / SCAN_STEP_DAYS) * SCAN_STEP_DAYS;
  const n = Math.ceil((toJd - jd0) / SCAN_STEP_DAYS) + 1;
  const c = earthCache;
  if (c && c.jd0 <= jd0 && c.jd0 + (c.states.length / 6 - 1) * SCAN_STEP_DAYS >= toJd) return c;
  const lo = Math.min(jd0, c?.jd0 ?? jd0);
  const hi = Math.max(jd0 + (n - 1) * SCAN_STEP_DAYS, c ? c.jd0 + (c.states.length / 6 - 1) * SCAN_STEP_DAYS : -Infinity);
  const m = Math.round((hi - lo) / SCAN_STEP_DAYS) + 1;
  const jd = new Float64Array(m);
  for (let i = 0; i < m; i++) jd[i] = lo + i * SCAN_STEP_DAYS;
  earthCache = { jd0: lo, states: earthStatesAt(jd) };
  return earthCache;
}

export interface CloseApproach {
  jd: number;
  distanceAu: number;
  /** Relative speed at closest approach, km/s. */
  vRelKmS: number;
}

/**
 * Earth encounters of the two-body orbit between two dates (2-day sampling): the closest one, and
 * the summed along-track drift the encounters would cause by `toJd`. Each encounter (local
 * distance minimum within 0.3 AU) gets the impulse-approximation kick δv = 2μ⊕/(b·v_rel) (Öpik;
 * capped at v_rel) and a tangential kick drifts the body along its orbit by 3·δv·t after time t
 * (δn/n = −3δv/v for a near-circular orbit), which two-body propagation does not see.
 */
export function earthEncounters(target: TrajectoryTarget, fromJd: number, toJd: number): { closest: CloseApproach | null; driftKm: number } {
  if (!(toJd > fromJd)) return { closest: null, driftKm: 0 };
  const e = earthOnLattice(fromJd, toJd);
  const s = new Float64Array(6);
  let closest: CloseApproach | null = null;
  const i0 = Math.max(0, Math.floor((fromJd - e.jd0) / SCAN_STEP_DAYS));
  const i1 = Math.min(e.states.length / 6 - 1, Math.ceil((toJd - e.jd0) / SCAN_STEP_DAYS));
  let prev2 = Infinity;
  let prev = Infinity;
  let prevV = 0;
  let drift = 0;
  const kick = (dAu: number, jd: number, vRel: number) => {
    const b = dAu * AU_KM;
    const dv = Math.min(vRel, (2 * MU_EARTH_KM3S2) / (b * Math.max(vRel, 1e-3)));
    drift += 3 * dv * Math.max(0, toJd - jd) * DAY_S;
  };
  for (let i = i0; i <= i1; i++) {
    const jd = e.jd0 + i * SCAN_STEP_DAYS;
    orbitStateInto(target.orbit, jd, s, 0);
    const o = 6 * i;
    const dx = s[0] - e.states[o], dy = s[1] - e.states[o + 1], dz = s[2] - e.states[o + 2];
    const d = Math.sqrt(dx * dx + dy * dy + dz * dz) / AU_KM;
    const vx = s[3] - e.states[o + 3], vy = s[4] - e.states[o + 4], vz = s[5] - e.states[o + 5];
    const v = Math.sqrt(vx * vx + vy * vy + vz * vz);
    if (!closest || d < closest.distanceAu) closest = { jd, distanceAu: d, vRelKmS: v };
    if (prev < prev2 && prev <= d && prev < ENCOUNTER_AU) kick(prev, jd - SCAN_STEP_DAYS, prevV);
    prev2 = prev;
    prev = d;
    prevV = v;
  }
  if (prev < prev2 && prev < ENCOUNTER_AU) kick(prev, toJd, prevV);
  return { closest, driftKm: drift };
}

/** Encounters farther than this are ignored in the drift estimate, AU. */
const ENCOUNTER_AU = 0.3;
/**
 * Estimated drift above which the two-body orbit is called unreliable, km. The impulse estimate
 * overstates slow co-orbital encounters, so the threshold is high: calibrated on the 29 NHATS
 * co-orbitals in nea_extended (scripts/nhats-check.ts), it flags 2006 RH120, 2012 TF79 and
 * 2008 EL68 (100–560 % off NHATS, DESIGN §2.3; estimates 450–490, 450 and 47 million km) while
 * most objects within 1 % of NHATS stay below it.
 */
export const DRIFT_WARN_KM = 2e7;
/** Inside Earth's Hill sphere (0.01 AU) any passage rewrites the orbit. */
const HILL_AU = 0.01;

/** Closest approach only (kept for callers that want the distance). */
export function closestEarthApproach(target: TrajectoryTarget, fromJd: number, toJd: number): CloseApproach | null {
  return earthEncounters(target, fromJd, toJd).closest;
}

/**
 * Warnings for using `target`'s two-body orbit over [fromJd, toJd]: astro's propagation warnings
 * (stale epoch, high MPC U, Earth approach within 0.05 AU) for the date farthest from the epoch,
 * plus a stronger one when the encounters since the epoch shift the body so far along its orbit
 * that the trajectory's Δv cannot be trusted (the co-orbitals DESIGN §2.3 names).
 */
export function targetWarnings(target: TrajectoryTarget, span: [number, number]): string[] {
  const el = target.orbit;
  const far = Math.abs(span[0] - el.epochJd) > Math.abs(span[1] - el.epochJd) ? span[0] : span[1];
  const who = labelOf(target);
  const out = propagationWarnings(el, far, { u: target.u ?? null, name: who });
  const enc = earthEncounters(target, Math.min(el.epochJd, span[0]), Math.max(el.epochJd, span[1]));
  const ca = enc.closest;
  if (ca && (enc.driftKm > DRIFT_WARN_KM || ca.distanceAu < HILL_AU)) {
    out.push(
      `${who}: ${UNTRUSTWORTHY} — Earth encounters since the orbit epoch ${epochDateOf(el.epochJd)} (closest ${ca.distanceAu.toFixed(3)} AU on ${jdToIsoDate(ca.jd)} at ${ca.vRelKmS.toFixed(2)} km/s) ` +
        `shift it by up to ~${fmtKm(enc.driftKm)} along its orbit, which two-body propagation ignores; use a fresher orbit (--catalog) or an n-body ephemeris`,
    );
  }
  return out;
}

/**
 * How a warning names the body: the catalog's display name ("(101955) Bennu", "(16) Psyche") when
 * the target is a catalog entry, else its name and designation — never the bare provisional
 * designation of a named body ("1999 RQ36", "A852 FA").
 */
function labelOf(target: TrajectoryTarget & { displayName?: unknown }): string {
  if (typeof target.displayName === 'string' && target.displayName) return target.displayName;
  return target.name ? `${target.name} (${target.designation})` : target.designation;
}

// Marker text of the strongest warning (front ends look for it): in warning-markers.ts, import-free.
export { UNTRUSTWORTHY };

function fmtKm(km: number): string {
  if (km >= 1e8) return `${Math.round(km / 1e6)} million km`;
  if (km >= 1e6) return `${(km / 1e6).toPrecision(2)} million km`;
  return `${Math.round(km / 1000) * 1000} km`;
}
