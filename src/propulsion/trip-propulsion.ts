/**
 * Propulsion for a ballistic round trip (the `trip` result, NHATS bookkeeping): the launcher
 * provides the Earth departure (C3); the thrusters do the rendezvous at the asteroid
 * (v_rel,arr), the departure from it (v_rel,dep) and any Δv that caps the Earth entry speed.
 * When the trip carries the Lambert legs' vectors, each leg's low-thrust Δv is Damon's estimate
 * and its feasibility is checked with MIMA; otherwise the impulsive Δv is scaled by the
 * Lambert-optimism factor (median 1.68, band 1.15…1.92, LAMBERT_OPTIMISM_BAND). Edelbaum gives a
 * phase-free bound when the target's orbit is known (a true lower bound only for near-circular
 * orbits; the report warns when the Lambert-based estimate falls below it).
 */
import { AU_KM, DAY_S, MU_SUN_KM3S2 } from '../astro/constants.js';
import { propagate } from '../astro/kepler.js';
import type { Vec3 } from '../astro/vec.js';
import { InputError, NoSolutionError, requireFinite } from '../errors.js';
import type {
  AsteroidOperations,
  DistanceRangeAu,
  DvMethod,
  Margins,
  MassBudget,
  MaxCargoResult,
  MissionLeg,
  MissionProfile,
  Spacecraft,
  ThrustDistancePolicy,
} from './index.js';
import { damon } from './damon.js';
import { edelbaumCircularKmS } from './edelbaum.js';
import { LAMBERT_OPTIMISM_BAND } from './lambert-band.js';
import { MIMA_BAND } from './mima.js';
import { constraintMethods, massBudget, maxCargo, requireFeasibleBudget } from './mass-budget.js';
import { operatingPoint } from './solar-power.js';

/** One ballistic leg as the trajectory engine describes it (LegDetail-compatible). */
export interface TripLegVectors {
  tofDays: number;
  /** Departure position and transfer velocity (km, km/s, heliocentric ecliptic J2000). */
  r1: Vec3;
  v1: Vec3;
  /** v1 − v_body1 and v2 − v_body2, km/s. */
  vInfDep: Vec3;
  vInfArr: Vec3;
}

/** The fields of a `trip` solution the propulsion model needs (DESIGN §4 trip result). */
export interface TripForPropulsion {
  outDays: number;
  stayDays: number;
  returnDays: number;
  c3?: number;
  dvDepartKmS?: number;
  vArrNeoKmS: number;
  vDepNeoKmS: number;
  dvEntryKmS: number;
  /** The Lambert legs, when the trip engine provides them (TripSolution.legs): enables MIMA/Damon. */
  legs?: { outbound: TripLegVectors; inbound: TripLegVectors };
}

export interface PropulsionOptions {
  spacecraft: Spacecraft;
  /** What happens at the asteroid; its duration is the trip's stay. */
  operations: Omit<AsteroidOperations, 'durationDays'>;
  margins: Margins;
  dutyCycle: number;
  thrustDistance: ThrustDistancePolicy;
  /** Return this cargo (budget); when absent, the largest returnable cargo is computed. */
  cargoKg?: number;
  /** Factor on an impulsive Δv when no vectors are given (default LAMBERT_OPTIMISM_BAND.median). */
  lambertFactor?: number;
  /** The target's orbit, for the Edelbaum lower bound (1 AU circular → a, Δi = i). */
  target?: { aAu: number; iDeg: number };
}

export interface PropulsionLegReport {
  name: string;
  impulsiveDvKmS: number;
  impulsiveMethod: 'ballistic Lambert';
  lowThrustDvKmS: number;
  lowThrustMethod: DvMethod;
  /** Low-thrust Δv band (Lambert optimism 1.15…1.92 × impulsive), km/s. */
  bandKmS: [number, number];
  bandSource: string;
  rAu: DistanceRangeAu;
  /** How rAu was obtained. */
  rAuMethod: 'sampled Lambert arc' | 'assumed 1 AU (no leg vectors)';
  durationDays: number;
}

