/**
 * What the refinery works on: the body's mass, its bulk grades, and the free Fe–Ni metal phase.
 * Siderophile elements (Ni, Co, PGMs, Ga, Ge) are taken to sit wholly in the metal phase, so their
 * metal-phase grade is bulk grade / metal fraction (DESIGN §2.5); Fe in the metal is the balance of
 * the alloy (capped by the bulk Fe). A body without free metal (CI chondrite) has no metal feedstock.
 */
import { InputError, requireFinite } from '../errors.js';
import type { Composition } from '../catalog/composition.js';

export interface RefiningBody {
  massKg: number;
  /** Bulk mass fractions by element or species: H2O, Fe, Ni, Co, Pt, Pd, … */
  grades: Record<string, number>;
  /** Free Fe–Ni metal, mass fraction of the bulk (default 0). */
  metalFraction?: number;
}

export const SIDEROPHILE_ELEMENTS = ['Ni', 'Co', 'Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru', 'Ga', 'Ge'] as const;
const SIDEROPHILE = new Set<string>(SIDEROPHILE_ELEMENTS);
export const METAL_PHASE_ELEMENTS = new Set<string>(['Fe', ...SIDEROPHILE_ELEMENTS]);

export function checkBody(body: RefiningBody, field = 'body'): void {
  if (body === null || typeof body !== 'object') throw new InputError(`${field}: expected {massKg, grades, metalFraction?}`, field);
  requireFinite(body.massKg, `${field}.massKg`, { min: 0, exclusiveMin: true });
  if (body.grades === null || typeof body.grades !== 'object') throw new InputError(`${field}.grades: expected an object of mass fractions`, `${field}.grades`);
  for (const [el, g] of Object.entries(body.grades)) requireFinite(g, `${field}.grades.${el}`, { min: 0, max: 1 });
  if (body.metalFraction !== undefined) requireFinite(body.metalFraction, `${field}.metalFraction`, { min: 0, max: 1 });
}

/** Mass of a sphere, kg: (π/6)·D³·ρ. */
export function sphereMassKg(diameterM: number, densityKgM3: number): number {
  requireFinite(diameterM, 'diameterM', { min: 0, exclusiveMin: true });
  requireFinite(densityKgM3, 'densityKgM3', { min: 0, exclusiveMin: true, max: 25000 });
  return (Math.PI / 6) * diameterM ** 3 * densityKgM3;
}

/**
 * Grades within the free metal phase. Returns {} when there is no metal. When the siderophiles
 * would exceed the alloy (a tiny metal fraction with high bulk Ni), they are scaled down to fit
 * and a warning says so.
 */
export function metalPhaseGrades(body: RefiningBody): { grades: Record<string, number>; warnings: string[] } {
  const mf = body.metalFraction ?? 0;
  const warnings: string[] = [];
  if (!(mf > 0)) return { grades: {}, warnings };
  const grades: Record<string, number> = {};
  let sum = 0;
  for (const [el, g] of Object.entries(body.grades)) {
    if (!SIDEROPHILE.has(el)) continue;
    grades[el] = g / mf;
    sum += grades[el];
  }
  if (sum > 0.6) {
    const k = 0.6 / sum;
    for (const el of Object.keys(grades)) grades[el] *= k;
    warnings.push(`siderophile grades exceed a plausible alloy for metal fraction ${mf}: scaled by ${k.toFixed(3)} (metal-phase Ni+Co+PGMs capped at 60 %)`);
    sum = 0.6;
  }
  const feBulk = body.grades.Fe;
  const feBalance = 1 - sum;
  grades.Fe = feBulk === undefined ? feBalance : Math.min(feBalance, feBulk / mf);
  return { grades, warnings };
}

export type GradeQuantile = 'p10' | 'p50' | 'p90' | 'mean';

/** A refinery body from a catalog composition (one quantile of each grade distribution). */
export function bodyFromComposition(massKg: number, composition: Composition, quantile: GradeQuantile = 'p50'): RefiningBody {
  const grades: Record<string, number> = {};
  for (const [el, dist] of Object.entries(composition.elements)) {
    if (el === 'REE') continue; // a sum of La–Lu, kept out so elements are not counted twice
    grades[el] = dist[quantile];
  }
  return { massKg, grades, metalFraction: composition.metalFraction[quantile] };
}
