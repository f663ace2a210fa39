/**
 * The domain chain behind plan(): adapters from the scenario to each engine module.
 *
 * - `prepareChain` does the once-per-plan work: catalog lookup, the NHATS-style round-trip search
 *   (the expensive part), thruster and capsule resolution, the base propulsion report (with the
 *   MIMA/Damon checks), and registers every uncertain input.
 * - `evaluateChain` runs the per-sample stages, all cheap: refining yield over the stay (daily
 *   steps), the cargo the return leg can carry (rocket equation, burn-time checks, capsules'
 *   tare on the way back), capsules, market-responded value, mission economics.
 * - `describeChain` turns the base case (and the sample bands) into the Plan's sections.
 *
 * Mass identity (Earth and orbit deliveries alike):
 *   deliveredKg = refinedKg − leftBehindKg − consumedKg
 * where leftBehindKg is refined product the return leg cannot carry (the propulsion module's
 * largest returnable cargo with the capsules' tare aboard) and consumedKg is product the mission
 * burns itself — 0 here: the ion thrusters use xenon brought from Earth, not refined water.
 */
import { DAY_S, G0_MS2 } from '../astro/constants.js';
import { parseIsoToJdTdb } from '../astro/time.js';
import { compositionFor, findAsteroid, loadCatalog, type Asteroid } from '../catalog/index.js';
import type { Composition } from '../catalog/composition.js';
import { defaultCapsuleUnitCost, missionEconomics, type Delivery, type MissionEconomicsResult } from '../economics/index.js';
import { CancelledError, InputError, NoSolutionError, ProspectorError } from '../errors.js';
import {
  LAMBERT_OPTIMISM_BAND,
  MIMA_BAND,
  massBudget,
  maxCargo,
  propulsionForTrip,
  resolveThruster,
  type MissionLeg,
  type MissionProfile,
  type PropulsionReport,
  type Spacecraft,
  type ThrusterSpec,
} from '../propulsion/index.js';
import { refineYield, refiningRoute, type RefiningBody, type RefiningResult } from '../refining/index.js';
import { capsulePreset, ballisticCoefficientKgM2, sizeCapsule, DEFAULT_METAL_CAPSULE, type CapsuleDesign, type CapsuleSizing } from '../reentry/index.js';
import { loadMarkets, marketImpact, orbitalComputeData, orbitalDataCenter, orbitalLink, semiconductorEquivalents, type MarketTable, type OrbitalDcOptions } from '../supply/index.js';
import { defaultLaunchWindow, launchBeforeTodayWarning, resolveConstraints, searchRoundTrips, type TripSolution } from '../trajectory/round-trip.js';
import { central, fixed, spread, type Band, type Dist } from './dist.js';
import { gradeAt, pickAnalogue } from './grades.js';
import { InputSet, type Values } from './inputs.js';
import type { Scenario, Product } from './schema.js';
import type { NotModelled, Plan, PlanDelivered, PlanEconomics, PlanOrbitalLink, PlanSemiconductors, PlanSupply } from './plan-types.js';

export interface ChainOptions {
  catalog?: string;
  signal?: AbortSignal;
  /** Today's UTC date (YYYY-MM-DD): starts the default launch window; a scenario window before it is warned about. */
  today?: string;
}

export interface Chain {
  scenario: Scenario;
  source: string;
  inputs: InputSet;
  products: Product[];
  defaultName: string;
  /** The launch window searched: the scenario's `window.launch`, or the default (from today, or 2025-01-01 if later, to 2045-12-31). */
  launchWindow: { from: string; to: string; basis: 'scenario' | 'default' };
  /** Arrival of each campaign mission's cargo (year and ISO date). */
  arrivals: Array<{ year: number; date: string }>;
  warnings: string[];
  asteroid: Asteroid;
  composition: Composition;
  trip: TripSolution;
  tripMethod: string;
  /** Days of processing at the asteroid (≤ the trip's stay). */
  processingDays: number;
  spacecraft: Spacecraft;
  propulsion: PropulsionReport;
  /** The mission profile rebuilt from the base propulsion report, for the per-sample budgets. */
  profile: MissionProfile;
  capsule: { design: CapsuleDesign; label: string; sizing: CapsuleSizing } | null;
  markets: MarketTable;
  cadenceYears: number;
  launchYear: number;
  /** Years from the launch year to the cargo's arrival (economics year index). */
  arrivalYearIndex: number;
  /** Earth departure by a chemical upper stage: LEO mass per kg sent to the trip's C3. */
  leoMassRatio: number;
  economicsMissing: string | null;
  /** Where the capsule unit cost comes from (scenario or the Stardust-scaled default); null without capsules. */
  capsuleCostBasis: string | null;
  /**
   * The one avoided-launch price: what 1 kg delivered to orbit earns in the economics and what the
   * orbital-compute link saves. `field` is the uncertain input it is drawn from (null: the default).
   */
  avoidedLaunch: { field: string | null; defaultUsdPerKg: number; basis: string };
  dvFactorDist: Dist;
  dvFactorSource: string;
  /** Value rank per product (higher goes aboard first when the return leg is the limit). */
  cargoPriority: number[];
}

export interface Outcome {
  feasible: boolean;
  yieldKg: number[] | null;
  refinedKg: number | null;
  deliveredKg: number | null;
  deliveredByProduct: number[] | null;
  leftBehindKg: number | null;
  capsules: number | null;
  valueUsdByProduct: number[] | null;
  npvUsd: number | null;
  warnings: string[];
  /** Base case only: the module results the sections are built from. */
  detail?: {
    refining: RefiningResult;
    budget: ReturnType<typeof massBudget> | null;
    maxCargoKg: number;
    binding: string | null;
    /** The constraint that sets maxCargoKg, and the methods behind it. */
    maxCargoBinding: string;
    cargoMethod: string;
    /** Capsule hardware aboard (count × (gross − payload)), kg. */
    capsuleTareKg: number;
    economics: MissionEconomicsResult | null;
  };
}

export interface OutcomeBands {
  yieldKg: Array<Band | null>;
  deliveredKg: Band | null;
  deliveredByProduct: Array<Band | null>;
  capsules: Band | null;
  npvUsd: Band | null;
}

/** Upper-stage Isp for the Earth departure from LEO (RL10-class cryogenic stage, ~450–465 s; Pratt & Whitney RL10 data). */
const UPPER_STAGE_ISP_S = 450;
/** Thrusters fire 90 % of each leg (navigation and communication coasts; Dawn averaged ~85–95 %, Rayman et al. 2006). */
const THRUST_DUTY_CYCLE = 0.9;

/**
 * The trip search is the one expensive stage (~1 s for a multi-year window); an interactive
 * caller re-planning with a new spacecraft or refinery reuses it. Keyed by the target's orbit and
 * the constraints, so a result is only ever reused for the identical search.
 */
const TRIP_CACHE_SIZE = 16;
const tripCache = new Map<string, ReturnType<typeof searchRoundTrips>>();

function notModelled(reason: string): NotModelled {
  return { modelled: false, reason };
}

/** Prefixes a module's input error with the scenario file and the scenario field it came from. */
function rethrow(err: unknown, source: string, field: string): never {
  if (err instanceof NoSolutionError) {
    // Keep what the trajectory search attached (orbit warnings, the evaluated trajectory).
    const e = new NoSolutionError(`${source}: ${err.message}`, err.binding);
    e.warnings = err.warnings;
    e.details = err.details;
    e.file = source;
    throw e;
  }
  if (err instanceof ProspectorError && (err.code === 'INVALID_INPUT' || err.code === 'NOT_FOUND')) {
    const msg = err.message.startsWith(field) ? err.message : `${field}: ${err.message}`;
    const e = new InputError(`${source}: ${msg}`, field);
    e.file = source;
    throw e;
  }
  throw err;
}

function distOf(d: Dist | undefined, fallback: Dist): Dist {
  return d ?? fallback;
}

