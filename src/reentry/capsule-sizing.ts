/**
 * Metal-return capsules sized from heritage (DESIGN §2.6):
 * - the capsule's entry (gross) mass and a ballistic-coefficient target fix its diameter,
 *   D = √(4m/(π·C_D·β)), and the nose radius scales with D as Stardust's (R_n/D = 0.2202/0.811);
 * - the entry is integrated at the return leg's entry speed and flight-path angle, giving the
 *   stagnation heat load Q;
 * - the heat shield takes MF(Q) of the mass (Laub & Venkatapathy 2003, see tps-mass.ts);
 * - structure, backshell, parachutes, avionics and separation hardware take a fixed fraction
 *   (`otherFraction`, default 0.40 — an assumption: heritage capsules spend most of their mass on
 *   these, and 0.40 plus a Stardust-like heat shield leaves DESIGN's 20–40 % payload band);
 * - what is left, capped at the target payload fraction (default 0.30, DESIGN 20–40 %), is cargo.
 * Number of capsules = ⌈cargo / payload per capsule⌉; the capsules' hardware mass plus the cargo
 * rides the return leg.
 */
import { DEG } from '../astro/constants.js';
import { InputError, NoSolutionError, requireFinite } from '../errors.js';
import type { AtmosphereModel } from './atmosphere.js';
import { ballisticCoefficientKgM2, capsulePreset } from './capsules.js';
import { simulateEntry, type EntryInput, type EntryResult } from './entry-simulation.js';
import { tpsMassFraction } from './tps-mass.js';

/** Stardust's nose-radius-to-diameter ratio (0.2202 m / 0.811 m). */
export const STARDUST_NOSE_RATIO = 0.2202 / 0.811;

export interface CapsuleDesign {
  /** Entry mass of one full capsule, kg. */
  grossMassKg: number;
  /** Target payload (cargo) fraction of the gross mass, default 0.30 (DESIGN: 20–40 %). */
  payloadFraction?: number;
  /** Ballistic coefficient target m/(C_D·A), kg/m², default 90 (heritage 55–120). */
  ballisticCoefficientKgM2?: number;
  /** Hypersonic drag coefficient, default 1.5 (60° sphere-cone, Stardust). */
  cd?: number;
  /** Nose radius / diameter, default Stardust's 0.2715. */
  noseRadiusRatio?: number;
  /** Mass fraction of everything but heat shield and payload, default 0.40 (assumption). */
  otherFraction?: number;
  atmosphere?: AtmosphereModel;
  /** Further entry settings for the sizing run (interface altitude, Earth rotation, C_D(Mach), …). */
  entryOptions?: Omit<EntryInput, 'massKg' | 'diameterM' | 'noseRadiusM' | 'cd' | 'speedKmS' | 'fpaRad'>;
}

export const DEFAULT_METAL_CAPSULE: Required<Omit<CapsuleDesign, 'atmosphere' | 'entryOptions'>> = {
  grossMassKg: 100,
  payloadFraction: 0.3,
  ballisticCoefficientKgM2: 90,
  cd: 1.5,
  noseRadiusRatio: STARDUST_NOSE_RATIO,
  otherFraction: 0.4,
};

export interface CapsuleSizing {
  grossMassKg: number;
  diameterM: number;
  noseRadiusM: number;
  cd: number;
  ballisticCoefficientKgM2: number;
  heatLoadJCm2: number;
  tpsFraction: number;
  tpsMassKg: number;
  otherFraction: number;
  otherMassKg: number;
  /** Payload fraction actually used (≤ the target; lower when the heat shield needs the mass). */
  payloadFraction: number;
  payloadPerCapsuleKg: number;
  /** Gross mass minus payload: what each capsule adds to the return leg, kg. */
  dryMassKg: number;
  entry: EntryResult;
  warnings: string[];
}

export interface CapsulesForCargo {
  count: number;
  payloadPerCapsuleKg: number;
  /** Gross entry mass of one full capsule, kg. */
  capsuleMassKg: number;
  /** Capsule hardware (count × dry mass), kg. */
  hardwareMassKg: number;
  /** Hardware plus cargo: the mass the capsules add to the return leg, kg. */
  totalMassKg: number;
  cargoKg: number;
  sizing: CapsuleSizing;
  /** Entry of one full capsule at the given conditions. */
  entry: EntryResult;
  assumptions: {
    entrySpeedKmS: number;
    fpaDeg: number;
    payloadFractionTarget: number;
    otherFraction: number;
    tpsCorrelation: string;
  };
  warnings: string[];
}

function resolveDesign(design: CapsuleDesign | string): CapsuleDesign {
  if (typeof design !== 'string') return design;
  // A heritage preset as a design: its mass, β, C_D and nose ratio.
  const p = capsulePreset(design, 'design');
  return {
    grossMassKg: p.massKg,
    ballisticCoefficientKgM2: ballisticCoefficientKgM2(p.massKg, p.cd, p.diameterM),
    cd: p.cd,
    noseRadiusRatio: p.noseRadiusM / p.diameterM,
  };
}

