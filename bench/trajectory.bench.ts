/**
 * Trajectory workloads against DESIGN §5: porkchop cells (Lambert + ephemeris + Δv) ≥ 1.5 M/s on
 * one core (anchor: poliastro 0.8–2 ms per cell), the NHATS-default round-trip search per object,
 * and the catalog screen's worker scaling (1 vs 2 workers on the best 300 Shoemaker–Helin
 * candidates). The full-catalog screen takes minutes: `npx tsx scripts/screen-bench.ts`.
 * Run alone: `npm run bench -- trajectory`.
 */
import { loadCatalog } from '../src/catalog/index.js';
import { parseIsoToJdTdb } from '../src/astro/time.js';
import { lattice, statesAt, type TrajectoryTarget } from '../src/trajectory/ephemeris-lattice.js';
import { allocLegGrid, computeLegGridInto } from '../src/trajectory/leg-grid.js';
import { porkchop } from '../src/trajectory/porkchop.js';
import { createWorkspace, resolveConstraints, searchRoundTrips } from '../src/trajectory/round-trip.js';
import { runScreen } from '../src/trajectory/screen.js';
import type { Bench, BenchLine } from './run.js';

/** 2000 SG344, MPC nea_extended.json (epoch JD 2459403.5 TT). */
const SG344: TrajectoryTarget = {
  designation: '2000 SG344',
  orbit: { epochJd: 2459403.5, aAu: 0.9774099, e: 0.0669503, iDeg: 0.11226, omDeg: 191.87675, wDeg: 275.38891, maDeg: 86.7117 },
};

function best<T>(passes: number, f: () => T): { seconds: number; value: T } {
  let s = Infinity;
  let v!: T;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    v = f();
    s = Math.min(s, (performance.now() - t0) / 1000);
  }
  return { seconds: s, value: v };
}

export const bench: Bench = {
  name: 'trajectory',
  run: async (): Promise<BenchLine[]> => {
    const lines: BenchLine[] = [];
    const from = parseIsoToJdTdb('2027-01-01');
    // Porkchop, whole pipeline (ephemerides once per date, Lambert + Δv per cell), 1-day grid.
    const nL = 730;
    const nT = 400;
    porkchop(SG344, { launchFromJd: from, launchToJd: from + 60, tofMinDays: 30, tofMaxDays: 200, refine: false });
    const full = best(3, () => porkchop(SG344, { launchFromJd: from, launchToJd: from + nL - 1, tofMinDays: 30, tofMaxDays: 30 + nT - 1, stepDays: 1, refine: false }));
    lines.push({
      name: 'porkchop cells (Lambert + ephemeris + Δv), 0-rev',
      perSecond: (nL * nT) / full.seconds,
      unit: 'cells/s',
      target: { label: 'DESIGN §5', perSecond: 1.5e6 },
      anchor: { label: 'poliastro porkchop (0.8 ms/cell)', perSecond: 1250 },
      note: `${nL}×${nT} grid, 2000 SG344, one thread, best of 3`,
    });
    // Kernel only (states ready): what the grid loop itself sustains.
    const jdA = lattice(from, 1, nL);
    const jdB = lattice(from + 30, 1, nL + nT - 1);
    const eA = statesAt('earth', jdA);
    const nB = statesAt(SG344, jdB);
    const g = allocLegGrid(nL, nT, true);
    const buf = new Float64Array(18);
    const kern = best(3, () => computeLegGridInto({ mode: 'depart-earth', depStates: eA, arrStates: nB, nDep: nL, nTof: nT, tofFirstDays: 30, tofStepDays: 1, jOffset: 0, maxRevs: 0, retrograde: false, detailed: true }, g, buf));
    lines.push({ name: 'porkchop kernel (cells, states cached)', perSecond: (nL * nT) / kern.seconds, unit: 'cells/s', target: { label: 'DESIGN §5', perSecond: 1.5e6 }, note: 'leg-grid loop alone' });
    const kern1 = best(2, () => computeLegGridInto({ mode: 'depart-earth', depStates: eA, arrStates: nB, nDep: nL, nTof: nT, tofFirstDays: 30, tofStepDays: 1, jOffset: 0, maxRevs: 1, retrograde: false, detailed: true }, g, buf));
    lines.push({ name: 'porkchop kernel, 0–1 rev both branches', perSecond: (nL * nT) / kern1.seconds, unit: 'cells/s', note: 'up to 3 Lambert solutions per cell' });

    // Round trip, NHATS defaults (2025–2045, 8-day grid), one object.
    const c = resolveConstraints({ launchFromJd: parseIsoToJdTdb('2025-01-01'), launchToJd: parseIsoToJdTdb('2045-12-31') });
    const ws = createWorkspace(c);
    const rt = best(5, () => searchRoundTrips(SG344, c, { workspace: ws, warnings: false }));
    lines.push({
      name: 'round-trip search, NHATS defaults (1 object)',
      perSecond: 1 / rt.seconds,
      unit: 'objects/s',
      note: `${rt.value.stats.lambertSolves} Lambert solves, ${(rt.value.stats.lambertSolves / rt.seconds / 1e6).toFixed(2)} M solves/s incl. combination`,
    });

    // Screen scaling: the same 300 candidates with 1 and 2 workers.
    const catalog = loadCatalog();
    const rates: number[] = [];
    for (const workers of [1, 2]) {
      const t0 = performance.now();
      const r = await runScreen(catalog, { constraints: c, maxShDvKmS: 12, limit: 300, workers });
      const s = (performance.now() - t0) / 1000;
      rates.push(r.processed / s);
      lines.push({ name: `screen, ${workers} worker${workers > 1 ? 's' : ''} (best 300 SH candidates)`, perSecond: r.processed / s, unit: 'objects/s', note: `${s.toFixed(1)} s, ${r.feasible} feasible` });
    }
    lines.push({ name: 'screen worker scaling 2 vs 1', perSecond: rates[1] / rates[0], unit: '×', note: 'ideal 2.00 on 2 cores' });
    return lines;
  },
};
