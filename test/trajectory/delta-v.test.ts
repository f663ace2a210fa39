// NHATS Δv identities on the 31 published records (62 trajectories), ../shared/data/nhats.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/export/csv.js';
import {
  departureDvFromC3,
  entryCapDvAsEntryTrimKmS,
  entryCapDvKmS,
  entrySpeedKmS,
  roundTripTotalDv,
} from '../../src/trajectory/delta-v.js';

const NHATS = fileURLToPath(new URL('../../../shared/data/nhats/nhats_coorbital_records.csv', import.meta.url));
/** NHATS prints km/s to 3 decimals: identities hold to rounding, 0.001 km/s (DESIGN §2.3). */
const TOL_KMS = 0.001 + 1e-9;

function records(): Record<string, string>[] {
  const rows = parseCsv(readFileSync(NHATS, 'utf8')).filter((r) => r.length > 1);
  const head = rows[0];
  return rows.slice(1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

describe('Δv formulas (textbook values)', () => {
  it('LEO departure: C3 = 0 gives the escape increment (√2 − 1)·v_circ at 400 km', () => {
    // v_circ at r = 6778.137 km with μ = 398600.4418: 7.6686 km/s → (√2 − 1)·v_circ = 3.1764 km/s.
    expect(departureDvFromC3(0)).toBeCloseTo(3.1764, 4);
  });
  it('entry speed with v∞ = 0 is the escape speed at 125 km (11.0715 km/s)', () => {
    expect(entrySpeedKmS(0)).toBeCloseTo(Math.sqrt((2 * 398600.4418) / 6503.137), 10);
    expect(entrySpeedKmS(0)).toBeCloseTo(11.0715, 3);
  });
  it('entry cap is zero below the limit and reduces v∞ so that entry is exactly the limit above it', () => {
    expect(entryCapDvKmS(3)).toBe(0);
    const vInf = 6;
    expect(entrySpeedKmS(vInf - entryCapDvKmS(vInf, 12))).toBeCloseTo(12, 12);
    // A v∞ reduction far from Earth costs more than trimming the entry speed itself (2–3×).
    expect(entryCapDvKmS(vInf, 12)).toBeGreaterThan(2 * entryCapDvAsEntryTrimKmS(vInf, 12));
  });
});

describe.skipIf(!existsSync(NHATS))('NHATS identities (31 records, both trajectories each)', () => {
  const recs = existsSync(NHATS) ? records() : [];
  it('has the 31 records', () => expect(recs.length).toBe(31));
  for (const kind of ['min_dv', 'min_dur'] as const) {
    it(`${kind}: Δv_dep,park from C3 at 400 km, v_dep_earth = √C3, total = sum of the four terms, entry ≤ 12`, () => {
      let capped = 0;
      for (const r of recs) {
        const n = (k: string) => Number(r[`${kind}_${k}`]);
        const c3 = n('c3');
        expect(Math.abs(departureDvFromC3(c3) - n('dv_dep_park')), `${r.designation} dv_dep_park`).toBeLessThanOrEqual(TOL_KMS);
        expect(Math.abs(Math.sqrt(c3) - n('v_dep_earth')), `${r.designation} v_dep_earth`).toBeLessThanOrEqual(TOL_KMS);
        const total = roundTripTotalDv({
          dvDepartKmS: departureDvFromC3(c3),
          vArrNeoKmS: n('vrel_arr_neo'),
          vDepNeoKmS: n('vrel_dep_neo'),
          dvEntryKmS: n('vrel_arr_earth'),
        });
        // Four rounded terms plus our own dv_dep_park: allow 0.001 for the published rounding of the sum.
        expect(Math.abs(total - n('dv_total')), `${r.designation} total`).toBeLessThanOrEqual(0.002);
        expect(Math.abs(n('dv_dep_park') + n('vrel_arr_neo') + n('vrel_dep_neo') + n('vrel_arr_earth') - n('dv_total')), `${r.designation} published sum`).toBeLessThanOrEqual(TOL_KMS);
        expect(n('v_arr_earth')).toBeLessThanOrEqual(12 + 1e-9);
        if (n('vrel_arr_earth') > 0) {
          capped++;
          // A capped return enters at exactly the limit.
          expect(n('v_arr_earth'), `${r.designation} capped entry`).toBeCloseTo(12, 3);
        }
        // The entry speed is at least the escape speed at the entry interface (v∞ ≥ 0).
        expect(n('v_arr_earth')).toBeGreaterThanOrEqual(entrySpeedKmS(0) - 0.01);
      }
      // NHATS notes (astrodynamics.md §4): 5 capped minimum-duration solutions, none among minimum-Δv.
      expect(capped).toBe(kind === 'min_dv' ? 0 : 5);
    });
  }
});
