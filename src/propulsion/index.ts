/**
 * Solar-electric propulsion and the mission mass budget (DESIGN §2.4).
 *
 * Types shared by the propulsion domain and its callers (plan(), the `trip --ion` and
 * `propulsion` commands). Engine units: kg, W, N, s, km/s for Δv, days only where the name
 * says so, heliocentric distance in AU where the name says so.
 *
 * Every figure a result carries names the method that produced it (`DvMethod`):
 *  - 'rocket equation'    — Tsiolkovsky, m0/m1 = exp(Δv/ve), leg by leg;
 *  - 'Edelbaum'           — circular→circular low-thrust Δv, a lower bound (edelbaum.ts);
 *  - 'MIMA'               — Izzo et al. 2016 maximum-initial-mass approximation (mima.ts);
 *  - 'Damon'              — D. Landau's two-arc linear model (damon.ts);
 *  - 'ballistic Lambert'  — impulsive Δv of a Lambert arc (optimistic for low thrust).
 */
import type { Vec3 } from '../astro/vec.js';

export type DvMethod = 'ballistic Lambert' | 'Damon' | 'MIMA' | 'Edelbaum' | 'user' | 'rocket equation';

/** One electric thruster with its power processor (a "string"). */
export interface ThrusterModel {
  id: string;
  name: string;
  type: 'gridded-ion' | 'hall' | 'other';
  /** Largest PPU input power one string can process, W. */
  maxInputPowerW: number;
  /** Lowest input power at which the thruster can run, W (below it the string is off). */
  minInputPowerW: number;
  /** Specific impulse, s (held constant over the throttle range in this model). */
  ispS: number;
  /** Total efficiency PPU input → jet power, η = T·g0·Isp/(2P). */
  efficiency: number;
  /** Thrust at `maxInputPowerW`, N (= 2ηP/(g0·Isp)). */
  thrustN: number;
  /** Thruster mass, kg, when published (sizing uses it when present). */
  massKg: number | null;
  source: string;
}

/** A preset id plus any fields to override, or a complete user-defined thruster. */
export type ThrusterSpec =
  | string
  | ({ preset: string } & Partial<Omit<ThrusterModel, 'id' | 'source'>>)
  | (Pick<ThrusterModel, 'maxInputPowerW' | 'ispS'> & {
      id?: string;
      name?: string;
      /** Default 20 % of maxInputPowerW. */
      minInputPowerW?: number;
      efficiency?: number;
      thrustN?: number;
      massKg?: number | null;
      source?: string;
      type?: ThrusterModel['type'];
    });

export interface Spacecraft {
  thruster: ThrusterModel;
  /** Strings that can fire simultaneously (extra spares do not count). */
  thrusterCount: number;
  /** Electric power available to the thrusters at 1 AU, W (array power minus bus load). */
  powerAt1AuW: number;
  /** Total power-processor cap, W (default thrusterCount × thruster.maxInputPowerW). */
  ppuMaxW?: number;
  /** Dry mass including tanks, arrays and thrusters, before contingency, kg. */
  dryMassKg: number;
  /** Xenon the tanks can hold, kg (no limit when absent). */
  propellantCapacityKg?: number;
  /** Largest launch (wet) mass the launcher delivers to the departure C3, kg (no limit when absent). */
  maxLaunchMassKg?: number;
}

/** Heliocentric distance over a leg, AU. */
export interface DistanceRangeAu {
  min: number;
  max: number;
  /** Defaults to (min + max) / 2. */
  mean?: number;
}

/** Which distance from the Sun sets a leg's available thrust. */
export type ThrustDistancePolicy = 'worst' | 'mean';

/** One propulsive leg: the Δv the thrusters must deliver and the time they have for it. */
export interface MissionLeg {
  name: string;
  /** Δv the thrusters deliver on the leg, before the Δv margin, km/s. */
  dvKmS: number;
  dvMethod: DvMethod;
  /** How the method was applied, e.g. "impulsive 0.591 km/s × 1.68 (Lambert optimism median)". */
  dvNote?: string;
  /** Low/high plausible Δv for this leg when the method carries a known error band, km/s. */
  dvBandKmS?: [number, number];
  durationDays: number;
  /** Heliocentric distance over the leg (default 1 AU throughout). */
  rAu?: DistanceRangeAu;
  /** Lambert boundary Δv vectors for the thrusters (km/s) and the leg's time of flight: enables MIMA/Damon. */
  lambert?: { dv1KmS: Vec3; dv2KmS: Vec3 };
}

