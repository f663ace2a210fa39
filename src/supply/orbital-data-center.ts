/**
 * Orbital data-centre cost in the open McCalip form (DESIGN §2.7; A. McCalip, "Economics of
 * Orbital vs Terrestrial Data Centers", 2025), the terrestrial gas-fired comparison, LCOE, and the
 * launch price at which the two cost the same.
 *
 *   P_req      = P / (sun_fraction · mean_{y=0..N−1} (1−d)^y)
 *   satellites = ceil(P_req / P_sat);  mass = satellites·P_sat / specific_power
 *   hardware   = $/W · satellites · P_sat;  launch = $/kg · mass
 *   ops        = ops/yr · N · hardware;  GPU replacement = failures/yr · N · hardware;  + NRE
 *   terrestrial = P·(gen$/W·PUE + electrical + mechanical + civil + network)
 *               + P·PUE·8760 h·N·CF·heat rate·gas price
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { InputError, NotFoundError, requireFinite } from '../errors.js';

export interface TerrestrialInputs {
  pue: number;
  generationUsdPerW: number;
  electricalUsdPerW: number;
  mechanicalUsdPerW: number;
  civilUsdPerW: number;
  networkUsdPerW: number;
  capacityFactor: number;
  heatRateBtuPerKWh: number;
  gasUsdPerMMBtu: number;
}

export interface OrbitalDcInputs {
  /** IT power to deliver on average, W (1 GW = 1e9). */
  powerW: number;
  years: number;
  launchUsdPerKg: number;
  satUsdPerW: number;
  specificPowerWPerKg: number;
  satPowerW: number;
  sunFraction: number;
  degradationPerYear: number;
  gpuFailurePerYear: number;
  opsPerYear: number;
  nreUsd: number;
  terrestrial: TerrestrialInputs;
  /** Launched mass replaced by material already in orbit (the asteroid link), kg. */
  massFromOrbitKg: number;
  /** Cost of that in-orbit material, USD/kg (0 = treated as free here; economics prices it). */
  massFromOrbitUsdPerKg: number;
}

export type OrbitalDcOptions = Partial<Omit<OrbitalDcInputs, 'terrestrial'>> & { terrestrial?: Partial<TerrestrialInputs>; preset?: string };

export interface SatellitePreset {
  id: string;
  name: string;
  satPowerW: number;
  specificPowerWPerKg: number;
  satUsdPerW: number;
  massKg: number;
  source: string;
}

export interface OrbitalDcResult {
  inputs: OrbitalDcInputs;
  preset: string | null;
  requiredPowerW: number;
  meanDegradationFactor: number;
  satellites: number;
  massKg: number;
  massT: number;
  cost: { hardware: number; launch: number; ops: number; gpuReplacement: number; nre: number; inOrbitMaterial: number; total: number };
  costUsdPerW: number;
  energyMWh: number;
  lcoeUsdPerMWh: number;
  terrestrial: { capex: number; fuel: number; total: number; costUsdPerW: number; energyMWh: number; lcoeUsdPerMWh: number; energyBasis: string };
  /**
   * What "MWh" means in each LCOE: both are per MWh actually delivered. The orbital constellation
   * is oversized (P_req) to deliver the average power P all year; the terrestrial plant runs at
   * its capacity factor, so it delivers P·CF.
   */
  energyBasis: string;
  /** Launch $/kg where orbital = terrestrial; null when there is none (see parityNote). */
  parityLaunchCostUsdPerKg: number | null;
  /** (terrestrial − non-launch orbital costs) / launched mass, even when ≤ 0. */
  parityRawUsdPerKg: number;
  parityNote: string;
  /** orbital total / terrestrial total. */
  costRatio: number;
  /**
   * Launch $/kg where the orbital LCOE equals the terrestrial LCOE per delivered MWh (the totals
   * parity above compares a terrestrial plant that delivers CF × the energy); null when none.
   */
  parityLcoeLaunchCostUsdPerKg: number | null;
}

interface OrbitalData {
  defaults: Omit<OrbitalDcInputs, 'terrestrial' | 'massFromOrbitKg' | 'massFromOrbitUsdPerKg' | 'powerW'> & { powerGw: number };
  terrestrial: TerrestrialInputs;
  presets: Record<string, SatellitePreset>;
  thermal: { radiatorTemperatureK: number; emissivity: number; starcloudNetFluxWPerM2: number; starcloudModulePowerW: number };
  solar: { arraySideM: number; efficiency: number; irradianceWPerM2: number };
  massBreakdown: { structureFraction: number; radiatorArealDensityKgPerM2: number; radiatorNetFluxWPerM2: number; waterFraction: number; replacementKgPerKg: number; source: string };
}

