/**
 * Uncertain inputs (DESIGN §2.9): a fixed value, `{min, mode, max}` (triangular) or
 * `{p10, p50, p90}` (a split-normal fitted exactly to the three percentiles; in log space for
 * quantities that must stay positive, so the fit is skewed and never crosses zero).
 */
import type { Rng } from './random.js';
import { normal } from './random.js';

export type Dist =
  | { kind: 'fixed'; value: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'percentiles'; p10: number; p50: number; p90: number }
  /** Internal: uniform draws (e.g. quantiles fed to another model's inverse CDF). */
  | { kind: 'uniform'; min: number; max: number };

/** Bounds an input must respect; samples are clamped into them. */
export interface Bounds {
  min?: number;
  max?: number;
  /** Strictly greater than `min`. */
  exclusiveMin?: boolean;
}

/** z value of the 90th percentile of the standard normal (Φ⁻¹(0.9)). */
export const Z90 = 1.2815515655446004;

export function fixed(value: number): Dist {
  return { kind: 'fixed', value };
}

/** The deterministic base-case value: the mode or median. */
export function central(d: Dist): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'triangular':
      return d.mode;
    case 'percentiles':
      return d.p50;
    case 'uniform':
      return 0.5 * (d.min + d.max);
  }
}

/** Lowest and highest plausible values (min/max, or p10/p90). */
export function spread(d: Dist): [number, number] {
  switch (d.kind) {
    case 'fixed':
      return [d.value, d.value];
    case 'triangular':
      return [d.min, d.max];
    case 'percentiles':
      return [d.p10, d.p90];
    case 'uniform':
      return [d.min, d.max];
  }
}

export function isUncertain(d: Dist): boolean {
  return d.kind !== 'fixed' && spread(d)[0] !== spread(d)[1];
}

/** Inverse CDF of the triangular distribution. */
export function triangularInv(u: number, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const fc = (mode - min) / (max - min);
  return u < fc ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Draws one value; `positive` selects the log-space fit for percentile inputs. */
export function sample(d: Dist, rng: Rng, bounds: Bounds = {}): number {
  let x: number;
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'triangular':
      x = triangularInv(rng(), d.min, d.mode, d.max);
      break;
    case 'uniform':
      x = d.min + rng() * (d.max - d.min);
      break;
    case 'percentiles': {
      const z = normal(rng);
      if (bounds.min !== undefined && bounds.min >= 0 && d.p10 > 0) {
        // log-normal-like split fit: ln p10, ln p50, ln p90 reproduced exactly.
        const l50 = Math.log(d.p50);
        const s = z < 0 ? (l50 - Math.log(d.p10)) / Z90 : (Math.log(d.p90) - l50) / Z90;
        x = Math.exp(l50 + z * s);
      } else {
        const s = z < 0 ? (d.p50 - d.p10) / Z90 : (d.p90 - d.p50) / Z90;
        x = d.p50 + z * s;
      }
      break;
    }
  }
  if (bounds.min !== undefined && x < bounds.min) x = bounds.min;
  if (bounds.max !== undefined && x > bounds.max) x = bounds.max;
  return x;
}

/** Linear-interpolated quantile (Hyndman–Fan type 7) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Band {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export function band(values: ArrayLike<number>): Band {
  const s = Float64Array.from(values as ArrayLike<number>).sort();
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s[i];
  return { p10: quantileSorted(s, 0.1), p50: quantileSorted(s, 0.5), p90: quantileSorted(s, 0.9), mean: s.length ? sum / s.length : NaN };
}