/** The cargo question re-asked with every leg's Δv at one end of its band. */
export interface BandCase {
  /** Lambert-optimism factor of this end (legs with a Damon Δv outside the band keep it). */
  dvFactor: number;
  /** Low-thrust Δv per leg used for this case (outbound…, inbound…), km/s. */
  dvKmS: number[];
  /** Factor on MIMA's maximum initial mass for legs with vectors (MIMA −14 %…+10 % vs optimum). */
  mimaMassFactor: number;
  /** Max cargo (max-cargo mode) or the given cargo (budget mode); null when infeasible. */
  cargoKg: number | null;
  feasible: boolean;
  binding: string | null;
}

export interface PropulsionReport {
  method: string;
  spacecraft: {
    thruster: string;
    thrusterName: string;
    thrusterSource: string;
    thrusterCount: number;
    powerAt1AuW: number;
    thrustAt1AuN: number;
    ispS: number;
    efficiency: number;
    dryMassKg: number;
  };
  launcher: { c3Km2S2: number | null; dvDepartKmS: number | null; note: string };
  legs: PropulsionLegReport[];
  edelbaum: { dvKmS: number; method: 'Edelbaum'; note: string } | null;
  /** 'max-cargo' when the cargo was solved for, 'budget' when it was given. */
  mode: 'max-cargo' | 'budget';
  cargoKg: number;
  /** Methods behind the cargo figure, e.g. 'rocket equation + burn time + MIMA'. */
  cargoMethod: string;
  binding: string | null;
  limits: MaxCargoResult['limits'] | null;
  budget: MassBudget;
  /** The mission profile the budget was computed from (legs with their Lambert vectors), for re-use. */
  mission: MissionProfile;
  /** The same question with every leg at the low / high end of its Δv band. */
  band: { optimistic: BandCase; pessimistic: BandCase; source: string };
  warnings: string[];
}

const norm = (v: readonly number[]) => Math.hypot(v[0], v[1], v[2]);

/** Heliocentric distance along a Lambert arc (16 samples, two-body), AU. */
export function arcDistanceAu(leg: TripLegVectors): DistanceRangeAu {
  const n = 16;
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (let k = 0; k <= n; k++) {
    const r = k === 0 ? leg.r1 : propagate(leg.r1, leg.v1, (leg.tofDays * DAY_S * k) / n, MU_SUN_KM3S2).r;
    const d = norm(r) / AU_KM;
    min = Math.min(min, d);
    max = Math.max(max, d);
    total += k === 0 || k === n ? d / 2 : d;
  }
  return { min, max, mean: total / n };
}

function checkVectors(leg: TripLegVectors, field: string): void {
  for (const k of ['r1', 'v1', 'vInfDep', 'vInfArr'] as const) {
    const v = leg[k];
    if (!Array.isArray(v) || v.length !== 3 || v.some((x) => !Number.isFinite(x))) throw new InputError(`${field}.${k}: expected three finite numbers`, `${field}.${k}`);
  }
  requireFinite(leg.tofDays, `${field}.tofDays`, { min: 0, exclusiveMin: true });
}

