/**
 * The Plan: everything `plan(scenario)` computes, as plain JSON-ready data (numbers in engine or
 * I/O units named in the field, ISO dates as strings, arrays in a fixed order so that the same
 * seed gives byte-identical JSON). A section the build cannot compute yet is
 * `{ modelled: false, reason }` — never a made-up number.
 */
import type { Band } from './dist.js';
import type { SemiconductorElementEquivalent } from '../supply/semiconductors.js';
import type { ConstraintCheck } from '../propulsion/index.js';

export type { Band };

export interface NotModelled {
  modelled: false;
  /** Why there is no figure (module missing, infeasible upstream, not applicable). */
  reason: string;
}

export type Section<T> = ({ modelled: true } & T) | NotModelled;

export interface PlanTarget {
  designation: string;
  displayName: string;
  orbitClass: string;
  spectralType: string | null;
  /** Size estimate basis as the catalog states it (measured, albedo, class, prior). */
  sizeBasis: string | null;
  diameterKm: number | null;
  diameterKmLow: number | null;
  diameterKmHigh: number | null;
  massKg: number | null;
  massKgLow: number | null;
  massKgHigh: number | null;
  /** Shoemaker–Helin rendezvous Δv (Benner-compatible); null for non-NEAs. */
  dvKmS: number | null;
  orbit: { epochJd: number; aAu: number; e: number; iDeg: number };
}

export interface PlanTrajectory {
  /** How the figures were obtained (e.g. "NHATS-style ballistic round trip, Izzo Lambert, 8-day grid"). */
  method: string;
  launch: string;
  arrival: string;
  departure: string;
  returnDate: string;
  outDays: number;
  stayDays: number;
  returnDays: number;
  totalDays: number;
  c3Km2S2: number;
  dvDepartKmS: number;
  vArrNeoKmS: number;
  vDepNeoKmS: number;
  dvEntryKmS: number;
  entrySpeedKmS: number;
  dvTotalKmS: number;
  /** Uncertainty factor on the Δvs used in the sampling (true/modelled), low–high. */
  dvFactor: { low: number; central: number; high: number; source: string };
}

export interface PlanLeg {
  name: string;
  /** Δv the thrusters fly on this leg (margin and this plan's model-error factor included), km/s. */
  dvKmS: number;
  /** Method behind dvKmS: 'Damon' (from the Lambert boundary vectors), 'ballistic Lambert' (impulsive × factor), 'user'. */
  dvMethod: string;
  dvNote: string | null;
  initialMassKg: number;
  propellantKg: number;
  finalMassKg: number;
  /** What the start mass is made of (sums to initialMassKg): dry, propellant aboard, refinery, capsule hardware, cargo. */
  start: { dryKg: number; propellantKg: number; deployedKg: number; capsulesKg: number; cargoKg: number };
  /** Distance from the Sun whose power sets the thrust, AU, and the full thrust there, N. */
  thrustRAu: number;
  thrustN: number;
  /** Null when the phase burns nothing (or cannot: thrusters below their minimum power). */
  burnDays: number | null;
  /** Duty cycle × leg duration, days: the burn must fit in it. */
  availableBurnDays: number;
  legDays: number;
  /** MIMA (Izzo et al. 2016) and Damon on the leg's Lambert arc at this start mass; null without vectors. */
  lowThrust: {
    method: 'MIMA';
    aReqMS2: number;
    maxInitialMassKg: number;
    /** initialMassKg / maxInitialMassKg: > 1 is infeasible. */
    massRatio: number;
    damonDvKmS: number;
    feasible: boolean;
  } | null;
  feasible: boolean;
}

/** A constraint the mass budget checks (src/propulsion); `value ≤ limit` when satisfied. */
export type PlanConstraint = ConstraintCheck;

export interface PlanPropulsion {
  method: string;
  thrustN: number;
  ispS: number;
  powerW: number;
  efficiency: number;
  legs: PlanLeg[];
  propellantKg: number;
  launchMassKg: number;
  /** Largest cargo the return leg can carry with its capsules aboard (rocket equation + burn time + MIMA). */
  maxReturnCargoKg: number;
  /** Cargo actually flown home, kg (≤ maxReturnCargoKg and ≤ what was refined). */
  returnCargoKg: number;
  /** Capsule hardware (empty capsules) riding both legs, kg. */
  capsuleTareKg: number;
  /** Methods behind maxReturnCargoKg, e.g. 'rocket equation + burn time + MIMA'. */
  cargoMethod: string;
  feasible: boolean;
  /** The constraint that sets maxReturnCargoKg (or the violated one when infeasible). */
  binding: string | null;
  /** Whether the refined yield or the propulsion limit decides how much comes home. */
  returnLimitedBy: 'refined yield' | 'propulsion';
  /** Every constraint of the base-case budget, value ≤ limit when satisfied. */
  constraints: PlanConstraint[];
}

