// Shapes the screens read from the engine, mirroring the contracts in CONVENTIONS (catalog:
// Asteroid/OrbitElements). Views check at run time that a module provides what they call.
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

export interface CatalogApi {
  loadCatalog(file?: string): Asteroid[] | Promise<Asteroid[]>;
  findAsteroid?(catalog: Asteroid[], query: string): Asteroid;
  compositionFor?(asteroid: Asteroid): unknown;
  physicalModel?(asteroid: Asteroid): unknown;
  targetWarnings?(asteroid: Asteroid, nowJd?: number): string[];
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
