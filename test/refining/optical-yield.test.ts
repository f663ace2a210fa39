import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absorbedPowerW, concentratorAreaM2, refineYield, sphereMassKg, metalPhaseGrades, refiningRoute, type RefiningInput } from '../../src/refining/index.js';
import { InputError, NotFoundError } from '../../src/errors.js';

const JD0 = 2461000.5; // 2025-11-20
// Circular 1 AU orbit so r(t) ≡ 1 AU for the DESIGN arithmetic checks.
const CIRC = (aAu: number) => ({ epochJd: JD0, aAu, e: 0, iDeg: 0, omDeg: 0, wDeg: 0, maDeg: 0 });
// Bennu-like eccentric orbit (SBDB-style elements, J2000 ecliptic), for r(t) over a real stay.
const BENNU = { epochJd: 2455562.5, aAu: 1.126391, e: 0.203745, iDeg: 6.0349, omDeg: 2.0609, wDeg: 66.2231, maDeg: 101.7039 };

// DESIGN §2.5: a 10 m C-type at 1.5 t/m³ is 785 t; 12 wt% water → 94 t.
const C_TYPE = { massKg: sphereMassKg(10, 1500), grades: { H2O: 0.12 } };
// An ordinary-chondrite-like body with 5 % free metal (grades: DESIGN §2.1 table ranges).
const OC = { massKg: 1e9, grades: { Fe: 0.2, Ni: 0.012, Co: 6e-4, Pt: 0.9e-6, Pd: 0.6e-6 }, metalFraction: 0.05 };

const water = (patch: Partial<RefiningInput> = {}): RefiningInput => ({
  orbit: CIRC(1),
  arriveJdTdb: JD0,
  stayDays: 1,
  concentrator: { diameterM: 10 },
  opticalEfficiency: 0.8,
  captureEfficiency: 1,
  dutyCycle: 1,
  route: 'water',
  body: C_TYPE,
  recovery: { H2O: 1 },
  ...patch,
});

describe('DESIGN §2.5 arithmetic checks', () => {
  it('10 m concentrator (a DIAMETER: π·5²), η_opt 0.8, 1 AU → 85.5 kW absorbed', () => {
    const a = concentratorAreaM2({ diameterM: 10 });
    expect(a).toBeCloseTo(78.54, 2);
    expect(absorbedPowerW(a, 0.8, 1) / 1000).toBeCloseTo(85.51, 2); // 0.8·78.54·1361 = 85,514 W
    expect(refineYield(water()).rateAtArrival.absorbedPowerKW).toBeCloseTo(85.51, 2);
  });

  it('water at 8–9 MJ/kg → 0.82–0.92 t/day, with η_cap = duty = recovery = 1 (what the DESIGN arithmetic implies)', () => {
    // 85,514 W · 86,400 s / 8e6 J/kg = 923.6 kg; / 9e6 = 820.9 kg.
    const hi = refineYield(water({ specificEnergyMJPerKg: 8 }));
    const lo = refineYield(water({ specificEnergyMJPerKg: 9 }));
    expect(hi.totals.productsKg.H2O).toBeCloseTo(923.55, 1);
    expect(lo.totals.productsKg.H2O).toBeCloseTo(820.94, 1);
    expect(hi.rateAtArrival.releasedKgPerDay).toBeCloseTo(923.55, 1);
  });

  it('a 10 m C-type at 1.5 t/m³ is 785 t and holds 94 t of water at 12 wt%', () => {
    expect(C_TYPE.massKg / 1000).toBeCloseTo(785.4, 1);
    expect((C_TYPE.massKg * 0.12) / 1000).toBeCloseTo(94.25, 2);
  });

  it('a 200-day stay on that body is capped: exhausted after ≈ 102 days with a warning', () => {
    const r = refineYield(water({ stayDays: 200, specificEnergyMJPerKg: 8 }));
    // 94,248 kg / 923.55 kg/day = 102.05 days.
    expect(r.exhaustedAfterDays!).toBeCloseTo(102.05, 1);
    expect(r.totals.productsKg.H2O).toBeCloseTo(94247.78, 1);
    expect(r.totals.remainingInBodyKg.H2O).toBeCloseTo(0, 6);
    expect(r.warnings.join(' ')).toMatch(/the body is exhausted after 102\.0 days/);
    // Months after exhaustion yield nothing; cumulative never exceeds what the body holds.
    expect(r.months.at(-1)!.productsKg.H2O).toBe(0);
    expect(r.months.at(-1)!.cumulativeKg.H2O).toBeLessThanOrEqual(C_TYPE.massKg * 0.12 + 1e-6);
  });
});

