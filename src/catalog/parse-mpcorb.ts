/**
 * MPC orbit files in the fixed-column "export format" (MPCORB.DAT, NEA.txt, 202-character
 * lines). Columns (1-based, MPC "Export Format for Minor-Planet Orbits",
 * https://www.minorplanetcenter.net/iau/info/MPOrbitFormat.html):
 *   1–7 packed designation, 9–13 H, 15–19 G, 21–25 packed epoch (0 h TT), 27–35 M, 38–46 ω,
 *   49–57 Ω, 60–68 i (deg, J2000 ecliptic), 71–79 e, 81–91 n (deg/day), 93–103 a (AU),
 *   106 U, 108–116 reference, 118–122 #obs, 124–126 #opp, 128–136 arc, 138–141 rms,
 *   151–160 computer, 162–165 hex flags, 167–194 readable designation, 195–202 last obs.
 * MPCORB.DAT starts with a header ending in a line of dashes; NEA.txt has none.
 */
import { unpackMpcEpoch } from '../astro/time.js';
import { unpackNumber, unpackProvisional } from './packed-designation.js';
import type { CatalogRecord, ParseDiagnostic, ParseResult } from './types.js';

/** A readable designation: "2019 AA1", "1999 RQ36", "2040 P-L", "A898 PA". */
export const PROVISIONAL_RE = /^(?:\d{4} [A-Z]{2}\d*|\d{4} (?:P-L|T-[123])|[AB]\d{3} [A-Z]{2}\d*)$/;

/**
 * MPC files write H = 99.99 (and similar) when no magnitude is known; the faintest real NEAs are
 * near H = 34, so anything above 40 means "unknown".
 */
export function realH(H: number | null): number | null {
  return H === null || !Number.isFinite(H) || H > 40 ? null : H;
}

/** Looks like an MPC export-format data line (checked on the fixed columns, not the length). */
export function looksLikeMpcLine(line: string): boolean {
  return line.length >= 103 && /^[ 0-9A-Za-z~]{7}$/.test(line.slice(0, 7)) && /^[I-L]\d\d[1-9A-C][1-9A-V]$/.test(line.slice(20, 25)) &&
    Number.isFinite(Number(line.slice(92, 103)));
}

/** Splits "(101955) Bennu" / "(539940) 2017 HW1" / "2010 AJ" into number, name, designation. */
export function splitReadable(text: string): { number?: number; name?: string; designation?: string } {
  const t = text.trim();
  const m = /^\((\d+)\)\s*(.*)$/.exec(t);
  const rest = m ? m[2].trim() : t;
  const out: { number?: number; name?: string; designation?: string } = {};
  if (m) out.number = Number(m[1]);
  if (rest) {
    if (PROVISIONAL_RE.test(rest)) out.designation = rest;
    else out.name = rest;
  }
  return out;
}

export function parseMpcorb(text: string, file: string): ParseResult {
  const records: CatalogRecord[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  // A header (MPCORB.DAT) ends with a row of dashes; skip through it when it appears early.
  let start = 0;
  for (let k = 0; k < Math.min(lines.length, 200); k++) {
    if (/^-{20,}/.test(lines[k])) {
      start = k + 1;
      break;
    }
    if (looksLikeMpcLine(lines[k].replace(/\r$/, ''))) break;
  }
  for (let k = start; k < lines.length; k++) {
    const line = lines[k].replace(/\r$/, '');
    if (line.trim() === '') continue;
    const lineNo = k + 1;
    const bad = (field: string, problem: string) => {
      diagnostics.push({ file, line: lineNo, field, problem });
      skipped++;
    };
    if (line.length < 103) {
      bad('line', `expected a fixed-column orbit line of 202 characters, got ${line.length}`);
      continue;
    }
    const packed = line.slice(0, 7).trim();
    const num = (from: number, to: number, field: string, opts: { optional?: boolean } = {}): number | null | undefined => {
      const s = line.slice(from - 1, to).trim();
      if (s === '') {
        if (opts.optional) return null;
        bad(field, 'missing');
        return undefined;
      }
      const v = Number(s);
      if (!Number.isFinite(v)) {
        bad(field, `expected a number in columns ${from}–${to}, got "${s}"`);
        return undefined;
      }
      return v;
    };
    let epochJd: number;
    try {
      epochJd = unpackMpcEpoch(line.slice(20, 25), 'epoch');
    } catch {
      bad('epoch', `expected a packed epoch such as K1972 in columns 21–25, got "${line.slice(20, 25).trim()}"`);
      continue;
    }
    const H = num(9, 13, 'H', { optional: true });
    if (H === undefined) continue;
    const ma = num(27, 35, 'M');
    if (ma === undefined) continue;
    const w = num(38, 46, 'peri');
    if (w === undefined) continue;
    const om = num(49, 57, 'node');
    if (om === undefined) continue;
    const inc = num(60, 68, 'i');
    if (inc === undefined) continue;
    const e = num(71, 79, 'e');
    if (e === undefined) continue;
    const a = num(93, 103, 'a');
    if (a === undefined) continue;
    if (e === null || a === null || ma === null || w === null || om === null || inc === null) continue;
    if (e < 0 || e >= 1) {
      bad('e', `expected 0 ≤ e < 1 for an asteroid orbit, got ${e}`);
      continue;
    }
    if (a <= 0) {
      bad('a', `expected a > 0 AU, got ${a}`);
      continue;
    }
    const uch = line.charAt(105);
    const u = /\d/.test(uch) ? Number(uch) : null;
    const readable = splitReadable(line.slice(166, 194));
    const number = readable.number ?? unpackNumber(packed) ?? undefined;
    const designation = readable.designation ?? unpackProvisional(packed) ?? (number !== undefined ? String(number) : packed);
    const rec: CatalogRecord = {
      designation,
      packed,
      orbit: { epochJd, aAu: a, e, iDeg: inc, omDeg: om, wDeg: w, maDeg: ma },
      H: realH(H),
      u,
      sources: { orbit: file },
    };
    if (number !== undefined) rec.number = number;
    if (readable.name) rec.name = readable.name;
    const flags = parseInt(line.slice(161, 165).trim(), 16);
    if (Number.isFinite(flags)) rec.pha = (flags & 0x8000) !== 0;
    records.push(rec);
  }
  return { format: 'mpcorb', records, diagnostics, skipped };
}
