// The compact bundled format (src/catalog/bundled-format.ts) and the lazy catalog view.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundledRecord, decodeBundled, encodeBundled } from '../../src/catalog/bundled-format.js';
import { findAsteroid, loadBundledCatalog } from '../../src/catalog/index.js';
import { bundledView } from '../../src/catalog/catalog-view.js';
import { parseCatalogFile, readCatalogBytes } from '../../src/catalog/parse-catalog.js';
import { dataPath } from '../../src/paths.js';
import { toAsteroid } from '../../src/catalog/asteroid.js';
import type { CatalogRecord } from '../../src/catalog/types.js';
import { InputError } from '../../src/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'prospector-bundled-'));

const RECORDS: CatalogRecord[] = [
  {
    designation: '1999 RQ36', number: 101955, name: 'Bennu', packed: 'A1955', H: 20.21, u: 0, pha: true,
    orbit: { epochJd: 2459403.5, aAu: 1.1264026, e: 0.2037451, iDeg: 6.03494, omDeg: 2.06087, wDeg: 66.22307, maDeg: 101.70395 },
    measuredDiameterKm: 0.49, diameterKmSigmaLow: 0.002, diameterKmSigmaHigh: 0.002, measuredAlbedo: 0.044, albedoSigma: 0.002,
    measuredMassKg: 7.329e10, massKgSigma: 9e7, spectralType: 'B', spectralProbabilities: { B: 0.9, C: 0.1 },
    notes: ['OSIRIS-REx'], otherDesignations: ['1999 RQ36'],
    sources: { orbit: 'test orbit', diameter: 'test d', albedo: 'test a', spectral: 'test s', mass: 'test m' },
  },
  {
    designation: '2010 KZ50', packed: 'K10K50Z', H: null, u: null, aRoundingAu: 0.0005,
    orbit: { epochJd: 2461000.5, aAu: 1.063, e: 0.0589, iDeg: 0.66, omDeg: 10, wDeg: 20, maDeg: 30 },
    sources: { orbit: 'test orbit' },
  },
  {
    designation: '2021 ÅB', name: 'Çelik', H: 21.5, u: 9, packed: 'ZZ21AB0', // not the standard packing
    orbit: { epochJd: 2459403.5, aAu: 2.9, e: 0.05, iDeg: 3, omDeg: 4, wDeg: 5, maDeg: 6 },
    sources: {},
  },
];

describe('bundled format', () => {
  it('round trip: every field back exactly as encoded, including non-ASCII names and absent values', () => {
    const t = decodeBundled(gunzipSync(encodeBundled(RECORDS, '2026-01-01')), 'x.bin');
    expect(t.count).toBe(3);
    expect(t.built).toBe('2026-01-01');
    const back = RECORDS.map((_, k) => bundledRecord(t, k));
    expect(back[0]).toMatchObject({ ...RECORDS[0] });
    expect(back[1]).toMatchObject({ designation: '2010 KZ50', packed: 'K10K50Z', H: null, u: null, aRoundingAu: 0.0005, orbit: RECORDS[1].orbit });
    expect(back[1].measuredDiameterKm).toBeUndefined();
    expect(back[1].number).toBeUndefined();
    expect(back[2]).toMatchObject({ designation: '2021 ÅB', name: 'Çelik', H: 21.5, u: 9 });
    expect(back[2].pha).toBeUndefined();
    // Lookups derive standard packed forms from the query; an unusual one is indexed instead.
    const view = bundledView(t);
    expect(findAsteroid(view, 'ZZ21AB0').designation).toBe('2021 ÅB');
    expect(findAsteroid(view, 'K10K50Z').designation).toBe('2010 KZ50');
    expect(findAsteroid(view, 'A1955').name).toBe('Bennu');
    expect(findAsteroid(view, 'çelik').designation).toBe('2021 ÅB');
  });

  it('damaged files are InputErrors naming the file', () => {
    const raw = gunzipSync(encodeBundled(RECORDS, '2026-01-01'));
    const cases: Array<[string, Buffer, RegExp]> = [
      ['truncated.bin', gzipSync(raw.subarray(0, raw.length - 200)), /truncated\.bin: not a usable prospector catalog \(.*(outside|out of bounds)/],
      ['header.bin', gzipSync(Buffer.concat([raw.subarray(0, 16), Buffer.from('{not json'), raw.subarray(25)])), /header\.bin: not a usable prospector catalog \(corrupt header\)/],
    ];
    const v9 = Buffer.from(raw);
    v9.writeUInt32LE(9, 8);
    cases.push(['v9.bin', gzipSync(v9), /v9\.bin: .*format version 9, this build reads 2; rebuild it with npm run build:catalog/]);
    for (const [name, bytes, re] of cases) {
      const p = join(tmp, name);
      writeFileSync(p, bytes);
      expect(() => parseCatalogFile(p, name)).toThrow(InputError);
      expect(() => parseCatalogFile(p, name)).toThrow(re);
    }
    const old = join(tmp, 'old.json');
    writeFileSync(old, JSON.stringify({ format: 'prospector-catalog', version: 1, columns: {} }));
    expect(() => parseCatalogFile(old, 'old.json')).toThrow(/old\.json: a prospector catalog in the old JSON format \(version 1\); rebuild it/);
  });

  it('the lazy view of the bundled catalog agrees with the built entries on every row', () => {
    const { view } = loadBundledCatalog();
    const table = decodeBundled(readCatalogBytes(dataPath('catalog/neas.bin')), 'neas.bin');
    expect(table.count).toBe(view.count);
    let nea = 0;
    for (let k = 0; k < view.count; k++) {
      const a = toAsteroid(bundledRecord(table, k));
      expect(view.dvKmS(k)).toBe(a.dvKmS);
      expect(view.orbitClass(k)).toBe(a.orbitClass);
      expect(view.designation(k)).toBe(a.designation);
      expect(view.name(k)).toBe(a.name);
      expect(view.packed(k)).toBe(a.packed);
      if (a.dvKmS !== null) nea++;
    }
    expect(nea).toBeGreaterThan(26000);
  });
});