describe('refineYield over a real orbit', () => {
  const r = refineYield({ orbit: BENNU, arriveJdTdb: JD0, stayDays: 400, concentrator: { diameterM: 20 }, route: 'melt-metal', body: OC });
  it('reports months of 30.4375 days, cumulative sums and the r range of the stay', () => {
    expect(r.months).toHaveLength(14);
    expect(r.months[0].days).toBeCloseTo(30.4375, 9);
    expect(r.months.reduce((s, m) => s + m.days, 0)).toBeCloseTo(400, 9);
    const sumPt = r.months.reduce((s, m) => s + m.productsKg.Pt, 0);
    expect(r.months.at(-1)!.cumulativeKg.Pt).toBeCloseTo(sumPt, 9);
    // What the body still holds falls month by month and ends at the totals' figure.
    for (let k = 1; k < r.months.length; k++) expect(r.months[k].remainingInBodyKg.Pt).toBeLessThan(r.months[k - 1].remainingInBodyKg.Pt);
    expect(r.months.at(-1)!.remainingInBodyKg.Pt).toBeCloseTo(r.totals.remainingInBodyKg.Pt, 9);
    expect(r.assumptions.distanceAu.min).toBeGreaterThanOrEqual(1.126391 * (1 - 0.203745) - 1e-9);
    expect(r.assumptions.distanceAu.max).toBeLessThanOrEqual(1.126391 * (1 + 0.203745) + 1e-9);
    expect(r.assumptions.distanceAu.max - r.assumptions.distanceAu.min).toBeGreaterThan(0.3);
  });
  it('products = processed metal × metal-phase grade (bulk / metal fraction) × recovery 0.9', () => {
    expect(r.assumptions.feedstockGrades.Pt).toBeCloseTo(0.9e-6 / 0.05, 15);
    expect(r.totals.productsKg.Pt).toBeCloseTo(r.totals.processedKg * (0.9e-6 / 0.05) * 0.9, 9);
    expect(r.assumptions.recovery.Pt).toBe(0.9);
    // Remaining + processed content = body content.
    expect(r.totals.remainingInBodyKg.Pt + r.totals.processedKg * (0.9e-6 / 0.05)).toBeCloseTo(1e9 * 0.9e-6, 6);
  });
  it('a body without free metal gives nothing on a metal route, and says why', () => {
    const c = refineYield({ orbit: BENNU, arriveJdTdb: JD0, stayDays: 30, concentrator: { areaM2: 100 }, route: 'melt-metal', body: { massKg: 1e6, grades: { Pt: 1e-6, H2O: 0.12 }, metalFraction: 0 } });
    expect(c.totals.processedKg).toBe(0);
    expect(c.warnings.join(' ')).toMatch(/no free Fe–Ni metal/);
  });
  it('metal-phase Fe is the alloy balance', () => {
    const g = metalPhaseGrades(OC).grades;
    expect(g.Ni).toBeCloseTo(0.24, 12);
    expect(g.Fe).toBeCloseTo(1 - 0.24 - 0.012 - 0.9e-6 / 0.05 - 0.6e-6 / 0.05, 12);
  });
  it('every route carries a sourced specific energy', () => {
    for (const id of ['water', 'melt-metal', 'vaporize-metal', 'melt-silicate']) {
      const route = refiningRoute(id);
      expect(route.specificEnergySource.length).toBeGreaterThan(40);
    }
    expect(refiningRoute('melt-metal').specificEnergyMJPerKg.p50).toBe(1.35);
    // Bands are ordered and recoveries are fractions (they feed plan()'s uncertainty sampling).
    for (const id of ['water', 'melt-metal', 'vaporize-metal', 'melt-silicate']) {
      const route = refiningRoute(id);
      const e = route.specificEnergyMJPerKg;
      expect(e.p10 <= e.p50 && e.p50 <= e.p90).toBe(true);
      for (const b of Object.values(route.recovery)) expect(0 <= b.p10 && b.p10 <= b.p50 && b.p50 <= b.p90 && b.p90 <= 1).toBe(true);
      expect(route.recoverySource.length).toBeGreaterThan(20);
    }
    expect(refiningRoute('vaporise-metal').specificEnergyMJPerKg.p50).toBe(7.4);
  });
});

