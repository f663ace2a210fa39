/**
 * Fixed-seed, realistic Earth→NEA Lambert geometries, shared by the Lambert benchmark, the
 * million-case robustness script and the sampled test in test/astro/lambert.test.ts.
 *
 * r1: Earth-like orbit (a = 1.00000261 AU, e = 0.01671123, i ≈ 0, ϖ = 102.94°; Standish 1992
 * mean elements) at a random mean anomaly. r2: a random NEA position: a ∈ [0.6, 3.2] AU with
 * perihelion q ≤ 1.3 AU and aphelion Q ≥ 0.983 AU (the NEA definition: CNEOS), e < 0.9,
 * i = 45°·u² (most NEAs are low-inclination), Ω, ω, M uniform. tof uniform in 30…600 days.
 */
import { AU_KM, DEG, MU_SUN_KM3S2 } from '../src/astro/constants.js';
import { perifocalToInertialInto, solveKeplerElliptic } from '../src/astro/kepler.js';

/** Small deterministic PRNG (mulberry32), so every run sees the same cases. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Geometries {
  count: number;
  /** 3 per case, km. */
  r1: Float64Array;
  r2: Float64Array;
  /** Seconds. */
  tofS: Float64Array;
}

export const DEFAULT_SEED = 20150101;

export function earthNeaGeometries(count: number, seed = DEFAULT_SEED): Geometries {
  const rnd = mulberry32(seed);
  const r1 = new Float64Array(3 * count);
  const r2 = new Float64Array(3 * count);
  const tofS = new Float64Array(count);
  const s = new Float64Array(6);
  for (let k = 0; k < count; k++) {
    const Me = rnd() * 2 * Math.PI;
    perifocalToInertialInto(1.00000261 * AU_KM, 0.01671123, 1e-6, 0, 102.93768193 * DEG, solveKeplerElliptic(Me, 0.01671123), MU_SUN_KM3S2, s, 0);
    r1[3 * k] = s[0]; r1[3 * k + 1] = s[1]; r1[3 * k + 2] = s[2];
    let a = 0, e = 0;
    for (;;) {
      a = 0.6 + 2.6 * rnd();
      e = 0.9 * rnd();
      if (a * (1 - e) <= 1.3 && a * (1 + e) >= 0.983) break;
    }
    const u = rnd();
    const i = 45 * DEG * u * u;
    const M = rnd() * 2 * Math.PI;
    perifocalToInertialInto(a * AU_KM, e, i, rnd() * 2 * Math.PI, rnd() * 2 * Math.PI, solveKeplerElliptic(M, e), MU_SUN_KM3S2, s, 0);
    r2[3 * k] = s[0]; r2[3 * k + 1] = s[1]; r2[3 * k + 2] = s[2];
    tofS[k] = (30 + 570 * rnd()) * 86400;
  }
  return { count, r1, r2, tofS };
}
