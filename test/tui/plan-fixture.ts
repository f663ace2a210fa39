// A Plan-shaped fixture for the screen tests: numbers are arbitrary (they only drive the UI), but
// the shape is the engine's `Plan` so a contract change breaks the typecheck here.
import type { Plan } from '../../src/scenario/plan-types.js';

const band = (p50: number, spread = 0.3) => {
  const [p10, p90] = [p50 * (1 - spread), p50 * (1 + spread)].sort((a, b) => a - b);
  return { p10, p50, p90, mean: p50 };
};

export interface FixtureOpts {
  powerW?: number;
  name?: string;
  designation?: string;
  /** Trajectory dates (ISO): launch and arrival at the asteroid. */
  launch?: string;
  arrival?: string;
  /** Products (default Pt); each next one yields half the previous. */
  elements?: string[];
  warnings?: string[];
  samples?: number;
}

const addDays = (iso: string, d: number) => new Date(Date.parse(iso + 'T00:00:00Z') + d * 86400e3).toISOString().slice(0, 10);

export function fixturePlan(opts: FixtureOpts = {}): Plan {
  const powerW = opts.powerW ?? 60000;
  // Delivered mass follows the power so a test can see a change propagate.
  const delivered = powerW / 1000;
  const designation = opts.designation ?? '1997 XR2';
  const launch = opts.launch ?? '2033-12-11';
  const arrival = opts.arrival ?? addDays(launch, 249);
  const outDays = Math.round((Date.parse(arrival) - Date.parse(launch)) / 86400e3);
  const departure = addDays(arrival, 368);
  const elements = opts.elements ?? ['Pt'];
  const samples = opts.samples ?? 200;
  const share = (k: number) => delivered / 2 / 2 ** k;
  return {
    scenario: { name: opts.name ?? 'Fixture scenario', source: null, delivery: 'earth', samples, seed: 42, launchWindow: { from: '2030-01-01', to: '2038-12-31', basis: 'scenario' } },
    target: {
      modelled: true, designation, displayName: `(433953) ${designation}`, orbitClass: 'Apollo', spectralType: 'M', sizeBasis: 'measured',
      diameterKm: 0.259, diameterKmLow: 0.233, diameterKmHigh: 0.285, massKg: 3.2e10, massKgLow: 1.7e10, massKgHigh: 5.4e10, dvKmS: 5.51,
      orbit: { epochJd: 2459403.5, aAu: 1.076, e: 0.2, iDeg: 7.19 },
    },
    trajectory: {
      modelled: true, method: 'fixture', launch, arrival, departure, returnDate: addDays(departure, 265),
      outDays, stayDays: 368, returnDays: 265, totalDays: outDays + 368 + 265, c3Km2S2: 17.4, dvDepartKmS: 3.95, vArrNeoKmS: 2.41, vDepNeoKmS: 2.13,
      dvEntryKmS: 0.1, entrySpeedKmS: 12, dvTotalKmS: 8.59, dvFactor: { low: 0.5, central: 1, high: 1, source: 'fixture' },
    },
    propulsion: {
      modelled: true, method: 'fixture', thrustN: 1.89, ispS: 4190, powerW, efficiency: 0.7, legs: [], propellantKg: 1276,
      launchMassKg: 5404, maxReturnCargoKg: 3655, returnCargoKg: delivered, capsuleTareKg: 120, cargoMethod: 'fixture', feasible: true, binding: null,
      returnLimitedBy: 'refined yield', constraints: [],
    },
    refining: {
      modelled: true, method: 'fixture', route: 'melt-metal', stayDays: 368, concentratorAreaM2: 314, absorbedPowerMeanW: 2.8e5,
      processedKg: 1.7e6, products: elements.map((element, k) => ({ element, grade: 1e-5, recovery: 0.9, yieldKg: share(k), band: band(share(k)) })), monthly: [], refinedKg: delivered, capped: false,
    },
    capsules: {
      modelled: true, method: 'fixture', design: 'Stardust SRC-class', capsuleMassKg: 45.8, payloadKg: 13.7, count: 4, band: band(4, 0.25),
      entry: { speedKmS: 12, fpaDeg: -8.2, peakDecelG: 34, peakHeatFluxWCm2: 656, heatLoadJCm2: 18800 },
    },
    delivered: {
      modelled: true, destination: 'earth', refinedKg: delivered, leftBehindKg: 0, consumedKg: 0, deliveredKg: delivered, identity: 'fixture',
      band: band(delivered), byElement: elements.map((element, k) => ({ element, kg: share(k), band: band(share(k)) })),
    },
    supply: {
      modelled: true, method: 'fixture', path: 'this mission',
      elements: elements.map((element, k) => ({
        element, deliveredKgPerYear: share(k), worldSupplyKgPerYear: 170000, supplyApproximate: false, shareOfWorld: share(k) / 170000, shareOutsideDominant: null,
        dominantProducer: 'South Africa', priceUsdPerKg: 31500, respondedPriceUsdPerKg: 31490, priceChangeFraction: -0.0003, source: 'fixture', notes: [],
      })),
      ree: null,
      semiconductors: {
        method: 'fixture', stack: 'default', layers: [], utilisation: 0.3, die: 'fixture die', dieAreaMm2: 814, grossDiesPerWafer: 70, dieYield: 0.8, goodDiesPerWafer: 56, dieNote: null,
        elements: [{ element: 'Pt', deliveredKgPerYear: delivered / 2, gramsPerWafer: 0.01, wafersPerYear: 1000, acceleratorsPerYear: 5000, mgPerAccelerator: 2, shareOfWorldWafers: 1e-5 }],
        notInStack: [], notInStackNote: null, limitingElement: 'Pt', fullStackWafersPerYear: 0, worldWafersPerYear: 1e8, worldWafersYear: 2024,
      },
      semiconductorsNote: null,
    },
    orbitalCompute: {
      modelled: true, method: 'fixture', powerGw: 1, years: 5, launchUsdPerKg: 500, satellites: 37000, massKg: 2.7e7, orbitalTotalUsd: 5.1e10,
      terrestrialTotalUsd: 1.59e10, launchPriceBasis: 'fixture launch price', parityLaunchUsdPerKg: null, parityRawUsdPerKg: -1200,
      parityNote: 'the orbital hardware alone costs more than the ground alternative, so no launch price reaches parity at these inputs',
      parityLcoeLaunchUsdPerKg: null, lcoeUsdPerMWh: 900, terrestrialLcoeUsdPerMWh: 300, lcoeBasis: 'fixture', replacedKg: 0, launchCostSavedUsd: 0,
      launchCostSavedUsdPerGw: 0, parityWithDeliveryUsdPerKg: null, link: null,
    },
    economics: {
      modelled: true, method: 'fixture', revenueUsd: 1.1e7, costUsd: 2.78e9, costs: {}, npvUsd: -1.62e9, irr: null, paybackYear: null, discountRate: 0.08,
      band: band(-1.7e9, 0.2), capsuleUnitCostUsd: 2e6, capsuleCostBasis: 'fixture', avoidedLaunchUsdPerKg: 500, avoidedLaunchBasis: 'fixture',
    },
    uncertainty: {
      samples, seed: 42, infeasibleSamples: 0, inputs: [],
      bands: { deliveredKg: band(delivered), capsules: band(4, 0.25), npvUsd: band(-1.7e9, 0.2), yieldKg: elements.map((element, k) => ({ element, band: band(share(k)) })) },
    },
    forecast: [{ year: 2036, date: '2036-05-11', mission: 1, element: 'Pt', p10Kg: delivered * 0.35, p50Kg: delivered / 2, p90Kg: delivered * 0.65, p10Usd: 1, p50Usd: 2, p90Usd: 3 }],
    warnings: opts.warnings ?? ['fixture warning'],
  };
}

