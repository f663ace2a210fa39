/**
 * Sampling the catalog's grade distributions (src/catalog/composition.ts shapes) by inverse CDF.
 * One uniform draw picks the meteorite analogue for the whole sample (a body is C-like or
 * metal-like for all its elements at once — the class uncertainty is shared), then one uniform
 * per element picks the grade within that analogue's distribution. Elements are independent
 * given the analogue (a simplification: PGM grades co-vary within iron meteorites).
 */
import type { Composition, GradeDistribution } from '../catalog/composition.js';
import { triangularInv } from './dist.js';

/** Φ(x), Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7). */
export function normCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Φ⁻¹(p), P. J. Acklam's rational approximation (relative error < 1.15e-9). */
export function normInv(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** The analogue a uniform draw selects (cumulative over `composition.analogues`). */
export function pickAnalogue(c: Composition, u: number): string {
  let acc = 0;
  for (const a of c.analogues) {
    acc += a.probability;
    if (u < acc) return a.analogue;
  }
  return c.analogues[c.analogues.length - 1].analogue;
}

/** Grade at quantile `u` of `g`, within `analogue` when `g` is a mixture. */
export function gradeAt(g: GradeDistribution, u: number, analogue: string): number {
  switch (g.dist) {
    case 'fixed':
      return g.mean;
    case 'triangular':
      return triangularInv(u, g.min!, g.mode!, g.max!);
    case 'normal': {
      // Truncated at zero, as the catalog defines it.
      const mu = g.mode ?? g.p50;
      const s = g.sigma!;
      const f0 = normCdf(-mu / s);
      return Math.max(0, mu + s * normInv(f0 + u * (1 - f0)));
    }
    case 'mixture': {
      const comp = g.components!.find((k) => k.analogue === analogue) ?? g.components![0];
      return gradeAt(comp.grade, u, analogue);
    }
  }
}
