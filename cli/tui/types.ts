// Shapes the screens read from the engine, mirroring the contracts in CONVENTIONS (catalog:
// Asteroid/OrbitElements). Views check at run time that a module provides what they call.
import type { SettingSource } from '../config.js';

export interface OrbitElements {
  epochJd: number;
  aAu: number;
  e: number;
  iDeg: number;
  omDeg: number;
  wDeg: number;
  maDeg: number;
}

export type OrbitClass = 'Atira' | 'Aten' | 'Apollo' | 'Amor' | 'MBA' | 'Other';

export interface Asteroid {
  designation: string;
  number?: number;
  name?: string;
  packed?: string;
  orbit: OrbitElements;
  H: number | null;
  orbitClass: OrbitClass;
  isNea: boolean;
  diameterKm: number | null;
  diameterKmLow: number | null;
  diameterKmHigh: number | null;
  albedo: number | null;
  spectralType: string | null;
  dvKmS: number | null;
  massKg?: number | null;
  u?: number | null;
}

/** Catalog functions the screens call on entries (the entries themselves come from `TuiCatalog`). */
export interface CatalogApi {
  findAsteroid?(catalog: Asteroid[], query: string): Asteroid;
  compositionFor?(asteroid: Asteroid): unknown;
  physicalModel?(asteroid: Asteroid): unknown;
  targetWarnings?(asteroid: Asteroid, nowJd?: number): string[];
}

/**
 * The session's catalog, resolved and opened by the command layer (cli/tui/catalog.ts) with the
 * precedence every command uses: --catalog, PROSPECTOR_CATALOG, the scenario's target.catalog,
 * the config files, the bundled catalog.
 */
export interface TuiCatalog {
  /** How the screens name it: "bundled", or the file's name ("NEA.txt"). */
  name: string;
  /** The setting as messages name it: `PROSPECTOR_CATALOG=x.csv`, `a.yaml: target.catalog: x.csv`, "the bundled catalog". */
  label: string;
  /** Which layer set it (cli/config.ts `SettingSource`). */
  source: SettingSource;
  /** Absolute path that plans are given; undefined for the bundled catalog. */
  path?: string;
  /** Number of objects. */
  count: number;
  /** The loader's row problems in one line (rows skipped), if any. */
  diagnostics?: string;
  /** Every entry, built on the first call (≈0.5 s for the bundled catalog: the App calls it after its first frame). */
  asteroids(): Asteroid[];
}

/** "(101955) Bennu", "2000 SG344", "Psyche". */
export function asteroidLabel(a: Asteroid): string {
  if (a.name && a.number !== undefined) return `(${a.number}) ${a.name}`;
  if (a.number !== undefined) return `(${a.number}) ${a.designation}`;
  return a.name ?? a.designation;
}

export function shortLabel(a: Asteroid): string {
  return a.name ?? a.designation;
}
