/**
 * The bundled catalog format: gzip-compressed columnar JSON (one array per field), so the whole
 * file is one JSON.parse and no per-object key strings. Written by scripts/build-catalog.ts,
 * read here. Layout (version 1):
 *   { format: "prospector-catalog", version: 1, built, sources: string[], count,
 *     columns: { designation[], number[] (0 = none), name[] ("" = none), packed[],
 *                epochJd[], aAu[], e[], iDeg[], omDeg[], wDeg[], maDeg[], H[], u[],
 *                diameterKm[], diameterKmSigmaLow[], diameterKmSigmaHigh[], albedo[], albedoSigma[],
 *                spectralType[], pha[] (0/1), orbitSource[], diameterSource[], albedoSource[],
 *                spectralSource[] (indices into `sources`, −1 = none) },
 *     extras: { [row]: partial CatalogRecord } }   // sparse: probabilities, masses, notes
 * Missing numbers are null.
 */
import { InputError } from '../errors.js';
import type { CatalogRecord } from './types.js';

export const BUNDLED_FORMAT = 'prospector-catalog';

export interface BundledCatalog {
  format: typeof BUNDLED_FORMAT;
  version: 1;
  built: string;
  sources: string[];
  count: number;
  columns: Record<string, Array<number | string | null>>;
  extras: Record<string, Partial<CatalogRecord>>;
}

const NUM_COLS = ['epochJd', 'aAu', 'e', 'iDeg', 'omDeg', 'wDeg', 'maDeg', 'H', 'u', 'diameterKm', 'diameterKmSigmaLow', 'diameterKmSigmaHigh', 'albedo', 'albedoSigma'] as const;
const STR_COLS = ['designation', 'name', 'packed', 'spectralType'] as const;
const SRC_COLS = ['orbitSource', 'diameterSource', 'albedoSource', 'spectralSource'] as const;

/** Rounds to `sig` significant digits to keep the file small without losing catalog precision. */
function round(x: number | null | undefined, digits: number): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return Number(x.toPrecision(digits));
}

export function encodeBundled(records: CatalogRecord[], built: string): BundledCatalog {
  const sources: string[] = [];
  const srcIndex = (s: string | undefined): number => {
    if (!s) return -1;
    let k = sources.indexOf(s);
    if (k < 0) k = sources.push(s) - 1;
    return k;
  };
  const columns: Record<string, Array<number | string | null>> = {};
  for (const c of [...NUM_COLS, ...STR_COLS, ...SRC_COLS, 'number', 'pha']) columns[c] = [];
  const extras: Record<string, Partial<CatalogRecord>> = {};
  records.forEach((r, k) => {
    const o = r.orbit;
    columns.epochJd.push(o.epochJd);
    // MPC prints a to 7 decimals, e to 7, angles to 5: 10 significant digits keep them exactly.
    columns.aAu.push(round(o.aAu, 10));
    columns.e.push(round(o.e, 9));
    columns.iDeg.push(round(o.iDeg, 9));
    columns.omDeg.push(round(o.omDeg, 10));
    columns.wDeg.push(round(o.wDeg, 10));
    columns.maDeg.push(round(o.maDeg, 10));
    columns.H.push(round(r.H, 4));
    columns.u.push(r.u ?? null);
    columns.diameterKm.push(round(r.measuredDiameterKm, 5));
    columns.diameterKmSigmaLow.push(round(r.diameterKmSigmaLow, 4));
    columns.diameterKmSigmaHigh.push(round(r.diameterKmSigmaHigh, 4));
    columns.albedo.push(round(r.measuredAlbedo, 4));
    columns.albedoSigma.push(round(r.albedoSigma, 3));
    columns.designation.push(r.designation);
    columns.name.push(r.name ?? '');
    columns.packed.push(r.packed ?? '');
    columns.spectralType.push(r.spectralType ?? '');
    columns.number.push(r.number ?? 0);
    columns.pha.push(r.pha ? 1 : 0);
    columns.orbitSource.push(srcIndex(r.sources?.orbit));
    columns.diameterSource.push(srcIndex(r.sources?.diameter));
    columns.albedoSource.push(srcIndex(r.sources?.albedo));
    columns.spectralSource.push(srcIndex(r.sources?.spectral));
    const extra: Partial<CatalogRecord> = {};
    if (r.spectralProbabilities) extra.spectralProbabilities = r.spectralProbabilities;
    if (r.measuredMassKg) {
      extra.measuredMassKg = r.measuredMassKg;
      if (r.massKgSigma) extra.massKgSigma = r.massKgSigma;
      if (r.sources?.mass) extra.sources = { mass: r.sources.mass };
    }
    if (r.notes?.length) extra.notes = r.notes;
    if (r.otherDesignations?.length) extra.otherDesignations = r.otherDesignations;
    if (Object.keys(extra).length) extras[k] = extra;
  });
  return { format: BUNDLED_FORMAT, version: 1, built, sources, count: records.length, columns, extras };
}

