import { describe, expect, it } from 'vitest';
import { missionEconomics, type MissionEconomicsInputs } from '../../src/economics/mission-economics.js';

const PT = 980 * 32.1507; // USGS MCS 2023 platinum, $/kg
const TOL = 1e-6; // relative: plain arithmetic on the same inputs

// One mission, all money hand-checked:
//   year 0: spacecraft $100 M + launch 10 t × $2,000/kg = $20 M + refinery $30 M + 4 capsules × $5 M = $170 M
//   years 1–3: operations $10 M/yr
//   year 3: 1,000 kg Pt to Earth at p = p0·(171/170)^(−2) (S0 = 170 t, ε = −0.5) and 100 t Fe to orbit at $2,000/kg
const BASE: MissionEconomicsInputs = {
  costs: {
    spacecraft: { costUsd: 100e6 },
    launch: { massToLeoKg: 10_000, usdPerKg: 2000 },
    refineryUsd: 30e6,
    capsules: { count: 4, unitCostUsd: 5e6 },
    operationsUsdPerYear: 10e6,
  },
  deliveries: [
    { year: 3, element: 'Pt', kg: 1000, destination: 'earth' },
    { year: 3, element: 'Fe', kg: 100_000, destination: 'orbit' },
  ],
  discountRate: 0.08,
};

describe('missionEconomics: a hand-checked mission', () => {
  const r = missionEconomics(BASE);
  const ptRevenue = 1000 * PT * Math.pow(171 / 170, -2);
  const flows = [-170e6, -10e6, -10e6, -10e6 + ptRevenue + 200e6];

  it('costs land in the right years', () => {
    expect(r.years.map((y) => y.cost.total)).toEqual([170e6, 10e6, 10e6, 10e6]);
    expect(r.years[0].cost).toMatchObject({ spacecraft: 100e6, launch: 20e6, refinery: 30e6, capsules: 20e6, operations: 0 });
  });

  it('Earth revenue at the responded price, orbit revenue at the avoided launch price', () => {
    expect(r.years[3].revenueEarthUsd).toBeCloseTo(ptRevenue, 3);
    expect(r.years[3].revenueOrbitUsd).toBe(200e6);
    expect(r.totals.naiveRevenueEarthUsd).toBeCloseTo(1000 * PT, 3);
    expect(r.revenueByElement.Fe.orbitUsd).toBe(200e6);
  });

  it('NPV, IRR and payback from those flows', () => {
    const npv = flows.reduce((s, f, t) => s + f / 1.08 ** t, 0);
    expect(Math.abs(r.npvUsd - npv) / Math.abs(npv)).toBeLessThan(TOL);
    expect(r.irr).not.toBeNull();
    const atIrr = flows.reduce((s, f, t) => s + f / (1 + r.irr!) ** t, 0);
    expect(Math.abs(atIrr)).toBeLessThan(1);
    expect(r.paybackYear).toBe(3);
    expect(r.years[3].cumulativeNetUsd).toBeCloseTo(flows.reduce((a, b) => a + b, 0), 0);
  });

  it('a mission that never earns has no IRR and no payback, and says why', () => {
    const poor = missionEconomics({ ...BASE, deliveries: [{ year: 3, element: 'Os', kg: 10, destination: 'earth' }] });
    expect(poor.irr).toBeNull();
    expect(poor.irrNote).toMatch(/never turn positive/);
    expect(poor.paybackYear).toBeNull();
    expect(poor.warnings.join(' ')).toMatch(/Os delivered to Earth has no market data/);
  });
});

describe('campaigns and learning', () => {
  it('second mission hardware at C1·2^(log2 0.9) = 90 %; launch not learned', () => {
    const r = missionEconomics({ ...BASE, campaign: { missions: 2, learningRate: 0.9, cadenceYears: 1 } });
    expect(r.missions[1].learningFactor).toBeCloseTo(0.9, 12);
    expect(r.missions[1].capitalUsd).toBeCloseTo(150e6 * 0.9 + 20e6, 3);
    expect(r.years[1].cost.total).toBeCloseTo(150e6 * 0.9 + 20e6 + 10e6, 3);
    expect(r.years).toHaveLength(5);
  });

  it('same-year Earth deliveries are pooled before the price responds', () => {
    const r = missionEconomics({ ...BASE, campaign: { missions: 2, learningRate: 1, cadenceYears: 0 } });
    // 2,000 kg in year 3: p = p0·(172/170)^(−2).
    expect(r.years[3].revenueEarthUsd).toBeCloseTo(2000 * PT * Math.pow(172 / 170, -2), 3);
  });

  it('spacecraft from dry mass × $/kg; bad inputs name the field', () => {
    const r = missionEconomics({ ...BASE, costs: { ...BASE.costs, spacecraft: { dryMassKg: 1000, usdPerKg: 100_000 } } });
    expect(r.years[0].cost.spacecraft).toBe(100e6);
    expect(() => missionEconomics({ ...BASE, costs: { ...BASE.costs, spacecraft: {} } })).toThrow(/costs\.spacecraft/);
    expect(() => missionEconomics({ ...BASE, discountRate: -2 })).toThrow(/discountRate/);
    expect(() => missionEconomics({ ...BASE, deliveries: [{ year: 1.5, element: 'Pt', kg: 1, destination: 'earth' }] })).toThrow(/deliveries\[0\]\.year/);
    expect(() => missionEconomics({ ...BASE, campaign: { missions: 0, learningRate: 0.9, cadenceYears: 1 } })).toThrow(/campaign\.missions/);
  });

  it('price overrides apply before the market response; they can value a metal with no market data', () => {
    const r = missionEconomics({ ...BASE, pricesUsdPerKg: { Pt: 40_000 } });
    expect(r.years[3].revenueEarthUsd).toBeCloseTo(1000 * 40_000 * Math.pow(171 / 170, -2), 3);
    const os = missionEconomics({ ...BASE, deliveries: [{ year: 3, element: 'Os', kg: 10, destination: 'earth' }], pricesUsdPerKg: { Os: 12_000 } });
    expect(os.totals.revenueEarthUsd).toBe(120_000); // no supply figure: no response, sold at the given price
  });

  it('metal sent to orbit with no use there earns nothing, with a warning', () => {
    const r = missionEconomics({ ...BASE, deliveries: [{ year: 2, element: 'Pt', kg: 10, destination: 'orbit' }] });
    expect(r.totals.revenueOrbitUsd).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/Pt delivered to orbit/);
  });
});
