/**
 * Reads any supported catalog file: MPC export format (MPCORB.DAT, NEA.txt), MPC
 * nea_extended.json, JPL SBDB CSV, or the bundled columnar format — plain or gzip. The format is
 * recognised from the content, not the file name. A file that is none of these (empty, binary,
 * other text) is an InputError naming the file; malformed rows inside a recognised file are
 * reported as diagnostics and skipped.
 */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { toAsteroid } from './asteroid.js';
import { decodeBundled, isBundled } from './bundled-format.js';
import { arrayView, bundledView, type CatalogView } from './catalog-view.js';
import { looksLikeMpcLine, parseMpcorb } from './parse-mpcorb.js';
import { parseNeaExtended } from './parse-nea-extended.js';
import { parseSbdbCsv } from './parse-sbdb-csv.js';
import { formatDiagnostic, type Asteroid, type CatalogFormat, type CatalogRecord, type ParseDiagnostic, type ParseResult } from './types.js';

export interface CatalogLoad {
  format: CatalogFormat;
  /** Every entry. For the bundled catalog they are built on first access (see `view`). */
  readonly asteroids: Asteroid[];
  /** Row access without building every entry (what `targets` ranks with). */
  view: CatalogView;
  diagnostics: ParseDiagnostic[];
  skipped: number;
}

/** A CatalogLoad whose `asteroids` are built from the view only when someone asks for them. */
export function catalogLoad(format: CatalogFormat, view: CatalogView, diagnostics: ParseDiagnostic[] = [], skipped = 0): CatalogLoad {
  return {
    format,
    view,
    diagnostics,
    skipped,
    get asteroids() {
      return view.all();
    },
  };
}

/** Reads a file, gunzipping it when it starts with the gzip magic. Errors name `file`. */
export function readCatalogBytes(path: string, file: string = path): Buffer {
  let buf: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${file}: is a directory, expected a catalog file`, file);
    buf = readFileSync(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new InputError(`${file}: ${why}`, file);
  }
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch (err) {
      throw new InputError(`${file}: corrupt gzip data (${(err as Error).message})`, file);
    }
  }
  return buf;
}

/** Reads a text catalog (gunzipping when needed) as UTF-8; empty or binary files are InputErrors. */
export function readCatalogText(path: string, file: string = path): string {
  return catalogText(readCatalogBytes(path, file), file);
}

function catalogText(buf: Buffer, file: string): string {
  if (isBlank(buf)) throw new InputError(`${file}: empty file, expected an asteroid catalog`, file);
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) throw new InputError(`${file}: binary data, expected an asteroid catalog (MPC NEA.txt/MPCORB.DAT, nea_extended.json or SBDB CSV)`, file);
  return buf.toString('utf8');
}

/** True when the buffer holds nothing but ASCII whitespace (scans bytes; no string copy). */
function isBlank(buf: Buffer): boolean {
  for (let k = 0; k < buf.length; k++) {
    const c = buf[k];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** Recognises the format from the first bytes/lines; null when it is not a catalog. */
export function detectFormat(text: string): CatalogFormat | null {
  const start = text.slice(0, 2000).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[')) return 'nea-extended-json';
  // The catalog's own format is binary (bundled-format.ts); the old JSON one (v1) is reported below.
  if (start.startsWith('{')) return start.includes('"prospector-catalog"') ? 'bundled' : null;
  const firstLine = start.split('\n', 1)[0];
  if (/(^|,)"?(spkid|full_name|pdes)"?(,|$)/.test(firstLine) && firstLine.includes(',')) return 'sbdb-csv';
  const lines = text.slice(0, 200_000).split('\n', 120);
  if (lines.some((l) => looksLikeMpcLine(l.replace(/\r$/, '')))) return 'mpcorb';
  return null;
}

export function parseCatalogText(text: string, file: string): ParseResult {
  const format = detectFormat(text);
  let result: ParseResult;
  switch (format) {
    case 'nea-extended-json':
      result = parseNeaExtended(text, file);
      break;
    case 'sbdb-csv':
      result = parseSbdbCsv(text, file);
      break;
    case 'mpcorb':
      result = parseMpcorb(text, file);
      break;
    case 'bundled':
      throw new InputError(`${file}: a prospector catalog in the old JSON format (version 1); rebuild it with npm run build:catalog`, file);
    default:
      throw new InputError(
        `${file}: not an asteroid catalog (expected MPC NEA.txt/MPCORB.DAT fixed columns, MPC nea_extended.json or a JPL SBDB CSV with a header row)`,
        file,
      );
  }
  if (result.records.length === 0) {
    const first = result.diagnostics[0];
    throw new InputError(
      `${file}: no usable orbits${result.skipped ? ` (${result.skipped} rows skipped; first: ${formatDiagnostic(first)})` : ' (no data rows)'}`,
      file,
    );
  }
  return result;
}

export interface ParseFileOptions {
  /** Called with the parsed records of a text catalog before they are sized (e.g. to merge data). */
  enrich?: (records: CatalogRecord[]) => void;
}

/**
 * Reads, parses and sizes a catalog file. `label` is the name used in messages (e.g. the path as
 * the user typed it, when `file` was resolved against a working directory).
 */
export function parseCatalogFile(file: string, label: string = file, opts: ParseFileOptions = {}): CatalogLoad {
  const bytes = readCatalogBytes(file, label);
  if (isBundled(bytes)) {
    const table = decodeBundled(bytes, label);
    if (table.count === 0) throw new InputError(`${label}: no usable orbits (no data rows)`, label);
    return catalogLoad('bundled', bundledView(table));
  }
  const parsed = parseCatalogText(catalogText(bytes, label), label);
  opts.enrich?.(parsed.records);
  return catalogLoad(parsed.format, arrayView(parsed.records.map(toAsteroid)), parsed.diagnostics, parsed.skipped);
}

/** One-paragraph summary of parse diagnostics for stderr: the count and the first few. */
export function summarizeDiagnostics(load: Pick<CatalogLoad, 'diagnostics' | 'skipped'>, max = 3): string | null {
  if (load.diagnostics.length === 0) return null;
  const shown = load.diagnostics.slice(0, max).map(formatDiagnostic).join('; ');
  const more = load.diagnostics.length > max ? `; … ${load.diagnostics.length - max} more` : '';
  return `${load.skipped} row(s) skipped, ${load.diagnostics.length} problem(s): ${shown}${more}`;
}
