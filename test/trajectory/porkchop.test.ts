// Porkchop grids: the minimum against an independent grid (universal-variable Lambert, per-cell
// ephemerides), refinement, launch seasons of a known target, and the SVG plot.
import { describe, expect, it } from 'vitest';
import { MU_SUN_KM3S2, R_EARTH_KM, MU_EARTH_KM3S2 } from '../../src/astro/constants.js';
import { earthState } from '../../src/astro/earth-ephemeris.js';
import { solveLambert } from '../../src/astro/lambert.js';
import { orbitState } from '../../src/astro/orbit.js';
import { parseIsoToJdTdb } from '../../src/astro/time.js';
import type { TrajectoryTarget } from '../../src/trajectory/ephemeris-lattice.js';
import { launchSeasons, porkchop, porkchopCells } from '../../src/trajectory/porkchop.js';
import { porkchopSvg, encodePng, viridis } from '../../src/trajectory/porkchop-svg.js';
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

  it('grid minimum matches an independent grid (UV Lambert, ephemerides per cell) cell for cell', () => {
    const rp = R_EARTH_KM + 400;
    let best = Infinity, bestL = 0, bestT = 0, maxDiff = 0;
    const nT = pc.tofDays.length;
    for (let i = 0; i < pc.launchJd.length; i++) {
      for (let k = 0; k < nT; k++) {
        const l = pc.launchJd[i], t = pc.tofDays[k];
        const e = earthState(l);
        const a = orbitState(SG344.orbit, l + t);
        let cell = NaN;
        try {
          for (const s of solveLambert(e.r, a.r, t * 86400, MU_SUN_KM3S2, { solver: 'uv' })) {
            const c3 = n3(sub(s.v1, e.v)) ** 2;
            const dv = Math.sqrt(c3 + (2 * MU_EARTH_KM3S2) / rp) - Math.sqrt(MU_EARTH_KM3S2 / rp) + n3(sub(s.v2, a.v));
            if (!(dv >= cell)) cell = dv;
          }
        } catch {
          // collinear geometry: no transfer plane (the grid leaves the cell empty too)
        }
        const g = pc.dvTotal[i * nT + k];
        if (Number.isFinite(cell) && Number.isFinite(g)) maxDiff = Math.max(maxDiff, Math.abs(cell - g));
        if (cell < best) {
          best = cell;
          bestL = l;
          bestT = t;
        }
      }
    }
    // Two Lambert solvers and two ephemeris paths (lattice vs per call): agreement to 1e-6 km/s.
    expect(maxDiff).toBeLessThan(1e-6);
    expect(pc.bestGrid.dvTotalKmS).toBeCloseTo(best, 6);
    expect(pc.bestGrid.launchJd).toBe(bestL);
    expect(pc.bestGrid.tofDays).toBe(bestT);
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
