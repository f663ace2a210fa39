/**
 * NHATS-style round trips (Barbee et al. 2011; DESIGN §2.3): Earth → NEA, stay, NEA → Earth, all
 * ballistic Lambert legs, with the NHATS Δv bookkeeping (delta-v.ts) and constraints.
 *
 * The search is the "embedded trajectory grids" method, organised so that its cost does not grow
 * with stay length: outbound legs depend only on (launch, flight time) and return legs only on
 * (NEA departure, flight time), so each is computed once on its own grid, then combined under the
 * stay and duration constraints. Dates follow the NHATS lattice (astrodynamics notes §4): launches
 * every `step` days from the window start, leg flight times `legOffset + k·step` (8k + 1 d), stays
 * multiples of `step`. Return legs are pruned by a lower bound: a departure from the NEA is only
 * solved when the best outbound leg that can precede it plus 0 (return cost ≥ 0) is within the
 * Δv limit.
 */
import { isoDateOf as jdToIsoDate, isoOf as jdToIso } from './dates.js';
import { CancelledError, InputError, NoSolutionError, requireFinite } from '../errors.js';
import {
  departureDvFromC3,
  entryCapDvKmS,
  entrySpeedKmS,
  ENTRY_INTERFACE_ALTITUDE_KM,
  LEO_ALTITUDE_KM,
  MAX_ENTRY_SPEED_KMS,
  maxVInfForEntryKmS,
} from './delta-v.js';
import { isRetrograde, lattice, statesAt, type TrajectoryTarget } from './ephemeris-lattice.js';
import { legDetail, type LegDetail } from './leg-detail.js';
import { allocLegGrid, computeLegGridInto, type LegGrid } from './leg-grid.js';
import { legCost, singleStates } from './porkchop.js';
import { targetWarnings } from './warnings.js';

export interface TripConstraints {
  launchFromJd: number;
  launchToJd: number;
  /** Total mission duration limit, days (NHATS 450). */
  maxDays: number;
  /** Minimum stay at the NEA, days (NHATS 8). */
  minStayDays: number;
  /** Earth departure C3 limit, km²/s² (NHATS 60). */
  maxC3: number;
  /** Earth entry speed limit, km/s (NHATS 12); faster returns pay the Δv that brings them to it. */
  maxEntryKmS: number;
  /** Total Δv limit, km/s (NHATS 12). */
  maxDvKmS: number;
  /** Grid step for launch dates, flight times and stays, days (NHATS 8). */
  stepDays: number;
  /** Revolutions per leg (0 = direct arcs only). */
  maxRevs: number;
  leoAltitudeKm: number;
  entryAltitudeKm: number;
  /** Longest single leg, days (default: what the duration and stay limits leave, at most 730). */
  maxLegDays?: number;
  /** Leg flight times are legOffset + k·step days (NHATS: 1, i.e. 8k + 1). */
  legOffsetDays?: number;
}

/** NHATS defaults (NHATS API v1.3 defaults; DESIGN §2.3), with the DESIGN's 2025–2045 launch window. */
export const NHATS_DEFAULTS = {
  launchFrom: '2025-01-01',
  launchTo: '2045-12-31',
  maxDays: 450,
  minStayDays: 8,
  maxC3: 60,
  maxEntryKmS: MAX_ENTRY_SPEED_KMS,
  maxDvKmS: 12,
  stepDays: 8,
  maxRevs: 0,
  leoAltitudeKm: LEO_ALTITUDE_KM,
  entryAltitudeKm: ENTRY_INTERFACE_ALTITUDE_KM,
  legOffsetDays: 1,
} as const;

/** Longest leg considered unless the user says otherwise: two years covers every NHATS record and one synodic cycle of most NEAs. */
export const DEFAULT_MAX_LEG_DAYS = 730;

