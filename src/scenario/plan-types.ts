/**
 * The Plan: everything `plan(scenario)` computes, as plain JSON-ready data (numbers in engine or
 * I/O units named in the field, ISO dates as strings, arrays in a fixed order so that the same
 * seed gives byte-identical JSON). A section the build cannot compute yet is
 * `{ modelled: false, reason }` — never a made-up number.
 */
import type { Band } from './dist.js';

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
  dvKmS: number;
  initialMassKg: number;
  propellantKg: number;
  finalMassKg: number;
  /** Null when the phase burns nothing. */
  burnDays: number | null;
  legDays: number;
  feasible: boolean;
}

export interface PlanPropulsion {
  method: string;
  thrustN: number;
  ispS: number;
  powerW: number;
  efficiency: number;
  legs: PlanLeg[];
  propellantKg: number;
  launchMassKg: number;
  /** Largest cargo the return leg can carry (rocket equation + burn-time check). */
  maxReturnCargoKg: number;
  feasible: boolean;
  binding: string | null;
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
  worldSupplyKgPerYear: number | null;
  shareOfWorld: number | null;
  shareOutsideDominant: number | null;
  priceUsdPerKg: number | null;
  respondedPriceUsdPerKg: number | null;
  source: string | null;
}

export interface PlanSupply {
  method: string;
  elements: PlanSupplyElement[];
  semiconductors: Record<string, unknown> | null;
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
  /** Launch price at which orbital equals terrestrial; null when there is none. */
  parityLaunchUsdPerKg: number | null;
  /** Launched mass this mission's orbit delivery replaces (0 for Earth deliveries). */
  replacedKg: number;
  launchCostSavedUsd: number;
  parityWithDeliveryUsdPerKg: number | null;
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
  /** ISO date of arrival (mid-year for campaign missions after the first). */
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
  scenario: { name: string; source: string | null; delivery: 'earth' | 'orbit'; samples: number; seed: number };
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