/** Julian-year synodic period of a body of semi-major axis aAu relative to Earth, years. */
function synodicYears(aAu: number): number {
  const p = Math.pow(aAu, 1.5);
  return 1 / Math.abs(1 - 1 / p);
}

function addYearsIso(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  return `${String(y).padStart(4, '0')}${iso.slice(4, 10)}`;
}

export async function prepareChain(scenario: Scenario, opts: ChainOptions): Promise<Chain> {
  const source = scenario.source ?? 'scenario';
  const inputs = new InputSet();
  const warnings: string[] = [];
  const products = [...scenario.refinery.products];

  // 1. Catalog.
  let asteroid: Asteroid;
  let catalog: Asteroid[];
  try {
    catalog = loadCatalog(opts.catalog ?? scenario.target.catalog);
  } catch (err) {
    // The catalog loader's message names the file; say where the file was asked for.
    if (opts.catalog) throw err;
    rethrow(err, source, 'target.catalog');
  }
  try {
    asteroid = findAsteroid(catalog, scenario.target.designation);
  } catch (err) {
    rethrow(err, source, 'target.designation');
  }
  const composition = compositionFor(asteroid);
  // The semiconductor stack is checked up front (cheap), so a bad layer fails before the trip search.
  try {
    semiconductorEquivalents({}, scenario.supply.semiconductors);
  } catch (err) {
    throw semiconductorError(err, source);
  }

  // Cheap checks first (route, products, thruster), so a typo fails before the trip search.
  const r = scenario.refinery;
  let route;
  try {
    route = refiningRoute(r.route, 'refinery.route');
  } catch (err) {
    rethrow(err, source, 'refinery.route');
  }
  inputs.add('refinery.opticalEfficiency', r.opticalEfficiency, { min: 0.001, max: 1 });
  inputs.add('refinery.captureEfficiency', r.captureEfficiency, { min: 0.001, max: 1 });
  inputs.add('refinery.dutyCycle', r.dutyCycle, { min: 0.001, max: 1 });
  const e = route.specificEnergyMJPerKg;
  inputs.add('refinery.specificEnergyMJPerKg', r.specificEnergy ?? (e.p10 === e.p90 ? fixed(e.p50) : { kind: 'percentiles', p10: e.p10, p50: e.p50, p90: e.p90 }), { min: 0.01 });
  // Recovery per product. A single value stands for the route's own products only: it must not
  // let the water route "recover" platinum. A product the route does not extract needs its own
  // entry in a per-product map (the user then vouches for a further process, and is warned).
  const single = r.recovery !== undefined && 'kind' in r.recovery ? (r.recovery as Dist) : undefined;
  const perProduct = r.recovery !== undefined && !('kind' in r.recovery) ? (r.recovery as Partial<Record<Product, Dist>>) : {};
  const routeProducts = Object.keys(route.recovery);
  const beyondRoute: string[] = [];
  for (const p of products) {
    const band = route.recovery[p];
    const given = perProduct[p] ?? (band ? single : undefined);
    const d: Dist | undefined = given ?? (band ? (band.p10 === band.p90 ? fixed(band.p50) : { kind: 'percentiles', p10: band.p10, p50: band.p50, p90: band.p90 }) : undefined);
    if (!d) {
      const hint = `give it its own recovery, e.g. recovery: {${[...products.filter((q) => route.recovery[q]).slice(0, 1).map((q) => `${q}: 0.8`), `${p}: 0.5`].join(', ')}}, with a source for the process that extracts it`;
      const msg = single
        ? `refinery.recovery: one value covers only what route ${route.id} extracts (${routeProducts.join(', ') || 'nothing'}), not ${p}; ${hint}`
        : `refinery.products: route ${route.id} does not extract ${p} (it extracts ${routeProducts.join(', ') || 'nothing'}); ${hint}`;
      const e = new InputError(`${source}: ${msg}`, single ? 'refinery.recovery' : `refinery.products`);
      e.file = source;
      throw e;
    }
    if (!band) beyondRoute.push(p);
    inputs.add(`refinery.recovery.${p}`, d, { min: 0, max: 1 });
  }
  if (beyondRoute.length > 0) {
    warnings.push(`refinery.recovery: route ${route.id} does not extract ${beyondRoute.join(', ')} by itself; the recoveries given assume a further process whose energy and mass are not modelled`);
  }
  // Spacecraft.
  const scIn = scenario.spacecraft;
  let spacecraft: Spacecraft;
  try {
    const perString = scIn.ppuMax !== undefined ? scIn.ppuMax / scIn.thrusters : undefined;
    let spec: ThrusterSpec;
    if (scIn.thrusterPreset) {
      spec = { preset: scIn.thrusterPreset };
      if (scIn.isp !== undefined) spec.ispS = scIn.isp;
      if (scIn.efficiency !== undefined) spec.efficiency = scIn.efficiency;
      if (scIn.thrust !== undefined) spec.thrustN = scIn.thrust / scIn.thrusters;
      if (perString !== undefined) spec.maxInputPowerW = perString;
    } else {
      if (scIn.isp === undefined) throw new InputError('spacecraft.isp: required when no thrusterPreset is given (e.g. "3100 s")', 'spacecraft.isp');
      if (scIn.efficiency === undefined && scIn.thrust === undefined) throw new InputError('spacecraft.efficiency: give efficiency or thrust when no thrusterPreset is given', 'spacecraft.efficiency');
      spec = {
        id: 'custom',
        name: 'user-defined thruster',
        maxInputPowerW: perString ?? central(scIn.power) / scIn.thrusters,
        ispS: scIn.isp,
        efficiency: scIn.efficiency,
        thrustN: scIn.thrust !== undefined ? scIn.thrust / scIn.thrusters : undefined,
        source: `scenario ${source}`,
      } as ThrusterSpec;
    }
    const thruster = resolveThruster(spec, 'spacecraft');
    spacecraft = { thruster, thrusterCount: scIn.thrusters, powerAt1AuW: central(scIn.power), dryMassKg: central(scIn.dryMass) };
  } catch (err) {
    // The propulsion module names its own fields; say them as the scenario file does.
    if (err instanceof ProspectorError && err.code !== 'NO_SOLUTION') {
      const renamed = err.message
        .replace(/^spacecraft\.preset\b/, 'spacecraft.thrusterPreset')
        .replace(/^spacecraft\.ispS\b/, 'spacecraft.isp')
        .replace(/^spacecraft\.thrustN\b/, 'spacecraft.thrust')
        .replace(/^spacecraft\.maxInputPowerW\b/, 'spacecraft.ppuMax');
      const e = new InputError(`${source}: ${renamed}`, /^spacecraft\.\w+/.exec(renamed)?.[0] ?? 'spacecraft');
      e.file = source;
      throw e;
    }
    rethrow(err, source, 'spacecraft');
  }

  const cIn = scenario.capsules;
  if (scenario.delivery === 'orbit' && (cIn.preset || cIn.mass !== undefined || cIn.payloadFraction || cIn.costUsd)) {
    warnings.push('capsules: ignored — delivery is to Earth orbit, so nothing enters the atmosphere');
  }
  if (scenario.delivery === 'earth' && scenario.capsules.preset) {
    try {
      capsulePreset(scenario.capsules.preset, 'capsules.preset');
    } catch (err) {
      rethrow(err, source, 'capsules.preset');
    }
  }

  // 2. Trajectory: one search, the minimum-Δv round trip under the scenario's limits.
  const w = scenario.window;
  let launchWindow: Chain['launchWindow'];
  try {
    launchWindow = w.launch ? { ...w.launch, basis: 'scenario' } : { ...defaultLaunchWindow(opts.today, 'window.launch'), basis: 'default' };
  } catch (err) {
    rethrow(err, source, 'window.launch');
  }
  const past = w.launch && opts.today ? launchBeforeTodayWarning('window.launch', w.launch, opts.today) : null;
  if (past) warnings.push(past);
  let trip: TripSolution;
  let tripWarnings: string[] = [];
  try {
    const constraints = resolveConstraints({
      launchFromJd: parseIsoToJdTdb(launchWindow.from),
      launchToJd: parseIsoToJdTdb(launchWindow.to),
      maxDays: w.maxTotalDays,
      minStayDays: w.minStayDays,
      maxC3: w.maxC3,
      maxEntryKmS: w.maxEntrySpeed,
      maxDvKmS: w.maxDv,
      stepDays: w.stepDays,
    });
    const key = JSON.stringify([asteroid.designation, asteroid.orbit, constraints]);
    let found = tripCache.get(key);
    if (!found) {
      found = searchRoundTrips(asteroid, constraints, { signal: opts.signal });
      if (tripCache.size >= TRIP_CACHE_SIZE) tripCache.delete(tripCache.keys().next().value!);
      tripCache.set(key, found);
    }
    trip = found.minDv;
    tripWarnings = found.warnings;
  } catch (err) {
    if (err instanceof CancelledError) throw err;
    rethrow(err, source, 'window');
  }
  if (opts.signal?.aborted) throw new CancelledError('plan: interrupted');
  warnings.push(...tripWarnings);
  const tripMethod = `NHATS-style ballistic round trip (Izzo Lambert legs on a ${w.stepDays}-day grid, minimum total Δv; Barbee et al. 2011 bookkeeping)`;

  let processingDays = trip.stayDays;
  if (scenario.refinery.stay !== undefined) {
    if (scenario.refinery.stay > trip.stayDays) {
      warnings.push(`refinery.stay ${scenario.refinery.stay} d exceeds the trip's stay of ${trip.stayDays} d: processing limited to the stay`);
    } else processingDays = scenario.refinery.stay;
  }

  inputs.add('spacecraft.dryMass', scIn.dryMass, { min: 1 });
  inputs.add('spacecraft.power', scIn.power, { min: 1 });

  // Orbit delivery: the spacecraft brings the cargo to a high Earth orbit instead of releasing
  // capsules, so the return leg must also cancel the arrival v∞ (instead of only trimming entry speed).
  const tripForProp =
    scenario.delivery === 'orbit'
      ? { ...trip, dvEntryKmS: trip.vInfArrEarthKmS }
      : trip;

  // 4. Capsules (Earth delivery): sized once at the trip's entry speed.
  let capsule: Chain['capsule'] = null;
  if (scenario.delivery === 'earth') {
    const c = scenario.capsules;
    try {
      let design: CapsuleDesign;
      let label: string;
      if (c.preset) {
        const p = capsulePreset(c.preset, 'capsules.preset');
        const mass = c.mass ?? p.massKg;
        const diameter = c.diameter ?? p.diameterM * Math.cbrt(mass / p.massKg);
        design = {
          grossMassKg: mass,
          ballisticCoefficientKgM2: ballisticCoefficientKgM2(mass, c.cd ?? p.cd, diameter),
          cd: c.cd ?? p.cd,
          noseRadiusRatio: (c.noseRadius ?? p.noseRadiusM * (diameter / p.diameterM)) / diameter,
        };
        label = `${p.name}-class`;
      } else if (c.mass !== undefined) {
        const cd = c.cd ?? DEFAULT_METAL_CAPSULE.cd;
        design = {
          grossMassKg: c.mass,
          cd,
          ballisticCoefficientKgM2: c.diameter !== undefined ? ballisticCoefficientKgM2(c.mass, cd, c.diameter) : DEFAULT_METAL_CAPSULE.ballisticCoefficientKgM2,
          noseRadiusRatio: c.noseRadius !== undefined && c.diameter !== undefined ? c.noseRadius / c.diameter : DEFAULT_METAL_CAPSULE.noseRadiusRatio,
        };
        label = 'user-defined capsule';
      } else {
        design = { ...DEFAULT_METAL_CAPSULE };
        label = 'default metal-return capsule (100 kg, β 90 kg/m²)';
      }
      const pf = distOf(c.payloadFraction, fixed(DEFAULT_METAL_CAPSULE.payloadFraction));
      inputs.add('capsules.payloadFraction', pf, { min: 0.01, max: 0.9 });
      design.payloadFraction = central(pf);
      const sizing = sizeCapsule(design, trip.entrySpeedKmS, (c.entryFpa * Math.PI) / 180);
      capsule = { design, label, sizing };
      warnings.push(...sizing.warnings);
    } catch (err) {
      rethrow(err, source, 'capsules');
    }
  }

  let propulsion: PropulsionReport;
  try {
    propulsion = propulsionForTrip(tripForProp, {
      spacecraft,
      operations: {
        stationKeepingDvKmS: 0,
        deployedMassKg: scenario.refinery.mass,
        capsuleMassKg: 0,
        capsuleSource: 'carried',
      },
      margins: { dvFraction: 0, propellantReserveFraction: scIn.propellantMargin, dryMassContingencyFraction: 0 },
      dutyCycle: THRUST_DUTY_CYCLE,
      thrustDistance: 'mean',
      target: { aAu: asteroid.orbit.aAu, iDeg: asteroid.orbit.iDeg },
    });
  } catch (err) {
    rethrow(err, source, 'spacecraft');
  }
  warnings.push(...propulsion.warnings);
  // The per-sample budgets re-use the base report's legs WITH their Lambert boundary vectors, so
  // every sample's budget (real cargo, capsules, dry mass) is MIMA/Damon-checked, not only the base.
  const profile: MissionProfile = {
    outbound: propulsion.mission.outbound.map((l) => ({ ...l })),
    inbound: propulsion.mission.inbound.map((l) => ({ ...l })),
    operations: { ...propulsion.mission.operations, durationDays: trip.stayDays, stationKeepingDvKmS: 0, deployedMassKg: scenario.refinery.mass, capsuleMassKg: 0, capsuleSource: 'carried' },
    margins: { dvFraction: 0, propellantReserveFraction: scIn.propellantMargin, dryMassContingencyFraction: 0 },
    dutyCycle: THRUST_DUTY_CYCLE,
    thrustDistance: 'mean',
  };
  // Δv model error, as true/estimated low-thrust Δv: Damon/MIMA legs carry MIMA's error vs the
  // exact optimum, (MIMA − exact)/exact ∈ [−0.14, +0.10] on the maximum mass; m* ∝ 1/Δv, so
  // true Δv = estimate × (1 + error) ∈ [0.86, 1.10] (MIMA_BAND); legs estimated as impulsive × 1.68
  // carry the Lambert-optimism spread 1.15…1.92 around 1.68.
  const damonLegs = propulsion.legs.every((l) => l.lowThrustMethod === 'Damon');
  const dvFactorSource = scenario.uncertainty.dvFactor
    ? `scenario ${source}`
    : damonLegs
      ? `MIMA/Damon error vs optimal: ${MIMA_BAND.source}`
      : `Lambert optimism band around its median: ${LAMBERT_OPTIMISM_BAND.source}`;
  const dvFactorDist: Dist =
    scenario.uncertainty.dvFactor ??
    (damonLegs
      ? { kind: 'triangular', min: 1 + MIMA_BAND.low, mode: 1, max: 1 + MIMA_BAND.high }
      : { kind: 'triangular', min: LAMBERT_OPTIMISM_BAND.low / LAMBERT_OPTIMISM_BAND.median, mode: 1, max: LAMBERT_OPTIMISM_BAND.high / LAMBERT_OPTIMISM_BAND.median });
  inputs.add('uncertainty.dvFactor', dvFactorDist, { min: 0.01 });

  // Body mass and grades (catalog distributions; one analogue draw shared by all elements).
  if (asteroid.massKg && asteroid.massKgLow && asteroid.massKgHigh && asteroid.massKgHigh > asteroid.massKgLow) {
    inputs.add('target.massKg', { kind: 'triangular', min: asteroid.massKgLow, mode: asteroid.massKg, max: asteroid.massKgHigh }, { min: 1 });
  } else if (asteroid.massKg) {
    inputs.add('target.massKg', fixed(asteroid.massKg));
  } else {
    const e = new InputError(`${source}: target.designation: the catalog has no size or mass estimate for ${asteroid.displayName}; cannot size the feedstock`, 'target.designation');
    e.file = source;
    throw e;
  }
  if (composition.analogues.length > 1) {
    inputs.add('composition.analogue', { kind: 'uniform', min: 0, max: 1 }, {}, {
      distribution: 'catalog',
      low: 0,
      central: 0.5,
      high: 1,
    });
  }
  for (const el of gradeElements(products, route.id)) {
    const g = el === 'metalFraction' ? composition.metalFraction : composition.elements[el];
    if (!g) continue;
    inputs.add(`composition.${el}`, { kind: 'uniform', min: 0, max: 1 }, {}, { distribution: 'catalog', low: g.p10, central: g.p50, high: g.p90 });
  }

  // 6. Markets and finance inputs.
  const markets = loadMarkets();
  for (const p of products) {
    const price = scenario.markets.pricesUsdPerKg[p];
    if (price) inputs.add(`markets.pricesUsdPerKg.${p}`, price, { min: 0 });
    const el = scenario.markets.elasticities[p];
    const m = markets.metals[p];
    if (el) inputs.add(`markets.elasticities.${p}`, el, { max: -1e-3 });
    else if (m?.elasticity && m.elasticity.low !== m.elasticity.high) {
      const [a, b] = [Math.min(m.elasticity.low, m.elasticity.high), Math.max(m.elasticity.low, m.elasticity.high)];
      inputs.add(`markets.elasticities.${p}`, { kind: 'triangular', min: a, mode: Math.min(b, Math.max(a, m.elasticity.value)), max: b }, { max: -1e-3 });
    }
  }
  const f = scenario.finance;
  inputs.add('finance.discountRate', f.discountRate, { min: 0, max: 1 });
  const missing: string[] = [];
  if (!scIn.costUsdPerKg) missing.push('spacecraft.costUsdPerKg');
  if (!f.launchCostUsdPerKg) missing.push('finance.launchCostUsdPerKg');
  const economicsMissing = missing.length ? `give ${missing.join(' and ')} to price the mission` : null;
  if (scIn.costUsdPerKg) inputs.add('spacecraft.costUsdPerKg', scIn.costUsdPerKg, { min: 0 });
  if (f.launchCostUsdPerKg) inputs.add('finance.launchCostUsdPerKg', f.launchCostUsdPerKg, { min: 0 });
  if (r.costUsd) inputs.add('refinery.costUsd', r.costUsd, { min: 0 });
  else if (!economicsMissing) warnings.push('refinery.costUsd not given: the refinery is priced at $0');
  if (f.operationsUsdPerYear) inputs.add('finance.operationsUsdPerYear', f.operationsUsdPerYear, { min: 0 });
  else if (!economicsMissing) warnings.push('finance.operationsUsdPerYear not given: operations are priced at $0');
  let capsuleCostBasis: string | null = null;
  if (capsule && scenario.capsules.costUsd) {
    inputs.add('capsules.costUsd', scenario.capsules.costUsd, { min: 0 });
    capsuleCostBasis = `capsules.costUsd from scenario ${source}`;
  } else if (capsule) {
    // The schema promises a Stardust-scaled default: $/kg of Stardust flight hardware × this capsule's mass.
    const d = defaultCapsuleUnitCost(capsule.sizing.grossMassKg);
    inputs.add('capsules.costUsd', fixed(d.unitCostUsd), { min: 0 });
    capsuleCostBasis = d.basis;
  }
  if (scenario.orbitalCompute.launchCostUsdPerKg) inputs.add('orbitalCompute.launchCostUsdPerKg', scenario.orbitalCompute.launchCostUsdPerKg, { min: 1 });
  // One avoided-launch price for the economics (orbit revenue) and the orbital-compute link.
  const odcDefaultLaunch = orbitalComputeData().defaults.launchUsdPerKg;
  // It is the data centre's launch price (what the buyer of the material would otherwise pay),
  // not the mission's own launch price (finance.launchCostUsdPerKg, a cost).
  const avoidedLaunch: Chain['avoidedLaunch'] = scenario.orbitalCompute.launchCostUsdPerKg
    ? { field: 'orbitalCompute.launchCostUsdPerKg', defaultUsdPerKg: odcDefaultLaunch, basis: 'orbitalCompute.launchCostUsdPerKg, the launch price the orbital data centre would otherwise pay' }
    : { field: null, defaultUsdPerKg: odcDefaultLaunch, basis: `the orbital data centre's default launch price $${odcDefaultLaunch}/kg (DESIGN §2.7, data/orbital-compute.json; set orbitalCompute.launchCostUsdPerKg to change it — finance.launchCostUsdPerKg is the mission's own launch cost)` };

  // 7. Calendar: arrival of each campaign mission; cadence = synodic period unless given.
  const launchYear = Number(trip.launch.slice(0, 4));
  const returnIso = trip.returnEarth.slice(0, 10);
  const arrivalYear = Number(returnIso.slice(0, 4));
  const syn = synodicYears(asteroid.orbit.aAu);
  const cadenceYears = f.cadenceYears ?? Math.max(1, Math.round(syn));
  if (f.campaignMissions > 1 && f.cadenceYears === undefined) {
    warnings.push(`campaign cadence ${cadenceYears} yr = the target's synodic period (${syn.toFixed(2)} yr) rounded; later missions are assumed to repeat the same trip (set finance.cadenceYears to change)`);
  }
  const arrivals = Array.from({ length: f.campaignMissions }, (_, m) => ({ year: arrivalYear + m * cadenceYears, date: addYearsIso(returnIso, m * cadenceYears) }));

  const leoMassRatio = Math.exp((trip.dvDepartKmS * 1000) / (G0_MS2 * UPPER_STAGE_ISP_S));

  return {
    scenario,
    source,
    inputs,
    products,
    defaultName: `${asteroid.displayName} (${scenario.delivery === 'earth' ? 'to Earth' : 'to orbit'})`,
    launchWindow,
    arrivals,
    warnings,
    asteroid,
    composition,
    trip,
    tripMethod,
    processingDays,
    spacecraft,
    propulsion,
    profile,
    capsule,
    markets,
    cadenceYears,
    launchYear,
    arrivalYearIndex: arrivalYear - launchYear,
    leoMassRatio,
    economicsMissing,
    capsuleCostBasis,
    avoidedLaunch,
    dvFactorDist,
    dvFactorSource,
    cargoPriority: products.map((p) => {
      if (scenario.delivery === 'orbit') return ['Fe', 'Ni', 'Co', 'H2O'].includes(p) ? 1 : 0;
      const given = scenario.markets.pricesUsdPerKg[p];
      return given ? central(given) : (markets.metals[p]?.priceUsdPerKg ?? 0);
    }),
  };
}

