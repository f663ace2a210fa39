/**
 * Mission mass budget for a solar-electric spacecraft (DESIGN §2.4): outbound legs → operations
 * at the asteroid (drop the refinery, load capsules and cargo, station-keeping) → inbound legs
 * with the cargo. Propellant comes from the rocket equation leg by leg, computed backwards from
 * the final mass because the cargo is fixed; each leg's burn time at the thrust available at its
 * distance from the Sun must fit in duty × duration; legs with Lambert vectors are also checked
 * with MIMA. Margins (Δv, propellant reserve, dry contingency) are inputs.
 *
 * Every mass in the budget is affine in the cargo (propellant ∝ the mass it pushes; burn time
 * ∝ the start mass), so the largest cargo is solved exactly per constraint, not searched.
 */
import { DAY_S } from '../astro/constants.js';
import { InputError, NoSolutionError, requireFinite } from '../errors.js';
import type {
  BudgetPhase,
  ConstraintCheck,
  DistanceRangeAu,
  DvMethod,
  LegLowThrustCheck,
  MassBudget,
  MaxCargoResult,
  MissionLeg,
  MissionProfile,
  Spacecraft,
} from './index.js';
import { damon } from './damon.js';
import { mima } from './mima.js';
import { burnTimeS } from './rocket-equation.js';
import { operatingPoint, ppuCapW } from './solar-power.js';
import { exhaustVelocityMS } from './thrust.js';

/** Relative slack when comparing a value with its limit (round-off in the affine solve). */
const REL_TOL = 1e-9;

interface PhaseSpec {
  phase: BudgetPhase['phase'];
  name: string;
  dvMS: number;
  dvMethod: DvMethod;
  durationDays: number;
  thrustRAu: number;
  thrustN: number;
  leg?: MissionLeg;
}

function rangeOf(r: DistanceRangeAu | undefined): DistanceRangeAu {
  return r ?? { min: 1, max: 1, mean: 1 };
}

/** The distance whose thrust a leg gets: the farthest point (least power) or the mean. */
function thrustDistanceAu(r: DistanceRangeAu, policy: MissionProfile['thrustDistance']): number {
  return policy === 'worst' ? r.max : (r.mean ?? (r.min + r.max) / 2);
}

function checkLeg(leg: MissionLeg, field: string): void {
  requireFinite(leg.dvKmS, `${field}.dvKmS`, { min: 0 });
  requireFinite(leg.durationDays, `${field}.durationDays`, { min: 0 });
  if (leg.rAu) {
    requireFinite(leg.rAu.min, `${field}.rAu.min`, { min: 0, exclusiveMin: true });
    requireFinite(leg.rAu.max, `${field}.rAu.max`, { min: leg.rAu.min });
    if (leg.rAu.mean !== undefined) requireFinite(leg.rAu.mean, `${field}.rAu.mean`, { min: leg.rAu.min, max: leg.rAu.max });
  }
  if (leg.lambert) {
    for (const k of ['dv1KmS', 'dv2KmS'] as const) {
      const v = leg.lambert[k];
      if (!Array.isArray(v) || v.length !== 3 || v.some((x) => !Number.isFinite(x))) {
        throw new InputError(`${field}.lambert.${k}: expected three finite numbers (km/s)`, `${field}.lambert.${k}`);
      }
    }
    if (!(leg.durationDays > 0)) throw new InputError(`${field}.durationDays: a leg with Lambert vectors needs a time of flight > 0`, `${field}.durationDays`);
  }
}

