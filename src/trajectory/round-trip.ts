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
 *
 * The search is one generator that yields between chunks of ~10 ms (cooperative.ts):
 * `searchRoundTrips` drives it synchronously, `searchRoundTripsAsync` between event-loop turns so
 * that Ctrl+C stops it. Return legs are computed as the launch-by-launch combination first needs
 * them, so a stopped search still knows the best trips over the launch dates it finished.
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
import { allocLegGrid, beginLegGrid, fillLegGridRows, legGridSteps, type LegGrid, type LegGridSpec } from './leg-grid.js';
import { runCooperatively, runToEnd, type Steps } from './cooperative.js';
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

/**
 * NHATS defaults (NHATS API v1.3 defaults; DESIGN §2.3), with the DESIGN's 2025–2045 launch window
 * (the default window starts at the later of launchFrom and today: `defaultLaunchWindow`).
 */
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

/** A launch window as ISO dates (YYYY-MM-DD). */
export interface LaunchWindow {
  from: string;
  to: string;
}

/**
 * The default launch window: from the later of the NHATS-style start (2025-01-01, DESIGN §2.3)
 * and `todayIso`, to 2045-12-31 — a search that starts in the past would rank trips nobody can
 * fly. The engine never reads the clock: callers pass today's UTC date (YYYY-MM-DD); without it
 * the window is the fixed 2025-01-01..2045-12-31. `field` names the setting in messages.
 */
export function defaultLaunchWindow(todayIso?: string, field = '--launch'): LaunchWindow {
  const { launchFrom, launchTo } = NHATS_DEFAULTS;
  const from = todayIso !== undefined && todayIso > launchFrom ? todayIso : launchFrom;
  if (from > launchTo) {
    throw new InputError(`${field}: the default launch window ended on ${launchTo} (today is ${todayIso}); give a window FROM..TO`, field);
  }
  return { from, to: launchTo };
}

/**
 * The warning for a window someone chose that starts before today (null when it does not):
 * explicit windows are kept as given, but the trips they find may launch on dates already past.
 * `what` names the window (`--launch`, `window.launch`); dates are ISO (times ignored).
 */
export function launchBeforeTodayWarning(what: string, window: LaunchWindow, todayIso: string): string | null {
  const from = window.from.slice(0, 10);
  const to = window.to.slice(0, 10);
  if (from >= todayIso) return null;
  const span = from === to ? from : `${from}..${to}`;
  return to < todayIso
    ? `${what} ${span}: only launch dates before today (${todayIso}); no trip found there can still be flown`
    : `${what} ${span} includes launch dates before today (${todayIso}); trips launching before ${todayIso} can no longer be flown`;
}

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
  /** Called between chunks of work: outbound legs, then the launch-by-launch combination (launch dates done of total). */
  onProgress?: (p: { phase: 'outbound' | 'combine'; done: number; total: number }) => void;
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
  /** Longest leg on the grid, days. */
  longestLegDays: number;
  /** The leg cap without the duration limit (--max-leg-days, default 730 d), days. */
  legCapDays: number;
  /** True when --max-days minus the stay, not the leg cap, decides the longest leg. */
  durationLimitsLegs: boolean;
}

