import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/neo/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'prospector-targets-'));

describe('prospector targets', () => {
  it('--limit 10 lists the ten lowest-Δv NEAs with size and class', async () => {
    const r = await runCli(['targets', '--limit', '10']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/asteroid\s+class\s+Δv km\/s.*D km \(range\).*type/);
    expect(r.stderr).toMatch(/showing 10 of \d+ matching asteroids/);
  });

  it('--json: one envelope, DESIGN §4 fields, ascending Δv', async () => {
    const r = await runCli(['targets', '--limit', '10', '--json']);
    expect(r.code).toBe(0);
    const env = envelope(r);
    expect(env.schemaVersion).toBe(1);
    const rows = env.result as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(10);
    for (const k of ['designation', 'name', 'orbitClass', 'a', 'e', 'i', 'H', 'diameterKm', 'diameterKmLow', 'diameterKmHigh', 'albedo', 'spectralType', 'dvKmS']) expect(rows[0]).toHaveProperty(k);
    const dv = rows.map((x) => x.dvKmS as number);
    expect(dv).toEqual([...dv].sort((a, b) => a - b));
    expect(dv[0]).toBeLessThan(4); // Benner's list starts at 3.8 km/s (2006 RH120)
  });

  it('filters: class, spectral, max-dv, min-diameter (with a unit); sorts by diameter', async () => {
    const r = await runCli(['targets', '--class', 'aten,Apollo', '--spectral', 'C', '--max-dv', '7', '--min-diameter', '300 m', '--limit', '0', '--json']);
    expect(r.code).toBe(0);
    const rows = envelope(r).result as Array<{ orbitClass: string; spectralType: string; dvKmS: number; diameterKm: number }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const x of rows) {
      expect(['Aten', 'Apollo']).toContain(x.orbitClass);
      expect(x.spectralType.startsWith('C')).toBe(true);
      expect(x.dvKmS).toBeLessThanOrEqual(7);
      expect(x.diameterKm).toBeGreaterThanOrEqual(0.3);
    }
    const big = envelope(await runCli(['targets', '--sort', 'diameter', '--limit', '3', '--json'])).result as Array<{ name: string }>;
    expect(big.map((x) => x.name)).toEqual(['Ceres', 'Vesta', 'Psyche']);
  });

  it('--csv: RFC 4180 with units in the header', async () => {
    const r = await runCli(['targets', '--limit', '3', '--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('designation,number,name,orbit_class,a_au,e,i_deg,H,diameter_km,diameter_km_low,diameter_km_high,albedo,spectral_type,dv_km_s,size_basis');
    expect(lines).toHaveLength(4);
  });

  it('bad flags exit 2 with one line naming the flag', async () => {
    for (const [args, re] of [
      [['--class', 'Trojan'], /--class: "Trojan" is not one of/],
      [['--sort', 'mass'], /--sort: expected one of dv, diameter, name/],
      [['--limit', '-1'], /--limit: expected a number ≥ 0/],
      [['--max-dv', 'fast'], /--max-dv: expected a speed in km\/s \(a number, or with a unit such as "12 km\/s"\), got "fast"/],
      [['--max-dv', '5 kg'], /--max-dv: "5 kg" is not a speed/],
    ] as const) {
      const r = await runCli(['targets', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(re);
    }
  });

  it('a missing or corrupt --catalog exits 2 with one line naming the file', async () => {
    const missing = await runCli(['targets', '--catalog', 'does-not-exist.txt'], { cwd: tmp });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('prospector: does-not-exist.txt: no such file\n');
    writeFileSync(join(tmp, 'junk.bin'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const junk = await runCli(['targets', '--catalog', 'junk.bin'], { cwd: tmp });
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/^prospector: junk\.bin: binary data, expected an asteroid catalog[^\n]*\n$/);
    const json = await runCli(['targets', '--catalog', 'junk.bin', '--json'], { cwd: tmp });
    expect(json.code).toBe(2);
    expect(envelope(json).error?.code).toBe('INVALID_INPUT');
  });

  it.skipIf(!existsSync(`${SHARED}NEA.txt`))('--catalog with bad rows: a one-line summary on stderr, good rows ranked', async () => {
    const lines = readFileSync(`${SHARED}NEA.txt`, 'latin1').split('\n').slice(0, 300);
    for (const k of [5, 6, 7, 8, 9]) lines[k] = lines[k].slice(0, 70) + '  ???????' + lines[k].slice(79);
    writeFileSync(join(tmp, 'some.txt'), lines.join('\n'));
    const r = await runCli(['targets', '--catalog', 'some.txt', '--limit', '5', '--json'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(envelope(r).result).toHaveLength(5);
    const msg = r.stderr.trim().split('\n');
    expect(msg).toHaveLength(1);
    // A warning, not an error: the command went on with the good rows.
    expect(msg[0]).toMatch(/^warning: some\.txt: 5 row\(s\) skipped, 5 problem\(s\): some\.txt:6 e: .*; … 2 more$/);
  });

  it('--sort name: alphabetical by name, then unnamed objects by designation', async () => {
    const r = await runCli(['targets', '--sort', 'name', '--limit', '0', '--json']);
    expect(r.code).toBe(0);
    const rows = envelope(r).result as Array<{ name: string | null; designation: string; number: number | null }>;
    const named = rows.filter((x) => x.name !== null);
    const firstUnnamed = rows.findIndex((x) => x.name === null);
    expect(firstUnnamed).toBe(named.length); // named ones first
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    for (let k = 1; k < named.length; k++) expect(collator.compare(named[k - 1].name!, named[k].name!), `${named[k - 1].name} / ${named[k].name}`).toBeLessThanOrEqual(0);
    // Not number order: (1) Ceres is not first, and Bennu comes before Ceres.
    const names = named.map((x) => x.name);
    expect(names.indexOf('Bennu')).toBeLessThan(names.indexOf('Ceres'));
    expect(named[0].name!.localeCompare('B')).toBeLessThan(0); // starts in A…
    const unnamed = rows.slice(firstUnnamed).map((x) => x.designation);
    for (let k = 1; k < unnamed.length; k++) expect(collator.compare(unnamed[k - 1], unnamed[k])).toBeLessThanOrEqual(0);
  });

  it('an object without any size: diameter null and sizeBasis null in JSON and CSV', async () => {
    const r = await runCli(['targets', '--limit', '1', '--json']);
    const row = (envelope(r).result as Array<Record<string, unknown>>)[0];
    expect(row).toMatchObject({ designation: '2010 KZ50', H: null, diameterKm: null, sizeBasis: null });
    const csv = await runCli(['targets', '--limit', '1', '--csv']);
    expect(csv.stdout.trim().split('\r\n')[1]).toMatch(/^2010 KZ50,,,Amor,[^,]+,[^,]+,[^,]+,,,,,,,[\d.]+,$/); // no H, size, albedo, class or basis
  });
});

describe.skipIf(!existsSync(`${SHARED}NEA.txt`))('--catalog FILE keeps the bundled physical data', () => {
  it('Nereus from an MPC orbit file: the orbit from the file, the measured size and class from the bundle', async () => {
    const lines = readFileSync(`${SHARED}NEA.txt`, 'latin1').split('\n');
    writeFileSync(join(tmp, 'nereus.txt'), lines.filter((l) => l.includes('Nereus') || l.includes('Bennu')).join('\n') + '\n');
    const r = await runCli(['target', 'Nereus', '--catalog', 'nereus.txt', '--json'], { cwd: tmp });
    expect(r.code).toBe(0);
    const t = envelope(r).result;
    expect(t.elements.epochJd).toBe(2458666.5); // NEA.txt's epoch, K1972
    expect(t.sizeBasis).toBe('measured');
    expect(t.diameterKm).toBe(0.33);
    expect(t.spectralType).toBe('M');
    expect(t.sources.orbit).toBe('nereus.txt');
    expect(t.sources.diameter).toMatch(/JPL SBDB export/);
    // Bennu keeps its OSIRIS-REx mass through the import.
    const b = envelope(await runCli(['target', 'Bennu', '--catalog', 'nereus.txt', '--json'], { cwd: tmp })).result;
    expect(b.massKg).toBe(7.329e10);
    expect(b.massSource).toMatch(/Scheeres/);
  });
});

describe('prospector target', () => {
  it('Bennu as JSON: elements with epoch, size range, mass, composition, Δv, warnings', async () => {
    const r = await runCli(['target', 'Bennu', '--json']);
    expect(r.code).toBe(0);
    const t = envelope(r).result;
    expect(t).toMatchObject({ designation: '1999 RQ36', number: 101955, name: 'Bennu', orbitClass: 'Apollo', spectralType: 'B' });
    // Whole-body market impact (supply model): contained Pt = mass × P50 grade, in years of world supply.
    const pt = t.marketImpact.elements.find((e: { element: string }) => e.element === 'Pt');
    expect(pt.containedKg).toBeCloseTo(t.massKg * t.composition.elements.Pt.p50, 0);
    expect(pt.yearsOfWorldSupply).toBeCloseTo(pt.containedKg / 170_000, 9); // USGS MCS 2024: 170 t/yr
    expect(t.dvKmS).toBeCloseTo(5.09, 1);
    expect(t.elements).toMatchObject({ epochJd: 2459403.5, epoch: '2021-07-08.0' });
    for (const k of ['a', 'e', 'i', 'om', 'w', 'ma', 'epochAgeDays']) expect(typeof t.elements[k]).toBe('number');
    expect(t.diameterKmLow).toBeLessThan(t.diameterKm);
    expect(t.massKgLow).toBeLessThan(t.massKg);
    expect(t.composition.elements.Pt).toMatchObject({ unit: 'massFraction' });
    expect(t.composition.elements.Pt.components).toBeUndefined();
    expect(t.warnings.some((w: string) => w.startsWith('stale orbit'))).toBe(true);
  });

  it.each([['1999 RQ36'], ['1999', 'RQ36'], ['(101955)', 'Bennu'], ['J99R36Q'], ['101955']])('accepts %j', async (...words) => {
    const r = await runCli(['target', ...words, '--json']);
    expect(r.code).toBe(0);
    expect(envelope(r).result.number).toBe(101955);
  });

  it('Psyche: no Shoemaker–Helin figure, says why; text output has the sections', async () => {
    const r = await runCli(['target', 'Psyche']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(16\) Psyche/);
    expect(r.stdout).toMatch(/delta-v\s+— \(Shoemaker–Helin is defined for near-Earth orbits only/);
    expect(r.stdout).toMatch(/composition \(bulk, by class: IAB\/IIIAB iron\)/);
    expect(r.stderr).toMatch(/warning: no Shoemaker–Helin delta-v: main-belt orbit/);
  });

  // "Today" for epoch ages and the stale-orbit warning comes from the run (ctx.now, or
  // PROSPECTOR_TODAY at 00:00 UTC), never from the clock. Bennu's bundled epoch is JD 2459403.5
  // (2021-07-08.0, asserted above). Day counts from the calendar: 2021-09-01 is 55 days later,
  // 2022-01-01 177, 2026-12-05T12:00Z (TEST_NOW) 1976.5, 2031-07-08 3652 (leap days 2024, 2028).
  // Ages are TDB − epoch: the UTC date plus TT − UTC = 69.184 s (37 leap seconds + 32.184 s) =
  // 0.0008 d, inside toBeCloseTo(…, 2).
  it('epoch age and the stale-orbit warning count to ctx.now, or to PROSPECTOR_TODAY when set', async () => {
    const age = async (opts: Parameters<typeof runCli>[1]) => {
      const r = await runCli(['target', 'Bennu', '--json'], opts);
      expect(r.code).toBe(0);
      const t = envelope(r).result;
      return { days: t.elements.epochAgeDays as number, stale: (t.warnings as string[]).filter((w) => w.startsWith('stale orbit')) };
    };
    const pinnedNow = await age({}); // runCli's now: TEST_NOW
    expect(pinnedNow.days).toBeCloseTo(1976.5, 2);
    const early = await age({ now: new Date('2022-01-01T00:00:00Z') });
    expect(early.days).toBeCloseTo(177, 2);
    expect(early.stale).toEqual([]);
    const recent = await age({ env: { PROSPECTOR_TODAY: '2021-09-01' } });
    expect(recent.days).toBeCloseTo(55, 2);
    expect(recent.stale).toEqual([]);
    // PROSPECTOR_TODAY wins over ctx.now.
    const later = await age({ env: { PROSPECTOR_TODAY: '2031-07-08' }, now: new Date('2022-01-01T00:00:00Z') });
    expect(later.days).toBeCloseTo(3652, 2);
    expect(later.stale).toHaveLength(1);
    expect(later.stale[0]).toMatch(/^stale orbit: epoch is 10\.0 years old/);
  });

  it('a malformed PROSPECTOR_TODAY is an input error naming it', async () => {
    const r = await runCli(['target', 'Bennu'], { env: { PROSPECTOR_TODAY: '2031-02-30' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PROSPECTOR_TODAY: expected a date YYYY-MM-DD/);
  });

  it('an unknown asteroid exits 2 with one line', async () => {
    const r = await runCli(['target', 'Nonexistentia']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^prospector: asteroid "Nonexistentia" not found in the catalog[^\n]*\n$/);
  });
});
