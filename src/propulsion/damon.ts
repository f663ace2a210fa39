/**
 * Damon's approximation (D. Landau, JPL, GTOC7; as in pykep 2's `damon_approx`): the low-thrust
 * arc is two constant-acceleration segments of equal magnitude, split at τ, that reproduce the
 * Lambert arc's boundary Δv vectors over the time of flight T. Damon's formula takes the
 * departure Δv1 = v_L1 − v_dep and the arrival velocity relative to the target, w2 = v_L2 − v_arr
 * (= −Δv2 in the MIMA convention our callers use). With U = T(w2 + Δv1), V = T(w2 − Δv1),
 * α = |U|²/(U·V):
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

/**
 * Damon's estimate from boundary Δv vectors in the MIMA convention (m/s: Δv1 = v_L1 − v_dep,
 * Δv2 = v_arr − v_L2), time of flight (s), thrust (N), Isp (s).
 */
export function damon(dv1MS: readonly number[], dv2MS: readonly number[], tofS: number, thrustN: number, ispS: number): DamonResult {
  // w2 = −Δv2: getting this sign wrong is invisible when Δv1 = 0 but gives 1161 instead of
  // 1983 m/s on DESIGN §2.4's vectors.
  const U = [(-dv2MS[0] + dv1MS[0]) * tofS, (-dv2MS[1] + dv1MS[1]) * tofS, (-dv2MS[2] + dv1MS[2]) * tofS];
  const V = [(-dv2MS[0] - dv1MS[0]) * tofS, (-dv2MS[1] - dv1MS[1]) * tofS, (-dv2MS[2] - dv1MS[2]) * tofS];
  const UU = U[0] * U[0] + U[1] * U[1] + U[2] * U[2];
  const UV = U[0] * V[0] + U[1] * V[1] + U[2] * V[2];
  let tau: number;
  if (UU === 0) {
    tau = 0.5; // Δv2 = Δv1 (U = 0): one constant acceleration does it; any τ gives the same ΔV.
  } else {
    const alpha = UU / UV;
    if (!Number.isFinite(alpha)) {
      tau = 0.5; // U·V = 0
    } else {
      // (α + 1 − sign(α)√(1 + α²))/2 rewritten with only positive terms, so that a tiny α
      // (|U| ≪ |V|, τ → α/2) keeps its digits: s = √(1 + α²) − |α| = 1/(|α| + √(1 + α²)).
      const root = Math.sqrt(1 + alpha * alpha);
      const s = 1 / (Math.abs(alpha) + root);
      tau = alpha > 0 ? (alpha * (1 + s)) / (2 * (1 + root)) : (1 + s) / 2;
    }
  }
  // ΔV = |V − U/τ|/T, component-wise: the expanded |V|² + |U|²/τ² − 2U·V/τ cancels badly as τ → 0.
  const w0 = V[0] - U[0] / tau, w1 = V[1] - U[1] / tau, w2 = V[2] - U[2] / tau;
  const dvMS = Math.sqrt(w0 * w0 + w1 * w1 + w2 * w2) / tofS;
  const aReqMS2 = dvMS / tofS;
  const ve = G0_MS2 * ispS;
  const maxInitialMassKg = aReqMS2 > 0 ? (2 * thrustN) / (aReqMS2 * (1 + Math.exp(-dvMS / ve))) : Number.POSITIVE_INFINITY;
  return { dvMS, aReqMS2, tauFraction: tau, maxInitialMassKg };
}
