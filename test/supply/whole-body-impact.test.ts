import { describe, expect, it } from 'vitest';
import { compositionFractions, wholeBodyMarketImpact } from '../../src/supply/whole-body-impact.js';
import { loadMarkets } from '../../src/supply/market-data.js';

describe('whole-body market impact', () => {
  const ptPrice = 980 * 32.1507; // USGS MCS 2023, $/kg

  it('contained Pt in years of world supply and the implied price (hand check)', () => {
    // 1e12 kg at 10 ppm Pt = 1e7 kg = 58.82 years of the 170 t/yr world supply (USGS MCS 2024).
    const r = wholeBodyMarketImpact(1e12, { Pt: 1e-5 });
    const pt = r.elements[0];
    expect(pt.containedKg).toBeCloseTo(1e7, 3);
    expect(pt.yearsOfWorldSupply!).toBeCloseTo(1e7 / 170_000, 9);
    expect(pt.naiveValueUsd!).toBeCloseTo(1e7 * ptPrice, 0);
    // Sold within one year at ε = −0.5: p = p0·(1 + 58.82)^(−2).
    expect(pt.impliedPriceUsdPerKg!).toBeCloseTo(ptPrice * Math.pow(1 + 1e7 / 170_000, -2), 6);
    expect(r.modelledValueAtImpliedPriceUsd).toBeLessThan(r.modelledNaiveValueUsd / 1000);
    expect(r.modelledValueAtImpliedPriceUsd).toBeCloseTo(1e7 * pt.impliedPriceUsdPerKg!, 3);
    // Spread over 100 years the price falls far less.
    const slow = wholeBodyMarketImpact(1e12, { Pt: 1e-5 }, { releaseYears: 100 });
    expect(slow.elements[0].impliedPriceUsdPerKg!).toBeCloseTo(ptPrice * Math.pow(1 + 1e5 / 170_000, -2), 6);
  });

  it('reads the catalog composition shape ({elements: {Pt: {p50, mean, …}}}) and skips untraded keys', () => {
    const catalogLike = {
      basis: 'class',
      elements: {
        Pt: { unit: 'massFraction', dist: 'triangular', p10: 6e-6, p50: 1e-5, p90: 1.4e-5, mean: 1e-5, source: 'IAB/IIIAB' },
        REE: { unit: 'massFraction', dist: 'fixed', p10: 0, p50: 0, p90: 0, mean: 0, source: 'x' },
        Si: { unit: 'massFraction', dist: 'fixed', p10: 0.1, p50: 0.1, p90: 0.1, mean: 0.1, source: 'x' },
      },
      notes: [],
    };
    expect(compositionFractions(catalogLike)).toEqual({ Pt: 1e-5, Si: 0.1 });
    const r = wholeBodyMarketImpact(1e12, catalogLike);
    expect(r.elements.map((e) => e.element)).toEqual(['Pt']);
  });

  it('metals without market data are counted but not valued; a rare earth against its own supply, ΣREE against world REO', () => {
    const table = loadMarkets();
    const r = wholeBodyMarketImpact(1e15, { Os: 1e-6, Fe: 0.9, Nd: 4.7e-7, Ce: 6e-7 });
    const os = r.elements.find((e) => e.element === 'Os')!;
    expect(os.containedKg).toBeCloseTo(1e9, 0);
    expect(os.naiveValueUsd).toBeNull();
    const nd = r.elements.find((e) => e.element === 'Nd')!;
    const ndFrac = (table.atomicWeights.Nd * 2) / (table.atomicWeights.Nd * 2 + 3 * 15.999);
    // Nd supply = 15 % of world REO as Nd2O3, as metal (data/markets.json).
    expect(nd.yearsOfWorldSupply!).toBeCloseTo((1e15 * 4.7e-7) / (0.15 * 390e6 * ndFrac), 9);
    expect(nd.impliedPriceUsdPerKg).not.toBeNull();
    // Ce has no element supply: no years, and never a share of all REO.
    const ce = r.elements.find((e) => e.element === 'Ce')!;
    expect(ce.yearsOfWorldSupply).toBeNull();
    expect(ce.notes.join(' ')).toMatch(/only the ΣREE group/);
    // The group line: Nd as Nd2O3 plus Ce as CeO2 against 390,000 t REO.
    const ceFrac = table.atomicWeights.Ce / (table.atomicWeights.Ce + 2 * 15.999);
    expect(r.ree!.yearsOfWorldSupply).toBeCloseTo((1e15 * 4.7e-7) / ndFrac / 390e6 + (1e15 * 6e-7) / ceFrac / 390e6, 9);
    // Iron: years of supply against the 1,600 Mt of iron mined in 2024 (USGS MCS 2025), but no price.
    const fe = r.elements.find((e) => e.element === 'Fe')!;
    expect(fe.yearsOfWorldSupply!).toBeCloseTo(9e14 / 1.6e12, 9);
    expect(fe.impliedPriceUsdPerKg).toBeNull();
    expect(r.unpricedWithSupply).toEqual(['Fe']);
    expect(r.summary).toMatch(/Fe: years of supply only/);
  });

  it('Rh, Ir and Ru now carry years of supply and an implied price (no "no world-supply figure" for them)', () => {
    const rh = wholeBodyMarketImpact(1e12, { Rh: 1e-6, Pt: 1e-5, Ir: 1e-6, Ru: 1e-6 });
    expect(rh.unmodelledElements).toEqual([]);
    const r = rh.elements.find((e) => e.element === 'Rh')!;
    expect(r.yearsOfWorldSupply!).toBeCloseTo(1e6 / 18_133, 9);
    expect(r.impliedPriceUsdPerKg!).toBeCloseTo(17_000 * 32.1507 * Math.pow(1 + 1e6 / 18_133, -2), 6);
    expect(rh.modelledNaiveValueUsd).toBeCloseTo(rh.totalNaiveValueUsd, 0);
    expect(rh.summary).not.toMatch(/no world-supply figure/);
    expect(rh.summary).toMatch(/years of world iridium supply/);
  });

  it('a priced metal without supply is listed apart, never mixed into the responded total', () => {
    const markets = loadMarkets();
    const noRh = { ...markets, metals: { ...markets.metals, Rh: { ...markets.metals.Rh, worldSupplyKgPerYear: null } } };
    const r = wholeBodyMarketImpact(1e12, { Rh: 1e-6, Pt: 1e-5 }, { markets: noRh });
    expect(r.unmodelledElements).toEqual(['Rh']);
    expect(r.unmodelledNaiveValueUsd).toBeCloseTo(1e6 * 17_000 * 32.1507, 0);
    expect(r.totalNaiveValueUsd).toBeCloseTo(r.unmodelledNaiveValueUsd + r.modelledNaiveValueUsd, 0);
    expect(r.summary).toMatch(/Rh .* has a price but no world-supply figure/);
  });

  it('carries the body’s mass range into years of supply', () => {
    const r = wholeBodyMarketImpact(1e12, { Pt: 1e-5 }, { massKgLow: 5e11, massKgHigh: 2e12 });
    expect(r.massKgRange).toEqual([5e11, 2e12]);
    expect(r.elements[0].yearsOfWorldSupplyRange![0]).toBeCloseTo(5e6 / 170_000, 9);
    expect(r.elements[0].yearsOfWorldSupplyRange![1]).toBeCloseTo(2e7 / 170_000, 9);
  });

  it('rejects a negative mass', () => {
    expect(() => wholeBodyMarketImpact(-1, { Pt: 1e-5 })).toThrow(/massKg/);
  });
});
