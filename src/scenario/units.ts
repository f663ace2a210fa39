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
 * Converts a quantity to `unit` synchronously. Needs `loadUnits()` first when `input` carries a
 * unit; a bare number is taken as already being in `unit`.
 */
export function quantitySync(input: string | number, unit: string, field: string): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new InputError(`${field}: expected a finite number, got ${input}`, field);
    return input;
  }
  const text = input.trim();
  if (text === '') throw new InputError(`${field}: expected a quantity in ${unit}, got an empty value`, field);
  if (isBareNumber(text)) return Number(text);
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

/** Converts a quantity to `unit`, loading mathjs only if the input carries a unit. */
export async function quantity(input: string | number, unit: string, field: string): Promise<number> {
  if (typeof input === 'string' && !isBareNumber(input) && input.trim() !== '') await loadUnits();
  return quantitySync(input, unit, field);
}