let cached: OrbitalData | undefined;

/** data/orbital-compute.json, parsed once. */
export function orbitalComputeData(): OrbitalData {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(dataPath('orbital-compute.json'), 'utf8')) as any;
  const presets: Record<string, SatellitePreset> = {};
  for (const [id, p] of Object.entries<any>(raw.presets)) presets[id] = { id, name: p.name, satPowerW: p.satPowerW, specificPowerWPerKg: p.specificPowerWPerKg, satUsdPerW: p.satUsdPerW, massKg: p.massKg, source: p.source };
  const { source: _s, year: _y, ...defaults } = raw.defaults;
  const { source: _t, year: _ty, ...terrestrial } = raw.terrestrial;
  cached = { defaults, terrestrial, presets, thermal: raw.thermal, solar: raw.solar, massBreakdown: raw.massBreakdown };
  return cached;
}

export function satellitePresets(): SatellitePreset[] {
  return Object.values(orbitalComputeData().presets);
}

/** Defaults (data file) ← preset ← explicit options, validated. */
export function resolveOrbitalDcInputs(opts: OrbitalDcOptions = {}): { inputs: OrbitalDcInputs; preset: string | null } {
  const data = orbitalComputeData();
  const d = data.defaults;
  let preset: SatellitePreset | undefined;
  if (opts.preset !== undefined) {
    preset = data.presets[opts.preset];
    if (!preset) throw new NotFoundError(`preset: "${opts.preset}" is not one of ${Object.keys(data.presets).join(', ')}`, '--preset');
  }
  const pick = <K extends keyof OrbitalDcInputs>(k: K, fallback: OrbitalDcInputs[K]): OrbitalDcInputs[K] => (opts[k as keyof OrbitalDcOptions] as OrbitalDcInputs[K] | undefined) ?? fallback;
  const inputs: OrbitalDcInputs = {
    powerW: pick('powerW', d.powerGw * 1e9),
    years: pick('years', d.years),
    launchUsdPerKg: pick('launchUsdPerKg', d.launchUsdPerKg),
    satUsdPerW: pick('satUsdPerW', preset?.satUsdPerW ?? d.satUsdPerW),
    specificPowerWPerKg: pick('specificPowerWPerKg', preset?.specificPowerWPerKg ?? d.specificPowerWPerKg),
    satPowerW: pick('satPowerW', preset?.satPowerW ?? d.satPowerW),
    sunFraction: pick('sunFraction', d.sunFraction),
    degradationPerYear: pick('degradationPerYear', d.degradationPerYear),
    gpuFailurePerYear: pick('gpuFailurePerYear', d.gpuFailurePerYear),
    opsPerYear: pick('opsPerYear', d.opsPerYear),
    nreUsd: pick('nreUsd', d.nreUsd),
    terrestrial: { ...data.terrestrial, ...(opts.terrestrial ?? {}) },
    massFromOrbitKg: pick('massFromOrbitKg', 0),
    massFromOrbitUsdPerKg: pick('massFromOrbitUsdPerKg', 0),
  };
  validate(inputs);
  return { inputs, preset: preset?.id ?? null };
}

