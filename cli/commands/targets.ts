// `prospector targets`: rank the catalog by Shoemaker–Helin rendezvous delta-v (or size, name).
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import type { Asteroid } from '../../src/catalog/types.js';
import { fmt, fmtSig, fmtValueRange, renderTable } from '../format/table.js';
import { toCsv } from '../../src/export/csv.js';
import { CATALOG_FLAG_HELP, openCatalogFor } from '../config.js';

export const ORBIT_CLASSES = ['Atira', 'Aten', 'Apollo', 'Amor', 'MBA', 'Other'] as const;
const SORTS = ['dv', 'diameter', 'name'] as const;
export const DEFAULT_LIMIT = 20;

/** One row of `targets --json` (DESIGN §4 field names; a/e/i in AU and degrees). */
export interface TargetRow {
  designation: string;
  number: number | null;
  name: string | null;
  orbitClass: string;
  a: number;
  e: number;
  i: number;
  H: number | null;
  diameterKm: number | null;
  diameterKmLow: number | null;
  diameterKmHigh: number | null;
  albedo: number | null;
  spectralType: string | null;
  dvKmS: number | null;
  /** How the size was obtained: measured | albedo (H + measured pV) | class (class-mean pV) | prior (C/S mix); null without a size. */
  sizeBasis: string | null;
}

export function targetRow(a: Asteroid): TargetRow {
  return {
    designation: a.designation,
    number: a.number ?? null,
    name: a.name ?? null,
    orbitClass: a.orbitClass,
    a: a.orbit.aAu,
    e: a.orbit.e,
    i: a.orbit.iDeg,
    H: a.H,
    diameterKm: a.diameterKm,
    diameterKmLow: a.diameterKmLow,
    diameterKmHigh: a.diameterKmHigh,
    albedo: a.albedo,
    spectralType: a.spectralType,
    dvKmS: a.dvKmS,
    sizeBasis: a.sizeBasis,
  };
}

