/**
 * Unit-tagged quantities at the edge ("4560 s", "76 min", "1.1 AU", "40 kW", "3000 s" as Isp).
 * mathjs does the unit algebra; it costs ~1 s to import, so it is loaded only when a string
 * with a unit actually arrives. Bare numbers are taken in the unit the caller names.
 */
import type { MathJsInstance } from 'mathjs';
import { AU_KM } from '../astro/constants.js';
import { InputError } from '../errors.js';

let math: MathJsInstance | undefined;
let loading: Promise<MathJsInstance> | undefined;

const BARE_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Loads mathjs once, on a private instance (createUnit mutates the registry). */
export function loadUnits(): Promise<MathJsInstance> {
  if (math) return Promise.resolve(math);
  loading ??= import('mathjs').then((m) => {
    const inst = m.create(m.all, {});
    // mathjs 15 has no astronomical unit (IAU 2012 B2: 149 597 870.7 km, exact).
    inst.createUnit('AU', { definition: `${AU_KM} km`, aliases: ['au', 'ua'] });
    // Julian year, for "yr" (mathjs only knows "year"/"years").
    inst.createUnit('yr', { definition: '365.25 day', aliases: ['yrs'] });
    // "d" for days, as scenario files write stays and trips ("180 d"); mathjs has only "day".
    inst.createUnit('d', { definition: '1 day' });
    math = inst;
    return inst;
  });
  return loading;
}

export function unitsLoaded(): boolean {
  return math !== undefined;
}

/** True when the text is only a number (no unit), so mathjs is not needed. */
export function isBareNumber(text: string): boolean {
  return BARE_NUMBER.test(text.trim());
}

/**
 * The units scenario files use most, as [dimension, factor to the dimension's SI unit], so that
 * a file written with "60 kW" and "365 d" does not pay mathjs's ~1 s import. Factors are exact
 * definitions (SI; AU IAU 2012 B2 = 149 597 870 700 m; Julian year 365.25 d, as `yr` above).
 * Anything else — other units, wrong dimensions — goes to mathjs, which words the errors.
 */
const SIMPLE_UNITS: Record<string, readonly [string, number]> = {
  g: ['mass', 1e-3], kg: ['mass', 1], t: ['mass', 1e3], tonne: ['mass', 1e3],
  s: ['time', 1], min: ['time', 60], h: ['time', 3600], d: ['time', 86400], day: ['time', 86400], days: ['time', 86400], yr: ['time', 31557600], yrs: ['time', 31557600],
  m: ['length', 1], km: ['length', 1e3], AU: ['length', AU_KM * 1e3], au: ['length', AU_KM * 1e3],
  W: ['power', 1], kW: ['power', 1e3], MW: ['power', 1e6], GW: ['power', 1e9],
  N: ['force', 1], mN: ['force', 1e-3],
  'm/s': ['speed', 1], 'km/s': ['speed', 1e3],
  'm^2': ['area', 1], 'km^2': ['area', 1e6],
  'km^2/s^2': ['c3', 1e6], 'm^2/s^2': ['c3', 1],
  'J/kg': ['specific energy', 1], 'kJ/kg': ['specific energy', 1e3], 'MJ/kg': ['specific energy', 1e6],
  deg: ['angle', Math.PI / 180], rad: ['angle', 1],
};
const SIMPLE_QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([A-Za-z][A-Za-z0-9^/]*)$/;

/** Converts "<number> <common unit>" without mathjs; undefined when mathjs is needed. */
function simpleQuantity(text: string, unit: string): number | undefined {
  const m = SIMPLE_QUANTITY.exec(text);
  if (!m) return undefined;
  const from = SIMPLE_UNITS[m[2]];
  const to = SIMPLE_UNITS[unit];
  if (!from || !to || from[0] !== to[0]) return undefined;
  return from[1] === to[1] ? Number(m[1]) : (Number(m[1]) * from[1]) / to[1];
}

/** True when converting `input` to `unit` needs mathjs. */
export function needsUnits(input: string | number, unit: string): boolean {
  if (typeof input === 'number') return false;
  const t = input.trim();
  return t !== '' && !isBareNumber(t) && simpleQuantity(t, unit) === undefined;
}

/**
 * Converts a quantity to `unit` synchronously. Needs `loadUnits()` first when `input` carries a
 * unit outside the common table; a bare number is taken as already being in `unit`.
 */
export function quantitySync(input: string | number, unit: string, field: string): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new InputError(`${field}: expected a finite number, got ${input}`, field);
    return input;
  }
  const text = input.trim();
  if (text === '') throw new InputError(`${field}: expected a quantity in ${unit}, got an empty value`, field);
  if (isBareNumber(text)) return Number(text);
  const simple = simpleQuantity(text, unit);
  if (simple !== undefined) {
    if (!Number.isFinite(simple)) throw new InputError(`${field}: "${text}" is not a finite quantity`, field);
    return simple;
  }
  if (!math) throw new Error('quantitySync: call loadUnits() before converting unit strings');
  let parsed;
  try {
    parsed = math.unit(text);
  } catch {
    throw new InputError(`${field}: cannot read "${text}" as a quantity (expected e.g. "12 ${unit}")`, field);
  }
  let value: number;
  try {
    value = parsed.toNumber(unit);
  } catch {
    throw new InputError(`${field}: "${text}" is not convertible to ${unit} (wrong dimension)`, field);
  }
  if (!Number.isFinite(value)) throw new InputError(`${field}: "${text}" is not a finite quantity`, field);
  return value;
}

/** Why a text could not be converted: unreadable, the wrong dimension, or not finite. */
export type QuantityProblem = 'unreadable' | 'dimension' | 'not-finite';

/**
 * `quantity` without the wording: the value in `unit`, or what is wrong with the text, so that a
 * front end can phrase its own message (a flag name, the dimension it expects). Loads mathjs only
 * for units outside the common table.
 */
export async function tryQuantity(text: string, unit: string): Promise<{ value: number } | { problem: QuantityProblem }> {
  const t = text.trim();
  if (t === '') return { problem: 'unreadable' };
  if (isBareNumber(t)) {
    const v = Number(t);
    return Number.isFinite(v) ? { value: v } : { problem: 'not-finite' };
  }
  const simple = simpleQuantity(t, unit);
  if (simple !== undefined) return Number.isFinite(simple) ? { value: simple } : { problem: 'not-finite' };
  const m = await loadUnits();
  let parsed;
  try {
    parsed = m.unit(t);
  } catch {
    return { problem: 'unreadable' };
  }
  let value: number;
  try {
    value = parsed.toNumber(unit);
  } catch {
    return { problem: 'dimension' };
  }
  return Number.isFinite(value) ? { value } : { problem: 'not-finite' };
}

/** Converts a quantity to `unit`, loading mathjs only if the input carries a unit. */
export async function quantity(input: string | number, unit: string, field: string): Promise<number> {
  if (needsUnits(input, unit)) await loadUnits();
  return quantitySync(input, unit, field);
}