function validate(i: OrbitalDcInputs): void {
  requireFinite(i.powerW, 'powerW', { min: 0, exclusiveMin: true });
  requireFinite(i.years, 'years', { min: 0, exclusiveMin: true, max: 1000 });
  requireFinite(i.launchUsdPerKg, 'launchUsdPerKg', { min: 0 });
  requireFinite(i.satUsdPerW, 'satUsdPerW', { min: 0 });
  requireFinite(i.specificPowerWPerKg, 'specificPowerWPerKg', { min: 0, exclusiveMin: true });
  requireFinite(i.satPowerW, 'satPowerW', { min: 0, exclusiveMin: true });
  requireFinite(i.sunFraction, 'sunFraction', { min: 0, max: 1, exclusiveMin: true });
  requireFinite(i.degradationPerYear, 'degradationPerYear', { min: 0, max: 1, exclusiveMax: true });
  requireFinite(i.gpuFailurePerYear, 'gpuFailurePerYear', { min: 0 });
  requireFinite(i.opsPerYear, 'opsPerYear', { min: 0 });
  requireFinite(i.nreUsd, 'nreUsd', { min: 0 });
  requireFinite(i.massFromOrbitKg, 'massFromOrbitKg', { min: 0 });
  requireFinite(i.massFromOrbitUsdPerKg, 'massFromOrbitUsdPerKg', { min: 0 });
  const t = i.terrestrial;
  for (const k of ['pue', 'generationUsdPerW', 'electricalUsdPerW', 'mechanicalUsdPerW', 'civilUsdPerW', 'networkUsdPerW', 'heatRateBtuPerKWh', 'gasUsdPerMMBtu'] as const) {
    requireFinite(t[k], `terrestrial.${k}`, { min: 0 });
  }
  requireFinite(t.pue, 'terrestrial.pue', { min: 1 });
  requireFinite(t.capacityFactor, 'terrestrial.capacityFactor', { min: 0, max: 1, exclusiveMin: true });
}

/**
 * Mean of (1−d)^y over y = 0..N−1 (DESIGN §2.7). A fractional final year counts with its fraction,
 * so the mean is continuous in N and equals the discrete form at whole years.
 */
export function meanDegradationFactor(degradationPerYear: number, years: number): number {
  const whole = Math.floor(years);
  let s = 0;
  for (let y = 0; y < whole; y++) s += (1 - degradationPerYear) ** y;
  s += (years - whole) * (1 - degradationPerYear) ** whole;
  return s / years;
}

const HOURS_PER_YEAR = 8760;

/** "$31.1 B", "$12.0 M", "$11.1 k": three significant figures for notes. */
function money(x: number): string {
  const a = Math.abs(x);
  const [d, u] = a >= 1e12 ? [1e12, ' T'] : a >= 1e9 ? [1e9, ' B'] : a >= 1e6 ? [1e6, ' M'] : a >= 1e3 ? [1e3, ' k'] : [1, ''];
  return `${x < 0 ? '−' : ''}$${(a / d).toPrecision(3)}${u}`;
}

/** Terrestrial data centre with on-site gas generation (DESIGN §2.7). */
export function terrestrialDataCenter(powerW: number, years: number, t: TerrestrialInputs): OrbitalDcResult['terrestrial'] {
  const capexPerW = t.generationUsdPerW * t.pue + t.electricalUsdPerW + t.mechanicalUsdPerW + t.civilUsdPerW + t.networkUsdPerW;
  const capex = powerW * capexPerW;
  const fuelKWh = (powerW / 1000) * t.pue * HOURS_PER_YEAR * years * t.capacityFactor;
  const fuel = fuelKWh * t.heatRateBtuPerKWh * 1e-6 * t.gasUsdPerMMBtu;
  const total = capex + fuel;
  const energyMWh = (powerW / 1e6) * HOURS_PER_YEAR * years * t.capacityFactor;
  return {
    capex, fuel, total, costUsdPerW: total / powerW, energyMWh, lcoeUsdPerMWh: total / energyMWh,
    energyBasis: `delivered energy P × 8,760 h × ${years} yr × capacity factor ${t.capacityFactor} (the plant delivers P only ${(t.capacityFactor * 100).toFixed(0)} % of the time)`,
  };
}

/** The orbital data centre, the terrestrial comparison and the parity launch price. */
export function orbitalDataCenter(opts: OrbitalDcOptions = {}): OrbitalDcResult {
  const { inputs, preset } = resolveOrbitalDcInputs(opts);
  return computeOrbitalDc(inputs, preset);
}

