/**
 * MPC `nea_extended.json` (https://minorplanetcenter.net/data): a JSON array of objects with
 * `Principal_desig`, `Number` ("(433)"), `Name`, `H`, `Epoch` (JD TT), `a` (AU), `e`, `i`, `Node`,
 * `Peri`, `M` (deg, J2000 ecliptic), `U` (string), `PHA_flag`, … One bad entry is reported and
 * skipped; the rest load.
 */
import { InputError } from '../errors.js';
import { packNumber, packProvisional } from './packed-designation.js';
import { realH } from './parse-mpcorb.js';
import type { CatalogRecord, ParseDiagnostic, ParseResult } from './types.js';

type Entry = Record<string, unknown>;

/** 1-based line of the start of each top-level array element (only computed when needed). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inStr = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) line++;
    if (inStr) {
      if (c === 92) k++; // backslash escape
      else if (c === 34) inStr = false;
      continue;
    }
    if (c === 34) inStr = true;
    else if (c === 123 || c === 91) {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (c === 125 || c === 93) depth--;
  }
  return lines;
}

export function parseNeaExtended(text: string, file: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`, file);
  }
  if (!Array.isArray(data)) throw new InputError(`${file}: expected a JSON array of MPC orbit objects (nea_extended.json)`, file);
  const records: CatalogRecord[] = [];
  const pending: Array<{ index: number; field: string; problem: string }> = [];
  for (let k = 0; k < data.length; k++) {
    const o = data[k] as Entry;
    const fail = (field: string, problem: string) => pending.push({ index: k, field, problem });
    if (o === null || typeof o !== 'object' || Array.isArray(o)) {
      fail('entry', 'expected an object');
      continue;
    }
    const desig = typeof o.Principal_desig === 'string' ? o.Principal_desig.trim() : '';
    const numStr = typeof o.Number === 'string' ? o.Number.replace(/[()\s]/g, '') : typeof o.Number === 'number' ? String(o.Number) : '';
    if (!desig && !numStr) {
      fail('Principal_desig', 'missing (and no Number)');
      continue;
    }
    const get = (key: string, opts: { min?: number; max?: number; optional?: boolean } = {}): number | null | undefined => {
      const v = o[key];
      if (v === undefined || v === null || v === '') {
        if (opts.optional) return null;
        fail(key, 'missing');
        return undefined;
      }
      const x = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(x)) {
        fail(key, `expected a number, got ${JSON.stringify(v)}`);
        return undefined;
      }
      if ((opts.min !== undefined && x < opts.min) || (opts.max !== undefined && x > opts.max)) {
        fail(key, `out of range: ${x}`);
        return undefined;
      }
      return x;
    };
    const epochJd = get('Epoch', { min: 2e6, max: 3e6 });
    const a = get('a', { min: 1e-6 });
    const e = get('e', { min: 0, max: 0.999999999 });
    const inc = get('i', { min: 0, max: 180 });
    const om = get('Node');
    const w = get('Peri');
    const ma = get('M');
    const H = get('H', { optional: true });
    if ([epochJd, a, e, inc, om, w, ma, H].some((x) => x === undefined)) continue;
    const uRaw = o.U;
    const u = typeof uRaw === 'number' ? uRaw : typeof uRaw === 'string' && /^\d$/.test(uRaw.trim()) ? Number(uRaw) : null;
    const number = numStr && /^\d+$/.test(numStr) ? Number(numStr) : undefined;
    const rec: CatalogRecord = {
      designation: desig || String(number),
      orbit: { epochJd: epochJd!, aAu: a!, e: e!, iDeg: inc!, omDeg: om!, wDeg: w!, maDeg: ma! },
      H: realH(H ?? null),
      u,
      sources: { orbit: file },
    };
    if (number !== undefined) {
      rec.number = number;
      rec.packed = packNumber(number);
    } else {
      const p = packProvisional(desig);
      if (p) rec.packed = p;
    }
    if (typeof o.Name === 'string' && o.Name.trim()) rec.name = o.Name.trim();
    if (Array.isArray(o.Other_desigs)) {
      const others = o.Other_desigs.filter((d): d is string => typeof d === 'string' && d.trim() !== '').map((d) => d.trim());
      if (others.length) rec.otherDesignations = others;
    }
    if (o.PHA_flag !== undefined) rec.pha = o.PHA_flag === 1 || o.PHA_flag === '1' || o.PHA_flag === true;
    records.push(rec);
  }
  let diagnostics: ParseDiagnostic[] = [];
  if (pending.length > 0) {
    const starts = elementLines(text);
    diagnostics = pending.map((p) => ({ file, line: starts[p.index] ?? 0, field: p.field, problem: p.problem }));
  }
  const skipped = new Set(pending.map((p) => p.index)).size;
  return { format: 'nea-extended-json', records, diagnostics, skipped };
}