/** Grades the sampling varies: the products, plus what sets the feedstock (water, metal phase). */
function gradeElements(products: readonly string[], route: string): string[] {
  const set = new Set<string>(products.filter((p) => p !== 'REE'));
  if (route === 'water') set.add('H2O');
  if (route === 'melt-metal' || route === 'vaporize-metal' || route === 'melt-silicate') {
    set.add('metalFraction');
    set.add('Ni');
    set.add('Co');
  }
  return [...set];
}

function refiningBody(chain: Chain, x: Values, base: boolean): RefiningBody {
  const c = chain.composition;
  const analogue = c.analogues.length > 1 ? pickAnalogue(c, x.opt('composition.analogue', 0.5)) : c.analogues[0]?.analogue ?? '';
  const grade = (el: string) => {
    const g = el === 'metalFraction' ? c.metalFraction : c.elements[el];
    if (!g) return 0;
    const field = `composition.${el}`;
    // Base case: each grade's median (for a mixture, the mixture's median); samples: the inverse CDF.
    if (base || !chain.inputs.has(field)) return g.p50;
    return gradeAt(g, x.get(field), analogue);
  };
  const grades: Record<string, number> = {};
  for (const el of Object.keys(c.elements)) {
    if (el === 'REE') continue; // the sum of La–Lu; kept out so elements are not counted twice
    grades[el] = Math.min(1, grade(el));
  }
  return { massKg: x.get('target.massKg'), grades, metalFraction: Math.min(1, grade('metalFraction')) };
}

