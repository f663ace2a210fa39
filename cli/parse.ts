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
  /** The example messages show when the unit's generic one reads oddly for this flag ("300 m" for a diameter in km). */
  example?: string;
}

/**
 * A dimensional flag: a bare number in the documented `unit` or a quantity with a unit ("3000 s",
 * "40 kW", "2 yr"); bounds are in `unit`. mathjs is loaded only for units outside the common table
 * (src/scenario/units.ts). Errors name the flag and the dimension expected, e.g.
 * `--max-dv: "12 kg" is not a speed; expected a number in km/s or a speed with a unit such as "12 km/s"`.
 */
export async function parseQuantityFlag(text: string | undefined, unit: string, flag: string, opts: QuantityBounds = {}): Promise<number> {
  const dim = { ...dimensionOf(unit), ...(opts.example ? { example: opts.example } : {}) };
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

// ---------------------------------------------------------------------------------------------
// Money flags: "$500/kg", "500 $/kg", "500 USD/kg", "$0.5k/kg", "$1.2M", "$1bn", "1e9", "$4.30/MMBtu".
// Plain TypeScript (no mathjs): money is not a physical dimension, and the grammar is small.

/** What a money flag is priced in: its denominator (if any) and the other denominators it converts. */
export interface MoneyUnit {
  /** The denominator after "/" ("kg", "W", "MMBtu"); absent for a total in $ (--nre). */
  per?: string;
  /** Other denominators accepted and how many `per` one of them is: {t: 1000} reads "$500/t" as $0.5/kg. */
  alt?: Readonly<Record<string, number>>;
  /** A typical value, shown in messages and help ("$500/kg"). */
  example: string;
  /** A typical range, for range messages ("$200..$3600/kg"). */
  range?: string;
}

/** A total in US dollars (--nre). */
export const USD: MoneyUnit = { example: '$1B', range: '$100M..$1B' };
/** $/kg (launch price); also $/t, $/tonne and $/lb, converted. */
export const USD_PER_KG: MoneyUnit = { per: 'kg', alt: { t: 1000, tonne: 1000, lb: 0.45359237 }, example: '$500/kg', range: '$200..$3600/kg' };
/** $/W (hardware cost); also $/kW, converted. */
export const USD_PER_W: MoneyUnit = { per: 'W', alt: { kW: 1000 }, example: '$22/W' };
/** $/MMBtu (gas price). */
export const USD_PER_MMBTU: MoneyUnit = { per: 'MMBtu', example: '$4.30/MMBtu' };
/** $/yr (running costs). */
export const USD_PER_YEAR: MoneyUnit = { per: 'yr', alt: { year: 1, y: 1 }, example: '$20M/yr' };

/**
 * Magnitude suffixes as powers of ten. Single letters are case-sensitive (M is million; a lowercase
 * m is refused as milli-or-million, a lowercase t as tonne-or-trillion); words are not ("Bn").
 */
const MONEY_LETTERS: Record<string, number> = { k: 3, K: 3, M: 6, MM: 6, B: 9, b: 9, T: 12 };
const MONEY_WORDS: Record<string, number> = { thousand: 3, mn: 6, mil: 6, million: 6, bn: 9, billion: 9, tn: 12, trillion: 12 };

/**
 * sign? ("$" | "US$" | "USD")? sign? NUMBER MAGNITUDE? ("$" | "USD")? — NUMBER may group thousands
 * with commas ("1,200") and carry an exponent ("1e9"). Letters after the number are checked apart
 * (magnitude or a trailing USD), so that "500 USD" and "500kUSD" read as they should.
 */
const MONEY_AMOUNT = /^([+-])?\s*(US\$|\$|USD|usd)?\s*([+-])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*([A-Za-z]*)\s*(\$|USD|usd)?$/;

interface MoneyParts {
  text: string;
  negative: boolean;
  /** Decimal digits as typed, without grouping commas ("1200.5"). */
  digits: string;
  /** Power of ten from the exponent and the magnitude suffix. */
  exp10: number;
  /** The number as typed ("1.2e3", "1,200"), for messages. */
  numberText: string;
  /** "$" or "USD" given. */
  currency: boolean;
  magnitude?: string;
  magnitudeExp10: number;
  per?: string;
}

function moneyWhat(unit: MoneyUnit): string {
  return unit.per === undefined ? 'an amount in $' : `a price in $/${unit.per}`;
}

function moneyExpected(unit: MoneyUnit): string {
  return `${moneyWhat(unit)} (a number, or such as "${unit.example}")`;
}

/** The denominators a money flag takes, for messages: "$/kg (or $/t, $/tonne, $/lb)". */
function moneyForms(unit: MoneyUnit): string {
  const alt = Object.keys(unit.alt ?? {});
  return `$/${unit.per}${alt.length ? ` (or ${alt.map((a) => `$/${a}`).join(', ')})` : ''}`;
}

/** The flag's denominator or one it converts (case-insensitive: "kw", "mmbtu"), with its size in `per`. */
function moneyDenominator(unit: MoneyUnit, den: string): number | undefined {
  if (unit.per === undefined) return undefined;
  const lc = den.toLowerCase();
  if (unit.per.toLowerCase() === lc) return 1;
  for (const [k, v] of Object.entries(unit.alt ?? {})) if (k.toLowerCase() === lc) return v;
  return undefined;
}

/** Typographic minus signs and spaces, and "per" for "/". */
function normalizeMoneyText(text: string): string {
  return text.replace(/[−–]/g, '-').replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/\s+per\s+/gi, '/').trim();
}