/** What happens at the asteroid between arrival and departure. */
export interface AsteroidOperations {
  durationDays: number;
  /** Station-keeping / proximity-operations Δv burned at the asteroid, km/s. */
  stationKeepingDvKmS: number;
  /** Refinery and consumables carried out and left at the asteroid, kg. */
  deployedMassKg: number;
  /** Tare mass of the return capsules, kg. */
  capsuleMassKg: number;
  /** 'carried': capsules fly out empty; 'in-situ': built at the asteroid from local material. */
  capsuleSource: 'carried' | 'in-situ';
  /** Heliocentric distance during operations, AU (default 1). */
  rAu?: number;
}

export interface Margins {
  /** Fraction added to every leg's Δv (0.1 = +10 %). */
  dvFraction: number;
  /** Propellant loaded but never burned, as a fraction of the usable propellant. */
  propellantReserveFraction: number;
  /** Fraction added to the dry mass. */
  dryMassContingencyFraction: number;
}

export interface MissionProfile {
  outbound: MissionLeg[];
  operations: AsteroidOperations;
  inbound: MissionLeg[];
  margins: Margins;
  /** Fraction of each leg's time the thrusters can fire (navigation, communication coasts), e.g. 0.9. */
  dutyCycle: number;
  /** Thrust taken at the least favourable ('worst') or the mean distance from the Sun over each leg. */
  thrustDistance: ThrustDistancePolicy;
  /** Tank + feed mass per kg of loaded propellant, added to the dry mass (sizing; 0 for a given spacecraft). */
  tankageFraction?: number;
  /**
   * True / MIMA maximum initial mass, for error-band studies (default 1): MIMA is −14 %…+10 % off
   * the optimum, so the truth lies within MIMA/(1 + 0.10) … MIMA/(1 − 0.14).
   */
  mimaMassFactor?: number;
}

/** A constraint the budget checks; `value ≤ limit` when satisfied. */
export interface ConstraintCheck {
  id: string;
  description: string;
  value: number;
  limit: number;
  unit: string;
  satisfied: boolean;
}

/** MIMA/Damon check of one leg against the spacecraft's thrust at its distance from the Sun. */
export interface LegLowThrustCheck {
  method: 'MIMA';
  /** Required constant acceleration, m/s² (MIMA). */
  aReqMS2: number;
  /** Largest initial mass the available thrust can carry over the arc, kg (MIMA). */
  maxInitialMassKg: number;
  /** Damon's estimates for the same arc. */
  damon: { dvKmS: number; aReqMS2: number; maxInitialMassKg: number };
  /** Mass at the start of the leg / MIMA maximum: > 1 means infeasible. */
  massRatio: number;
  /** Thrust the leg needs at this mass (after duty cycle), N, and the shortfall (0 when feasible). */
  thrustNeededN: number;
  thrustShortfallN: number;
  /** Extra thruster input power that would close the shortfall at this distance, W (0 when feasible). */
  powerShortfallW: number;
  /** The extra power exceeds what the power processors can take: more thruster strings are needed. */
  needsMoreStrings: boolean;
  feasible: boolean;
}

export interface BudgetPhase {
  phase: 'outbound' | 'operations' | 'inbound';
  name: string;
  /** Δv burned including the margin, km/s, and the method that produced the underlying Δv. */
  dvKmS: number;
  dvMethod: DvMethod;
  dvNote?: string;
  durationDays: number;
  /** Masses at the start of the phase (after any drop/pick-up at the asteroid for the first inbound leg). */
  startMassKg: number;
  endMassKg: number;
  propellantKg: number;
  /** Composition at the start: the sum equals startMassKg (closure). */
  start: MassComposition;
  /** Distance used for the thrust and the full thrust available there (before the duty cycle). */
  thrustRAu: number;
  thrustN: number;
  /** Burn time by t = m0·ve/T·(1 − e^(−Δv/ve)), days; available = duty × duration. */
  burnDays: number | null;
  availableBurnDays: number;
  lowThrust?: LegLowThrustCheck;
}