function recoveryOf(chain: Chain, x: Values): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of chain.products) out[p] = x.get(`refinery.recovery.${p}`);
  return out;
}

/** Cargo the return leg carries: min(refined, max returnable with the capsules' tare aboard). */
function returnCargo(chain: Chain, spacecraft: Spacecraft, refinedKg: number, dvFactor: number, payloadPerCapsuleKg: number | null, capsuleDryKg: number): { cargoKg: number; maxCargoKg: number; capsules: number; budget: ReturnType<typeof massBudget>; binding: string | null; maxCargoBinding: string; cargoMethod: string } {
  // The model-error factor scales the leg Δv and the Lambert boundary vectors alike, so the
  // MIMA/Damon check moves with the Δv it is checking.
  const scale = (l: MissionLeg): MissionLeg => ({
    ...l,
    dvKmS: l.dvKmS * dvFactor,
    ...(l.lambert ? { lambert: { dv1KmS: l.lambert.dv1KmS.map((v) => v * dvFactor) as typeof l.lambert.dv1KmS, dv2KmS: l.lambert.dv2KmS.map((v) => v * dvFactor) as typeof l.lambert.dv2KmS } } : {}),
  });
  const profileWith = (capsules: number): MissionProfile => ({
    ...chain.profile,
    outbound: chain.profile.outbound.map(scale),
    inbound: chain.profile.inbound.map(scale),
    operations: { ...chain.profile.operations, capsuleMassKg: capsules * capsuleDryKg },
  });
  const capsulesFor = (kg: number) => (payloadPerCapsuleKg === null || kg <= 0 ? 0 : Math.ceil(kg / payloadPerCapsuleKg - 1e-9));
  const maxWith = (kg: number) => {
    try {
      return maxCargo(spacecraft, profileWith(capsulesFor(kg)));
    } catch (err) {
      if (err instanceof NoSolutionError) return null; // even empty, this many capsules' tare does not fit
      throw err;
    }
  };
  // The capsules' tare grows with the cargo, so "fits" (cargo ≤ max cargo with its own capsules
  // aboard) is monotone in the cargo: take all of it when it fits, else bisect for the largest
  // cargo that does. The empty-capsule case throws NoSolutionError: the mission cannot fly.
  const empty = maxCargo(spacecraft, profileWith(0));
  let cargo = Math.min(refinedKg, empty.cargoKg);
  let mc = maxWith(cargo);
  if (!mc || mc.cargoKg < cargo) {
    let lo = 0;
    let hi = cargo;
    for (let i = 0; i < 60 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
      const mid = 0.5 * (lo + hi);
      const m = maxWith(mid);
      if (m && m.cargoKg >= mid) lo = mid;
      else hi = mid;
    }
    cargo = lo;
    mc = maxWith(cargo) ?? empty;
  }
  const caps = capsulesFor(cargo);
  const budget = massBudget(spacecraft, profileWith(caps), cargo);
  return { cargoKg: cargo, maxCargoKg: cargo < refinedKg ? cargo : mc.cargoKg, capsules: caps, budget, binding: cargo < refinedKg ? mc.binding : null, maxCargoBinding: mc.binding, cargoMethod: mc.method };
}

