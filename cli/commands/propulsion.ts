// `prospector propulsion`: solar-electric mass budget for given legs (Δv, durations), the largest
// returnable cargo or the spacecraft a cargo needs; also single-arc MIMA/Damon estimates,
// Edelbaum, and the thruster presets. The spacecraft/mission flags are shared with `trip --ion`.
import type { Command } from 'commander';
import type { Output, RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseChoice, parseNumber, parseQuantityFlag, parseQuantityList, parseQuantityRange, parseVector3 } from '../parse.js';
import { fmt, renderPairs, renderTable } from '../format/table.js';
import { InputError, ProspectorError } from '../../src/errors.js';
import type { Margins, MissionLeg, MissionProfile, Spacecraft, ThrustDistancePolicy, AsteroidOperations } from '../../src/propulsion/index.js';

/** CLI defaults for the allowances, as printed in --help. */
export const PROPULSION_DEFAULTS = {
  thruster: 'nstar',
  margin: 0.1,
  reserve: 0.05,
  contingency: 0.1,
  duty: 0.9,
  thrustAt: 'worst' as ThrustDistancePolicy,
};

export interface SpacecraftFlagValues {
  thruster?: string;
  thrusterFile?: string;
  thrusterMaxPower?: string;
  thrusterMinPower?: string;
  thrusters?: string;
  power?: string;
  ppuMax?: string;
  isp?: string;
  efficiency?: string;
  thrust?: string;
  dryMass?: string;
  propellantCapacity?: string;
  maxLaunchMass?: string;
  cargo?: string;
  margin?: string;
  reserve?: string;
  contingency?: string;
  duty?: string;
  thrustAt?: string;
  deployed?: string;
  capsules?: string;
  capsulesInSitu?: boolean;
  stationKeeping?: string;
}

/** Spacecraft, margins and asteroid-operations flags (shared by `propulsion` and `trip --ion`). */
export function addSpacecraftFlags(cmd: Command): Command {
  const d = PROPULSION_DEFAULTS;
  return cmd
    .option('--thruster <id>', `thruster preset: nstar, next-c, spt-140, or "custom" with --thruster-max-power, --isp and --efficiency or --thrust (default ${d.thruster}; see --list-thrusters on \`propulsion\`)`)
    .option('--thruster-file <file>', 'a user-defined thruster as JSON: {"name", "maxInputPowerW", "minInputPowerW", "ispS", "efficiency" or "thrustN", "source"} (or "preset" plus fields to change); the flags below override it')
    .option('--thruster-max-power <P>', "one thruster string's largest input power, W or with a unit (\"4.5 kW\"); overrides the preset (thrust re-derived at the preset efficiency)")
    .option('--thruster-min-power <P>', "one thruster string's lowest input power before it shuts down, W or with a unit (default: the preset's, or 20 % of the maximum)")
    .option('--thrusters <n>', 'thrusters firing at once (default 1)')
    .option('--power <P>', 'power to the thrusters at 1 AU, W or with a unit ("20 kW"); falls as 1/r² (default: thrusters × preset max input)')
    .option('--ppu-max <P>', 'total power-processor cap, W or with a unit (default: thrusters × preset max input)')
    .option('--isp <s>', 'specific impulse, s or with a unit (overrides the preset or file)')
    .option('--efficiency <eta>', 'total efficiency PPU input → jet, 0–1 (overrides the preset or file)')
    .option('--thrust <N>', "one thruster's thrust at its largest input power, N or with a unit (\"90 mN\"; efficiency is then derived)")
    .option('--dry-mass <kg>', 'spacecraft dry mass incl. tanks, arrays, thrusters, kg or with a unit')
    .option('--propellant-capacity <kg>', 'xenon tank capacity, kg or with a unit (default: no limit)')
    .option('--max-launch-mass <kg>', 'launcher capability to the departure C3, kg or with a unit (default: no limit)')
    .option('--cargo <kg>', 'returned cargo, kg or with a unit ("2 t"): budget for this cargo (default: solve for the largest cargo)')
    .option('--margin <f>', `Δv margin on every leg, fraction or % (default ${d.margin})`)
    .option('--reserve <f>', `propellant reserve, fraction of usable (default ${d.reserve})`)
    .option('--contingency <f>', `dry-mass contingency, fraction (default ${d.contingency})`)
    .option('--duty <f>', `fraction of each leg the thrusters fire (default ${d.duty})`)
    .option('--thrust-at <worst|mean>', `thrust at the farthest (worst) or mean distance from the Sun over each leg (default ${d.thrustAt})`)
    .option('--deployed <kg>', 'refinery + consumables carried out and left at the asteroid, kg or with a unit (default 0)')
    .option('--capsules <kg>', 'tare mass of the return capsules, kg or with a unit (default 0)')
    .option('--capsules-in-situ', 'capsules are built at the asteroid (default: carried out empty)')
    .option('--station-keeping <kms>', 'station-keeping Δv at the asteroid, km/s or with a unit (default 0)');
}

