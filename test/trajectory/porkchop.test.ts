// Porkchop grids: the minimum against an independent grid (universal-variable Lambert, per-cell
// ephemerides), refinement, launch seasons of a known target, and the SVG plot.
import { describe, expect, it } from 'vitest';
import { MU_SUN_KM3S2, R_EARTH_KM, MU_EARTH_KM3S2 } from '../../src/astro/constants.js';
import { earthState } from '../../src/astro/earth-ephemeris.js';
import { solveLambert } from '../../src/astro/lambert.js';
import { orbitState } from '../../src/astro/orbit.js';
import { parseIsoToJdTdb } from '../../src/astro/time.js';
import type { TrajectoryTarget } from '../../src/trajectory/ephemeris-lattice.js';
import { iteratePorkchopCells, launchSeasons, legCost, porkchop, porkchopAsync, PorkchopCancelledError, porkchopCells, porkchopGridShape } from '../../src/trajectory/porkchop.js';
import { contourLevels, contourLines, contourMask, dateTicks, drawableContour, porkchopSvg, encodePng, viridis } from '../../src/trajectory/porkchop-svg.js';
import { CancelledError } from '../../src/errors.js';
import { inflateSync } from 'node:zlib';

/** MPC nea_extended.json (snapshot 2021-07-08, epoch JD 2459403.5 TT). */
const SG344: TrajectoryTarget = {
  designation: '2000 SG344',
  orbit: { epochJd: 2459403.5, aAu: 0.9774099, e: 0.0669503, iDeg: 0.11226, omDeg: 191.87675, wDeg: 275.38891, maDeg: 86.7117 },
};
/** 2014 WX202, same source; NHATS min-Δv trip: launch 2034-05-19, 169 d out, 8 d stay, 193 d back (nhats_coorbital_records.csv). */
const WX202: TrajectoryTarget = {
  designation: '2014 WX202',
  orbit: { epochJd: 2459403.5, aAu: 1.0356022, e: 0.0588273, iDeg: 0.41271, omDeg: 243.9654, wDeg: 214.11912, maDeg: 68.61536 },
};

const sub = (a: number[], b: number[]) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const n3 = (a: number[]) => Math.hypot(a[0], a[1], a[2]);