/**
 * When the return leg cannot carry everything, the most valuable product per kg goes first (Earth:
 * the reference market price; orbit: Fe/Ni/Co/H2O, which displace launched mass, before the rest);
 * products of equal value share the remaining room in proportion to their yield.
 */
function fillCargo(chain: Chain, yieldKg: number[], cargoKg: number): number[] {
  const total = yieldKg.reduce((a, b) => a + b, 0);
  if (cargoKg >= total) return [...yieldKg];
  const rank = chain.cargoPriority;
  const out = yieldKg.map(() => 0);
  let room = cargoKg;
  const levels = [...new Set(rank)].sort((a, b) => b - a);
  for (const level of levels) {
    const idx = rank.map((r, k) => (r === level ? k : -1)).filter((k) => k >= 0);
    const want = idx.reduce((a, k) => a + yieldKg[k], 0);
    const take = Math.min(room, want);
    for (const k of idx) out[k] = want > 0 ? (yieldKg[k] * take) / want : 0;
    room -= take;
    if (room <= 0) break;
  }
  return out;
}

function marketsWithPrices(chain: Chain, x: Values): MarketTable {
  const overrides = chain.products.filter((p) => chain.inputs.has(`markets.pricesUsdPerKg.${p}`));
  if (overrides.length === 0) return chain.markets;
  const metals = { ...chain.markets.metals };
  for (const p of overrides) {
    const m = metals[p];
    const price = x.get(`markets.pricesUsdPerKg.${p}`);
    metals[p] = m ? { ...m, priceUsdPerKg: price, priceSource: `scenario ${chain.source}` } : ({ element: p, name: p, group: 'other', priceUsdPerKg: price, priceYear: null, priceSource: `scenario ${chain.source}`, quotedPrice: null, priceApproximate: false, priceNote: null, worldSupplyKgPerYear: null, supplyYear: null, supplySource: null, supplyNote: null, supplyApproximate: false, supplyDerivation: null, dominantProducer: null, elasticity: null } as MarketTable['metals'][string]);
  }
  return { ...chain.markets, metals };
}

/** An engine error about the stack, named as the scenario field (`supply.semiconductors.layers[1].densityGcm3`). */
function semiconductorError(err: unknown, source: string): unknown {
  if (!(err instanceof ProspectorError) || err.code !== 'INVALID_INPUT') return err;
  const field = `supply.semiconductors.${err.field ?? ''}`.replace(/\.$/, '');
  const e = new InputError(`${source}: supply.semiconductors.${err.message}`, field);
  e.file = source;
  return e;
}

/** The plan's semiconductor section: the scenario's stack (supply.semiconductors) or the default. */
function planSemiconductors(perYear: Record<string, number>, sc: Scenario): PlanSemiconductors {
  const given = sc.supply.semiconductors;
  const se = semiconductorEquivalents(perYear, given);
  return {
    method: se.method,
    stack: given.layers ? 'scenario' : 'default',
    layers: se.layers.map((l) => ({ id: l.id, element: l.element, thicknessNm: l.thicknessNm, levels: l.levels, utilisation: l.utilisation, gramsPerWafer: l.consumedGPerWafer })),
    utilisation: se.utilisation,
    die: se.die.name,
    dieAreaMm2: se.die.areaMm2,
    grossDiesPerWafer: se.die.grossPerWafer,
    dieYield: se.die.yield,
    goodDiesPerWafer: se.die.goodPerWafer,
    dieNote: se.die.note,
    elements: se.elements.map((e) => ({ ...e })),
    notInStack: se.notInStack,
    notInStackNote: se.notInStackNote,
    limitingElement: se.limitingElement,
    fullStackWafersPerYear: se.fullStackWafersPerYear,
    worldWafersPerYear: se.worldWafersPerYear,
    worldWafersYear: se.worldWafersYear,
  };
}

function elasticities(chain: Chain, x: Values): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of chain.products) if (chain.inputs.has(`markets.elasticities.${p}`)) out[p] = x.get(`markets.elasticities.${p}`);
  return out;
}

