// Flag value parsers: each throws an InputError naming the flag and what was expected (exit 2).
import { InputError } from '../src/errors.js';
import { quantity } from '../src/scenario/units.js';

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

/** A quantity with an optional unit ("3000 s", "40 kW"); a bare number is taken in `unit`. */
export async function parseQuantityFlag(text: string | undefined, unit: string, flag: string, opts: { min?: number; positive?: boolean } = {}): Promise<number> {
  if (text === undefined || text.trim() === '') throw new InputError(`${flag}: expected a quantity in ${unit}`, flag);
  const v = await quantity(text, unit, flag);
  if (opts.positive && v <= 0) throw new InputError(`${flag}: expected a quantity > 0, got "${text}"`, flag);
  if (opts.min !== undefined && v < opts.min) throw new InputError(`${flag}: expected a quantity ≥ ${opts.min} ${unit}, got "${text}"`, flag);
  return v;
}

/** "x,y,z" → a 3-vector. */
export function parseVector3(text: string | undefined, flag: string): [number, number, number] {
  const parts = (text ?? '').split(',').map((s) => s.trim());
  if (parts.length !== 3 || parts.some((p) => p === '' || !Number.isFinite(Number(p)))) {
    throw new InputError(`${flag}: expected three comma-separated numbers x,y,z, got "${text ?? ''}"`, flag);
  }
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])];
}

/** "A..B" → [A, B] as numbers. */
export function parseNumberRange(text: string | undefined, flag: string, opts: { min?: number } = {}): [number, number] {
  const m = /^\s*([^.]+(?:\.\d+)?)\s*\.\.\s*(.+)\s*$/.exec(text ?? '');
  if (!m) throw new InputError(`${flag}: expected a range MIN..MAX, got "${text ?? ''}"`, flag);
  const a = parseNumber(m[1], flag, opts);
  const b = parseNumber(m[2], flag, opts);
  if (b < a) throw new InputError(`${flag}: range end ${b} is before its start ${a}`, flag);
  return [a, b];
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
