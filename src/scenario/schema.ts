/**
 * Scenario files (DESIGN §3): the zod 4 schema. Quantities accept a bare number (in the unit the
 * field documents) or a string with a unit ("40 kW", "3000 s", "1.1 AU"); uncertain inputs also
 * accept `{p10, p50, p90}` or `{min, mode, max}` with units inside. Unit strings are converted by
 * `quantitySync` during parsing, so mathjs must be loaded first (`loadScenario` does that only
 * when the document contains a unit string). The parsed `Scenario` holds SI/engine numbers.
 */
import { z } from 'zod';
import { closest, showValue } from './suggest.js';
import { thrusterPresets } from '../propulsion/thrusters.js';
import { capsulePresetIds } from '../reentry/capsules.js';
import { needsUnits, quantitySync, unitsLoaded } from './units.js';
import type { Dist } from './dist.js';

/** Products a refinery can be asked for (element symbols; H2O for water; REE for the sum of rare earths). */
export const PRODUCTS = [
  'Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru', 'Au',
  'Fe', 'Ni', 'Co',
  'H2O',
  'La', 'Ce', 'Pr', 'Nd', 'Sm', 'Eu', 'Gd', 'Tb', 'Dy', 'Y', 'REE',
  'Ga', 'Ge',
] as const;
export type Product = (typeof PRODUCTS)[number];

/** Processing routes (DESIGN §2.5) with their specific energies handled by the refining module. */
export const ROUTES = ['water', 'melt-metal', 'vaporize-metal', 'melt-silicate'] as const;
export type Route = (typeof ROUTES)[number];

interface QtyOpts {
  /** Strictly positive. */
  positive?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Words for the message when the unit alone is not clear ("a fraction 0–1"). */
  what?: string;
}

function describe(unit: string, o: QtyOpts): string {
  if (o.what) return o.what;
  const kind = o.integer ? 'whole number' : 'quantity';
  const sign = o.positive ? 'a positive ' : o.min === 0 ? 'a non-negative ' : 'a ';
  const unitText = unit === '1' ? '' : ` in ${unit}`;
  const range = o.min !== undefined && o.max !== undefined && !o.positive ? ` between ${o.min} and ${o.max}` : o.max !== undefined ? ` ≤ ${o.max}` : '';
  return `${sign}${kind}${unitText}${range}`;
}

// showValue lives in suggest.ts (no zod there: the CLI config layer uses it at start-up).
export { showValue } from './suggest.js';

/**
 * Issue message of a value that needs mathjs while it is not loaded: `parseScenario` then loads
 * it and parses again (so files written in common units never pay for mathjs).
 */
export const NEEDS_UNITS = '\u0000needs-units';

/** Converts one raw value; returns an error message instead of throwing. */
function convert(raw: unknown, unit: string, o: QtyOpts): number | string {
  if (raw === undefined) return `required field is missing (expected ${describe(unit, o)})`;
  const expected = `expected ${describe(unit, o)}, got ${showValue(raw)}`;
  if (typeof raw !== 'number' && typeof raw !== 'string') return expected;
  if (typeof raw === 'string' && !unitsLoaded() && !(unit === '1' && raw.trim().endsWith('%')) && needsUnits(raw, unit)) return NEEDS_UNITS;
  let x: number;
  try {
    x = unit === '1' && typeof raw === 'string' && raw.trim().endsWith('%') ? Number(raw.trim().slice(0, -1)) / 100 : quantitySync(raw, unit, 'value');
  } catch (err) {
    const m = (err as Error).message;
    if (/wrong dimension/.test(m)) return `expected ${describe(unit, o)}, got ${showValue(raw)} (wrong unit)`;
    return expected;
  }
  if (!Number.isFinite(x)) return expected;
  if (o.positive && !(x > 0)) return expected;
  if (o.min !== undefined && x < o.min) return expected;
  if (o.max !== undefined && x > o.max) return expected;
  if (o.integer && !Number.isInteger(x)) return expected;
  return x;
}