function economicsFor(chain: Chain, x: Values, deliveredByProduct: number[], capsules: number, launchMassKg: number): MissionEconomicsResult | null {
  if (chain.economicsMissing) return null;
  const sc = chain.scenario;
  const deliveries: Delivery[] = chain.products.map((el, k) => ({ year: chain.arrivalYearIndex, element: el, kg: deliveredByProduct[k], destination: sc.delivery }));
  return missionEconomics({
    costs: {
      spacecraft: { dryMassKg: x.get('spacecraft.dryMass'), usdPerKg: x.get('spacecraft.costUsdPerKg') },
      launch: { massToLeoKg: launchMassKg * chain.leoMassRatio, usdPerKg: x.get('finance.launchCostUsdPerKg') },
      refineryUsd: x.opt('refinery.costUsd', 0),
      capsules: { count: capsules, unitCostUsd: x.opt('capsules.costUsd', 0) },
      operationsUsdPerYear: x.opt('finance.operationsUsdPerYear', 0),
    },
    deliveries,
    discountRate: x.get('finance.discountRate'),
    operationsYears: [1, Math.max(1, chain.arrivalYearIndex)],
    orbitValueUsdPerKg: chain.avoidedLaunch.field ? x.get(chain.avoidedLaunch.field) : chain.avoidedLaunch.defaultUsdPerKg,
    campaign: { missions: sc.finance.campaignMissions, learningRate: sc.finance.learningRate, cadenceYears: chain.cadenceYears },
    markets: marketsWithPrices(chain, x),
    elasticity: elasticities(chain, x),
  });
}

