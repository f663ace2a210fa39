/**
 * Porkchop: launch date × time of flight grid of ballistic transfers Earth → NEA (`out`) or
 * NEA → Earth (`back`), best of 0..maxRevs revolutions and both branches per cell, then a
 * Nelder–Mead refinement of the minimum on continuous dates (below the grid step).
 *
 * Per cell (out): C3 = |v1 − v⊕|², departure v∞ and the declination of its asymptote (equatorial
 * J2000), arrival v∞ at the NEA, Δv from a 400 km circular LEO (√(C3 + 2μ⊕/r_p) − √(μ⊕/r_p)) and
 * the rendezvous total Δv = Δv_LEO + v∞,arr. For `back` the departure is the NEA's relative speed
 * and the total is that plus the Δv capping Earth entry speed (DESIGN §2.3).
 *
 * `porkchop` computes synchronously; `porkchopAsync` yields to the event loop between chunks of
 * launch dates (Ctrl+C stops it with a PorkchopCancelledError: the best cell so far, and every
 * cell of the launch dates computed). `iteratePorkchopCells` hands the cells out one at a time, so
 * that output of any size streams.
 */
import { earthStateInto } from '../astro/earth-ephemeris.js';
import { orbitStatesAt } from '../astro/orbit.js';
import { isoOf as jdToIso } from './dates.js';
import { CancelledError, InputError, NoSolutionError, requireFinite } from '../errors.js';
import { departureDvFromC3, entrySpeedKmS, ENTRY_INTERFACE_ALTITUDE_KM, LEO_ALTITUDE_KM, MAX_ENTRY_SPEED_KMS } from './delta-v.js';
import { isRetrograde, lattice, statesAt, type TrajectoryTarget } from './ephemeris-lattice.js';
import { legDetail, type LegDetail } from './leg-detail.js';
import { allocLegGrid, computeLegGrid, legGridSteps, solutionBranch, solutionRevs, type LegGrid, type LegGridSpec, type LegMode } from './leg-grid.js';
import { runCooperatively, runToEnd, type Steps } from './cooperative.js';
import { nelderMead } from './nelder-mead.js';
import { targetWarnings } from './warnings.js';

export type PorkchopDirection = 'out' | 'back';

export interface PorkchopOptions {
  direction?: PorkchopDirection;
  launchFromJd: number;
  launchToJd: number;
  tofMinDays: number;
  tofMaxDays: number;
  /** Grid step for both launch date and time of flight, days. */
  stepDays?: number;
  maxRevs?: number;
  leoAltitudeKm?: number;
  entryAltitudeKm?: number;
  maxEntryKmS?: number;
  /** Refine the grid minimum on continuous dates (default true). */
  refine?: boolean;
}

/** One cell, as reported. */
export interface PorkchopCell {
  launchJd: number;
  launch: string;
  tofDays: number;
  arrival: string;
  c3: number;
  vInfDepKmS: number;
  declinationDeg: number;
  vInfArrKmS: number;
  dvLeoKmS: number | null;
  entrySpeedKmS: number | null;
  dvTotalKmS: number;
  revs: number;
  branch: 'single' | 'left' | 'right';
}

export interface PorkchopBest extends PorkchopCell {
  /** 'grid' for the best cell, 'refined' after the continuous search. */
  source: 'grid' | 'refined';
  leg: LegDetail | null;
}

export interface Porkchop {
  designation: string;
  name?: string;
  direction: PorkchopDirection;
  stepDays: number;
  maxRevs: number;
  leoAltitudeKm: number;
  entryAltitudeKm: number;
  maxEntryKmS: number;
  launchJd: Float64Array;
  tofDays: Float64Array;
  /** Row-major nLaunch × nTof; NaN where no solution. */
  c3: Float64Array;
  vInfDep: Float64Array;
  vInfArr: Float64Array;
  declRad: Float64Array;
  dvTotal: Float64Array;
  sol: Int8Array;
  /**
   * Per cell, which way round the transfer goes: +1 if (r1 × r2)·ẑ ≥ 0 (prograde short way),
   * −1 otherwise; the Lambert solver switches there, so the cost is discontinuous where it flips
   * (transfer angles of 180° and 0°/360°) and plots must not contour across those cells.
   */
  transferSense: Int8Array;
  /** Grid minimum and refined minimum (never worse than the grid one). */
  bestGrid: PorkchopBest;
  best: PorkchopBest;
  warnings: string[];
  solves: number;
}