/**
 * A scenario module whose plan() reflects the document's spacecraft power (bare W or "N kW");
 * `calls` records each planned document with the sample count, seed, catalog and date asked for; `extra` adds fixture options.
 */
export function fakeScenarioModule(calls: unknown[] = [], extra: FixtureOpts | ((doc: Record<string, any>) => FixtureOpts) = {}) {
  return {
    parseScenario: async (doc: Record<string, any>) => doc,
    plan: async (doc: Record<string, any>, opts: { samples?: number; seed?: number; catalog?: string; today?: string } = {}) => {
      calls.push({ ...doc, __samples: opts.samples, __seed: opts.seed, __catalog: opts.catalog, __today: opts.today });
      const p = doc.spacecraft?.power;
      const powerW = typeof p === 'number' ? p : typeof p === 'string' && /kW$/.test(p) ? Number(p.replace(/\s*kW$/, '')) * 1000 : 60000;
      const more = typeof extra === 'function' ? extra(doc) : extra;
      return fixturePlan({ powerW, designation: String(doc.target?.designation ?? '1997 XR2'), samples: opts.samples, ...more });
    },
  };
}

export const FIXTURE_SCENARIO_YAML = `# Fixture scenario for the TUI tests.
name: Fixture scenario
description: A fixture scenario about Bennu.
target:
  designation: "1999 RQ36"
window:
  launch: 2030-01-01..2034-12-31
  minStayDays: 30 d   # short, so picks have room
spacecraft:
  power: 60 kW        # at 1 AU
  dryMass: {min: 2900 kg, mode: 3000 kg, max: 3600 kg}
  thrusterPreset: next-c
  thrusters: 8
refinery:
  route: melt-metal
  concentratorDiameter: 20 m
  captureEfficiency: {min: 0.3, mode: 0.5, max: 0.7}
  dutyCycle: {p10: 0.4, p50: 0.5, p90: 0.6}
  products: [Pt]
capsules:
  preset: stardust
uncertainty:
  samples: 500
`;
