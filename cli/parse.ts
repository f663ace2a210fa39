// Flag value parsers: each throws an InputError naming the flag and what was expected (exit 2).
import { InputError } from '../src/errors.js';
import { isBareNumber, tryQuantity } from '../src/scenario/units.js';

export function parseNumber(text: string | undefined, flag: string, opts: { min?: number; max?: number; integer?: boolean; positive?: boolean } = {}): number {
  if (text === undefined || text.trim() === '') throw new InputError(`${flag}: expected a number`, flag);
  const v = Number(text);
  if (!Number.isFinite(v)) throw new InputError(`${flag}: expected a number, got "${text}"`, flag);
  if (opts.integer && !Number.isInteger(v)) throw new InputError(`${flag}: expected a whole number, got "${text}"`, flag);
  if (opts.positive && v <= 0) throw new InputError(`${flag}: expected a number > 0, got "${text}"`, flag);
  if (opts.min !== undefined && v < opts.min) throw new InputError(`${flag}: expected a number ≥ ${opts.min}, got "${text}"`, flag);
  if (opts.max !== undefined && v > opts.max) throw new InputError(`${flag}: expected a number ≤ ${opts.max}, got "${text}"`, flag);
  return v;
}

/**
 * What each engine unit measures, for messages that say what a flag expects ("a speed in km/s"),
 * with a typical value to show the unit syntax.
 */
const DIMENSIONS: Record<string, { name: string; example: string; range?: string }> = {
  s: { name: 'duration', example: '10 h' },
  d: { name: 'duration', example: '2 yr', range: '100 d..2 yr' },
  yr: { name: 'duration', example: '60 months' },
  'km/s': { name: 'speed', example: '12 km/s' },
  'km^2/s^2': { name: 'launch energy C3', example: '60 km^2/s^2' },
  'km^3/s^2': { name: 'gravitational parameter', example: '398600.4418 km^3/s^2' },
  km: { name: 'length', example: '400 km' },
  m: { name: 'length', example: '10 m' },
  AU: { name: 'distance', example: '1.2 AU', range: '0.9..1.3 AU' },
  kg: { name: 'mass', example: '2 t' },
  W: { name: 'power', example: '10 kW' },
  GW: { name: 'power', example: '500 MW' },
  N: { name: 'force', example: '90 mN' },
  deg: { name: 'angle', example: '28.5 deg' },
  'm^2': { name: 'area', example: '80 m^2' },
  'mm^2': { name: 'area', example: '8.14 cm^2' },
  'kg/m^3': { name: 'density', example: '1.5 g/cm^3' },
  'MJ/kg': { name: 'specific energy', example: '8.5 MJ/kg' },
  'kg/kW': { name: 'specific mass', example: '6.67 kg/kW' },
  'W/kg': { name: 'specific power', example: '36.5 W/kg' },
};

/** Unit symbols that read badly alone in a sentence ("in d"). */
const UNIT_WORDS: Record<string, string> = { d: 'days', s: 'seconds', yr: 'years', deg: 'degrees' };

/** The dimension a unit measures, with its article ("a speed", "an angle"), and the unit as read. */
function dimensionOf(unit: string): { name: string; a: string; example: string; range?: string; unitText: string } {
  const d = DIMENSIONS[unit] ?? { name: 'quantity', example: `1 ${unit}` };
  return { ...d, a: `${/^[aeiou]/.test(d.name) ? 'an' : 'a'} ${d.name}`, unitText: UNIT_WORDS[unit] ?? unit };
}

/** Typographic forms people paste ("km²/s²", "−5", "µs") → what the units module reads. */
function normalizeQuantityText(text: string): string {
  return text.trim().replace(/²/g, '^2').replace(/³/g, '^3').replace(/[−–]/g, '-').replace(/µ/g, 'u');
}

export interface QuantityBounds {
  min?: number;
  max?: number;
  positive?: boolean;
}

/**
 * A dimensional flag: a bare number in the documented `unit` or a quantity with a unit ("3000 s",
 * "40 kW", "2 yr"); bounds are in `unit`. mathjs is loaded only for units outside the common table
 * (src/scenario/units.ts). Errors name the flag and the dimension expected, e.g.
 * `--max-dv: "12 kg" is not a speed; expected a number in km/s or a speed with a unit such as "12 km/s"`.
 */
