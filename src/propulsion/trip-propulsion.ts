/**
 * Propulsion for a ballistic round trip (the `trip` result, NHATS bookkeeping): the launcher
 * provides the Earth departure (C3); the thrusters do the rendezvous at the asteroid
 * (v_rel,arr), the departure from it (v_rel,dep) and any Δv that caps the Earth entry speed.
 * When the trip carries the Lambert legs' vectors, each leg's low-thrust Δv is Damon's estimate
 * and its feasibility is checked with MIMA; its error band is MIMA's −14 %…+10 % on the maximum
 * mass, re-expressed as Δv (m* ∝ 1/a and Δv = a·T, so true Δv = estimate × 0.86…1.10). Without
 * vectors the impulsive Δv is scaled by the Lambert-optimism factor (median 1.68, band
 * 1.15…1.92, LAMBERT_OPTIMISM_BAND).
 *
 * Edelbaum is shown when the target's orbit is known, as the Δv of flying the WHOLE orbit change
 * (1 AU circular → the target's a and i) by low thrust. It is not a lower bound on these legs: the
 * launcher's C3 does part of the outbound change and the atmosphere absorbs the Earth-arrival v∞,
 * and an impulsive plane change (2V·sin(Δi/2)) is cheaper than Edelbaum's (π/2)·V·Δi. The report
 * therefore does not clamp a leg to it, and says so when a leg (or a band end) falls below it.
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
  /** Low-thrust Δv band, km/s: Damon × (1 − 0.14 … 1 + 0.10) (MIMA error) or impulsive × 1.15…1.92 (Lambert optimism). */
  bandKmS: [number, number];
  /** How each end of the band is obtained, e.g. "Damon × 0.86 (MIMA −14 %)". */
  bandBasis: [string, string];
  bandSource: string;
  rAu: DistanceRangeAu;
  /** How rAu was obtained. */
  rAuMethod: 'sampled Lambert arc' | 'assumed 1 AU (no leg vectors)';
  durationDays: number;
}