/** "0.1" or "10%" → 0.1. */
export function parseFractionFlag(text: string | undefined, flag: string, fallback: number, opts: { max?: number; positive?: boolean } = {}): number {
  if (text === undefined) return fallback;
  const t = text.trim();
  const isPct = t.endsWith('%');
  const v = parseNumber(isPct ? t.slice(0, -1) : t, flag, { min: 0 });
  const f = isPct ? v / 100 : v;
  if (opts.max !== undefined && f > opts.max) throw new InputError(`${flag}: expected a fraction between 0 and ${opts.max} (e.g. 0.1 or 10%), got "${t}"`, flag);
  if (opts.positive && f <= 0) throw new InputError(`${flag}: expected a fraction > 0, got "${t}"`, flag);
  return f;
}

async function optQty(text: string | undefined, unit: string, flag: string): Promise<number | undefined> {
  return text === undefined ? undefined : parseQuantityFlag(text, unit, flag, { positive: true });
}

/** Engine thruster field → the flag that sets it, so errors name what the user can fix. */
const THRUSTER_FIELD_FLAG: Record<string, string> = {
  maxInputPowerW: '--thruster-max-power',
  minInputPowerW: '--thruster-min-power',
  ispS: '--isp',
  efficiency: '--efficiency',
  thrustN: '--thrust',
  preset: '--thruster',
};

/**
 * Flags → thruster: a preset (default nstar), "custom" from the flags alone, or --thruster-file;
 * --thruster-max-power/--thruster-min-power/--isp/--efficiency/--thrust override either.
 */
