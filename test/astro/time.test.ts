import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  calendarToJd, dateToJdTdb, dateToJdUtc, jdTdbToDate, jdToIso, jdToIsoDate, parseIsoToJdTdb, taiMinusUtc, tdbMinusTt,
  tdbToUtc, unpackMpcEpoch, utcMs, utcToTdb,
} from '../../src/astro/time.js';
import { InputError } from '../../src/errors.js';

/** 1 ms in days: the resolution of JavaScript dates. */
const MS_DAY = 1 / 86400000;

describe('time scales', () => {
  it('J2000.0 = 2000-01-01T12:00 TT = 11:58:55.816 UTC (TAI − UTC = 32 s, TT − TAI = 32.184 s)', () => {
    // IERS Bulletin C: TAI − UTC = 32 s from 1999-01-01 to 2006-01-01. TDB − TT at J2000 ≈ −14 µs.
    expect(parseIsoToJdTdb('2000-01-01T11:58:55.816Z')).toBeCloseTo(2451545.0, 8);
    expect(Math.abs(tdbMinusTt(2451545.0))).toBeLessThan(1e-4);
  });

  it('leap-second table (IERS Bulletin C): 36 s in 2016, 37 s from 2017-01-01', () => {
    expect(taiMinusUtc(dateToJdUtc(new Date('2016-12-31T23:59:59Z')))).toBe(36);
    expect(taiMinusUtc(dateToJdUtc(new Date('2017-01-01T00:00:00Z')))).toBe(37);
    expect(taiMinusUtc(dateToJdUtc(new Date('1972-01-01T00:00:00Z')))).toBe(10);
    expect(taiMinusUtc(dateToJdUtc(new Date('2026-05-01T00:00:00Z')))).toBe(37);
  });

  it('TDB − TT periodic term stays within ±1.7 ms (USNO Circular 179)', () => {
    for (let jd = 2451545; jd < 2451545 + 366; jd += 5) expect(Math.abs(tdbMinusTt(jd))).toBeLessThan(0.00168);
  });

  it('UTC → TDB → UTC round-trips to the millisecond over 1972–2100 (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1972, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const d = new Date(ms);
        expect(jdTdbToDate(dateToJdTdb(d)).getTime()).toBe(ms);
        expect(Math.abs(tdbToUtc(utcToTdb(dateToJdUtc(d))) - dateToJdUtc(d))).toBeLessThan(MS_DAY);
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('ISO in and out', () => {
    const jd = parseIsoToJdTdb('2026-03-01');
    expect(jdToIso(jd)).toBe('2026-03-01T00:00:00.000Z');
    expect(jdToIsoDate(jd)).toBe('2026-03-01');
    expect(parseIsoToJdTdb('2026-03-01T02:00+02:00')).toBeCloseTo(jd, 10);
    // TT − UTC = 69.184 s in 2026 (37 + 32.184).
    // A JD near 2.46e6 resolves ~40 µs, hence 3 decimals of seconds.
    expect((parseIsoToJdTdb('2026-03-01T00:00 TT') - calendarToJd(2026, 3, 1)) * 86400).toBeCloseTo(tdbMinusTt(jd), 3);
    expect((jd - calendarToJd(2026, 3, 1)) * 86400).toBeCloseTo(69.184 + tdbMinusTt(jd), 3);
    expect(parseIsoToJdTdb('2026-05-01T00:00:00 TDB')).toBe(2461161.5); // Horizons' JD for 2026-May-01 TDB
  });

  it('rejects malformed and impossible dates with InputError naming the field', () => {
    expect(() => parseIsoToJdTdb('2026-02-31', '--date')).toThrow(/--date.*not a valid calendar date/);
    expect(() => parseIsoToJdTdb('yesterday', '--date')).toThrow(InputError);
    expect(() => parseIsoToJdTdb('2026-13-01')).toThrow(InputError);
  });

  it('years 0–99 are taken literally, not as 19xx (Date.UTC would make 0050 into 1950)', () => {
    // Proleptic Gregorian JDs (Meeus, Astronomical Algorithms ch. 7: JD 1721425.5 = 0001-01-01,
    // and 49 years of 365 days + 12 leap days later is 0050-01-01).
    expect(utcMs(50, 1, 1)).toBe(new Date('0050-01-01T00:00:00Z').getTime());
    expect(calendarToJd(1, 1, 1)).toBe(1721425.5);
    expect(calendarToJd(50, 1, 1)).toBe(1721425.5 + 49 * 365 + 12);
    expect(calendarToJd(1950, 1, 1)).toBe(2433282.5);
    const jd = parseIsoToJdTdb('0050-01-01');
    expect(jd).toBeCloseTo(1739322.5, 3);
    expect(jdToIso(jd)).toBe('0050-01-01T00:00:00.000Z');
    expect(jdToIsoDate(jd)).toBe('0050-01-01');
    expect(parseIsoToJdTdb('0099-12-31T12:00Z')).toBeCloseTo(calendarToJd(99, 12, 31) + 0.5, 3);
    // Leap day in year 0 (divisible by 400) exists; in year 100 it does not.
    expect(() => parseIsoToJdTdb('0000-02-29')).not.toThrow();
    expect(() => parseIsoToJdTdb('0100-02-29')).toThrow(/not a valid calendar date/);
  });
});

describe('MPC packed epochs (MPC "Packed Dates": J9611 = 1996 Jan 1, K01AM = 2001 Oct 22)', () => {
  it('decodes century letter, year and base-32 month/day as JD TT at 0 h', () => {
    expect(unpackMpcEpoch('J9611')).toBe(2450083.5);
    expect(unpackMpcEpoch('K01AM')).toBe(2452204.5);
    // ../shared/data/README.md: NEA.txt epochs K1972 = 2019-07-02.0 TT = JD 2458666.5.
    expect(unpackMpcEpoch('K1972')).toBe(2458666.5);
    expect(unpackMpcEpoch('K25BL')).toBe(calendarToJd(2025, 11, 21));
  });

  it('rejects garbage and impossible days', () => {
    for (const bad of ['', 'K19', 'X1972', 'K19D1', 'K192W', 'K192V']) expect(() => unpackMpcEpoch(bad)).toThrow(InputError);
  });
});