/** Throws InputError naming the field when the spacecraft or mission is malformed. */
export function checkInputs(sc: Spacecraft, m: MissionProfile): void {
  requireFinite(sc.dryMassKg, 'spacecraft.dryMassKg', { min: 0, exclusiveMin: true });
  requireFinite(sc.powerAt1AuW, 'spacecraft.powerAt1AuW', { min: 0, exclusiveMin: true });
  requireFinite(sc.thrusterCount, 'spacecraft.thrusterCount', { min: 1 });
  if (!Number.isInteger(sc.thrusterCount)) throw new InputError('spacecraft.thrusterCount: expected a whole number ≥ 1', 'spacecraft.thrusterCount');
  if (sc.ppuMaxW !== undefined) requireFinite(sc.ppuMaxW, 'spacecraft.ppuMaxW', { min: 0, exclusiveMin: true });
  if (sc.propellantCapacityKg !== undefined) requireFinite(sc.propellantCapacityKg, 'spacecraft.propellantCapacityKg', { min: 0 });
  if (sc.maxLaunchMassKg !== undefined) requireFinite(sc.maxLaunchMassKg, 'spacecraft.maxLaunchMassKg', { min: 0, exclusiveMin: true });
  requireFinite(sc.thruster.ispS, 'thruster.ispS', { min: 0, exclusiveMin: true });
  requireFinite(sc.thruster.efficiency, 'thruster.efficiency', { min: 0, exclusiveMin: true, max: 1 });
  m.outbound.forEach((l, i) => checkLeg(l, `outbound[${i}]`));
  m.inbound.forEach((l, i) => checkLeg(l, `inbound[${i}]`));
  const ops = m.operations;
  requireFinite(ops.durationDays, 'operations.durationDays', { min: 0 });
  requireFinite(ops.stationKeepingDvKmS, 'operations.stationKeepingDvKmS', { min: 0 });
  requireFinite(ops.deployedMassKg, 'operations.deployedMassKg', { min: 0 });
  requireFinite(ops.capsuleMassKg, 'operations.capsuleMassKg', { min: 0 });
  if (ops.capsuleSource !== 'carried' && ops.capsuleSource !== 'in-situ') {
    throw new InputError(`operations.capsuleSource: expected "carried" or "in-situ", got "${String(ops.capsuleSource)}"`, 'operations.capsuleSource');
  }
  if (ops.rAu !== undefined) requireFinite(ops.rAu, 'operations.rAu', { min: 0, exclusiveMin: true });
  requireFinite(m.margins.dvFraction, 'margins.dvFraction', { min: 0 });
  requireFinite(m.margins.propellantReserveFraction, 'margins.propellantReserveFraction', { min: 0 });
  requireFinite(m.margins.dryMassContingencyFraction, 'margins.dryMassContingencyFraction', { min: 0 });
  requireFinite(m.dutyCycle, 'dutyCycle', { min: 0, exclusiveMin: true, max: 1 });
  if (m.thrustDistance !== 'worst' && m.thrustDistance !== 'mean') {
    throw new InputError(`thrustDistance: expected "worst" or "mean", got "${String(m.thrustDistance)}"`, 'thrustDistance');
  }
  if (m.tankageFraction !== undefined) requireFinite(m.tankageFraction, 'tankageFraction', { min: 0 });
  if (m.mimaMassFactor !== undefined) requireFinite(m.mimaMassFactor, 'mimaMassFactor', { min: 0, exclusiveMin: true });
}

function phaseSpecs(sc: Spacecraft, m: MissionProfile): PhaseSpec[] {
  const k = 1 + m.margins.dvFraction;
  const leg = (l: MissionLeg, phase: 'outbound' | 'inbound'): PhaseSpec => {
    const r = thrustDistanceAu(rangeOf(l.rAu), m.thrustDistance);
    return { phase, name: l.name, dvMS: l.dvKmS * 1000 * k, dvMethod: l.dvMethod, durationDays: l.durationDays, thrustRAu: r, thrustN: operatingPoint(sc, r).thrustN, leg: l };
  };
  const opsR = m.operations.rAu ?? 1;
  return [
    ...m.outbound.map((l) => leg(l, 'outbound')),
    {
      phase: 'operations',
      name: 'operations at the asteroid',
      dvMS: m.operations.stationKeepingDvKmS * 1000 * k,
      dvMethod: 'user',
      durationDays: m.operations.durationDays,
      thrustRAu: opsR,
      thrustN: operatingPoint(sc, opsR).thrustN,
    },
    ...m.inbound.map((l) => leg(l, 'inbound')),
  ];
}

interface Chain {
  /** Start mass of each phase (operations: after drop and pick-up), kg. */
  start: number[];
  end: number[];
  burned: number[];
  launch: number;
}

