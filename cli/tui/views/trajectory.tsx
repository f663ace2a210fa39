// Trajectory: a porkchop heatmap of total Δv for the selected target (coloured cells, or
// characters by level without colour), the best trip marked, a launch × flight-time cursor, and
// the NHATS-style round trip for the pick.
//
// Two windows, kept apart: the porkchop's *browsing* window ([ ] shift it a year, r restores it)
// and the *mission* window in the scenario. Enter on the Earth → asteroid porkchop sets the
// mission's launch window around the picked launch; on the asteroid → Earth porkchop it sets the
// stay and total-duration limits that make the mission leave the asteroid around the picked date
// (keeping the current plan's outbound leg). A new target puts the mission window back.
import React, { useContext, useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { Porkchop, PorkchopOptions } from '../../../src/trajectory/porkchop.js';
import type { RoundTripResult, TripConstraints, TripSolution } from '../../../src/trajectory/round-trip.js';
import type { TrajectoryTarget } from '../../../src/trajectory/ephemeris-lattice.js';
import type { Plan } from '../../../src/scenario/plan-types.js';
import { requireExports } from '../engine.js';
import { PersistContext, usePersistentState, useTheme, useViewKeys } from '../hooks.js';
import { getPath, windowOf, defaultWindow, type Session } from '../session.js';
import { shortLabel } from '../types.js';
import { cell, fmt, jdToDate, wrapText } from '../text.js';
import { Unavailable, truncate } from '../components.js';

export const TRAJECTORY_KEYS = '←→↑↓ move  ⏎ pick  b best  d out/back  [] year  r reset';
export const TRAJECTORY_HELP: Array<[string, string]> = [
  ['← → ↑ ↓', 'move the cursor over launch date (x) and flight time (y)'],
  ['Enter', 'Earth → asteroid: set the mission launch window to ±30 d around the launch under the cursor and search round trips there. Asteroid → Earth: set the minimum stay and maximum total duration so the mission leaves the asteroid around the date under the cursor (the outbound leg of the current plan is kept)'],
  ['b', 'cursor to the best (lowest total Δv) trip'],
  ['d', 'Earth → asteroid or asteroid → Earth porkchop'],
  ['[ / ]', "shift the porkchop's browsing window a year earlier / later (the mission window stays)"],
  ['r', "restore both the browsing window and the mission window to the scenario's"],
];

interface TrajectoryApi {
  porkchop(target: TrajectoryTarget, o: PorkchopOptions): Porkchop;
  /** Cooperative versions (the screen keeps drawing and reading keys; abortable), when the module has them. */
  porkchopAsync?(target: TrajectoryTarget, o: PorkchopOptions, opts?: { signal?: AbortSignal; onProgress?: (p: { launchesDone: number; launches: number }) => void }): Promise<Porkchop>;
  searchRoundTrips(target: TrajectoryTarget, c: TripConstraints, opts?: { signal?: AbortSignal }): RoundTripResult;
  searchRoundTripsAsync?(target: TrajectoryTarget, c: TripConstraints, opts?: { signal?: AbortSignal }): Promise<RoundTripResult>;
  resolveConstraints(c: Partial<TripConstraints> & { launchFromJd: number; launchToJd: number }): TripConstraints;
  parseIsoToJdTdb(iso: string, field?: string): number;
}

const TOF_MIN_DAYS = 30;
const TOF_MAX_DAYS = 400;
/** Half-width of the mission launch window set around a picked launch, days. */
const PICK_HALF_WINDOW_DAYS = 30;

type Result<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; value: T } | { status: 'error'; message: string } | { status: 'unavailable'; reason: string };