export interface PlanProduct {
  element: string;
  /** Mass fraction of the product in the processed rock (central value). */
  grade: number;
  recovery: number;
  yieldKg: number;
  band: Band | null;
}

export interface PlanRefining {
  method: string;
  route: string;
  stayDays: number;
  concentratorAreaM2: number;
  absorbedPowerMeanW: number;
  processedKg: number;
  products: PlanProduct[];
  /** Product mass per month of stay, same element order as `products`. */
  monthly: Array<{ month: number; kg: number[] }>;
  refinedKg: number;
  capped: boolean;
}

export interface PlanCapsules {
  method: string;
  design: string;
  capsuleMassKg: number;
  payloadKg: number;
  count: number;
  band: Band | null;
  entry: { speedKmS: number; fpaDeg: number; peakDecelG: number; peakHeatFluxWCm2: number; heatLoadJCm2: number } | null;
}

export interface PlanDelivered {
  destination: 'earth' | 'orbit';
  refinedKg: number;
  /** Cargo the return leg cannot carry (left at the asteroid). */
  leftBehindKg: number;
  /** Refined product burnt or used by the mission itself (propellant made from cargo). */
  consumedKg: number;
  deliveredKg: number;
  /** The identity the numbers satisfy, in words. */
  identity: string;
  band: Band | null;
  byElement: Array<{ element: string; kg: number; band: Band | null }>;
}

export interface PlanSupplyElement {
  element: string;
  deliveredKgPerYear: number;
  /** The element's own world supply, kg of metal per yr (REE: derived from world REO; see notes). */
  worldSupplyKgPerYear: number | null;
  /** true when the supply figure is approximate (trade press, derived share). */
  supplyApproximate: boolean;
  shareOfWorld: number | null;
  shareOutsideDominant: number | null;
  dominantProducer: string | null;
  priceUsdPerKg: number | null;
  respondedPriceUsdPerKg: number | null;
  priceChangeFraction: number | null;
  /** Price source (supply sources are in data/markets.json). */
  source: string | null;
  notes: string[];
}

/** Per element: the supply model's own result (src/supply/semiconductors.ts). */
export type PlanSemiconductorElement = SemiconductorElementEquivalent;

export interface PlanSemiconductors {
  method: string;
  /** 'default' = data/semiconductors.json; 'scenario' = supply.semiconductors.layers. */
  stack: 'default' | 'scenario';
  layers: Array<{ id: string; element: string; thicknessNm: number; levels: number; utilisation: number; gramsPerWafer: number }>;
  utilisation: number;
  /** Die name (kept a string for readers of earlier plans). */
  die: string;
  dieAreaMm2: number;
  grossDiesPerWafer: number;
  dieYield: number;
  goodDiesPerWafer: number;
  dieNote: string | null;
  elements: PlanSemiconductorElement[];
  /** Delivered products no layer of the stack uses. */
  notInStack: string[];
  /** Says so in words ("Nd, Dy, Tb: not in the wafer stack …"), null when none. */
  notInStackNote: string | null;
  limitingElement: string | null;
  fullStackWafersPerYear: number;
  worldWafersPerYear: number;
  worldWafersYear: number;
}

export interface PlanSupply {
  method: string;
  /**
   * Whether this section describes where this mission's cargo goes ('this mission'), or the
   * other path shown for comparison ('if returned to Earth' for an orbit delivery).
   */
  path: 'this mission' | 'if returned to Earth';
  elements: PlanSupplyElement[];
  /** ΣREE delivered as oxide against world REO mine output (the group comparison). */
  ree: { deliveredReoKgPerYear: number; shareOfWorld: number; shareOutsideChina: number } | null;
  semiconductors: PlanSemiconductors | null;
  /** Why there is no semiconductor figure when there is none. */
  semiconductorsNote: string | null;
}

