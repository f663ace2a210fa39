/**
 * The hot kernel behind porkchops and round trips: ballistic Lambert legs on a departure-date ×
 * time-of-flight grid whose end points lie on two date lattices.
 *
 * Departure dates are lattice A (state i, jd = a0 + i·step), arrival dates lattice B (state j,
 * jd = b0 + j·step) with b0 = a0 + tofFirst − jOffset·step, so that cell (i, k) (flight time
 * tofFirst + k·step) arrives at state j = i + k + jOffset. Each body's ephemeris is therefore
 * evaluated once per date, not once per cell. The loop allocates nothing: states, solutions and
 * results live in Float64Arrays created before it.
 *
 * Every cell keeps the best solution over 0..maxRevs revolutions and both multi-revolution
 * branches, "best" meaning lowest cost for the leg's role (see LegMode).
 */
import { DAY_S, MU_EARTH_KM3S2, MU_SUN_KM3S2, OBLIQUITY_J2000_RAD, R_EARTH_KM } from '../astro/constants.js';
import { izzoSolveInto } from '../astro/lambert-izzo.js';
import { ENTRY_INTERFACE_ALTITUDE_KM, LEO_ALTITUDE_KM, MAX_ENTRY_SPEED_KMS, maxVInfForEntryKmS } from './delta-v.js';

/**
 * What a leg is for, which decides the per-cell cost:
 * - `depart-earth`: Earth → NEA; cost = Δv from the parking orbit (from C3) + arrival relative
 *   speed (rendezvous). Solutions with C3 above `maxC3` are not eligible.
 * - `return-earth`: NEA → Earth; cost = departure relative speed + the Δv that caps entry speed.
 */
export type LegMode = 'depart-earth' | 'return-earth';

export interface LegGridSpec {
  mode: LegMode;
  /** Departure-body states, 6 per date (km, km/s, heliocentric ecliptic J2000). */
  depStates: Float64Array;
  /** Arrival-body states, 6 per date. */
  arrStates: Float64Array;
  /** Departure dates to use: state indices iFirst .. iFirst + nDep − 1. */
  iFirst?: number;
  nDep: number;
  nTof: number;
  tofFirstDays: number;
  tofStepDays: number;
  /** Arrival state index of cell (i, k) is i + k + jOffset. */
  jOffset: number;
  maxRevs: number;
  retrograde: boolean;
  /** Only `depart-earth`: solutions with C3 above this are skipped (km²/s²). */
  maxC3?: number;
  leoAltitudeKm?: number;
  maxEntryKmS?: number;
  entryAltitudeKm?: number;
  /** Also fill the porkchop-only fields (declination, arrival v∞ split out, etc.). */
  detailed?: boolean;
  /** Skip a departure row (e.g. pruned by a bound); its cells stay at cost Infinity. */
  skipRow?: (i: number) => boolean;
  /** Skip one cell (departure state i, flight-time index k), e.g. when a bound shows it cannot be used. */
  skipCell?: (i: number, k: number) => boolean;
}

export interface LegGrid {
  nDep: number;
  nTof: number;
  iFirst: number;
  /** Per cell (index (i − iFirst)·nTof + k): cost of the best eligible solution, Infinity if none. */
  cost: Float64Array;
  /** Departure v∞ (km/s) of that solution (√C3 for Earth departures; relative speed leaving the NEA). */
  vInfDep: Float64Array;
  /** Arrival v∞ (km/s) of that solution. */
  vInfArr: Float64Array;
  /** Izzo solution index: 0 = 0-rev, 2N−1 = N-rev left, 2N = N-rev right; −1 = none. */
  sol: Int8Array;
  /** Detailed only: declination of the departure asymptote, equatorial J2000, radians. */
  declRad?: Float64Array;
  /** Lowest departure C3 over all solutions, eligible or not, and the cell where it occurred (for messages). */
  minC3Any: number;
  minC3Cell: number;
  /** Lambert problems solved (cells × 1, whatever the revolutions). */
  solves: number;
}

