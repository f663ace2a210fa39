/**
 * JPL Small-Body Database query exports (CSV, https://ssd.jpl.nasa.gov/tools/sbdb_query.html).
 * Columns are found by header name, so any column selection works as long as it has the orbit
 * (`epoch` JD TDB, `e`, `a` or `q`, `i`, `om`, `w`, `ma`) and a name (`pdes`, `full_name` or
 * `spkid`). Optional: `H`, `diameter` (km), `diameter_sigma`, `albedo`, `albedo_sigma`, `spec_B`,
 * `spec_T`, `condition_code` (≈ MPC U), `pha`, `GM` (km³/s²).
 */
import { InputError } from '../errors.js';
import { packNumber, packProvisional } from './packed-designation.js';
import { PROVISIONAL_RE, realH } from './parse-mpcorb.js';
import type { CatalogRecord, ParseDiagnostic, ParseResult } from './types.js';

/** One CSV line → fields (RFC 4180 quoting; a record never spans lines in SBDB exports). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (quoted) {
      if (ch === '"') {
        if (line[k + 1] === '"') {
          field += '"';
          k++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** "   433 Eros (A898 PA)" / "101955 Bennu (1999 RQ36)" / "  (2019 AB)" → parts. */
export function splitSbdbFullName(full: string): { number?: number; name?: string; designation?: string } {
  const m = /^\s*(\d+)?\s*([^(]*?)\s*(?:\(([^)]+)\))?\s*$/.exec(full);
  if (!m) return {};
  const out: { number?: number; name?: string; designation?: string } = {};
  if (m[1]) out.number = Number(m[1]);
  const mid = m[2].trim();
  if (mid) {
    if (PROVISIONAL_RE.test(mid)) out.designation = mid;
    else out.name = mid;
  }
  if (m[3]) out.designation = m[3].trim();
  return out;
}

const G_SI = 6.6743e-11; // CODATA 2018, m³ kg⁻¹ s⁻²

/**
 * Half a unit in the last printed digit of a decimal number when it has fewer than 8 significant
 * digits ("1.126" → 0.0005); null for full-precision values or unparseable text.
 */
export function roundingOf(text: string): number | null {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const intPart = m[1], frac = m[2] ?? '', exp = m[3] ? Number(m[3]) : 0;
  const significant = (intPart + frac).replace(/^0+/, '').length;
  if (significant >= 8) return null;
  return 0.5 * 10 ** (exp - frac.length);
}

export const SBDB_REQUIRED = ['epoch', 'e', 'i', 'om', 'w', 'ma'] as const;