/** A quantity in `unit` (bare numbers are taken in `unit`). */
export function qty(unit: string, o: QtyOpts = {}) {
  return z.unknown().transform((raw, ctx): number => {
    const r = convert(raw, unit, o);
    if (typeof r === 'string') {
      ctx.addIssue({ code: 'custom', message: r, input: raw });
      return z.NEVER;
    }
    return r;
  });
}

const TRIANGULAR_KEYS = ['min', 'mode', 'max'];
const PERCENTILE_KEYS = ['p10', 'p50', 'p90'];

/** What is wrong with the keys of an object given for an uncertain input (neither triple exactly). */
function distributionShapeProblem(keys: string[], expected: string): string {
  const tri = keys.filter((k) => TRIANGULAR_KEYS.includes(k));
  const pct = keys.filter((k) => PERCENTILE_KEYS.includes(k));
  const other = keys.filter((k) => !TRIANGULAR_KEYS.includes(k) && !PERCENTILE_KEYS.includes(k));
  const list = (ks: string[]) => ks.map((k) => `"${k}"`).join(', ');
  const forms = '{min, mode, max} or {p10, p50, p90}';
  if (tri.length === 0 && pct.length === 0) return `expected ${expected}, {p10, p50, p90} or {min, mode, max}, got an object with keys {${keys.join(', ')}}`;
  if (tri.length > 0 && pct.length > 0) return `a distribution is ${forms}, not a mix of both (got {${keys.join(', ')}})`;
  if (other.length > 0) return `unknown key${other.length > 1 ? 's' : ''} ${list(other)} in a distribution (expected ${forms})`;
  const want = tri.length > 0 ? TRIANGULAR_KEYS : PERCENTILE_KEYS;
  const missing = want.filter((k) => !keys.includes(k));
  return `incomplete distribution: ${list(missing)} ${missing.length > 1 ? 'are' : 'is'} missing (expected {${want.join(', ')}})`;
}

/** A number or a distribution `{p10,p50,p90}` / `{min,mode,max}` of quantities in `unit`. */
export function uncertain(unit: string, o: QtyOpts = {}) {
  return z.unknown().transform((raw, ctx): Dist => {
    const fail = (message: string, path: (string | number)[] = []) => {
      ctx.addIssue({ code: 'custom', message, path, input: raw });
      return z.NEVER;
    };
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const obj = raw as Record<string, unknown>;
      const keys = Object.keys(obj).sort().join(',');
      const triple = keys === 'max,min,mode' ? (['min', 'mode', 'max'] as const) : keys === 'p10,p50,p90' ? (['p10', 'p50', 'p90'] as const) : null;
      if (!triple) return fail(distributionShapeProblem(Object.keys(obj), describe(unit, o)));
      const vals: number[] = [];
      for (const k of triple) {
        const r = convert(obj[k], unit, o);
        if (typeof r === 'string') return fail(r, [k]);
        vals.push(r);
      }
      if (!(vals[0] <= vals[1] && vals[1] <= vals[2])) return fail(`expected ${triple.join(' ≤ ')}, got ${vals.join(', ')}${unit === '1' ? '' : ` (in ${unit})`}`);
      return triple[0] === 'min'
        ? { kind: 'triangular', min: vals[0], mode: vals[1], max: vals[2] }
        : { kind: 'percentiles', p10: vals[0], p50: vals[1], p90: vals[2] };
    }
    const r = convert(raw, unit, o);
    if (typeof r === 'string') return fail(r);
    return { kind: 'fixed', value: r };
  });
}

const FRACTION: QtyOpts = { min: 0, max: 1, what: 'a fraction between 0 and 1' };
const POS_FRACTION: QtyOpts = { positive: true, max: 1, what: 'a fraction in (0, 1]' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(ISO_DATE, 'expected an ISO date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')), 'expected a valid calendar date');

/** "2030-01-01..2036-12-31" or {from, to}. */
const dateRange = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, 'expected FROM..TO as ISO dates, e.g. "2030-01-01..2036-12-31"')
    .transform((s) => {
      const [from, to] = s.split('..');
      return { from, to };
    }),
  z.strictObject({ from: isoDate, to: isoDate }),
]).refine((r) => r.from < r.to, 'expected the window to start before it ends');