export function solutionRevs(sol: number): number {
  return sol <= 0 ? 0 : (sol + 1) >> 1;
}
export function solutionBranch(sol: number): 'single' | 'left' | 'right' {
  return sol <= 0 ? 'single' : sol % 2 === 1 ? 'left' : 'right';
}

/** Allocates the output arrays for a grid; reuse them across calls of the same shape with `computeLegGridInto`. */
export function allocLegGrid(nDep: number, nTof: number, detailed = false): LegGrid {
  const n = nDep * nTof;
  return {
    nDep,
    nTof,
    iFirst: 0,
    cost: new Float64Array(n),
    vInfDep: new Float64Array(n),
    vInfArr: new Float64Array(n),
    sol: new Int8Array(n),
    declRad: detailed ? new Float64Array(n) : undefined,
    minC3Any: Infinity,
    minC3Cell: -1,
    solves: 0,
  };
}

export function computeLegGrid(spec: LegGridSpec): LegGrid {
  const g = allocLegGrid(spec.nDep, spec.nTof, spec.detailed);
  computeLegGridInto(spec, g, new Float64Array(6 * (2 * Math.max(0, spec.maxRevs) + 1)));
  return g;
}

/** Fills `g` (shape nDep × nTof); `solBuf` holds 6·(2·maxRevs + 1) numbers. */
export function computeLegGridInto(spec: LegGridSpec, g: LegGrid, solBuf: Float64Array): void {
  beginLegGrid(spec, g);
  fillLegGridRows(spec, g, solBuf, 0, spec.nDep);
}

/** Resets `g` for `spec` before it is filled in row chunks with `fillLegGridRows`. */
export function beginLegGrid(spec: LegGridSpec, g: LegGrid): void {
  g.nDep = spec.nDep;
  g.nTof = spec.nTof;
  g.iFirst = spec.iFirst ?? 0;
  g.minC3Any = Infinity;
  g.minC3Cell = -1;
  g.solves = 0;
}

/**
 * Fills `g` a chunk of rows at a time, yielding the number of rows done after each chunk of about
 * `cellsPerStep` cells (~10 ms), so that a caller can give the event loop a turn (Ctrl+C) or stop.
 */
export function* legGridSteps(spec: LegGridSpec, g: LegGrid, solBuf: Float64Array, cellsPerStep = 16_384): Generator<number, void, void> {
  beginLegGrid(spec, g);
  const rows = Math.max(1, Math.floor(cellsPerStep / Math.max(1, spec.nTof)));
  for (let r = 0; r < spec.nDep; r += rows) {
    const end = Math.min(spec.nDep, r + rows);
    fillLegGridRows(spec, g, solBuf, r, end);
    yield end;
  }
}

/**
 * Fills rows [rowFrom, rowTo) of `g` (row = departure state iFirst + row), accumulating the
 * solve count and the lowest C3 into `g`; call `beginLegGrid` first.
 */