/** What `iteratePorkchopCells` needs: a full Porkchop, or the rows computed before a stop. */
export type PorkchopCellGrid = Pick<
  Porkchop,
  'direction' | 'stepDays' | 'leoAltitudeKm' | 'entryAltitudeKm' | 'launchJd' | 'tofDays' | 'c3' | 'vInfDep' | 'vInfArr' | 'declRad' | 'dvTotal' | 'sol'
>;

/**
 * A porkchop stopped by its signal: a CancelledError (message and `details.partial` as before:
 * launch dates done, the best cell so far) that also carries `computed`, the cells of every launch
 * date finished — the same values a full run gives for those rows — or null when none was. Kept
 * out of `details` (which front ends serialise whole) because it can hold millions of cells:
 * list them with `iteratePorkchopCells(err.computed)`.
 */
export class PorkchopCancelledError extends CancelledError {
  readonly computed: PorkchopCellGrid | null;
  constructor(message: string, computed: PorkchopCellGrid | null) {
    super(message);
    this.name = 'PorkchopCancelledError';
    this.computed = computed;
  }
}

/** Typed-array bytes per cell: cost, v∞ out/in, declination, C3, Δv (8 each), solution index and transfer sense (1 each). */
export const PORKCHOP_BYTES_PER_CELL = 50;
/**
 * Largest grid accepted: 4 M cells hold ~200 MB of typed arrays. Every output streams (JSON, CSV)
 * or reduces the grid (text, SVG), so this is the one size limit, checked before computing.
 */
export const PORKCHOP_MAX_CELLS = 4_000_000;

/** Grid shape for these options, validated (InputError naming the flag) before anything is computed. */
export function porkchopGridShape(o: PorkchopOptions): { nLaunch: number; nTof: number; cells: number } {
  const step = requireFinite(o.stepDays ?? 1, '--step', { min: 0, exclusiveMin: true });
  requireFinite(o.maxRevs ?? 0, '--max-revs', { min: 0, max: 20 });
  requireFinite(o.launchFromJd, '--launch');
  requireFinite(o.launchToJd, '--launch');
  requireFinite(o.tofMinDays, '--tof', { min: 0, exclusiveMin: true });
  requireFinite(o.tofMaxDays, '--tof', { min: o.tofMinDays });
  if (o.launchToJd < o.launchFromJd) throw new InputError('--launch: the window ends before it starts', '--launch');
  // 1e-6 d: window ends converted UTC → TDB differ from whole days by the ±1.7 ms TDB periodic term.
  const nL = Math.floor((o.launchToJd - o.launchFromJd) / step + 1e-6) + 1;
  const nT = Math.floor((o.tofMaxDays - o.tofMinDays) / step + 1e-9) + 1;
  if (nL * nT > PORKCHOP_MAX_CELLS) {
    throw new InputError(
      `--step: ${nL} launch dates × ${nT} flight times = ${nL * nT} cells, more than the ${PORKCHOP_MAX_CELLS} a porkchop holds in memory (~${Math.round((PORKCHOP_MAX_CELLS * PORKCHOP_BYTES_PER_CELL) / 1e6)} MB); use a larger --step or a shorter --launch or --tof range`,
      '--step',
    );
  }
  return { nLaunch: nL, nTof: nT, cells: nL * nT };
}

/** Computes the porkchop synchronously (library use, tests). From a CLI or UI prefer `porkchopAsync`. */
export function porkchop(target: TrajectoryTarget, o: PorkchopOptions): Porkchop {
  try {
    return runToEnd(porkchopSteps(target, o, {}));
  } catch (e) {
    throw withFailureWarnings(e, target, o);
  }
}

/**
 * `porkchop` that hands the event loop a turn every few tens of milliseconds and stops when
 * `signal` fires, with a PorkchopCancelledError whose message and `details.partial` give the best
 * cell of the launch dates computed so far, and whose `computed` holds all their cells.
 */
export async function porkchopAsync(
  target: TrajectoryTarget,
  o: PorkchopOptions,
  opts: { signal?: AbortSignal; onProgress?: (p: { launchesDone: number; launches: number }) => void } = {},
): Promise<Porkchop> {
  const st: PorkchopState = {};
  try {
    st.launches = porkchopGridShape(o).nLaunch; // so that a stop before the first chunk says "0 of N"
    return await runCooperatively(porkchopSteps(target, o, st, opts.signal, opts.onProgress), { signal: opts.signal, onAbort: () => cancelledPorkchop(target, st) });
  } catch (e) {
    throw withFailureWarnings(e, target, o);
  }
}

