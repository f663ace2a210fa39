import { describe, expect, it } from 'vitest';
import { launchCostSweep, meanDegradationFactor, orbitalDataCenter, satellitePresets } from '../../src/supply/orbital-data-center.js';
import { radiatorAreaM2, radiatorFluxWPerM2, solarArrayAreaM2, solarArrayPowerW } from '../../src/supply/thermal-sizing.js';

// Seed figures are quoted to 2–4 significant digits; compare at that precision.
const REL_SEED = 5e-3;
// Exact arithmetic on the same inputs.
const REL_ARITH = 1e-12;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// An idealised GW: no eclipse, no degradation, satellites dividing 1 GW exactly (40 kW × 25,000),
// so mass = P / specific power exactly, as in the BNP Paribas seed.
const IDEAL = { sunFraction: 1, degradationPerYear: 0, satPowerW: 40_000, specificPowerWPerKg: 50 };

describe('seed checks (DESIGN §2.7)', () => {
  it('≈ 20,000 t per GW at 50 W/kg (BNP Paribas)', () => {
    const r = orbitalDataCenter(IDEAL);
    expect(r.satellites).toBe(25_000);
    expect(rel(r.massT, 20_000)).toBeLessThan(REL_ARITH);
  });

  it('launch $30 B at $1,500/kg and $72 B at $3,600/kg', () => {
    expect(rel(orbitalDataCenter({ ...IDEAL, launchUsdPerKg: 1500 }).cost.launch, 30e9)).toBeLessThan(REL_ARITH);
    expect(rel(orbitalDataCenter({ ...IDEAL, launchUsdPerKg: 3600 }).cost.launch, 72e9)).toBeLessThan(REL_ARITH);
  });

  it('2σT⁴ = 837.5 W/m² at 293.15 K (two-sided black plate)', () => {
    expect(rel(radiatorFluxWPerM2(293.15), 837.5)).toBeLessThan(1e-4); // 837.53 with CODATA σ
    expect(radiatorFluxWPerM2(293.15, 1, 1)).toBeCloseTo(radiatorFluxWPerM2(293.15) / 2, 12);
  });

  it('63,183 m² of radiator per 40 MW at Starcloud’s net 633.08 W/m²', () => {
    expect(Math.round(radiatorAreaM2(40e6, 633.08))).toBe(63_183);
  });

  it('Starcloud 4 km × 4 km array at 22 % → 4.79 GW at 1361 W/m²', () => {
    const p = solarArrayPowerW(4000 * 4000, 0.22);
    expect(rel(p, 4.79e9)).toBeLessThan(REL_SEED);
    expect(solarArrayAreaM2(p, 0.22)).toBeCloseTo(16e6, 3);
  });
});

describe('orbitalDataCenter with the DESIGN defaults (1 GW, 5 yr, $500/kg, $22/W, 36.5 W/kg, 27 kW)', () => {
  const r = orbitalDataCenter();
  // Hand calculation: mean (0.975^0..4) = 4.756172265625/5; P_req = 1e9/(0.98 × 0.951234453125)
  // = 1.07272 GW → ceil(39,730.3) = 39,731 satellites.
  it('sizes the constellation', () => {
    expect(meanDegradationFactor(0.025, 5)).toBeCloseTo(0.951234453125, 14);
    // A fractional year weighs in with its fraction: 2.5 yr → (1 + 0.975 + 0.5·0.950625)/2.5.
    expect(meanDegradationFactor(0.025, 2.5)).toBeCloseTo((1 + 0.975 + 0.5 * 0.950625) / 2.5, 14);
    expect(r.requiredPowerW).toBeCloseTo(1e9 / (0.98 * 0.951234453125), 3);
    expect(r.satellites).toBe(39_731);
    expect(r.massKg).toBeCloseTo((39_731 * 27_000) / 36.5, 6);
  });

  it('costs every line as the open form says', () => {
    const hw = 22 * 39_731 * 27_000; // $23.600 B
    expect(r.cost.hardware).toBeCloseTo(hw, 0);
    expect(r.cost.launch).toBeCloseTo(500 * r.massKg, 0);
    expect(r.cost.ops).toBeCloseTo(0.01 * 5 * hw, 0);
    expect(r.cost.gpuReplacement).toBeCloseTo(0.09 * 5 * hw, 0);
    expect(r.cost.nre).toBe(1e9);
    expect(r.cost.total).toBeCloseTo(hw + 500 * r.massKg + 0.5 * hw + 1e9, 0);
    expect(r.lcoeUsdPerMWh).toBeCloseTo(r.cost.total / (1000 * 8760 * 5), 9);
  });

  it('terrestrial: capex P·(1.8·PUE + 12.5) $/W and gas fuel (McCalip ≈ $15.9 B)', () => {
    expect(r.terrestrial.capex).toBeCloseTo(1e9 * (1.8 * 1.2 + 12.5), 0); // $14.66 B
    // 1e6 kW × 1.2 × 8760 h × 5 × 0.85 × 6200 BTU/kWh × $4.30/MMBtu = $1,191,062,160
    expect(r.terrestrial.fuel).toBeCloseTo(1_191_062_160, 0);
    expect(r.terrestrial.lcoeUsdPerMWh).toBeCloseTo(r.terrestrial.total / (1000 * 8760 * 5 * 0.85), 9);
  });

  it('no parity at the defaults: the non-launch costs alone exceed terrestrial, and it says so', () => {
    expect(r.parityLaunchCostUsdPerKg).toBeNull();
    expect(r.parityRawUsdPerKg).toBeLessThan(0);
    expect(r.parityNote).toMatch(/no parity/);
  });
});

