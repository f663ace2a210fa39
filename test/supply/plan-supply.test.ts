// The supply model inside a plan: the scenario's semiconductor stack, the default capsule cost,
// one avoided-launch price, and both paths (Earth markets, orbit link) in every plan.
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/load.js';
import { plan } from '../../src/scenario/plan.js';
import { defaultCapsuleUnitCost } from '../../src/economics/capsule-cost.js';

const EARTH = `
name: supply test, Earth
target: {designation: "1997 XR2"}
delivery: earth
window: {launch: 2030-01-01..2038-12-31, maxTotalDays: 1500 d, minStayDays: 365 d}
spacecraft: {thrusterPreset: next-c, thrusters: 8, power: 60 kW, dryMass: 3000 kg, costUsdPerKg: 250000}
refinery: {route: melt-metal, concentratorDiameter: 20 m, products: [Pt, Pd, Ru, Ni], mass: 1000 kg, costUsd: 200000000}
capsules: {preset: stardust, payloadFraction: 0.3}
finance: {launchCostUsdPerKg: 2700, operationsUsdPerYear: 20000000}
supply:
  semiconductors:
    utilisation: 0.25
    dieAreaMm2: 8.14 cm^2
    layers:
      - {element: Pt, thicknessNm: 2 nm}
      - {element: Ru, thicknessNm: 2, levels: 6}
`;

const ORBIT = EARTH.replace('delivery: earth', 'delivery: orbit')
  .replace('products: [Pt, Pd, Ru, Ni]', 'products: [Fe, Ni, Pt]')
  .replace(/capsules: .*\n/, '')
  .concat('orbitalCompute: {satelliteCostUsdPerW: 5, launchCostUsdPerKg: 500}\n');

