/**
 * "To return X kg, what spacecraft is needed?" The smallest thruster power at 1 AU (and the
 * number of strings to process it) whose mass budget closes with every constraint met, with the
 * dry mass growing with power:
 *   dry = bus + α_array·P₁AU + α_EP·(strings × string capacity) + tankage·propellant.
 * Thrust per kg rises with power but saturates at 1/(α_array + α_EP)-ish, so past some Δv and
 * duration no power suffices: NoSolutionError naming the binding constraint.
 */
import { InputError, NoSolutionError, requireFinite } from '../errors.js';
import type { MassBudget, MissionProfile, SizingAssumptions, SizingResult, Spacecraft, ThrusterModel } from './index.js';
import { constraintMethods, massBudget } from './mass-budget.js';

/** Sources of the default sizing figures. */
export const SIZING_SOURCES: Record<string, string> = {
  arraySpecificMassKgPerKw:
    '6.7 kg/kW = 150 W/kg, state-of-the-art flexible-blanket arrays of 30–50 kW (Mikulas, Pappa, Warren & Rose 2015, NASA NTRS 20150006022). Dawn’s rigid arrays were ~12.6 kg/kW (2 wings × 63 kg for 10 kW at 1 AU; Rayman/Patel via Planetary Society 2007).',
  propulsionSpecificMassKgPerKw:
    '7 kg/kW: PPU < 5 kg/kW (NSTAR breadboard PPU, Sovey, Rawlin & Patterson 2001, JPP 17(3)) + thruster ~1.9 kg/kW (SPT-140 8.5 kg for 4.5 kW, Delgado & Corey 2014).',
  tankageFraction:
    '0.10 kg of tank and feed system per kg of xenon: design assumption at the conservative end of the 5–10 % usually taken for composite-overwrapped xenon tanks in preliminary design.',
  busDryMassKg: 'user input (no default): structure, avionics, attitude control, refinery interfaces.',
  maxThrusters: '20 strings: search limit, not a physical figure.',
};

export const DEFAULT_SIZING: Omit<SizingAssumptions, 'busDryMassKg'> = {
  arraySpecificMassKgPerKw: 1000 / 150,
  propulsionSpecificMassKgPerKw: 7,
  tankageFraction: 0.1,
  maxThrusters: 20,
};

function build(thruster: ThrusterModel, a: SizingAssumptions, powerW: number, count: number) {
  const arrays = (a.arraySpecificMassKgPerKw * powerW) / 1000;
  const propulsion = (a.propulsionSpecificMassKgPerKw * count * thruster.maxInputPowerW) / 1000;
  const sc: Spacecraft = {
    thruster,
    thrusterCount: count,
    powerAt1AuW: powerW,
    dryMassKg: a.busDryMassKg + arrays + propulsion,
    maxLaunchMassKg: a.maxLaunchMassKg,
  };
  return { sc, arrays, propulsion };
}

/**
 * Smallest spacecraft (power at 1 AU, strings) that returns `cargoKg` over `mission` with
 * `thruster`. The mission's tankageFraction is replaced by the sizing assumption.
 */
export function sizeSpacecraft(cargoKg: number, mission: MissionProfile, thruster: ThrusterModel, assumptions: Partial<SizingAssumptions> & { busDryMassKg: number }): SizingResult {
  const a: SizingAssumptions = { ...DEFAULT_SIZING, ...assumptions };
  requireFinite(cargoKg, 'cargoKg', { min: 0 });
  requireFinite(a.busDryMassKg, 'busDryMassKg', { min: 0, exclusiveMin: true });
  requireFinite(a.arraySpecificMassKgPerKw, 'arraySpecificMassKgPerKw', { min: 0 });
  requireFinite(a.propulsionSpecificMassKgPerKw, 'propulsionSpecificMassKgPerKw', { min: 0 });
  requireFinite(a.tankageFraction, 'tankageFraction', { min: 0 });
  requireFinite(a.maxThrusters, 'maxThrusters', { min: 1 });
  if (!Number.isInteger(a.maxThrusters)) throw new InputError('maxThrusters: expected a whole number ≥ 1', 'maxThrusters');
  const m: MissionProfile = { ...mission, tankageFraction: a.tankageFraction };
  const pMax = thruster.maxInputPowerW;

  const evalAt = (powerW: number, count: number): { budget: MassBudget; parts: ReturnType<typeof build> } => {
    const parts = build(thruster, a, powerW, count);
    return { budget: massBudget(parts.sc, m, cargoKg), parts };
  };

  let last: MassBudget | undefined;
  for (let n = 1; n <= a.maxThrusters; n++) {
    // Powers that need exactly n strings at 1 AU: ((n−1)·Pmax, n·Pmax]. Thrust per kg is not
    // monotonic in power once the processors cap it inside 1 AU, so scan, then bisect.
    const lo = n === 1 ? thruster.minInputPowerW : (n - 1) * pMax;
    const hi = n * pMax;
    const steps = 48;
    let prevInfeasible = lo;
    let found: number | undefined;
    for (let s = 0; s <= steps; s++) {
      const p = lo + ((hi - lo) * s) / steps;
      const r = evalAt(p, n);
      last = r.budget;
      if (r.budget.feasible) {
        found = p;
        break;
      }
      prevInfeasible = p;
    }
    if (found === undefined) continue;
    let bad = prevInfeasible;
    let good = found;
    if (good > lo) {
      for (let it = 0; it < 50 && good - bad > 1e-6 * good; it++) {
        const mid = 0.5 * (bad + good);
        if (evalAt(mid, n).budget.feasible) good = mid;
        else bad = mid;
      }
    }
    const r = evalAt(good, n);
    const binding = tightest(r.budget);
    return {
      cargoKg,
      method: `smallest power whose budget closes: ${constraintMethods(r.budget)}; dry mass scaled with power`,
      spacecraft: r.parts.sc,
      powerAt1AuW: good,
      thrusterCount: n,
      massBreakdownKg: { bus: a.busDryMassKg, arrays: r.parts.arrays, propulsion: r.parts.propulsion, tankage: r.budget.tankageKg },
      budget: r.budget,
      binding,
      assumptions: { ...a, sources: SIZING_SOURCES },
    };
  }
  const c = last!.constraints.find((x) => x.id === last!.binding);
  throw new NoSolutionError(
    `no spacecraft with up to ${a.maxThrusters} × ${thruster.id} (${((a.maxThrusters * pMax) / 1000).toFixed(1)} kW) returns ${cargoKg.toFixed(0)} kg: ${c ? `${c.description} is ${c.value.toFixed(1)} ${c.unit} > ${c.limit.toFixed(1)} ${c.unit}` : 'the budget does not close'} — adding power adds array and thruster mass faster than thrust helps`,
    last!.binding ?? 'propellant-closure',
  );
}

/** The satisfied constraint closest to its limit: what sized the spacecraft. */
function tightest(b: MassBudget): string {
  let best = '';
  let ratio = -Infinity;
  for (const c of b.constraints) {
    const r = c.limit > 0 ? c.value / c.limit : -Infinity;
    if (r > ratio) {
      ratio = r;
      best = c.id;
    }
  }
  return best;
}