export interface PlanOrbitalLink {
  /** 'this mission' for an orbit delivery; 'if delivered to orbit' (the other path) for an Earth delivery. */
  path: 'this mission' | 'if delivered to orbit';
  deliveredKg: number;
  replacedKg: number;
  launchCostSavedUsd: number;
  launchCostSavedUsdPerGw: number;
  categories: Array<{ category: string; needKg: number; replacedKg: number; coverage: number }>;
  /** Delivered material with no use in the data centre (PGMs; metal or water beyond the need), kg. */
  unusedKg: Record<string, number>;
  parityBeforeUsdPerKg: number | null;
  parityAfterUsdPerKg: number | null;
  /** (terrestrial − non-launch orbital costs)/launched kg, before and after; negative = no parity; null when all mass comes from orbit. */
  parityRawBeforeUsdPerKg: number | null;
  parityRawAfterUsdPerKg: number | null;
  parityChangeUsdPerKg: number | null;
  parityNote: string;
  notes: string[];
}

export interface PlanOrbitalCompute {
  method: string;
  powerGw: number;
  years: number;
  satellites: number;
  massKg: number;
  launchUsdPerKg: number;
  orbitalTotalUsd: number;
  terrestrialTotalUsd: number;
  /** Where launchUsdPerKg comes from (the avoided-launch price the economics uses too). */
  launchPriceBasis: string;
  /** Launch price at which orbital equals terrestrial; null when there is none. */
  parityLaunchUsdPerKg: number | null;
  /** (terrestrial − non-launch orbital costs)/launched kg: negative when even free launch cannot reach parity. */
  parityRawUsdPerKg: number;
  parityNote: string;
  /** Launch price at which the orbital LCOE equals the terrestrial LCOE per delivered MWh. */
  parityLcoeLaunchUsdPerKg: number | null;
  lcoeUsdPerMWh: number;
  terrestrialLcoeUsdPerMWh: number;
  lcoeBasis: string;
  /** Launched mass this mission's orbit delivery replaces (0 for Earth deliveries). */
  replacedKg: number;
  launchCostSavedUsd: number;
  launchCostSavedUsdPerGw: number;
  parityWithDeliveryUsdPerKg: number | null;
  /** The link for the cargo: this mission's (orbit delivery) or the comparison path (Earth delivery). */
  link: PlanOrbitalLink | null;
}

export interface PlanEconomics {
  method: string;
  revenueUsd: number;
  costUsd: number;
  costs: Record<string, number>;
  npvUsd: number;
  irr: number | null;
  paybackYear: number | null;
  discountRate: number;
  band: Band | null;
  /** Cost of one capsule and where it comes from (scenario, or the Stardust-scaled default); null for orbit delivery. */
  capsuleUnitCostUsd: number | null;
  capsuleCostBasis: string | null;
  /** Price 1 kg delivered to orbit earns (the avoided launch), the same as orbitalCompute.launchUsdPerKg. */
  avoidedLaunchUsdPerKg: number;
  avoidedLaunchBasis: string;
}

export interface PlanInputSummary {
  field: string;
  distribution: 'fixed' | 'triangular' | 'percentiles' | 'uniform' | 'catalog';
  low: number;
  central: number;
  high: number;
}

export interface PlanForecastRow {
  /** Calendar year the cargo arrives. */
  year: number;
  /** ISO date of arrival (later campaign missions arrive on the same day of their year). */
  date: string;
  mission: number;
  element: string;
  p10Kg: number;
  p50Kg: number;
  p90Kg: number;
  p10Usd: number | null;
  p50Usd: number | null;
  p90Usd: number | null;
}

export interface Plan {
  scenario: {
    name: string;
    source: string | null;
    delivery: 'earth' | 'orbit';
    samples: number;
    seed: number;
    /** Launch window searched: the scenario's `window.launch`, or the default (from today, or 2025-01-01 if later, to 2045-12-31). */
    launchWindow: { from: string; to: string; basis: 'scenario' | 'default' };
  };
  target: Section<PlanTarget>;
  trajectory: Section<PlanTrajectory>;
  propulsion: Section<PlanPropulsion>;
  refining: Section<PlanRefining>;
  capsules: Section<PlanCapsules>;
  delivered: Section<PlanDelivered>;
  supply: Section<PlanSupply>;
  orbitalCompute: Section<PlanOrbitalCompute>;
  economics: Section<PlanEconomics>;
  uncertainty: {
    samples: number;
    seed: number;
    /** Samples whose chain was infeasible (counted as zero delivery, NPV of costs only). */
    infeasibleSamples: number;
    inputs: PlanInputSummary[];
    bands: {
      deliveredKg: Band | null;
      capsules: Band | null;
      npvUsd: Band | null;
      yieldKg: Array<{ element: string; band: Band }>;
    };
  };
  forecast: PlanForecastRow[];
  warnings: string[];
}
