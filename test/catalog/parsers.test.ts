import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { detectFormat, parseCatalogFile, parseCatalogText, readCatalogText, summarizeDiagnostics } from '../../src/catalog/parse-catalog.js';
import { parseMpcorb } from '../../src/catalog/parse-mpcorb.js';
import { roundingOf, splitSbdbFullName } from '../../src/catalog/parse-sbdb-csv.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/neo/', import.meta.url));
const has = existsSync(`${SHARED}NEA.txt`);
const tmp = mkdtempSync(join(tmpdir(), 'prospector-catalog-'));

// First line of the shared NEA.txt (433 Eros), used to build synthetic files.
const EROS =
  '00433   11.16  0.46 K1972  84.17190  178.83549  304.30424   10.82858  0.2227385  0.55973997   1.4581823  0 MPO467611  8406  52 1893-2019 0.69 M-v 38h MPCLINUX   1804    (433) Eros               20190509';
const AJ =
  'K10A00J 20.2   0.15 K1972   7.31723  176.98709  232.87895    1.32536  0.6020455  0.20608262   2.8386279  4 MPO174049    75   1   60 days 0.33 M-v 38h MPCALB     2804          2010 AJ            20100307';

describe('MPC export format', () => {
  it('reads the fixed columns, packed epoch and readable designation', () => {
    const r = parseMpcorb(`${EROS}\n${AJ}\n`, 'x.txt');
    expect(r.skipped).toBe(0);
    const [eros, aj] = r.records;
    expect(eros).toMatchObject({ designation: '433', number: 433, name: 'Eros', packed: '00433', H: 11.16, u: 0 });
    // Column values exactly as printed (MPC export format).
    expect(eros.orbit).toEqual({ epochJd: 2458666.5, aAu: 1.4581823, e: 0.2227385, iDeg: 10.82858, omDeg: 304.30424, wDeg: 178.83549, maDeg: 84.1719 });
    expect(aj).toMatchObject({ designation: '2010 AJ', packed: 'K10A00J', u: 4 });
    expect(aj.number).toBeUndefined();
  });

  it('skips an MPCORB.DAT header up to the dashes', () => {
    const text = `MINOR PLANET CENTER ORBIT DATABASE (MPCORB)\n\nDes'n     H     G   Epoch     M        Peri.      Node       Incl.       e            n           a        Reference #Obs #Opp    Arc    rms  Perts   Computer\n${'-'.repeat(160)}\n${EROS}\n\n${AJ}\n`;
    const r = parseMpcorb(text, 'MPCORB.DAT');
    expect(r.records.map((x) => x.designation)).toEqual(['433', '2010 AJ']);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports malformed lines with file:line and field, keeps going', () => {
    const badE = EROS.slice(0, 70) + '  x.22273' + EROS.slice(79);
    const badEpoch = AJ.slice(0, 20) + 'Q1972' + AJ.slice(25);
    const short = EROS.slice(0, 60);
    const r = parseMpcorb([EROS, badE, AJ, badEpoch, short, AJ].join('\n'), 'NEA.txt');
    expect(r.records).toHaveLength(3);
    expect(r.skipped).toBe(3);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.field}`)).toEqual(['NEA.txt:2 e', 'NEA.txt:4 epoch', 'NEA.txt:5 line']);
    expect(summarizeDiagnostics(r)).toMatch(/^3 row\(s\) skipped, 3 problem\(s\): NEA\.txt:2 e: expected a number/);
  });

  it('takes any heliocentric orbit (MPCORB.DAT main-belt lines): no Shoemaker–Helin for them', async () => {
    const { toAsteroid } = await import('../../src/catalog/asteroid.js');
    // Eros's line with a Ceres-like a and e (columns 71–79 and 93–103).
    const mba = EROS.slice(0, 70) + '0.0760091' + EROS.slice(79, 92) + '  2.7691652' + EROS.slice(103);
    const a = toAsteroid(parseMpcorb(mba, 'MPCORB.DAT').records[0]);
    expect(a).toMatchObject({ orbitClass: 'MBA', isNea: false, dvKmS: null });
    expect(a.dvReason).toMatch(/defined for near-Earth orbits only/);
  });

  it('treats H = 99.99 as unknown', () => {
    const r = parseMpcorb(EROS.slice(0, 8) + '99.99' + EROS.slice(13), 'x');
    expect(r.records[0].H).toBeNull();
  });
});

describe('format detection and non-catalog files', () => {
  const write = (name: string, data: string | Buffer) => {
    const p = join(tmp, name);
    writeFileSync(p, data);
    return p;
  };
  it('recognises each format by content', () => {
    expect(detectFormat(EROS)).toBe('mpcorb');
    expect(detectFormat('[{"Principal_desig":"2010 AJ"}]')).toBe('nea-extended-json');
    expect(detectFormat('"spkid","full_name","epoch","e","a","i","om","w","ma"\n')).toBe('sbdb-csv');
    expect(detectFormat('hello,world\n1,2\n')).toBeNull();
  });
  it.each([
    ['empty.txt', '', /empty\.txt: empty file/],
    ['binary.bin', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x41]), /binary\.bin: binary data/],
    ['notes.txt', 'just some text\nnothing here\n', /notes\.txt: not an asteroid catalog/],
    ['obj.json', '{"a": 1}', /obj\.json: not an asteroid catalog/],
    ['broken.json', '[{"Principal_desig": "2010 AJ",', /broken\.json: not valid JSON/],
    ['bad.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]), /bad\.gz: corrupt gzip data/],
    ['allbad.txt', EROS.slice(0, 70) + '  x.22273' + EROS.slice(79), /allbad\.txt: no usable orbits \(1 rows skipped; first: allbad\.txt:1 e:/],
    ['cols.csv', 'spkid,full_name,H\n1,x,2\n', /cols\.csv: SBDB CSV lacks column\(s\) epoch, e, i, om, w, ma/],
  ])('%s → InputError naming the file', (name, data, re) => {
    const p = write(name, data);
    let err: unknown;
    try {
      parseCatalogFile(p, name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(re);
    expect((err as Error).message).not.toContain('\n');
  });
  it('a missing file or a directory is an InputError', () => {
    expect(() => parseCatalogFile(join(tmp, 'nope.txt'), 'nope.txt')).toThrow(/nope\.txt: no such file/);
    expect(() => parseCatalogFile(tmp, 'dir')).toThrow(/dir: is a directory/);
  });
  it('nea_extended entries with bad fields are reported with their line', () => {
    const text = JSON.stringify([{ Principal_desig: '2010 AJ', Epoch: 2459403.5, a: 2.83, e: 0.6, i: 1.3, Node: 232, Peri: 177, M: 7, H: 20.2 }, { Principal_desig: '2010 AB', Epoch: 2459403.5, a: 'x', e: 0.6, i: 1.3, Node: 232, Peri: 177, M: 7 }], null, 1);
    const r = parseCatalogText(text, 'ext.json');
    expect(r.records).toHaveLength(1);
    expect(r.skipped).toBe(1);
    expect(r.diagnostics[0]).toMatchObject({ file: 'ext.json', field: 'a' });
    expect(r.diagnostics[0].line).toBe(text.split('\n').findIndex((l) => l.includes('2010 AB')) );
  });
  it('SBDB full_name forms', () => {
    expect(splitSbdbFullName('   433 Eros (A898 PA)')).toEqual({ number: 433, name: 'Eros', designation: 'A898 PA' });
    expect(splitSbdbFullName('837253 (2013 FW13)')).toEqual({ number: 837253, designation: '2013 FW13' });
    expect(splitSbdbFullName('  (2019 AB)')).toEqual({ designation: '2019 AB' });
  });
  it('precision of a printed value: half a unit in the last digit below 8 significant digits', () => {
    expect(roundingOf('1.126')).toBeCloseTo(0.0005, 15);
    expect(roundingOf('0.6424')).toBeCloseTo(0.00005, 15);
    expect(roundingOf('2.543')).toBeCloseTo(0.0005, 15);
    expect(roundingOf('1.2e3')).toBeCloseTo(50, 9);
    expect(roundingOf('1.126391025894812')).toBeNull(); // full precision
    expect(roundingOf('2.7655526')).toBeNull(); // 8 significant digits (MPC prints 7 decimals)
    expect(roundingOf('abc')).toBeNull();
  });
});

describe.skipIf(!has)('shared samples round trip', () => {
  let ext: ReturnType<typeof parseCatalogFile>;
  beforeAll(() => {
    ext = parseCatalogFile(`${SHARED}nea_extended.json.gz`);
  });
  it('NEA.txt: 20,060 rows, none skipped', () => {
    const r = parseCatalogFile(`${SHARED}NEA.txt`);
    expect(r.format).toBe('mpcorb');
    expect(r.asteroids).toHaveLength(20060);
    expect(r.skipped).toBe(0);
    expect(r.asteroids.every((a) => a.orbit.epochJd === 2458666.5)).toBe(true);
    const bennu = r.asteroids.find((a) => a.number === 101955)!;
    expect(bennu).toMatchObject({ name: 'Bennu', packed: 'A1955', orbitClass: 'Apollo' });
  });
  it('nea_extended.json.gz: 25,798 rows, gunzipped by content', () => {
    expect(ext.format).toBe('nea-extended-json');
    expect(ext.asteroids).toHaveLength(25798);
    expect(ext.skipped).toBe(0);
    const eros = ext.asteroids.find((a) => a.name === 'Eros')!;
    // Values as in the file (Eros entry: a 1.4581342, e 0.2229062, i 10.83048, Epoch 2459403.5).
    expect(eros.orbit).toMatchObject({ aAu: 1.4581342, e: 0.2229062, iDeg: 10.83048, epochJd: 2459403.5 });
    expect(eros.designation).toBe('A898 PA');
  });
  it('orbit classes agree with the MPC Orbit_type for NEAs', () => {
    const types = JSON.parse(readCatalogText(`${SHARED}nea_extended.json.gz`)) as Array<{ Principal_desig: string; Orbit_type: string }>;
    const mine = new Map(ext.asteroids.map((a) => [a.designation, a.orbitClass]));
    let disagree = 0;
    let n = 0;
    for (const t of types) {
      if (!['Atira', 'Aten', 'Apollo', 'Amor'].includes(t.Orbit_type)) continue;
      n++;
      if (mine.get(t.Principal_desig) !== t.Orbit_type) disagree++;
    }
    // MPC classes use the same a, q, Q cuts; allow boundary cases at the 1e-3 level.
    expect(n).toBeGreaterThan(25000);
    expect(disagree / n).toBeLessThan(0.002);
  });
  it('SBDB CSVs: all rows, columns by header name', () => {
    const a = parseCatalogFile(`${SHARED}sbdb_numbered_neo_2023.csv`);
    expect(a.format).toBe('sbdb-csv');
    expect(a.asteroids.length + a.skipped).toBe(3111);
    expect(a.skipped).toBe(0);
    const eros = a.asteroids.find((x) => x.number === 433)!;
    expect(eros).toMatchObject({ name: 'Eros', designation: 'A898 PA', measuredDiameterKm: 16.84, measuredAlbedo: 0.25, sizeBasis: 'measured' });
    expect(eros.orbit.epochJd).toBe(2460000.5);
    // The export prints a = 1.458: only ±0.0005 AU, and the record says so.
    expect(eros.orbit.aAu).toBe(1.458);
    expect(eros.aRoundingAu).toBeCloseTo(0.0005, 12);
    const b = parseCatalogFile(`${SHARED}sbdb_pha_h22_moid005_2025.csv`);
    expect(b.asteroids.length + b.skipped).toBe(2463);
    expect(b.asteroids.find((x) => x.name === 'Geographos')?.spectralType).toBe('S');
  });
  it('a damaged copy of NEA.txt loads the good rows and summarises the bad ones', () => {
    const lines = readFileSync(`${SHARED}NEA.txt`, 'latin1').split('\n').slice(0, 200);
    lines[10] = lines[10].slice(0, 92) + 'abcdefghijk' + lines[10].slice(103);
    lines[20] = lines[20].slice(0, 50);
    const p = join(tmp, 'damaged.txt');
    writeFileSync(p, lines.join('\n'));
    const r = parseCatalogFile(p, 'damaged.txt');
    expect(r.asteroids).toHaveLength(198);
    expect(r.skipped).toBe(2);
    expect(summarizeDiagnostics(r)).toBe(
      '2 row(s) skipped, 2 problem(s): damaged.txt:11 a: expected a number in columns 93–103, got "abcdefghijk"; damaged.txt:21 line: expected a fixed-column orbit line of 202 characters, got 50',
    );
  });
  it('the bundled catalog holds every nea_extended object with the newest orbit, exact through the compact format', async () => {
    const { loadCatalog } = await import('../../src/catalog/index.js');
    const bundled = new Map(loadCatalog().map((a) => [a.designation, a]));
    let worst = 0;
    let kept = 0;
    for (const a of ext.asteroids) {
      const b = bundled.get(a.designation);
      expect(b, a.designation).toBeDefined();
      // Newest epoch per object across the inputs (scripts/build-catalog.ts): never older.
      expect(b!.orbit.epochJd, a.designation).toBeGreaterThanOrEqual(a.orbit.epochJd);
      if (b!.sources?.orbit?.startsWith('MPC nea_extended')) {
        kept++;
        for (const k of ['epochJd', 'aAu', 'e', 'iDeg', 'omDeg', 'wDeg', 'maDeg'] as const) worst = Math.max(worst, Math.abs(a.orbit[k] - b!.orbit[k]));
      } else {
        expect(b!.orbit.epochJd, a.designation).toBeGreaterThan(a.orbit.epochJd);
        expect(b!.sources?.orbit, a.designation).toMatch(/^JPL SBDB .*, epoch 20\d\d-\d\d-\d\d$/);
      }
    }
    expect(kept).toBeGreaterThan(20000);
    expect(worst).toBe(0);
  });

  it('the bundled SBDB orbits are the files\' own values, flagged as rounded', async () => {
    const { loadCatalog } = await import('../../src/catalog/index.js');
    const bundled = new Map(loadCatalog().filter((a) => a.number).map((a) => [a.number!, a]));
    const sbdb25 = parseCatalogFile(`${SHARED}sbdb_pha_h22_moid005_2025.csv`).asteroids;
    let checked = 0;
    for (const a of sbdb25) {
      const b = a.number ? bundled.get(a.number) : undefined;
      if (!b?.sources?.orbit?.includes('sbdb_pha_h22_moid005_2025.csv')) continue;
      expect(b.orbit).toEqual(a.orbit);
      expect(b.aRoundingAu).toBe(a.aRoundingAu);
      checked++;
    }
    expect(checked).toBeGreaterThan(500); // numbered PHAs whose newest orbit is this export
  });
  it('gzip works for any format', () => {
    const p = join(tmp, 'NEA.txt.gz');
    writeFileSync(p, gzipSync(readFileSync(`${SHARED}NEA.txt`).subarray(0, 202 * 100)));
    expect(parseCatalogFile(p).asteroids.length).toBeGreaterThanOrEqual(99);
  });
});
