/**
 * How far a ballistic (impulsive, Lambert) Δv understates a low-thrust leg. In the pykep
 * approximations notebook (GTOC12 hops, 9 cases) the "Lambert estimate" of the maximum initial
 * mass, Tmax·T/ΔV_L, was +15 %…+92 % too high (median +68 %) against the exact minimum-time
 * solution; with m ∝ 1/a and a ∝ ΔV for thrust over the whole arc, the low-thrust Δv is
 * 1.15…1.92 × the Lambert Δv (astrodynamics notes §2.4 and §6, DESIGN §2.4).
 */
export const LAMBERT_OPTIMISM_BAND = {
  low: 1.15,
  median: 1.68,
  high: 1.92,
  source: 'pykep approximations notebook (GTOC12 hops): Lambert mass estimate +15 %…+92 % (median +68 %) vs exact MIM',
} as const;

/** Low-thrust Δv band implied by an impulsive Lambert Δv, km/s. */
export function lambertLowThrustBand(impulsiveDvKmS: number): [number, number] {
  return [impulsiveDvKmS * LAMBERT_OPTIMISM_BAND.low, impulsiveDvKmS * LAMBERT_OPTIMISM_BAND.high];
}