function buildLattices(c: TripConstraints): Lattices {
  const s = c.stepDays;
  const o = c.legOffsetDays ?? 1;
  // 1e-6 d: window ends converted UTC → TDB differ from whole days by the ±1.7 ms TDB periodic term.
  const nL = Math.floor((c.launchToJd - c.launchFromJd) / s + 1e-6) + 1;
  const mMin = Math.max(0, Math.ceil(c.minStayDays / s - 1e-9));
  const qSpan = Math.floor((c.maxDays - 2 * o) / s + 1e-9);
  // Longest leg: the duration limit minus the shortest stay and the shortest other leg.
  const legCapDays = c.maxLegDays ?? DEFAULT_MAX_LEG_DAYS;
  const durationRoom = c.maxDays - 2 * o - mMin * s;
  const legRoom = Math.min(legCapDays, durationRoom);
  const nLeg = Math.floor((legRoom - o) / s + 1e-9) + 1;
  if (qSpan < mMin || nLeg < 1) {
    throw new NoSolutionError(
      `no trip fits in --max-days ${c.maxDays} with --min-stay ${c.minStayDays}: two legs of at least ${o} d and a stay of ${mMin * s} d (--min-stay on the ${s}-day grid) need more`,
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
    longestLegDays: o + (nLeg - 1) * s,
    legCapDays,
    durationLimitsLegs: durationRoom < legCapDays,
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

/** Where a search is: for the partial result when it is stopped. */
interface SearchState {
  phase: 'outbound' | 'combine';
  /** Launch dates done in this phase, of `total`. */
  done: number;
  total: number;
  /** Best trips over the launches combined so far (bestDv may exceed the Δv limit). */
  bestDv: Found | null;
  bestDur: Found | null;
  toSolution: ((f: Found) => TripSolution) | null;
  jdA: Float64Array | null;
}

const newState = (): SearchState => ({ phase: 'outbound', done: 0, total: 0, bestDv: null, bestDur: null, toSolution: null, jdA: null });

/**
 * Searches the grid for the minimum-Δv and minimum-duration round trips. Throws NoSolutionError
 * naming the binding constraint when none satisfies the limits (with the target's orbit warnings
 * attached), CancelledError when `signal` was already aborted. Runs synchronously: from a CLI or
 * UI, use `searchRoundTripsAsync` so that Ctrl+C is heard.
 */
export function searchRoundTrips(target: TrajectoryTarget, c: TripConstraints, opts: SearchOptions & { workspace?: RoundTripWorkspace } = {}): RoundTripResult {
  const st = newState();
  try {
    return runToEnd(searchSteps(target, c, opts, st));
  } catch (e) {
    throw withFailureWarnings(e, target, c, opts);
  }
}

/**
 * `searchRoundTrips` that hands the event loop a turn every few tens of milliseconds and stops
 * when `signal` fires, with a CancelledError whose message and `details.partial` give the best
 * trips over the launch dates searched so far.
 */
export async function searchRoundTripsAsync(target: TrajectoryTarget, c: TripConstraints, opts: SearchOptions & { workspace?: RoundTripWorkspace } = {}): Promise<RoundTripResult> {
  const st = newState();
  try {
    return await runCooperatively(searchSteps(target, c, opts, st), { signal: opts.signal, onAbort: () => cancelledSearch(target, c, st) });
  } catch (e) {
    throw withFailureWarnings(e, target, c, opts);
  }
}

/** A failed or stopped search still says when the target's orbit cannot be trusted (over the whole window). */
function withFailureWarnings(e: unknown, target: TrajectoryTarget, c: TripConstraints, opts: SearchOptions): unknown {
  if ((e instanceof NoSolutionError || e instanceof CancelledError) && opts.warnings !== false && e.warnings === undefined) {
    e.warnings = targetWarnings(target, [c.launchFromJd, c.launchToJd + c.maxDays]);
  }
  return e;
}

function cancelledSearch(target: TrajectoryTarget, c: TripConstraints, st: SearchState): CancelledError {
  const pct = st.total > 0 ? Math.floor((100 * st.done) / st.total) : 0;
  const lastLaunch = st.jdA && st.done > 0 ? jdToIsoDate(st.jdA[st.done - 1]) : null;
  const best = st.phase === 'combine' && st.bestDv && st.bestDv.dv <= c.maxDvKmS && st.toSolution ? st.toSolution(st.bestDv) : null;
  const bestDur = st.phase === 'combine' && st.bestDur && st.toSolution ? st.toSolution(st.bestDur) : null;
  const where =
    st.phase === 'outbound'
      ? `while computing the outbound legs (${pct} % of the launch dates)`
      : `after combining launches up to ${lastLaunch ?? jdToIsoDate(c.launchFromJd)} (${pct} % of the window)`;
  const what = best
    ? `best so far: Δv ${best.dvTotalKmS.toFixed(3)} km/s, launch ${best.launch.slice(0, 10)}, ${best.outDays}/${best.stayDays}/${best.returnDays} d`
    : st.phase === 'combine'
      ? `no trip within the limits among them yet`
      : 'no trips evaluated yet';
  const err = new CancelledError(`interrupted ${where}; ${what} (${target.designation})`);
  err.details = {
    partial: {
      phase: st.phase,
      launchesDone: st.phase === 'combine' ? st.done : 0,
      launches: st.total,
      searchedLaunchTo: st.phase === 'combine' ? lastLaunch : null,
      minDv: best,
      minDuration: bestDur,
    },
  };
  return err;
}

/** Enough decimals that a value above a limit does not print as the limit (C3 0.0123 vs 0.01, not "0.0"). */
function fmtAbove(value: number, limit: number, minDecimals = 1): string {
  const mag = value !== 0 && Number.isFinite(value) ? Math.floor(Math.log10(Math.abs(value))) : 0;
  for (let d = Math.max(minDecimals, 2 - mag); d <= 12; d++) {
    const t = value.toFixed(d);
    if (Number(t) > limit) return t;
  }
  return String(value);
}

function* searchSteps(target: TrajectoryTarget, c: TripConstraints, opts: SearchOptions & { workspace?: RoundTripWorkspace }, st: SearchState): Steps<RoundTripResult> {
  const signal = opts.signal;
  const stop = () => {
    opts.onProgress?.({ phase: st.phase, done: st.done, total: st.total });
    if (signal?.aborted) throw cancelledSearch(target, c, st);
  };
  if (signal?.aborted) throw cancelledSearch(target, c, st);
  const ws = opts.workspace && opts.workspace.key === JSON.stringify(c) ? opts.workspace : createWorkspace(c);
  const { lat } = ws;
  const { nL, nK, nN, mMin, qSpan, nB } = lat;
  const s = c.stepDays;
  const o = c.legOffsetDays ?? 1;
  const retro = isRetrograde(target);
  const prune = opts.prune !== false;
  const neaB = statesAt(target, lat.jdB);
  Object.assign(st, { phase: 'outbound', done: 0, total: nL, bestDv: null, bestDur: null, toSolution: null, jdA: lat.jdA });
  stop();

  // 1. Outbound legs: Earth (lattice A) → NEA (lattice B), cell (i, k) arrives at j = i + k.
  const out = ws.out;
  const outSpec: LegGridSpec = {
    mode: 'depart-earth', depStates: ws.earthA, arrStates: neaB, nDep: nL, nTof: nK, tofFirstDays: o, tofStepDays: s, jOffset: 0,
    maxRevs: c.maxRevs, retrograde: retro, maxC3: c.maxC3, leoAltitudeKm: c.leoAltitudeKm,
  };
  for (const rows of legGridSteps(outSpec, out, ws.solBuf)) {
    st.done = rows;
    yield;
    stop();
  }
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
    const lowest = Number.isFinite(out.minC3Any) ? `the lowest C3 found was ${fmtAbove(out.minC3Any, c.maxC3)} km²/s²${when}` : '';
    if (lat.durationLimitsLegs) {
      // Short legs are what failed, not the C3 limit, if longer legs would meet it: say so.
      const need = yield* shortestLegWithinC3(target, c, lat, retro, ws.solBuf, stop);
      if (need !== null) {
        throw new NoSolutionError(
          `no trip to ${target.designation} fits --max-days ${c.maxDays} with --min-stay ${c.minStayDays}: that leaves at most ${lat.longestLegDays} d per leg` +
            `${lowest ? ` (${lowest})` : ''}, and the shortest outbound leg with C3 ≤ ${c.maxC3} km²/s² in this launch window takes ${need} d`,
          'max-days',
        );
      }
    }
    throw new NoSolutionError(
      lowest ? `no trip with C3 ≤ ${c.maxC3} km²/s² to ${target.designation}; ${lowest}` : `no ballistic transfer to ${target.designation} found on this grid`,
      'max-c3',
    );
  }

  // 2. Return legs, NEA (lattice B, departure d) → Earth (lattice C, q = d + n), computed as the
  //    combination below first needs them. A return cell is only solved if some outbound leg that
  //    fits before it (launch i with q − i ≤ qSpan and arrival ≤ d − mMin) leaves room under the Δv
  //    limit. Two lower bounds on that outbound cost, both cheap: the best outbound arriving by
  //    d − mMin (any launch), and the best outbound of any launch in [q − qSpan, d − mMin] (any
  //    arrival), a sliding-window minimum (sparse table).
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
  const retSpec: LegGridSpec = {
    mode: 'return-earth', depStates: neaB, arrStates: ws.earthC, nDep: nB, nTof: nN, tofFirstDays: o, tofStepDays: s, jOffset: 0,
    maxRevs: c.maxRevs, retrograde: retro, maxEntryKmS: c.maxEntryKmS, entryAltitudeKm: c.entryAltitudeKm, skipRow: pruneRow, skipCell: pruneCell,
  };
  beginLegGrid(retSpec, ret);
  let retRows = 0;
  const retRowsPerChunk = Math.max(1, Math.floor(16_384 / nN));

  // 3. Combine, launch by launch (the return rows a launch can use are filled first). For launch i:
  //    best outbound arriving by NEA date j (prefix minimum over k), then every departure
  //    d ≥ arrival + stay and return flight n within the duration limit.
  st.phase = 'combine';
  st.done = 0;
  st.toSolution = (f: Found) => toSolution(f);
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
    if (m !== Infinity) {
      const dMax = Math.min(i + qSpan, nB - 1);
      // The first launch needs qSpan rows at once (10⁵–10⁶ cells on fine grids): in chunks.
      while (retRows < dMax + 1) {
        const end = Math.min(dMax + 1, retRows + retRowsPerChunk);
        fillLegGridRows(retSpec, ret, ws.solBuf, retRows, end);
        retRows = end;
        if (retRows < dMax + 1) {
          yield;
          stop();
        }
      }
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
    st.done = i + 1;
    st.bestDv = bestDv;
    st.bestDur = bestDur;
    yield;
    stop();
  }
  const solves = outSolves + ret.solves;
  if (!bestDv || bestDv.dv > c.maxDvKmS || !bestDur) {
    // Pruning only drops combinations above the Δv limit, so it never hides a feasible trip; but
    // to name the lowest Δv there is, search once more without it.
    if (prune && opts.explainFailure !== false) return yield* searchSteps(target, c, { ...opts, prune: false, workspace: ws }, st);
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
      `no round trip to ${target.designation} with Δv ≤ ${c.maxDvKmS} km/s; the lowest found was ${fmtAbove(bestDv.dv, c.maxDvKmS, 3)} km/s (launch ${when})`,
      'max-dv',
    );
  }

  function toSolution(f: Found): TripSolution {
    return buildSolution(target, c, retro, lat.jdA[f.i], o + f.k * s, (f.d - f.i - f.k) * s, o + f.n * s, out.sol[f.i * nK + f.k], ret.sol[f.d * nN + f.n]);
  }
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

/**
 * Shortest outbound flight time (days) with C3 within the limit from any launch date in the window,
 * legs up to the leg cap (what --max-days would allow if it were longer); null if none. Used to
 * tell a duration/stay limit that leaves no usable leg from a C3 limit that no leg meets.
 */
function* shortestLegWithinC3(target: TrajectoryTarget, c: TripConstraints, lat: Lattices, retro: boolean, solBuf: Float64Array, stop: () => void): Steps<number | null> {
  const s = c.stepDays;
  const o = c.legOffsetDays ?? 1;
  let nT = Math.floor((lat.legCapDays - o) / s + 1e-9) + 1;
  if (nT < 1) return null;
  const earth = statesAt('earth', lat.jdA);
  const nea = statesAt(target, lattice(c.launchFromJd + o, s, lat.nL + nT - 1));
  const g = allocLegGrid(1, nT);
  let best: number | null = null;
  for (let i = 0; i < lat.nL; i++) {
    const spec: LegGridSpec = {
      mode: 'depart-earth', depStates: earth, arrStates: nea, iFirst: i, nDep: 1, nTof: nT, tofFirstDays: o, tofStepDays: s, jOffset: 0,
      maxRevs: c.maxRevs, retrograde: retro, maxC3: c.maxC3, leoAltitudeKm: c.leoAltitudeKm,
    };
    beginLegGrid(spec, g);
    fillLegGridRows(spec, g, solBuf, 0, 1);
    for (let k = 0; k < nT; k++) {
      if (g.cost[k] < Infinity) {
        best = o + k * s;
        nT = k; // later launches only matter if they do better
        break;
      }
    }
    if (nT === 0) break;
    if (i % 64 === 63) {
      yield;
      stop();
    }
  }
  return best;
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
    const err = new NoSolutionError(`no ballistic ${lo.sol < 0 ? 'outbound' : 'return'} arc exists for these dates with --max-revs ${c.maxRevs}`, 'max-revs');
    err.warnings = targetWarnings(target, [t.launchJd, depJd + t.returnDays]);
    throw err;
  }
  const solution = buildSolution(target, c, retro, t.launchJd, t.outDays, t.stayDays, t.returnDays, lo.sol, li.sol);
  const violations: Array<{ binding: string; message: string }> = [];
  if (solution.c3 > c.maxC3) violations.push({ binding: 'max-c3', message: `C3 ${solution.c3.toFixed(2)} km²/s² exceeds --max-c3 ${c.maxC3}` });
  if (solution.totalDays > c.maxDays + 1e-9) violations.push({ binding: 'max-days', message: `duration ${solution.totalDays} d exceeds --max-days ${c.maxDays}` });
  if (solution.stayDays < c.minStayDays - 1e-9) violations.push({ binding: 'min-stay', message: `stay ${solution.stayDays} d is shorter than --min-stay ${c.minStayDays}` });
  if (solution.dvTotalKmS > c.maxDvKmS) violations.push({ binding: 'max-dv', message: `Δv ${solution.dvTotalKmS.toFixed(3)} km/s exceeds --max-dv ${c.maxDvKmS}` });
  return { solution, violations, warnings: tripWarnings(target, [solution]) };
}

/**
 * `trip --launch DATE --out-days … --stay-days … --return-days …`: one trajectory, both minDv and
 * minDuration. When it breaks a limit, the NoSolutionError names the first broken constraint as
 * `binding` and still carries the full breakdown (`details.trajectory`, `details.violations`) and
 * the orbit warnings, so that a front end can show what was evaluated.
 */
export function evaluateTrip(target: TrajectoryTarget, c: TripConstraints, t: FixedTrip): RoundTripResult {
  const r = evaluateTripUnchecked(target, c, t);
  if (r.violations.length > 0) {
    const v = r.violations[0];
    const err = new NoSolutionError(`this ${target.designation} trajectory is infeasible: ${r.violations.map((x) => x.message).join('; ')}`, v.binding);
    err.warnings = r.warnings;
    err.details = { designation: target.designation, name: target.name, trajectory: r.solution, violations: r.violations };
    throw err;
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