/** Warnings for the grid's span go with its errors too (an unreliable orbit explains odd results). */
function withFailureWarnings(e: unknown, target: TrajectoryTarget, o: PorkchopOptions): unknown {
  if ((e instanceof NoSolutionError || e instanceof CancelledError) && e.warnings === undefined) {
    e.warnings = targetWarnings(target, [o.launchFromJd, o.launchToJd + o.tofMaxDays]);
  }
  return e;
}

/** What the computation has done so far (for the partial result on Ctrl+C). */
interface PorkchopState {
  grid?: LegGrid;
  launchJd?: Float64Array;
  tofDays?: Float64Array;
  rowsDone?: number;
  /** Launch dates in the grid (known before the grid is allocated). */
  launches?: number;
  shape?: Pick<Porkchop, 'direction' | 'stepDays' | 'leoAltitudeKm' | 'entryAltitudeKm'>;
}

/** The per-cell arrays a result derives from the first `n` grid cells: C3 = v∞², total Δv (NaN where no transfer). */
function derivedCellArrays(g: { vInfDep: Float64Array; cost: Float64Array }, n: number): { c3: Float64Array; dvTotal: Float64Array } {
  const c3 = new Float64Array(n);
  const dvTotal = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    c3[c] = g.vInfDep[c] * g.vInfDep[c];
    dvTotal[c] = g.cost[c] === Infinity ? NaN : g.cost[c];
  }
  return { c3, dvTotal };
}

function cancelledPorkchop(target: TrajectoryTarget, st: PorkchopState): PorkchopCancelledError {
  const rows = st.rowsDone ?? 0;
  const g = st.grid;
  let best = -1;
  if (g) for (let c = 0; c < rows * g.nTof; c++) if (g.cost[c] < Infinity && (best < 0 || g.cost[c] < g.cost[best])) best = c;
  const nL = st.launchJd?.length ?? st.launches ?? 0;
  const upTo = rows > 0 && st.launchJd ? jdToIso(st.launchJd[rows - 1]).slice(0, 10) : null;
  let partial: Record<string, unknown> = { launchesDone: rows, launches: nL, computedLaunchTo: upTo, best: null };
  let what = 'no transfer found yet';
  if (g && best >= 0 && st.launchJd && st.tofDays) {
    const i = Math.floor(best / g.nTof);
    const k = best % g.nTof;
    const cell = { launch: jdToIso(st.launchJd[i]), tofDays: st.tofDays[k], dvTotalKmS: g.cost[best], c3: g.vInfDep[best] ** 2, vInfArrKmS: g.vInfArr[best], revs: solutionRevs(g.sol[best]), branch: solutionBranch(g.sol[best]) };
    partial = { ...partial, best: cell };
    what = `best so far: Δv ${cell.dvTotalKmS.toFixed(3)} km/s, launch ${cell.launch.slice(0, 10)}, ${cell.tofDays} d`;
  }
  let computed: PorkchopCellGrid | null = null;
  if (g && rows > 0 && st.launchJd && st.tofDays && st.shape) {
    // Views of the finished rows (row-major, launch-major), with the per-cell values the full
    // result derives from the grid (C3 = v∞², no solution = NaN) for just those rows.
    const n = rows * g.nTof;
    const vInfDep = g.vInfDep.subarray(0, n);
    computed = {
      ...st.shape,
      launchJd: st.launchJd.subarray(0, rows),
      tofDays: st.tofDays,
      ...derivedCellArrays(g, n),
      vInfDep,
      vInfArr: g.vInfArr.subarray(0, n),
      declRad: g.declRad ? g.declRad.subarray(0, n) : new Float64Array(n).fill(NaN),
      sol: g.sol.subarray(0, n),
    };
  }
  const err = new PorkchopCancelledError(`interrupted after ${rows} of ${nL} launch dates${upTo ? ` (up to ${upTo})` : ''}; ${what} (${target.designation}, grid minimum, not refined)`, computed);
  err.details = { partial };
  return err;
}