const productMap = <T extends z.ZodType>(v: T) => z.partialRecord(z.enum(PRODUCTS), v);

export const targetSchema = z.strictObject({
  /** Designation, number or name as `prospector target` accepts it. */
  designation: z.union([z.string().min(1, 'expected a designation, number or name'), z.number().int().positive().transform(String)]),
  /** A catalog file (MPC NEA.txt/MPCORB.DAT, nea_extended.json(.gz), SBDB CSV); default: bundled. */
  catalog: z.string().min(1).optional(),
});

export const windowSchema = z.strictObject({
  /**
   * Absent: the default window, from the later of 2025-01-01 and the date the plan is run (`plan`'s
   * `today`) to 2045-12-31 (defaultLaunchWindow in trajectory/round-trip.ts); the plan records it.
   */
  launch: dateRange.optional(),
  maxTotalDays: qty('day', { positive: true }).default(450),
  minStayDays: qty('day', { min: 0 }).default(8),
  maxC3: qty('km^2/s^2', { positive: true }).default(60),
  maxEntrySpeed: qty('km/s', { positive: true }).default(12),
  maxDv: qty('km/s', { positive: true }).default(12),
  stepDays: qty('day', { positive: true }).default(8),
});

/**
 * A preset id checked at validation time (case and punctuation ignored, as the lookups do), so a
 * misspelt preset is reported with the file's other problems instead of after them.
 */
function presetName(what: string, ids: () => string[]) {
  const norm = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');
  return z.string().min(1, `expected a ${what} name`).superRefine((v, ctx) => {
    const known = ids();
    if (known.some((k) => norm(k) === norm(v))) return;
    const guess = closest(v, known);
    ctx.addIssue({ code: 'custom', message: `unknown ${what} "${v}"${guess ? ` (did you mean "${guess}"?)` : ''} (known: ${known.join(', ')})` });
  });
}

export const spacecraftSchema = z.strictObject({
  /** A thruster preset known to the propulsion module (e.g. nstar, next-c, spt-140). */
  thrusterPreset: presetName('thruster preset', () => thrusterPresets().map((t) => t.id)).optional(),
  /** Dry mass (uncertain: e.g. {min: "2.5 t", mode: "3 t", max: "3.6 t"}). */
  dryMass: uncertain('kg', { positive: true }),
  /** Solar-array power at 1 AU (uncertain: e.g. {p10: "55 kW", p50: "60 kW", p90: "62 kW"}). */
  power: uncertain('W', { positive: true }),
  /** Power-processor cap (defaults to the array power at 1 AU). */
  ppuMax: qty('W', { positive: true }).optional(),
  isp: qty('s', { positive: true }).optional(),
  efficiency: qty('1', POS_FRACTION).optional(),
  /** Total thrust at full power; when absent, T = 2ηP/(g0·Isp). */
  thrust: qty('N', { positive: true }).optional(),
  thrusters: qty('1', { positive: true, integer: true }).default(1),
  /** Propellant margin on top of the rocket equation. */
  propellantMargin: qty('1', FRACTION).default(0.1),
  /** Spacecraft cost (USD per kg dry). */
  costUsdPerKg: uncertain('1', { positive: true, what: 'a positive number of USD per kg' }).optional(),
});