export interface TripSolution {
  launchJd: number;
  /** Launch date (UTC ISO 8601). */
  launch: string;
  outDays: number;
  stayDays: number;
  returnDays: number;
  totalDays: number;
  c3: number;
  /** Departure v∞ = √C3. */
  vInfDepKmS: number;
  declinationDeg: number;
  dvDepartKmS: number;
  vArrNeoKmS: number;
  vDepNeoKmS: number;
  /** Hyperbolic excess speed on return. */
  vInfArrEarthKmS: number;
  /** Entry speed after the cap (≤ maxEntryKmS). */
  entrySpeedKmS: number;
  /** Ballistic entry speed before the cap. */
  entrySpeedBallisticKmS: number;
  dvEntryKmS: number;
  dvTotalKmS: number;
  arriveNea: string;
  departNea: string;
  returnEarth: string;
  legs: { outbound: LegDetail; inbound: LegDetail };
}

export interface RoundTripResult {
  designation: string;
  name?: string;
  method: 'ballistic-lambert-round-trip';
  constraints: TripConstraints;
  minDv: TripSolution;
  minDuration: TripSolution;
  warnings: string[];
  stats: { outboundLegs: number; returnLegs: number; lambertSolves: number; combinations: number };
}

export interface SearchOptions {
  signal?: AbortSignal;
  /** Skip return legs that cannot beat the Δv limit (default true). Turned off to report the lowest Δv when nothing is feasible. */
  prune?: boolean;
  /** Compute warnings (close-approach scan); the screen turns this off for rows it drops. */
  warnings?: boolean;
  /** When nothing is feasible, search again without pruning to report the lowest Δv (default true; the screen skips it). */
  explainFailure?: boolean;
}

export function resolveConstraints(c: Partial<TripConstraints> & { launchFromJd: number; launchToJd: number }): TripConstraints {
  const d = NHATS_DEFAULTS;
  const out: TripConstraints = {
    launchFromJd: c.launchFromJd,
    launchToJd: c.launchToJd,
    maxDays: c.maxDays ?? d.maxDays,
    minStayDays: c.minStayDays ?? d.minStayDays,
    maxC3: c.maxC3 ?? d.maxC3,
    maxEntryKmS: c.maxEntryKmS ?? d.maxEntryKmS,
    maxDvKmS: c.maxDvKmS ?? d.maxDvKmS,
    stepDays: c.stepDays ?? d.stepDays,
    maxRevs: c.maxRevs ?? d.maxRevs,
    leoAltitudeKm: c.leoAltitudeKm ?? d.leoAltitudeKm,
    entryAltitudeKm: c.entryAltitudeKm ?? d.entryAltitudeKm,
    legOffsetDays: c.legOffsetDays ?? d.legOffsetDays,
    maxLegDays: c.maxLegDays,
  };
  requireFinite(out.launchFromJd, '--launch');
  requireFinite(out.launchToJd, '--launch');
  if (out.launchToJd < out.launchFromJd) throw new InputError('--launch: the window ends before it starts', '--launch');
  requireFinite(out.maxDays, '--max-days', { min: 0, exclusiveMin: true, max: 36525 });
  requireFinite(out.minStayDays, '--min-stay', { min: 0 });
  requireFinite(out.maxC3, '--max-c3', { min: 0 });
  requireFinite(out.maxEntryKmS, '--max-entry', { min: 0, exclusiveMin: true });
  if (Number.isNaN(maxVInfForEntryKmS(out.maxEntryKmS, out.entryAltitudeKm))) {
    throw new InputError(`--max-entry: ${out.maxEntryKmS} km/s is below the escape speed at the entry interface (${entrySpeedKmS(0, out.entryAltitudeKm).toFixed(2)} km/s); no return can meet it`, '--max-entry');
  }
  requireFinite(out.maxDvKmS, '--max-dv', { min: 0, exclusiveMin: true });
  requireFinite(out.stepDays, '--step', { min: 0.25 });
  requireFinite(out.maxRevs, '--max-revs', { min: 0, max: 10 });
  if (!Number.isInteger(out.maxRevs)) throw new InputError(`--max-revs: expected a whole number, got ${out.maxRevs}`, '--max-revs');
  requireFinite(out.leoAltitudeKm, '--leo-altitude', { min: 100 });
  requireFinite(out.entryAltitudeKm, '--entry-altitude', { min: 0 });
  requireFinite(out.legOffsetDays!, 'legOffsetDays', { min: 0 });
  if (out.maxLegDays !== undefined) requireFinite(out.maxLegDays, '--max-leg-days', { min: out.stepDays });
  return out;
}

