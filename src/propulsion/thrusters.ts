/**
 * Thruster presets (data/thrusters.json, each with its source) and user-defined thrusters: a
 * preset with overrides, or every field given. Efficiency and thrust are tied by
 * T = 2ηP/(g0·Isp): give either, the other is derived; giving both must be consistent.
 */
import { readFileSync } from 'node:fs';
import { InputError, NotFoundError, requireFinite } from '../errors.js';
import { dataPath } from '../paths.js';
import type { ThrusterModel, ThrusterSpec } from './index.js';
import { efficiencyFromThrust, thrustFromPowerN } from './thrust.js';

interface PresetRow {
  id: string;
  name: string;
  type: ThrusterModel['type'];
  maxInputPowerW: number;
  minInputPowerW: number;
  thrustN: number;
  ispS: number;
  massKg: number | null;
  source: string;
}

let presets: ThrusterModel[] | undefined;

/** The bundled presets, efficiency derived from the published thrust, power and Isp. */
export function thrusterPresets(): ThrusterModel[] {
  if (presets) return presets;
  const file = dataPath('thrusters.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { thrusters: PresetRow[] };
  presets = doc.thrusters.map((t) => ({
    id: t.id,
    name: t.name,
    type: t.type,
    maxInputPowerW: t.maxInputPowerW,
    minInputPowerW: t.minInputPowerW,
    ispS: t.ispS,
    thrustN: t.thrustN,
    efficiency: efficiencyFromThrust(t.thrustN, t.maxInputPowerW, t.ispS),
    massKg: t.massKg,
    source: t.source,
  }));
  return presets;
}

export function thrusterPreset(id: string, field = 'thruster'): ThrusterModel {
  const hit = thrusterPresets().find((t) => t.id.toLowerCase() === id.trim().toLowerCase());
  if (!hit) {
    throw new NotFoundError(`${field}: unknown thruster preset "${id}" (known: ${thrusterPresets().map((t) => t.id).join(', ')})`, field);
  }
  return { ...hit };
}

/** A preset id, a preset plus overrides, or a complete thruster → a checked ThrusterModel. */
export function resolveThruster(spec: ThrusterSpec, field = 'thruster'): ThrusterModel {
  if (typeof spec === 'string') return thrusterPreset(spec, field);
  const base: Partial<ThrusterModel> = 'preset' in spec ? thrusterPreset(spec.preset, `${field}.preset`) : {};
  const o = spec as Partial<ThrusterModel>;
  const isPreset = 'preset' in spec;
  const maxInputPowerW = requireFinite(o.maxInputPowerW ?? (base.maxInputPowerW as number), `${field}.maxInputPowerW`, { min: 0, exclusiveMin: true });
  // Without a published minimum, assume the thruster throttles to 20 % of full power
  // (NSTAR: 0.5 of 2.3 kW = 22 %, Sovey et al. 2001; SPT-140: 0.9 of 4.5 kW = 20 %).
  const minInputPowerW = requireFinite(
    o.minInputPowerW ?? base.minInputPowerW ?? 0.2 * maxInputPowerW,
    `${field}.minInputPowerW`,
    { min: 0, exclusiveMin: true, max: maxInputPowerW },
  );
  const ispS = requireFinite(o.ispS ?? (base.ispS as number), `${field}.ispS`, { min: 0, exclusiveMin: true });
  let efficiency: number;
  let thrustN: number;
  if (o.efficiency !== undefined && o.thrustN !== undefined) {
    efficiency = requireFinite(o.efficiency, `${field}.efficiency`, { min: 0, exclusiveMin: true, max: 1 });
    thrustN = requireFinite(o.thrustN, `${field}.thrustN`, { min: 0, exclusiveMin: true });
    const implied = efficiencyFromThrust(thrustN, maxInputPowerW, ispS);
    if (Math.abs(implied - efficiency) > 0.01) {
      throw new InputError(
        `${field}: thrust ${thrustN} N at ${maxInputPowerW} W and Isp ${ispS} s implies efficiency ${implied.toFixed(3)}, not ${efficiency} (T = 2ηP/(g0·Isp)); give one of thrust or efficiency`,
        `${field}.efficiency`,
      );
    }
  } else if (o.efficiency !== undefined) {
    efficiency = requireFinite(o.efficiency, `${field}.efficiency`, { min: 0, exclusiveMin: true, max: 1 });
    thrustN = thrustFromPowerN(maxInputPowerW, efficiency, ispS);
  } else if (o.thrustN !== undefined) {
    thrustN = requireFinite(o.thrustN, `${field}.thrustN`, { min: 0, exclusiveMin: true });
    efficiency = efficiencyFromThrust(thrustN, maxInputPowerW, ispS);
  } else if (base.efficiency !== undefined) {
    // Preset with power or Isp overridden: keep the preset's efficiency, re-derive thrust.
    efficiency = base.efficiency;
    thrustN = thrustFromPowerN(maxInputPowerW, efficiency, ispS);
  } else {
    throw new InputError(`${field}: a user-defined thruster needs its efficiency or its thrust at full power`, `${field}.efficiency`);
  }
  if (!(efficiency > 0 && efficiency <= 1)) {
    throw new InputError(`${field}: implied efficiency ${efficiency.toFixed(3)} is outside (0, 1]; check thrust, power and Isp`, `${field}.efficiency`);
  }
  const overridden = isPreset && Object.keys(spec).some((k) => k !== 'preset');
  return {
    id: o.id ?? (isPreset ? (overridden ? `${base.id}*` : (base.id as string)) : 'custom'),
    name: o.name ?? (isPreset ? `${base.name}${overridden ? ' (modified)' : ''}` : 'user-defined thruster'),
    type: o.type ?? base.type ?? 'other',
    maxInputPowerW,
    minInputPowerW,
    ispS,
    efficiency,
    thrustN,
    massKg: o.massKg !== undefined ? o.massKg : (base.massKg ?? null),
    source: isPreset ? `${base.source}${overridden ? ' — with user overrides' : ''}` : (o.source ?? 'user input'),
  };
}
