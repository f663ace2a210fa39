// Round trips, NHATS method: end-to-end against the published NHATS trajectories, free search,
// constraint errors, combination logic against brute force, and the leg data propulsion uses.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIsoToJdTdb } from '../../src/astro/time.js';
import { propagate } from '../../src/astro/kepler.js';
import { MU_SUN_KM3S2 } from '../../src/astro/constants.js';
import { parseCatalogFile } from '../../src/catalog/parse-catalog.js';
import { parseCsv } from '../../src/export/csv.js';
import { CancelledError, NoSolutionError } from '../../src/errors.js';
import { departureDvFromC3 } from '../../src/trajectory/delta-v.js';
import type { TrajectoryTarget } from '../../src/trajectory/ephemeris-lattice.js';
import { evaluateTrip, evaluateTripUnchecked, resolveConstraints, searchRoundTrips, searchRoundTripsAsync } from '../../src/trajectory/round-trip.js';
import { UNTRUSTWORTHY } from '../../src/trajectory/warnings.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const NHATS = SHARED + 'nhats/nhats_coorbital_records.csv';
const NEA_EXT = SHARED + 'neo/nea_extended.json.gz';
const haveData = existsSync(NHATS) && existsSync(NEA_EXT);
if (!haveData) console.warn('round-trip.test: ../shared/data not found, NHATS end-to-end checks skipped');

/** DESIGN §2.3: "reproduces the NHATS total within 3 % for 21 of the 29 objects"; the issue asks ≥ 20. */
const E2E_TOL = 0.03;
const E2E_MIN_MATCHES = 20;
/** Co-orbitals that pass close to Earth between the epoch and the trip (DESIGN §2.3): must be flagged. */
const CLOSE_APPROACHERS = ['2006 RH120', '2008 EL68', '2012 TF79'];

function nhatsRecords(): Record<string, string>[] {
  const rows = parseCsv(readFileSync(NHATS, 'utf8')).filter((r) => r.length > 1);
  return rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
}

/** 2000 SG344, MPC nea_extended.json (snapshot 2021-07-08, epoch JD 2459403.5 TT), for tests that need no shared data. */
const SG344: TrajectoryTarget = {
  designation: '2000 SG344',
  orbit: { epochJd: 2459403.5, aAu: 0.9774099, e: 0.0669503, iDeg: 0.11226, omDeg: 191.87675, wDeg: 275.38891, maDeg: 86.7117 },
  u: 4,
};