interface Lattices {
  nL: number;
  nK: number;
  nN: number;
  mMin: number;
  qSpan: number;
  nB: number;
  nC: number;
  jdA: Float64Array;
  jdB: Float64Array;
  jdC: Float64Array;
}

function buildLattices(c: TripConstraints): Lattices {
  const s = c.stepDays;
  const o = c.legOffsetDays ?? 1;
  const nL = Math.floor((c.launchToJd - c.launchFromJd) / s + 1e-9) + 1;
  const mMin = Math.max(0, Math.ceil(c.minStayDays / s - 1e-9));
  const qSpan = Math.floor((c.maxDays - 2 * o) / s + 1e-9);
  // Longest leg: the duration limit minus the shortest stay and the shortest other leg.
  const legRoom = Math.min(c.maxLegDays ?? DEFAULT_MAX_LEG_DAYS, c.maxDays - 2 * o - mMin * s);
  const nLeg = Math.floor((legRoom - o) / s + 1e-9) + 1;
  if (qSpan < mMin || nLeg < 1) {
    throw new NoSolutionError(
      `no trip fits in --max-days ${c.maxDays}: two legs of at least ${o} d and a stay of ${c.minStayDays} d on a ${s}-day grid need more`,
      'max-days',
    );
  }
  const nK = nLeg;
  const nN = nLeg;
  const nB = nL + qSpan + 1;
  const nC = nB + nN;
  if (nL * nK > 50_000_000) throw new InputError(`--step: ${nL} launch dates × ${nK} flight times is too large a grid; use a larger --step or a shorter --launch window`, '--step');
  return {
    nL,
    nK,
    nN,
    mMin,
    qSpan,
    nB,
    nC,
    jdA: lattice(c.launchFromJd, s, nL),
    jdB: lattice(c.launchFromJd + o, s, nB),
    jdC: lattice(c.launchFromJd + 2 * o, s, nC),
  };
}

/** Reusable buffers for searching many targets with the same constraints (the screen). */
export interface RoundTripWorkspace {
  key: string;
  lat: Lattices;
  earthA: Float64Array;
  earthC: Float64Array;
  out: LegGrid;
  ret: LegGrid;
  solBuf: Float64Array;
  pmBest: Float64Array;
  rowMin: Float64Array;
  rmq: Float64Array;
}

export function createWorkspace(c: TripConstraints): RoundTripWorkspace {
  const lat = buildLattices(c);
  return {
    key: JSON.stringify(c),
    lat,
    earthA: statesAt('earth', lat.jdA),
    earthC: statesAt('earth', lat.jdC),
    out: allocLegGrid(lat.nL, lat.nK),
    ret: allocLegGrid(lat.nB, lat.nN),
    solBuf: new Float64Array(6 * (2 * c.maxRevs + 1)),
    pmBest: new Float64Array(lat.nB),
    rowMin: new Float64Array(lat.nL),
    rmq: new Float64Array(lat.nL * (Math.floor(Math.log2(Math.max(1, lat.nL))) + 1)),
  };
}

interface Found {
  i: number;
  k: number;
  d: number;
  n: number;
  dv: number;
}

/**
 * Searches the grid for the minimum-Δv and minimum-duration round trips. Throws NoSolutionError
 * naming the binding constraint when none satisfies the limits.
 */
