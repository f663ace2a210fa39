/**
 * Damon's approximation (D. Landau, JPL, GTOC7; as in pykep 2's `damon_approx`): the low-thrust
 * arc is two constant-acceleration segments of equal magnitude, split at τ, that reproduce the
 * Lambert arc's boundary Δv vectors Δv1, Δv2 over the time of flight T. With U = T(Δv2 + Δv1),
 * V = T(Δv2 − Δv1), α = |U|²/(U·V):
 *   τ = (α + 1 − sign(α)·√(1 + α²))/2   (fraction of T),
 *   a1 = (V − U/τ)/T², a2 = (V − U/(τ − 1))/T²,   ΔV = |V − U/τ|/T,
 *   m* = 2·Tmax / (|a|·(1 + exp(−ΔV/ve))).
 * It gives a Δv for the leg (MIMA gives only the acceleration); no published accuracy band.
 */
import { G0_MS2 } from '../astro/constants.js';

export interface DamonResult {
  /** Low-thrust Δv, m/s. */
  dvMS: number;
  /** Acceleration magnitude on both arcs, m/s². */
  aReqMS2: number;
  /** Switch time as a fraction of the time of flight. */
  tauFraction: number;
  /** Maximum initial mass for the given thrust and Isp, kg. */
  maxInitialMassKg: number;
}

/** Damon's estimate from boundary Δv vectors (m/s), time of flight (s), thrust (N), Isp (s). */
export function damon(dv1MS: readonly number[], dv2MS: readonly number[], tofS: number, thrustN: number, ispS: number): DamonResult {
  const U = [(dv2MS[0] + dv1MS[0]) * tofS, (dv2MS[1] + dv1MS[1]) * tofS, (dv2MS[2] + dv1MS[2]) * tofS];
  const V = [(dv2MS[0] - dv1MS[0]) * tofS, (dv2MS[1] - dv1MS[1]) * tofS, (dv2MS[2] - dv1MS[2]) * tofS];
  const UU = U[0] * U[0] + U[1] * U[1] + U[2] * U[2];
  const UV = U[0] * V[0] + U[1] * V[1] + U[2] * V[2];
  const VV = V[0] * V[0] + V[1] * V[1] + V[2] * V[2];
  let tau: number;
  if (UU === 0) {
    tau = 0.5; // Δv2 = −Δv1: both arcs have the same acceleration whatever τ.
  } else {
    // Cancellation-free form of (α + 1 − sign(α)√(1 + α²))/2; U·V = 0 gives α = ±∞ → τ = ½.
    const alpha = UU / UV;
    const s = Math.abs(alpha) === Infinity ? 0 : 1 / (Math.abs(alpha) + Math.sqrt(1 + alpha * alpha));
    tau = alpha > 0 ? (1 - s) / 2 : (1 + s) / 2;
  }
  const dvMS = Math.sqrt(Math.max(0, VV + UU / (tau * tau) - (2 * UV) / tau)) / tofS;
  const aReqMS2 = dvMS / tofS;
  const ve = G0_MS2 * ispS;
  const maxInitialMassKg = aReqMS2 > 0 ? (2 * thrustN) / (aReqMS2 * (1 + Math.exp(-dvMS / ve))) : Number.POSITIVE_INFINITY;
  return { dvMS, aReqMS2, tauFraction: tau, maxInitialMassKg };
}
