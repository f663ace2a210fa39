// Every number in data/ must carry a source, and every price and supply figure a year.
// Conventions accepted, explicitly:
//   - a `source` string on the object holding the number (for numbers inside arrays, on the object
//     holding the array);
//   - a sibling `<stem>Source` string covering the key(s) that start with <stem> (refining.json:
//     `specificEnergySource` covers `specificEnergyMJPerKg`, `recoverySource` covers `recovery`;
//     capsules.json: `entrySource` covers `entry`, `cdMachSource` covers `cdMach`);
//   - the bundled catalog (data/catalog, built by scripts/build-catalog.ts) is a table of objects, not a document of figures:
//     it is checked through the catalog loader, every object naming the source of its orbit and of
//     each measured diameter, albedo, spectral class and mass it carries (SOURCES.md lists them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../src/paths.js';

const DATA = dataPath('');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return p.endsWith('.json') ? [p] : [];
  });
}

const hasText = (s: unknown) => typeof s === 'string' && s.trim().length >= 8;

/** Numeric keys that label rather than state a figure: the file format version, an asteroid's catalogue number. */
const IDENTIFIERS = new Set(['schemaVersion', 'number']);

/** Paths of numeric leaves with no `source` on their object and no sibling `<stem>Source` above them. */
export function unsourcedNumbers(doc: unknown): string[] {
  const missing: string[] = [];
  const walk = (node: unknown, path: string, owner: Record<string, unknown> | null, covered: boolean) => {
    if (typeof node === 'number') {
      if (!covered && !hasText(owner?.source)) missing.push(path);
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${path}[${i}]`, owner, covered));
      return;
    }
    if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      const stems = Object.keys(obj).filter((k) => k !== 'source' && k.endsWith('Source') && hasText(obj[k])).map((k) => k.slice(0, -'Source'.length));
      for (const [k, v] of Object.entries(obj)) {
        if (IDENTIFIERS.has(k)) continue; // labels, not figures
        walk(v, path ? `${path}.${k}` : k, obj, covered || stems.some((s) => s.length > 0 && k.startsWith(s)));
      }
    }
  };
  walk(doc, '', null, false);
  return missing;
}

const FIGURE_KEY = /price|supply|shipments|producer/i;
const MONEY_LEAF = /usd|price/i;

/**
 * Objects that state a price or a supply figure without a year: an object under a price/supply
 * key holding a number, or any object with a USD-valued number. A `year` or a `<stem>Year` number
 * on the object dates it.
 */
export function undatedFigures(doc: unknown): string[] {
  const missing: string[] = [];
  const walk = (node: unknown, key: string, path: string) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, key, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const numbers = Object.entries(obj).filter(([, v]) => typeof v === 'number');
    const isFigure = (FIGURE_KEY.test(key) && numbers.length > 0) || numbers.some(([k]) => MONEY_LEAF.test(k));
    const dated = Object.entries(obj).some(([k, v]) => (k === 'year' || k.endsWith('Year')) && typeof v === 'number' && v > 1900 && v < 2100);
    if (isFigure && !dated) missing.push(path || '(top)');
    for (const [k, v] of Object.entries(obj)) walk(v, k, path ? `${path}.${k}` : k);
  };
  walk(doc, '', '');
  return missing;
}

const FILES = jsonFiles(DATA);

describe('data files: every figure has a source', () => {
  it('finds every JSON file under data/ (not just the supply ones)', () => {
    const names = FILES.map((f) => relative(DATA, f).replace(/\\/g, '/')).sort();
    for (const f of ['capsules.json', 'catalog/composition.json', 'markets.json', 'orbital-compute.json', 'refining.json', 'semiconductors.json', 'thrusters.json']) expect(names).toContain(f);
  });

  for (const file of FILES) {
    const name = relative(DATA, file).replace(/\\/g, '/');
    it(`${name}: every numeric leaf has a source`, () => {
      expect(unsourcedNumbers(JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
    });
    it(`${name}: every price and supply figure has a year`, () => {
      expect(undatedFigures(JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
    });
  }

  it('the bundled catalog (data/catalog): every object names a source for each figure it holds', async () => {
    // Read through the catalog loader, so the check does not depend on the file's storage format.
    const { loadCatalog } = await import('../../src/catalog/index.js');
    const all = loadCatalog();
    expect(all.length).toBeGreaterThan(1000);
    const bad: string[] = [];
    for (const a of all) {
      const s = a.sources ?? {};
      if (!hasText(s.orbit)) bad.push(`${a.designation}: orbit`);
      if (a.measuredDiameterKm != null && !hasText(s.diameter)) bad.push(`${a.designation}: diameter`);
      if (a.measuredAlbedo != null && !hasText(s.albedo)) bad.push(`${a.designation}: albedo`);
      if (a.spectralType && !hasText(s.spectral)) bad.push(`${a.designation}: spectral class`);
      if (a.measuredMassKg != null && !hasText(s.mass)) bad.push(`${a.designation}: mass`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('the checkers catch what they should: unsourced numbers, sibling sources, undated prices', () => {
    expect(unsourcedNumbers({ a: { value: 1 } })).toEqual(['a.value']);
    expect(unsourcedNumbers({ a: { value: 1, source: 'USGS MCS 2025' } })).toEqual([]);
    expect(unsourcedNumbers({ a: { range: [1, 2] } })).toEqual(['a.range[0]', 'a.range[1]']);
    expect(unsourcedNumbers({ source: 'top level only', a: { value: 1 } })).toEqual(['a.value']);
    // Sibling convention: covers keys with the stem, nothing else.
    expect(unsourcedNumbers({ r: { specificEnergyMJPerKg: { p50: 1 }, specificEnergySource: 'NIST-JANAF 1998', other: 2 } })).toEqual(['r.other']);
    expect(unsourcedNumbers({ r: { entry: { speedKmS: 12 }, entrySource: 'x' } })).toEqual(['r.entry.speedKmS']); // too short to be a source
    expect(unsourcedNumbers({ objects: [{ number: 101955, massKg: 7.3e10, massSource: 'Scheeres et al. 2019' }] })).toEqual([]);
    expect(undatedFigures({ metals: { Pt: { price: { value: 980, unit: 'USD/ozt', source: 's' } } } })).toEqual(['metals.Pt.price']);
    expect(undatedFigures({ metals: { Pt: { price: { value: 980, year: 2022, source: 's' } } } })).toEqual([]);
    expect(undatedFigures({ d: { launchUsdPerKg: 500, source: 's' } })).toEqual(['d']);
    expect(undatedFigures({ cost: { hardwareUsdPerKg: 1, hardwareYear: 1999 } })).toEqual([]);
  });
});
