/**
 * The asteroid catalog: loading (bundled or any supported file), lookup, sizing, composition
 * and the Shoemaker–Helin quick Δv. See DESIGN §2.1.
 */
import { resolve } from 'node:path';
import { dataPath } from '../paths.js';
import { parseCatalogFile, type CatalogLoad } from './parse-catalog.js';
import type { Asteroid } from './types.js';

export type { Asteroid, CatalogRecord, ParseDiagnostic, SizeBasis, CatalogFormat } from './types.js';
export type { CatalogLoad } from './parse-catalog.js';
export { findAsteroid, tryFindAsteroid } from './lookup.js';
export { physicalModel, diameterFromH } from './physical-model.js';
export { compositionFor } from './composition.js';
export { shoemakerHelinDeltaV, orbitClassOf } from './shoemaker-helin.js';
export { summarizeDiagnostics, parseCatalogFile } from './parse-catalog.js';
export { targetWarnings, epochAgeDays, STALE_EPOCH_DAYS, HIGH_U } from './warnings.js';
export { toAsteroid, displayNameOf } from './asteroid.js';

/** File name of the bundled catalog inside `data/`. */
export const BUNDLED_CATALOG = 'catalog/neas.json.gz';

let bundled: CatalogLoad | undefined;

/** The bundled catalog (parsed once per process). */
export function loadBundledCatalog(): CatalogLoad {
  if (!bundled) bundled = parseCatalogFile(dataPath(BUNDLED_CATALOG));
  return bundled;
}

/**
 * Loads a catalog: the bundled one when `file` is omitted, otherwise any supported file (MPC
 * export format, nea_extended.json[.gz], SBDB CSV). Throws InputError for non-catalog files; rows
 * that fail to parse are skipped (use `loadCatalogWithDiagnostics` to see them).
 */
export function loadCatalog(file?: string): Asteroid[] {
  return loadCatalogWithDiagnostics(file).asteroids;
}

export function loadCatalogWithDiagnostics(file?: string): CatalogLoad {
  return file ? parseCatalogFile(file) : loadBundledCatalog();
}

/**
 * For front ends: the bundled catalog, or `file` resolved against `cwd` (messages name the file
 * as given). `source` says which one was used.
 */
export function openCatalog(file?: string, opts: { cwd?: string } = {}): CatalogLoad & { source: string } {
  if (!file) return { ...loadBundledCatalog(), source: `bundled (${BUNDLED_CATALOG})` };
  const path = opts.cwd ? resolve(opts.cwd, file) : file;
  return { ...parseCatalogFile(path, file), source: file };
}
