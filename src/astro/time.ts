/**
 * Time scales. The engine keeps epochs as TDB Julian dates; users give and read UTC (ISO 8601).
 *
 * UTC → TAI by the leap-second table, TT = TAI + 32.184 s (exact, IAU 1991), and
 * TDB = TT + 0.001657 s·sin g + 0.000014 s·sin 2g, g = 357.53° + 0.98560028°·(JD − 2451545)
 * (the USNO Circular 179 / Explanatory Supplement approximation; good to ~30 µs, far below
 * anything the planner resolves). MPC and SBDB epochs are TT; TT and TDB differ by < 2 ms, so
 * they are used as TDB directly.
 */
import { InputError } from '../errors.js';
import { DAY_S, JD_J2000 } from './constants.js';

/**
 * Milliseconds since 1970 of 0 h UTC on a proleptic Gregorian date (month 1–12; day and month may
 * overflow as in Date.UTC). Unlike Date.UTC, years 0–99 are taken literally (Date.UTC maps them
 * to 1900–1999, so year 50 would become 1950).
 */
export function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** JD of the Unix epoch 1970-01-01T00:00Z. */
const JD_UNIX_EPOCH = 2440587.5;
/** TT − TAI, seconds (exact by definition). */
const TT_MINUS_TAI_S = 32.184;

/**
 * TAI − UTC in seconds from the given UTC date on. Source: IERS Bulletin C (the table at
 * https://hpiers.obspm.fr/iers/bul/bulc/Leap_Second.dat); 37 s since 2017-01-01, no leap second
 * announced after that as of Bulletin C 70/71 (2025). Before 1972 UTC had rubber seconds; the
 * 1972 offset (10 s) is used for earlier dates, an error of a few seconds at most.
 */
const LEAP_TABLE: ReadonlyArray<readonly [number, number]> = [
  [1972, 1, 10], [1972, 7, 11], [1973, 1, 12], [1974, 1, 13], [1975, 1, 14], [1976, 1, 15],
  [1977, 1, 16], [1978, 1, 17], [1979, 1, 18], [1980, 1, 19], [1981, 7, 20], [1982, 7, 21],
  [1983, 7, 22], [1985, 7, 23], [1988, 1, 24], [1990, 1, 25], [1991, 1, 26], [1992, 7, 27],
  [1993, 7, 28], [1994, 7, 29], [1996, 1, 30], [1997, 7, 31], [1999, 1, 32], [2006, 1, 33],
  [2009, 1, 34], [2012, 7, 35], [2015, 7, 36], [2017, 1, 37],
].map(([y, m, s]) => [utcMs(y, m, 1) / 86400000 + JD_UNIX_EPOCH, s] as const);

/** TAI − UTC (s) at a UTC Julian date. */
export function taiMinusUtc(jdUtc: number): number {
  let s = LEAP_TABLE[0][1];
  for (let i = 0; i < LEAP_TABLE.length; i++) {
    if (jdUtc >= LEAP_TABLE[i][0]) s = LEAP_TABLE[i][1];
    else break;
  }
  return s;
}

/** TDB − TT in seconds (periodic term; see the header). */
export function tdbMinusTt(jd: number): number {
  const g = (357.53 + 0.98560028 * (jd - JD_J2000)) * (Math.PI / 180);
  return 0.001657 * Math.sin(g) + 0.000014 * Math.sin(2 * g);
}

export function dateToJdUtc(d: Date): number {
  return d.getTime() / 86400000 + JD_UNIX_EPOCH;
}

export function jdUtcToDate(jdUtc: number): Date {
  return new Date(Math.round((jdUtc - JD_UNIX_EPOCH) * 86400000));
}

/** TT Julian date from UTC. */
export function utcToTt(jdUtc: number): number {
  return jdUtc + (taiMinusUtc(jdUtc) + TT_MINUS_TAI_S) / DAY_S;
}

export function utcToTdb(jdUtc: number): number {
  const tt = utcToTt(jdUtc);
  return tt + tdbMinusTt(tt) / DAY_S;
}

/** UTC from TT; the leap-second lookup is iterated so dates next to a step come out right. */
export function ttToUtc(jdTt: number): number {
  let utc = jdTt - (37 + TT_MINUS_TAI_S) / DAY_S;
  for (let k = 0; k < 3; k++) utc = jdTt - (taiMinusUtc(utc) + TT_MINUS_TAI_S) / DAY_S;
  return utc;
}