export function searchRoundTrips(target: TrajectoryTarget, cIn: TripConstraints, opts: SearchOptions & { workspace?: RoundTripWorkspace } = {}): RoundTripResult {
  const c = cIn;
  const ws = opts.workspace && opts.workspace.key === JSON.stringify(c) ? opts.workspace : createWorkspace(c);
  const { lat } = ws;
  const { nL, nK, nN, mMin, qSpan, nB } = lat;
  const s = c.stepDays;
  const o = c.legOffsetDays ?? 1;
  const retro = isRetrograde(target);
  const signal = opts.signal;
  const prune = opts.prune !== false;
  const neaB = statesAt(target, lat.jdB);

  // 1. Outbound legs: Earth (lattice A) → NEA (lattice B), cell (i, k) arrives at j = i + k.
  const out = ws.out;
  computeLegGridInto(
    {
      mode: 'depart-earth', depStates: ws.earthA, arrStates: neaB, nDep: nL, nTof: nK, tofFirstDays: o, tofStepDays: s, jOffset: 0,
      maxRevs: c.maxRevs, retrograde: retro, maxC3: c.maxC3, leoAltitudeKm: c.leoAltitudeKm,
      skipRow: signal ? () => { if (signal.aborted) throw new CancelledError(); return false; } : undefined,
    },
    out,
    ws.solBuf,
  );
  const outSolves = out.solves;
  // Best outbound arriving at or before each NEA date (over all launches): the bound for pruning.
  const arrBest = ws.pmBest;
  arrBest.fill(Infinity);
  for (let i = 0; i < nL; i++) {
    for (let k = 0; k < nK; k++) {
      const v = out.cost[i * nK + k];
      const j = i + k;
      if (v < arrBest[j]) arrBest[j] = v;
    }
  }
  let anyOut = false;
  for (let j = 1; j < nB; j++) if (arrBest[j - 1] < arrBest[j]) arrBest[j] = arrBest[j - 1];
  for (let j = 0; j < nB; j++) if (arrBest[j] < Infinity) anyOut = true;
  if (!anyOut) {
    const cell = out.minC3Cell;
    const when = cell >= 0 ? ` on ${jdToIsoDate(lat.jdA[Math.floor(cell / nK)])}` : '';
    throw new NoSolutionError(
      Number.isFinite(out.minC3Any)
        ? `no trip with C3 ≤ ${c.maxC3} km²/s² to ${target.designation}; the lowest C3 found was ${out.minC3Any.toFixed(1)}${when}`
        : `no ballistic transfer to ${target.designation} found on this grid`,
      'max-c3',
    );
  }

  // 2. Return legs: NEA (lattice B, departure d) → Earth (lattice C, q = d + n). A return cell is
  //    only solved if some outbound leg that fits before it (launch i with q − i ≤ qSpan and
  //    arrival ≤ d − mMin) leaves room under the Δv limit. Two lower bounds on that outbound
  //    cost, both cheap: the best outbound arriving by d − mMin (any launch), and the best outbound
  //    of any launch in [q − qSpan, d − mMin] (any arrival), a sliding-window minimum (sparse table).
  const ret = ws.ret;
  const rowMin = ws.rowMin;
  for (let i = 0; i < nL; i++) {
    let m = Infinity;
    const row = i * nK;
    for (let k = 0; k < nK; k++) if (out.cost[row + k] < m) m = out.cost[row + k];
    rowMin[i] = m;
  }
  const rmq = buildRangeMin(rowMin, nL, ws.rmq);
  const pruneRow = (d: number) => {
    if (signal?.aborted) throw new CancelledError();
    if (d < mMin) return true;
    return prune && arrBest[d - mMin] > c.maxDvKmS;
  };
  const pruneCell = prune
    ? (d: number, n: number) => {
        const lo = d + n - qSpan > 0 ? d + n - qSpan : 0;
        const hi = Math.min(nL - 1, d - mMin);
        if (lo > hi) return true;
        return rangeMin(rmq, nL, lo, hi) > c.maxDvKmS;
      }
    : undefined;
  computeLegGridInto(
    {
      mode: 'return-earth', depStates: neaB, arrStates: ws.earthC, nDep: nB, nTof: nN, tofFirstDays: o, tofStepDays: s, jOffset: 0,
      maxRevs: c.maxRevs, retrograde: retro, maxEntryKmS: c.maxEntryKmS, entryAltitudeKm: c.entryAltitudeKm, skipRow: pruneRow, skipCell: pruneCell,
    },
    ret,
    ws.solBuf,
  );
  const solves = outSolves + ret.solves;

  // 3. Combine. For launch i: best outbound arriving by NEA date j (prefix minimum over k), then
  //    every departure d ≥ arrival + stay and return flight n within the duration limit.
  let bestDv: Found | null = null;
  let bestDur: Found | null = null;
  let combos = 0;
  const pm = new Float64Array(nK);
  const pmK = new Int32Array(nK);
  for (let i = 0; i < nL; i++) {
    const row = i * nK;
    let m = Infinity;
    let mk = -1;
    for (let k = 0; k < nK; k++) {
      const v = out.cost[row + k];
      if (v < m) {
        m = v;
        mk = k;
      }
      pm[k] = m;
      pmK[k] = mk;
    }
    if (m === Infinity) continue;
    const dMax = Math.min(i + qSpan, nB - 1);
    for (let d = i + mMin; d <= dMax; d++) {
      const ka = Math.min(d - mMin - i, nK - 1);
      const ob = pm[ka];
      if (ob === Infinity) continue;
      const rrow = d * nN;
      const nMax = Math.min(nN - 1, i + qSpan - d);
      for (let n = 0; n <= nMax; n++) {
        const r = ret.cost[rrow + n];
        if (r === Infinity) continue;
        const t = ob + r;
        combos++;
        if (!bestDv || t < bestDv.dv) bestDv = { i, k: pmK[ka], d, n, dv: t };
        if (t <= c.maxDvKmS) {
          const dur = d + n - i;
          if (!bestDur || dur < bestDur.d + bestDur.n - bestDur.i || (dur === bestDur.d + bestDur.n - bestDur.i && t < bestDur.dv)) {
            bestDur = { i, k: pmK[ka], d, n, dv: t };
          }
        }
      }
    }
  }
  if (!bestDv || bestDv.dv > c.maxDvKmS || !bestDur) {
    // Pruning only drops combinations above the Δv limit, so it never hides a feasible trip; but
    // to name the lowest Δv there is, search once more without it.
    if (prune && opts.explainFailure !== false) return searchRoundTrips(target, c, { ...opts, prune: false, workspace: ws });
    if (!bestDv) {
      throw new NoSolutionError(
        prune
          ? `no round trip to ${target.designation} with Δv ≤ ${c.maxDvKmS} km/s`
          : `no round trip to ${target.designation} fits --max-days ${c.maxDays} with a stay of at least ${c.minStayDays} d in this launch window`,
        prune ? 'max-dv' : 'max-days',
      );
    }
    const when = jdToIsoDate(lat.jdA[bestDv.i]);
    throw new NoSolutionError(
      `no round trip to ${target.designation} with Δv ≤ ${c.maxDvKmS} km/s; the lowest found was ${bestDv.dv.toFixed(3)} km/s (launch ${when})`,
      'max-dv',
    );
  }

  const toSolution = (f: Found): TripSolution =>
    buildSolution(target, c, retro, lat.jdA[f.i], o + f.k * s, (f.d - f.i - f.k) * s, o + f.n * s, out.sol[f.i * nK + f.k], ret.sol[f.d * nN + f.n]);
  const minDv = toSolution(bestDv);
  const minDuration = toSolution(bestDur);
  const warnings = opts.warnings === false ? [] : tripWarnings(target, [minDv, minDuration]);
  return {
    designation: target.designation,
    name: target.name,
    method: 'ballistic-lambert-round-trip',
    constraints: c,
    minDv,
    minDuration,
    warnings,
    stats: { outboundLegs: nL * nK, returnLegs: ret.solves, lambertSolves: solves, combinations: combos },
  };
}

