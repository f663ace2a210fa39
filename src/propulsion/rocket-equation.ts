/**
 * Tsiolkovsky rocket equation and constant-thrust burn time (DESIGN §2.4):
 *   m0/m1 = exp(Δv/ve);   t = m0·ve/T·(1 − e^(−Δv/ve)).
 * SI units: m/s, kg, N, s.
 */

/** Propellant burned to give Δv to a vehicle of final (burn-out) mass m1. */
export function propellantForDeltaV(finalMassKg: number, dvMS: number, veMS: number): number {
  return finalMassKg * Math.expm1(dvMS / veMS);
}

/** Burn-out mass after giving Δv to a vehicle of initial mass m0. */
export function finalMassForDeltaV(initialMassKg: number, dvMS: number, veMS: number): number {
  return initialMassKg * Math.exp(-dvMS / veMS);
}

/** Time to burn Δv at constant thrust T starting at mass m0, s (Infinity when T = 0 and Δv > 0). */
export function burnTimeS(initialMassKg: number, dvMS: number, veMS: number, thrustN: number): number {
  if (dvMS <= 0) return 0;
  if (!(thrustN > 0)) return Number.POSITIVE_INFINITY;
  return ((initialMassKg * veMS) / thrustN) * -Math.expm1(-dvMS / veMS);
}