describe.skipIf(!haveData)('NHATS end to end (29 objects of nea_extended, epoch 2021-07-08)', () => {
  const recs = haveData ? nhatsRecords() : [];
  const cat = haveData ? new Map(parseCatalogFile(NEA_EXT).asteroids.map((a) => [a.designation, a])) : new Map();

  it(`each record's own min-Δv trajectory matches NHATS within 3 % for ≥ ${E2E_MIN_MATCHES} objects; close approachers warned`, () => {
    let found = 0;
    let within = 0;
    const warned = new Map<string, string[]>();
    for (const r of recs) {
      const a = cat.get(r.designation);
      if (!a) continue;
      found++;
      const launchJd = parseIsoToJdTdb(r.min_dv_launch);
      const c = resolveConstraints({ launchFromJd: launchJd, launchToJd: launchJd, maxDays: 1e4, maxC3: 1e4, maxDvKmS: 1e4 });
      const ev = evaluateTripUnchecked(a, c, { launchJd, outDays: +r.min_dv_dur_out, stayDays: +r.min_dv_dur_at, returnDays: +r.min_dv_dur_ret });
      if (Math.abs(ev.solution.dvTotalKmS / +r.min_dv_dv_total - 1) <= E2E_TOL) within++;
      warned.set(r.designation, ev.warnings);
      // Identity on our own numbers.
      const s = ev.solution;
      expect(s.dvTotalKmS).toBeCloseTo(s.dvDepartKmS + s.vArrNeoKmS + s.vDepNeoKmS + s.dvEntryKmS, 12);
      expect(s.dvDepartKmS).toBeCloseTo(departureDvFromC3(s.c3), 12);
    }
    expect(found).toBe(29);
    expect(within).toBeGreaterThanOrEqual(E2E_MIN_MATCHES);
    for (const d of CLOSE_APPROACHERS) expect(warned.get(d)!.some((w) => w.includes(UNTRUSTWORTHY)), d).toBe(true);
    // Well-behaved, well-matched objects are not called untrustworthy.
    for (const d of ['2013 BS45', '2014 QD364', '2015 XZ378', '2016 RD34']) expect(warned.get(d)!.some((w) => w.includes(UNTRUSTWORTHY)), d).toBe(false);
  });

  it('capped entry: 2013 BS45 min-duration return books the v∞ reduction NHATS prints (0.758 km/s)', () => {
    const r = recs.find((x) => x.designation === '2013 BS45')!;
    const launchJd = parseIsoToJdTdb(r.min_dur_launch);
    const c = resolveConstraints({ launchFromJd: launchJd, launchToJd: launchJd, maxDays: 1e4, maxC3: 1e4, maxDvKmS: 1e4 });
    const ev = evaluateTripUnchecked(cat.get('2013 BS45'), c, { launchJd, outDays: +r.min_dur_dur_out, stayDays: +r.min_dur_dur_at, returnDays: +r.min_dur_dur_ret });
    // 0.01 km/s: our two-body orbit (2021 epoch) vs NHATS' JPL orbit.
    expect(ev.solution.dvEntryKmS).toBeCloseTo(+r.min_dur_vrel_arr_earth, 2);
    expect(ev.solution.entrySpeedKmS).toBeCloseTo(12, 9);
    expect(ev.solution.dvTotalKmS / +r.min_dur_dv_total - 1).toBeLessThan(E2E_TOL);
  });

  // Free search with NHATS defaults over 2020–2045 (as NHATS) on every well-behaved object: those
  // whose own NHATS trajectory we reproduce within 3 % (22 of 29 in nea_extended; ~50 ms each).
  const wellBehaved = recs.filter((r) => {
    const a = cat.get(r.designation);
    if (!a) return false;
    const launchJd = parseIsoToJdTdb(r.min_dv_launch);
    const c = resolveConstraints({ launchFromJd: launchJd, launchToJd: launchJd, maxDays: 1e4, maxC3: 1e4, maxDvKmS: 1e4 });
    const ev = evaluateTripUnchecked(a, c, { launchJd, outDays: +r.min_dv_dur_out, stayDays: +r.min_dv_dur_at, returnDays: +r.min_dv_dur_ret });
    return Math.abs(ev.solution.dvTotalKmS / +r.min_dv_dv_total - 1) <= E2E_TOL;
  });

  it(`at least ${E2E_MIN_MATCHES} well-behaved objects to run the free search on`, () => {
    expect(wellBehaved.length).toBeGreaterThanOrEqual(E2E_MIN_MATCHES);
  });

  for (const r of wellBehaved) {
    const d = r.designation;
    it(`free search for ${d} finds min Δv ≤ NHATS + 3 %`, () => {
      const c = resolveConstraints({ launchFromJd: parseIsoToJdTdb('2020-01-05'), launchToJd: parseIsoToJdTdb('2045-12-31') });
      const res = searchRoundTrips(cat.get(d), c, { warnings: false });
      expect(res.minDv.dvTotalKmS).toBeLessThanOrEqual(+r.min_dv_dv_total * (1 + E2E_TOL));
      // Both reported trips satisfy every constraint.
      for (const t of [res.minDv, res.minDuration]) {
        expect(t.totalDays).toBeLessThanOrEqual(450);
        expect(t.stayDays).toBeGreaterThanOrEqual(8);
        expect(t.c3).toBeLessThanOrEqual(60);
        expect(t.entrySpeedKmS).toBeLessThanOrEqual(12 + 1e-9);
        expect(t.dvTotalKmS).toBeLessThanOrEqual(12);
      }
      expect(res.minDuration.totalDays).toBeLessThanOrEqual(res.minDv.totalDays);
    });
  }

  it('an infeasible fixed trajectory of a close approacher still carries the breakdown and the untrustworthy-orbit warning', () => {
    const r = recs.find((x) => x.designation === '2006 RH120')!;
    const launchJd = parseIsoToJdTdb(r.min_dv_launch);
    const c = resolveConstraints({ launchFromJd: launchJd, launchToJd: launchJd });
    try {
      evaluateTrip(cat.get('2006 RH120'), c, { launchJd, outDays: +r.min_dv_dur_out, stayDays: +r.min_dv_dur_at, returnDays: +r.min_dv_dur_ret });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NoSolutionError);
      const err = e as NoSolutionError;
      expect(err.binding).toBe('max-c3');
      expect(err.warnings!.some((w) => w.includes(UNTRUSTWORTHY))).toBe(true);
      const t = err.details!.trajectory as { dvTotalKmS: number; dvDepartKmS: number; vArrNeoKmS: number; vDepNeoKmS: number; dvEntryKmS: number };
      expect(t.dvTotalKmS).toBeCloseTo(t.dvDepartKmS + t.vArrNeoKmS + t.vDepNeoKmS + t.dvEntryKmS, 12);
      expect((err.details!.violations as Array<{ binding: string }>).map((v) => v.binding)).toEqual(['max-c3', 'max-dv']);
    }
  });

  it('a free search that finds nothing still carries the warnings (2006 RH120, C3 ≤ 0.01)', () => {
    const c = resolveConstraints({ launchFromJd: parseIsoToJdTdb('2028-01-01'), launchToJd: parseIsoToJdTdb('2028-12-31'), maxC3: 0.01 });
    try {
      searchRoundTrips(cat.get('2006 RH120'), c);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NoSolutionError);
      expect((e as NoSolutionError).warnings!.some((w) => w.includes(UNTRUSTWORTHY))).toBe(true);
    }
  });
});