export interface MassComposition {
  dryKg: number;
  /** Propellant on board, including the reserve. */
  propellantKg: number;
  deployedKg: number;
  capsulesKg: number;
  cargoKg: number;
}

export interface MassBudget {
  cargoKg: number;
  /** Dry mass with contingency, plus tankage. */
  dryMassKg: number;
  tankageKg: number;
  launchMassKg: number;
  propellantUsableKg: number;
  propellantReserveKg: number;
  propellantLoadedKg: number;
  exhaustVelocityKmS: number;
  phases: BudgetPhase[];
  constraints: ConstraintCheck[];
  feasible: boolean;
  /** The violated constraint with the largest relative excess, when infeasible. */
  binding: string | null;
  method: 'rocket equation';
  /** Which distance set each leg's thrust: 'worst' = farthest from the Sun over the leg, 'mean'. */
  thrustDistance: ThrustDistancePolicy;
  dutyCycle: number;
}

export interface MaxCargoResult {
  cargoKg: number;
  /** How the figure was obtained, e.g. 'rocket equation + burn time + MIMA'. */
  method: string;
  /** Constraint that limits the cargo. */
  binding: string;
  /** Largest cargo each constraint allows on its own (Infinity when it does not depend on cargo). */
  limits: Array<{ id: string; description: string; maxCargoKg: number | null }>;
  budget: MassBudget;
}

export interface SizingAssumptions {
  /** Bus, structure, avionics, refinery interfaces: everything but arrays, thrusters and tanks, kg. */
  busDryMassKg: number;
  /** Solar array specific mass, kg per kW at 1 AU. */
  arraySpecificMassKgPerKw: number;
  /** Thruster + PPU + gimbal specific mass, kg per kW of string capacity. */
  propulsionSpecificMassKgPerKw: number;
  /** Tank + feed mass per kg of loaded propellant. */
  tankageFraction: number;
  /** Upper limit on simultaneously firing strings considered. */
  maxThrusters: number;
  maxLaunchMassKg?: number;
}

export interface SizingResult {
  cargoKg: number;
  /** How the figure was obtained. */
  method: string;
  spacecraft: Spacecraft;
  powerAt1AuW: number;
  thrusterCount: number;
  massBreakdownKg: { bus: number; arrays: number; propulsion: number; tankage: number };
  budget: MassBudget;
  binding: string;
  assumptions: SizingAssumptions & { sources: Record<string, string> };
}

export { thrustFromPowerN, efficiencyFromThrust, exhaustVelocityMS, massFlowKgS } from './thrust.js';
export { solarPowerW, operatingPoint, type OperatingPoint } from './solar-power.js';
export { thrusterPresets, thrusterPreset, resolveThruster } from './thrusters.js';
export { edelbaumDeltaV, edelbaumCircularKmS, EDELBAUM_BAND } from './edelbaum.js';
export { mima, MIMA_BAND, type MimaResult } from './mima.js';
export { damon, type DamonResult } from './damon.js';
export { lambertLowThrustBand, LAMBERT_OPTIMISM_BAND } from './lambert-band.js';
export { propellantForDeltaV, finalMassForDeltaV, burnTimeS } from './rocket-equation.js';
export { massBudget, maxCargo, requireFeasibleBudget, describeViolation, constraintMethods } from './mass-budget.js';
export { sizeSpacecraft, DEFAULT_SIZING, SIZING_SOURCES } from './sizing.js';
export {
  propulsionForTrip,
  arcDistanceAu,
  type TripForPropulsion,
  type TripLegVectors,
  type PropulsionReport,
  type PropulsionLegReport,
  type PropulsionOptions,
  type BandCase,
} from './trip-propulsion.js';