/** Sizes one capsule for an entry at `entrySpeedKmS` (inertial) and `fpaRad` (< 0). */
export function sizeCapsule(designIn: CapsuleDesign | string, entrySpeedKmS: number, fpaRad: number): CapsuleSizing {
  const design = resolveDesign(designIn);
  const m = requireFinite(design.grossMassKg, 'capsule.grossMassKg', { min: 0, exclusiveMin: true, max: 1e5 });
  const target = requireFinite(design.payloadFraction ?? DEFAULT_METAL_CAPSULE.payloadFraction, 'capsule.payloadFraction', { min: 0, exclusiveMin: true, max: 0.9 });
  const beta = requireFinite(design.ballisticCoefficientKgM2 ?? DEFAULT_METAL_CAPSULE.ballisticCoefficientKgM2, 'capsule.ballisticCoefficientKgM2', { min: 1, max: 2000 });
  const cd = requireFinite(design.cd ?? DEFAULT_METAL_CAPSULE.cd, 'capsule.cd', { min: 0, exclusiveMin: true, max: 5 });
  const ratio = requireFinite(design.noseRadiusRatio ?? DEFAULT_METAL_CAPSULE.noseRadiusRatio, 'capsule.noseRadiusRatio', { min: 0.05, max: 5 });
  const other = requireFinite(design.otherFraction ?? DEFAULT_METAL_CAPSULE.otherFraction, 'capsule.otherFraction', { min: 0, max: 0.95 });
  requireFinite(entrySpeedKmS, 'entrySpeedKmS', { min: 0, exclusiveMin: true, max: 80 });
  requireFinite(fpaRad, 'fpaRad', { min: -Math.PI / 2, exclusiveMin: true });
  if (fpaRad > 0) throw new InputError(`fpaRad: expected a flight-path angle ≤ 0 (descending), got ${(fpaRad / DEG).toFixed(3)}°`, 'fpaRad');

  const diameterM = Math.sqrt((4 * m) / (Math.PI * cd * beta));
  const noseRadiusM = ratio * diameterM;
  const entry = simulateEntry({ atmosphere: design.atmosphere, ...design.entryOptions, massKg: m, diameterM, noseRadiusM, cd, speedKmS: entrySpeedKmS, fpaRad });
  if (entry.skippedOut) {
    throw new NoSolutionError(`capsule entry at ${entrySpeedKmS} km/s and ${(fpaRad / DEG).toFixed(2)}° skips out of the atmosphere; steepen the flight-path angle`, 'fpaRad');
  }
  const tps = tpsMassFraction(entry.heatLoadJCm2);
  const available = 1 - tps - other;
  const warnings = [...entry.warnings];
  if (available <= 0.01) {
    throw new NoSolutionError(
      `capsule: the heat shield (${(tps * 100).toFixed(1)} % for ${entry.heatLoadJCm2.toFixed(0)} J/cm²) plus structure (${(other * 100).toFixed(0)} %) leave no room for payload`,
      'capsule.payloadFraction',
    );
  }
  const pf = Math.min(target, available);
  if (pf < target) warnings.push(`capsule payload fraction limited to ${(pf * 100).toFixed(1)} % (target ${(target * 100).toFixed(0)} %) by a ${(tps * 100).toFixed(1)} % heat shield`);
  if (pf < 0.2) warnings.push(`capsule payload fraction ${(pf * 100).toFixed(1)} % is below the 20–40 % heritage band`);
  if (beta < 55 || beta > 120) warnings.push(`ballistic coefficient ${beta.toFixed(0)} kg/m² is outside the 55–120 kg/m² heritage range`);
  return {
    grossMassKg: m,
    diameterM,
    noseRadiusM,
    cd,
    ballisticCoefficientKgM2: beta,
    heatLoadJCm2: entry.heatLoadJCm2,
    tpsFraction: tps,
    tpsMassKg: tps * m,
    otherFraction: other,
    otherMassKg: other * m,
    payloadFraction: pf,
    payloadPerCapsuleKg: pf * m,
    dryMassKg: (1 - pf) * m,
    entry,
    warnings,
  };
}

/**
 * Capsules needed to return `cargoKg` at the given (inertial) entry conditions, and the mass they
 * add to the return leg. Throws InputError for bad inputs, NoSolutionError when the design cannot
 * carry payload at this entry.
 */
export function capsulesForCargo(cargoKg: number, design: CapsuleDesign | string, entrySpeedKmS: number, fpaRad: number): CapsulesForCargo {
  requireFinite(cargoKg, 'cargoKg', { min: 0 });
  const sizing = sizeCapsule(design, entrySpeedKmS, fpaRad);
  const count = cargoKg === 0 ? 0 : Math.ceil(cargoKg / sizing.payloadPerCapsuleKg - 1e-9);
  const hardware = count * sizing.dryMassKg;
  const resolved = resolveDesign(design);
  return {
    count,
    payloadPerCapsuleKg: sizing.payloadPerCapsuleKg,
    capsuleMassKg: sizing.grossMassKg,
    hardwareMassKg: hardware,
    totalMassKg: hardware + cargoKg,
    cargoKg,
    sizing,
    entry: sizing.entry,
    assumptions: {
      entrySpeedKmS,
      fpaDeg: fpaRad / DEG,
      payloadFractionTarget: resolved.payloadFraction ?? DEFAULT_METAL_CAPSULE.payloadFraction,
      otherFraction: sizing.otherFraction,
      tpsCorrelation: 'Laub & Venkatapathy 2003: heat-shield mass fraction % = 0.091·Q^0.51575 (Q stagnation heat load, J/cm²)',
    },
    warnings: sizing.warnings,
  };
}
