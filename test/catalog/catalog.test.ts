// The bundled catalog (data/catalog/neas.bin) and lookups. No shared data needed.
import { describe, expect, it } from 'vitest';
import { findAsteroid, loadCatalog, targetWarnings, tryFindAsteroid } from '../../src/catalog/index.js';
import { NotFoundError } from '../../src/errors.js';

const catalog = loadCatalog();

describe('bundled catalog', () => {
  it('holds the NEAs of nea_extended (25,798) plus NEA.txt-only objects and main-belt targets', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(25798 + 3);
    expect(loadCatalog()).toBe(catalog); // parsed once per process
  });
  it('every NEA has a finite Shoemaker–Helin Δv; non-NEAs have null with a reason', () => {
    const neas = catalog.filter((a) => a.isNea);
    expect(neas.length).toBeGreaterThan(25700);
    expect(neas.every((a) => Number.isFinite(a.dvKmS!))).toBe(true);
    const others = catalog.filter((a) => !a.isNea);
    expect(others.every((a) => a.dvKmS === null && typeof a.dvReason === 'string')).toBe(true);
  });
  it('every object with H has a size and a mass range that brackets the central value', () => {
    for (const a of catalog) {
      if (a.H === null && a.measuredDiameterKm == null) continue;
      expect(a.diameterKmLow!).toBeLessThanOrEqual(a.diameterKm!);
      expect(a.diameterKmHigh!).toBeGreaterThanOrEqual(a.diameterKm!);
      expect(a.massKgLow!).toBeLessThanOrEqual(a.massKg!);
      expect(a.massKgHigh!).toBeGreaterThanOrEqual(a.massKg!);
    }
  });
  it('16 Psyche: sourced size, mass and class, no Shoemaker–Helin figure', () => {
    const p = findAsteroid(catalog, 'Psyche');
    expect(p).toMatchObject({ number: 16, orbitClass: 'MBA', isNea: false, dvKmS: null, spectralType: 'M', diameterKm: 222, sizeBasis: 'measured' });
    // GM 1.601 ± 0.017 km³/s² (Farnocchia et al. 2024, JPL SBDB) / G (CODATA 2018 6.6743e-11) = 2.399e19 kg.
    expect(p.massKg! / 1e19).toBeCloseTo(2.399, 3);
    expect(p.massKgLow! / 1e19).toBeCloseTo(2.373, 2);
    expect(p.massKgHigh! / 1e19).toBeCloseTo(2.424, 2);
    expect(p.sources?.diameter).toMatch(/Shepard et al\. 2021/);
    expect(p.sources?.mass).toMatch(/Farnocchia et al\. 2024/);
    expect(p.sources?.orbit).toMatch(/JPL SBDB orbit JPL 92 .*epoch 2026-06-09/);
    expect(targetWarnings(p, p.orbit.epochJd).join(' ')).toMatch(/no Shoemaker–Helin delta-v: main-belt/);
  });
  it('Ceres and Vesta: full-precision JPL SBDB elements at epoch 2026-06-09', () => {
    const c = findAsteroid(catalog, 'Ceres');
    // JPL SBDB, orbit JPL 48 (sbdb.api?full-prec=true&sstr=1).
    expect(c.orbit).toEqual({ epochJd: 2461200.5, aAu: 2.765552595034094, e: 0.07969229514816586, iDeg: 10.58802780183462, omDeg: 80.24862682043221, wDeg: 73.29421453021587, maDeg: 274.4193463761342 });
    expect(c.aRoundingAu).toBeUndefined();
    expect(findAsteroid(catalog, 'Vesta').orbit.aAu).toBe(2.361365965127599);
  });
  it('Bennu: measured by OSIRIS-REx — 0.490 km, 7.329e10 kg, ρ 1.19 g/cm³ — Mahlke B, Benner Δv 5.09 km/s', () => {
    const b = findAsteroid(catalog, 'Bennu');
    expect(b.diameterKm).toBe(0.49);
    expect(b.sizeBasis).toBe('measured');
    expect(b.spectralType).toBe('B');
    expect(b.massKg).toBe(7.329e10);
    // The issue: with B at 2.4 g/cm³ the range was 8.2e10–2.3e11 kg and excluded the measurement.
    expect(b.massKgLow!).toBeLessThanOrEqual(7.33e10);
    expect(b.massKgHigh!).toBeGreaterThanOrEqual(7.33e10);
    expect(b.sources?.mass).toMatch(/Scheeres et al\. 2019/);
    // Benner 2013 lists 101955 at 5.087 km/s from 2013 elements; the 2021 orbit gives 5.089.
    expect(b.dvKmS!).toBeCloseTo(5.09, 1);
    // JPL gives Bennu's elements at its 2011 epoch, so the newest orbit stays MPC's of 2021.
    expect(b.sources?.orbit).toMatch(/^MPC nea_extended.*epoch 2021-07-08$/);
    // H from the newest file that gives one (JPL SBDB 2025: 20.21), not MPC 2021's 20.9.
    expect(b.H).toBe(20.21);
  });
  it.each([
    // [name, mass kg, diameter km, published bulk density g/cm³ ± σ]
    ['Ryugu', 4.5e11, 0.896, 1.19, 0.02],
    ['Itokawa', 3.51e10, 0.3275, 1.9, 0.13],
    ['Eros', 6.687e15, 16.84, 2.67, 0.03],
    ['Didymos', 5.6e11, 0.761, 2.4, 0.3],
    ['Moshup', 2.353e12, 1.317, 1.97, 0.24],
  ] as const)('%s carries its measured mass and size (measured-neas.json), consistent with its bulk density', (name, massKg, dKm, rho, sigma) => {
    const a = findAsteroid(catalog, name);
    expect(a.massKg).toBe(massKg);
    expect(a.diameterKm).toBe(dKm);
    expect(a.sizeBasis).toBe('measured');
    expect(a.sources?.mass).toMatch(/\d{4}/);
    const rhoModel = massKg / ((Math.PI / 6) * (dKm * 1e5) ** 3) * 1e3;
    expect(Math.abs(rhoModel - rho)).toBeLessThan(sigma);
  });
  it('a newer orbit file wins: Itokawa takes JPL\'s 2025 full-precision elements, flagged precise', () => {
    const a = findAsteroid(catalog, 'Itokawa');
    expect(a.orbit.epochJd).toBe(2461000.5);
    expect(a.sources?.orbit).toMatch(/full precision.*epoch 2025-11-21/);
    expect(a.aRoundingAu).toBeUndefined();
    // A numbered NEO found only in the 2023 SBDB export as newest: its orbit is rounded, and the
    // warnings say how far that drifts.
    const coarse = catalog.find((x) => x.sources?.orbit?.includes('sbdb_numbered_neo_2023'))!;
    expect(coarse.orbit.epochJd).toBe(2460000.5);
    expect(coarse.aRoundingAu).toBeGreaterThan(0);
    expect(targetWarnings(coarse, coarse.orbit.epochJd).join(' ')).toMatch(/coarse orbit: its source prints a to ±0\.000?5 AU, so two-body positions drift up to ~[\d.,]+ (million )?km per year/);
  });
  it('an object with neither H nor a measured size has no size basis (not "prior")', () => {
    const a = findAsteroid(catalog, '2010 KZ50');
    expect(a.H).toBeNull();
    expect(a.diameterKm).toBeNull();
    expect(a.sizeBasis).toBeNull();
  });
});

