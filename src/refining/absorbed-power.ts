/**
 * Sunlight captured by the concentrator: P_abs = η_opt · A_c · S₀ / r², S₀ = 1361 W/m² at 1 AU
 * (Kopp & Lean 2011), r in AU (DESIGN §2.5).
 */
import { SOLAR_CONSTANT_WM2 } from '../astro/constants.js';
import { InputError, requireFinite } from '../errors.js';

export interface ConcentratorSize {
  /** Collecting (aperture) area, m². */
  areaM2?: number;
  /** Aperture diameter of a circular concentrator, m (area = π·D²/4). */
  diameterM?: number;
}

/** Aperture area from an area or a diameter (exactly one of them). */
export function concentratorAreaM2(c: ConcentratorSize, field = 'concentrator'): number {
  const hasA = c.areaM2 !== undefined;
  const hasD = c.diameterM !== undefined;
  if (hasA === hasD) throw new InputError(`${field}: give either areaM2 or diameterM (exactly one)`, field);
  if (hasA) return requireFinite(c.areaM2!, `${field}.areaM2`, { min: 0, exclusiveMin: true, max: 1e8 });
  const d = requireFinite(c.diameterM!, `${field}.diameterM`, { min: 0, exclusiveMin: true, max: 1e4 });
  return (Math.PI * d * d) / 4;
}

/** Absorbed power, W, at heliocentric distance `rAu`. */
export function absorbedPowerW(areaM2: number, opticalEfficiency: number, rAu: number): number {
  return (opticalEfficiency * areaM2 * SOLAR_CONSTANT_WM2) / (rAu * rAu);
}