describe('round-trip search logic', () => {
  const launch0 = parseIsoToJdTdb('2028-03-01');

  it('grid combination equals brute force over every (launch, out, stay, return) on a small grid', () => {
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 8, maxDays: 66, maxDvKmS: 100, maxC3: 1000 });
    const res = searchRoundTrips(SG344, c, { warnings: false });
    let best = Infinity;
    let bestDur = Infinity;
    for (let i = 0; i <= 1; i++) {
      for (let out = 1; out <= 66; out += 8) {
        for (let stay = 8; out + stay <= 66; stay += 8) {
          for (let ret = 1; out + stay + ret <= 66; ret += 8) {
            const ev = evaluateTripUnchecked(SG344, c, { launchJd: launch0 + 8 * i, outDays: out, stayDays: stay, returnDays: ret });
            const dv = ev.solution.dvTotalKmS;
            if (dv < best) best = dv;
            if (dv <= c.maxDvKmS) bestDur = Math.min(bestDur, out + stay + ret);
          }
        }
      }
    }
    // Same arithmetic, same legs: agreement to rounding.
    expect(res.minDv.dvTotalKmS).toBeCloseTo(best, 9);
    expect(res.minDuration.totalDays).toBe(bestDur);
  });

  it('pruning by outbound-cost bounds never changes the answer (pruned vs exhaustive search)', () => {
    for (const maxDvKmS of [12, 5, 4.2]) {
      const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 730, maxDvKmS });
      const a = searchRoundTrips(SG344, c, { warnings: false });
      const b = searchRoundTrips(SG344, c, { warnings: false, prune: false });
      expect(a.minDv).toEqual(b.minDv);
      expect(a.minDuration).toEqual(b.minDuration);
      expect(a.stats.lambertSolves).toBeLessThanOrEqual(b.stats.lambertSolves);
    }
  });

  it('names the binding constraint: C3, with the lowest C3 found and its date', () => {
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 64, maxC3: 0.01 });
    try {
      searchRoundTrips(SG344, c);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NoSolutionError);
      expect((e as NoSolutionError).binding).toBe('max-c3');
      // Enough digits that the lowest C3 does not print as 0.0 (or as the limit itself).
      const m = /no trip with C3 ≤ 0\.01 km²\/s².*lowest C3 found was (\d+\.\d+) km²\/s² on \d{4}-\d{2}-\d{2}/.exec((e as Error).message);
      expect(m, (e as Error).message).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThan(0.01);
      expect(m![1]).toMatch(/[1-9]/);
      // The orbit warnings go with the error.
      expect((e as NoSolutionError).warnings!.length).toBeGreaterThan(0);
    }
  });

  it('names --max-days/--min-stay, not C3, when they leave no usable leg', () => {
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 64, maxDays: 60, minStayDays: 50 });
    try {
      searchRoundTrips(SG344, c);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NoSolutionError);
      expect((e as NoSolutionError).binding).toBe('max-days');
      expect((e as Error).message).toMatch(/fits --max-days 60 with --min-stay 50: that leaves at most 1 d per leg .*shortest outbound leg with C3 ≤ 60 km²\/s² in this launch window takes \d+ d/);
      expect((e as Error).message).not.toMatch(/^no trip with C3/);
    }
    // With legs long enough and an impossible C3, C3 is what binds.
    const c3 = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 64, maxDays: 60, minStayDays: 8, maxC3: 0.001 });
    expect(() => searchRoundTrips(SG344, c3)).toThrow(/no trip with C3 ≤ 0\.001/);
  });

  it('names the binding constraint: Δv (with the lowest Δv found) and duration', () => {
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 64, maxDvKmS: 3 });
    expect(() => searchRoundTrips(SG344, c)).toThrow(/Δv ≤ 3 km\/s; the lowest found was \d+\.\d{3} km\/s/);
    const short = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 64, maxDays: 10 });
    expect(() => searchRoundTrips(SG344, short)).toThrow(NoSolutionError);
  });

  it('fixed trajectory: breakdown, legs for propulsion (Lambert arcs land on the target) and violations', () => {
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0, maxRevs: 1 });
    // The free search's minimum-Δv trip for SG344 (2028-04-24, 113/8/209 d, 3.82 km/s).
    const launch = parseIsoToJdTdb('2028-04-24');
    const r = evaluateTrip(SG344, c, { launchJd: launch, outDays: 113, stayDays: 8, returnDays: 209 });
    const t = r.minDv;
    expect(t.totalDays).toBe(330);
    expect(t.dvTotalKmS).toBeLessThan(4);
    for (const leg of [t.legs.outbound, t.legs.inbound]) {
      const p = propagate(leg.r1, leg.v1, leg.tofDays * 86400, MU_SUN_KM3S2);
      const miss = Math.hypot(p.r[0] - leg.r2[0], p.r[1] - leg.r2[1], p.r[2] - leg.r2[2]);
      expect(miss / Math.hypot(...leg.r2)).toBeLessThan(1e-8);
      expect(Math.hypot(...leg.vInfDep)).toBeCloseTo(leg.vInfDepKmS, 12);
    }
    expect(t.legs.outbound.vInfDepKmS ** 2).toBeCloseTo(t.c3, 9);
    expect(t.legs.outbound.vInfArrKmS).toBeCloseTo(t.vArrNeoKmS, 12);
    expect(t.legs.inbound.vInfDepKmS).toBeCloseTo(t.vDepNeoKmS, 12);
    const tight = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0, maxDays: 100 });
    expect(() => evaluateTrip(SG344, tight, { launchJd: launch, outDays: 113, stayDays: 8, returnDays: 209 })).toThrow(/duration 330 d exceeds --max-days 100/);
  });

  it('mining ranges (stays ≥ 1 yr, trips up to 6 yr) stay cheap: legs are computed once, not per stay', () => {
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 2 * 365, maxDays: 6 * 365, minStayDays: 365, stepDays: 16, maxDvKmS: 20 });
    const res = searchRoundTrips(SG344, c, { warnings: false });
    expect(res.minDv.stayDays).toBeGreaterThanOrEqual(365);
    expect(res.minDv.totalDays).toBeLessThanOrEqual(6 * 365);
    // Lambert work is bounded by the two leg grids, independent of the stay range.
    expect(res.stats.lambertSolves).toBeLessThanOrEqual(res.stats.outboundLegs * 2 + 200_000);
  });

  it('stops when the signal fires', () => {
    const ac = new AbortController();
    ac.abort();
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 365 });
    expect(() => searchRoundTrips(SG344, c, { signal: ac.signal })).toThrow(/interrupted/);
  });

  it('async search: same answer as the synchronous one, and gives the event loop turns while it runs', async () => {
    // ~10⁵ Lambert solves: far more than one 25 ms slice.
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 8 * 365, stepDays: 2 });
    const sync = searchRoundTrips(SG344, c, { warnings: false });
    let finished = false;
    let ranDuring: boolean | null = null;
    // A synchronous search would run this only after it finished.
    setImmediate(() => (ranDuring = !finished));
    const res = await searchRoundTripsAsync(SG344, c, { warnings: false });
    finished = true;
    expect(ranDuring).toBe(true);
    expect(res.minDv).toEqual(sync.minDv);
    expect(res.minDuration).toEqual(sync.minDuration);
    expect(res.stats).toEqual(sync.stats);
  });

  it('async search stopped mid-combination: CancelledError with the best trip over the launches searched so far', async () => {
    const c = resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 + 2 * 365, stepDays: 4 });
    const full = searchRoundTrips(SG344, c, { warnings: false });
    const ac = new AbortController();
    let abortedAt = -1;
    const run = searchRoundTripsAsync(SG344, c, {
      signal: ac.signal,
      onProgress: (p) => {
        if (p.phase === 'combine' && p.done >= p.total / 2 && abortedAt < 0) {
          abortedAt = p.done;
          ac.abort();
        }
      },
    });
    const err = await run.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    const e = err as CancelledError;
    expect(e.message).toMatch(/^interrupted after combining launches up to \d{4}-\d{2}-\d{2} \(\d+ % of the window\); best so far: Δv \d+\.\d{3} km\/s/);
    const partial = e.details!.partial as { launchesDone: number; minDv: { dvTotalKmS: number; launchJd: number } | null };
    expect(partial.launchesDone).toBe(abortedAt);
    expect(partial.minDv).not.toBeNull();
    // Best over a subset of launches: never better than the full search, and launched within it.
    expect(partial.minDv!.dvTotalKmS).toBeGreaterThanOrEqual(full.minDv.dvTotalKmS - 1e-12);
    expect(partial.minDv!.launchJd).toBeLessThan(launch0 + abortedAt * 4);
    expect(e.warnings!.length).toBeGreaterThan(0);
  });

  it('rejects impossible settings with the flag name', () => {
    expect(() => resolveConstraints({ launchFromJd: launch0, launchToJd: launch0, maxEntryKmS: 10 })).toThrow(/--max-entry/);
    expect(() => resolveConstraints({ launchFromJd: launch0, launchToJd: launch0 - 1 })).toThrow(/--launch/);
    expect(() => resolveConstraints({ launchFromJd: launch0, launchToJd: launch0, stepDays: 0 })).toThrow(/--step/);
  });
});
