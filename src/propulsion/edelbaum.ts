/**
 * Edelbaum's low-thrust Δv between circular orbits with a plane change (Edelbaum 1961;
 * Kéchichian 1997, J. Guidance 20(5) 1226): ΔV = √(V0² + V1² − 2·V0·V1·cos(π·Δi/2)).
 * Exact for constant acceleration, many revolutions, circular→circular and no phasing, so for an
 * eccentric NEA with a fixed-time rendezvous it is a lower bound, never the leg's cost.
 * DESIGN §2.4 validation: LEO 7000 km → GEO 42166 km, Δi 28.5° → 5.783775 km/s.
 */

/** Edelbaum Δv from the two circular speeds (any consistent unit) and the plane change, rad. */
export function edelbaumDeltaV(v0: number, v1: number, deltaIRad: number): number {
  return Math.sqrt(Math.max(0, v0 * v0 + v1 * v1 - 2 * v0 * v1 * Math.cos((Math.PI / 2) * deltaIRad)));
}

/** Edelbaum Δv between circular orbits of radius r0Km and r1Km about a body of GM muKm3S2, km/s. */
export function edelbaumCircularKmS(r0Km: number, r1Km: number, deltaIRad: number, muKm3S2: number): number {
  return edelbaumDeltaV(Math.sqrt(muKm3S2 / r0Km), Math.sqrt(muKm3S2 / r1Km), deltaIRad);
}

/** What the Edelbaum figure means for a rendezvous leg: a lower bound, no upper bound. */
export const EDELBAUM_BAND = {
  kind: 'lower bound',
  source: 'Edelbaum 1961 (ARS J. 31, 1079); circular→circular, no phasing (astrodynamics notes §6)',
} as const;