/** Warnings over the span the reported trips actually use (epoch → last return). */
export function tripWarnings(target: TrajectoryTarget, trips: TripSolution[]): string[] {
  const lo = Math.min(...trips.map((t) => t.launchJd));
  const hi = Math.max(...trips.map((t) => t.launchJd + t.totalDays));
  return targetWarnings(target, [lo, hi]);
}

function buildSolution(
  target: TrajectoryTarget,
  c: TripConstraints,
  retro: boolean,
  launchJd: number,
  outDays: number,
  stayDays: number,
  returnDays: number,
  solOut: number,
  solRet: number,
): TripSolution {
  const a = singleStates('earth', target, launchJd, outDays);
  const depJd = launchJd + outDays + stayDays;
  const b = singleStates(target, 'earth', depJd, returnDays);
  const lo = legDetail(a.dep, a.arr, launchJd, outDays, solOut, retro);
  const li = legDetail(b.dep, b.arr, depJd, returnDays, solRet, retro);
  if (!lo || !li) throw new Error('internal: a grid solution could not be re-solved');
  return solutionFromLegs(c, lo, li, stayDays);
}

function solutionFromLegs(c: TripConstraints, lo: LegDetail, li: LegDetail, stayDays: number): TripSolution {
  const c3 = lo.vInfDepKmS * lo.vInfDepKmS;
  const dvDepart = departureDvFromC3(c3, c.leoAltitudeKm);
  const dvEntry = entryCapDvKmS(li.vInfArrKmS, c.maxEntryKmS, c.entryAltitudeKm);
  const entryBallistic = entrySpeedKmS(li.vInfArrKmS, c.entryAltitudeKm);
  const total = dvDepart + lo.vInfArrKmS + li.vInfDepKmS + dvEntry;
  return {
    launchJd: lo.departJd,
    launch: jdToIso(lo.departJd),
    outDays: lo.tofDays,
    stayDays,
    returnDays: li.tofDays,
    totalDays: lo.tofDays + stayDays + li.tofDays,
    c3,
    vInfDepKmS: lo.vInfDepKmS,
    declinationDeg: lo.declinationDepDeg,
    dvDepartKmS: dvDepart,
    vArrNeoKmS: lo.vInfArrKmS,
    vDepNeoKmS: li.vInfDepKmS,
    vInfArrEarthKmS: li.vInfArrKmS,
    entrySpeedKmS: entrySpeedKmS(li.vInfArrKmS - dvEntry, c.entryAltitudeKm),
    entrySpeedBallisticKmS: entryBallistic,
    dvEntryKmS: dvEntry,
    dvTotalKmS: total,
    arriveNea: lo.arrive,
    departNea: li.depart,
    returnEarth: li.arrive,
    legs: { outbound: lo, inbound: li },
  };
}