export function fillLegGridRows(spec: LegGridSpec, g: LegGrid, solBuf: Float64Array, rowFrom: number, rowTo: number): void {
  const { mode, depStates, arrStates, nTof, tofFirstDays, tofStepDays, jOffset, retrograde } = spec;
  const maxRevs = Math.max(0, spec.maxRevs | 0);
  const iFirst = spec.iFirst ?? 0;
  const departEarth = mode === 'depart-earth';
  const maxC3 = spec.maxC3 ?? Infinity;
  const rp = R_EARTH_KM + (spec.leoAltitudeKm ?? LEO_ALTITUDE_KM);
  const twoMuOverRp = (2 * MU_EARTH_KM3S2) / rp;
  const vCirc = Math.sqrt(MU_EARTH_KM3S2 / rp);
  // Entry cap (delta-v.ts): returns faster than the limit pay the v∞ reduction down to vInfMax.
  const vInfMaxRaw = maxVInfForEntryKmS(spec.maxEntryKmS ?? MAX_ENTRY_SPEED_KMS, spec.entryAltitudeKm ?? ENTRY_INTERFACE_ALTITUDE_KM);
  const vInfMax = Number.isNaN(vInfMaxRaw) ? 0 : vInfMaxRaw;
  const cosE = Math.cos(OBLIQUITY_J2000_RAD);
  const sinE = Math.sin(OBLIQUITY_J2000_RAD);
  const decl = spec.detailed ? g.declRad : undefined;
  const nArr = arrStates.length / 6;
  const r1 = scratchR1;
  const r2 = scratchR2;
  const { cost, vInfDep, vInfArr, sol } = g;
  let minC3Any = g.minC3Any;
  let minC3Cell = g.minC3Cell;
  let solves = 0;
  const skipRow = spec.skipRow;
  const skipCell = spec.skipCell;

  for (let ii = rowFrom; ii < rowTo; ii++) {
    const i = iFirst + ii;
    const row = ii * nTof;
    if (skipRow !== undefined && skipRow(i)) {
      for (let k = 0; k < nTof; k++) {
        cost[row + k] = Infinity;
        sol[row + k] = -1;
      }
      continue;
    }
    const d = 6 * i;
    r1[0] = depStates[d];
    r1[1] = depStates[d + 1];
    r1[2] = depStates[d + 2];
    const vdx = depStates[d + 3];
    const vdy = depStates[d + 4];
    const vdz = depStates[d + 5];
    for (let k = 0; k < nTof; k++) {
      const c = row + k;
      const j = i + k + jOffset;
      cost[c] = Infinity;
      vInfDep[c] = NaN;
      vInfArr[c] = NaN;
      sol[c] = -1;
      if (decl !== undefined) decl[c] = NaN;
      if (j < 0 || j >= nArr) continue;
      if (skipCell !== undefined && skipCell(i, k)) continue;
      const a = 6 * j;
      r2[0] = arrStates[a];
      r2[1] = arrStates[a + 1];
      r2[2] = arrStates[a + 2];
      const tofS = (tofFirstDays + k * tofStepDays) * DAY_S;
      if (!(tofS > 0)) continue;
      const ns = izzoSolveInto(r1, r2, tofS, MU_SUN_KM3S2, retrograde, maxRevs, solBuf);
      solves++;
      let best = Infinity;
      let bestS = -1;
      let bestDep = NaN;
      let bestArr = NaN;
      let by = 0, bz = 0;
      for (let s = 0; s < ns; s++) {
        const o = 6 * s;
        const dx = solBuf[o] - vdx;
        const dy = solBuf[o + 1] - vdy;
        const dz = solBuf[o + 2] - vdz;
        const ax = solBuf[o + 3] - arrStates[a + 3];
        const ay = solBuf[o + 4] - arrStates[a + 4];
        const az = solBuf[o + 5] - arrStates[a + 5];
        const dep2 = dx * dx + dy * dy + dz * dz;
        const arr2 = ax * ax + ay * ay + az * az;
        let cst: number;
        if (departEarth) {
          if (dep2 < minC3Any) {
            minC3Any = dep2;
            minC3Cell = c;
          }
          if (dep2 > maxC3) continue;
          cst = Math.sqrt(dep2 + twoMuOverRp) - vCirc + Math.sqrt(arr2);
        } else {
          const vInf = Math.sqrt(arr2);
          cst = Math.sqrt(dep2) + (vInf > vInfMax ? vInf - vInfMax : 0);
        }
        if (cst < best) {
          best = cst;
          bestS = s;
          bestDep = dep2;
          bestArr = arr2;
          by = dy;
          bz = dz;
        }
      }
      if (bestS < 0) continue;
      cost[c] = best;
      sol[c] = bestS;
      vInfDep[c] = Math.sqrt(bestDep);
      vInfArr[c] = Math.sqrt(bestArr);
      if (decl !== undefined) {
        // Declination of the departure asymptote in the equatorial frame (launch-site constraint).
        const zEq = by * sinE + bz * cosE;
        decl[c] = bestDep > 0 ? Math.asin(Math.max(-1, Math.min(1, zEq / Math.sqrt(bestDep)))) : 0;
      }
    }
  }
  g.minC3Any = minC3Any;
  g.minC3Cell = minC3Cell;
  g.solves += solves;
}

const scratchR1 = new Float64Array(3);
const scratchR2 = new Float64Array(3);
