import { describe, expect, it } from 'vitest';
import { orbitalDataCenter } from '../../src/supply/orbital-data-center.js';
import { orbitalLink } from '../../src/supply/orbital-link.js';

describe('orbitalLink: material delivered to orbit replaces launched mass', () => {
  it('1,000 t of iron saves 1,000 t × $500/kg = $500 M of launch on the default 1 GW', () => {
    const r = orbitalLink({ deliveredToOrbitKg: { Fe: 1e6 } });
    expect(r.replacedKg).toBe(1e6);
    expect(r.launchCostSavedUsd).toBeCloseTo(5e8, 3);
    expect(r.launchCostSavedUsdPerGw).toBeCloseTo(5e8, 3);
    const structure = r.categories.find((c) => c.category === 'structure')!;
    // Structure need = 20 % of the 29,390 t constellation (data/orbital-compute.json massBreakdown).
    expect(structure.needKg).toBeCloseTo(0.2 * orbitalDataCenter().massKg, 3);
    expect(structure.coverage).toBeCloseTo(1e6 / structure.needKg, 12);
    expect(r.withDelivery.cost.launch).toBeCloseTo(r.baseline.cost.launch - 5e8, 3);
  });

  it('raises the parity launch price: (T − fixed)/(M − replaced) (hand check with $5/W satellites)', () => {
    const base = orbitalDataCenter({ satUsdPerW: 5 });
    const fixed = base.cost.total - base.cost.launch;
    const expected = (base.terrestrial.total - fixed) / (base.massKg - 1e6);
    const r = orbitalLink({ deliveredToOrbitKg: { Fe: 8e5, Ni: 2e5 }, odc: { satUsdPerW: 5 } });
    expect(r.parity.baselineUsdPerKg!).toBeCloseTo(base.parityLaunchCostUsdPerKg!, 9);
    expect(r.parity.withDeliveryUsdPerKg!).toBeCloseTo(expected, 9);
    expect(r.parity.changeUsdPerKg!).toBeGreaterThan(0);
  });

  it('pricing the delivered material lowers that gain', () => {
    const free = orbitalLink({ deliveredToOrbitKg: { Fe: 1e6 }, odc: { satUsdPerW: 5 } });
    const priced = orbitalLink({ deliveredToOrbitKg: { Fe: 1e6 }, odc: { satUsdPerW: 5 }, deliveredCostUsdPerKg: 300 });
    expect(priced.parity.withDeliveryUsdPerKg!).toBeLessThan(free.parity.withDeliveryUsdPerKg!);
    expect(priced.withDelivery.cost.inOrbitMaterial).toBeCloseTo(3e8, 3);
  });

  it('fills structure, then radiators; surplus and non-structural elements are reported unused', () => {
    const big = orbitalLink({ deliveredToOrbitKg: { Fe: 1e9, H2O: 1e9, Pt: 5 } });
    const [s, rad, w] = big.categories;
    expect(s.coverage).toBeCloseTo(1, 12);
    expect(rad.coverage).toBeCloseTo(1, 12);
    expect(w.coverage).toBeCloseTo(1, 12);
    expect(big.unusedKg.Pt).toBe(5);
    expect(big.unusedKg.metal).toBeCloseTo(1e9 - s.needKg - rad.needKg, 0);
    expect(big.notes.join(' ')).toMatch(/Pt: no structural/);
  });

  it('no parity with or without delivery at the defaults, and it says so', () => {
    const r = orbitalLink({ deliveredToOrbitKg: { Fe: 1e6 } });
    expect(r.parity.baselineUsdPerKg).toBeNull();
    expect(r.parity.withDeliveryUsdPerKg).toBeNull();
    expect(r.parity.changeUsdPerKg).toBeNull();
    expect(r.parity.note).toMatch(/no parity/);
  });

  it('rejects negative deliveries', () => {
    expect(() => orbitalLink({ deliveredToOrbitKg: { Fe: -1 } })).toThrow(/deliveredToOrbitKg\.Fe/);
  });
});