describe('porkchop', () => {
  const from = parseIsoToJdTdb('2027-06-01');
  const opts = { launchFromJd: from, launchToJd: from + 360, tofMinDays: 60, tofMaxDays: 420, stepDays: 12, refine: true };
  const pc = porkchop(SG344, opts);

  /**
   * The porkchop recomputed independently: ephemerides per cell (not on the lattice), the
   * universal-variable Lambert solver (not Izzo), every arc of 0..maxRevs revolutions.
   */
  function independentGrid(p: typeof pc, maxRevs: number) {
    const rp = R_EARTH_KM + 400;
    let best = Infinity, bestL = 0, bestT = 0, maxDiff = 0, compared = 0;
    const nT = p.tofDays.length;
    for (let i = 0; i < p.launchJd.length; i++) {
      for (let k = 0; k < nT; k++) {
        const l = p.launchJd[i], t = p.tofDays[k];
        const e = earthState(l);
        const a = orbitState(SG344.orbit, l + t);
        let cell = NaN;
        try {
          for (const s of solveLambert(e.r, a.r, t * 86400, MU_SUN_KM3S2, { solver: 'uv', maxRevs })) {
            const c3 = n3(sub(s.v1, e.v)) ** 2;
            const dv = Math.sqrt(c3 + (2 * MU_EARTH_KM3S2) / rp) - Math.sqrt(MU_EARTH_KM3S2 / rp) + n3(sub(s.v2, a.v));
            if (!(dv >= cell)) cell = dv;
          }
        } catch {
          // collinear geometry: no transfer plane (the grid leaves the cell empty too)
        }
        const g = p.dvTotal[i * nT + k];
        if (Number.isFinite(cell) && Number.isFinite(g)) {
          maxDiff = Math.max(maxDiff, Math.abs(cell - g));
          compared++;
        }
        if (cell < best) {
          best = cell;
          bestL = l;
          bestT = t;
        }
      }
    }
    return { best, bestL, bestT, maxDiff, compared };
  }

  it('grid minimum matches an independent grid (UV Lambert, ephemerides per cell) cell for cell', () => {
    const ind = independentGrid(pc, 0);
    // Two Lambert solvers and two ephemeris paths (lattice vs per call): agreement to 1e-6 km/s.
    expect(ind.maxDiff).toBeLessThan(1e-6);
    expect(pc.bestGrid.dvTotalKmS).toBeCloseTo(ind.best, 6);
    expect(pc.bestGrid.launchJd).toBe(ind.bestL);
    expect(pc.bestGrid.tofDays).toBe(ind.bestT);
  });

  it('--max-revs 1: the grid (best of 0-rev and both 1-rev branches per cell) matches the independent UV grid cell for cell', () => {
    const multi = porkchop(SG344, { ...opts, maxRevs: 1, refine: false });
    const ind = independentGrid(multi, 1);
    expect(ind.compared).toBeGreaterThan(0.9 * multi.dvTotal.length);
    expect(ind.maxDiff).toBeLessThan(1e-6);
    expect(multi.bestGrid.dvTotalKmS).toBeCloseTo(ind.best, 6);
    expect(multi.bestGrid.launchJd).toBe(ind.bestL);
    expect(multi.bestGrid.tofDays).toBe(ind.bestT);
    // Some cells are won by a 1-rev arc, so the check covers the multi-revolution branches too.
    expect(Array.from(multi.sol).some((s) => s > 0)).toBe(true);
  });

  it('refinement moves the minimum off the grid node to the continuous minimum (the same from an 8-day and a 5-day grid)', () => {
    const a = porkchop(SG344, { ...opts, stepDays: 8 });
    const b = porkchop(SG344, { ...opts, stepDays: 5 });
    for (const [p, step] of [[a, 8], [b, 5]] as const) {
      expect(p.best.source).toBe('refined');
      // Off the node: at least a quarter of a day from the nearest grid date or flight time.
      const offLaunch = Math.abs((p.best.launchJd - from) / step - Math.round((p.best.launchJd - from) / step)) * step;
      const offTof = Math.abs((p.best.tofDays - 60) / step - Math.round((p.best.tofDays - 60) / step)) * step;
      expect(Math.max(offLaunch, offTof)).toBeGreaterThan(0.25);
      expect(p.best.dvTotalKmS).toBeLessThan(p.bestGrid.dvTotalKmS - 5e-4);
      // A true local minimum: half a day either way in either coordinate costs more.
      for (const [dl, dt] of [[0.5, 0], [-0.5, 0], [0, 0.5], [0, -0.5]]) {
        const c = legCost('depart-earth', 'earth', SG344, false, 0, p.best.launchJd + dl, p.best.tofDays + dt);
        expect(c.cost).toBeGreaterThan(p.best.dvTotalKmS);
      }
    }
    // The grid minima differ; the refined ones agree (same basin, continuous dates).
    expect(Math.abs(a.bestGrid.dvTotalKmS - b.bestGrid.dvTotalKmS)).toBeGreaterThan(5e-3);
    expect(a.best.dvTotalKmS).toBeCloseTo(b.best.dvTotalKmS, 6);
    expect(Math.abs(a.best.launchJd - b.best.launchJd)).toBeLessThan(0.05);
    expect(Math.abs(a.best.tofDays - b.best.tofDays)).toBeLessThan(0.05);
  });

  it('async: same grid as the synchronous one; stopped part-way, a CancelledError with the best cell of the launches done', async () => {
    const sync = porkchop(SG344, { ...opts, refine: false });
    const asy = await porkchopAsync(SG344, { ...opts, refine: false });
    expect(Array.from(asy.dvTotal)).toEqual(Array.from(sync.dvTotal));
    // Small chunks are not needed: abort from the progress callback after the first chunk.
    const big = { launchFromJd: from, launchToJd: from + 720, tofMinDays: 30, tofMaxDays: 500, stepDays: 1 };
    const ac = new AbortController();
    let at = -1;
    const err = await porkchopAsync(SG344, big, {
      signal: ac.signal,
      onProgress: (p) => {
        if (at < 0) {
          at = p.launchesDone;
          ac.abort();
        }
      },
    }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    const e = err as CancelledError;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(721);
    expect(e.message).toMatch(new RegExp(`^interrupted after ${at} of 721 launch dates \\(up to \\d{4}-\\d{2}-\\d{2}\\); best so far: Δv \\d+\\.\\d{3} km/s`));
    const partial = e.details!.partial as { launchesDone: number; best: { launch: string; dvTotalKmS: number } };
    expect(partial.launchesDone).toBe(at);
    // The partial best is the minimum over exactly those launch rows of the full grid.
    const full = porkchop(SG344, { ...big, refine: false });
    let m = Infinity;
    for (let c = 0; c < at * full.tofDays.length; c++) if (full.dvTotal[c] < m) m = full.dvTotal[c];
    expect(partial.best.dvTotalKmS).toBe(m);
    // Every cell of those launch rows comes with the error, as the full grid has them.
    expect(e).toBeInstanceOf(PorkchopCancelledError);
    const computed = (e as PorkchopCancelledError).computed!;
    expect(computed.launchJd.length).toBe(at);
    const got = Array.from(iteratePorkchopCells(computed));
    const want = porkchopCells(full).filter((c) => c.launchJd <= full.launchJd[at - 1]);
    expect(got.length).toBeGreaterThan(at);
    expect(got).toEqual(want);
    expect(Math.min(...got.map((c) => c.dvTotalKmS))).toBe(m);
  });

  it('grid size is checked before anything is computed', () => {
    expect(porkchopGridShape(opts)).toEqual({ nLaunch: 31, nTof: 31, cells: 961 });
    expect(() => porkchopGridShape({ ...opts, launchToJd: from + 20000, tofMaxDays: 2000, stepDays: 1 })).toThrow(/--step: 20001 launch dates × 1941 flight times = \d+ cells, more than the 4000000/);
  });

  it('refinement below the grid step never loses, stays in the box, and its cell recomputes to the same Δv', () => {
    expect(pc.best.dvTotalKmS).toBeLessThanOrEqual(pc.bestGrid.dvTotalKmS);
    expect(pc.best.launchJd).toBeGreaterThanOrEqual(opts.launchFromJd);
    expect(pc.best.tofDays).toBeLessThanOrEqual(opts.tofMaxDays);
    const leg = pc.best.leg!;
    expect(leg.vInfDepKmS ** 2).toBeCloseTo(pc.best.c3, 9);
    expect(leg.vInfArrKmS).toBeCloseTo(pc.best.vInfArrKmS, 9);
  });

  it('cells carry C3, v∞, declination, Δv from LEO, total; multi-rev never does worse than 0-rev', () => {
    const cells = porkchopCells(pc);
    expect(cells.length).toBeGreaterThan(0.9 * pc.launchJd.length * pc.tofDays.length);
    for (const c of cells.slice(0, 50)) {
      expect(c.dvTotalKmS).toBeCloseTo(c.dvLeoKmS! + c.vInfArrKmS, 12);
      expect(Math.abs(c.declinationDeg)).toBeLessThanOrEqual(90);
      expect(c.c3).toBeCloseTo(c.vInfDepKmS ** 2, 12);
    }
    const multi = porkchop(SG344, { ...opts, maxRevs: 1, refine: false });
    for (let c = 0; c < pc.dvTotal.length; c++) {
      if (Number.isFinite(pc.dvTotal[c])) expect(multi.dvTotal[c]).toBeLessThanOrEqual(pc.dvTotal[c] + 1e-12);
    }
  });

  it('known target: the 2014 WX202 launch season contains the NHATS minimum-Δv launch (2034-05-19) and its return season the NHATS return', () => {
    const out = porkchop(WX202, { launchFromJd: parseIsoToJdTdb('2032-01-01'), launchToJd: parseIsoToJdTdb('2036-12-31'), tofMinDays: 30, tofMaxDays: 400, stepDays: 4, refine: false });
    const nhatsLaunch = parseIsoToJdTdb('2034-05-19');
    const seasons = launchSeasons(out, 0.5);
    expect(seasons.some((s) => s.fromJd <= nhatsLaunch && nhatsLaunch <= s.toJd)).toBe(true);
    const back = porkchop(WX202, { direction: 'back', launchFromJd: parseIsoToJdTdb('2032-01-01'), launchToJd: parseIsoToJdTdb('2036-12-31'), tofMinDays: 30, tofMaxDays: 400, stepDays: 4, refine: false });
    const nhatsDepart = nhatsLaunch + 169 + 8;
    expect(launchSeasons(back, 0.5).some((s) => s.fromJd <= nhatsDepart && nhatsDepart <= s.toJd)).toBe(true);
  });

  it('rejects bad grids with the flag name', () => {
    expect(() => porkchop(SG344, { ...opts, stepDays: 0 })).toThrow(/--step/);
    expect(() => porkchop(SG344, { ...opts, tofMinDays: 0 })).toThrow(/--tof/);
    expect(() => porkchop(SG344, { ...opts, launchToJd: from - 1 })).toThrow(/--launch/);
  });

  it('SVG: title, labelled axes with units, colour bar, marked minimum, embedded heatmap that decodes', () => {
    const svg = porkchopSvg(pc);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('2000 SG344');
    expect(svg).toContain('Launch date (UTC)');
    expect(svg).toContain('Time of flight (days)');
    expect(svg).toContain('Total Δv (km/s)');
    expect(svg).toMatch(/min \d+\.\d{3} km\/s/);
    expect(svg).toContain('<circle');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // Balanced tags (a cheap well-formedness check).
    const opens = (svg.match(/<(g|svg|text|defs|clipPath|path)[\s>]/g) ?? []).length;
    const closes = (svg.match(/<\/(g|svg|text|defs|clipPath|path)>/g) ?? []).length;
    const selfClosed = (svg.match(/<(g|svg|text|defs|clipPath|path)[^>]*\/>/g) ?? []).length;
    expect(opens - selfClosed).toBe(closes);
    const b64 = /base64,([^"]+)"/.exec(svg)![1];
    const png = Buffer.from(b64, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(pc.launchJd.length);
    expect(png.readUInt32BE(20)).toBe(pc.tofDays.length);
  });

  it('SVG contours: adaptive levels (several below the next km/s), labelled, none across the 180° ridge or NaN cells', () => {
    const lv = contourLevels(3.312, 13.3);
    expect(lv.filter((v) => v > 3.312 && v <= 4).length).toBeGreaterThanOrEqual(3);
    expect(lv).toContain(4);
    expect(lv).toContain(4.5);
    expect(lv.at(-1)).toBeLessThanOrEqual(13.3);
    for (let i = 1; i < lv.length; i++) expect(lv[i]).toBeGreaterThan(lv[i - 1]);
    // Just below a whole km/s: the fine levels reach the one after.
    expect(contourLevels(3.95, 8).filter((v) => v <= 5).length).toBeGreaterThanOrEqual(3);
    const svg = porkchopSvg(pc);
    const labels = svg.match(/<text [^>]*font-size="10"[^>]*>[\d.]+<\/text>/g) ?? [];
    expect(labels.length).toBeGreaterThanOrEqual(3);
    // Levels in the plot are the adaptive ones.
    const drawn = [...svg.matchAll(/<title>([\d.]+) km\/s<\/title>/g)].map((m) => Number(m[1]));
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn[0]).toBeLessThan(Math.ceil(pc.bestGrid.dvTotalKmS));
  });

  it('contour mask and lines: a cone gives one closed loop; a transfer-sense flip or a NaN cell cuts it; crumbs are dropped', () => {
    const nx = 21, ny = 21;
    const z = new Float64Array(nx * ny);
    for (let ix = 0; ix < nx; ix++) for (let iy = 0; iy < ny; iy++) z[ix * ny + iy] = Math.hypot(ix - 10, iy - 10);
    const all = contourMask(z, undefined, nx, ny);
    const loops = contourLines(z, nx, ny, all, 5.5);
    expect(loops).toHaveLength(1);
    expect(loops[0].closed).toBe(true);
    expect(drawableContour(loops[0])).toBe(true);
    // The Lambert solver switches from the short to the long way along iy = 12.5: no contour crosses it.
    const sense = new Int8Array(nx * ny).map((_, c) => (c % ny <= 12 ? 1 : -1));
    const cut = contourLines(z, nx, ny, contourMask(z, sense, nx, ny), 5.5);
    expect(cut.every((l) => !l.closed)).toBe(true);
    for (const l of cut) for (let k = 1; k < l.pts.length; k += 2) expect(l.pts[k] <= 12 || l.pts[k] >= 13).toBe(true);
    // A NaN node masks the four cells around it.
    const holed = Float64Array.from(z);
    holed[15 * ny + 10] = NaN;
    const m = contourMask(holed, undefined, nx, ny);
    expect([m[14 * (ny - 1) + 9], m[14 * (ny - 1) + 10], m[15 * (ny - 1) + 9], m[15 * (ny - 1) + 10]]).toEqual([0, 0, 0, 0]);
    // A spike (one node 50 km/s above its neighbours) is masked as a jump, not contoured around.
    const spiky = Float64Array.from(z);
    spiky[3 * ny + 3] += 50;
    const ms = contourMask(spiky, undefined, nx, ny);
    expect(ms[2 * (ny - 1) + 2]).toBe(0);
    expect(contourLines(spiky, nx, ny, ms, 20).length).toBe(0);
    // Where the cheapest arc changes because one family stops existing (1-rev → 0-rev), the cost
    // steps: masked when the corners use different arcs, kept when the same arc is that steep.
    const stepped = Float64Array.from(z, (v, c) => v + (c % ny >= 10 ? 6 : 0));
    const arcs = new Int8Array(nx * ny).map((_, c) => (c % ny >= 10 ? 0 : 2));
    const sw = contourMask(stepped, undefined, nx, ny, arcs);
    const same = contourMask(stepped, undefined, nx, ny, new Int8Array(nx * ny));
    expect(sw[5 * (ny - 1) + 9]).toBe(0);
    expect(same[5 * (ny - 1) + 9]).toBe(1);
    expect(sw[5 * (ny - 1) + 3]).toBe(1);
    // A tiny loop (a level just above a minimum) is a crumb.
    expect(contourLines(z, nx, ny, all, 0.3)).toHaveLength(1);
    expect(contourLines(z, nx, ny, all, 0.3).filter(drawableContour)).toHaveLength(0);
  });

  it('SVG axes: a single launch date still gets its tick and label; short spans tick at 0 h UTC', () => {
    const one = porkchop(SG344, { launchFromJd: from, launchToJd: from, tofMinDays: 60, tofMaxDays: 400, stepDays: 5, refine: false });
    const svg = porkchopSvg(one);
    expect(svg).toContain('>2027-06-01</text>');
    expect(dateTicks(from, from)).toEqual([{ jd: from, label: '2027-06-01' }]);
    const t = dateTicks(from + 0.3, from + 40);
    expect(t.length).toBeGreaterThanOrEqual(3);
    for (const x of t) expect(x.jd - Math.floor(x.jd)).toBeCloseTo(0.5, 9);
    const flat = porkchop(SG344, { launchFromJd: from, launchToJd: from + 100, tofMinDays: 200, tofMaxDays: 200, stepDays: 5, refine: false });
    expect(porkchopSvg(flat)).toMatch(/text-anchor="end">200<\/text>/);
  });

  it('PNG encoder round-trips pixels; viridis ends are the published colours', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255]);
    const png = encodePng(2, 1, rgba);
    const idat = png.indexOf('IDAT');
    const len = png.readUInt32BE(idat - 4);
    expect(Array.from(inflateSync(png.subarray(idat + 4, idat + 4 + len)))).toEqual([0, ...rgba]);
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
  });
});
