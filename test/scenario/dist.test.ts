// PRNG and distributions: reproducible streams, fitted percentiles reproduced, bands ordered.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sfc32, streamSeed, normal } from '../../src/scenario/random.js';
import { band, central, quantileSorted, sample, triangularInv, Z90, type Dist } from '../../src/scenario/dist.js';
import { normCdf, normInv } from '../../src/scenario/grades.js';

// Sampling tolerance: with n = 200,000 draws the standard error of a quantile estimate is
// √(q(1−q)/n)/f(x_q) ≈ 0.0007/f; 0.01 relative covers the densities used below with margin.
const N = 200_000;
const REL = 0.01;

function draws(d: Dist, seed: number, bounds = {}): Float64Array {
  const rng = sfc32(seed);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = sample(d, rng, bounds);
  return out.sort();
}

describe('random numbers', () => {
  it('sfc32 is deterministic per seed and different across seeds', () => {
    const a = sfc32(42);
    const b = sfc32(42);
    const c = sfc32(43);
    const xa = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xa);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is uniform: mean 1/2 and variance 1/12 within sampling error', () => {
    const r = sfc32(7);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = r();
      s += x;
      s2 += x * x;
    }
    const mean = s / N;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(s2 / N - mean * mean - 1 / 12)).toBeLessThan(0.001);
  });

  it('streams per input name are stable and distinct', () => {
    expect(streamSeed(1, 'refinery.dutyCycle')).toBe(streamSeed(1, 'refinery.dutyCycle'));
    expect(streamSeed(1, 'refinery.dutyCycle')).not.toBe(streamSeed(2, 'refinery.dutyCycle'));
    expect(streamSeed(1, 'a')).not.toBe(streamSeed(1, 'b'));
  });

  it('Box–Muller normals have mean 0 and variance 1', () => {
    const r = sfc32(11);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const z = normal(r);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.01);
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.01);
  });
});

describe('distributions', () => {
  it('Φ and Φ⁻¹: Φ⁻¹(0.9) = 1.2815515655 (standard normal table), round trip to 1e-7', () => {
    expect(normInv(0.9)).toBeCloseTo(Z90, 8);
    for (const p of [0.001, 0.02, 0.1, 0.5, 0.77, 0.99]) expect(normCdf(normInv(p))).toBeCloseTo(p, 6);
  });

  it('triangular inverse CDF hits min, mode and max at 0, F(mode), 1', () => {
    expect(triangularInv(0, 1, 2, 4)).toBe(1);
    expect(triangularInv(1 / 3, 1, 2, 4)).toBeCloseTo(2, 12); // F(mode) = (c−a)/(b−a) = 1/3
    expect(triangularInv(1, 1, 2, 4)).toBe(4);
  });

  it('a {p10, p50, p90} input is reproduced by the split-normal fit (linear space)', () => {
    const d: Dist = { kind: 'percentiles', p10: -2, p50: 1, p90: 2 };
    const s = draws(d, 3);
    expect(quantileSorted(s, 0.1)).toBeCloseTo(-2, 1);
    expect(quantileSorted(s, 0.5)).toBeCloseTo(1, 1);
    expect(quantileSorted(s, 0.9)).toBeCloseTo(2, 1);
  });

  it('a positive {p10, p50, p90} input is fitted in log space: percentiles reproduced, never ≤ 0', () => {
    const d: Dist = { kind: 'percentiles', p10: 1e8, p50: 2e8, p90: 4e8 };
    const s = draws(d, 5, { min: 0 });
    expect(Math.abs(quantileSorted(s, 0.1) / 1e8 - 1)).toBeLessThan(REL);
    expect(Math.abs(quantileSorted(s, 0.5) / 2e8 - 1)).toBeLessThan(REL);
    expect(Math.abs(quantileSorted(s, 0.9) / 4e8 - 1)).toBeLessThan(REL);
    expect(s[0]).toBeGreaterThan(0);
  });

  it('triangular draws: mean (a+b+c)/3 and bounds respected', () => {
    const s = draws({ kind: 'triangular', min: 0.3, mode: 0.5, max: 0.7 }, 9);
    const mean = s.reduce((a, b) => a + b, 0) / N;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(s[0]).toBeGreaterThanOrEqual(0.3);
    expect(s[N - 1]).toBeLessThanOrEqual(0.7);
  });

  it('samples are clamped into bounds (fractions never above 1)', () => {
    const s = draws({ kind: 'percentiles', p10: 0.8, p50: 0.9, p90: 0.99 }, 1, { min: 0, max: 1 });
    expect(s[N - 1]).toBeLessThanOrEqual(1);
  });

  it('central is the mode or the median; fixed stays fixed', () => {
    expect(central({ kind: 'triangular', min: 1, mode: 2, max: 5 })).toBe(2);
    expect(central({ kind: 'percentiles', p10: 1, p50: 3, p90: 4 })).toBe(3);
    expect(sample({ kind: 'fixed', value: 7 }, sfc32(1))).toBe(7);
  });

  it('bands are ordered P10 ≤ P50 ≤ P90 for any sample (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const b = band(xs);
        return b.p10 <= b.p50 && b.p50 <= b.p90;
      }),
    );
  });
});