describe('findAsteroid', () => {
  it.each(['101955', '(101955)', 'Bennu', 'bennu', '  BENNU ', '(101955) Bennu', '101955 Bennu', '1999 RQ36', '1999rq36', '1999  RQ36', 'J99R36Q', 'A1955', '101955 Bennu (1999 RQ36)', 'Bennu (1999 RQ36)'])(
    '%j → Bennu',
    (q) => {
      expect(findAsteroid(catalog, q).number).toBe(101955);
    },
  );
  it('finds unnumbered objects by designation and packed form', () => {
    expect(findAsteroid(catalog, '2010 AJ').designation).toBe('2010 AJ');
    expect(findAsteroid(catalog, 'K10A00J').designation).toBe('2010 AJ');
    expect(findAsteroid(catalog, '2000 SG344').designation).toBe('2000 SG344');
  });
  it('throws NotFoundError naming the query', () => {
    expect(() => findAsteroid(catalog, 'Nonexistentia')).toThrow(NotFoundError);
    expect(() => findAsteroid(catalog, 'K99R36Q')).toThrow(/"K99R36Q" not found/); // that would be 2099 RQ36
    expect(tryFindAsteroid(catalog, '999999999')).toBeUndefined();
  });
});

describe('roundingDriftKmPerYear', () => {
  it('δn = 1.5·n·δa/a: a = 1.3 AU printed to ±0.0005 AU drifts ~4.8e5 km per year', async () => {
    const { roundingDriftKmPerYear } = await import('../../src/catalog/index.js');
    // n = 2π / (1.3^1.5 yr) = 4.239 rad/yr; drift = 1.5·n·δa = 1.5 × 4.239 × 0.0005 AU × 1.495979e8 km/AU.
    const expected = 1.5 * ((2 * Math.PI) / 1.3 ** 1.5) * 0.0005 * 149597870.7;
    expect(roundingDriftKmPerYear(1.3, 0.0005) / expected).toBeCloseTo(1, 3); // Julian vs sidereal year: < 1e-4
    expect(roundingDriftKmPerYear(1.3, 0)).toBe(0);
  });
});

describe('targetWarnings', () => {
  it('flags stale epochs, high U and prior-based sizes', () => {
    const a = findAsteroid(catalog, '2010 AJ');
    const w = targetWarnings(a, a.orbit.epochJd + 3 * 365.25);
    expect(w.some((x) => x.startsWith('stale orbit: epoch is 3.0 years old'))).toBe(true);
    expect(targetWarnings({ ...a, u: 7 }, a.orbit.epochJd).some((x) => x.includes('U = 7'))).toBe(true);
    expect(targetWarnings(a, a.orbit.epochJd).some((x) => x.includes('C/S albedo prior'))).toBe(true);
  });
});

describe('other designations', () => {
  it('an old designation (MPC Other_desigs) finds the object, and NEA.txt does not add it twice', () => {
    // nea_extended lists 2002 CT118 among the Other_desigs of 2019 PB1.
    const a = findAsteroid(catalog, '2002 CT118');
    expect(a.designation).toBe('2019 PB1');
    expect(catalog.filter((x) => x.designation === '2002 CT118')).toHaveLength(0);
  });
});
