import { describe, expect, it } from 'vitest';
import { earthState, earthStatesAt } from '../../src/astro/earth-ephemeris.js';
import { utcToTdb } from '../../src/astro/time.js';
import { AU_KM, DAY_S } from '../../src/astro/constants.js';
import { equatorialToEcliptic } from '../../src/astro/frames.js';

const eclipticOf = (x: number[]) => equatorialToEcliptic([x[0], x[1], x[2]]);

// astronomy-engine's Earth is a truncated VSOP87 + lunar theory; measured against Horizons:
// 2178 km and 0.55 m/s at J2000, 737 km and 0.38 m/s on 2020-01-01 (the largest of the published
// epochs found). Tolerances leave ~40 % headroom over the worst.
const POS_TOL_KM = 3000;
const VEL_TOL_KMS = 0.001;

describe('earthState vs JPL Horizons', () => {
  it('J2000.0 (JD 2451545.0 TDB), heliocentric ecliptic J2000', () => {
    // JPL Horizons (DE441), Earth (399) w.r.t. Sun centre (500@10), ecliptic J2000, AU and AU/day.
    const r = [-1.771350992727098e-1, 9.672416867665306e-1, -4.085281582511366e-6].map((x) => x * AU_KM);
    const v = [-1.720762506872895e-2, -3.158782144324866e-3, 1.049888594613343e-7].map((x) => (x * AU_KM) / DAY_S);
    const s = earthState(2451545.0);
    expect(Math.hypot(s.r[0] - r[0], s.r[1] - r[1], s.r[2] - r[2])).toBeLessThan(POS_TOL_KM);
    expect(Math.hypot(s.v[0] - v[0], s.v[1] - v[1], s.v[2] - v[2])).toBeLessThan(VEL_TOL_KMS);
  });

  it('2020-01-01 12:00 TDB (JD 2458850.0), Horizons ICRF rotated to ecliptic J2000', () => {
    // JPL Horizons (DE441), Earth (399) w.r.t. Sun (10), ICRF, AU and AU/day, as pasted verbatim in
    // Smithsonian/cheby_checker tests/test_convenience_Horizons.py (test_nice_Horizons_B). Measured:
    // 737 km and 0.38 m/s.
    const r = eclipticOf([-1.749585912701602e-1, 8.877645495087018e-1, 3.848482875671789e-1].map((x) => x * AU_KM));
    const v = eclipticOf([-1.721190438300784e-2, -2.874039035670773e-3, -1.245648654352060e-3].map((x) => (x * AU_KM) / DAY_S));
    const s = earthState(2458850.0);
    expect(Math.hypot(s.r[0] - r[0], s.r[1] - r[1], s.r[2] - r[2])).toBeLessThan(POS_TOL_KM);
    expect(Math.hypot(s.v[0] - v[0], s.v[1] - v[1], s.v[2] - v[2])).toBeLessThan(VEL_TOL_KMS);
  });

  // Perihelion/aphelion (UT, AU): IMCCE 2006-01-04 ~15 h, 0.983326979 AU; neoprogrammics.com
  // Earth perihelion/aphelion calculator (JPL DE-based) for 2021 and 2022.
  const EXTREMA: Array<[string, number, number, 1 | -1]> = [
    ['perihelion 2021', 2459217.07674212, 0.98325706, -1],
    ['aphelion 2021', 2459401.43544855, 1.016729224, 1],
    ['perihelion 2022', 2459583.78762103, 0.983336539, -1],
    ['aphelion 2022', 2459764.79909293, 1.016715374, 1],
    ['perihelion 2006', 2453740.125, 0.983326979, -1],
  ];
  it.each(EXTREMA)('%s: distance within 2e-5 AU (3000 km) and time within 3 h', (_name, jdUtc, distAu, sign) => {
    let best = NaN;
    let bestT = 0;
    for (let h = -72; h <= 72; h += 0.25) {
      const r = earthState(utcToTdb(jdUtc + h / 24)).r;
      const d = Math.hypot(r[0], r[1], r[2]) / AU_KM;
      if (!(sign * d <= sign * best)) {
        best = d;
        bestT = h;
      }
    }
    expect(Math.abs(best - distAu)).toBeLessThan(2e-5);
    expect(Math.abs(bestT)).toBeLessThan(sign === -1 && distAu === 0.983326979 ? 6 : 3); // IMCCE gives the hour only
  });

  it('earthStatesAt packs 6 numbers per date, identical to earthState', () => {
    const dates = new Float64Array([2451545, 2460000.25, 2461161.5]);
    const packed = earthStatesAt(dates);
    expect(packed.length).toBe(18);
    dates.forEach((jd, k) => {
      const s = earthState(jd);
      expect(Array.from(packed.subarray(6 * k, 6 * k + 6))).toEqual([...s.r, ...s.v]);
    });
  });

  it('speed and distance are Earth-like every 10 days over 2020–2040', () => {
    for (let jd = 2458849.5; jd < 2466154.5; jd += 10) {
      const s = earthState(jd);
      const d = Math.hypot(...s.r) / AU_KM;
      const v = Math.hypot(...s.v);
      expect(d).toBeGreaterThan(0.9832);
      expect(d).toBeLessThan(1.0168);
      expect(v).toBeGreaterThan(29.2);
      expect(v).toBeLessThan(30.3);
      // Off the J2000 ecliptic: lunar wobble (~±500 km) plus the ecliptic's own precession,
      // ~47″ per century (IAU 1976), i.e. ~1.4e4 km at 1 AU by 2040.
      expect(Math.abs(s.r[2])).toBeLessThan(2e4);
    }
  });
});