/** The cargo question re-asked with every leg's Δv at one end of its band. */
export interface BandCase {
  /** Each leg's Δv in this case and how it was obtained (e.g. "Damon × 1.10 (MIMA +10 %)"). */
  legs: Array<{ name: string; dvKmS: number; basis: string; belowEdelbaum: boolean }>;
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
  edelbaum: {
    dvKmS: number;
    method: 'Edelbaum';
    note: string;
    /** Legs whose Δv (central estimate or either band end) is below the Edelbaum figure. */
    legsBelow: string[];
  } | null;
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
    // Damon legs: MIMA's error on m* (estimate/optimum 0.86…1.10) as a Δv error, m* ∝ 1/Δv for
    // thrust over the whole arc, so optimum Δv = Damon × (1 + err). Impulsive legs: the Lambert
    // optimism band (a one-sided rendezvous already costs (1 + √2) × impulsive in Damon's model,
    // beyond that band, which is why Damon legs do not use it).
    const pctOf = (x: number) => `${x > 0 ? '+' : '−'}${Math.round(Math.abs(x) * 100)} %`;
    const band: [number, number] = lambert
      ? [lowThrustKmS * (1 + MIMA_BAND.low), lowThrustKmS * (1 + MIMA_BAND.high)]
      : [impulsiveKmS * LAMBERT_OPTIMISM_BAND.low, impulsiveKmS * LAMBERT_OPTIMISM_BAND.high];
    const bandBasis: [string, string] = lambert
      ? [`Damon × ${(1 + MIMA_BAND.low).toFixed(2)} (MIMA ${pctOf(MIMA_BAND.low)})`, `Damon × ${(1 + MIMA_BAND.high).toFixed(2)} (MIMA ${pctOf(MIMA_BAND.high)})`]
      : [`impulsive × ${LAMBERT_OPTIMISM_BAND.low} (Lambert optimism)`, `impulsive × ${LAMBERT_OPTIMISM_BAND.high} (Lambert optimism)`];
    legs.push({
      name,
      impulsiveDvKmS: impulsiveKmS,
      impulsiveMethod: 'ballistic Lambert',
      lowThrustDvKmS: lowThrustKmS,
      lowThrustMethod: method,
      bandKmS: band,
      bandBasis,
      bandSource: lambert ? `${MIMA_BAND.source}; as Δv: optimum Δv = Damon × (1 + error), m* ∝ 1/a` : LAMBERT_OPTIMISM_BAND.source,
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

  let edelbaumKmS: number | null = null;
  if (opts.target) {
    const t = opts.target;
    requireFinite(t.aAu, 'target.aAu', { min: 0, exclusiveMin: true });
    requireFinite(t.iDeg, 'target.iDeg', { min: 0, max: 180 });
    edelbaumKmS = edelbaumCircularKmS(AU_KM, t.aAu * AU_KM, (t.iDeg * Math.PI) / 180, MU_SUN_KM3S2);
  }
  const below = (dvKmS: number) => edelbaumKmS !== null && dvKmS < edelbaumKmS;

  // The same question at both ends of every leg's Δv band; the MIMA check moves with it
  // (true maximum mass = MIMA/(1 + 0.10) … MIMA/(1 − 0.14)).
  const atBand = (end: 0 | 1): BandCase => {
    const pick = (l: MissionLeg) => ({ ...l, dvKmS: l.dvBandKmS![end] });
    const mimaMassFactor = end === 1 ? 1 / (1 + MIMA_BAND.high) : 1 / (1 + MIMA_BAND.low);
    const mm: MissionProfile = { ...mission, outbound: mission.outbound.map(pick), inbound: mission.inbound.map(pick), mimaMassFactor };
    const all = [...mm.outbound, ...mm.inbound];
    const dvKmS = all.map((l) => l.dvKmS);
    const caseLegs = all.map((l, k) => ({ name: l.name, dvKmS: l.dvKmS, basis: legs[k].bandBasis[end], belowEdelbaum: below(l.dvKmS) }));
    if (mode === 'max-cargo') {
      try {
        const r = maxCargo(sc, mm);
        return { legs: caseLegs, dvKmS, mimaMassFactor, cargoKg: r.cargoKg, feasible: true, binding: r.binding };
      } catch (err) {
        if (!(err instanceof NoSolutionError)) throw err;
        return { legs: caseLegs, dvKmS, mimaMassFactor, cargoKg: null, feasible: false, binding: err.binding ?? null };
      }
    }
    const b = massBudget(sc, mm, cargoKg);
    return { legs: caseLegs, dvKmS, mimaMassFactor, cargoKg, feasible: b.feasible, binding: b.binding };
  };
  const band = {
    optimistic: atBand(0),
    pessimistic: atBand(1),
    source: out && back ? `Damon legs: ${MIMA_BAND.source}` : `Δv: ${LAMBERT_OPTIMISM_BAND.source}; MIMA legs: ${MIMA_BAND.source}`,
  };

  let edelbaum: PropulsionReport['edelbaum'] = null;
  if (edelbaumKmS !== null) {
    const legsBelow = legs.filter((l) => below(Math.min(l.lowThrustDvKmS, l.bandKmS[0]))).map((l) => l.name);
    edelbaum = {
      dvKmS: edelbaumKmS,
      method: 'Edelbaum',
      note: 'the whole orbit change flown by low thrust: 1 AU circular → circular at the target a with Δi = i (no launcher C3, no atmospheric capture, no phasing); a reference, not a bound on a leg the launcher or the atmosphere shares',
      legsBelow,
    };
    if (legsBelow.length) {
      const lowest = Math.min(...legs.map((l) => Math.min(l.lowThrustDvKmS, l.bandKmS[0])));
      warnings.push(
        `the ${legsBelow.join(' and ')} leg Δv (down to ${lowest.toFixed(3)} km/s at the optimistic end) is below Edelbaum's ${edelbaumKmS.toFixed(3)} km/s for the whole orbit change: not clamped, because the launcher's C3 (outbound) and the atmosphere (Earth-arrival v∞) do part of that change; the Lambert-based leg estimates stand`,
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