/** Reads one money text into its parts; syntax errors (not the denominator's fit) are thrown here. */
function lexMoney(raw: string, unit: MoneyUnit, flag: string): MoneyParts {
  const t = normalizeMoneyText(raw);
  if (t === '') throw new InputError(`${flag}: expected ${moneyExpected(unit)}`, flag);
  const slash = t.indexOf('/');
  const amount = (slash < 0 ? t : t.slice(0, slash)).trim();
  const per = slash < 0 ? undefined : t.slice(slash + 1).trim();
  const m = MONEY_AMOUNT.exec(amount);
  if (!m || (m[1] && m[3]) || per === '') throw new InputError(`${flag}: expected ${moneyExpected(unit)}, got "${t}"`, flag);
  const [, sign1, pre, sign3, numberPart, expText, lettersRaw, post] = m;
  // A "$" then a digit inside double quotes (or unquoted) is a shell variable: "$500/kg" arrives as
  // "00/kg" and "$1.2M" as ".2M". Nobody types those, so they are refused with the fix.
  if (/^0\d/.test(numberPart) || (numberPart.startsWith('.') && !pre && (lettersRaw !== '' || per !== undefined))) {
    throw new InputError(`${flag}: "${t}" looks like the shell expanded a "$" and a digit; quote money in single quotes, e.g. ${flag} '${unit.example}'`, flag);
  }
  let letters = lettersRaw;
  let currency = Boolean(pre || post);
  if (/usd$/i.test(letters) && !post) {
    letters = letters.slice(0, -3);
    currency = true;
  }
  let magnitudeExp10 = 0;
  if (letters !== '') {
    const e = MONEY_LETTERS[letters] ?? MONEY_WORDS[letters.toLowerCase()];
    if (e !== undefined) magnitudeExp10 = e;
    else if (letters === 'm' || letters === 'mm') {
      throw new InputError(`${flag}: "${letters}" in "${t}" is ambiguous (milli or million); write M for million, e.g. "$5M"`, flag);
    } else if (letters === 't') {
      const perTonne = moneyDenominator(unit, 't') !== undefined ? ', or "/t" for a price per tonne ("$500/t")' : '';
      throw new InputError(`${flag}: "t" in "${t}" is ambiguous (trillion or tonne); write T for trillion${perTonne}`, flag);
    } else if (moneyDenominator(unit, letters) !== undefined) {
      throw new InputError(`${flag}: "${t}" needs a "/" before ${letters}, e.g. "$${numberPart}/${letters}"`, flag);
    } else {
      throw new InputError(`${flag}: unknown suffix "${letters}" in "${t}" (magnitudes are k, M, B or bn, T); expected ${moneyExpected(unit)}`, flag);
    }
  }
  const digits = numberPart.replace(/,/g, '');
  return {
    text: t,
    negative: (sign1 ?? sign3) === '-',
    digits,
    exp10: Number(expText ?? 0),
    numberText: numberPart + (expText !== undefined ? `e${expText}` : ''),
    currency,
    magnitude: letters === '' ? undefined : letters,
    magnitudeExp10,
    per,
  };
}