export function computeOrbitalDc(i: OrbitalDcInputs, preset: string | null = null): OrbitalDcResult {
  const meanDeg = meanDegradationFactor(i.degradationPerYear, i.years);
  const requiredPowerW = i.powerW / (i.sunFraction * meanDeg);
  // Guard the ceil against float noise such as 37037.00000000001.
  const satellites = Math.ceil(requiredPowerW / i.satPowerW - 1e-9);
  const massKg = (satellites * i.satPowerW) / i.specificPowerWPerKg;
  const launchedKg = Math.max(0, massKg - i.massFromOrbitKg);
  const usedFromOrbitKg = massKg - launchedKg;
  const hardware = i.satUsdPerW * satellites * i.satPowerW;
  const launch = i.launchUsdPerKg * launchedKg;
  const ops = i.opsPerYear * i.years * hardware;
  const gpuReplacement = i.gpuFailurePerYear * i.years * hardware;
  const nre = i.nreUsd;
  const inOrbitMaterial = usedFromOrbitKg * i.massFromOrbitUsdPerKg;
  const total = hardware + launch + ops + gpuReplacement + nre + inOrbitMaterial;
  const energyMWh = (i.powerW / 1e6) * HOURS_PER_YEAR * i.years;
  const terrestrial = terrestrialDataCenter(i.powerW, i.years, i.terrestrial);
  const fixed = total - launch;
  const gap = terrestrial.total - fixed;
  let parity: number | null;
  let raw: number;
  let parityNote: string;
  if (launchedKg === 0) {
    raw = gap >= 0 ? Infinity : -Infinity;
    parity = null;
    parityNote = gap >= 0 ? 'all mass comes from orbit: launch price no longer matters and orbital is cheaper' : 'all mass comes from orbit and orbital is still dearer than terrestrial';
  } else {
    raw = gap / launchedKg;
    if (raw >= 0) {
      parity = raw;
      parityNote = `orbital matches terrestrial at a launch price of $${raw.toFixed(0)}/kg`;
    } else {
      parity = null;
      parityNote = `no parity: even with free launch the orbital hardware, operations, GPU replacement and NRE (${money(fixed)}) exceed the terrestrial total (${money(terrestrial.total)})`;
    }
  }
  // Per delivered MWh: orbital total(L) = terrestrial LCOE × orbital energy.
  const lcoeGap = terrestrial.lcoeUsdPerMWh * energyMWh - fixed;
  const parityLcoe = launchedKg > 0 && lcoeGap >= 0 ? lcoeGap / launchedKg : null;
  return {
    inputs: i,
    preset,
    requiredPowerW,
    meanDegradationFactor: meanDeg,
    satellites,
    massKg,
    massT: massKg / 1000,
    cost: { hardware, launch, ops, gpuReplacement, nre, inOrbitMaterial, total },
    costUsdPerW: total / i.powerW,
    energyMWh,
    lcoeUsdPerMWh: total / energyMWh,
    terrestrial,
    parityLaunchCostUsdPerKg: parity,
    parityRawUsdPerKg: raw,
    parityNote,
    costRatio: total / terrestrial.total,
    parityLcoeLaunchCostUsdPerKg: parityLcoe,
    energyBasis: `delivered energy P × 8,760 h × ${i.years} yr, no capacity factor: the constellation is sized for P_req = P/(sun ${i.sunFraction} × mean degradation ${meanDeg.toFixed(3)}) so it delivers P on average`,
  };
}

export interface LaunchSweepRow {
  launchUsdPerKg: number;
  orbitalTotalUsd: number;
  terrestrialTotalUsd: number;
  orbitalLcoeUsdPerMWh: number;
  ratio: number;
}

/** Orbital vs terrestrial total over launch prices from..to in `steps` evenly spaced points. */
export function launchCostSweep(opts: OrbitalDcOptions, fromUsdPerKg: number, toUsdPerKg: number, steps = 18): { rows: LaunchSweepRow[]; base: OrbitalDcResult } {
  requireFinite(fromUsdPerKg, 'sweep from', { min: 0 });
  requireFinite(toUsdPerKg, 'sweep to', { min: fromUsdPerKg });
  if (!Number.isInteger(steps) || steps < 2 || steps > 10000) throw new InputError(`sweep steps: expected a whole number 2..10000, got ${steps}`, '--sweep');
  const { inputs, preset } = resolveOrbitalDcInputs(opts);
  const base = computeOrbitalDc(inputs, preset);
  const rows: LaunchSweepRow[] = [];
  for (let k = 0; k < steps; k++) {
    const L = fromUsdPerKg + ((toUsdPerKg - fromUsdPerKg) * k) / (steps - 1);
    const r = computeOrbitalDc({ ...inputs, launchUsdPerKg: L }, preset);
    rows.push({ launchUsdPerKg: L, orbitalTotalUsd: r.cost.total, terrestrialTotalUsd: r.terrestrial.total, orbitalLcoeUsdPerMWh: r.lcoeUsdPerMWh, ratio: r.costRatio });
  }
  return { rows, base };
}