/**
 * Backward pass: final mass = dry + carried-through (reserve + tankage) + capsules + cargo, each
 * leg's start = end·exp(Δv/ve); at the asteroid the refinery is added back and the cargo (and
 * in-situ capsules) removed going backwards.
 */
function chain(specs: PhaseSpec[], veMS: number, dryKg: number, carriedKg: number, cargoKg: number, m: MissionProfile): Chain {
  const n = specs.length;
  const start = new Array<number>(n);
  const end = new Array<number>(n);
  const burned = new Array<number>(n);
  const ops = m.operations;
  let mass = dryKg + carriedKg + ops.capsuleMassKg + cargoKg;
  for (let i = n - 1; i >= 0; i--) {
    end[i] = mass;
    start[i] = mass * Math.exp(specs[i].dvMS / veMS);
    burned[i] = start[i] - end[i];
    mass = start[i];
    if (specs[i].phase === 'operations') {
      // Arrival mass: the refinery is still aboard, the cargo (and in-situ capsules) not yet.
      mass = mass - cargoKg - (ops.capsuleSource === 'in-situ' ? ops.capsuleMassKg : 0) + ops.deployedMassKg;
    }
  }
  return { start, end, burned, launch: mass };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The whole-mission mass budget for a given returned cargo. Never throws for an infeasible
 * mission (it reports `feasible: false` and the binding constraint) except when no propellant
 * load can close the budget at all (reserve + tankage feedback ≥ 1): NoSolutionError.
 */
export function massBudget(sc: Spacecraft, m: MissionProfile, cargoKg: number): MassBudget {
  checkInputs(sc, m);
  requireFinite(cargoKg, 'cargoKg', { min: 0 });
  const specs = phaseSpecs(sc, m);
  const veMS = exhaustVelocityMS(sc.thruster.ispS);
  const dryKg = sc.dryMassKg * (1 + m.margins.dryMassContingencyFraction);
  const rho = m.margins.propellantReserveFraction;
  const tau = m.tankageFraction ?? 0;

  // Usable propellant is affine in the mass carried through the whole trip (reserve + tanks):
  // P = P0 + k·X with X = κ·P, κ = ρ + τ(1 + ρ), so P = P0/(1 − kκ).
  const p0 = sum(chain(specs, veMS, dryKg, 0, cargoKg, m).burned);
  const k = sum(chain(specs, veMS, dryKg, 1, cargoKg, m).burned) - p0;
  const kappa = rho + tau * (1 + rho);
  if (k * kappa >= 1) {
    throw new NoSolutionError(
      `mass budget does not close: with a mission mass ratio of ${(1 + k).toFixed(3)}, every kg of reserve and tankage needs ≥ 1 kg more propellant (reserve ${rho}, tankage ${tau}); lower the Δv or raise the Isp`,
      'propellant-closure',
    );
  }
  const usable = p0 / (1 - k * kappa);
  const reserve = rho * usable;
  const loaded = usable + reserve;
  const tankage = tau * loaded;
  const c = chain(specs, veMS, dryKg, reserve + tankage, cargoKg, m);

  const ops = m.operations;
  const phases: BudgetPhase[] = [];
  const constraints: ConstraintCheck[] = [];
  let burnedSoFar = 0;
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i];
    const atAsteroidOrAfter = s.phase !== 'outbound';
    const composition = {
      dryKg: dryKg + tankage,
      propellantKg: loaded - burnedSoFar,
      deployedKg: atAsteroidOrAfter ? 0 : ops.deployedMassKg,
      capsulesKg: atAsteroidOrAfter || ops.capsuleSource === 'carried' ? ops.capsuleMassKg : 0,
      cargoKg: atAsteroidOrAfter ? cargoKg : 0,
    };
    burnedSoFar += c.burned[i];
    const availableBurnDays = m.dutyCycle * s.durationDays;
    const burnS = burnTimeS(c.start[i], s.dvMS, veMS, s.thrustN);
    const phase: BudgetPhase = {
      phase: s.phase,
      name: s.name,
      dvKmS: s.dvMS / 1000,
      dvMethod: s.dvMethod,
      ...(s.leg?.dvNote ? { dvNote: s.leg.dvNote } : {}),
      durationDays: s.durationDays,
      startMassKg: c.start[i],
      endMassKg: c.end[i],
      propellantKg: c.burned[i],
      start: composition,
      thrustRAu: s.thrustRAu,
      thrustN: s.thrustN,
      burnDays: Number.isFinite(burnS) ? burnS / DAY_S : null,
      availableBurnDays,
    };
    if (s.dvMS > 0) {
      if (s.thrustN > 0) {
        constraints.push(mk(`burn-time:${s.name}`, `burn time of "${s.name}" at ${s.thrustRAu.toFixed(3)} AU (${(s.thrustN * 1000).toFixed(1)} mN) vs ${(m.dutyCycle * 100).toFixed(0)} % of ${s.durationDays.toFixed(1)} d`, burnS / DAY_S, availableBurnDays, 'd'));
      } else {
        // value = the least input power one string runs on, limit = what the arrays give there.
        const op = operatingPoint(sc, s.thrustRAu);
        constraints.push(mk(`power-cut-off:${s.name}`, `least input power of one ${sc.thruster.id} string vs the array power on "${s.name}" at ${s.thrustRAu.toFixed(3)} AU`, sc.thruster.minInputPowerW, op.arrayPowerW, 'W'));
      }
    }
    if (s.leg?.lambert && s.thrustN > 0) {
      phase.lowThrust = lowThrustCheck(sc, s, c.start[i], m.dutyCycle, m.mimaMassFactor ?? 1, m.margins.dvFraction);
      // Thrust stated at full power (the same basis as the shortfall in the hint), with the duty cycle named.
      constraints.push(mk(`mima:${s.name}`, `start mass of "${s.name}" vs the MIMA maximum for ${(s.thrustN * 1000).toFixed(1)} mN full thrust fired ${(m.dutyCycle * 100).toFixed(0)} % of ${s.durationDays.toFixed(1)} d`, c.start[i], phase.lowThrust.maxInitialMassKg, 'kg'));
    }
    phases.push(phase);
  }
  if (sc.propellantCapacityKg !== undefined) {
    constraints.push(mk('propellant-capacity', 'propellant loaded (usable + reserve) vs tank capacity', loaded, sc.propellantCapacityKg, 'kg'));
  }
  if (sc.maxLaunchMassKg !== undefined) {
    constraints.push(mk('launch-mass', 'launch mass vs launcher capability to the departure C3', c.launch, sc.maxLaunchMassKg, 'kg'));
  }
  const violated = constraints.filter((x) => !x.satisfied);
  violated.sort((a, b) => excess(b) - excess(a));
  return {
    cargoKg,
    dryMassKg: dryKg + tankage,
    tankageKg: tankage,
    launchMassKg: c.launch,
    propellantUsableKg: usable,
    propellantReserveKg: reserve,
    propellantLoadedKg: loaded,
    exhaustVelocityKmS: veMS / 1000,
    phases,
    constraints,
    feasible: violated.length === 0,
    binding: violated.length ? violated[0].id : null,
    method: 'rocket equation',
    thrustDistance: m.thrustDistance,
    dutyCycle: m.dutyCycle,
  };
}