export const refinerySchema = z
  .strictObject({
    concentratorDiameter: qty('m', { positive: true }).optional(),
    concentratorArea: qty('m^2', { positive: true }).optional(),
    opticalEfficiency: uncertain('1', POS_FRACTION).default({ kind: 'fixed', value: 0.8 }),
    captureEfficiency: uncertain('1', POS_FRACTION).default({ kind: 'triangular', min: 0.3, mode: 0.5, max: 0.7 }),
    dutyCycle: uncertain('1', POS_FRACTION).default({ kind: 'fixed', value: 0.5 }),
    route: z.preprocess((v) => (v === 'vaporise-metal' ? 'vaporize-metal' : v), z.enum(ROUTES)),
    products: z.array(z.enum(PRODUCTS)).min(1, 'expected at least one product'),
    /** Recovery of each product from the processed rock (one value for all, or per product). */
    recovery: z.union([uncertain('1', POS_FRACTION), productMap(uncertain('1', POS_FRACTION))]).optional(),
    /** Specific energy of the route (default: the refining module's band for the route), e.g. {min: "8 MJ/kg", mode: "8.5 MJ/kg", max: "9 MJ/kg"}. */
    specificEnergy: uncertain('MJ/kg', { positive: true }).optional(),
    /** Stay at the asteroid; default: the trajectory's stay. */
    stay: qty('day', { positive: true }).optional(),
    mass: qty('kg', { min: 0 }).default(0),
    costUsd: uncertain('1', { min: 0, what: 'a non-negative number of USD' }).optional(),
  })
  .refine((r) => r.concentratorDiameter !== undefined || r.concentratorArea !== undefined, {
    message: 'expected concentratorDiameter or concentratorArea',
    path: ['concentratorDiameter'],
  });

export const capsulesSchema = z.strictObject({
  /** A heritage preset known to the reentry module (stardust, hayabusa, hayabusa2, osiris-rex, genesis). */
  preset: presetName('capsule preset', capsulePresetIds).optional(),
  mass: qty('kg', { positive: true }).optional(),
  diameter: qty('m', { positive: true }).optional(),
  noseRadius: qty('m', { positive: true }).optional(),
  cd: qty('1', { positive: true, what: 'a positive drag coefficient' }).optional(),
  payloadFraction: uncertain('1', POS_FRACTION).optional(),
  /** Entry flight-path angle at the 125 km interface (negative; Stardust −8.2°). */
  entryFpa: qty('deg', { max: -0.5, min: -89, what: 'a flight-path angle between -89° and -0.5° (descending)' }).default(-8.2),
  /** Cost of one capsule (USD); default scales Stardust-class hardware (see the plan's method note). */
  costUsd: uncertain('1', { min: 0, what: 'a non-negative number of USD' }).optional(),
});

export const marketsSchema = z.strictObject({
  /** Price overrides (USD per kg of product); default: the supply module's market data. */
  pricesUsdPerKg: productMap(uncertain('1', { min: 0, what: 'a non-negative price in USD/kg' })).default({}),
  /** Price elasticity of supply response, p = p0·(1 + ΔS/S0)^(1/ε); negative. */
  elasticities: productMap(uncertain('1', { max: 0, what: 'a negative elasticity' })).default({}),
});

export const financeSchema = z.strictObject({
  discountRate: uncertain('1', { min: 0, max: 1, what: 'a rate between 0 and 1 per year' }).default({ kind: 'fixed', value: 0.08 }),
  /** Missions in the campaign (learning curve C(n) = C1·n^(log2 L)). */
  campaignMissions: qty('1', { positive: true, integer: true }).default(1),
  learningRate: qty('1', POS_FRACTION).default(0.85),
  launchCostUsdPerKg: uncertain('1', { positive: true, what: 'a positive number of USD per kg' }).optional(),
  operationsUsdPerYear: uncertain('1', { min: 0, what: 'a non-negative number of USD per year' }).optional(),
  /** Whole years between campaign mission starts (default: the target's synodic period, rounded). */
  cadenceYears: qty('yr', { positive: true, integer: true, what: 'a whole number of years ≥ 1' }).optional(),
});

export const orbitalComputeSchema = z.strictObject({
  gw: qty('1', { positive: true, what: 'a positive number of GW' }).default(1),
  years: qty('yr', { positive: true }).default(5),
  launchCostUsdPerKg: uncertain('1', { positive: true, what: 'a positive number of USD per kg' }).optional(),
  specificPowerWPerKg: qty('1', { positive: true, what: 'a positive number of W/kg' }).optional(),
  satelliteCostUsdPerW: qty('1', { positive: true, what: 'a positive number of USD/W' }).optional(),
});