describe('properties (fast-check)', () => {
  const base = (areaM2: number, stayDays: number, aAu: number): RefiningInput => ({
    orbit: CIRC(aAu), arriveJdTdb: JD0, stayDays, concentrator: { areaM2 }, route: 'melt-metal', body: { ...OC, massKg: 1e12 },
  });
  const pt = (i: RefiningInput) => refineYield(i).totals.productsKg.Pt;
  it('yield is monotonic in concentrator area', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: 1, max: 120 }), (a, k, d) => {
      expect(pt(base(a * k, d, 1.2))).toBeGreaterThanOrEqual(pt(base(a, d, 1.2)));
    }), { numRuns: 40 });
  });
  it('yield is monotonic in the length of the stay', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), (d, extra) => {
      const i = { ...base(500, d, 1.1), orbit: BENNU };
      expect(pt({ ...i, stayDays: d + extra })).toBeGreaterThanOrEqual(pt(i) * (1 - 1e-12));
    }), { numRuns: 40 });
  });
  it('yield falls with distance from the Sun (∝ 1/r²)', () => {
    fc.assert(fc.property(fc.double({ min: 0.6, max: 3, noNaN: true }), fc.double({ min: 1.01, max: 2, noNaN: true }), (a, k) => {
      const near = pt(base(300, 30, a));
      const far = pt(base(300, 30, a * k));
      expect(far).toBeLessThan(near);
      expect(far / near).toBeCloseTo(1 / (k * k), 9);
    }), { numRuns: 40 });
  });
  it('never more than the body holds, and a stay beyond exhaustion is capped with a warning', () => {
    fc.assert(fc.property(fc.double({ min: 1e3, max: 1e7, noNaN: true }), fc.integer({ min: 1, max: 400 }), (mass, d) => {
      const r = refineYield({ ...water({ stayDays: d }), body: { massKg: mass, grades: { H2O: 0.12 } } });
      expect(r.totals.productsKg.H2O).toBeLessThanOrEqual(mass * 0.12 * (1 + 1e-12));
      const lastsDays = (mass * 0.12) / r.rateAtArrival.releasedKgPerDay!;
      if (d > lastsDays * 1.0001) {
        expect(r.exhaustedAfterDays).not.toBeNull();
        expect(r.warnings.some((w) => w.startsWith('the body is exhausted after'))).toBe(true);
      } else if (d < lastsDays * 0.9999) {
        expect(r.exhaustedAfterDays).toBeNull();
      }
    }), { numRuns: 50 });
  });
});

describe('input validation names the field', () => {
  it.each([
    [{ stayDays: 0 }, 'stayDays'],
    [{ concentrator: { diameterM: 0 } }, 'concentrator.diameterM'],
    [{ concentrator: {} }, 'concentrator'],
    [{ concentrator: { diameterM: 10, areaM2: 5 } }, 'concentrator'],
    [{ opticalEfficiency: 1.5 }, 'opticalEfficiency'],
    [{ body: { massKg: -5, grades: {} } }, 'body.massKg'],
    [{ body: { massKg: 5, grades: { H2O: 2 } } }, 'body.grades.H2O'],
    [{ orbit: { ...CIRC(1), aAu: -1 } }, 'orbit.aAu'],
    [{ recovery: { H2O: 1.2 } }, 'recovery.H2O'],
  ])('%o → %s', (patch, field) => {
    try {
      refineYield(water(patch as Partial<RefiningInput>));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe(field);
    }
  });
  it('explicit products: one the route cannot recover → InputError naming products; recovery 0 is allowed', () => {
    expect(() => refineYield(water({ products: ['Pt'] }))).toThrow(/products: route water does not recover "Pt"/);
    const r = refineYield(water({ products: ['H2O'], recovery: { H2O: 0 } }));
    expect(r.totals.productsKg.H2O).toBe(0);
    expect(r.totals.processedKg).toBeGreaterThan(0);
  });
  it('unknown route → NotFoundError naming route', () => {
    expect(() => refineYield(water({ route: 'smelt' }))).toThrow(NotFoundError);
  });
});