function* porkchopSteps(
  target: TrajectoryTarget,
  o: PorkchopOptions,
  st: PorkchopState,
  signal?: AbortSignal,
  onProgress?: (p: { launchesDone: number; launches: number }) => void,
): Steps<Porkchop> {
  const direction = o.direction ?? 'out';
  const { nLaunch: nL, nTof: nT } = porkchopGridShape(o);
  const step = o.stepDays ?? 1;
  const maxRevs = o.maxRevs ?? 0;
  const leoAlt = o.leoAltitudeKm ?? LEO_ALTITUDE_KM;
  const eiAlt = o.entryAltitudeKm ?? ENTRY_INTERFACE_ALTITUDE_KM;
  const maxEntry = o.maxEntryKmS ?? MAX_ENTRY_SPEED_KMS;
  const mode: LegMode = direction === 'out' ? 'depart-earth' : 'return-earth';
  const depBody = direction === 'out' ? 'earth' : target;
  const arrBody = direction === 'out' ? target : 'earth';
  // Unified lattice: departures at L0 + i·step, arrivals at L0 + tofMin + j·step with j = i + k.
  const launchJd = lattice(o.launchFromJd, step, nL);
  const tofDays = lattice(o.tofMinDays, step, nT);
  const arrJd = lattice(o.launchFromJd + o.tofMinDays, step, nL + nT - 1);
  const depStates = statesAt(depBody, launchJd);
  const arrStates = statesAt(arrBody, arrJd);
  const retro = isRetrograde(target);
  const g = allocLegGrid(nL, nT, true);
  Object.assign(st, { grid: g, launchJd, tofDays, rowsDone: 0, shape: { direction, stepDays: step, leoAltitudeKm: leoAlt, entryAltitudeKm: eiAlt } });
  const spec: LegGridSpec = { mode, depStates, arrStates, nDep: nL, nTof: nT, tofFirstDays: o.tofMinDays, tofStepDays: step, jOffset: 0, maxRevs, retrograde: retro, leoAltitudeKm: leoAlt, entryAltitudeKm: eiAlt, maxEntryKmS: maxEntry, detailed: true };
  for (const rows of legGridSteps(spec, g, new Float64Array(6 * (2 * maxRevs + 1)))) {
    st.rowsDone = rows;
    yield;
    onProgress?.({ launchesDone: rows, launches: nL });
    if (signal?.aborted) throw cancelledPorkchop(target, st);
  }
  const transferSense = new Int8Array(nL * nT);
  for (let i = 0; i < nL; i++) {
    const x1 = depStates[6 * i], y1 = depStates[6 * i + 1];
    for (let k = 0; k < nT; k++) {
      const a = 6 * (i + k);
      transferSense[i * nT + k] = x1 * arrStates[a + 1] - y1 * arrStates[a] >= 0 ? 1 : -1;
    }
  }
  let bestC = -1;
  for (let c = 0; c < nL * nT; c++) if (g.cost[c] < Infinity && (bestC < 0 || g.cost[c] < g.cost[bestC])) bestC = c;
  const { c3, dvTotal } = derivedCellArrays(g, nL * nT);
  if (bestC < 0) {
    throw new NoSolutionError(`no ballistic ${direction === 'out' ? 'Earth → ' + target.designation : target.designation + ' → Earth'} transfer on this grid (try more revolutions with --max-revs, or other dates)`, 'grid');
  }
  const cellOf = (launch: number, tof: number, v: { vInfDep: number; vInfArr: number; decl: number; cost: number; sol: number }): PorkchopCell => ({
    launchJd: launch,
    launch: jdToIso(launch),
    tofDays: tof,
    arrival: jdToIso(launch + tof),
    c3: v.vInfDep * v.vInfDep,
    vInfDepKmS: v.vInfDep,
    declinationDeg: (v.decl * 180) / Math.PI,
    vInfArrKmS: v.vInfArr,
    dvLeoKmS: direction === 'out' ? departureDvFromC3(v.vInfDep * v.vInfDep, leoAlt) : null,
    entrySpeedKmS: direction === 'back' ? entrySpeedKmS(v.vInfArr, eiAlt) : null,
    dvTotalKmS: v.cost,
    revs: solutionRevs(v.sol),
    branch: solutionBranch(v.sol),
  });
  const bi = Math.floor(bestC / nT);
  const bk = bestC % nT;
  const gridCell = cellOf(launchJd[bi], tofDays[bk], { vInfDep: g.vInfDep[bestC], vInfArr: g.vInfArr[bestC], decl: g.declRad![bestC], cost: g.cost[bestC], sol: g.sol[bestC] });
  const detailAt = (launch: number, tof: number, sol: number): LegDetail | null => {
    const s = singleStates(depBody, arrBody, launch, tof);
    return legDetail(s.dep, s.arr, launch, tof, sol, retro);
  };
  const bestGrid: PorkchopBest = { ...gridCell, source: 'grid', leg: detailAt(gridCell.launchJd, gridCell.tofDays, g.sol[bestC]) };
  let best = bestGrid;
  if (o.refine !== false) {
    const r = refineLeg(mode, depBody, arrBody, retro, maxRevs, [gridCell.launchJd, gridCell.tofDays], step, [o.launchFromJd, o.tofMinDays], [launchJd[nL - 1], tofDays[nT - 1]], { leoAlt, eiAlt, maxEntry });
    if (r && r.cost < gridCell.dvTotalKmS) {
      best = { ...cellOf(r.launch, r.tof, r), source: 'refined', leg: detailAt(r.launch, r.tof, r.sol) };
    }
  }
  const lastJd = launchJd[nL - 1] + tofDays[nT - 1];
  return {
    designation: target.designation,
    name: target.name,
    direction,
    stepDays: step,
    maxRevs,
    leoAltitudeKm: leoAlt,
    entryAltitudeKm: eiAlt,
    maxEntryKmS: maxEntry,
    launchJd,
    tofDays,
    c3,
    vInfDep: g.vInfDep,
    vInfArr: g.vInfArr,
    declRad: g.declRad!,
    dvTotal,
    sol: g.sol,
    transferSense,
    bestGrid,
    best,
    warnings: targetWarnings(target, [o.launchFromJd, lastJd]),
    solves: g.solves,
  };
}

