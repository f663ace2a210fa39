// A Plan-shaped fixture for the screen tests: numbers are arbitrary (they only drive the UI), but
// the shape is the engine's `Plan` so a contract change breaks the typecheck here.
import type { Plan } from '../../src/scenario/plan-types.js';

const band = (p50: number, spread = 0.3) => {
  const [p10, p90] = [p50 * (1 - spread), p50 * (1 + spread)].sort((a, b) => a - b);
  return { p10, p50, p90, mean: p50 };
};

export function fixturePlan(opts: { powerW?: number; name?: string; designation?: string } = {}): Plan {
  const powerW = opts.powerW ?? 60000;
  // Delivered mass follows the power so a test can see a change propagate.
  const delivered = powerW / 1000;
  const designation = opts.designation ?? '1997 XR2';
  return {
    scenario: { name: opts.name ?? 'Fixture scenario', source: null, delivery: 'earth', samples: 200, seed: 42 },
    target: {
      modelled: true, designation, displayName: `(433953) ${designation}`, orbitClass: 'Apollo', spectralType: 'M', sizeBasis: 'measured',
      diameterKm: 0.259, diameterKmLow: 0.233, diameterKmHigh: 0.285, massKg: 3.2e10, massKgLow: 1.7e10, massKgHigh: 5.4e10, dvKmS: 5.51,
      orbit: { epochJd: 2459403.5, aAu: 1.076, e: 0.2, iDeg: 7.19 },
    },
    trajectory: {
      modelled: true, method: 'fixture', launch: '2033-12-11', arrival: '2034-08-17', departure: '2035-08-20', returnDate: '2036-05-10',
      outDays: 249, stayDays: 368, returnDays: 265, totalDays: 882, c3Km2S2: 17.4, dvDepartKmS: 3.95, vArrNeoKmS: 2.41, vDepNeoKmS: 2.13,
      dvEntryKmS: 0.1, entrySpeedKmS: 12, dvTotalKmS: 8.59, dvFactor: { low: 0.5, central: 1, high: 1, source: 'fixture' },
    },
    propulsion: {
      modelled: true, method: 'fixture', thrustN: 1.89, ispS: 4190, powerW, efficiency: 0.7, legs: [], propellantKg: 1276,
      launchMassKg: 5404, maxReturnCargoKg: 3655, feasible: true, binding: null,
    },
    refining: {
      modelled: true, method: 'fixture', route: 'melt-metal', stayDays: 368, concentratorAreaM2: 314, absorbedPowerMeanW: 2.8e5,
      processedKg: 1.7e6, products: [{ element: 'Pt', grade: 1e-5, recovery: 0.9, yieldKg: delivered / 2, band: band(delivered / 2) }], monthly: [], refinedKg: delivered, capped: false,
    },
    capsules: {
      modelled: true, method: 'fixture', design: 'Stardust SRC-class', capsuleMassKg: 45.8, payloadKg: 13.7, count: 4, band: band(4, 0.25),
      entry: { speedKmS: 12, fpaDeg: -8.2, peakDecelG: 34, peakHeatFluxWCm2: 656, heatLoadJCm2: 18800 },
    },
    delivered: {
      modelled: true, destination: 'earth', refinedKg: delivered, leftBehindKg: 0, consumedKg: 0, deliveredKg: delivered, identity: 'fixture',
      band: band(delivered), byElement: [{ element: 'Pt', kg: delivered / 2, band: band(delivered / 2) }],
    },
    supply: {
      modelled: true, method: 'fixture',
      elements: [{ element: 'Pt', deliveredKgPerYear: delivered / 2, worldSupplyKgPerYear: 170000, shareOfWorld: delivered / 2 / 170000, shareOutsideDominant: null, priceUsdPerKg: 31500, respondedPriceUsdPerKg: 31490, source: 'fixture' }],
      semiconductors: { die: 'fixture die', limitingElement: 'Pt', fullStackWafersPerYear: 0, 'Pt wafersPerYear': 1000, 'Pt acceleratorsPerYear': 5000 },
    },
    orbitalCompute: {
      modelled: true, method: 'fixture', powerGw: 1, years: 5, launchUsdPerKg: 500, satellites: 37000, massKg: 2.7e7, orbitalTotalUsd: 5.1e10,
      terrestrialTotalUsd: 1.59e10, parityLaunchUsdPerKg: null, replacedKg: 0, launchCostSavedUsd: 0, parityWithDeliveryUsdPerKg: null,
    },
    economics: {
      modelled: true, method: 'fixture', revenueUsd: 1.1e7, costUsd: 2.78e9, costs: {}, npvUsd: -1.62e9, irr: null, paybackYear: null, discountRate: 0.08,
      band: band(-1.7e9, 0.2),
    },
    uncertainty: {
      samples: 200, seed: 42, infeasibleSamples: 0, inputs: [],
      bands: { deliveredKg: band(delivered), capsules: band(4, 0.25), npvUsd: band(-1.7e9, 0.2), yieldKg: [{ element: 'Pt', band: band(delivered / 2) }] },
    },
    forecast: [{ year: 2036, date: '2036-05-11', mission: 1, element: 'Pt', p10Kg: delivered * 0.35, p50Kg: delivered / 2, p90Kg: delivered * 0.65, p10Usd: 1, p50Usd: 2, p90Usd: 3 }],
    warnings: ['fixture warning'],
  };
}

/** A scenario module whose plan() reflects the document's spacecraft power (bare W or "N kW"). */
export function fakeScenarioModule(calls: unknown[] = []) {
  return {
    parseScenario: async (doc: Record<string, any>) => doc,
    plan: async (doc: Record<string, any>) => {
      calls.push(doc);
      const p = doc.spacecraft?.power;
      const powerW = typeof p === 'number' ? p : typeof p === 'string' && /kW$/.test(p) ? Number(p.replace(/\s*kW$/, '')) * 1000 : 60000;
      return fixturePlan({ powerW, designation: String(doc.target?.designation ?? '1997 XR2') });
    },
  };
}

export const FIXTURE_SCENARIO_YAML = `name: Fixture scenario
target:
  designation: "1999 RQ36"
window:
  launch: 2030-01-01..2034-12-31
spacecraft:
  power: 60 kW
  dryMass: 3000 kg
  thrusters: 8
refinery:
  route: melt-metal
  concentratorDiameter: 20 m
  captureEfficiency: {min: 0.3, mode: 0.5, max: 0.7}
  products: [Pt]
capsules:
  preset: stardust
`;