function mk(id: string, description: string, value: number, limit: number, unit: string): ConstraintCheck {
  return { id, description, value, limit, unit, satisfied: value <= limit * (1 + REL_TOL) + 1e-12 };
}

function excess(c: ConstraintCheck): number {
  return c.limit > 0 ? c.value / c.limit : Number.POSITIVE_INFINITY;
}

/**
 * MIMA verdict for a leg with Lambert vectors: the thrust available (× duty cycle) at the leg's
 * distance against what the start mass needs, and the shortfall in thrust and in input power.
 */
function lowThrustCheck(sc: Spacecraft, s: PhaseSpec, startMassKg: number, duty: number, massFactor: number, margin: number): LegLowThrustCheck {
  const lam = s.leg!.lambert!;
  const tofS = s.durationDays * DAY_S;
  // The Δv margin applies to the arc too: scale the boundary Δvs by it.
  const k = 1000 * (1 + margin);
  const dv1 = lam.dv1KmS.map((x) => x * k);
  const dv2 = lam.dv2KmS.map((x) => x * k);
  const thrust = s.thrustN * duty;
  const mi = mima(dv1, dv2, tofS, thrust, sc.thruster.ispS);
  const da = damon(dv1, dv2, tofS, thrust, sc.thruster.ispS);
  const veMS = exhaustVelocityMS(sc.thruster.ispS);
  const maxMass = mi.maxInitialMassKg * massFactor;
  // Invert m* = 2T/(a(1 + e^(−aT/ve))) for the thrust this start mass needs.
  const thrustNeeded = (startMassKg * mi.aReqMS2 * (1 + Math.exp(-mi.dvMS / veMS))) / 2 / massFactor;
  const shortfallN = Math.max(0, thrustNeeded - thrust);
  const th = sc.thruster;
  const powerShortfallW = shortfallN > 0 ? (shortfallN / duty) * (veMS / (2 * th.efficiency)) : 0;
  const op = operatingPoint(sc, s.thrustRAu);
  const needsMoreStrings = shortfallN > 0 && op.inputPowerW + powerShortfallW > ppuCapW(sc) * (1 + REL_TOL);
  return {
    method: 'MIMA',
    aReqMS2: mi.aReqMS2,
    maxInitialMassKg: maxMass,
    damon: { dvKmS: da.dvMS / 1000, aReqMS2: da.aReqMS2, maxInitialMassKg: da.maxInitialMassKg },
    massRatio: startMassKg / maxMass,
    thrustNeededN: thrustNeeded / duty,
    thrustShortfallN: shortfallN / duty,
    powerShortfallW,
    needsMoreStrings,
    feasible: startMassKg <= maxMass * (1 + REL_TOL),
  };
}