export async function parseQuantityFlag(text: string | undefined, unit: string, flag: string, opts: QuantityBounds = {}): Promise<number> {
  const dim = dimensionOf(unit);
  const t = normalizeQuantityText(text ?? '');
  const what = `${dim.a} in ${dim.unitText} (a number, or with a unit such as "${dim.example}")`;
  if (t === '') throw new InputError(`${flag}: expected ${what}`, flag);
  const r = await tryQuantity(t, unit);
  if ('problem' in r) {
    if (r.problem === 'dimension') throw new InputError(`${flag}: "${t}" is not ${dim.a}; expected a number in ${dim.unitText} or ${dim.a} with a unit such as "${dim.example}"`, flag);
    throw new InputError(`${flag}: expected ${what}, got "${t}"`, flag);
  }
  checkBounds(r.value, t, dim.unitText, flag, dim.a, opts);
  return r.value;
}

function checkBounds(v: number, text: string, unit: string, flag: string, dimName: string, opts: QuantityBounds): void {
  const shown = isBareNumber(text) ? `"${text}"` : `"${text}" (${+v.toPrecision(6)} ${unit})`;
  if (opts.positive && v <= 0) throw new InputError(`${flag}: expected ${dimName} > 0 ${unit}, got ${shown}`, flag);
  if (opts.min !== undefined && v < opts.min) throw new InputError(`${flag}: expected ${dimName} ≥ ${opts.min} ${unit}, got ${shown}`, flag);
  if (opts.max !== undefined && v > opts.max) throw new InputError(`${flag}: expected ${dimName} ≤ ${opts.max} ${unit}, got ${shown}`, flag);
}

const LEADING_NUMBER = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/;

/**
 * "MIN..MAX" of quantities: each end a bare number in `unit` or with its own unit ("100 d..2 yr").
 * A bare start takes the end's unit ("1..2 yr" is one to two years, "100..700 d" days).
 */
export async function parseQuantityRange(text: string | undefined, unit: string, flag: string, opts: QuantityBounds = {}): Promise<[number, number]> {
  const t = normalizeQuantityText(text ?? '');
  const at = t.indexOf('..');
  const dim = dimensionOf(unit);
  if (at <= 0 || at + 2 >= t.length) {
    throw new InputError(`${flag}: expected a range MIN..MAX in ${dim.unitText} (numbers, or with units such as "${dim.range ?? `1..2 ${unit}`}"), got "${text ?? ''}"`, flag);
  }
  let startText = t.slice(0, at).trim();
  const endText = t.slice(at + 2).trim();
  const endUnit = LEADING_NUMBER.exec(endText)?.[2] ?? '';
  const inherited = isBareNumber(startText) && endUnit !== '';
  if (inherited) startText = `${startText} ${endUnit}`;
  const a = await parseQuantityFlag(startText, unit, flag, opts);
  const b = await parseQuantityFlag(endText, unit, flag, opts);
  if (b < a) {
    const why = inherited ? ` (a bare start takes the end's unit: ${startText}..${endText}; give both ends a unit, e.g. "60 d..1 yr")` : '';
    throw new InputError(`${flag}: range end ${endText} is before its start ${startText}${why}`, flag);
  }
  return [a, b];
}

/** "A,B,C" of quantities, each a bare number in `unit` or with a unit ("0.5 km/s,500 m/s"). */
export async function parseQuantityList(text: string | undefined, unit: string, flag: string, opts: QuantityBounds = {}): Promise<number[]> {
  if (text === undefined) return [];
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    const dim = dimensionOf(unit);
    throw new InputError(`${flag}: expected comma-separated values in ${dim.unitText} (numbers, or with units such as "${dim.example}"), got "${text}"`, flag);
  }
  const out: number[] = [];
  for (const p of parts) out.push(await parseQuantityFlag(p, unit, flag, opts));
  return out;
}

