/**
 * Bulk composition by spectral class as grade distributions (DESIGN §2.1), from
 * `data/catalog/composition.json` (meteorite analogues with a `source` per entry).
 *
 * Shape returned by `compositionFor(asteroid)` — what the refining model consumes:
 *   {
 *     basis: 'class' | 'probabilities' | 'prior',   // how the analogue was chosen
 *     analogues: [{ analogue, label, probability }], // one with probability 1, or a mix
 *     metalFraction: GradeDistribution,             // free Fe–Ni metal, mass fraction of bulk
 *     elements: { Pt, Pd, Rh, Ir, Os, Ru, Fe, Ni, Co, La … Lu, Y, REE (sum La–Lu), Ga, Ge, H2O },
 *     notes: string[],
 *   }
 * and every GradeDistribution is
 *   { unit: 'massFraction', dist: 'triangular' | 'normal' | 'fixed' | 'mixture',
 *     p10, p50, p90, mean,                // always present (mass fractions, 1 ppm = 1e-6)
 *     min?, mode?, max?,                  // triangular (a published range; mode = midpoint unless given)
 *     sigma?,                             // normal: point value ± 50 % 1σ, truncated at 0
 *     source }
 * A mixture (class unknown, or a probability mix) gives quantiles of the probability-weighted
 * mixture of the analogues' distributions; samplers should draw the analogue first, then the grade
 * (`components` lists them).
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { canonicalClass, PRIOR_CLASS_PROBABILITIES, PRIOR_SOURCE } from './physical-model.js';
import type { CatalogRecord } from './types.js';

export interface GradeDistribution {
  unit: 'massFraction';
  dist: 'triangular' | 'normal' | 'fixed' | 'mixture';
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  min?: number;
  mode?: number;
  max?: number;
  sigma?: number;
  source: string;
  /** For a mixture: the analogue distributions and their weights. */
  components?: Array<{ analogue: string; probability: number; grade: GradeDistribution }>;
}

export interface Composition {
  basis: 'class' | 'probabilities' | 'prior';
  analogues: Array<{ analogue: string; label: string; probability: number }>;
  metalFraction: GradeDistribution;
  elements: Record<string, GradeDistribution>;
  notes: string[];
}

interface RawEntry {
  value?: number;
  min?: number;
  max?: number;
  mode?: number;
  unit: 'ppm' | 'wt%' | 'massFraction';
  source: string;
}
interface CompositionFile {
  pointValueRelSigma: number;
  classes: Record<string, string[]>;
  classNotes: Record<string, string>;
  analogues: Record<string, { label: string; metalFraction: RawEntry; elements: Record<string, RawEntry> }>;
}

let table: CompositionFile | undefined;
function data(): CompositionFile {
  table ??= JSON.parse(readFileSync(dataPath('catalog/composition.json'), 'utf8')) as CompositionFile;
  return table;
}

const UNIT_SCALE = { ppm: 1e-6, 'wt%': 1e-2, massFraction: 1 } as const;

// Φ(x) via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7).
function normCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** CDF of one distribution. */
function cdf(g: GradeDistribution, x: number): number {
  switch (g.dist) {
    case 'fixed':
      return x >= g.mean ? 1 : 0;
    case 'triangular': {
      const a = g.min!, b = g.max!, c = g.mode!;
      if (x <= a) return 0;
      if (x >= b) return 1;
      if (b === a) return 1;
      return x <= c ? ((x - a) ** 2) / ((b - a) * (c - a || 1e-300)) : 1 - ((b - x) ** 2) / ((b - a) * (b - c || 1e-300));
    }
    case 'normal': {
      // Truncated at 0.
      const mu = g.mode ?? g.p50, s = g.sigma!;
      if (x <= 0) return 0;
      const f0 = normCdf(-mu / s);
      return (normCdf((x - mu) / s) - f0) / (1 - f0);
    }
    case 'mixture':
      return g.components!.reduce((acc, c) => acc + c.probability * cdf(c.grade, x), 0);
  }
}

/** The p-quantile inf{x : F(x) ≥ p}, by bisection on [lo, hi]. */
function quantile(g: GradeDistribution, p: number, lo: number, hi: number): number {
  if (hi <= lo) return lo;
  // An atom at the bottom (a mixture in which one analogue has none of the element, e.g. water in
  // an S/C mix) holds at least p of the mass: the quantile is that value exactly. Bisection alone
  // would creep towards it and stop at numerical noise (7.1e-32 for the S/C prior's water P50).
  if (cdf(g, lo) >= p) return lo;
  for (let k = 0; k < 100; k++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(g, mid) < p) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-12 * Math.max(1e-30, Math.abs(hi))) break;
  }
  return 0.5 * (lo + hi);
}

