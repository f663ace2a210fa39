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
import { BUNDLED_FORMAT, decodeBundled } from './bundled-format.js';
import { looksLikeMpcLine, parseMpcorb } from './parse-mpcorb.js';
import { parseNeaExtended } from './parse-nea-extended.js';
import { parseSbdbCsv } from './parse-sbdb-csv.js';
import { formatDiagnostic, type Asteroid, type CatalogFormat, type ParseDiagnostic, type ParseResult } from './types.js';

export interface CatalogLoad {
  format: CatalogFormat;
  asteroids: Asteroid[];
  diagnostics: ParseDiagnostic[];
  skipped: number;
}

/** Reads a file (gunzipping when it starts with the gzip magic), as text. */
export function readCatalogText(path: string, file: string = path): string {
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

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`, file);
  }
}

/** Recognises the format from the first bytes/lines; null when it is not a catalog. */
export function detectFormat(text: string): CatalogFormat | null {
  const start = text.slice(0, 2000).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[')) return 'nea-extended-json';
  if (start.startsWith('{')) return start.includes(`"${BUNDLED_FORMAT}"`) || start.includes('"format"') ? 'bundled' : null;
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
      result = { format: 'bundled', records: decodeBundled(parseJson(text, file), file), diagnostics: [], skipped: 0 };
      break;
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

/**
 * Reads, parses and sizes a catalog file. `label` is the name used in messages (e.g. the path as
 * the user typed it, when `file` was resolved against a working directory).
 */
export function parseCatalogFile(file: string, label: string = file): CatalogLoad {
  const text = readCatalogText(file, label);
  if (detectFormat(text) === 'bundled') {
    // Straight from the columns to catalog entries (no intermediate records).
    const asteroids = decodeBundled(parseJson(text, label), label, toAsteroid);
    if (asteroids.length === 0) throw new InputError(`${label}: no usable orbits (no data rows)`, label);
    return { format: 'bundled', asteroids, diagnostics: [], skipped: 0 };
  }
  const parsed = parseCatalogText(text, label);
  return { format: parsed.format, asteroids: parsed.records.map(toAsteroid), diagnostics: parsed.diagnostics, skipped: parsed.skipped };
}

/** One-paragraph summary of parse diagnostics for stderr: the count and the first few. */
export function summarizeDiagnostics(load: Pick<CatalogLoad, 'diagnostics' | 'skipped'>, max = 3): string | null {
  if (load.diagnostics.length === 0) return null;
  const shown = load.diagnostics.slice(0, max).map(formatDiagnostic).join('; ');
  const more = load.diagnostics.length > max ? `; … ${load.diagnostics.length - max} more` : '';
  return `${load.skipped} row(s) skipped, ${load.diagnostics.length} problem(s): ${shown}${more}`;
}