/** Propulsion report for one ballistic round trip and one spacecraft. */
export function propulsionForTrip(trip: TripForPropulsion, opts: PropulsionOptions): PropulsionReport {
  for (const k of ['outDays', 'stayDays', 'returnDays', 'vArrNeoKmS', 'vDepNeoKmS', 'dvEntryKmS'] as const) requireFinite(trip[k], `trip.${k}`, { min: 0 });
  const factor = opts.lambertFactor ?? LAMBERT_OPTIMISM_BAND.median;
  requireFinite(factor, 'lambertFactor', { min: 1 });
  const warnings: string[] = [];
  const sc = opts.spacecraft;
  const isp = sc.thruster.ispS;

  const legs: PropulsionLegReport[] = [];
  const missionLeg = (name: string, impulsiveKmS: number, days: number, vec: TripLegVectors | undefined, dv1: Vec3 | null, dv2: Vec3 | null): MissionLeg => {
    let lowThrustKmS = impulsiveKmS * factor;
    let method: DvMethod = 'ballistic Lambert';
    let rAu: DistanceRangeAu = { min: 1, max: 1, mean: 1 };
    let lambert: MissionLeg['lambert'];
    if (vec && dv1 && dv2) {
      checkVectors(vec, name);
      rAu = arcDistanceAu(vec);
      lambert = { dv1KmS: dv1, dv2KmS: dv2 };
      const d = damon(dv1.map((x) => x * 1000), dv2.map((x) => x * 1000), vec.tofDays * DAY_S, 1, isp);
      lowThrustKmS = d.dvMS / 1000;
      method = 'Damon';
    }
    // Lambert optimism band, widened to hold Damon's figure when it lies outside (a one-sided
    // rendezvous costs (1 + √2) × the impulsive Δv in the two-arc model).
    const band: [number, number] = [
      Math.min(lowThrustKmS, impulsiveKmS * LAMBERT_OPTIMISM_BAND.low),
      Math.max(lowThrustKmS, impulsiveKmS * LAMBERT_OPTIMISM_BAND.high),
    ];
    legs.push({
      name,
      impulsiveDvKmS: impulsiveKmS,
      impulsiveMethod: 'ballistic Lambert',
      lowThrustDvKmS: lowThrustKmS,
      lowThrustMethod: method,
      bandKmS: band,
      bandSource: LAMBERT_OPTIMISM_BAND.source,
      rAu,
      rAuMethod: lambert ? 'sampled Lambert arc' : 'assumed 1 AU (no leg vectors)',
      durationDays: days,
    });
    const dvNote = lambert
      ? `Damon from the Lambert boundary Δvs (impulsive ${impulsiveKmS.toFixed(3)} km/s)`
      : `impulsive ${impulsiveKmS.toFixed(3)} km/s × ${factor} (Lambert optimism)`;
    return { name, dvKmS: lowThrustKmS, dvMethod: method, dvNote, dvBandKmS: band, durationDays: days, rAu, lambert };
  };

  const out = trip.legs?.outbound;
  const back = trip.legs?.inbound;
  if (!out || !back) warnings.push('trip has no Lambert leg vectors: low-thrust Δv = impulsive × ' + factor.toFixed(2) + ' and thrust taken at 1 AU (no MIMA check)');
  // Outbound: the launcher matches the departure v∞, the thrusters cancel the arrival v∞.
  const outbound = missionLeg('outbound', trip.vArrNeoKmS, trip.outDays, out, out ? [0, 0, 0] : null, out ? [-out.vInfArr[0], -out.vInfArr[1], -out.vInfArr[2]] : null);
  // Inbound: the thrusters give the departure v∞ and, if needed, slow the Earth arrival so the
  // capsules enter at the speed limit (NHATS's entry Δv, as a v∞ reduction along −v∞).
  let entryDv: Vec3 | null = null;
  if (back) {
    const va = norm(back.vInfArr);
    entryDv = va > 0 ? [(-back.vInfArr[0] / va) * trip.dvEntryKmS, (-back.vInfArr[1] / va) * trip.dvEntryKmS, (-back.vInfArr[2] / va) * trip.dvEntryKmS] : [0, 0, 0];
  }
  const inbound = missionLeg('inbound', trip.vDepNeoKmS + trip.dvEntryKmS, trip.returnDays, back, back ? [...back.vInfDep] : null, entryDv);

  // During the stay the spacecraft is where the outbound arc ends (the asteroid).
  const opsRAu = opts.operations.rAu ?? (out ? norm(propagate(out.r1, out.v1, out.tofDays * DAY_S, MU_SUN_KM3S2).r) / AU_KM : undefined);
  const mission: MissionProfile = {
    outbound: [outbound],
    operations: { ...opts.operations, durationDays: trip.stayDays, ...(opsRAu !== undefined ? { rAu: opsRAu } : {}) },
    inbound: [inbound],
    margins: opts.margins,
    dutyCycle: opts.dutyCycle,
    thrustDistance: opts.thrustDistance,
  };

  let budget: MassBudget;
  let cargoKg: number;
  let binding: string | null;
  let limits: MaxCargoResult['limits'] | null = null;
  let mode: PropulsionReport['mode'];
  if (opts.cargoKg !== undefined) {
    mode = 'budget';
    budget = requireFeasibleBudget(sc, mission, opts.cargoKg);
    cargoKg = opts.cargoKg;
    binding = budget.binding;
  } else {
    mode = 'max-cargo';
    const r = maxCargo(sc, mission);
    budget = r.budget;
    cargoKg = r.cargoKg;
    binding = r.binding;
    limits = r.limits;
  }

  // The same question at both ends of every leg's Δv band.
  const atBand = (end: 0 | 1): BandCase => {
    const pick = (l: MissionLeg) => ({ ...l, dvKmS: end === 1 ? Math.max(l.dvKmS, l.dvBandKmS![1]) : Math.min(l.dvKmS, l.dvBandKmS![0]) });
    // Legs checked with MIMA: the true maximum mass is MIMA/(1 + 0.10) … MIMA/(1 − 0.14).
    const mimaMassFactor = end === 1 ? 1 / (1 + MIMA_BAND.high) : 1 / (1 + MIMA_BAND.low);
    const mm: MissionProfile = { ...mission, outbound: mission.outbound.map(pick), inbound: mission.inbound.map(pick), mimaMassFactor };
    const dvFactor = end === 1 ? LAMBERT_OPTIMISM_BAND.high : LAMBERT_OPTIMISM_BAND.low;
    const dvKmS = [...mm.outbound, ...mm.inbound].map((l) => l.dvKmS);
    if (mode === 'max-cargo') {
      try {
        const r = maxCargo(sc, mm);
        return { dvFactor, dvKmS, mimaMassFactor, cargoKg: r.cargoKg, feasible: true, binding: r.binding };
      } catch (err) {
        if (!(err instanceof NoSolutionError)) throw err;
        return { dvFactor, dvKmS, mimaMassFactor, cargoKg: null, feasible: false, binding: err.binding ?? null };
      }
    }
    const b = massBudget(sc, mm, cargoKg);
    return { dvFactor, dvKmS, mimaMassFactor, cargoKg, feasible: b.feasible, binding: b.binding };
  };
  const band = {
    optimistic: atBand(0),
    pessimistic: atBand(1),
    source: `Δv: ${LAMBERT_OPTIMISM_BAND.source}; MIMA legs: ${MIMA_BAND.source}`,
  };

  let edelbaum: PropulsionReport['edelbaum'] = null;
  if (opts.target) {
    const t = opts.target;
    requireFinite(t.aAu, 'target.aAu', { min: 0, exclusiveMin: true });
    requireFinite(t.iDeg, 'target.iDeg', { min: 0, max: 180 });
    edelbaum = {
      dvKmS: edelbaumCircularKmS(AU_KM, t.aAu * AU_KM, (t.iDeg * Math.PI) / 180, MU_SUN_KM3S2),
      method: 'Edelbaum',
      note: 'one way, 1 AU circular → circular at the target a with Δi = i; ignores eccentricity and phasing: a lower bound, not the leg cost',
    };
  }

  if (edelbaum) {
    const lowest = Math.min(...legs.map((l) => l.lowThrustDvKmS));
    if (lowest < edelbaum.dvKmS) {
      warnings.push(
        `Edelbaum's circular-orbit Δv (${edelbaum.dvKmS.toFixed(3)} km/s) exceeds a leg's Lambert-based estimate (${lowest.toFixed(3)} km/s): the target's eccentricity and phasing make the circular bound inapplicable here; use it as an order-of-magnitude check only`,
      );
    }
  }
  const op1 = operatingPoint(sc, 1);
  return {
    method:
      'launcher: C3 (not the thrusters); legs: ' +
      (out && back ? 'Damon Δv from the Lambert boundary vectors, MIMA feasibility' : `ballistic Lambert Δv × ${factor.toFixed(2)}`) +
      '; propellant: rocket equation backwards from the final mass; burn time t = m0·ve/T·(1 − e^(−Δv/ve))',
    spacecraft: {
      thruster: sc.thruster.id,
      thrusterName: sc.thruster.name,
      thrusterSource: sc.thruster.source,
      thrusterCount: sc.thrusterCount,
      powerAt1AuW: sc.powerAt1AuW,
      thrustAt1AuN: op1.thrustN,
      ispS: sc.thruster.ispS,
      efficiency: sc.thruster.efficiency,
      dryMassKg: sc.dryMassKg,
    },
    launcher: {
      c3Km2S2: trip.c3 ?? null,
      dvDepartKmS: trip.dvDepartKmS ?? null,
      note: 'Earth departure is flown by the launch vehicle to the trip’s C3; it is not in the thruster budget',
    },
    legs,
    edelbaum,
    mode,
    cargoKg,
    cargoMethod: constraintMethods(budget),
    binding,
    limits,
    budget,
    mission,
    band,
    warnings,
  };
}