interface Opts {
  catalog?: string;
  class?: string;
  spectral?: string;
  maxDv?: string;
  minDiameter?: string;
  sort?: string;
  limit?: string;
  json?: boolean;
  csv?: boolean;
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('targets')
    .description('rank the asteroid catalog by rendezvous delta-v (Shoemaker–Helin, Benner-compatible), with size and class')
    .option('--catalog <file>', CATALOG_FLAG_HELP)
    .option('--class <list>', `orbit classes, comma-separated: ${ORBIT_CLASSES.join(',')}`)
    .option('--spectral <list>', 'spectral classes, comma-separated (C matches C and Ch, X matches X/Xc/Xk; "unknown" for unclassified)')
    .option('--max-dv <kms>', 'largest Shoemaker–Helin delta-v, km/s')
    .option('--min-diameter <size>', 'smallest central diameter, km (or with a unit: "300 m")')
    .option('--sort <key>', `sort by ${SORTS.join('|')} (dv ascending, diameter descending)`, 'dv')
    .option('--limit <n>', `rows to show, 0 = all (default ${DEFAULT_LIMIT})`)
    .addHelpText(
      'after',
      `
Delta-v is the Shoemaker–Helin rendezvous figure from LEO as in L. Benner's list (NEAs only;
main-belt bodies show "—"). Sizes come from a measured diameter, else H with a measured or
class-mean albedo, else a C/S prior; low–high is the range.

Examples:
  $ prospector targets --limit 10
  $ prospector targets --class Aten,Apollo --spectral C --max-dv 5.5 --min-diameter 0.3
  $ prospector targets --sort diameter --limit 5 --json | jq '.result[].designation'
  $ prospector targets --catalog MPCORB.DAT --csv > ranked.csv
`,
    );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (o: Opts) => {
    setExit(
      await runOutput(ctx, o, async () => {
        const { parseList, parseNumber, parseChoice, parseQuantityFlag } = await import('../parse.js');
        const classes = o.class ? parseList(o.class, '--class', ORBIT_CLASSES) : null;
        const spectral = o.spectral ? parseList(o.spectral, '--spectral').map((s) => s.trim()) : null;
        const maxDv = o.maxDv !== undefined ? await parseQuantityFlag(o.maxDv, 'km/s', '--max-dv', { positive: true }) : null;
        const minD = o.minDiameter !== undefined ? await parseQuantityFlag(o.minDiameter, 'km', '--min-diameter', { min: 0, example: '300 m' }) : null;
        const sort = parseChoice(o.sort ?? 'dv', '--sort', SORTS);
        const limit = o.limit !== undefined ? parseNumber(o.limit, '--limit', { integer: true, min: 0 }) : DEFAULT_LIMIT;

        const { canonicalClass } = await import('../../src/catalog/physical-model.js');
        const { load: cat } = await openCatalogFor(ctx, o.catalog);

        // Filter and rank on the catalog's columns; full entries are built only for what is
        // needed (the diameter filter/sort) and for the rows shown.
        const v = cat.view;
        const wantSpectral = spectral?.map((s) => s.toLowerCase());
        const matchesSpectral = (k: number): boolean => {
          if (!wantSpectral) return true;
          const label = v.spectralType(k);
          const c = canonicalClass(label);
          if (!c) return wantSpectral.includes('unknown');
          const cl = c.toLowerCase();
          return wantSpectral.some((w) => cl === w || (w.length === 1 && cl.startsWith(w)) || (label ?? '').toLowerCase() === w);
        };
        const diameterOf = (k: number) => v.asteroid(k).diameterKm;
        let rowsK: number[] = [];
        for (let k = 0; k < v.count; k++) {
          if (classes && !classes.includes(v.orbitClass(k) as (typeof ORBIT_CLASSES)[number])) continue;
          if (maxDv !== null) {
            const dv = v.dvKmS(k);
            if (dv === null || dv > maxDv) continue;
          }
          if (!matchesSpectral(k)) continue;
          if (minD !== null) {
            const d = diameterOf(k);
            if (d === null || d < minD) continue;
          }
          rowsK.push(k);
        }
        const byDesignation = (x: number, y: number) => compareDesignations(v.designation(x), v.designation(y));
        const cmp: Record<(typeof SORTS)[number], (x: number, y: number) => number> = {
          dv: (x, y) => (v.dvKmS(x) ?? Infinity) - (v.dvKmS(y) ?? Infinity) || byDesignation(x, y),
          diameter: (x, y) => (diameterOf(y) ?? -Infinity) - (diameterOf(x) ?? -Infinity) || byDesignation(x, y),
          // Alphabetical by name; unnamed objects after the named ones, by designation.
          name: (x, y) => {
            const nx = v.name(x), ny = v.name(y);
            if (nx && ny) return NAME_ORDER.compare(nx, ny) || byDesignation(x, y);
            if (nx) return -1;
            if (ny) return 1;
            return byDesignation(x, y);
          },
        };
        const matched = rowsK.length;
        if (limit > 0 && sort === 'dv') rowsK = topK(rowsK, limit, cmp.dv);
        else {
          rowsK.sort(cmp[sort]);
          if (limit > 0) rowsK = rowsK.slice(0, limit);
        }
        const rows = rowsK.map((k) => v.asteroid(k));
        const result = rows.map(targetRow);
        const labels = rows.map((a) => a.displayName);
        const warnings: string[] = [];
        if (matched === 0) warnings.push('no asteroid matches the filters');
        else if (limit > 0 && matched > limit) warnings.push(`showing ${rows.length} of ${matched} matching asteroids (--limit 0 for all)`);
        return {
          result,
          warnings,
          text: (r, s) => {
            if (r.length === 0) return '';
            const size = (row: TargetRow) =>
              row.diameterKm === null ? '—' : fmtValueRange(row.diameterKm, row.diameterKmLow, row.diameterKmHigh, { rangeSig: 2 });
            return renderTable(
              r.map((row, k) => ({ row, label: labels[k] })),
              [
                { header: 'asteroid', value: (x) => x.label, align: 'left' },
                { header: 'class', value: (x) => x.row.orbitClass, align: 'left' },
                { header: 'Δv km/s', value: (x) => fmt(x.row.dvKmS, 3) },
                { header: 'a AU', value: (x) => fmt(x.row.a, 3) },
                { header: 'e', value: (x) => fmt(x.row.e, 3) },
                { header: 'i °', value: (x) => fmt(x.row.i, 2) },
                { header: 'H', value: (x) => fmt(x.row.H, 1) },
                { header: 'D km (range)', value: (x) => size(x.row) },
                { header: 'pV', value: (x) => fmt(x.row.albedo, 3) },
                { header: 'size from', value: (x) => (x.row.diameterKm === null ? '—' : x.row.sizeBasis ?? '—'), align: 'left' },
                { header: 'type', value: (x) => x.row.spectralType ?? '?', align: 'left' },
              ],
              { header: s.bold },
            );
          },
          csv: (r) =>
            toCsv(
              ['designation', 'number', 'name', 'orbit_class', 'a_au', 'e', 'i_deg', 'H', 'diameter_km', 'diameter_km_low', 'diameter_km_high', 'albedo', 'spectral_type', 'dv_km_s', 'size_basis'],
              r.map((x) => [x.designation, x.number, x.name, x.orbitClass, x.a, x.e, x.i, x.H, x.diameterKm, x.diameterKmLow, x.diameterKmHigh, x.albedo, x.spectralType, x.dvKmS, x.sizeBasis]),
            ),
        };
      }),
    );
  });
};

// Created on first use: building a collator costs more than a `--help` run should pay.
let collator: Intl.Collator | undefined;
const NAME_ORDER = { compare: (a: string, b: string) => (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b) };

/** Designations in a natural order: "2010 AB" < "2010 AB1" < "2010 AB10", years numerically. */
function compareDesignations(a: string, b: string): number {
  return NAME_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The k smallest by `cmp`, sorted, without sorting the whole catalog. */
function topK<T>(items: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const it of items) {
    if (out.length < k) {
      out.push(it);
      if (out.length === k) out.sort(cmp);
    } else if (cmp(it, out[k - 1]) < 0) {
      let j = k - 1;
      while (j > 0 && cmp(it, out[j - 1]) < 0) j--;
      out.splice(j, 0, it);
      out.pop();
    }
  }
  if (out.length < k) out.sort(cmp);
  return out;
}