/**
 * One film layer of the semiconductor stack (DESIGN §2.7), named as in data/semiconductors.json so
 * a layer can be copied from there: element-equivalent blanket thickness per level × levels.
 */
export const filmLayerSchema = z.strictObject({
  id: z.string().min(1).optional(),
  element: z.string().regex(/^[A-Z][a-z]?$/, 'expected an element symbol such as Pt, Ru or Co'),
  thicknessNm: qty('nm', { min: 0, what: 'a non-negative film thickness in nm (e.g. 2 or "2 nm")' }),
  levels: qty('1', { min: 0, integer: true, what: 'a whole number of levels ≥ 0' }).default(1),
  /** Film density; default the element density in data/semiconductors.json. */
  densityGcm3: qty('g/cm^3', { positive: true, what: 'a positive density in g/cm^3' }).optional(),
  /** Target/precursor utilisation of this layer; default the stack's. */
  utilisation: qty('1', POS_FRACTION).optional(),
  description: z.string().optional(),
  source: z.string().optional(),
});

/** The wafer film stack and die (supply.semiconductors): every field optional, defaults from data/semiconductors.json. */
export const semiconductorsSchema = z.strictObject({
  /** Replaces the whole default stack. */
  layers: z
    .array(filmLayerSchema)
    .min(1, 'expected at least one layer (leave layers out to use the default stack)')
    .transform((ls) => ls.map((l, i) => ({ ...l, id: l.id ?? `layer${i + 1}-${l.element}` })))
    .optional(),
  utilisation: qty('1', POS_FRACTION).optional(),
  dieName: z.string().min(1).optional(),
  dieAreaMm2: qty('mm^2', { positive: true, what: 'a positive die area in mm^2 (e.g. 814 or "8.14 cm^2")' }).optional(),
  defectDensityPerCm2: qty('cm^-2', { min: 0, what: 'a non-negative defect density per cm^2 (e.g. 0.1)' }).optional(),
  waferDiameterMm: qty('mm', { positive: true, what: 'a positive wafer diameter in mm (e.g. 300)' }).optional(),
  edgeExclusionMm: qty('mm', { min: 0, what: 'a non-negative edge exclusion in mm' }).optional(),
});

export const supplySchema = z.strictObject({
  semiconductors: semiconductorsSchema.prefault({}),
});

export const uncertaintySchema = z.strictObject({
  /** Monte Carlo samples (default 1000; flags and PROSPECTOR_SAMPLES override). */
  samples: qty('1', { min: 0, max: 1_000_000, integer: true, what: 'a whole number of samples 0–1000000' }).optional(),
  /** PRNG seed (default 1; flags and PROSPECTOR_SEED override). */
  seed: qty('1', { min: 0, max: 4294967295, integer: true, what: 'a whole-number seed 0–4294967295' }).optional(),
  /**
   * Ratio true/modelled for the trajectory Δv: the base case is ballistic (Lambert) or a
   * low-thrust estimate; DESIGN §2.4: MIMA −14 %…+10 % vs optimal, naive Lambert 15–92 % optimistic.
   */
  dvFactor: uncertain('1', { positive: true, what: 'a positive factor' }).optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  target: targetSchema,
  /** Where the cargo goes: Earth (capsules, markets) or Earth orbit (avoided launch mass). */
  delivery: z.enum(['earth', 'orbit']).default('earth'),
  window: windowSchema.prefault({}),
  spacecraft: spacecraftSchema,
  refinery: refinerySchema,
  capsules: capsulesSchema.prefault({}),
  markets: marketsSchema.prefault({}),
  finance: financeSchema.prefault({}),
  orbitalCompute: orbitalComputeSchema.prefault({}),
  /** Supply-model inputs: the semiconductor film stack and die. */
  supply: supplySchema.prefault({}),
  uncertainty: uncertaintySchema.prefault({}),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema> & {
  /** The file the scenario came from (for messages); absent for in-memory scenarios. */
  source?: string;
};