/** "x,y,z" → a 3-vector. */
export function parseVector3(text: string | undefined, flag: string): [number, number, number] {
  const parts = (text ?? '').split(',').map((s) => s.trim());
  if (parts.length !== 3 || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) {
    throw new InputError(`${flag}: expected three comma-separated numbers x,y,z, got "${text ?? ''}"`, flag);
  }
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 date or date-time (UTC when no zone is given) → Date. */
export function parseDate(text: string | undefined, flag: string): Date {
  const t = (text ?? '').trim();
  if (!ISO_DATE.test(t)) throw new InputError(`${flag}: expected an ISO 8601 date such as 2026-03-01 or 2026-03-01T12:00Z, got "${t}"`, flag);
  const withZone = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : t.includes('T') ? `${t}Z` : `${t}T00:00:00Z`;
  const d = new Date(withZone);
  if (Number.isNaN(d.getTime())) throw new InputError(`${flag}: "${t}" is not a valid calendar date`, flag);
  // Reject rollovers such as 2026-02-31.
  const [y, mo, da] = t.slice(0, 10).split('-').map(Number);
  if (d.getUTCFullYear() !== y || d.getUTCMonth() + 1 !== mo || d.getUTCDate() !== da) {
    throw new InputError(`${flag}: "${t}" is not a valid calendar date`, flag);
  }
  return d;
}

/** "FROM..TO" of ISO dates. */
export function parseDateRange(text: string | undefined, flag: string): [Date, Date] {
  const parts = (text ?? '').split('..');
  if (parts.length !== 2) throw new InputError(`${flag}: expected FROM..TO with ISO dates, got "${text ?? ''}"`, flag);
  const a = parseDate(parts[0], flag);
  const b = parseDate(parts[1], flag);
  if (b.getTime() < a.getTime()) throw new InputError(`${flag}: ${parts[1]} is before ${parts[0]}`, flag);
  return [a, b];
}

/** Comma-separated list, each item checked against `allowed` (case-insensitive). */
export function parseList<T extends string>(text: string | undefined, flag: string, allowed?: readonly T[]): T[] {
  const items = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new InputError(`${flag}: expected a comma-separated list`, flag);
  if (!allowed) return items as T[];
  return items.map((it) => {
    const hit = allowed.find((a) => a.toLowerCase() === it.toLowerCase());
    if (!hit) throw new InputError(`${flag}: "${it}" is not one of ${allowed.join(', ')}`, flag);
    return hit;
  });
}

export function parseChoice<T extends string>(text: string | undefined, flag: string, allowed: readonly T[]): T {
  const hit = allowed.find((a) => a.toLowerCase() === (text ?? '').toLowerCase());
  if (!hit) throw new InputError(`${flag}: expected one of ${allowed.join(', ')}, got "${text ?? ''}"`, flag);
  return hit;
}

/** How to read one flag: its name as typed, its parser and, for a required flag, what it is. */
export interface FlagSpec<T> {
  flag: string;
  parse: (text: string, flag: string) => T | Promise<T>;
  /** Set for a required flag: what to give, for the "required" message ("departure position x,y,z in km"). */
  required?: string;
}

type FlagValues<S> = {
  [K in keyof S]: S[K] extends FlagSpec<infer T> ? (S[K] extends { required: string } ? T : T | undefined) : never;
};

/**
 * Parses a command's flags in two passes: first every flag the user gave (so that a bad value, say
 * `--tof -5`, is what gets reported), then the required flags that are missing. Keys of `specs`
 * are commander's option keys (`maxRevs` for --max-revs); absent optional flags come back
 * undefined. Throws the InputError of the first bad flag in `specs` order.
 */
export async function readFlags<S extends Record<string, FlagSpec<unknown>>>(given: object, specs: S): Promise<FlagValues<S>> {
  const values = given as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const v = values[key];
    if (v === undefined) continue;
    out[key] = await spec.parse(String(v), spec.flag);
  }
  for (const [key, spec] of Object.entries(specs)) {
    if (values[key] === undefined && spec.required !== undefined) {
      throw new InputError(`${spec.flag}: required (${spec.required})`, spec.flag);
    }
  }
  return out as FlagValues<S>;
}