export function tdbToUtc(jdTdb: number): number {
  return ttToUtc(jdTdb - tdbMinusTt(jdTdb) / DAY_S);
}

export function dateToJdTdb(d: Date): number {
  return utcToTdb(dateToJdUtc(d));
}

export function jdTdbToDate(jdTdb: number): Date {
  return jdUtcToDate(tdbToUtc(jdTdb));
}

/** TDB Julian date → UTC ISO 8601 string with milliseconds and `Z`. */
export function jdToIso(jdTdb: number): string {
  return jdTdbToDate(jdTdb).toISOString();
}

/** TDB Julian date → UTC calendar date `YYYY-MM-DD` (rounded to the nearest minute first). */
export function jdToIsoDate(jdTdb: number): string {
  const d = jdTdbToDate(jdTdb);
  return new Date(Math.round(d.getTime() / 60000) * 60000).toISOString().slice(0, 10);
}

/** Julian date of 0 h on a Gregorian calendar date, in whatever scale the date is given. */
export function calendarToJd(year: number, month: number, day: number): number {
  return utcMs(year, month, 1) / 86400000 + (day - 1) + JD_UNIX_EPOCH;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*(UTC|TT|TDB)?$/i;

/**
 * ISO 8601 date or date-time → TDB Julian date. UTC unless a zone offset is given; a trailing
 * ` TDB` or ` TT` marks the time as already in that scale (as Horizons prints epochs).
 * Throws InputError (field `field`) for anything else, including calendar rollovers (02-31).
 */
export function parseIsoToJdTdb(iso: string, field = 'date'): number {
  const t = String(iso).trim();
  const m = ISO_RE.exec(t);
  if (!m) throw new InputError(`${field}: expected an ISO 8601 date such as 2026-03-01 or 2026-03-01T12:00Z, got "${t}"`, field);
  const [, ys, mos, ds, hs, mis, ss, frac, zone, scale] = m;
  const y = Number(ys), mo = Number(mos), d = Number(ds);
  const h = hs ? Number(hs) : 0, mi = mis ? Number(mis) : 0, s = ss ? Number(ss) : 0;
  const check = new Date(utcMs(y, mo, d));
  if (mo < 1 || mo > 12 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 60) {
    throw new InputError(`${field}: "${t}" is not a valid calendar date`, field);
  }
  let offsetMin = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMin = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3]));
  }
  const seconds = h * 3600 + mi * 60 + s + (frac ? Number(frac) : 0) - offsetMin * 60;
  const jd = calendarToJd(y, mo, d) + seconds / DAY_S;
  const sc = scale?.toUpperCase();
  if (sc === 'TDB') return jd;
  if (sc === 'TT') return jd + tdbMinusTt(jd) / DAY_S;
  return utcToTdb(jd);
}

function mpcDigit(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 86) return c - 55; // A=10 … V=31
  return -1;
}

/**
 * MPC packed epoch (e.g. `K1972` = 2019-07-02.0 TT, `J9611` = 1996-06-11) → Julian date TT,
 * used as TDB. Century letter I/J/K = 18/19/20 (A=10 … so L = 21), two year digits, then month
 * and day as base-32 characters (1–9, A = 10 … V = 31). MPC Minor Planet Circulars, "Packed
 * dates". Throws InputError for malformed input.
 */
export function unpackMpcEpoch(packed: string, field = 'epoch'): number {
  const p = String(packed).trim();
  const bad = () => new InputError(`${field}: "${p}" is not an MPC packed epoch such as K1972`, field);
  if (!/^[I-L]\d{2}[1-9A-C][1-9A-V](\.\d+)?$/.test(p)) throw bad();
  const century = mpcDigit(p[0]);
  const year = century * 100 + Number(p.slice(1, 3));
  const month = mpcDigit(p[3]);
  const day = mpcDigit(p[4]);
  const check = new Date(utcMs(year, month, day));
  if (check.getUTCMonth() !== month - 1) throw bad();
  const frac = p.length > 5 ? Number('0' + p.slice(5)) : 0;
  // Returned as the TT date itself (TT ≈ TDB within 1.7 ms, DESIGN §1), so K1972 → 2458666.5 exactly.
  return calendarToJd(year, month, day) + frac;
}

/** Days between two TDB Julian dates, b − a. */
export function daysBetween(jdA: number, jdB: number): number {
  return jdB - jdA;
}