export interface FixedTrip {
  launchJd: number;
  outDays: number;
  stayDays: number;
  returnDays: number;
}

/**
 * Evaluates one given round trip (each leg: best of 0..maxRevs revolutions by the same cost rules
 * as the grid, the C3 limit not applied so that a violation can be reported). Returns the solution
 * and the constraints it breaks; `evaluateTrip` throws instead.
 */
export function evaluateTripUnchecked(target: TrajectoryTarget, c: TripConstraints, t: FixedTrip): { solution: TripSolution; violations: Array<{ binding: string; message: string }>; warnings: string[] } {
  requireFinite(t.outDays, '--out-days', { min: 0, exclusiveMin: true });
  requireFinite(t.stayDays, '--stay-days', { min: 0 });
  requireFinite(t.returnDays, '--return-days', { min: 0, exclusiveMin: true });
  const retro = isRetrograde(target);
  const p = { leoAlt: c.leoAltitudeKm, eiAlt: c.entryAltitudeKm, maxEntry: c.maxEntryKmS };
  const lo = legCost('depart-earth', 'earth', target, retro, c.maxRevs, t.launchJd, t.outDays, p);
  const depJd = t.launchJd + t.outDays + t.stayDays;
  const li = legCost('return-earth', target, 'earth', retro, c.maxRevs, depJd, t.returnDays, p);
  if (lo.sol < 0 || li.sol < 0) {
    throw new NoSolutionError(`no ballistic ${lo.sol < 0 ? 'outbound' : 'return'} arc exists for these dates with --max-revs ${c.maxRevs}`, 'max-revs');
  }
  const solution = buildSolution(target, c, retro, t.launchJd, t.outDays, t.stayDays, t.returnDays, lo.sol, li.sol);
  const violations: Array<{ binding: string; message: string }> = [];
  if (solution.c3 > c.maxC3) violations.push({ binding: 'max-c3', message: `C3 ${solution.c3.toFixed(2)} km²/s² exceeds --max-c3 ${c.maxC3}` });
  if (solution.totalDays > c.maxDays + 1e-9) violations.push({ binding: 'max-days', message: `duration ${solution.totalDays} d exceeds --max-days ${c.maxDays}` });
  if (solution.stayDays < c.minStayDays - 1e-9) violations.push({ binding: 'min-stay', message: `stay ${solution.stayDays} d is shorter than --min-stay ${c.minStayDays}` });
  if (solution.dvTotalKmS > c.maxDvKmS) violations.push({ binding: 'max-dv', message: `Δv ${solution.dvTotalKmS.toFixed(3)} km/s exceeds --max-dv ${c.maxDvKmS}` });
  return { solution, violations, warnings: tripWarnings(target, [solution]) };
}

