import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMarkets, metalFractionOfOxide } from '../../src/supply/market-data.js';
import { marketImpact, priceRatio, respondedPrice } from '../../src/supply/price-response.js';

// Arithmetic on exact inputs: only floating-point rounding separates code and hand calculation.
const ARITH = 1e-9;

describe('oxide → metal conversion (stoichiometry, IUPAC 2021 atomic weights)', () => {
  const w = loadMarkets().atomicWeights;
  it('Nd2O3 → Nd 0.8574 (2·144.242 / (2·144.242 + 3·15.999) = 288.484/336.481)', () => {
    expect(metalFractionOfOxide('Nd2O3', 'Nd', w)).toBeCloseTo(288.484 / 336.481, 12);
    expect(metalFractionOfOxide('Nd2O3', 'Nd', w)).toBeCloseTo(0.8574, 4); // DESIGN / brief figure
  });
  it('Dy2O3 → 0.8713 and Tb4O7 → 0.8502', () => {
    expect(metalFractionOfOxide('Dy2O3', 'Dy', w)).toBeCloseTo(325 / (325 + 47.997), 12);
    expect(metalFractionOfOxide('Tb4O7', 'Tb', w)).toBeCloseTo(635.701416 / (635.701416 + 111.993), 12);
  });
  it('oxide prices become metal prices: Nd oxide $56/kg → $65.32/kg Nd', () => {
    const nd = loadMarkets().metals.Nd;
    expect(nd.priceUsdPerKg!).toBeCloseTo(56 / (288.484 / 336.481), 9);
  });
  it('PGM prices per troy ounce → per kg (USGS MCS 2023: Pt $980/ozt × 32.1507 = $31,507.7/kg)', () => {
    expect(loadMarkets().metals.Pt.priceUsdPerKg!).toBeCloseTo(980 * 32.1507, 6);
  });
});

describe('price response p = p0·(1 + ΔS/S0)^(1/ε)', () => {
  it('10 t/yr of platinum moves the price by what the elasticity implies', () => {
    const table = loadMarkets();
    const pt = table.metals.Pt;
    // S0 = 170 t (USGS MCS 2024), ε = −0.5 (data/markets.json): (180/170)^(−2) = 0.891975…
    const expected = Math.pow(180 / 170, -2);
    const r = marketImpact({ Pt: 10_000 }, table).elements[0];
    expect(r.respondedPriceUsdPerKg! / pt.priceUsdPerKg!).toBeCloseTo(expected, 12);
    expect(r.priceChangeFraction!).toBeCloseTo(-0.108025, 6);
    expect(r.shareOfWorldSupply!).toBeCloseTo(10 / 170, 12);
    // Outside South Africa (120 of 170 t): 10/50 = 20 %.
    expect(r.shareOfSupplyOutsideDominant!).toBeCloseTo(10 / (170 * (1 - 0.7059)), 9);
    // Elasticity range −1…−0.3: the most elastic demand gives the smallest fall.
    expect(r.respondedPriceRangeUsdPerKg![1] / pt.priceUsdPerKg!).toBeCloseTo(170 / 180, 12);
    expect(r.respondedPriceRangeUsdPerKg![0] / pt.priceUsdPerKg!).toBeCloseTo(Math.pow(180 / 170, -1 / 0.3), 12);
    expect(r.revenueUsdPerYear!).toBeCloseTo(10_000 * pt.priceUsdPerKg! * expected, 3);
  });

  it('a price override replaces the reference price (scenario markets.pricesUsdPerKg)', () => {
    const r = marketImpact({ Pt: 10_000 }, loadMarkets(), { priceOverrideUsdPerKg: { Pt: 40_000 } }).elements[0];
    expect(r.priceUsdPerKg).toBe(40_000);
    expect(r.respondedPriceUsdPerKg!).toBeCloseTo(40_000 * Math.pow(180 / 170, -2), 9);
    expect(r.priceSource).toBe('user override');
    expect(() => marketImpact({ Pt: 1 }, loadMarkets(), { priceOverrideUsdPerKg: { Pt: -1 } })).toThrow(/price\.Pt/);
  });

  it('an elasticity override is honoured and a positive one is refused', () => {
    const table = loadMarkets();
    const r = marketImpact({ Pt: 10_000 }, table, { elasticityOverride: { Pt: -1 } }).elements[0];
    expect(r.priceChangeFraction!).toBeCloseTo(170 / 180 - 1, 12);
    expect(() => marketImpact({ Pt: 1 }, table, { elasticityOverride: { Pt: 0.5 } })).toThrow(/negative/);
  });

  it('never below zero, never above p0, monotone in the added supply (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.double({ min: 1, max: 1e12, noNaN: true }), fc.double({ min: -5, max: -0.05, noNaN: true }), (dS, S0, eps) => {
        const p = respondedPrice(100, dS, S0, eps);
        const p2 = respondedPrice(100, dS * 2 + 1, S0, eps);
        return p >= 0 && p <= 100 * (1 + ARITH) && p2 <= p * (1 + ARITH);
      }),
    );
  });

  it('rejects bad inputs with the field named', () => {
    expect(() => priceRatio(-1, 100, -0.5)).toThrow(/addedKgPerYear/);
    expect(() => priceRatio(1, 0, -0.5)).toThrow(/supplyKgPerYear/);
    expect(() => priceRatio(1, 100, 0.5)).toThrow(/elasticity/);
  });

  it('REE are shared against world REO; metals without data are reported, not valued', () => {
    const table = loadMarkets();
    const r = marketImpact({ Nd: 1000, Os: 5 }, table);
    const nd = r.elements.find((e) => e.element === 'Nd')!;
    // 1,000 kg Nd = 1000/0.857344 kg Nd2O3 against 390,000 t REO (USGS MCS 2025).
    expect(nd.shareOfWorldSupply!).toBeCloseTo(1000 / (288.484 / 336.481) / 390e6, 15);
    expect(nd.supplyBasis).toBe('REO');
    expect(nd.respondedPriceUsdPerKg).toBeNull();
    expect(r.ree!.shareOfSupplyOutsideChina).toBeCloseTo(r.ree!.deliveredReoKgPerYear / (390e6 * (1 - 0.6923)), 12);
    const os = r.elements.find((e) => e.element === 'Os')!;
    expect(os.priceUsdPerKg).toBeNull();
    expect(os.revenueUsdPerYear).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/Os: no market data/);
  });
});