export function parseSbdbCsv(text: string, file: string): ParseResult {
  const lines = text.split('\n');
  const header = splitCsvLine(lines[0].replace(/\r$/, '').replace(/^\uFEFF/, '')).map((h) => h.trim());
  const col: Record<string, number> = {};
  header.forEach((h, j) => (col[h] = j));
  const missing = SBDB_REQUIRED.filter((c) => col[c] === undefined);
  if (col.a === undefined && col.q === undefined) missing.push('a' as never);
  if (col.pdes === undefined && col.full_name === undefined && col.spkid === undefined) missing.push('pdes|full_name' as never);
  if (missing.length) throw new InputError(`${file}: SBDB CSV lacks column(s) ${missing.join(', ')} (header: ${header.slice(0, 8).join(',')}…)`, file);
  const records: CatalogRecord[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  let skipped = 0;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k].replace(/\r$/, '');
    if (line.trim() === '') continue;
    const f = splitCsvLine(line);
    const lineNo = k + 1;
    let ok = true;
    const bad = (field: string, problem: string) => {
      if (ok) skipped++;
      ok = false;
      diagnostics.push({ file, line: lineNo, field, problem });
    };
    const str = (c: string): string => (col[c] === undefined ? '' : (f[col[c]] ?? '').trim());
    const num = (c: string, required: boolean): number | null => {
      const s = str(c);
      if (s === '') {
        if (required) bad(c, 'missing');
        return null;
      }
      const v = Number(s);
      if (!Number.isFinite(v)) {
        if (required) bad(c, `expected a number, got "${s}"`);
        else diagnostics.push({ file, line: lineNo, field: c, problem: `expected a number, got "${s}" (ignored)` });
        return null;
      }
      return v;
    };
    if (f.length < header.length - 1 && f.length < 4) {
      bad('line', `expected ${header.length} fields, got ${f.length}`);
      continue;
    }
    const epochJd = num('epoch', true);
    const e = num('e', true);
    let a = col.a !== undefined ? num('a', true) : null;
    const q = col.q !== undefined ? num('q', col.a === undefined) : null;
    const inc = num('i', true);
    const om = num('om', true);
    const w = num('w', true);
    const ma = num('ma', true);
    if (!ok) continue;
    if (a === null && q !== null && e !== null && e < 1) a = q / (1 - e);
    if (!(e! >= 0 && e! < 1)) {
      bad('e', `expected 0 ≤ e < 1 for an asteroid orbit, got ${e}`);
      continue;
    }
    if (!(a! > 0)) {
      bad('a', `expected a > 0 AU, got ${a}`);
      continue;
    }
    const names = splitSbdbFullName(str('full_name'));
    const pdes = str('pdes');
    let number = names.number;
    if (number === undefined && /^\d+$/.test(pdes)) number = Number(pdes);
    const name = str('name') || names.name;
    const designation = names.designation ?? (pdes && !/^\d+$/.test(pdes) ? pdes : undefined) ?? (number !== undefined ? String(number) : str('spkid'));
    if (!designation) {
      bad('full_name', 'no designation');
      continue;
    }
    const rec: CatalogRecord = {
      designation,
      orbit: { epochJd: epochJd!, aAu: a!, e: e!, iDeg: inc!, omDeg: om!, wDeg: w!, maDeg: ma! },
      H: realH(num('H', false)),
      sources: { orbit: file },
    };
    if (number !== undefined) rec.number = number;
    if (name) rec.name = name;
    // Query exports print a to 4 significant digits ("1.126"): say how coarse the orbit is.
    const aText = col.a !== undefined ? str('a') : str('q');
    const half = roundingOf(aText);
    if (half !== null) rec.aRoundingAu = col.a !== undefined ? half : half / (1 - e!);
    const packed = number !== undefined ? packNumber(number) : packProvisional(designation);
    if (packed) rec.packed = packed;
    const cc = str('condition_code');
    rec.u = /^\d$/.test(cc) ? Number(cc) : null;
    const d = num('diameter', false);
    if (d !== null && d > 0) {
      rec.measuredDiameterKm = d;
      const ds = num('diameter_sigma', false);
      if (ds !== null && ds > 0) rec.diameterKmSigmaLow = rec.diameterKmSigmaHigh = ds;
      rec.sources!.diameter = file;
    }
    const pv = num('albedo', false);
    if (pv !== null && pv > 0) {
      rec.measuredAlbedo = pv;
      const ps = num('albedo_sigma', false);
      if (ps !== null && ps > 0) rec.albedoSigma = ps;
      rec.sources!.albedo = file;
    }
    const spec = str('spec_B') || str('spec_T');
    if (spec) {
      rec.spectralType = spec;
      rec.sources!.spectral = `${file} (${str('spec_B') ? 'spec_B, SMASSII' : 'spec_T, Tholen'})`;
    }
    const gm = num('GM', false);
    if (gm !== null && gm > 0) {
      rec.measuredMassKg = (gm * 1e9) / G_SI;
      rec.sources!.mass = `${file} (GM)`;
    }
    const pha = str('pha');
    if (pha) rec.pha = pha === 'Y';
    records.push(rec);
  }
  return { format: 'sbdb-csv', records, diagnostics, skipped };
}