export function evaluateChain(chain: Chain, x: Values, detail: boolean): Outcome {
  const sc = chain.scenario;
  const warnings: string[] = [];
  const n = chain.products.length;
  // Refining over the processing days, from arrival at the asteroid.
  let refining: RefiningResult;
  try {
    refining = refineYield({
      orbit: chain.asteroid.orbit,
      arriveJdTdb: chain.trip.launchJd + chain.trip.outDays,
      stayDays: chain.processingDays,
      concentrator: sc.refinery.concentratorArea !== undefined ? { areaM2: sc.refinery.concentratorArea } : { diameterM: sc.refinery.concentratorDiameter! },
      opticalEfficiency: x.get('refinery.opticalEfficiency'),
      captureEfficiency: x.get('refinery.captureEfficiency'),
      dutyCycle: x.get('refinery.dutyCycle'),
      route: sc.refinery.route,
      body: refiningBody(chain, x, detail),
      recovery: recoveryOf(chain, x),
      specificEnergyMJPerKg: x.get('refinery.specificEnergyMJPerKg'),
      products: chain.products,
    });
  } catch (err) {
    if (detail) rethrow(err, chain.source, 'refinery');
    throw err;
  }
  if (detail) warnings.push(...refining.warnings);
  const yieldKg = chain.products.map((p) => refining.totals.productsKg[p] ?? 0);
  const refinedKg = yieldKg.reduce((a, b) => a + b, 0);

  // Return leg: what fits, with the capsules' tare aboard.
  const dvFactor = x.get('uncertainty.dvFactor');
  let payload: number | null = null;
  let capsuleDry = 0;
  if (chain.capsule) {
    const s = chain.capsule.sizing;
    // Per sample only the payload-fraction target changes; the entry, heat load and heat-shield
    // fraction do not depend on it (reentry module: payload = min(target, 1 − TPS − other) · m).
    const pf = Math.min(x.get('capsules.payloadFraction'), 1 - s.tpsFraction - s.otherFraction);
    payload = pf * s.grossMassKg;
    capsuleDry = s.grossMassKg - payload;
  }
  let ret: ReturnType<typeof returnCargo>;
  try {
    // Uncertain dry mass and array power enter the per-sample budget (thruster strings unchanged).
    const spacecraft: Spacecraft = { ...chain.spacecraft, dryMassKg: x.get('spacecraft.dryMass'), powerAt1AuW: x.get('spacecraft.power') };
    ret = returnCargo(chain, spacecraft, refinedKg, dvFactor, payload, capsuleDry);
  } catch (err) {
    if (err instanceof NoSolutionError && !detail) {
      // Infeasible sample (e.g. the Δv factor pushes a leg past its thrust): nothing comes back,
      // the mission still costs what it costs (launch priced at the base case's launch mass).
      const zeros = yieldKg.map(() => 0);
      const econ0 = economicsFor(chain, x, zeros, 0, chain.propulsion.budget.launchMassKg);
      return { feasible: false, yieldKg, refinedKg, deliveredKg: 0, deliveredByProduct: zeros, leftBehindKg: refinedKg, capsules: chain.capsule ? 0 : null, valueUsdByProduct: chain.economicsMissing ? null : zeros, npvUsd: econ0 ? econ0.npvUsd : null, warnings };
    }
    if (detail) rethrow(err, chain.source, 'spacecraft');
    throw err;
  }
  const deliveredByProduct = fillCargo(chain, yieldKg, ret.cargoKg);
  const deliveredKg = deliveredByProduct.reduce((a, b) => a + b, 0);
  if (detail && ret.binding) {
    warnings.push(`the return leg carries only ${fmt(ret.cargoKg)} kg of the ${fmt(refinedKg)} kg refined (binding: ${ret.binding}); the rest stays at the asteroid`);
  }

  // Value per product: market-responded price on Earth, avoided launch cost in orbit.
  let valueUsdByProduct: number[] | null = null;
  let econ: MissionEconomicsResult | null = null;
  let npvUsd: number | null = null;
  if (!chain.economicsMissing) {
    econ = economicsFor(chain, x, deliveredByProduct, ret.capsules, ret.budget.launchMassKg);
    if (econ) {
      npvUsd = econ.npvUsd;
      const missions = sc.finance.campaignMissions;
      valueUsdByProduct = chain.products.map((p) => {
        const r = econ!.revenueByElement[p];
        return r ? (r.earthUsd + r.orbitUsd) / missions : 0;
      });
      if (detail) warnings.push(...econ.warnings);
    }
  }
  if (!ret.budget.feasible && detail) warnings.push(`mass budget infeasible: ${ret.budget.binding}`);
  return {
    feasible: ret.budget.feasible,
    yieldKg,
    refinedKg,
    deliveredKg,
    deliveredByProduct,
    leftBehindKg: refinedKg - ret.cargoKg,
    capsules: chain.capsule ? ret.capsules : null,
    valueUsdByProduct: n > 0 ? valueUsdByProduct : null,
    npvUsd,
    warnings,
    detail: detail ? { refining, budget: ret.budget, maxCargoKg: ret.maxCargoKg, binding: ret.binding, maxCargoBinding: ret.maxCargoBinding, cargoMethod: ret.cargoMethod, capsuleTareKg: ret.capsules * capsuleDry, economics: econ } : undefined,
  };
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

export function describeChain(chain: Chain, base: Outcome, bands: OutcomeBands): Pick<Plan, 'target' | 'trajectory' | 'propulsion' | 'refining' | 'capsules' | 'delivered' | 'supply' | 'orbitalCompute' | 'economics'> {
  const a = chain.asteroid;
  const t = chain.trip;
  const sc = chain.scenario;
  const d = base.detail!;
  const [fLo, fHi] = spread(chain.dvFactorDist);

  const target: Plan['target'] = {
    modelled: true,
    designation: a.designation,
    displayName: a.displayName,
    orbitClass: a.orbitClass,
    spectralType: a.spectralType,
    sizeBasis: a.sizeBasis ?? null,
    diameterKm: a.diameterKm,
    diameterKmLow: a.diameterKmLow,
    diameterKmHigh: a.diameterKmHigh,
    massKg: a.massKg ?? null,
    massKgLow: a.massKgLow ?? null,
    massKgHigh: a.massKgHigh ?? null,
    dvKmS: a.dvKmS,
    orbit: { epochJd: a.orbit.epochJd, aAu: a.orbit.aAu, e: a.orbit.e, iDeg: a.orbit.iDeg },
  };

  const trajectory: Plan['trajectory'] = {
    modelled: true,
    method: chain.tripMethod,
    launch: t.launch.slice(0, 10),
    arrival: t.arriveNea.slice(0, 10),
    departure: t.departNea.slice(0, 10),
    returnDate: t.returnEarth.slice(0, 10),
    outDays: t.outDays,
    stayDays: t.stayDays,
    returnDays: t.returnDays,
    totalDays: t.totalDays,
    c3Km2S2: t.c3,
    dvDepartKmS: t.dvDepartKmS,
    vArrNeoKmS: t.vArrNeoKmS,
    vDepNeoKmS: t.vDepNeoKmS,
    dvEntryKmS: t.dvEntryKmS,
    entrySpeedKmS: t.entrySpeedKmS,
    dvTotalKmS: t.dvTotalKmS,
    dvFactor: {
      low: fLo,
      central: central(chain.dvFactorDist),
      high: fHi,
      source: chain.dvFactorSource,
    },
  };

  const p = chain.propulsion;
  const budget = d.budget!;
  // Base case: the budget with the central sample's masses (real cargo, capsule tare, dry mass),
  // every leg checked by burn time and, where the leg has Lambert vectors, MIMA/Damon.
  const legs = budget.phases
    .filter((ph) => ph.phase !== 'operations' || ph.dvKmS > 0)
    .map((ph) => ({
      name: ph.name,
      dvKmS: ph.dvKmS,
      dvMethod: ph.dvMethod,
      dvNote: ph.dvNote ?? null,
      initialMassKg: ph.startMassKg,
      propellantKg: ph.propellantKg,
      finalMassKg: ph.endMassKg,
      start: { ...ph.start },
      thrustRAu: ph.thrustRAu,
      thrustN: ph.thrustN,
      burnDays: ph.burnDays,
      availableBurnDays: ph.availableBurnDays,
      legDays: ph.durationDays,
      lowThrust: ph.lowThrust
        ? { method: 'MIMA' as const, aReqMS2: ph.lowThrust.aReqMS2, maxInitialMassKg: ph.lowThrust.maxInitialMassKg, massRatio: ph.lowThrust.massRatio, damonDvKmS: ph.lowThrust.damon.dvKmS, feasible: ph.lowThrust.feasible }
        : null,
      feasible: ph.burnDays !== null && ph.burnDays <= ph.availableBurnDays * (1 + 1e-9) && (ph.lowThrust ? ph.lowThrust.feasible : true),
    }));
  const propulsion: Plan['propulsion'] = {
    modelled: true,
    method: `${p.method}; per sample: rocket equation, burn time and MIMA on every leg with that sample's masses (cargo, capsule tare, dry mass), the leg Δv and Lambert vectors scaled by the model-error factor${sc.delivery === 'orbit' ? '; orbit delivery: the return leg also cancels the Earth-arrival v∞ (capture into a high Earth orbit)' : ''}`,
    thrustN: p.spacecraft.thrustAt1AuN,
    ispS: p.spacecraft.ispS,
    powerW: p.spacecraft.powerAt1AuW,
    efficiency: p.spacecraft.efficiency,
    legs,
    propellantKg: budget.propellantLoadedKg,
    launchMassKg: budget.launchMassKg,
    maxReturnCargoKg: d.maxCargoKg,
    returnCargoKg: budget.cargoKg,
    capsuleTareKg: d.capsuleTareKg,
    cargoMethod: d.cargoMethod,
    feasible: budget.feasible,
    binding: budget.binding ?? d.maxCargoBinding,
    returnLimitedBy: d.binding ? 'propulsion' : 'refined yield',
    constraints: budget.constraints.map((c) => ({ ...c })),
  };

  const ref = d.refining;
  const refining: Plan['refining'] = {
    modelled: true,
    method: `optical refining, ${ref.assumptions.route.name}: P_abs = η_opt·A·1361 W/m²/r(t)² along the asteroid's orbit (daily steps), processed = P_abs·η_cap·duty/e_spec (${ref.assumptions.route.specificEnergyMJPerKg} MJ/kg; ${ref.assumptions.route.source}); product = processed × grade × recovery; grades: ${chain.composition.analogues.map((x) => `${x.label} ${(x.probability * 100).toFixed(0)} %`).join(', ')}`,
    route: ref.assumptions.route.id,
    stayDays: chain.processingDays,
    concentratorAreaM2: ref.assumptions.concentratorAreaM2,
    absorbedPowerMeanW: (ref.totals.absorbedEnergyGJ * 1e9) / (chain.processingDays * DAY_S),
    processedKg: ref.totals.processedKg,
    products: chain.products.map((el, k) => ({
      element: el,
      grade: ref.assumptions.feedstockGrades[el] ?? 0,
      recovery: ref.assumptions.recovery[el] ?? 0,
      yieldKg: base.yieldKg![k],
      band: bands.yieldKg[k],
    })),
    monthly: ref.months.map((m) => ({ month: m.month, kg: chain.products.map((el) => m.productsKg[el] ?? 0) })),
    refinedKg: base.refinedKg!,
    capped: ref.exhaustedAfterDays !== null,
  };

  let capsules: Plan['capsules'];
  if (chain.capsule) {
    const s = chain.capsule.sizing;
    const pf = Math.min(chain.capsule.design.payloadFraction ?? DEFAULT_METAL_CAPSULE.payloadFraction, 1 - s.tpsFraction - s.otherFraction);
    capsules = {
      modelled: true,
      method: 'capsule sized from heritage (β, C_D, nose ratio), entry integrated (3-DOF, Sutton–Graves heating), heat-shield mass from the heat load (Laub & Venkatapathy 2003); count = ⌈cargo / payload⌉; empty capsules fly out and ride the return leg',
      design: chain.capsule.label,
      capsuleMassKg: s.grossMassKg,
      payloadKg: pf * s.grossMassKg,
      count: base.capsules ?? 0,
      band: bands.capsules,
      entry: { speedKmS: t.entrySpeedKmS, fpaDeg: sc.capsules.entryFpa, peakDecelG: s.entry.peakDecelG, peakHeatFluxWCm2: s.entry.peakHeatFluxWCm2, heatLoadJCm2: s.entry.heatLoadJCm2 },
    };
  } else {
    capsules = notModelled('not applicable: the cargo is delivered to Earth orbit, no atmospheric entry');
  }

  const delivered: PlanDelivered & { modelled: true } = {
    modelled: true,
    destination: sc.delivery,
    refinedKg: base.refinedKg!,
    leftBehindKg: base.leftBehindKg!,
    consumedKg: 0,
    deliveredKg: base.deliveredKg!,
    identity: 'deliveredKg = refinedKg − leftBehindKg − consumedKg; leftBehindKg = refined product beyond the return leg’s largest cargo (capsules’ tare aboard; the most valuable product per kg is loaded first); consumedKg = 0 (xenon propellant, nothing refined is burnt)',
    band: bands.deliveredKg,
    byElement: chain.products.map((el, k) => ({ element: el, kg: base.deliveredByProduct![k], band: bands.deliveredByProduct[k] })),
  };

  // Supply: both paths in every plan (DESIGN §2.7, the link). Earth deliveries feed markets and
  // semiconductors, orbit deliveries replace launched mass; each plan also shows the other path
  // for its cargo, labelled as the comparison, never mixed into this mission's figures.
  const perYear: Record<string, number> = {};
  chain.products.forEach((el, k) => (perYear[el] = base.deliveredByProduct![k]));
  const warn: string[] = [];
  const toEarth = sc.delivery === 'earth';
  const mi = marketImpact(perYear, marketsWithPrices(chain, chain.inputs.base()), { elasticityOverride: elasticities(chain, chain.inputs.base()) });
  if (toEarth) warn.push(...mi.warnings);
  let semis: PlanSemiconductors | null = null;
  let semisNote: string | null = null;
  try {
    semis = planSemiconductors(perYear, sc);
    if (semis.elements.length === 0) semisNote = semis.notInStackNote ?? 'nothing delivered';
  } catch (err) {
    throw semiconductorError(err, chain.source);
  }
  if (toEarth && semis?.dieNote) warn.push(`supply.semiconductors: ${semis.dieNote}`);
  const supply: Plan['supply'] = {
    modelled: true,
    path: toEarth ? 'this mission' : 'if returned to Earth',
    method:
      (toEarth ? '' : 'comparison only — this mission delivers to orbit, so none of this reaches Earth markets: ') +
      'delivered mass in its arrival year against the element\'s own world primary supply (USGS MCS; Rh/Ir/Ru from PGM market reports; Nd/Dy/Tb derived from world REO and a published output distribution, approximate); price response p = p0·(1 + ΔS/S0)^(1/ε); ΣREE as oxide against world REO; semiconductor equivalents from film-layer material per 300 mm wafer',
    elements: mi.elements.map((e) => ({
      element: e.element,
      deliveredKgPerYear: e.deliveredKgPerYear,
      worldSupplyKgPerYear: e.worldSupplyKgPerYear,
      supplyApproximate: e.supplyApproximate,
      shareOfWorld: e.shareOfWorldSupply,
      shareOutsideDominant: e.shareOfSupplyOutsideDominant,
      dominantProducer: e.dominantProducer,
      priceUsdPerKg: e.priceUsdPerKg,
      respondedPriceUsdPerKg: e.respondedPriceUsdPerKg,
      priceChangeFraction: e.priceChangeFraction,
      source: e.priceSource,
      notes: e.notes,
    })),
    ree: mi.ree ? { deliveredReoKgPerYear: mi.ree.deliveredReoKgPerYear, shareOfWorld: mi.ree.shareOfWorldSupply, shareOutsideChina: mi.ree.shareOfSupplyOutsideChina } : null,
    semiconductors: semis,
    semiconductorsNote: semisNote,
  };

  const oc = sc.orbitalCompute;
  const av = chain.avoidedLaunch;
  const avoidedUsdPerKg = av.field && chain.inputs.has(av.field) ? central(chain.inputs.list.find((i) => i.field === av.field)!.dist) : av.defaultUsdPerKg;
  const odcOpts: OrbitalDcOptions = {
    powerW: oc.gw * 1e9,
    years: oc.years,
    launchUsdPerKg: avoidedUsdPerKg,
    ...(oc.specificPowerWPerKg ? { specificPowerWPerKg: oc.specificPowerWPerKg } : {}),
    ...(oc.satelliteCostUsdPerW ? { satUsdPerW: oc.satelliteCostUsdPerW } : {}),
  };
  let orbitalCompute: Plan['orbitalCompute'];
  try {
    const odc = orbitalDataCenter(odcOpts);
    const l = orbitalLink({ deliveredToOrbitKg: perYear, odc: odcOpts });
    const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);
    const link: PlanOrbitalLink = {
      path: toEarth ? 'if delivered to orbit' : 'this mission',
      deliveredKg: Object.values(perYear).reduce((a, b) => a + b, 0),
      replacedKg: l.replacedKg,
      launchCostSavedUsd: l.launchCostSavedUsd,
      launchCostSavedUsdPerGw: l.launchCostSavedUsdPerGw,
      categories: l.categories.map((c) => ({ category: c.category, needKg: c.needKg, replacedKg: c.replacedKg, coverage: c.coverage })),
      unusedKg: l.unusedKg,
      parityBeforeUsdPerKg: l.parity.baselineUsdPerKg,
      parityAfterUsdPerKg: l.parity.withDeliveryUsdPerKg,
      parityRawBeforeUsdPerKg: finiteOrNull(l.parity.baselineRawUsdPerKg),
      parityRawAfterUsdPerKg: finiteOrNull(l.parity.withDeliveryRawUsdPerKg),
      parityChangeUsdPerKg: l.parity.changeUsdPerKg,
      parityNote: l.parity.note,
      notes: l.notes,
    };
    const thisMission = !toEarth;
    orbitalCompute = {
      modelled: true,
      method:
        `orbital data centre of ${oc.gw} GW over ${oc.years} yr in the open McCalip form (DESIGN §2.7) vs terrestrial; ` +
        (thisMission
          ? 'the delivered material replaces launched structure, radiator and water mass'
          : 'this mission delivers to Earth, so it changes nothing here: the link shows what its cargo would save if delivered to orbit instead'),
      powerGw: oc.gw,
      years: oc.years,
      launchUsdPerKg: odc.inputs.launchUsdPerKg,
      launchPriceBasis: `avoided-launch price, the same the economics uses: ${av.basis}`,
      satellites: odc.satellites,
      massKg: odc.massKg,
      orbitalTotalUsd: odc.cost.total,
      terrestrialTotalUsd: odc.terrestrial.total,
      parityLaunchUsdPerKg: odc.parityLaunchCostUsdPerKg,
      parityRawUsdPerKg: odc.parityRawUsdPerKg,
      parityNote: odc.parityNote,
      parityLcoeLaunchUsdPerKg: odc.parityLcoeLaunchCostUsdPerKg,
      lcoeUsdPerMWh: odc.lcoeUsdPerMWh,
      terrestrialLcoeUsdPerMWh: odc.terrestrial.lcoeUsdPerMWh,
      lcoeBasis: `both per MWh delivered — orbital: ${odc.energyBasis}; terrestrial: ${odc.terrestrial.energyBasis}`,
      replacedKg: thisMission ? l.replacedKg : 0,
      launchCostSavedUsd: thisMission ? l.launchCostSavedUsd : 0,
      launchCostSavedUsdPerGw: thisMission ? l.launchCostSavedUsdPerGw : 0,
      parityWithDeliveryUsdPerKg: thisMission ? l.parity.withDeliveryUsdPerKg : odc.parityLaunchCostUsdPerKg,
      link,
    };
    if (thisMission) warn.push(...l.notes.filter((n) => /unused|no use|surplus/i.test(n)));
  } catch (err) {
    if (!(err instanceof ProspectorError)) throw err;
    orbitalCompute = notModelled(`orbital compute model rejected the inputs: ${err.message}`);
  }

  let economics: Plan['economics'];
  const econ = d.economics;
  if (chain.economicsMissing || !econ) {
    economics = notModelled(`not priced: ${chain.economicsMissing ?? 'no economics result'}`);
  } else {
    const e: PlanEconomics & { modelled: true } = {
      modelled: true,
      method: `cash flows by year from the launch year: spacecraft (dry mass × $/kg), launch (mass to LEO × $/kg; LEO mass = launch mass × ${chain.leoMassRatio.toFixed(3)} for the Earth departure by a 450 s upper stage), refinery, capsules, operations; revenue ${sc.delivery === 'earth' ? 'at the market-responded price' : `at the avoided launch price (${chain.avoidedLaunch.basis})`}; ${sc.finance.campaignMissions} mission(s) every ${chain.cadenceYears} yr with learning ${sc.finance.learningRate} on the spacecraft, refinery and capsules`,
      revenueUsd: econ.totals.revenueUsd,
      costUsd: econ.totals.costUsd,
      costs: Object.fromEntries(
        (['spacecraft', 'launch', 'refinery', 'capsules', 'operations'] as const).map((k) => [k, econ.years.reduce((s, y) => s + y.cost[k], 0)]),
      ),
      npvUsd: econ.npvUsd,
      irr: econ.irr,
      paybackYear: econ.paybackYear === null ? null : chain.launchYear + econ.paybackYear,
      discountRate: central(chain.inputs.list.find((i) => i.field === 'finance.discountRate')!.dist),
      band: bands.npvUsd,
      capsuleUnitCostUsd: chain.capsule ? chain.inputs.base().opt('capsules.costUsd', 0) : null,
      capsuleCostBasis: chain.capsuleCostBasis,
      avoidedLaunchUsdPerKg: avoidedUsdPerKg,
      avoidedLaunchBasis: chain.avoidedLaunch.basis,
    };
    economics = e;
  }
  chain.warnings.push(...warn);
  return { target, trajectory, propulsion, refining, capsules, delivered, supply, orbitalCompute, economics };
}