/** `trip --launch DATE --out-days … --stay-days … --return-days …`: one trajectory, both minDv and minDuration. */
export function evaluateTrip(target: TrajectoryTarget, c: TripConstraints, t: FixedTrip): RoundTripResult {
  const r = evaluateTripUnchecked(target, c, t);
  if (r.violations.length > 0) {
    const v = r.violations[0];
    throw new NoSolutionError(`this ${target.designation} trajectory is infeasible: ${r.violations.map((x) => x.message).join('; ')}`, v.binding);
  }
  return {
    designation: target.designation,
    name: target.name,
    method: 'ballistic-lambert-round-trip',
    constraints: c,
    minDv: r.solution,
    minDuration: r.solution,
    warnings: r.warnings,
    stats: { outboundLegs: 1, returnLegs: 1, lambertSolves: 2, combinations: 1 },
  };
}

/** Sparse table for range minima over a[0..n): level p holds minima of windows of length 2^p. */
function buildRangeMin(a: Float64Array, n: number, t: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) t[i] = a[i];
  for (let p = 1, len = 2; len <= n; p++, len *= 2) {
    const cur = p * n;
    const prev = (p - 1) * n;
    const half = len >> 1;
    for (let i = 0; i + len <= n; i++) {
      const x = t[prev + i];
      const y = t[prev + i + half];
      t[cur + i] = x < y ? x : y;
    }
  }
  return t;
}

/** min a[lo..hi] (inclusive) from the sparse table. */
function rangeMin(t: Float64Array, n: number, lo: number, hi: number): number {
  const p = 31 - Math.clz32(hi - lo + 1);
  const x = t[p * n + lo];
  const y = t[p * n + hi - (1 << p) + 1];
  return x < y ? x : y;
}