/** Earth and target states at one pair of dates (for refinement and leg details). */
export function singleStates(depBody: 'earth' | TrajectoryTarget, arrBody: 'earth' | TrajectoryTarget, departJd: number, tofDays: number): { dep: Float64Array; arr: Float64Array } {
  const one = (body: 'earth' | TrajectoryTarget, jd: number) => {
    if (body === 'earth') {
      const s = new Float64Array(6);
      earthStateInto(jd, s, 0);
      return s;
    }
    return orbitStatesAt(body.orbit, Float64Array.of(jd));
  };
  return { dep: one(depBody, departJd), arr: one(arrBody, departJd + tofDays) };
}

/** Cost of one leg on continuous dates, with the same rules as the grid. */
export function legCost(
  mode: LegMode,
  depBody: 'earth' | TrajectoryTarget,
  arrBody: 'earth' | TrajectoryTarget,
  retro: boolean,
  maxRevs: number,
  departJd: number,
  tofDays: number,
  p: { leoAlt?: number; eiAlt?: number; maxEntry?: number; maxC3?: number } = {},
): { cost: number; vInfDep: number; vInfArr: number; decl: number; sol: number } {
  const s = singleStates(depBody, arrBody, departJd, tofDays);
  const g = computeLegGrid({ mode, depStates: s.dep, arrStates: s.arr, nDep: 1, nTof: 1, tofFirstDays: tofDays, tofStepDays: 0, jOffset: 0, maxRevs, retrograde: retro, leoAltitudeKm: p.leoAlt, entryAltitudeKm: p.eiAlt, maxEntryKmS: p.maxEntry, maxC3: p.maxC3, detailed: true });
  return { cost: g.cost[0], vInfDep: g.vInfDep[0], vInfArr: g.vInfArr[0], decl: g.declRad![0], sol: g.sol[0] };
}

function refineLeg(
  mode: LegMode,
  depBody: 'earth' | TrajectoryTarget,
  arrBody: 'earth' | TrajectoryTarget,
  retro: boolean,
  maxRevs: number,
  x0: [number, number],
  step: number,
  lower: [number, number],
  upper: [number, number],
  p: { leoAlt: number; eiAlt: number; maxEntry: number },
): { launch: number; tof: number; cost: number; vInfDep: number; vInfArr: number; decl: number; sol: number } | null {
  const f = (x: number[]) => legCost(mode, depBody, arrBody, retro, maxRevs, x[0], x[1], p).cost;
  // Half a grid step keeps the search in the basin the grid found; tolerance ~1 minute.
  const r = nelderMead(f, x0, [step / 2, step / 2], { lower, upper, maxEvaluations: 300, xTol: 1e-3 / Math.max(step, 1), fTol: 1e-9 });
  if (!Number.isFinite(r.f)) return null;
  const v = legCost(mode, depBody, arrBody, retro, maxRevs, r.x[0], r.x[1], p);
  return { launch: r.x[0], tof: r.x[1], ...v };
}

