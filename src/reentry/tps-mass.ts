/**
 * Heat-shield mass from the integrated stagnation-point heat load.
 *
 * Laub & Venkatapathy (2003), "Thermal protection system technology and facility needs for
 * demanding future planetary missions", Proc. International Workshop on Planetary Probe
 * Atmospheric Entry and Descent Trajectory Analysis and Science (ESA SP-544): a power-law fit to
 * flown entry probes (Apollo, Pioneer-Venus, Galileo, Mars Pathfinder, Stardust, Genesis, …) of
 * heat-shield mass fraction against total stagnation heat load,
 *   MF [%] = 0.091 · Q^0.51575,  Q in J/cm².
 * Sanity anchors: Galileo (Q ≈ 2e5 J/cm²) → ≈ 50 % (flown ≈ 50 %); Stardust (Q ≈ 2–3.6e4 J/cm²)
 * → 16–20 %. The fit carries the flown designs' margins; scatter about it is roughly ±30 %.
 */
import { requireFinite } from '../errors.js';

export const LAUB_VENKATAPATHY_COEFF = 0.091;
export const LAUB_VENKATAPATHY_EXPONENT = 0.51575;

/** Heat-shield mass fraction (0–1) for a stagnation heat load in J/cm². */
export function tpsMassFraction(heatLoadJCm2: number): number {
  requireFinite(heatLoadJCm2, 'heatLoadJCm2', { min: 0 });
  return (LAUB_VENKATAPATHY_COEFF * Math.pow(heatLoadJCm2, LAUB_VENKATAPATHY_EXPONENT)) / 100;
}
