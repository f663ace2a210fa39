/**
 * The asteroid catalog: loading (bundled or any supported file), lookup, sizing, composition
 * and the Shoemaker–Helin quick Δv. See DESIGN §2.1.
 */
import { resolve } from 'node:path';
import { dataPath } from '../paths.js';
import { catalogLoad, parseCatalogFile, type CatalogLoad } from './parse-catalog.js';
import { mergeBundledPhysical } from './merge-physical.js';
import type { Asteroid } from './types.js';

export type { Asteroid, CatalogRecord, ParseDiagnostic, SizeBasis, CatalogFormat } from './types.js';
export type { CatalogLoad } from './parse-catalog.js';
export type { CatalogView } from './catalog-view.js';
export { findAsteroid, tryFindAsteroid, findRow } from './lookup.js';
export { physicalModel, diameterFromH } from './physical-model.js';
export { compositionFor } from './composition.js';
export { shoemakerHelinDeltaV, orbitClassOf } from './shoemaker-helin.js';
export { summarizeDiagnostics, parseCatalogFile } from './parse-catalog.js';
export { targetWarnings, epochAgeDays, roundingDriftKmPerYear, STALE_EPOCH_DAYS, HIGH_U } from './warnings.js';
export { toAsteroid, displayNameOf } from './asteroid.js';
export { mergeBundledPhysical } from './merge-physical.js';

/** File name of the bundled catalog inside `data/` (binary columnar format, bundled-format.ts). */
export const BUNDLED_CATALOG = 'catalog/neas.bin';

let bundled: CatalogLoad | undefined;

/** The bundled catalog (read once per process; entries are built as they are asked for). */
export function loadBundledCatalog(): CatalogLoad {
  if (!bundled) bundled = parseCatalogFile(dataPath(BUNDLED_CATALOG));
  return bundled;
}

/**
 * Loads a catalog: the bundled one when `file` is omitted, otherwise any supported file (MPC
 * export format, nea_extended.json[.gz], SBDB CSV). Throws InputError for non-catalog files; rows
 * that fail to parse are skipped (use `loadCatalogWithDiagnostics` to see them). Objects of an
 * imported file that the bundled catalog also holds get its measured sizes, albedos, classes and
 * masses where the file has none (merge-physical.ts).
 */
export function loadCatalog(file?: string): Asteroid[] {
  return loadCatalogWithDiagnostics(file).asteroids;
}

export function loadCatalogWithDiagnostics(file?: string): CatalogLoad {
  return file ? importCatalog(file, file) : loadBundledCatalog();
}

/** An imported file, with the bundled physical data merged in by number/designation. */
function importCatalog(path: string, label: string): CatalogLoad {
  return parseCatalogFile(path, label, { enrich: (records) => mergeBundledPhysical(records, loadBundledCatalog().view) });
}

/**
 * For front ends: the bundled catalog, or `file` resolved against `cwd` (messages name the file
 * as given). `source` says which one was used.
 */
export function openCatalog(file?: string, opts: { cwd?: string } = {}): CatalogLoad & { source: string } {
  const load = file ? importCatalog(opts.cwd ? resolve(opts.cwd, file) : file, file) : loadBundledCatalog();
  // Not a spread: that would read `asteroids` and build every entry.
  return Object.assign(catalogLoad(load.format, load.view, load.diagnostics, load.skipped), { source: file ?? `bundled (${BUNDLED_CATALOG})` });
}