/** Cells as plain objects (for JSON/CSV). Cells without a solution are omitted. */
export function porkchopCells(pc: Porkchop): PorkchopCell[] {
  return Array.from(iteratePorkchopCells(pc));
}

/**
 * The cells of `porkchopCells` one at a time, launch-major (for output that streams: a 4 M-cell
 * grid as objects would not fit in memory). Also lists the rows a stopped run finished
 * (`PorkchopCancelledError.computed`).
 */
export function* iteratePorkchopCells(pc: PorkchopCellGrid): Generator<PorkchopCell, void, void> {
  const { leoAltitudeKm, entryAltitudeKm } = pc;
  const nT = pc.tofDays.length;
  if (pc.launchJd.length === 0 || nT === 0) return;
  // Unified lattice: arrival of cell (i, k) is date i + k of the arrival lattice; label each date once.
  const arrIso: string[] = [];
  for (let j = 0; j < pc.launchJd.length + nT - 1; j++) arrIso.push(jdToIso(pc.launchJd[0] + pc.tofDays[0] + j * pc.stepDays));
  for (let i = 0; i < pc.launchJd.length; i++) {
    const launch = pc.launchJd[i];
    const launchIso = jdToIso(launch);
    for (let k = 0; k < nT; k++) {
      const c = i * nT + k;
      if (!(pc.dvTotal[c] >= 0)) continue;
      yield {
        launchJd: launch,
        launch: launchIso,
        tofDays: pc.tofDays[k],
        arrival: arrIso[i + k],
        c3: pc.c3[c],
        vInfDepKmS: pc.vInfDep[c],
        declinationDeg: (pc.declRad[c] * 180) / Math.PI,
        vInfArrKmS: pc.vInfArr[c],
        dvLeoKmS: pc.direction === 'out' ? departureDvFromC3(pc.c3[c], leoAltitudeKm) : null,
        entrySpeedKmS: pc.direction === 'back' ? entrySpeedKmS(pc.vInfArr[c], entryAltitudeKm) : null,
        dvTotalKmS: pc.dvTotal[c],
        revs: solutionRevs(pc.sol[c]),
        branch: solutionBranch(pc.sol[c]),
      };
    }
  }
}

/** Cells with a solution (without building them). */
export function solvedCellCount(pc: Porkchop): number {
  let n = 0;
  for (let c = 0; c < pc.dvTotal.length; c++) if (pc.dvTotal[c] >= 0) n++;
  return n;
}

export interface LaunchSeason {
  /** First and last launch dates (UTC ISO) whose best cell is within the margin. */
  from: string;
  to: string;
  fromJd: number;
  toJd: number;
  /** Best cell of the season. */
  best: { launch: string; tofDays: number; dvTotalKmS: number; c3: number };
}

/**
 * Launch seasons: runs of consecutive launch dates whose best Δv (over all flight times) is within
 * `marginKmS` of the grid minimum (default 1 km/s).
 */
export function launchSeasons(pc: Porkchop, marginKmS = 1): LaunchSeason[] {
  const nT = pc.tofDays.length;
  const limit = pc.bestGrid.dvTotalKmS + marginKmS;
  const out: LaunchSeason[] = [];
  let cur: LaunchSeason | null = null;
  for (let i = 0; i < pc.launchJd.length; i++) {
    let b = Infinity, bk = -1;
    for (let k = 0; k < nT; k++) {
      const v = pc.dvTotal[i * nT + k];
      if (v < b) {
        b = v;
        bk = k;
      }
    }
    if (b <= limit) {
      const cell = { launch: jdToIso(pc.launchJd[i]), tofDays: pc.tofDays[bk], dvTotalKmS: b, c3: pc.c3[i * nT + bk] };
      if (!cur) {
        cur = { from: cell.launch, to: cell.launch, fromJd: pc.launchJd[i], toJd: pc.launchJd[i], best: cell };
        out.push(cur);
      }
      cur.to = cell.launch;
      cur.toJd = pc.launchJd[i];
      if (b < cur.best.dvTotalKmS) cur.best = cell;
    } else {
      cur = null;
    }
  }
  return out;
}