/** The value of lexed money in the flag's unit; checks the denominator and the bounds. */
function moneyValue(p: MoneyParts, unit: MoneyUnit, flag: string, opts: QuantityBounds): number {
  let exp10 = p.exp10 + p.magnitudeExp10;
  let divide = 1;
  if (p.per !== undefined) {
    if (unit.per === undefined) {
      throw new InputError(`${flag}: "${p.text}" is a price per ${p.per}; expected a total in $ with no "/", e.g. "${unit.example}"`, flag);
    }
    const size = moneyDenominator(unit, p.per);
    if (size === undefined) {
      throw new InputError(`${flag}: "${p.text}" is a price per ${p.per}; expected ${moneyForms(unit)}, e.g. "${unit.example}"`, flag);
    }
    const pow = Math.round(Math.log10(size));
    if (10 ** pow === size) exp10 -= pow;
    else divide = size;
  }
  // Powers of ten go into the decimal text, so "$1.2M" is exactly 1200000 and "$4.3/t" 0.0043.
  const v = (p.negative ? -1 : 1) * Number(`${p.digits}e${exp10}`) / divide;
  if (!Number.isFinite(v)) throw new InputError(`${flag}: "${p.text}" is out of range`, flag);
  const asTyped = p.magnitudeExp10 === 0 && p.exp10 === 0 && (p.per === undefined || moneyDenominator(unit, p.per) === 1);
  const shown = asTyped ? `"${p.text}"` : `"${p.text}" (${v < 0 ? '-' : ''}$${+Math.abs(v).toPrecision(6)}${unit.per === undefined ? '' : `/${unit.per}`})`;
  const zero = unit.per === undefined ? '$0' : `$0/${unit.per}`;
  if (opts.positive && v <= 0) throw new InputError(`${flag}: expected ${moneyWhat(unit)} > ${zero}, got ${shown}`, flag);
  if (opts.min !== undefined && v < opts.min) {
    throw new InputError(`${flag}: expected ${moneyWhat(unit)} ≥ ${opts.min === 0 ? zero : opts.min}, got ${shown}`, flag);
  }
  if (opts.max !== undefined && v > opts.max) throw new InputError(`${flag}: expected ${moneyWhat(unit)} ≤ ${opts.max}, got ${shown}`, flag);
  return v;
}

/**
 * A money flag: a bare number in the flag's unit, or money as an analyst types it: an optional "$"
 * (or "US$"/"USD") before or "$"/"USD" after the number, a magnitude k/K, M (also MM, mn,
 * million), B/bn, T, and for a price an optional "/denominator" that must be the flag's (or one it
 * converts: "$500/t" on a $/kg flag is 0.5). Returns $ or $/`unit.per`. Errors name the flag, what
 * was given and an example: `--launch-cost: "$5/W" is a price per W; expected $/kg (or $/t, …), e.g. "$500/kg"`.
 */
export function parseMoneyFlag(text: string | undefined, unit: MoneyUnit, flag: string, opts: QuantityBounds = {}): number {
  return moneyValue(lexMoney(text ?? '', unit, flag), unit, flag, opts);
}

/**
 * "FROM..TO" of money: "$200..$3600/kg", "200..3600", "0.2k..3.6k $/kg". A start without a
 * denominator takes the end's; a bare-number start also takes the end's magnitude ("1..2M" is one
 * to two million, as "1..2 yr" is one to two years).
 */
export function parseMoneyRange(text: string | undefined, unit: MoneyUnit, flag: string, opts: QuantityBounds = {}): [number, number] {
  const t = normalizeMoneyText(text ?? '');
  const at = t.indexOf('..');
  const range = `"${unit.range ?? `$1..$2/${unit.per}`}"`;
  if (at <= 0 || at + 2 >= t.length || t.indexOf('..', at + 2) >= 0) {
    throw new InputError(`${flag}: expected a range FROM..TO in ${unit.per === undefined ? '$' : `$/${unit.per}`} (numbers, or such as ${range}), got "${text ?? ''}"`, flag);
  }
  const start = lexMoney(t.slice(0, at), unit, flag);
  const end = lexMoney(t.slice(at + 2), unit, flag);
  const bare = !start.currency && start.magnitude === undefined && start.per === undefined;
  const inheritedMagnitude = bare && end.magnitude !== undefined;
  if (inheritedMagnitude) {
    start.magnitude = end.magnitude;
    start.magnitudeExp10 = end.magnitudeExp10;
  }
  if (start.per === undefined) start.per = end.per;
  const b = moneyValue(end, unit, flag, opts); // first: a wrong denominator is the end's, as typed
  const a = moneyValue(start, unit, flag, opts);
  if (b < a) {
    const startShown = `${start.numberText}${start.magnitude ?? ''}`;
    const why = inheritedMagnitude
      ? ` (a bare start takes the end's magnitude: ${startShown}..${end.numberText}${end.magnitude}; write both ends in full, e.g. "$200..$3.6k")`
      : '';
    throw new InputError(`${flag}: range end ${end.text} is below its start ${start.text}${why}`, flag);
  }
  return [a, b];
}