describe('supply and economics in the plan', { timeout: 60_000 }, () => {
  it('the scenario layer stack reaches the plan, structured, with units converted', async () => {
    const p = await plan(await parseScenarioText(EARTH, 'earth.yaml'), { samples: 0 });
    if (!p.supply.modelled || !p.supply.semiconductors || !p.delivered.modelled) throw new Error('not modelled');
    const se = p.supply.semiconductors;
    expect(p.supply.path).toBe('this mission');
    expect(se.stack).toBe('scenario');
    expect(se.layers.map((l) => [l.element, l.thicknessNm, l.levels])).toEqual([['Pt', 2, 1], ['Ru', 2, 6]]);
    expect(se.dieAreaMm2).toBeCloseTo(814, 9);
    expect(se.utilisation).toBe(0.25);
    const pt = se.elements.find((e) => e.element === 'Pt')!;
    const ptKg = p.delivered.byElement.find((e) => e.element === 'Pt')!.kg;
    // 21.45 g/cm³ × 706.858 cm² × 2e-7 cm / 0.25 g of Pt per wafer.
    expect(pt.wafersPerYear).toBeCloseTo((ptKg * 1000) / ((21.45 * Math.PI * 225 * 2e-7) / 0.25), 6);
    expect(pt.mgPerAccelerator).not.toBeNull();
    expect(se.notInStack).toEqual(['Pd', 'Ni']);
    expect(se.notInStackNote).toMatch(/^Pd, Ni: not in the wafer stack/);
    expect(JSON.stringify(p.supply)).not.toMatch(/ wafersPerYear"/); // no flattened "Pt wafersPerYear" keys
  });

  it('capsules get the Stardust-scaled default cost, and the plan says so', async () => {
    const p = await plan(await parseScenarioText(EARTH, 'earth.yaml'), { samples: 0 });
    if (!p.economics.modelled || !p.capsules.modelled) throw new Error('not modelled');
    const expected = defaultCapsuleUnitCost(p.capsules.capsuleMassKg).unitCostUsd;
    expect(p.economics.capsuleUnitCostUsd).toBeCloseTo(expected, 3);
    expect(p.economics.capsuleCostBasis).toMatch(/Stardust-scaled default/);
    expect(p.economics.costs.capsules).toBeGreaterThan(0);
    expect(p.warnings.join(' ')).not.toMatch(/capsules are priced at \$0/);
    // A given cost wins, and the basis names the scenario.
    const given = await plan(await parseScenarioText(EARTH.replace('payloadFraction: 0.3}', 'payloadFraction: 0.3, costUsd: 5000000}'), 'earth2.yaml'), { samples: 0 });
    if (!given.economics.modelled) throw new Error('not modelled');
    expect(given.economics.capsuleUnitCostUsd).toBe(5e6);
    expect(given.economics.capsuleCostBasis).toMatch(/capsules\.costUsd from scenario earth2\.yaml/);
  });

  it('an Earth plan also shows the orbit path, labelled as the comparison', async () => {
    const p = await plan(await parseScenarioText(EARTH, 'earth.yaml'), { samples: 0 });
    if (!p.orbitalCompute.modelled || !p.orbitalCompute.link) throw new Error('no link');
    const l = p.orbitalCompute.link;
    expect(l.path).toBe('if delivered to orbit');
    expect(p.orbitalCompute.replacedKg).toBe(0); // nothing of this mission reaches orbit
    // Ni is structural metal: it would replace launched mass; the PGMs have no use in orbit.
    expect(l.replacedKg).toBeGreaterThan(0);
    expect(l.launchCostSavedUsd).toBeCloseTo(l.replacedKg * p.orbitalCompute.launchUsdPerKg, 3);
    expect(Object.keys(l.unusedKg)).toEqual(expect.arrayContaining(['Pt', 'Pd', 'Ru']));
    expect(p.orbitalCompute.parityNote).toMatch(/no parity/); // defaults: $22/W satellites
    expect(typeof p.orbitalCompute.parityRawUsdPerKg).toBe('number');
  });

  it('an orbit plan: launch saved per GW, the parity before and after, the Earth path as comparison, one avoided-launch price', async () => {
    const p = await plan(await parseScenarioText(ORBIT, 'orbit.yaml'), { samples: 0 });
    if (!p.orbitalCompute.modelled || !p.orbitalCompute.link || !p.economics.modelled || !p.supply.modelled || !p.delivered.modelled) throw new Error('not modelled');
    const oc = p.orbitalCompute;
    const l = oc.link!;
    expect(l.path).toBe('this mission');
    expect(oc.replacedKg).toBe(l.replacedKg);
    expect(oc.launchCostSavedUsdPerGw).toBeCloseTo((l.replacedKg * 500) / oc.powerGw, 3);
    // $5/W satellites: a parity exists and moves up with the delivered mass (hand check in orbital-link.test.ts).
    expect(l.parityBeforeUsdPerKg).not.toBeNull();
    expect(l.parityAfterUsdPerKg!).toBeGreaterThan(l.parityBeforeUsdPerKg!);
    expect(l.parityChangeUsdPerKg).toBeCloseTo(l.parityAfterUsdPerKg! - l.parityBeforeUsdPerKg!, 9);
    // One price: the economics values orbit deliveries at the price the link saves.
    expect(p.economics.avoidedLaunchUsdPerKg).toBe(oc.launchUsdPerKg);
    expect(p.economics.avoidedLaunchBasis).toMatch(/orbitalCompute\.launchCostUsdPerKg/);
    expect(p.economics.capsuleUnitCostUsd).toBeNull();
    expect(p.supply.path).toBe('if returned to Earth');
    expect(p.supply.method).toMatch(/^comparison only/);
    expect(p.supply.elements.map((e) => e.element)).toEqual(['Fe', 'Ni', 'Pt']);
  });

  it('a bad layer fails with the scenario field named, before the trip search', async () => {
    const bad = EARTH.replace('{element: Ru, thicknessNm: 2, levels: 6}', '{element: Zz, thicknessNm: 2}');
    await expect(plan(await parseScenarioText(bad, 'bad.yaml'), { samples: 0 })).rejects.toThrow(/bad\.yaml: supply\.semiconductors\.layers\[1\]\.densityGcm3: no default density for Zz/);
    await expect(parseScenarioText(EARTH.replace('utilisation: 0.25', 'utilisaton: 0.25'), 'typo.yaml')).rejects.toThrow(/typo\.yaml: supply\.semiconductors: unknown field "utilisaton" \(did you mean "utilisation"\?\)/);
    await expect(parseScenarioText(EARTH.replace('thicknessNm: 2 nm', 'thicknessNm: 2 kg'), 'unit.yaml')).rejects.toThrow(/unit\.yaml: supply\.semiconductors\.layers\[0\]\.thicknessNm: .*wrong unit/);
  });
});