/**
 * "With this spacecraft, how much cargo can come back?" Every constraint is affine in the cargo,
 * so each one's limit is solved exactly; the smallest wins and names the binding constraint.
 * Throws NoSolutionError when even an empty return is infeasible, InputError when nothing on the
 * way back depends on the cargo (no inbound Δv and no launch/tank limit).
 */
export function maxCargo(sc: Spacecraft, m: MissionProfile): MaxCargoResult {
  const b0 = massBudget(sc, m, 0);
  if (!b0.feasible) {
    const c = b0.constraints.find((x) => x.id === b0.binding)!;
    throw new NoSolutionError(`no cargo can be returned: even empty, ${describeViolation(b0, sc)}`, c.id);
  }
  const probe = Math.max(1000, b0.dryMassKg);
  const b1 = massBudget(sc, m, probe);
  const limits = b0.constraints.map((c0, j) => {
    const c1 = b1.constraints[j];
    const slope = (c1.value - c0.value) / probe - (c1.limit - c0.limit) / probe;
    const room = c0.limit - c0.value;
    const maxCargoKg = slope > 1e-15 * Math.max(1, Math.abs(c0.value) / probe) ? Math.max(0, room / slope) : null;
    return { id: c0.id, description: c0.description, maxCargoKg };
  });
  const bounded = limits.filter((l) => l.maxCargoKg !== null) as Array<{ id: string; description: string; maxCargoKg: number }>;
  if (bounded.length === 0) {
    throw new InputError(
      'cargo is not limited by propulsion: no inbound leg or station-keeping Δv depends on it and no tank or launch limit is set; give the inbound Δv',
      'inbound',
    );
  }
  bounded.sort((a, b) => a.maxCargoKg - b.maxCargoKg);
  const best = bounded[0];
  const budget = massBudget(sc, m, best.maxCargoKg);
  return { cargoKg: best.maxCargoKg, method: constraintMethods(budget), binding: best.id, limits, budget };
}

/** The methods behind a cargo figure: the rocket equation plus the kinds of constraint checked. */
export function constraintMethods(b: MassBudget): string {
  const parts = ['rocket equation'];
  if (b.constraints.some((c) => c.id.startsWith('burn-time:'))) parts.push('burn time');
  if (b.constraints.some((c) => c.id.startsWith('mima:'))) parts.push('MIMA');
  if (b.constraints.some((c) => c.id === 'propellant-capacity')) parts.push('tank capacity');
  if (b.constraints.some((c) => c.id === 'launch-mass')) parts.push('launch mass');
  return parts.join(' + ');
}

