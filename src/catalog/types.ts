/**
 * Catalog records. A parser produces `CatalogRecord`s (what a file says); `toAsteroid` in
 * asteroid.ts adds the derived fields (orbit class, Shoemaker–Helin Δv, size/mass model).
 */
import type { OrbitElements } from '../astro/orbit.js';
import type { OrbitClass } from './shoemaker-helin.js';

export type { OrbitElements, OrbitClass };

/** Where a catalog value came from, for output and SOURCES.md. */
export interface CatalogRecord {
  /** Principal designation as MPC/JPL print it ("1999 RQ36", "A898 PA"), or the number as text. */
  designation: string;
  number?: number;
  name?: string;
  /** Other designations of the same object (MPC `Other_desigs`), searchable. */
  otherDesignations?: string[];
  /** MPC packed form of the number or provisional designation. */
  packed?: string;
  orbit: OrbitElements;
  /**
   * Half a unit in the last digit the source printed for a (AU) when it printed fewer than 8
   * significant digits (SBDB query exports give 4): the orbit is then only that precise.
   */
  aRoundingAu?: number;
  H: number | null;
  /** MPC orbit uncertainty parameter U (0 best … 9 worst); null when the file does not give it. */
  u?: number | null;
  /** Measured diameter (km) with 1σ bounds when known. */
  measuredDiameterKm?: number | null;
  diameterKmSigmaLow?: number | null;
  diameterKmSigmaHigh?: number | null;
  /** Measured geometric albedo pV. */
  measuredAlbedo?: number | null;
  albedoSigma?: number | null;
  /** Measured mass (kg) with 1σ, e.g. from spacecraft or astrometric determinations. */
  measuredMassKg?: number | null;
  massKgSigma?: number | null;
  spectralType?: string | null;
  /** Class probabilities (sum 1) when a classification gives them (Mahlke 2022). */
  spectralProbabilities?: Record<string, number> | null;
  /** Which file/reference each group of fields came from. */
  sources?: { orbit?: string; diameter?: string; albedo?: string; spectral?: string; mass?: string };
  pha?: boolean;
  /** Free-form notes that belong in `target` output (e.g. sourced size of a famous body). */
  notes?: string[];
}

/** Basis of the size estimate, best first. */
export type SizeBasis = 'measured' | 'albedo' | 'class' | 'prior';

/** The public catalog entry (contract in CONVENTIONS.md, plus documented extras). */
export interface Asteroid extends CatalogRecord {
  /** Human label: "(101955) Bennu", "(539940) 2017 HW1", "2010 AJ". */
  displayName: string;
  orbitClass: OrbitClass;
  isNea: boolean;
  diameterKm: number | null;
  diameterKmLow: number | null;
  diameterKmHigh: number | null;
  /** Albedo used for the size (measured, class mean or prior mean: see `sizeBasis`). */
  albedo: number | null;
  /** How the size was obtained; null when there is no size (no H and no measured diameter). */
  sizeBasis: SizeBasis | null;
  spectralType: string | null;
  /** Shoemaker–Helin rendezvous Δv (km/s); null for non-NEAs (see `dvReason`). */
  dvKmS: number | null;
  dvReason?: string;
  massKg?: number | null;
  massKgLow?: number | null;
  massKgHigh?: number | null;
  u?: number | null;
}

export interface ParseDiagnostic {
  file: string;
  line: number;
  field: string;
  problem: string;
}

export interface ParseResult {
  format: CatalogFormat;
  records: CatalogRecord[];
  diagnostics: ParseDiagnostic[];
  /** Rows that looked like data but could not be used. */
  skipped: number;
}

export type CatalogFormat = 'mpcorb' | 'nea-extended-json' | 'sbdb-csv' | 'bundled';

export function formatDiagnostic(d: ParseDiagnostic): string {
  return `${d.file}:${d.line} ${d.field}: ${d.problem}`;
}
