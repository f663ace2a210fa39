import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rotation_EQJ_ECL } from 'astronomy-engine';
import { eclipticToEquatorial, equatorialToEcliptic } from '../../src/astro/frames.js';

describe('ecliptic ↔ equatorial J2000', () => {
  it("matches Horizons' Earth at J2000 given in both frames (AU)", () => {
    // JPL Horizons (DE441), Earth heliocentric at JD 2451545.0 TDB: ecliptic J2000 and ICRF.
    const ecl = [-1.771350992727098e-1, 9.672416867665306e-1, -4.085281582511366e-6];
    const eq = [-1.771350992727098e-1, 8.874285223255191e-1, 3.84742899088207e-1];
    const got = eclipticToEquatorial(ecl);
    for (let k = 0; k < 3; k++) expect(got[k]).toBeCloseTo(eq[k], 10); // < 1e-10 AU = 15 m
  });

  it("differs from astronomy-engine's Rotation_EQJ_ECL only by the obliquity convention (0.042″)", () => {
    // astronomy-engine uses the IAU 2006 obliquity 84381.406″; JPL's ecliptic (SBDB, Horizons)
    // uses 84381.448″ (IAU 1976). We follow JPL; the two differ by 0.042″ ≈ 30 km at 1 AU.
    const rot = Rotation_EQJ_ECL().rot;
    const v = [0, 0, 1];
    const ae = [0, 1, 2].map((i) => rot[0][i] * v[0] + rot[1][i] * v[1] + rot[2][i] * v[2]);
    const ours = equatorialToEcliptic(v);
    const angleArcsec = (Math.acos(ae[0] * ours[0] + ae[1] * ours[1] + ae[2] * ours[2]) * 180 * 3600) / Math.PI;
    expect(angleArcsec).toBeCloseTo(0.042, 3);
  });

  it('round-trips and preserves length', () => {
    fc.assert(
      fc.property(fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), (v) => {
        const back = equatorialToEcliptic(eclipticToEquatorial(v));
        const n = Math.hypot(...v) + 1;
        for (let k = 0; k < 3; k++) expect(Math.abs(back[k] - v[k])).toBeLessThan(1e-15 * n * 4);
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});
