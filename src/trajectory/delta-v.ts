/**
 * Δv bookkeeping of the NHATS round-trip method (Barbee et al. 2011, AAS 11-444; NHATS API v1.3),
 * verified against 31 published NHATS records (reference data; see test/trajectory/delta-v.test.ts):
 *
 *   Δv_total = Δv_dep,park + v_rel,arr,NEA + v_rel,dep,NEA + Δv_entry
 *
 * Δv_dep,park is the impulsive burn from a circular parking orbit onto the departure hyperbola
 * (C3 = v∞²); the NEA terms are plain relative speeds (rendezvous, then departure); Δv_entry is 0
 * unless the ballistic return would enter the atmosphere faster than the limit (12 km/s), in which
 * case it is the reduction of the return v∞ that makes the entry exactly the limit.
 */
import { MU_EARTH_KM3S2, R_EARTH_KM } from '../astro/constants.js';

/** NHATS parking orbit: circular, 400 km altitude (DESIGN §2.3; reproduces all 62 NHATS figures to 0.001 km/s). */
export const LEO_ALTITUDE_KM = 400;
/** Entry-interface altitude, km (the conventional 125 km; NHATS' value is unpublished, DESIGN §2.3). */
export const ENTRY_INTERFACE_ALTITUDE_KM = 125;
/** NHATS maximum Earth entry speed, km/s (NHATS API v1.3 documentation). */
export const MAX_ENTRY_SPEED_KMS = 12;

/** Δv (km/s) from a circular orbit at `altitudeKm` onto a hyperbola of energy C3 (km²/s²): √(C3 + 2μ/r) − √(μ/r). */
export function departureDvFromC3(c3: number, altitudeKm = LEO_ALTITUDE_KM): number {
  const r = R_EARTH_KM + altitudeKm;
  return Math.sqrt(c3 + (2 * MU_EARTH_KM3S2) / r) - Math.sqrt(MU_EARTH_KM3S2 / r);
}

/** Speed (km/s) at the entry interface of a hyperbolic return with excess speed vInf: √(v∞² + 2μ/r_EI). */
export function entrySpeedKmS(vInfKmS: number, entryAltitudeKm = ENTRY_INTERFACE_ALTITUDE_KM): number {
  return Math.sqrt(vInfKmS * vInfKmS + (2 * MU_EARTH_KM3S2) / (R_EARTH_KM + entryAltitudeKm));
}

/** Largest hyperbolic excess speed (km/s) that still enters at or below `maxEntryKmS`; NaN if even v∞ = 0 is too fast. */
export function maxVInfForEntryKmS(maxEntryKmS = MAX_ENTRY_SPEED_KMS, entryAltitudeKm = ENTRY_INTERFACE_ALTITUDE_KM): number {
  const ve2 = (2 * MU_EARTH_KM3S2) / (R_EARTH_KM + entryAltitudeKm);
  const d = maxEntryKmS * maxEntryKmS - ve2;
  return d >= 0 ? Math.sqrt(d) : NaN;
}

/**
 * Δv (km/s) that brings the entry speed down to `maxEntryKmS`: a reduction of the return v∞
 * (applied on approach, far from Earth) to √(v_max² − 2μ⊕/r_EI); 0 when already below. This is
 * how NHATS books `vrel_arr_earth`: evaluating the capped NHATS minimum-duration trajectories
 * with our own orbits, 2013 BS45 (a well-determined orbit) needs 0.757 km/s by this rule and
 * NHATS prints 0.758, whereas trimming the entry speed itself would give 0.312
 * (scripts/nhats-check.ts --kind min_dur prints both).
 */
export function entryCapDvKmS(vInfKmS: number, maxEntryKmS = MAX_ENTRY_SPEED_KMS, entryAltitudeKm = ENTRY_INTERFACE_ALTITUDE_KM): number {
  const vMax = maxVInfForEntryKmS(maxEntryKmS, entryAltitudeKm);
  if (Number.isNaN(vMax)) return vInfKmS;
  return vInfKmS > vMax ? vInfKmS - vMax : 0;
}

/** The other reading, kept for the comparison: trim the entry speed itself (entry − limit). */
export function entryCapDvAsEntryTrimKmS(vInfKmS: number, maxEntryKmS = MAX_ENTRY_SPEED_KMS, entryAltitudeKm = ENTRY_INTERFACE_ALTITUDE_KM): number {
  const v = entrySpeedKmS(vInfKmS, entryAltitudeKm);
  return v > maxEntryKmS ? v - maxEntryKmS : 0;
}

export interface RoundTripDvParts {
  dvDepartKmS: number;
  vArrNeoKmS: number;
  vDepNeoKmS: number;
  dvEntryKmS: number;
}

/** The NHATS total. */
export function roundTripTotalDv(p: RoundTripDvParts): number {
  return p.dvDepartKmS + p.vArrNeoKmS + p.vDepNeoKmS + p.dvEntryKmS;
}
