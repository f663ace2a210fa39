/**
 * The bundled catalog format: a compact columnar binary file, so that loading 26k orbits is a
 * read, a gunzip and a handful of typed-array views — no JSON.parse of big arrays, no per-object
 * work until an object is asked for. Written by scripts/build-catalog.ts, read here.
 *
 * Layout (version 2, all little-endian), the whole file gzip-compressed:
 *   bytes 0–7   magic "PRSPCAT\n"
 *   bytes 8–11  u32 format version (2)
 *   bytes 12–15 u32 length H of the header
 *   bytes 16…   header, UTF-8 JSON: { built, count, sources[], columns: {name: [type, offset]},
 *               strings: [offset, charOffsetsOffset, n], extras: [offset, length] }
 *   then the blocks, each starting at an offset that is a multiple of 8 (from the file start):
 *   one block per column (f64/i32/i16/i8, `count` values; the mostly-empty physical columns
 *   sparse: i32 rows + f64 values, expanded on load), the string table (one UTF-8 text whose
 *   strings are delimited by a u32 array of UTF-16 offsets; id 0 is ""), and the sparse extras
 *   (UTF-8 JSON keyed by row: class probabilities, masses, notes, other designations), parsed
 *   on first use.
 * Missing numbers are NaN (floats), 0 (number), −1 (u) or source index −1.
 */
import { gzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { packNumber, packProvisional } from './packed-designation.js';
import type { CatalogRecord } from './types.js';

export const BUNDLED_MAGIC = 'PRSPCAT\n';
export const BUNDLED_VERSION = 2;

type ColType = 'f64' | 'i32' | 'i16' | 'i8';
type Typed = Float64Array | Int32Array | Int16Array | Int8Array;

const BYTES: Record<ColType, number> = { f64: 8, i32: 4, i16: 2, i8: 1 };

/**
 * Column → type. Every figure is f64 so that it reads back exactly as the source printed it
 * (f32 would turn 0.48444 into 0.48444000482…). String columns hold ids into the string table.
 */
const COLUMNS = {
  epochJd: 'f64', aAu: 'f64', e: 'f64', iDeg: 'f64', omDeg: 'f64', wDeg: 'f64', maDeg: 'f64',
  aRoundingAu: 'f64', H: 'f64', diameterKm: 'f64', diameterKmSigmaLow: 'f64', diameterKmSigmaHigh: 'f64',
  albedo: 'f64', albedoSigma: 'f64',
  number: 'i32', u: 'i8', pha: 'i8',
  designation: 'i32', name: 'i32', packed: 'i32', spectralType: 'i32',
  orbitSource: 'i16', diameterSource: 'i16', albedoSource: 'i16', spectralSource: 'i16',
} as const satisfies Record<string, ColType>;

/** Float columns that one object in ten or fewer has: stored as (row, value) pairs. */
const SPARSE = new Set<ColumnName>(['aRoundingAu', 'diameterKm', 'diameterKmSigmaLow', 'diameterKmSigmaHigh', 'albedo', 'albedoSigma']);

export type ColumnName = keyof typeof COLUMNS;
type ColumnArray<N extends ColumnName> = (typeof COLUMNS)[N] extends 'f64'
  ? Float64Array
  : (typeof COLUMNS)[N] extends 'i32'
    ? Int32Array
    : (typeof COLUMNS)[N] extends 'i16'
      ? Int16Array
      : Int8Array;

/** Rows that need more than the columns hold (sparse, kept as JSON). */
export type BundledExtra = Pick<CatalogRecord, 'spectralProbabilities' | 'measuredMassKg' | 'massKgSigma' | 'notes' | 'otherDesignations'> & {
  sources?: { mass?: string; diameter?: string; albedo?: string };
};

/** A decoded bundled catalog: typed columns plus lazily sliced strings. */
export interface BundledTable {
  built: string;
  count: number;
  sources: string[];
  col<N extends ColumnName>(name: N): ColumnArray<N>;
  /** The string with id `id` ("" for 0). */
  str(id: number): string;
  /** Sparse per-row extras, parsed on first call. */
  extra(row: number): BundledExtra | undefined;
  /** True when row's packed form is not the standard packing of its number or designation. */
  unusualPacked(row: number): boolean;
}

interface Header {
  built: string;
  count: number;
  sources: string[];
  /** [type, offset] for a dense column; ['sparse', rowsOffset, valuesOffset, n] for a sparse one. */
  columns: Record<string, [ColType, number] | ['sparse', number, number, number]>;
  strings: [number, number, number];
  extras: [number, number];
  /** Rows whose packed form differs from the standard packing (lookups must index those). */
  unusualPacked: number[];
}

const enc = new TextEncoder();

const newColumn = (type: ColType, n: number): Typed =>
  type === 'f64' ? new Float64Array(n) : type === 'i32' ? new Int32Array(n) : type === 'i16' ? new Int16Array(n) : new Int8Array(n);

/** Encodes records in the bundled format (gzip-compressed bytes). */
export function encodeBundled(records: readonly CatalogRecord[], built: string): Buffer {
  const n = records.length;
  const sources: string[] = [];
  const srcIndex = (s: string | undefined): number => {
    if (!s) return -1;
    let k = sources.indexOf(s);
    if (k < 0) k = sources.push(s) - 1;
    return k;
  };
  const strings: string[] = [''];
  const strIds = new Map<string, number>([['', 0]]);
  const strId = (s: string | null | undefined): number => {
    if (!s) return 0;
    let id = strIds.get(s);
    if (id === undefined) {
      id = strings.push(s) - 1;
      strIds.set(s, id);
    }
    return id;
  };
  const cols = {} as Record<ColumnName, Typed>;
  for (const [name, type] of Object.entries(COLUMNS) as Array<[ColumnName, ColType]>) cols[name] = newColumn(type, n);
  const num = (x: number | null | undefined): number => (x === null || x === undefined || !Number.isFinite(x) ? NaN : x);
  const extras: Record<number, BundledExtra> = {};
  const unusualPacked: number[] = [];
  records.forEach((r, k) => {
    const standard = r.number !== undefined ? packNumber(r.number) : packProvisional(r.designation) ?? undefined;
    if (r.packed !== undefined && r.packed !== standard) unusualPacked.push(k);
    const o = r.orbit;
    cols.epochJd[k] = o.epochJd;
    cols.aAu[k] = o.aAu;
    cols.e[k] = o.e;
    cols.iDeg[k] = o.iDeg;
    cols.omDeg[k] = o.omDeg;
    cols.wDeg[k] = o.wDeg;
    cols.maDeg[k] = o.maDeg;
    cols.aRoundingAu[k] = num(r.aRoundingAu);
    cols.H[k] = num(r.H);
    cols.diameterKm[k] = num(r.measuredDiameterKm);
    cols.diameterKmSigmaLow[k] = num(r.diameterKmSigmaLow);
    cols.diameterKmSigmaHigh[k] = num(r.diameterKmSigmaHigh);
    cols.albedo[k] = num(r.measuredAlbedo);
    cols.albedoSigma[k] = num(r.albedoSigma);
    cols.number[k] = r.number ?? 0;
    if (r.u !== null && r.u !== undefined && !(r.u >= 0 && r.u <= 127)) throw new Error(`encodeBundled: row ${k}: U ${r.u} out of range`);
    cols.u[k] = r.u ?? -1;
    cols.pha[k] = r.pha ? 1 : 0;
    for (const [c, s] of [['designation', r.designation], ['name', r.name], ['packed', r.packed], ['spectralType', r.spectralType]] as const) {
      if (s && s.includes('\n')) throw new Error(`encodeBundled: ${c} of row ${k} contains a newline`);
      cols[c][k] = strId(s);
    }
    cols.orbitSource[k] = srcIndex(r.sources?.orbit);
    cols.diameterSource[k] = srcIndex(r.sources?.diameter);
    cols.albedoSource[k] = srcIndex(r.sources?.albedo);
    cols.spectralSource[k] = srcIndex(r.sources?.spectral);
    const extra: BundledExtra = {};
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
  if (sources.length > 32000) throw new Error('encodeBundled: too many distinct sources for an i16 index');

  // Blocks, each padded to 8 bytes; offsets relative to the data region for now.
  const blocks: Uint8Array[] = [];
  let offset = 0;
  const place = (bytes: Uint8Array): number => {
    const at = offset;
    blocks.push(bytes);
    offset += bytes.byteLength;
    const pad = (8 - (offset % 8)) % 8;
    if (pad) {
      blocks.push(new Uint8Array(pad));
      offset += pad;
    }
    return at;
  };
  const bytesOf = (a: Typed) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const rel: Array<[ColumnName, ColType | 'sparse', number[]]> = [];
  for (const [name, type] of Object.entries(COLUMNS) as Array<[ColumnName, ColType]>) {
    const a = cols[name];
    if (SPARSE.has(name)) {
      const rows: number[] = [];
      for (let k = 0; k < n; k++) if (!Number.isNaN(a[k])) rows.push(k);
      const values = Float64Array.from(rows, (k) => a[k]);
      rel.push([name, 'sparse', [place(bytesOf(Int32Array.from(rows))), place(bytesOf(values)), rows.length]]);
    } else rel.push([name, type, [place(bytesOf(a))]]);
  }
  const text = strings.join('');
  const charOffsets = new Uint32Array(strings.length + 1);
  for (let i = 0, at = 0; i < strings.length; i++) {
    charOffsets[i] = at;
    at += strings[i].length;
    charOffsets[i + 1] = at;
  }
  const textAt = place(enc.encode(text));
  const offsAt = place(bytesOf(charOffsets as unknown as Int32Array));
  const extrasBytes = enc.encode(JSON.stringify(extras));
  const extrasAt = place(extrasBytes);

  // The data region starts after the header, 8-byte aligned; the header prints absolute offsets,
  // so its own length depends on them: iterate until stable.
  const header = (base: number): Header => {
    const columns: Header['columns'] = {};
    for (const [name, type, at] of rel) columns[name] = type === 'sparse' ? ['sparse', base + at[0], base + at[1], at[2]] : [type, base + at[0]];
    return { built, count: n, sources, columns, strings: [base + textAt, base + offsAt, strings.length], extras: [base + extrasAt, extrasBytes.byteLength], unusualPacked };
  };
  let base = 0;
  let headBytes = enc.encode(JSON.stringify(header(base)));
  for (let pass = 0; pass < 8; pass++) {
    const want = Math.ceil((16 + headBytes.byteLength) / 8) * 8;
    if (want === base) break;
    base = want;
    headBytes = enc.encode(JSON.stringify(header(base)));
  }
  if (Math.ceil((16 + headBytes.byteLength) / 8) * 8 !== base) throw new Error('encodeBundled: header length did not settle');
  const out = new Uint8Array(base + offset);
  out.set(enc.encode(BUNDLED_MAGIC), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, BUNDLED_VERSION, true);
  dv.setUint32(12, headBytes.byteLength, true);
  out.set(headBytes, 16);
  let at = base;
  for (const b of blocks) {
    out.set(b, at);
    at += b.byteLength;
  }
  return gzipSync(out, { level: 9 });
}

/** True when `buf` (already gunzipped) starts with the bundled-format magic. */
export function isBundled(buf: Uint8Array): boolean {
  if (buf.byteLength < 16) return false;
  for (let k = 0; k < BUNDLED_MAGIC.length; k++) if (buf[k] !== BUNDLED_MAGIC.charCodeAt(k)) return false;
  return true;
}

/** UTF-8 → string; Buffer's decoder is the fast one in Node. */
function utf8(bytes: Uint8Array): string {
  return Buffer.isBuffer(bytes) ? bytes.toString('utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * Views a bundled catalog (gunzipped bytes) without copying the dense columns. Throws InputError
 * naming `file` when the bytes are not a complete catalog of this version.
 */
export function decodeBundled(bytes: Uint8Array, file: string): BundledTable {
  const bad = (why: string) => new InputError(`${file}: not a usable prospector catalog (${why})`, file);
  if (!isBundled(bytes)) throw bad('no catalog header');
  // Typed arrays need aligned offsets: copy once when the buffer does not start on 8 bytes.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const version = dv.getUint32(8, true);
  if (version !== BUNDLED_VERSION) throw bad(`format version ${version}, this build reads ${BUNDLED_VERSION}; rebuild it with npm run build:catalog`);
  const headLen = dv.getUint32(12, true);
  if (16 + headLen > buf.byteLength) throw bad('truncated header');
  let h: Header;
  try {
    h = JSON.parse(utf8(buf.subarray(16, 16 + headLen))) as Header;
  } catch {
    throw bad('corrupt header');
  }
  const n = h.count;
  if (!Number.isInteger(n) || n < 0 || !h.columns || !Array.isArray(h.sources)) throw bad('corrupt header');
  const view = (type: ColType, at: number, count: number): Typed => {
    if (at % 8 !== 0 || at + count * BYTES[type] > buf.byteLength) throw bad('a column lies outside the file (truncated?)');
    const o = buf.byteOffset + at;
    return type === 'f64' ? new Float64Array(buf.buffer, o, count) : type === 'i32' ? new Int32Array(buf.buffer, o, count) : type === 'i16' ? new Int16Array(buf.buffer, o, count) : new Int8Array(buf.buffer, o, count);
  };
  const cols = {} as Record<ColumnName, Typed>;
  for (const [name, type] of Object.entries(COLUMNS) as Array<[ColumnName, ColType]>) {
    const spec = h.columns[name];
    if (!spec) throw bad(`column ${name} missing`);
    if (spec[0] === 'sparse') {
      const [, rowsAt, valuesAt, nnz] = spec;
      const rows = view('i32', rowsAt, nnz) as Int32Array;
      const values = view('f64', valuesAt, nnz) as Float64Array;
      const dense = new Float64Array(n).fill(NaN);
      for (let j = 0; j < nnz; j++) {
        if (!(rows[j] >= 0 && rows[j] < n)) throw bad(`column ${name}: row ${rows[j]} out of range`);
        dense[rows[j]] = values[j];
      }
      cols[name] = dense;
    } else {
      if (spec[0] !== type) throw bad(`column ${name} of the wrong type`);
      cols[name] = view(type, spec[1], n);
    }
  }
  const [textAt, offsAt, nStrings] = h.strings;
  if (offsAt % 8 !== 0 || offsAt + (nStrings + 1) * 4 > buf.byteLength || textAt > offsAt) throw bad('string table out of bounds');
  const text = utf8(buf.subarray(textAt, offsAt));
  const offs = new Uint32Array(buf.buffer, buf.byteOffset + offsAt, nStrings + 1);
  if (offs[nStrings] > text.length) throw bad('string table inconsistent');
  const [exAt, exLen] = h.extras;
  if (exAt + exLen > buf.byteLength) throw bad('extras out of bounds');
  let extras: Record<string, BundledExtra> | undefined;
  const unusual = new Set(Array.isArray(h.unusualPacked) ? h.unusualPacked : []);
  return {
    unusualPacked: (row: number) => unusual.has(row),
    built: h.built,
    count: n,
    sources: h.sources,
    col: <N extends ColumnName>(name: N) => cols[name] as ColumnArray<N>,
    str: (id: number) => (id > 0 && id < nStrings ? text.slice(offs[id], offs[id + 1]) : ''),
    extra: (row: number) => {
      if (!extras) {
        try {
          extras = JSON.parse(utf8(buf.subarray(exAt, exAt + exLen))) as Record<string, BundledExtra>;
        } catch {
          throw bad('corrupt extras');
        }
      }
      return extras[row];
    },
  };
}

/** The columns of a table as plain fields (one lookup per table, not one per value). */
type Columns = { [N in ColumnName]: ColumnArray<N> };
const columnCache = new WeakMap<BundledTable, Columns>();
function columnsOf(t: BundledTable): Columns {
  let c = columnCache.get(t);
  if (!c) {
    c = {} as Columns;
    for (const name of Object.keys(COLUMNS) as ColumnName[]) (c as Record<ColumnName, unknown>)[name] = t.col(name);
    columnCache.set(t, c);
  }
  return c;
}

// Most rows share one of a few source combinations: share those objects (frozen, read-only).
const sourceCache = new WeakMap<BundledTable, Map<number, Readonly<NonNullable<CatalogRecord['sources']>>>>();

function sourcesOf(t: BundledTable, c: Columns, k: number): Readonly<NonNullable<CatalogRecord['sources']>> {
  const o = c.orbitSource[k], d = c.diameterSource[k], a = c.albedoSource[k], s = c.spectralSource[k];
  const base = t.sources.length + 1;
  const key = (((o + 1) * base + d + 1) * base + a + 1) * base + s + 1;
  let cache = sourceCache.get(t);
  if (!cache) sourceCache.set(t, (cache = new Map()));
  let v = cache.get(key);
  if (!v) {
    const out: NonNullable<CatalogRecord['sources']> = {};
    if (o >= 0) out.orbit = t.sources[o];
    if (d >= 0) out.diameter = t.sources[d];
    if (a >= 0) out.albedo = t.sources[a];
    if (s >= 0) out.spectral = t.sources[s];
    v = Object.freeze(out);
    cache.set(key, v);
  }
  return v;
}

/**
 * Fills `rec` with row `k` and returns it. Every field is written, in the same order, so that a
 * record object reused row after row (the catalog view does that) or built fresh keeps one shape.
 * Only `orbit` is a new object each time (entries keep it); sources, notes and class
 * probabilities are shared, read-only.
 */
export function bundledRecordInto(t: BundledTable, k: number, rec: CatalogRecord): CatalogRecord {
  const c = columnsOf(t);
  const d = c.diameterKm[k];
  const pv = c.albedo[k];
  const num = c.number[k];
  const u = c.u[k];
  const H = c.H[k];
  const ar = c.aRoundingAu[k];
  const extra = t.extra(k);
  rec.designation = t.str(c.designation[k]);
  rec.number = num > 0 ? num : undefined;
  rec.name = t.str(c.name[k]) || undefined;
  rec.otherDesignations = extra?.otherDesignations;
  rec.packed = t.str(c.packed[k]) || undefined;
  rec.orbit = { epochJd: c.epochJd[k], aAu: c.aAu[k], e: c.e[k], iDeg: c.iDeg[k], omDeg: c.omDeg[k], wDeg: c.wDeg[k], maDeg: c.maDeg[k] };
  rec.aRoundingAu = ar === ar ? ar : undefined;
  rec.H = H === H ? H : null;
  rec.u = u >= 0 ? u : null;
  rec.measuredDiameterKm = d === d ? d : undefined;
  rec.diameterKmSigmaLow = d === d ? nullIfNaN(c.diameterKmSigmaLow[k]) : undefined;
  rec.diameterKmSigmaHigh = d === d ? nullIfNaN(c.diameterKmSigmaHigh[k]) : undefined;
  rec.measuredAlbedo = pv === pv ? pv : undefined;
  rec.albedoSigma = pv === pv ? nullIfNaN(c.albedoSigma[k]) : undefined;
  rec.measuredMassKg = extra?.measuredMassKg;
  rec.massKgSigma = extra?.massKgSigma;
  rec.spectralType = t.str(c.spectralType[k]) || undefined;
  rec.spectralProbabilities = extra?.spectralProbabilities;
  const sources = sourcesOf(t, c, k);
  rec.sources = extra?.sources ? { ...sources, ...extra.sources } : sources;
  rec.pha = c.pha[k] ? true : undefined;
  rec.notes = extra?.notes;
  return rec;
}

const nullIfNaN = (x: number): number | null => (x === x ? x : null);

/** The CatalogRecord of row `k`, as a fresh object. */
export function bundledRecord(t: BundledTable, k: number): CatalogRecord {
  return bundledRecordInto(t, k, {} as CatalogRecord);
}
