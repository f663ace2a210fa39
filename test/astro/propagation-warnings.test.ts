import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closestEarthApproach, propagationWarnings } from '../../src/astro/propagation-warnings.js';
import type { OrbitElements } from '../../src/astro/orbit.js';
import { calendarToJd, parseIsoToJdTdb } from '../../src/astro/time.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/ephemeris/', import.meta.url));
const HAVE = existsSync(SHARED + 'sbdb_famous_neas_elements.json');
if (!HAVE) console.warn(`notice: ${SHARED} not found; SBDB-based warning tests skipped`);

function sbdb(designation: string): OrbitElements {
  const all = JSON.parse(readFileSync(SHARED + 'sbdb_famous_neas_elements.json', 'utf8')) as Array<Record<string, number | string>>;
  const e = all.find((x) => x.designation === designation)!;
  return { epochJd: +e.epoch, aAu: +e.a, e: +e.e, iDeg: +e.i, omDeg: +e.om, wDeg: +e.w, maDeg: +e.ma };
}

describe.skipIf(!HAVE)('propagationWarnings on real orbits', () => {
  it("Bennu's 2011 SBDB epoch used in 2026 warns about the stale epoch (Horizons miss: 8.4e6 km)", () => {
    const w = propagationWarnings(sbdb('101955'), parseIsoToJdTdb('2026-05-01'), { name: 'Bennu' });
    expect(w.some((m) => /Bennu: the orbit epoch is 5599 days \(15\.3 yr\)/.test(m))).toBe(true);
  });

  it('Itokawa 161 days from its epoch: no warning (Horizons miss 1.7e4 km)', () => {
    expect(propagationWarnings(sbdb('25143'), parseIsoToJdTdb('2026-05-01'))).toEqual([]);
  });

  it('Apophis propagated past 2029-04-13 warns about the Earth encounter', () => {
    // CNEOS close-approach data: 2029-Apr-13 21:46 TDB at 0.000254 AU. Two-body from the
    // 2025-11-21 elements puts the minimum on the same day at ~0.0008 AU.
    const el = sbdb('99942');
    const ca = closestEarthApproach(el, el.epochJd, parseIsoToJdTdb('2029-06-01'));
    expect(ca.distanceAu).toBeLessThan(0.005);
    expect(Math.abs(ca.jdTdb - calendarToJd(2029, 4, 13.9))).toBeLessThan(1.5);
    const w = propagationWarnings(el, parseIsoToJdTdb('2029-06-01'), { name: 'Apophis' });
    expect(w.some((m) => /Apophis: passes 0\.00\d+ AU from Earth/.test(m))).toBe(true);
    // Before the encounter: no such warning.
    expect(propagationWarnings(el, parseIsoToJdTdb('2026-06-01')).some((m) => /passes/.test(m))).toBe(false);
  });
});

describe('propagationWarnings thresholds', () => {
  const el: OrbitElements = { epochJd: 2461000.5, aAu: 2.7, e: 0.1, iDeg: 10, omDeg: 80, wDeg: 70, maDeg: 10 };
  it('high MPC U (≥ 5) warns; U below, null or absent does not', () => {
    expect(propagationWarnings(el, el.epochJd + 10, { u: 5, closeApproach: false })).toHaveLength(1);
    expect(propagationWarnings(el, el.epochJd + 10, { u: 4, closeApproach: false })).toHaveLength(0);
    expect(propagationWarnings(el, el.epochJd + 10, { u: null, closeApproach: false })).toHaveLength(0);
  });
  it('epoch age: > 365 days either side warns', () => {
    expect(propagationWarnings(el, el.epochJd + 364, { closeApproach: false })).toHaveLength(0);
    expect(propagationWarnings(el, el.epochJd + 366, { closeApproach: false })[0]).toMatch(/366 days .* before the date/);
    expect(propagationWarnings(el, el.epochJd - 400, { closeApproach: false })[0]).toMatch(/after the date/);
  });
  it('a main-belt orbit never comes near Earth', () => {
    expect(closestEarthApproach(el, el.epochJd, el.epochJd + 2000).distanceAu).toBeGreaterThan(1);
  });
});
