import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envelope, runCli, TEST_NOW } from '../helpers/cli.js';
import { dataPath } from '../../src/paths.js';

const HAVE_CATALOG = existsSync(dataPath('catalog/neas.bin'));

describe('prospector ephemeris', () => {
  it('earth --json: heliocentric ecliptic state in AU and AU/day', async () => {
    const r = await runCli(['ephemeris', 'earth', '--date', '2000-01-01T11:58:55.816Z', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    // JPL Horizons (DE441) Earth at JD 2451545.0 TDB; astronomy-engine is within ~2200 km = 1.5e-5 AU.
    const want = [-1.771350992727098e-1, 9.672416867665306e-1, -4.085281582511366e-6];
    for (let k = 0; k < 3; k++) expect(Math.abs(res.positionAu[k] - want[k])).toBeLessThan(2e-5);
    expect(res.velocityAuPerDay[0]).toBeCloseTo(-1.720762506872895e-2, 6);
    expect(res.jdTdb).toBeCloseTo(2451545.0, 7);
    expect(res.frame).toBe('ecliptic');
    expect(res.epochAgeDays).toBeNull();
    expect(res.warnings).toEqual([]);
  });

  it('--frame equatorial rotates by the J2000 obliquity', async () => {
    const r = await runCli(['ephemeris', 'Earth', '--date', '2000-01-01T11:58:55.816Z', '--frame', 'equatorial', '--json']);
    const p = envelope(r).result.positionAu;
    // Horizons ICRF: [-0.1771351, 0.8874285, 0.3847429] AU.
    expect(p[1]).toBeCloseTo(0.8874285, 4);
    expect(p[2]).toBeCloseTo(0.3847429, 4);
  });

  it('years before 100 are not read as 19xx', async () => {
    const r = await runCli(['ephemeris', 'earth', '--date', '0050-01-01', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.date).toBe('0050-01-01T00:00:00.000Z');
    expect(res.jdTdb).toBeCloseTo(1739322.5, 3);
    const text = await runCli(['ephemeris', 'earth', '--date', '0050-01-01']);
    expect(text.stdout).toContain('Earth at 0050-01-01T00:00:00.000Z');
  });

  it.skipIf(!HAVE_CATALOG)('an orbit from a rounded SBDB export says how far the rounding alone moves it', async () => {
    const r = await runCli(['ephemeris', 'Didymos', '--date', '2027-01-01', '--json']);
    expect(r.code).toBe(0);
    const w = envelope(r).result.warnings.join(' ');
    // a printed as 1.643 (±0.0005 AU) for Didymos; 1.1 years from the 2025-11-21 epoch.
    expect(w).toMatch(/coarse orbit: its source prints a to ±0\.0005 AU; over the 1\.1 years from the epoch that alone can shift the position by up to ~0\.\d\d million km/);
  });

  it('text output names body, date and frame', async () => {
    const r = await runCli(['ephemeris', 'earth', '--date', '2026-05-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Earth at 2026-05-01T00:00:00.000Z');
    expect(r.stdout).toMatch(/distance \(AU\)\s+1\.007/);
  });

  it.skipIf(!HAVE_CATALOG)('an asteroid from the bundled catalog, with epoch age and warnings', async () => {
    const r = await runCli(['ephemeris', 'Bennu', '--date', '2026-05-01', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.body).toContain('Bennu');
    expect(res.distanceAu).toBeGreaterThan(0.89);
    expect(res.distanceAu).toBeLessThan(1.36); // Bennu: q = 0.897, Q = 1.356 AU
    expect(typeof res.epochAgeDays).toBe('number');
    expect(Array.isArray(res.warnings)).toBe(true);
  });

  it.each([
    [['earth', '--date', '2026-02-30'], /--date: "2026-02-30" is not a valid calendar date/],
    [['earth', '--date', '2026-05-01', '--frame', 'galactic'], /--frame: expected one of ecliptic, equatorial/],
  ])('bad input %j → exit 2 naming the flag', async (args, msg) => {
    const r = await runCli(['ephemeris', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  describe('without --date: the run\'s "now", never the clock', () => {
    // TT − UTC = 69.184 s (37 leap seconds since 2017 + 32.184 s), so JD TDB = JD UTC + 0.0008 d.
    it('defaults to ctx.now (TEST_NOW = 2026-12-05T12:00Z: JD 2461380.0 UTC)', async () => {
      const r = await runCli(['ephemeris', 'earth', '--json']);
      expect(r.code).toBe(0);
      const res = envelope(r).result;
      expect(res.date).toBe(TEST_NOW.toISOString());
      expect(res.jdTdb).toBeCloseTo(2461380.0 + 69.184 / 86400, 7);
    });

    it('PROSPECTOR_TODAY pins it to that day at 00:00 UTC (2030-01-01: JD 2462502.5 UTC)', async () => {
      const r = await runCli(['ephemeris', 'earth', '--json'], { env: { PROSPECTOR_TODAY: '2030-01-01' } });
      expect(r.code).toBe(0);
      const res = envelope(r).result;
      expect(res.date).toBe('2030-01-01T00:00:00.000Z');
      expect(res.jdTdb).toBeCloseTo(2462502.5 + 69.184 / 86400, 7);
      // Same state as asking for that date explicitly.
      const explicit = envelope(await runCli(['ephemeris', 'earth', '--date', '2030-01-01', '--json'])).result;
      expect(res.positionAu).toEqual(explicit.positionAu);
      // --date still wins.
      const dated = envelope(await runCli(['ephemeris', 'earth', '--date', '2026-05-01', '--json'], { env: { PROSPECTOR_TODAY: '2030-01-01' } })).result;
      expect(dated.date).toBe('2026-05-01T00:00:00.000Z');
    });

    it.skipIf(!HAVE_CATALOG)('an asteroid: epoch age and the epoch-age warning follow PROSPECTOR_TODAY', async () => {
      // Bennu's bundled epoch: JD 2459403.5 (2021-07-08.0); 2021-09-01 is 55 days later, 2030-01-01
      // 3099 days (8.5 yr) — past the 365-day threshold (src/astro/propagation-warnings.ts).
      const near = envelope(await runCli(['ephemeris', 'Bennu', '--json'], { env: { PROSPECTOR_TODAY: '2021-09-01' } })).result;
      expect(near.epochAgeDays).toBeCloseTo(55, 2);
      expect(near.warnings.join(' ')).not.toMatch(/orbit epoch is/);
      const far = envelope(await runCli(['ephemeris', 'Bennu', '--json'], { env: { PROSPECTOR_TODAY: '2030-01-01' } })).result;
      expect(far.epochAgeDays).toBeCloseTo(3099, 2);
      expect(far.warnings.join(' ')).toMatch(/the orbit epoch is 3099 days \(8\.5 yr\)/);
    });
  });

  it.skipIf(!HAVE_CATALOG)('unknown asteroid → exit 2 (not found)', async () => {
    const r = await runCli(['ephemeris', 'Notanasteroidname', '--date', '2026-05-01']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