/** The scenario's trip limits (units as typed: "1500 d", "12 km/s") in the trajectory module's units. */
export async function scenarioTripLimits(doc: unknown): Promise<Partial<TripConstraints>> {
  const { convertQuantity } = await import('../plan-runner.js');
  const fields: Array<[keyof TripConstraints, string, string]> = [
    ['maxDays', 'maxTotalDays', 'day'],
    ['minStayDays', 'minStayDays', 'day'],
    ['maxC3', 'maxC3', 'km^2/s^2'],
    ['maxEntryKmS', 'maxEntrySpeed', 'km/s'],
    ['maxDvKmS', 'maxDv', 'km/s'],
    ['stepDays', 'stepDays', 'day'],
  ];
  const out: Partial<TripConstraints> = {};
  for (const [key, field, unit] of fields) {
    const v = getPath(doc, ['window', field]);
    if (typeof v === 'number' && Number.isFinite(v)) (out as Record<string, number>)[key] = v;
    else if (typeof v === 'string') (out as Record<string, number>)[key] = await convertQuantity(v, unit, `window.${field}`);
  }
  return out;
}

export function shiftYear(iso: string, years: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

const jdOfIso = (iso: string) => Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86400e3 + 2440587.5;

/** Heat levels: 0 best … LEVELS-1 worst shown; cells above the cap or without a solution are blank. */
export const LEVELS = 8;
export const COLOURS = ['#1a9850', '#66bd63', '#a6d96a', '#d9ef8b', '#fee08b', '#fdae61', '#f46d43', '#d73027'];
/** Monochrome levels, densest = best. */
export const CHARS = ['@', '%', '#', '*', '+', '=', '-', '.'];
/** Marks, distinct from every level character and the same with or without colour. */
export const BEST_MARK = '◆';
export const CURSOR_MARK = '▣';

export interface Heatmap {
  cols: number;
  rows: number;
  /** Per display cell: min total Δv of its block (NaN: none) and the grid index of that minimum. */
  dv: Float64Array;
  arg: Int32Array;
  lo: number;
  hi: number;
}

/** Bins the porkchop grid into cols × rows display cells (launch → x, flight time → y, long flights on top). */
export function binPorkchop(pc: Porkchop, cols: number, rows: number): Heatmap {
  const nL = pc.launchJd.length;
  const nT = pc.tofDays.length;
  const c = Math.max(1, Math.min(cols, nL));
  const r = Math.max(1, Math.min(rows, nT));
  const dv = new Float64Array(c * r).fill(NaN);
  const arg = new Int32Array(c * r).fill(-1);
  for (let i = 0; i < nL; i++) {
    const x = Math.min(c - 1, Math.floor((i * c) / nL));
    for (let k = 0; k < nT; k++) {
      const y = r - 1 - Math.min(r - 1, Math.floor((k * r) / nT));
      const v = pc.dvTotal[i * nT + k];
      if (!Number.isFinite(v)) continue;
      const d = y * c + x;
      if (!(v >= dv[d])) {
        dv[d] = v;
        arg[d] = i * nT + k;
      }
    }
  }
  const lo = pc.best.dvTotalKmS;
  // Scale from the best trip to twice its Δv (at least +4 km/s): the interesting part of a porkchop.
  const hi = lo + Math.max(4, lo);
  return { cols: c, rows: r, dv, arg, lo, hi };
}

export function levelOf(v: number, lo: number, hi: number): number {
  if (!Number.isFinite(v) || v > hi) return -1;
  return Math.max(0, Math.min(LEVELS - 1, Math.floor(((v - lo) / (hi - lo)) * LEVELS)));
}

interface Props {
  session: Session;
  width: number;
  height: number;
  color?: boolean;
  setCapture: (on: boolean) => void;
  setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void;
}

interface Line {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
}

interface Cursor {
  x: number;
  y: number;
  cols: number;
  rows: number;
}

export function TrajectoryView({ session, width, height, color, setStatus }: Props) {
  const { c: tone } = useTheme();
  // The App's store also holds the running round-trip search: it outlives this view.
  const store = useContext(PersistContext);
  const target = session.target;
  const [direction, setDirection] = usePersistentState<'out' | 'back'>('traj.direction', 'out');
  // null: the scenario file's own window (also after r).
  const [browse, setBrowse] = usePersistentState<{ from: string; to: string } | null>('traj.browse', null);
  const original = session.scenario.status === 'ready' ? session.scenario.original : null;
  const scenarioWin = original ? windowOf(original, session.today) : defaultWindow(session.today);
  const win = browse ?? scenarioWin;
  // The porkchop with the key it was computed for: a frame never shows one porkchop under another's title.
  const [pcState, setPc] = useState<{ key: string; result: Result<Porkchop> }>({ key: '', result: { status: 'idle' } });
  const [trip, setTrip] = usePersistentState<{ key: string; result: Result<RoundTripResult>; what: string } | null>('traj.trip', null);
  const pcKey = `${target?.designation}:${direction}:${win.from}:${win.to}`;
  const pc: Result<Porkchop> = pcState.key === pcKey ? pcState.result : { status: 'running' };
  const [, setCursor, cursorRef] = usePersistentState<{ key: string; at: Cursor } | null>('traj.cursor', null);
  const [, setWarnings] = usePersistentState<string[]>('traj.warnings', []);

  const plotW = Math.max(10, width - 8);

  // Porkchop for target × direction × browsing window (cached for the session).
  useEffect(() => {
    if (!target) return;
    let live = true;
    const key = `pc:${pcKey}:${plotW}`;
    const cached = session.cache.get(key) as Porkchop | undefined;
    if (cached) {
      setPc({ key: pcKey, result: { status: 'done', value: cached } });
      setWarnings(cached.warnings);
      return;
    }
    setPc({ key: pcKey, result: { status: 'running' } });
    session.setBusyText('computing the porkchop…');
    const controller = new AbortController();
    const t = setImmediate(async () => {
      const api = requireExports<TrajectoryApi>(await session.engine('trajectory'), 'trajectory', ['porkchop', 'parseIsoToJdTdb']);
      if (!live) return;
      try {
        if (!api.ok) {
          setPc({ key: pcKey, result: { status: 'unavailable', reason: api.reason } });
          return;
        }
        const from = api.value.parseIsoToJdTdb(win.from, 'window.launch');
        const to = api.value.parseIsoToJdTdb(win.to, 'window.launch');
        // About two grid columns per screen column, never finer than 2 days.
        const step = Math.max(2, Math.min(10, Math.round((to - from) / (plotW * 2))));
        const o: PorkchopOptions = { direction, launchFromJd: from, launchToJd: to, tofMinDays: TOF_MIN_DAYS, tofMaxDays: TOF_MAX_DAYS, stepDays: step };
        const value =
          typeof api.value.porkchopAsync === 'function'
            ? await api.value.porkchopAsync(target, o, {
                signal: controller.signal,
                onProgress: (pr) => {
                  if (live) session.setBusyText(`computing the porkchop… ${pr.launchesDone}/${pr.launches} launch dates`);
                },
              })
            : api.value.porkchop(target, o);
        session.cache.set(key, value);
        if (live) {
          setPc({ key: pcKey, result: { status: 'done', value } });
          setWarnings(value.warnings);
        }
      } catch (err) {
        if (live) setPc({ key: pcKey, result: { status: 'error', message: (err as Error).message } });
      } finally {
        if (live) session.setBusyText(undefined);
      }
    });
    return () => {
      live = false;
      clearImmediate(t);
      controller.abort();
      session.setBusyText(undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pcKey, plotW]);

  const tripKey = target?.designation ?? '';
  const tripShown = trip && trip.key === tripKey ? trip : null;

  // Lines under the map (they decide how tall the map can be; they wrap, never cut).
  const p = pc.status === 'done' ? pc.value : null;
  const infoBase = (cursorText: string, bestText: string): Line[] => {
    const out: Line[] = [];
    out.push(...wrapText(cursorText, width, '  ').map((text) => ({ text })));
    out.push(...wrapText(bestText, width, '  ').map((text) => ({ text })));
    out.push(...missionLines(session, scenarioWin, width).map((text) => ({ text, color: session.windowPick ? 'cyan' : undefined })));
    out.push(...tripLines(tripShown, width));
    if (p && p.warnings.length > 0) {
      out.push({ text: truncate(`! ${p.warnings.length} warning${p.warnings.length > 1 ? 's' : ''} (! reads them): ${p.warnings[0]}`, width), color: 'yellow' });
    }
    return out;
  };

  // The map takes what the title, axes, legend and info lines leave.
  const titleText = target ? `${shortLabel(target)} · ${direction === 'out' ? 'Earth → asteroid' : 'asteroid → Earth'} · Δv km/s · ${direction === 'out' ? 'launch' : 'departure'} ${win.from}..${win.to}` : '';
  const titleLines = wrapText(titleText, width, '  ');
  const fixed = titleLines.length + 3; // axis, ticks, legend
  // Sized with the longest cursor and best lines these can be (they wrap on narrow terminals).
  const estimate = infoBase(`${CURSOR_MARK} cursor 2035-06-14 +330 d: Δv 10.53 km/s · C3 134.3 · v∞ arr 10.87`, `${BEST_MARK} best 10.49 km/s: 2035-06-10 +330 d (refined)`).length;
  const plotH = Math.max(3, height - fixed - estimate);
  const heat = useMemo(() => (p ? binPorkchop(p, plotW, plotH) : null), [p, plotW, plotH]);
  const bestXY = useMemo(() => {
    if (!heat) return null;
    let bi = -1;
    let bv = Infinity;
    for (let d = 0; d < heat.dv.length; d++) if (heat.dv[d] < bv) ((bv = heat.dv[d]), (bi = d));
    return bi < 0 ? null : { x: bi % heat.cols, y: Math.floor(bi / heat.cols) };
  }, [heat]);

  /** The cursor in this map's cells (kept across resizes by scaling, reset for another porkchop). */
  const cursorOn = (h: Heatmap): { x: number; y: number } | null => {
    const cur = cursorRef.current;
    if (!cur || cur.key !== pcKey) return bestXY;
    const scale = (v: number, n0: number, n1: number) => (n0 <= 1 ? 0 : Math.round((v * (n1 - 1)) / (n0 - 1)));
    return { x: Math.min(h.cols - 1, scale(cur.at.x, cur.at.cols, h.cols)), y: Math.min(h.rows - 1, scale(cur.at.y, cur.at.rows, h.rows)) };
  };

  const runTrip = async (what: string, from: string, to: string, overrides: Partial<TripConstraints> = {}) => {
    if (!target) return;
    const key = target.designation;
    // One search at a time: a new pick stops the previous one. Leaving the view does not: the
    // result is kept for when the view is shown again.
    (store?.get('traj.tripAbort') as AbortController | undefined)?.abort();
    const controller = new AbortController();
    store?.set('traj.tripAbort', controller);
    setTrip({ key, result: { status: 'running' }, what });
    session.setBusyText('searching round trips…');
    await new Promise<void>((r) => setImmediate(r));
    try {
      const api = requireExports<TrajectoryApi>(await session.engine('trajectory'), 'trajectory', ['searchRoundTrips', 'resolveConstraints', 'parseIsoToJdTdb']);
      if (!api.ok) {
        setTrip({ key, result: { status: 'unavailable', reason: api.reason }, what });
        return;
      }
      const doc = session.scenario.status === 'ready' ? session.scenario.doc : {};
      const limits = await scenarioTripLimits(doc);
      const c = api.value.resolveConstraints({
        launchFromJd: api.value.parseIsoToJdTdb(from, 'window.launch'),
        launchToJd: api.value.parseIsoToJdTdb(to, 'window.launch'),
        ...limits,
        ...overrides,
      });
      await new Promise<void>((r) => setImmediate(r));
      const value = typeof api.value.searchRoundTripsAsync === 'function' ? await api.value.searchRoundTripsAsync(target, c, { signal: controller.signal }) : api.value.searchRoundTrips(target, c);
      if (!controller.signal.aborted) setTrip({ key, result: { status: 'done', value }, what });
    } catch (err) {
      if (!controller.signal.aborted) setTrip({ key, result: { status: 'error', message: (err as Error).message }, what });
    } finally {
      if (store?.get('traj.tripAbort') === controller) {
        store.delete('traj.tripAbort');
        session.setBusyText(undefined);
      }
    }
  };

  /** Enter on the asteroid → Earth porkchop: stay and duration limits from the current plan's outbound leg. */
  const pickReturn = async (departJd: number, tofDays: number) => {
    if (!target) return;
    const st = session.plan;
    if (st.status !== 'done') {
      setStatus('The return porkchop sets the stay and duration around the current plan’s outbound leg: wait for the plan to finish (Mission, 3), or pick the launch on the Earth → asteroid porkchop (d).', 'warn');
      return;
    }
    const plan = st.plan as Plan;
    const tr = plan.trajectory;
    if (!tr.modelled || !plan.target.modelled || plan.target.designation !== target.designation) {
      setStatus(`No planned outbound leg to ${shortLabel(target)} yet${tr.modelled ? '' : ` (${tr.reason})`}: pick the launch on the Earth → asteroid porkchop first (d).`, 'warn');
      return;
    }
    const arriveJd = jdOfIso(tr.arrival);
    const launchJd = jdOfIso(tr.launch);
    const depart = jdToDate(departJd);
    if (departJd < arriveJd) {
      setStatus(`That return leaves the asteroid on ${depart}, before the plan arrives there (${tr.arrival.slice(0, 10)}): pick a later departure, or another launch on the Earth → asteroid porkchop (d).`, 'error');
      return;
    }
    const doc = session.scenario.status === 'ready' ? session.scenario.doc : {};
    let step = 8;
    try {
      step = (await scenarioTripLimits(doc)).stepDays ?? 8;
    } catch {
      /* the scenario's step is checked by the plan; 8 d (NHATS) for the arithmetic here */
    }
    // Stays come in whole grid steps; the total allows one step of slack for the leg grid.
    const minStay = Math.max(0, Math.floor((departJd - arriveJd) / step) * step);
    const maxTotal = Math.ceil(departJd + tofDays - launchJd) + step;
    const from = jdToDate(launchJd - PICK_HALF_WINDOW_DAYS);
    const to = jdToDate(launchJd + PICK_HALF_WINDOW_DAYS);
    session.pickWindow(
      { launch: `${from}..${to}`, minStayDays: `${minStay} d`, maxTotalDays: `${maxTotal} d` },
      { direction: 'back', summary: `stay ≥ ${minStay} d, total ≤ ${maxTotal} d, launch ${from}..${to}` },
    );
    setStatus(`Return picked: stay ≥ ${minStay} d and total ≤ ${maxTotal} d around the plan's launch ${tr.launch.slice(0, 10)} (leave ≈${depart}, ${Math.round(tofDays)} d home); re-planning.`, 'ok');
    void runTrip(`return ≈${depart}`, from, to, { minStayDays: minStay, maxDays: maxTotal });
  };

  useViewKeys((input, key) => {
    if (input === 'd') {
      setDirection((d) => (d === 'out' ? 'back' : 'out'));
      return;
    }
    if (input === '[' || input === ']') {
      const s = input === '[' ? -1 : 1;
      setBrowse({ from: shiftYear(win.from, s), to: shiftYear(win.to, s) });
      return;
    }
    if (input === 'r') {
      setBrowse(null);
      const restored = session.resetWindow();
      setStatus(
        restored
          ? `Mission window restored to the scenario's ${restored}; porkchop back to ${scenarioWin.from}..${scenarioWin.to}.`
          : `Porkchop back to the scenario's window ${scenarioWin.from}..${scenarioWin.to}.`,
        'ok',
      );
      return;
    }
    if (!heat || !p) {
      if (key.return || key.leftArrow || key.rightArrow || key.upArrow || key.downArrow) setStatus('The porkchop is still being computed: a moment.', 'info');
      return;
    }
    const cur = cursorOn(heat) ?? { x: 0, y: 0 };
    const move = (dx: number, dy: number) =>
      setCursor({ key: pcKey, at: { x: Math.max(0, Math.min(heat.cols - 1, cur.x + dx)), y: Math.max(0, Math.min(heat.rows - 1, cur.y + dy)), cols: heat.cols, rows: heat.rows } });
    if (key.leftArrow) move(-1, 0);
    else if (key.rightArrow) move(1, 0);
    else if (key.upArrow) move(0, -1);
    else if (key.downArrow) move(0, 1);
    else if (input === 'b' && bestXY) setCursor({ key: pcKey, at: { ...bestXY, cols: heat.cols, rows: heat.rows } });
    else if (key.return) {
      const idx = heat.arg[cur.y * heat.cols + cur.x];
      if (idx < 0) {
        setStatus('No ballistic trip under the cursor (blank cell): move to a marked cell.', 'warn');
        return;
      }
      const nT = p.tofDays.length;
      const jd = p.launchJd[Math.floor(idx / nT)];
      const tof = p.tofDays[idx % nT];
      if (direction === 'back') {
        void pickReturn(jd, tof);
        return;
      }
      // A month either side of the picked launch: the round-trip search then settles the legs.
      const from = jdToDate(jd - PICK_HALF_WINDOW_DAYS);
      const to = jdToDate(jd + PICK_HALF_WINDOW_DAYS);
      session.pickWindow({ launch: `${from}..${to}` }, { direction: 'out', summary: `launch ${from}..${to}` });
      setStatus(`Mission launch window ${from}..${to} (±${PICK_HALF_WINDOW_DAYS} d around the pick); re-planning.`, 'ok');
      void runTrip(`launch ≈${jdToDate(jd)}`, from, to);
    }
  });

  if (!target) return <Text>No target yet: pick one in Targets (1) with Enter.</Text>;
  if (pc.status === 'unavailable') return <Unavailable what="The porkchop" reason={pc.reason} />;
  if (pc.status === 'error') return <Text color={tone('red')} wrap="wrap">Porkchop for {shortLabel(target)}: {pc.message}</Text>;
  if (!p || !heat) return <Text>Computing the porkchop for {shortLabel(target)} ({win.from}..{win.to})…</Text>;

  const cur = cursorOn(heat) ?? { x: 0, y: 0 };
  const curIdx = heat.arg[cur.y * heat.cols + cur.x];
  const nT = p.tofDays.length;
  const cursorText =
    curIdx >= 0
      ? `${CURSOR_MARK} cursor ${jdToDate(p.launchJd[Math.floor(curIdx / nT)])} +${Math.round(p.tofDays[curIdx % nT])} d: Δv ${fmt(p.dvTotal[curIdx], 2)} km/s · C3 ${fmt(p.c3[curIdx], 1)} · v∞ arr ${fmt(p.vInfArr[curIdx], 2)}`
      : `${CURSOR_MARK} cursor: no ballistic solution in this cell`;
  const bestText = `${BEST_MARK} best ${fmt(p.best.dvTotalKmS, 2)} km/s: ${p.best.launch.slice(0, 10)} +${Math.round(p.best.tofDays)} d (${p.best.source})`;
  const info = infoBase(cursorText, bestText);

  const tofLabel = (y: number) => {
    const k = Math.round(((heat.rows - 1 - y + 0.5) * nT) / heat.rows);
    return String(Math.round(p.tofDays[Math.min(nT - 1, Math.max(0, k))]));
  };
  const rowsOut: React.ReactNode[] = [];
  for (let y = 0; y < heat.rows; y++) {
    const label = y === 0 ? tofLabel(y) : y === 1 ? 'TOF d' : y === heat.rows - 1 || (y === Math.floor(heat.rows / 2) && heat.rows > 4) ? tofLabel(y) : '';
    const segs: Array<{ text: string; bg?: string; fg?: string; inverse?: boolean; bold?: boolean }> = [];
    for (let x = 0; x < heat.cols; x++) {
      const lv = levelOf(heat.dv[y * heat.cols + x], heat.lo, heat.hi);
      const isBest = bestXY !== null && bestXY.x === x && bestXY.y === y;
      const isCur = cur.x === x && cur.y === y;
      let ch = color ? ' ' : lv < 0 ? ' ' : CHARS[lv];
      if (isBest) ch = BEST_MARK;
      if (isCur) ch = CURSOR_MARK;
      const mark = isBest || isCur;
      const seg = {
        text: ch,
        bg: color && lv >= 0 ? COLOURS[lv] : undefined,
        fg: color && mark ? 'black' : undefined,
        inverse: isCur && (!color || lv < 0),
        bold: mark,
      };
      const last = segs[segs.length - 1];
      if (last && !mark && !last.bold && last.bg === seg.bg && last.fg === seg.fg && last.inverse === seg.inverse) last.text += ch;
      else segs.push(seg);
    }
    rowsOut.push(
      <Text key={y} wrap="truncate">
        {cell(label, 5, 'right')} │
        {segs.map((s, i) => (
          <Text key={i} backgroundColor={s.bg} color={s.fg} inverse={s.inverse} bold={s.bold}>
            {s.text}
          </Text>
        ))}
      </Text>,
    );
  }
  const ticks = axisTicks(p.launchJd[0], p.launchJd[p.launchJd.length - 1], heat.cols);
  const steps = Array.from({ length: LEVELS }, (_, i) => heat.lo + ((heat.hi - heat.lo) * i) / LEVELS);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {titleLines.map((t, i) => (
        <Text key={`t${i}`} bold wrap="truncate">
          {t}
        </Text>
      ))}
      {rowsOut}
      <Text wrap="truncate">{'      └' + '─'.repeat(heat.cols)}</Text>
      <Text wrap="truncate">{'       ' + ticks}</Text>
      {color ? (
        <Text wrap="truncate">
          {COLOURS.map((c, i) => (
            <Text key={i} backgroundColor={c} color="black">
              {cell(fmt(steps[i], 1), 5)}
            </Text>
          ))}
          <Text dimColor> blank &gt;{fmt(heat.hi, 1)} km/s</Text>
        </Text>
      ) : (
        <Text dimColor wrap="truncate">
          {`${CHARS.map((c, i) => `${c}${fmt(steps[i], 1)}`).join(' ')}  blank >${fmt(heat.hi, 1)} km/s`}
        </Text>
      )}
      {info.map((l, i) => (
        <Text key={`i${i}`} color={tone(l.color)} bold={l.bold} dimColor={l.dim} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}

/** The mission window as the scenario now has it, and how it was set. */
function missionLines(session: Session, scenarioWin: { from: string; to: string }, width: number): string[] {
  if (session.scenario.status !== 'ready') return wrapText('Mission window: no scenario loaded', width, '  ');
  const w = windowOf(session.scenario.doc, session.today);
  const pick = session.windowPick;
  const text = pick
    ? `Mission ${pick.summary} (picked; r restores ${scenarioWin.from}..${scenarioWin.to})`
    : `Mission launch window ${w.from}..${w.to} (${w.basis === 'scenario' ? "the scenario's" : w.from === '2025-01-01' ? 'the default' : 'the default: from today'}; ⏎ picks a trip)`;
  return wrapText(text, width, '  ');
}

/** Launch-date ticks: years on a long axis, months on a short one (always at least one label). */
export function axisTicks(jd0: number, jd1: number, cols: number): string {
  const line = Array<string>(cols).fill(' ');
  const put = (jd: number, label: string): boolean => {
    const x = jd1 > jd0 ? Math.round(((jd - jd0) / (jd1 - jd0)) * (cols - 1)) : 0;
    if (x < 0 || x + label.length > cols) return false;
    if (!line.slice(Math.max(0, x - 1), x + label.length + 1).every((c) => c === ' ')) return false;
    for (let k = 0; k < label.length; k++) line[x + k] = label[k];
    return true;
  };
  const d0 = new Date((jd0 - 2440587.5) * 86400e3);
  const d1 = new Date((jd1 - 2440587.5) * 86400e3);
  const y0 = d0.getUTCFullYear();
  const y1 = d1.getUTCFullYear();
  const jdOf = (y: number, m: number) => {
    const d = new Date(0);
    d.setUTCFullYear(y, m, 1); // not Date.UTC, which reads years 0–99 as 19xx
    return d.getTime() / 86400e3 + 2440587.5;
  };
  let placed = 0;
  if (jd1 - jd0 >= 730) {
    const every = Math.max(1, Math.ceil(((y1 - y0 + 1) * 5) / cols));
    for (let y = y0 + 1; y <= y1; y += every) if (put(jdOf(y, 0), String(y))) placed++;
  }
  if (placed === 0) {
    // Short windows: months as YYYY-MM, as many as fit.
    const months = (y1 - y0) * 12 + d1.getUTCMonth() - d0.getUTCMonth() + 1;
    const every = Math.max(1, Math.ceil((months * 8) / Math.max(8, cols)));
    for (let m = 1; m <= months; m += every) {
      const y = y0 + Math.floor((d0.getUTCMonth() + m) / 12);
      const mo = (d0.getUTCMonth() + m) % 12;
      const jd = jdOf(y, mo);
      if (jd <= jd1 && put(jd, `${y}-${String(mo + 1).padStart(2, '0')}`)) placed++;
    }
  }
  if (placed === 0) put(jd0, d0.toISOString().slice(0, 10));
  return line.join('');
}

function tripLine(name: string, t: TripSolution): string {
  return `${name.padEnd(8)} ${t.launch.slice(0, 10)}  ${Math.round(t.outDays)}+${Math.round(t.stayDays)}+${Math.round(t.returnDays)} = ${Math.round(t.totalDays)} d  Δv ${fmt(t.dvTotalKmS, 2)}  C3 ${fmt(t.c3, 1)}  entry ${fmt(t.entrySpeedKmS, 1)} km/s`;
}

function tripLines(trip: { result: Result<RoundTripResult>; what: string } | null, width: number): Line[] {
  const wrap = (text: string, extra: Omit<Line, 'text'> = {}) => wrapText(text, width, '  ').map((t) => ({ text: t, ...extra }));
  if (!trip || trip.result.status === 'idle') return wrap('Round trip: ⏎ on a cell sets the mission window and searches round trips there.', { dim: true });
  const r = trip.result;
  if (r.status === 'running') return wrap(`Round trip (${trip.what}): searching…`);
  if (r.status === 'unavailable') return wrap(`Round trip is not available: ${r.reason}`, { color: 'yellow' });
  if (r.status === 'error') return wrap(`Round trip (${trip.what}): ${r.message}`, { color: 'red' });
  const v = r.value;
  const c = v.constraints;
  const out = wrap(`Round trips, ${trip.what} (out+stay+back d): total ≤${Math.round(c.maxDays)} d, stay ≥${Math.round(c.minStayDays)} d, C3 ≤${c.maxC3}, Δv ≤${c.maxDvKmS}`, { dim: true });
  out.push(...wrap(tripLine('min Δv', v.minDv)));
  if (v.minDuration.launch !== v.minDv.launch || v.minDuration.totalDays !== v.minDv.totalDays) out.push(...wrap(tripLine('shortest', v.minDuration)));
  return out;
}