export function decodeBundled<T = CatalogRecord>(doc: unknown, file: string, build?: (rec: CatalogRecord) => T): T[] {
  const b = doc as BundledCatalog;
  if (!b || b.format !== BUNDLED_FORMAT || b.version !== 1 || !b.columns) {
    throw new InputError(`${file}: not a prospector catalog (expected format "${BUNDLED_FORMAT}" version 1)`, file);
  }
  const c = b.columns;
  const n = b.count;
  for (const k of [...NUM_COLS, ...STR_COLS, ...SRC_COLS, 'number', 'pha']) {
    if (!Array.isArray(c[k]) || c[k].length !== n) throw new InputError(`${file}: column ${k} missing or not ${n} long`, file);
  }
  const src = (col: string, k: number): string | undefined => {
    const j = c[col][k] as number;
    return j >= 0 ? b.sources[j] : undefined;
  };
  // Most rows share the same few source combinations: share those objects (read-only).
  const srcCache: Array<CatalogRecord['sources']> = [];
  const base = b.sources.length + 1;
  const sourcesFor = (k: number): NonNullable<CatalogRecord['sources']> => {
    // Indices are −1 … sources.length − 1: one integer key per combination, no string garbage.
    const key = (((c.orbitSource[k] as number) + 1) * base + (c.diameterSource[k] as number) + 1) * base * base + ((c.albedoSource[k] as number) + 1) * base + (c.spectralSource[k] as number) + 1;
    let v = srcCache[key];
    if (!v) {
      v = {};
      const o = src('orbitSource', k), d = src('diameterSource', k), a = src('albedoSource', k), sp = src('spectralSource', k);
      if (o) v.orbit = o;
      if (d) v.diameter = d;
      if (a) v.albedo = a;
      if (sp) v.spectral = sp;
      srcCache[key] = Object.freeze(v);
    }
    return v;
  };
  const out: T[] = new Array(n);
  // With a `build` callback (the catalog loader) one scratch record is refilled per row, so only
  // the final objects are allocated; without it every record is a fresh object.
  const scratch = {} as CatalogRecord;
  for (let k = 0; k < n; k++) {
    const rec: CatalogRecord = build ? scratch : ({} as CatalogRecord);
    rec.designation = c.designation[k] as string;
    rec.orbit = {
      epochJd: c.epochJd[k] as number,
      aAu: c.aAu[k] as number,
      e: c.e[k] as number,
      iDeg: c.iDeg[k] as number,
      omDeg: c.omDeg[k] as number,
      wDeg: c.wDeg[k] as number,
      maDeg: c.maDeg[k] as number,
    };
    rec.H = c.H[k] as number | null;
    rec.u = c.u[k] as number | null;
    rec.sources = sourcesFor(k);
    rec.number = (c.number[k] as number) || undefined;
    rec.name = (c.name[k] as string) || undefined;
    rec.packed = (c.packed[k] as string) || undefined;
    rec.spectralType = (c.spectralType[k] as string) || undefined;
    const d = c.diameterKm[k] as number | null;
    rec.measuredDiameterKm = d ?? undefined;
    rec.diameterKmSigmaLow = d !== null ? (c.diameterKmSigmaLow[k] as number | null) : undefined;
    rec.diameterKmSigmaHigh = d !== null ? (c.diameterKmSigmaHigh[k] as number | null) : undefined;
    const pv = c.albedo[k] as number | null;
    rec.measuredAlbedo = pv ?? undefined;
    rec.albedoSigma = pv !== null ? (c.albedoSigma[k] as number | null) : undefined;
    rec.pha = c.pha[k] ? true : undefined;
    rec.spectralProbabilities = undefined;
    rec.measuredMassKg = undefined;
    rec.massKgSigma = undefined;
    rec.notes = undefined;
    rec.otherDesignations = undefined;
    const extra = b.extras?.[k];
    if (extra) {
      const { sources, ...rest } = extra;
      Object.assign(rec, rest);
      if (sources) rec.sources = { ...rec.sources, ...sources };
    }
    out[k] = build ? build(rec) : (rec as T);
  }
  return out;
}