/** One sentence on why a budget is infeasible: the binding constraint, by how much, and the fix. */
export function describeViolation(b: MassBudget, sc: Spacecraft): string {
  const c = b.constraints.find((x) => x.id === b.binding);
  if (!c) return 'the budget is feasible';
  if (c.id.startsWith('power-cut-off:')) return powerCutOffSentence(c, b, sc);
  return `${c.description} is ${fmtNum(c.value)} ${c.unit} > ${fmtNum(c.limit)} ${c.unit}${hint(c, { ...b, sc })}`;
}

/** Budget for a given cargo, or NoSolutionError naming the binding constraint (and the largest feasible cargo). */
export function requireFeasibleBudget(sc: Spacecraft, m: MissionProfile, cargoKg: number): MassBudget {
  const b = massBudget(sc, m, cargoKg);
  if (b.feasible) return b;
  let best = '';
  try {
    best = `; the largest feasible cargo is ${maxCargo(sc, m).cargoKg.toFixed(1)} kg`;
  } catch {
    best = '; no cargo at all is feasible';
  }
  throw new NoSolutionError(`cargo ${cargoKg} kg is infeasible: ${describeViolation(b, sc)}${best}`, b.binding ?? undefined);
}

/**
 * The thrusters cannot start on a leg: one sentence with the leg, the distance, the power the arrays
 * give there, the least a string runs on, and the two fixes (more array power, a thruster that
 * runs on less). Array power at 1 AU that would do: the string minimum × r² (P ∝ 1/r²).
 */
function powerCutOffSentence(c: ConstraintCheck, b: MassBudget, sc: Spacecraft): string {
  const ph = b.phases.find((p) => c.id.endsWith(`:${p.name}`));
  const rAu = ph?.thrustRAu ?? 1;
  const needAt1AuW = c.value * rAu * rAu;
  const w = (x: number) => (x >= 1000 ? `${(x / 1000).toPrecision(3)} kW` : `${x.toPrecision(3)} W`);
  return (
    `the thrusters cannot run on "${ph?.name ?? c.id.slice('power-cut-off:'.length)}": at ${rAu.toFixed(3)} AU the arrays give ${w(c.limit)}, ` +
    `less than the ${w(c.value)} one ${sc.thruster.id} string needs to run; give at least ${w(needAt1AuW)} of array power at 1 AU, or a thruster whose minimum input power is below ${w(c.limit)}`
  );
}

function fmtNum(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(4);
}

function hint(c: ConstraintCheck, b: MassBudget & { sc: Spacecraft }): string {
  const ph = b.phases.find((p) => c.id.endsWith(`:${p.name}`));
  if (c.id.startsWith('mima:') && ph?.lowThrust) {
    const l = ph.lowThrust;
    // All thrusts at full power (thrustNeededN and thrustShortfallN are divided by the duty cycle).
    return ` (MIMA: needs ${(l.thrustNeededN * 1000).toFixed(1)} mN of full thrust, has ${(ph.thrustN * 1000).toFixed(1)} mN: short by ${(l.thrustShortfallN * 1000).toFixed(1)} mN ≈ ${(l.powerShortfallW / 1000).toFixed(2)} kW more thruster input power${l.needsMoreStrings ? `, beyond the ${(ppuCapW(b.sc) / 1000).toFixed(2)} kW the power processors take: add thruster strings` : ''})`;
  }
  if (c.id.startsWith('burn-time:') && ph) {
    const ratio = c.value / c.limit;
    const moreN = ph.thrustN * (ratio - 1);
    const th = b.sc.thruster;
    const moreW = (moreN * exhaustVelocityMS(th.ispS)) / (2 * th.efficiency);
    const op = operatingPoint(b.sc, ph.thrustRAu);
    const strings = op.inputPowerW + moreW > ppuCapW(b.sc) * (1 + REL_TOL) ? `, beyond the ${(ppuCapW(b.sc) / 1000).toFixed(2)} kW the power processors take: add thruster strings` : '';
    return ` (thrust short by a factor ${ratio.toFixed(2)}: ${(moreN * 1000).toFixed(1)} mN ≈ ${(moreW / 1000).toFixed(2)} kW more at ${ph.thrustRAu.toFixed(2)} AU${strings})`;
  }
  return '';
}