function gradeOf(e: RawEntry, relSigma: number): GradeDistribution {
  const s = UNIT_SCALE[e.unit];
  if (e.value !== undefined) {
    const v = e.value * s;
    if (v === 0) return { unit: 'massFraction', dist: 'fixed', p10: 0, p50: 0, p90: 0, mean: 0, source: e.source };
    const g: GradeDistribution = { unit: 'massFraction', dist: 'normal', p10: 0, p50: 0, p90: 0, mean: v, mode: v, sigma: relSigma * v, source: `${e.source}; ±${relSigma * 100} % 1σ (point value)` };
    g.p10 = quantile(g, 0.1, 0, v * 10);
    g.p50 = quantile(g, 0.5, 0, v * 10);
    g.p90 = quantile(g, 0.9, 0, v * 10);
    // Mean of the truncated normal: μ + σ·φ(α)/(1 − Φ(α)), α = −μ/σ.
    const alpha = -v / g.sigma!;
    g.mean = v + (g.sigma! * Math.exp(-0.5 * alpha * alpha)) / Math.sqrt(2 * Math.PI) / (1 - normCdf(alpha));
    return g;
  }
  const a = e.min! * s, b = e.max! * s;
  const c = e.mode !== undefined ? e.mode * s : 0.5 * (a + b);
  if (a === b) return { unit: 'massFraction', dist: 'fixed', p10: a, p50: a, p90: a, mean: a, min: a, mode: a, max: a, source: e.source };
  const g: GradeDistribution = { unit: 'massFraction', dist: 'triangular', p10: 0, p50: 0, p90: 0, mean: (a + b + c) / 3, min: a, mode: c, max: b, source: e.source };
  g.p10 = quantile(g, 0.1, a, b);
  g.p50 = quantile(g, 0.5, a, b);
  g.p90 = quantile(g, 0.9, a, b);
  return g;
}

function upper(g: GradeDistribution): number {
  if (g.dist === 'normal') return g.mode! + 8 * g.sigma!;
  return g.max ?? g.mean;
}

function mixture(parts: Array<{ analogue: string; probability: number; grade: GradeDistribution }>): GradeDistribution {
  if (parts.length === 1) return parts[0].grade;
  const g: GradeDistribution = {
    unit: 'massFraction',
    dist: 'mixture',
    p10: 0,
    p50: 0,
    p90: 0,
    mean: parts.reduce((acc, p) => acc + p.probability * p.grade.mean, 0),
    source: parts.map((p) => `${(p.probability * 100).toFixed(0)} % ${p.analogue}: ${p.grade.source}`).join(' | '),
    components: parts,
  };
  const hi = Math.max(...parts.map((p) => upper(p.grade)));
  g.p10 = quantile(g, 0.1, 0, hi);
  g.p50 = quantile(g, 0.5, 0, hi);
  g.p90 = quantile(g, 0.9, 0, hi);
  return g;
}

/** Analogue group of a class label, or null. */
export function analogueForClass(cls: string): string | null {
  const d = data();
  for (const [analogue, classes] of Object.entries(d.classes)) if (classes.includes(cls)) return analogue;
  return null;
}

/** Composition of the asteroid's material (bulk mass fractions with distributions and sources). */
export function compositionFor(asteroid: Pick<CatalogRecord, 'spectralType' | 'spectralProbabilities'>): Composition {
  const d = data();
  const notes: string[] = [];
  const weights = new Map<string, number>();
  let basis: Composition['basis'];
  const cls = canonicalClass(asteroid.spectralType ?? null);
  const analogue = cls ? analogueForClass(cls) : null;
  if (cls && analogue) {
    basis = 'class';
    weights.set(analogue, 1);
    if (d.classNotes[cls]) notes.push(d.classNotes[cls]);
  } else {
    const probs = asteroid.spectralProbabilities ?? PRIOR_CLASS_PROBABILITIES;
    basis = asteroid.spectralProbabilities ? 'probabilities' : 'prior';
    if (basis === 'prior') notes.push(`spectral class unknown: ${PRIOR_SOURCE}`);
    let total = 0;
    for (const [c, p] of Object.entries(probs)) {
      const an = analogueForClass(c);
      if (!an || !(p > 0)) continue;
      weights.set(an, (weights.get(an) ?? 0) + p);
      total += p;
    }
    for (const [k, v] of weights) weights.set(k, v / total);
    // Drop negligible components so the mix stays readable.
    for (const [k, v] of weights) if (v < 0.01) weights.delete(k);
    const t2 = [...weights.values()].reduce((a, b) => a + b, 0);
    for (const [k, v] of weights) weights.set(k, v / t2);
  }
  const rel = d.pointValueRelSigma;
  const parts = [...weights.entries()].sort((a, b) => b[1] - a[1]);
  const elementNames = Object.keys(d.analogues[parts[0][0]].elements);
  const elements: Record<string, GradeDistribution> = {};
  for (const el of elementNames) {
    elements[el] = mixture(parts.map(([an, p]) => ({ analogue: an, probability: p, grade: gradeOf(d.analogues[an].elements[el], rel) })));
  }
  const metalFraction = mixture(parts.map(([an, p]) => ({ analogue: an, probability: p, grade: gradeOf(d.analogues[an].metalFraction, rel) })));
  return {
    basis,
    analogues: parts.map(([an, p]) => ({ analogue: an, label: d.analogues[an].label, probability: p })),
    metalFraction,
    elements,
    notes,
  };
}
