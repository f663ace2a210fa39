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

  it('a rare earth is compared with its own supply and responds to its elasticity; ΣREE against world REO', () => {
    const table = loadMarkets();
    const r = marketImpact({ Nd: 1000, Os: 5 }, table);
    const nd = r.elements.find((e) => e.element === 'Nd')!;
    // Nd supply: 15 % of 390,000 t REO (USGS MCS 2025 × Zhou, Li & Chen 2017) = 58,500 t Nd2O3
    // × 288.484/336.481 = 50,155 t Nd metal; 1,000 kg Nd against that, metal to metal.
    const ndSupply = 0.15 * 390e6 * (288.484 / 336.481);
    expect(nd.worldSupplyKgPerYear!).toBeCloseTo(ndSupply, 3);
    expect(nd.shareOfWorldSupply!).toBeCloseTo(1000 / ndSupply, 15);
    expect(nd.supplyBasis).toBe('element');
    expect(nd.supplyApproximate).toBe(true);
    // Not the old comparison with all REO (which made Nd look 6.7× smaller a share).
    expect(nd.shareOfWorldSupply!).not.toBeCloseTo(1000 / (288.484 / 336.481) / 390e6, 12);
    // ε = −0.5 applies: p/p0 = (1 + 1000/S)^(−2).
    expect(nd.respondedPriceUsdPerKg! / nd.priceUsdPerKg!).toBeCloseTo(Math.pow(1 + 1000 / ndSupply, -2), 12);
    // Outside China (69.23 % of REO mined, USGS MCS 2025).
    expect(nd.shareOfSupplyOutsideDominant!).toBeCloseTo(1000 / (ndSupply * (1 - 0.6923)), 12);
    expect(r.ree!.deliveredReoKgPerYear).toBeCloseTo(1000 / (288.484 / 336.481), 9);
    expect(r.ree!.shareOfSupplyOutsideChina).toBeCloseTo(r.ree!.deliveredReoKgPerYear / (390e6 * (1 - 0.6923)), 12);
    const os = r.elements.find((e) => e.element === 'Os')!;
    expect(os.priceUsdPerKg).toBeNull();
    expect(os.revenueUsdPerYear).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/Os: no market data/);
  });

  it('Dy and Tb supplies come from their published shares of world REO (1.12 % and 0.154 %)', () => {
    const t = loadMarkets();
    expect(t.metals.Dy.worldSupplyKgPerYear!).toBeCloseTo(0.0112 * 390e6 * (325 / (325 + 47.997)), 3);
    expect(t.metals.Tb.worldSupplyKgPerYear!).toBeCloseTo(0.00154 * 390e6 * (635.701416 / (635.701416 + 111.993)), 3);
    const dy = marketImpact({ Dy: 500 }, t).elements[0];
    expect(dy.respondedPriceUsdPerKg).not.toBeNull();
    expect(dy.notes.join(' ')).toMatch(/world supply derived: 1\.12 % of world REO/);
  });

  it('a rare earth without an element supply figure gets no share rather than a share of all REO', () => {
    const pr = marketImpact({ Pr: 100 }, loadMarkets()).elements[0];
    expect(pr.shareOfWorldSupply).toBeNull();
    expect(pr.worldSupplyKgPerYear).toBeNull();
    expect(pr.notes.join(' ')).toMatch(/no world-supply figure for praseodymium alone/);
  });

  it('Rh, Ir and Ru respond to supply: 100 kg of Rh on 583,000 ozt (JM 2020) moves the price (1 + 100/18,133)^(−2)', () => {
    const t = loadMarkets();
    const rh = marketImpact({ Rh: 100 }, t).elements[0];
    expect(t.metals.Rh.worldSupplyKgPerYear).toBe(18_133); // 583,000 / 32.1507
    expect(583_000 / 32.1507).toBeCloseTo(18_133, 0);
    expect(rh.priceChangeFraction!).toBeCloseTo(Math.pow(1 + 100 / 18_133, -2) - 1, 12);
    // South Africa ~80 % (Heraeus): outside it 100 / (0.2 × 18,133).
    expect(rh.shareOfSupplyOutsideDominant!).toBeCloseTo(100 / (0.2 * 18_133), 12);
    for (const el of ['Ir', 'Ru']) {
      const e = marketImpact({ [el]: 10 }, t).elements[0];
      expect(e.respondedPriceUsdPerKg, el).not.toBeNull();
      expect(e.supplyApproximate, el).toBe(true);
    }
  });

  it('cobalt is priced from USGS MCS 2025 ($17.00/lb → $37.48/kg) and nickel from USGS MCS 2024 ($21,500/t)', () => {
    const t = loadMarkets();
    expect(t.metals.Co.priceUsdPerKg!).toBeCloseTo(17 / 0.45359237, 9);
    expect(t.metals.Co.priceApproximate).toBe(false);
    expect(t.metals.Ni.priceUsdPerKg!).toBeCloseTo(21.5, 12);
    expect(t.metals.Ni.priceSource).toMatch(/USGS MCS 2024/);
  });

  it('a shareOfGroup supply needs its group, a fraction and an oxide', () => {
    const base = JSON.parse(JSON.stringify({ atomicWeights: { O: 15.999, Nd: 144.242 }, groups: { REE: { worldSupply: { valueKgPerYear: 1e6, basis: 'REO', year: 2024, source: 'x' }, dominantProducer: { country: 'China', share: 0.5, source: 'x' } } } }));
    const ok = loadMarkets({ ...base, metals: { Nd: { group: 'REE', worldSupply: { shareOfGroup: 0.5, group: 'REE', basis: 'oxide', year: 2024, source: 'x' } } } });
    expect(ok.metals.Nd.worldSupplyKgPerYear!).toBeCloseTo(0.5e6 * (288.484 / 336.481), 6);
    expect(() => loadMarkets({ ...base, metals: { Nd: { worldSupply: { shareOfGroup: 0.5, group: 'XX', source: 'x' } } } })).toThrow(/no group "XX"/);
    expect(() => loadMarkets({ ...base, metals: { Nd: { worldSupply: { shareOfGroup: 1.5, group: 'REE', source: 'x' } } } })).toThrow(/shareOfGroup/);
  });
});