describe('parity launch price', () => {
  it('orbital total equals terrestrial at the parity price ($5/W satellites: ≈ $232/kg)', () => {
    const r = orbitalDataCenter({ satUsdPerW: 5 });
    expect(r.parityLaunchCostUsdPerKg).not.toBeNull();
    expect(r.parityLaunchCostUsdPerKg!).toBeCloseTo(231.56, 1);
    const at = orbitalDataCenter({ satUsdPerW: 5, launchUsdPerKg: r.parityLaunchCostUsdPerKg! });
    expect(rel(at.cost.total, at.terrestrial.total)).toBeLessThan(1e-12);
  });

  it('the sweep is linear in launch price and brackets the parity', () => {
    const { rows } = launchCostSweep({ satUsdPerW: 5 }, 200, 3600, 18);
    expect(rows).toHaveLength(18);
    expect(rows[0].launchUsdPerKg).toBe(200);
    expect(rows[17].launchUsdPerKg).toBe(3600);
    const slope = (rows[1].orbitalTotalUsd - rows[0].orbitalTotalUsd) / (rows[1].launchUsdPerKg - rows[0].launchUsdPerKg);
    expect(slope).toBeCloseTo(orbitalDataCenter({ satUsdPerW: 5 }).massKg, 3);
    expect(rows[0].orbitalTotalUsd).toBeLessThan(rows[0].terrestrialTotalUsd);
    expect(rows[17].orbitalTotalUsd).toBeGreaterThan(rows[17].terrestrialTotalUsd);
  });
});

describe('LCOE per delivered MWh', () => {
  it('orbital energy has no capacity factor (the constellation is oversized), terrestrial energy has CF 0.85; both say so', () => {
    const r = orbitalDataCenter();
    expect(r.energyMWh).toBeCloseTo(1000 * 8760 * 5, 6);
    expect(r.terrestrial.energyMWh).toBeCloseTo(1000 * 8760 * 5 * 0.85, 6);
    expect(r.energyBasis).toMatch(/no capacity factor/);
    expect(r.terrestrial.energyBasis).toMatch(/capacity factor 0\.85/);
  });
  it('the per-MWh parity price makes the LCOEs equal; it sits above the totals parity because terrestrial delivers 15 % less energy', () => {
    const r = orbitalDataCenter({ satUsdPerW: 5 });
    const L = r.parityLcoeLaunchCostUsdPerKg!;
    // Hand check: (T/CF − fixed)/M with T = terrestrial total, fixed = non-launch orbital costs, M = launched mass.
    const fixed = r.cost.total - r.cost.launch;
    expect(L).toBeCloseTo((r.terrestrial.total / 0.85 - fixed) / r.massKg, 6);
    const at = orbitalDataCenter({ satUsdPerW: 5, launchUsdPerKg: L });
    expect(rel(at.lcoeUsdPerMWh, at.terrestrial.lcoeUsdPerMWh)).toBeLessThan(1e-12);
    expect(L).toBeGreaterThan(r.parityLaunchCostUsdPerKg!);
    expect(orbitalDataCenter().parityLcoeLaunchCostUsdPerKg).toBeNull(); // defaults: none
  });
});

describe('presets and validation', () => {
  it('bundled presets carry sources and their figures reach the model', () => {
    const presets = satellitePresets();
    expect(presets.map((p) => p.id)).toEqual(expect.arrayContaining(['starlink-v2-mini', 'starcloud-1']));
    for (const p of presets) expect(p.source.length).toBeGreaterThan(20);
    const sc = orbitalDataCenter({ preset: 'starcloud-1', powerW: 700 * 100 });
    expect(sc.inputs.satPowerW).toBe(700);
    expect(sc.inputs.specificPowerWPerKg).toBeCloseTo(700 / 60, 2);
    // An explicit option wins over the preset.
    expect(orbitalDataCenter({ preset: 'starcloud-1', satPowerW: 1000 }).inputs.satPowerW).toBe(1000);
  });

  it('rejects bad inputs naming the field', () => {
    expect(() => orbitalDataCenter({ preset: 'nope' })).toThrow(/preset/);
    expect(() => orbitalDataCenter({ sunFraction: 0 })).toThrow(/sunFraction/);
    expect(() => orbitalDataCenter({ years: 0 })).toThrow(/years/);
    expect(() => orbitalDataCenter({ specificPowerWPerKg: -1 })).toThrow(/specificPowerWPerKg/);
    expect(() => orbitalDataCenter({ terrestrial: { capacityFactor: 0 } })).toThrow(/capacityFactor/);
  });
});
