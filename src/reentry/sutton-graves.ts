/**
 * Stagnation-point convective heating, Sutton & Graves (1971), "A general stagnation-point
 * convective-heating equation for arbitrary gas mixtures", NASA TR R-376:
 * q̇ = k·√(ρ/R_n)·V³ with k = 1.7415e-4 kg^0.5/m for Earth air (SI: ρ kg/m³, R_n m, V m/s → W/m²).
 * Cold-wall, convective only: radiative heating (significant above ~11 km/s for large noses) is
 * not included, which is why the result is quoted next to the NASA computations' band.
 */
export const SUTTON_GRAVES_K_EARTH = 1.7415e-4;

export function suttonGravesHeatFluxWM2(densityKgM3: number, noseRadiusM: number, speedMS: number, k = SUTTON_GRAVES_K_EARTH): number {
  return k * Math.sqrt(densityKgM3 / noseRadiusM) * speedMS * speedMS * speedMS;
}
