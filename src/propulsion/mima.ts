/**
 * MIMA — maximum initial mass approximation (Izzo, Hennes, Simões & Märtens 2016, "Designing
 * complex interplanetary trajectories for the global trajectory optimization competitions",
 * in Space Engineering, Springer; as in pykep's `mima`). From a Lambert arc's boundary Δv vectors
 * Δv1 = v_L1 − v_dep, Δv2 = v_arr − v_L2 and its time of flight T:
 *   A = Δv1 + Δv2, B = Δv2 − Δv1,
 *   a = √(|A|² + 2|B|² + 2√((A·B)² + |B|⁴)) / T          (required constant acceleration)
 *   m* = 2·Tmax / (a·(1 + exp(−a·T/ve)))                  (largest start mass Tmax can move)
 * Accuracy vs the exact minimum-time solution: −14 %…+10 % on m* (pykep approximations notebook,
 * GTOC12 hops; astrodynamics notes §2.4). DESIGN §2.4 validation: Δv1 [320, −345, 43] m/s,
 * Δv2 [−510, 175, 87] m/s, 150 d, 0.6 N, 3000 s → a 1.530170621e-4 m/s², m* 4053.2366 kg.
 */
import { G0_MS2 } from '../astro/constants.js';

export interface MimaResult {
  /** Required constant acceleration, m/s². */
  aReqMS2: number;
  /** Maximum initial mass for the given thrust and Isp, kg. */
  maxInitialMassKg: number;
  /** a·T: the Δv flown when thrusting the whole arc, m/s. */
  dvMS: number;
}

/**
 * Error of m* vs the exact optimum, (MIMA − exact)/exact: −13.7 % (900 vs 1043 kg) … +9.7 %, so
 * the exact maximum mass lies within m* ÷ (1 + high) … m* ÷ (1 + low), and the optimum Δv within
 * Δv_MIMA·(1 + low) … Δv_MIMA·(1 + high) (m* ∝ 1/a for thrust over the whole arc).
 */
export const MIMA_BAND = {
  low: -0.14,
  high: 0.1,
  source: 'pykep approximations notebook (GTOC12 asteroid hops, 200 d, 0.6 N, 4000 s): MIMA −13.7 %…+9.7 % vs exact MIM',
} as const;

/** MIMA from boundary Δv vectors (m/s), time of flight (s), thrust (N) and Isp (s). */
export function mima(dv1MS: readonly number[], dv2MS: readonly number[], tofS: number, thrustN: number, ispS: number): MimaResult {
  const A0 = dv1MS[0] + dv2MS[0], A1 = dv1MS[1] + dv2MS[1], A2 = dv1MS[2] + dv2MS[2];
  const B0 = dv2MS[0] - dv1MS[0], B1 = dv2MS[1] - dv1MS[1], B2 = dv2MS[2] - dv1MS[2];
  const AA = A0 * A0 + A1 * A1 + A2 * A2;
  const BB = B0 * B0 + B1 * B1 + B2 * B2;
  const AB = A0 * B0 + A1 * B1 + A2 * B2;
  const aReqMS2 = Math.sqrt(AA + 2 * BB + 2 * Math.sqrt(AB * AB + BB * BB)) / tofS;
  const ve = G0_MS2 * ispS;
  const dvMS = aReqMS2 * tofS;
  // a = 0 (nothing to do): any mass is fine.
  const maxInitialMassKg = aReqMS2 > 0 ? (2 * thrustN) / (aReqMS2 * (1 + Math.exp(-dvMS / ve))) : Number.POSITIVE_INFINITY;
  return { aReqMS2, maxInitialMassKg, dvMS };
}