export async function thrusterFromFlags(o: SpacecraftFlagValues, cwd: string): Promise<import('../../src/propulsion/index.js').ThrusterModel> {
  const { resolveThruster } = await import('../../src/propulsion/thrusters.js');
  const isp = await optQty(o.isp, 's', '--isp');
  const efficiency = o.efficiency === undefined ? undefined : parseFractionFlag(o.efficiency, '--efficiency', 0, { max: 1, positive: true });
  const thrustN = await optQty(o.thrust, 'N', '--thrust');
  const maxW = await optQty(o.thrusterMaxPower, 'W', '--thruster-max-power');
  const minW = await optQty(o.thrusterMinPower, 'W', '--thruster-min-power');
  const overrides: Record<string, number> = {};
  if (maxW !== undefined) overrides.maxInputPowerW = maxW;
  if (minW !== undefined) overrides.minInputPowerW = minW;
  if (isp !== undefined) overrides.ispS = isp;
  if (efficiency !== undefined) overrides.efficiency = efficiency;
  if (thrustN !== undefined) overrides.thrustN = thrustN;

  if (o.thrusterFile !== undefined) {
    if (o.thruster !== undefined) throw new InputError('--thruster-file: give either --thruster or --thruster-file, not both', '--thruster-file');
    const { readFile } = await import('node:fs/promises');
    const { resolve } = await import('node:path');
    const { thrusterSpecFromDoc, resolveSpecForFile } = await import('../../src/propulsion/thruster-file.js');
    let text: string;
    try {
      text = await readFile(resolve(cwd, o.thrusterFile), 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new InputError(`--thruster-file: cannot read ${o.thrusterFile} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (err as Error).message})`, '--thruster-file');
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new InputError(`${o.thrusterFile}: invalid JSON (${(err as Error).message})`, '--thruster-file');
    }
    const spec = thrusterSpecFromDoc(doc, o.thrusterFile) as Record<string, unknown>;
    // A flag for thrust or efficiency replaces the file's pair (the other is re-derived).
    if (efficiency !== undefined || thrustN !== undefined) {
      delete spec.efficiency;
      delete spec.thrustN;
    }
    const flagged = Object.keys(overrides).length > 0;
    const merged = { ...spec, ...overrides, ...(flagged && !('preset' in spec) ? { source: `${String(spec.source)}; overridden by ${Object.keys(overrides).map((k) => THRUSTER_FIELD_FLAG[k]).join(', ')}` } : {}) };
    return resolveSpecForFile(merged as import('../../src/propulsion/index.js').ThrusterSpec, o.thrusterFile);
  }

  const relabel = (err: unknown): never => {
    // "--thruster.ispS: …" → "--isp: …"
    if (err instanceof ProspectorError && err.code !== 'NO_SOLUTION' && err.field) {
      const key = err.field.replace(/^--thruster\.?/, '');
      const flag = THRUSTER_FIELD_FLAG[key];
      const extra = key === 'preset' ? '; or "custom" with --thruster-max-power, --isp and --efficiency or --thrust, or --thruster-file' : '';
      if (flag) throw new InputError(`${flag}: ${err.message.replace(/^[^:]*:\s*/, '')}${extra}`, flag);
    }
    throw err;
  };
  const preset = o.thruster ?? PROPULSION_DEFAULTS.thruster;
  if (preset.trim().toLowerCase() === 'custom') {
    if (maxW === undefined) throw new InputError('--thruster-max-power: required with --thruster custom (one string\'s largest input power, e.g. "4.5 kW")', '--thruster-max-power');
    if (isp === undefined) throw new InputError('--isp: required with --thruster custom (specific impulse, s)', '--isp');
    if (efficiency === undefined && thrustN === undefined) throw new InputError('--efficiency: --thruster custom needs --efficiency or --thrust (T = 2ηP/(g0·Isp) gives the other)', '--efficiency');
    try {
      return resolveThruster({ id: 'custom', name: 'user-defined thruster', source: 'user input (command-line flags)', maxInputPowerW: maxW, ispS: isp, ...overrides }, '--thruster');
    } catch (err) {
      return relabel(err);
    }
  }
  if (maxW !== undefined && minW === undefined) {
    const { thrusterPreset } = await import('../../src/propulsion/thrusters.js');
    const base = thrusterPreset(preset, '--thruster');
    if (base.minInputPowerW > maxW) {
      throw new InputError(`--thruster-max-power: ${maxW} W is below the ${base.id} preset's minimum input power (${base.minInputPowerW} W); give --thruster-min-power too`, '--thruster-max-power');
    }
  }
  try {
    return resolveThruster({ preset, ...overrides }, '--thruster');
  } catch (err) {
    return relabel(err);
  }
}

/** Flags → spacecraft. `dryMassKg` may be omitted only when `needDryMass` is false (sizing). */
export async function spacecraftFromFlags(o: SpacecraftFlagValues, opts: { needDryMass: boolean; cwd?: string }): Promise<Spacecraft> {
  const count = o.thrusters === undefined ? 1 : parseNumber(o.thrusters, '--thrusters', { integer: true, min: 1, max: 100 });
  const thruster = await thrusterFromFlags(o, opts.cwd ?? process.cwd());
  const ppuMaxW = await optQty(o.ppuMax, 'W', '--ppu-max');
  const powerAt1AuW = (await optQty(o.power, 'W', '--power')) ?? ppuMaxW ?? count * thruster.maxInputPowerW;
  const dry = await optQty(o.dryMass, 'kg', '--dry-mass');
  if (dry === undefined && opts.needDryMass) throw new InputError('--dry-mass: required (spacecraft dry mass including tanks, arrays and thrusters, kg)', '--dry-mass');
  const sc: Spacecraft = { thruster, thrusterCount: count, powerAt1AuW, dryMassKg: dry ?? 0 };
  if (ppuMaxW !== undefined) sc.ppuMaxW = ppuMaxW;
  const cap = await optQty(o.propellantCapacity, 'kg', '--propellant-capacity');
  if (cap !== undefined) sc.propellantCapacityKg = cap;
  const launch = await optQty(o.maxLaunchMass, 'kg', '--max-launch-mass');
  if (launch !== undefined) sc.maxLaunchMassKg = launch;
  return sc;
}

/** Flags → margins, duty cycle, thrust-distance policy and asteroid operations (without duration). */
export async function missionSettingsFromFlags(o: SpacecraftFlagValues): Promise<{
  margins: Margins;
  dutyCycle: number;
  thrustDistance: ThrustDistancePolicy;
  operations: Omit<AsteroidOperations, 'durationDays'>;
  cargoKg?: number;
}> {
  const d = PROPULSION_DEFAULTS;
  const num = async (t: string | undefined, unit: string, flag: string) => (t === undefined ? 0 : parseQuantityFlag(t, unit, flag, { min: 0 }));
  return {
    margins: {
      dvFraction: parseFractionFlag(o.margin, '--margin', d.margin, { max: 10 }),
      propellantReserveFraction: parseFractionFlag(o.reserve, '--reserve', d.reserve, { max: 10 }),
      dryMassContingencyFraction: parseFractionFlag(o.contingency, '--contingency', d.contingency, { max: 10 }),
    },
    dutyCycle: parseFractionFlag(o.duty, '--duty', d.duty, { max: 1, positive: true }),
    thrustDistance: o.thrustAt === undefined ? d.thrustAt : parseChoice(o.thrustAt, '--thrust-at', ['worst', 'mean'] as const),
    operations: {
      stationKeepingDvKmS: await num(o.stationKeeping, 'km/s', '--station-keeping'),
      deployedMassKg: await num(o.deployed, 'kg', '--deployed'),
      capsuleMassKg: await num(o.capsules, 'kg', '--capsules'),
      capsuleSource: o.capsulesInSitu ? 'in-situ' : 'carried',
    },
    cargoKg: o.cargo === undefined ? undefined : await parseQuantityFlag(o.cargo, 'kg', '--cargo', { min: 0 }),
  };
}

/**
 * `trip … --ion`: the propulsion report for one trip solution from the spacecraft flags.
 * Throws NoSolutionError (exit 3) when the spacecraft cannot fly it with any cargo (or with --cargo).
 */
export async function ionReportFromFlags(
  trip: import('../../src/propulsion/trip-propulsion.js').TripForPropulsion,
  target: { aAu: number; iDeg: number } | undefined,
  o: SpacecraftFlagValues,
  cwd?: string,
): Promise<import('../../src/propulsion/trip-propulsion.js').PropulsionReport> {
  const { propulsionForTrip } = await import('../../src/propulsion/trip-propulsion.js');
  const spacecraft = await spacecraftFromFlags(o, { needDryMass: true, cwd });
  const settings = await missionSettingsFromFlags(o);
  return propulsionForTrip(trip, {
    spacecraft,
    operations: settings.operations,
    margins: settings.margins,
    dutyCycle: settings.dutyCycle,
    thrustDistance: settings.thrustDistance,
    cargoKg: settings.cargoKg,
    target,
  });
}

const SPACECRAFT_FLAGS: Array<[keyof SpacecraftFlagValues, string]> = [
  ['thruster', '--thruster'], ['thrusterFile', '--thruster-file'], ['thrusterMaxPower', '--thruster-max-power'], ['thrusterMinPower', '--thruster-min-power'], ['thrusters', '--thrusters'], ['power', '--power'], ['ppuMax', '--ppu-max'], ['isp', '--isp'],
  ['efficiency', '--efficiency'], ['thrust', '--thrust'], ['dryMass', '--dry-mass'], ['propellantCapacity', '--propellant-capacity'],
  ['maxLaunchMass', '--max-launch-mass'], ['cargo', '--cargo'], ['margin', '--margin'], ['reserve', '--reserve'],
  ['contingency', '--contingency'], ['duty', '--duty'], ['thrustAt', '--thrust-at'], ['deployed', '--deployed'],
  ['capsules', '--capsules'], ['capsulesInSitu', '--capsules-in-situ'], ['stationKeeping', '--station-keeping'],
];

/**
 * The `trip --ion` hook, in two steps so that flag errors show before a long search: null without
 * --ion (InputError if spacecraft flags were given without it); otherwise the parsed spacecraft and
 * settings, and `run(solution, orbit)` → the propulsion report and its text renderer.
 * `run` throws NoSolutionError (exit 3) when the spacecraft cannot fly the trajectory.
 */
export async function prepareTripIon(o: SpacecraftFlagValues & { ion?: boolean }, cwd?: string): Promise<{
  run: (
    solution: import('../../src/propulsion/trip-propulsion.js').TripForPropulsion,
    targetOrbit?: { aAu: number; iDeg: number },
  ) => Promise<{ report: import('../../src/propulsion/trip-propulsion.js').PropulsionReport; render: (s: import('../format/style.js').Style) => string }>;
} | null> {
  if (!o.ion) {
    const stray = SPACECRAFT_FLAGS.find(([k]) => o[k] !== undefined);
    if (stray) throw new InputError(`${stray[1]}: spacecraft flags need --ion (the solar-electric propulsion budget)`, stray[1]);
    return null;
  }
  const spacecraft = await spacecraftFromFlags(o, { needDryMass: true, cwd });
  const settings = await missionSettingsFromFlags(o);
  return {
    run: async (solution, targetOrbit) => {
      const { propulsionForTrip } = await import('../../src/propulsion/trip-propulsion.js');
      const { renderPropulsionReport } = await import('../format/propulsion.js');
      const report = propulsionForTrip(solution, {
        spacecraft,
        operations: settings.operations,
        margins: settings.margins,
        dutyCycle: settings.dutyCycle,
        thrustDistance: settings.thrustDistance,
        cargoKg: settings.cargoKg,
        target: targetOrbit,
      });
      return { report, render: (s) => renderPropulsionReport(report, s) };
    },
  };
}

interface PropulsionFlags extends SpacecraftFlagValues {
  dvOut?: string;
  daysOut?: string;
  dvBack?: string;
  daysBack?: string;
  rOut?: string;
  rBack?: string;
  stay?: string;
  impulsive?: boolean;
  lambertFactor?: string;
  size?: boolean;
  busMass?: string;
  arrayKgPerKw?: string;
  epKgPerKw?: string;
  tankage?: string;
  maxThrusters?: string;
  dv1?: string;
  dv2?: string;
  tof?: string;
  tmax?: string;
  r?: string;
  edelbaum?: string;
  di?: string;
  central?: string;
  listThrusters?: boolean;
  trip?: string;
  solution?: string;
  json?: boolean;
}

/** Reads a `trip --json` document and returns the chosen solution. */
async function tripFromFile(path: string, which: 'min-dv' | 'min-duration', cwd: string): Promise<import('../../src/propulsion/trip-propulsion.js').TripForPropulsion> {
  const { readFile } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(resolve(cwd, path), 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? 'not JSON' : (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((err as Error).message);
    throw new InputError(`--trip: cannot read ${path} (${why}); expected the output of \`prospector trip … --json\``, '--trip');
  }
  const result = (doc as { result?: Record<string, unknown> })?.result;
  const sol = result?.[which === 'min-dv' ? 'minDv' : 'minDuration'] as Record<string, unknown> | undefined;
  const legs = sol?.legs as { outbound?: unknown; inbound?: unknown } | undefined;
  if (!sol || typeof sol.outDays !== 'number' || typeof sol.vArrNeoKmS !== 'number' || !legs?.outbound || !legs?.inbound) {
    throw new InputError(`--trip: ${path} has no result.${which === 'min-dv' ? 'minDv' : 'minDuration'} trajectory with legs; expected the output of \`prospector trip … --json\``, '--trip');
  }
  return sol as unknown as import('../../src/propulsion/trip-propulsion.js').TripForPropulsion;
}

async function legsFromFlags(o: PropulsionFlags, dir: 'out' | 'back'): Promise<MissionLeg[]> {
  const { LAMBERT_OPTIMISM_BAND, lambertLowThrustBand } = await import('../../src/propulsion/lambert-band.js');
  const dvFlag = dir === 'out' ? '--dv-out' : '--dv-back';
  const daysFlag = dir === 'out' ? '--days-out' : '--days-back';
  const rFlag = dir === 'out' ? '--r-out' : '--r-back';
  const dvs = await parseQuantityList(dir === 'out' ? o.dvOut : o.dvBack, 'km/s', dvFlag, { min: 0 });
  const days = await parseQuantityList(dir === 'out' ? o.daysOut : o.daysBack, 'd', daysFlag, { min: 0 });
  if (dvs.length !== days.length) throw new InputError(`${daysFlag}: expected one duration per ${dvFlag} leg (${dvs.length}), got ${days.length}`, daysFlag);
  const rText = dir === 'out' ? o.rOut : o.rBack;
  let rAu = { min: 1, max: 1, mean: 1 };
  if (rText !== undefined) {
    const [a, b] = rText.includes('..') ? await parseQuantityRange(rText, 'AU', rFlag, { min: 0.01 }) : await parseQuantityFlag(rText, 'AU', rFlag, { min: 0.01 }).then((r) => [r, r]);
    if (a <= 0) throw new InputError(`${rFlag}: expected distances > 0 AU`, rFlag);
    rAu = { min: a, max: b, mean: (a + b) / 2 };
  }
  const factor = o.lambertFactor === undefined ? LAMBERT_OPTIMISM_BAND.median : parseNumber(o.lambertFactor, '--lambert-factor', { min: 1 });
  return dvs.map((dv, i) => {
    const name = `${dir === 'out' ? 'outbound' : 'inbound'}${dvs.length > 1 ? ` ${i + 1}` : ''}`;
    return o.impulsive
      ? { name, dvKmS: dv * factor, dvMethod: 'ballistic Lambert' as const, dvNote: `impulsive ${dv} km/s × ${factor} (Lambert optimism)`, dvBandKmS: lambertLowThrustBand(dv), durationDays: days[i], rAu }
      : { name, dvKmS: dv, dvMethod: 'user' as const, durationDays: days[i], rAu };
  });
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('propulsion')
    .description('solar-electric mass budget: largest returnable cargo, or the spacecraft a cargo needs; MIMA/Damon/Edelbaum estimates')
    .option('--dv-out <list>', 'outbound legs: Δv the thrusters deliver, km/s or with a unit ("500 m/s"), comma-separated')
    .option('--days-out <list>', 'outbound legs: durations, days or with a unit ("129 d", "0.5 yr")')
    .option('--dv-back <list>', 'inbound legs (with the cargo): Δv, km/s or with a unit')
    .option('--days-back <list>', 'inbound legs: durations, days or with a unit')
    .option('--r-out <MIN..MAX>', 'heliocentric distance over the outbound legs, AU or with units, one value or MIN..MAX (default 1)')
    .option('--r-back <MIN..MAX>', 'heliocentric distance over the inbound legs, AU or with units, one value or MIN..MAX (default 1)')
    .option('--stay <days>', 'operations at the asteroid, days or with a unit (default 0)')
    .option('--impulsive', 'the Δvs are ballistic (Lambert) figures: scale by --lambert-factor and report the 1.15…1.92 band')
    .option('--lambert-factor <k>', 'low-thrust / impulsive Δv factor with --impulsive (default 1.68, the pykep median)')
    .option('--size', 'size the spacecraft for --cargo instead of checking a given one (needs --bus-mass)')
    .option('--bus-mass <kg>', 'sizing: bus dry mass without arrays, thrusters and tanks, kg or with a unit')
    .option('--array-kg-per-kw <x>', 'sizing: solar array specific mass, kg/kW or with a unit (default 6.67 = 150 W/kg)')
    .option('--ep-kg-per-kw <x>', 'sizing: thruster + PPU specific mass, kg/kW or with a unit (default 7)')
    .option('--tankage <f>', 'sizing: tank + feed mass per kg of propellant (default 0.1)')
    .option('--max-thrusters <n>', 'sizing: most thrusters firing at once to consider (default 20)')
    .option('--dv1 <x,y,z>', 'arc estimate: Lambert departure Δv vector, km/s (with --dv2, --tof)')
    .option('--dv2 <x,y,z>', 'arc estimate: Lambert arrival Δv vector, km/s')
    .option('--tof <days>', 'arc estimate: time of flight, days or with a unit')
    .option('--tmax <N>', 'arc estimate: thrust, N or with a unit (default: the spacecraft at --r, × --duty)')
    .option('--r <AU>', 'arc estimate: distance from the Sun for the thrust, AU or with a unit (default 1)')
    .option('--edelbaum <r0,r1>', 'Edelbaum Δv between circular orbits of these radii, km or with units ("1 AU,1.5 AU") (with --di, --central)')
    .option('--di <deg>', 'Edelbaum: plane change, degrees or with a unit (default 0)')
    .option('--central <body>', 'Edelbaum: central body, sun or earth (default earth)')
    .option('--trip <file>', 'a `prospector trip … --json` output: budget its trajectory (Damon Δv, MIMA checks from the Lambert legs)')
    .option('--solution <which>', 'with --trip: min-dv or min-duration (default min-dv)')
    .option('--list-thrusters', 'list the thruster presets with their sources');
  addSpacecraftFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Propellant by the rocket equation leg by leg (backwards from the final mass), burn time
t = m0·ve/T·(1 − e^(−Δv/ve)) against duty × leg duration, thrust T = 2ηP/(g0·Isp) with P ∝ 1/r²
capped by the PPUs. Without --cargo: the largest cargo and the constraint that binds.
Exit 3 when no cargo (or no spacecraft) satisfies the constraints.

Examples (each line after "#" says what it shows):
  $ prospector propulsion --dv-out 0.591 --days-out 129 --dv-back 0.521 --days-back 225 --stay 32 \\
      --impulsive --dry-mass 747 --power "10 kW" --thrusters 3
      # 1991 VG, NHATS min-Δv legs; Dawn-class bus (747 kg dry, 10 kW) with 3 NSTAR firing together
  $ prospector propulsion --dv-out 0.591 --days-out 129 --dv-back 0.521 --days-back 225 --stay 32 \\
      --impulsive --dry-mass 747 --power "10 kW"
      # INFEASIBLE (exit 3): one NSTAR at a time, as Dawn flew, cannot fly the 129-day outbound leg
  $ prospector propulsion --dv-out 1 --days-out 200 --dv-back 1 --days-back 300 --dry-mass 1500 \\
      --thruster next-c --thrusters 2 --cargo 2000 --json          # budget for a given cargo
  $ prospector propulsion --dv-out 1 --days-out 200 --dv-back 1 --days-back 300 --cargo 5000 \\
      --size --bus-mass 800 --thruster spt-140                      # the spacecraft 5 t of cargo needs
  $ prospector propulsion --dv-out 1 --days-out 200 --dv-back 1 --days-back 300 --dry-mass 600 \\
      --thruster custom --thruster-max-power "1.35 kW" --isp 1600 --thrust 0.083 --thrusters 4
      # a thruster that is not a preset (SPT-100 class), from flags
  $ prospector propulsion --dv-out 1 --days-out 200 --dv-back 1 --days-back 300 --dry-mass 600 \\
      --thruster-file examples/thrusters/spt-100.json --thrusters 4   # the same from a JSON file
  $ prospector propulsion --dv1 0.32,-0.345,0.043 --dv2 -0.51,0.175,0.087 --tof 150 --tmax 0.6 --isp 3000
      # MIMA and Damon for one Lambert arc (DESIGN §2.4 validation case)
  $ prospector trip "1991 VG" --launch 2039-05-01 --out-days 129 --stay-days 32 --return-days 225 --json > t.json
  $ prospector propulsion --trip t.json --dry-mass 747 --power "10 kW" --thrusters 3
      # that trajectory's Lambert legs: Damon Δv and MIMA checks per leg
  $ prospector propulsion --edelbaum 7000,42166 --di 28.5 --central earth
  $ prospector propulsion --list-thrusters
`,
  );
  withOutputFlags(cmd, { csv: false });
  cmd.action(async (opts: PropulsionFlags) => {
    setExit(
      await runOutput<unknown>(ctx, opts, async (): Promise<Output<unknown>> => {
        const P = await import('../../src/propulsion/index.js');
        const F = await import('../format/propulsion.js');
        if (opts.listThrusters) {
          const list = P.thrusterPresets();
          return {
            result: { thrusters: list },
            text: (_r, s) =>
              renderTable(list, [
                { header: 'id', value: (t) => s.bold(t.id), align: 'left' },
                { header: 'kW max', value: (t) => fmt(t.maxInputPowerW / 1000, 2) },
                { header: 'kW min', value: (t) => fmt(t.minInputPowerW / 1000, 2) },
                { header: 'mN', value: (t) => fmt(t.thrustN * 1000, 0) },
                { header: 'Isp s', value: (t) => fmt(t.ispS, 0) },
                { header: 'η', value: (t) => fmt(t.efficiency, 3) },
                { header: 'name', value: (t) => t.name, align: 'left' },
              ]) + '\n' + list.map((t) => `${t.id}: ${t.source}`).join('\n') + '\n',
          };
        }
        if (opts.edelbaum !== undefined) {
          const parts = await parseQuantityList(opts.edelbaum, 'km', '--edelbaum', { positive: true });
          if (parts.length !== 2) throw new InputError(`--edelbaum: expected two radii r0,r1 in km, got "${opts.edelbaum}"`, '--edelbaum');
          const di = opts.di === undefined ? 0 : await parseQuantityFlag(opts.di, 'deg', '--di', { min: 0, max: 180 });
          const central = opts.central === undefined ? 'earth' : parseChoice(opts.central, '--central', ['earth', 'sun'] as const);
          const { MU_EARTH_KM3S2, MU_SUN_KM3S2 } = await import('../../src/astro/constants.js');
          const mu = central === 'earth' ? MU_EARTH_KM3S2 : MU_SUN_KM3S2;
          const dvKmS = P.edelbaumCircularKmS(parts[0], parts[1], (di * Math.PI) / 180, mu);
          const result = { method: 'Edelbaum', r0Km: parts[0], r1Km: parts[1], deltaIDeg: di, central, dvKmS, band: P.EDELBAUM_BAND };
          return {
            result,
            text: (_r, s) =>
              renderPairs([
                ['Edelbaum Δv', s.bold(`${dvKmS.toFixed(6)} km/s`)],
                ['orbits', `circular ${parts[0]} km → ${parts[1]} km about the ${central}, Δi ${di}°`],
                ['meaning', `${P.EDELBAUM_BAND.kind}: ${P.EDELBAUM_BAND.source}`],
              ]),
          };
        }
        if (opts.dv1 !== undefined || opts.dv2 !== undefined || opts.tof !== undefined) {
          const dv1 = parseVector3(opts.dv1, '--dv1');
          const dv2 = parseVector3(opts.dv2, '--dv2');
          const tofDays = await parseQuantityFlag(opts.tof, 'd', '--tof', { positive: true });
          const settings = await missionSettingsFromFlags(opts);
          let thrustN: number;
          let ispS: number;
          let thrustSource: string;
          if (opts.tmax !== undefined) {
            thrustN = await parseQuantityFlag(opts.tmax, 'N', '--tmax', { positive: true });
            ispS = (await thrusterFromFlags(opts, ctx.cwd)).ispS;
            thrustSource = 'given (--tmax)';
          } else {
            const sc = await spacecraftFromFlags(opts, { needDryMass: false, cwd: ctx.cwd });
            const r = opts.r === undefined ? 1 : await parseQuantityFlag(opts.r, 'AU', '--r', { positive: true });
            const op = P.operatingPoint(sc, r);
            thrustN = op.thrustN * settings.dutyCycle;
            ispS = sc.thruster.ispS;
            thrustSource = `${sc.thrusterCount} × ${sc.thruster.id} at ${r} AU × duty ${settings.dutyCycle}`;
          }
          const tofS = tofDays * 86400;
          const m = P.mima(dv1.map((x) => x * 1000), dv2.map((x) => x * 1000), tofS, thrustN, ispS);
          const d = P.damon(dv1.map((x) => x * 1000), dv2.map((x) => x * 1000), tofS, thrustN, ispS);
          const impulsive = Math.hypot(...dv1) + Math.hypot(...dv2);
          const result = {
            tofDays,
            thrustN,
            ispS,
            thrustSource,
            impulsive: { dvKmS: impulsive, method: 'ballistic Lambert', lowThrustBandKmS: P.lambertLowThrustBand(impulsive), bandSource: P.LAMBERT_OPTIMISM_BAND.source },
            mima: { aReqMS2: m.aReqMS2, maxInitialMassKg: m.maxInitialMassKg, dvKmS: m.dvMS / 1000, method: 'MIMA', band: P.MIMA_BAND },
            damon: { aReqMS2: d.aReqMS2, maxInitialMassKg: d.maxInitialMassKg, dvKmS: d.dvMS / 1000, tauFraction: d.tauFraction, method: 'Damon' },
          };
          return {
            result,
            text: (_r, s) =>
              renderPairs([
                ['arc', `${tofDays} d, thrust ${fmt(thrustN * 1000, 1)} mN (${thrustSource}), Isp ${fmt(ispS, 0)} s`],
                ['ballistic Lambert', `Δv ${fmt(impulsive, 4)} km/s (low thrust typically ${fmt(result.impulsive.lowThrustBandKmS[0], 3)}…${fmt(result.impulsive.lowThrustBandKmS[1], 3)} km/s)`],
                ['MIMA', s.bold(`a_req ${m.aReqMS2.toPrecision(10)} m/s², max initial mass ${m.maxInitialMassKg.toFixed(4)} kg`) + ` (−14 %…+10 % vs optimum)`],
                ['Damon', `Δv ${fmt(d.dvMS / 1000, 4)} km/s, a ${d.aReqMS2.toPrecision(6)} m/s², switch at ${fmt(d.tauFraction, 3)}·T, max initial mass ${d.maxInitialMassKg.toFixed(1)} kg`],
              ]),
          };
        }

        if (opts.trip !== undefined) {
          const which = opts.solution === undefined ? 'min-dv' : parseChoice(opts.solution, '--solution', ['min-dv', 'min-duration'] as const);
          const trip = await tripFromFile(opts.trip, which, ctx.cwd);
          const report = await ionReportFromFlags(trip, undefined, opts, ctx.cwd);
          return { result: report, warnings: report.warnings, text: (_x, s) => F.renderPropulsionReport(report, s) };
        }
        if (opts.solution !== undefined) throw new InputError('--solution: only with --trip', '--solution');

        // Mass budget: legs from the flags.
        const outbound = await legsFromFlags(opts, 'out');
        const inbound = await legsFromFlags(opts, 'back');
        if (outbound.length === 0 && inbound.length === 0) {
          throw new InputError('--dv-out/--dv-back: give the legs (Δv and --days-out/--days-back), or --dv1/--dv2/--tof, --edelbaum, --list-thrusters', '--dv-out');
        }
        const settings = await missionSettingsFromFlags(opts);
        const stay = opts.stay === undefined ? 0 : await parseQuantityFlag(opts.stay, 'd', '--stay', { min: 0 });
        const mission: MissionProfile = {
          outbound,
          inbound,
          operations: { ...settings.operations, durationDays: stay },
          margins: settings.margins,
          dutyCycle: settings.dutyCycle,
          thrustDistance: settings.thrustDistance,
        };
        const warnings: string[] = [];
        if (opts.size) {
          if (settings.cargoKg === undefined) throw new InputError('--size: give the cargo to return with --cargo', '--cargo');
          if (opts.busMass === undefined) throw new InputError('--bus-mass: required with --size (dry mass without arrays, thrusters and tanks, kg)', '--bus-mass');
          const sc0 = await spacecraftFromFlags(opts, { needDryMass: false, cwd: ctx.cwd });
          const assumptions = {
            busDryMassKg: await parseQuantityFlag(opts.busMass, 'kg', '--bus-mass', { positive: true }),
            ...(opts.arrayKgPerKw !== undefined ? { arraySpecificMassKgPerKw: await parseQuantityFlag(opts.arrayKgPerKw, 'kg/kW', '--array-kg-per-kw', { min: 0 }) } : {}),
            ...(opts.epKgPerKw !== undefined ? { propulsionSpecificMassKgPerKw: await parseQuantityFlag(opts.epKgPerKw, 'kg/kW', '--ep-kg-per-kw', { min: 0 }) } : {}),
            ...(opts.tankage !== undefined ? { tankageFraction: parseFractionFlag(opts.tankage, '--tankage', 0.1, { max: 10 }) } : {}),
            ...(opts.maxThrusters !== undefined ? { maxThrusters: parseNumber(opts.maxThrusters, '--max-thrusters', { integer: true, min: 1, max: 200 }) } : {}),
            ...(sc0.maxLaunchMassKg !== undefined ? { maxLaunchMassKg: sc0.maxLaunchMassKg } : {}),
          };
          const r = P.sizeSpacecraft(settings.cargoKg, mission, sc0.thruster, assumptions);
          const t1 = P.operatingPoint(r.spacecraft, 1).thrustN;
          return { result: { mode: 'size', ...r, thrustAt1AuN: t1 }, warnings, text: (_x, s) => F.renderSizing(r, s, t1) };
        }
        const sc = await spacecraftFromFlags(opts, { needDryMass: true, cwd: ctx.cwd });
        const t1 = P.operatingPoint(sc, 1).thrustN;
        const head = (s: Parameters<typeof F.renderBudget>[1]) => s.bold('Spacecraft') + '\n' + renderPairs(F.spacecraftLines(sc, t1), '  ');
        if (settings.cargoKg !== undefined) {
          const b = P.requireFeasibleBudget(sc, mission, settings.cargoKg);
          return {
            result: { mode: 'budget', spacecraft: sc, thrustAt1AuN: t1, mission, budget: b },
            warnings,
            text: (_x, s) => head(s) + '\n' + F.renderBudget(b, s),
          };
        }
        const r = P.maxCargo(sc, mission);
        return {
          result: { mode: 'max-cargo', spacecraft: sc, thrustAt1AuN: t1, mission, ...r },
          warnings,
          text: (_x, s) => head(s) + '\n' + F.renderMaxCargo(r, s),
        };
      }),
    );
  });
};
