/**
 * Allen & Eggers (1958), NACA Report 1381: ballistic entry into an isothermal exponential
 * atmosphere with constant flight-path angle and no gravity. Closed forms, kept ONLY as a first
 * guess / cross-check: for shallow super-orbital entries (Stardust, γ ≈ −8°) gravity and the
 * curving path matter and the closed form over-predicts the peak deceleration about 2× (DESIGN §2.6).
 */
import { G0_MS2 } from '../astro/constants.js';

/** Peak deceleration, in g0: V_E²·|sin γ_E| / (2·e·H·g0). */
export function allenEggersPeakDecelG(speedKmS: number, fpaRad: number, scaleHeightKm: number): number {
  const v = speedKmS * 1000;
  return (v * v * Math.abs(Math.sin(fpaRad))) / (2 * Math.E * scaleHeightKm * 1000 * G0_MS2);
}

/** Speed at the deceleration peak, km/s: V_E·e^(−1/2) (independent of the ballistic coefficient). */
export function allenEggersSpeedAtPeakDecelKmS(speedKmS: number): number {
  return speedKmS * Math.exp(-0.5);
}

/**
 * Altitude of peak deceleration, km: H·ln(ρ0·H / (β·|sin γ|)), with β = m/(C_D·A) in kg/m².
 */
export function allenEggersPeakDecelAltitudeKm(ballisticCoefficientKgM2: number, fpaRad: number, rho0KgM3: number, scaleHeightKm: number): number {
  return scaleHeightKm * Math.log((rho0KgM3 * scaleHeightKm * 1000) / (ballisticCoefficientKgM2 * Math.abs(Math.sin(fpaRad))));
}
