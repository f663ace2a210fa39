// Date labels for trajectory output: UTC to the second (grids have no meaning below it) and
// epochs as calendar dates of the TT/TDB Julian date itself (0 h TT epochs would otherwise print
// as the previous UTC day, 69 s earlier).
import { jdToIso } from '../astro/time.js';

/** TDB Julian date → UTC ISO 8601 rounded to the second, e.g. 2028-04-24T00:00:00Z. */
export function isoOf(jdTdb: number): string {
  const t = Math.round(new Date(jdToIso(jdTdb)).getTime() / 1000) * 1000;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** UTC calendar date (YYYY-MM-DD) of a TDB Julian date, rounded to the second first. */
export function isoDateOf(jdTdb: number): string {
  return isoOf(jdTdb).slice(0, 10);
}

/** Calendar date of an epoch given as a TT/TDB Julian date (no UTC conversion). */
export function epochDateOf(jd: number): string {
  return new Date(Math.round((jd - 2440587.5) * 86400) * 1000).toISOString().slice(0, 10);
}
