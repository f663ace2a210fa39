// Trajectory: a porkchop heatmap of total Δv for the selected target (coloured cells, or
// characters by level without colour), the best trip marked, a launch × flight-time cursor, and
// the NHATS-style round trip for the picked launch window.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { Porkchop, PorkchopOptions } from '../../../src/trajectory/porkchop.js';
import type { RoundTripResult, TripConstraints, TripSolution } from '../../../src/trajectory/round-trip.js';
import type { TrajectoryTarget } from '../../../src/trajectory/ephemeris-lattice.js';
import { requireExports } from '../engine.js';
import { useStateRef, useViewKeys } from '../hooks.js';
import { getPath, type Session } from '../session.js';
import { shortLabel } from '../types.js';
import { cell, fmt, jdToDate } from '../text.js';
import { Unavailable } from '../components.js';

export const TRAJECTORY_KEYS = '←→↑↓ cursor  ⏎ pick trip  b best  d direction  [ ] window';
export const TRAJECTORY_HELP: Array<[string, string]> = [
  ['← → ↑ ↓', 'move the cursor over launch date (x) and flight time (y)'],
  ['Enter', 'pick the trip under the cursor: round trip around that launch, and the mission window'],
  ['b', 'cursor to the best (lowest total Δv) trip'],
  ['d', 'Earth → asteroid or asteroid → Earth porkchop'],
  ['[ / ]', 'shift the launch window one year earlier / later'],
];

interface TrajectoryApi {
  porkchop(target: TrajectoryTarget, o: PorkchopOptions): Porkchop;
  searchRoundTrips(target: TrajectoryTarget, c: TripConstraints, opts?: { signal?: AbortSignal }): RoundTripResult;
  resolveConstraints(c: Partial<TripConstraints> & { launchFromJd: number; launchToJd: number }): TripConstraints;
  parseIsoToJdTdb(iso: string, field?: string): number;
}

const TOF_MIN_DAYS = 30;
const TOF_MAX_DAYS = 400;
/** The scenario schema's default window when a scenario does not give one. */
const DEFAULT_WINDOW = { from: '2030-01-01', to: '2040-01-01' };

type Result<T> = { status: 'idle' } | { status: 'running' } | { status: 'done'; value: T } | { status: 'error'; message: string } | { status: 'unavailable'; reason: string };

/** Launch window of the scenario ("FROM..TO" or {from, to}). */
export function scenarioWindow(session: Session): { from: string; to: string } {
  if (session.scenario.status !== 'ready') return DEFAULT_WINDOW;
  const w = getPath(session.scenario.doc, ['window', 'launch']);
  if (typeof w === 'string' && /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(w)) {
    const [from, to] = w.split('..');
    return { from, to };
  }
  if (w && typeof w === 'object' && typeof (w as { from?: unknown }).from === 'string' && typeof (w as { to?: unknown }).to === 'string') {
    return w as { from: string; to: string };
  }
  return DEFAULT_WINDOW;
}

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

function shiftYear(iso: string, years: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** Heat levels: 0 best … LEVELS-1 worst shown; cells above the cap or without a solution are blank. */
export const LEVELS = 8;
const COLOURS = ['#1a9850', '#66bd63', '#a6d96a', '#d9ef8b', '#fee08b', '#fdae61', '#f46d43', '#d73027'];
const CHARS = ['@', '%', '#', '*', '+', '=', '-', '.'];

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

export function TrajectoryView({ session, width, height, color, setStatus }: Props) {
  const target = session.target;
  const [direction, setDirection] = useState<'out' | 'back'>('out');
  const [window, setWindow] = useState(() => scenarioWindow(session));
  const [pc, setPc] = useState<Result<Porkchop>>({ status: 'idle' });
  const [trip, setTrip] = useState<Result<RoundTripResult>>({ status: 'idle' });
  const [tripWindow, setTripWindow] = useState<{ from: string; to: string } | null>(null);
  const [cursor, setCursor, cursorRef] = useStateRef<{ x: number; y: number } | null>(null);

  const plotW = Math.max(10, width - 8);
  const plotH = Math.max(4, height - 11);

  // Porkchop for target × direction × window (cached for the session).
  useEffect(() => {
    if (!target) return;
    let live = true;
    const key = `pc:${target.designation}:${direction}:${window.from}:${window.to}:${plotW}`;
    const cached = session.cache.get(key) as Porkchop | undefined;
    if (cached) {
      setPc({ status: 'done', value: cached });
      return;
    }
    setPc({ status: 'running' });
    session.setBusyText('computing the porkchop…');
    const t = setImmediate(async () => {
      const api = requireExports<TrajectoryApi>(await session.engine('trajectory'), 'trajectory', ['porkchop', 'parseIsoToJdTdb']);
      if (!live) return;
      try {
        if (!api.ok) {
          setPc({ status: 'unavailable', reason: api.reason });
          return;
        }
        const from = api.value.parseIsoToJdTdb(window.from, 'window.launch');
        const to = api.value.parseIsoToJdTdb(window.to, 'window.launch');
        // About two grid columns per screen column, never finer than 2 days.
        const step = Math.max(2, Math.min(10, Math.round((to - from) / (plotW * 2))));
        const value = api.value.porkchop(target, { direction, launchFromJd: from, launchToJd: to, tofMinDays: TOF_MIN_DAYS, tofMaxDays: TOF_MAX_DAYS, stepDays: step });
        session.cache.set(key, value);
        if (live) setPc({ status: 'done', value });
      } catch (err) {
        if (live) setPc({ status: 'error', message: (err as Error).message });
      } finally {
        session.setBusyText(undefined);
      }
    });
    return () => {
      live = false;
      clearImmediate(t);
      session.setBusyText(undefined);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target?.designation, direction, window.from, window.to, plotW]);

  const heat = useMemo(() => (pc.status === 'done' ? binPorkchop(pc.value, plotW, plotH) : null), [pc, plotW, plotH]);
  const bestXY = useMemo(() => {
    if (!heat || pc.status !== 'done') return null;
    let bi = -1;
    let bv = Infinity;
    for (let d = 0; d < heat.dv.length; d++) if (heat.dv[d] < bv) ((bv = heat.dv[d]), (bi = d));
    return bi < 0 ? null : { x: bi % heat.cols, y: Math.floor(bi / heat.cols) };
  }, [heat, pc.status]);
  useEffect(() => {
    if (bestXY) setCursor((c) => c ?? bestXY);
  }, [bestXY]);

  const runTrip = async (from: string, to: string) => {
    if (!target) return;
    setTripWindow({ from, to });
    setTrip({ status: 'running' });
    session.setBusyText('searching round trips…');
    await new Promise<void>((r) => setImmediate(r));
    try {
      const api = requireExports<TrajectoryApi>(await session.engine('trajectory'), 'trajectory', ['searchRoundTrips', 'resolveConstraints', 'parseIsoToJdTdb']);
      if (!api.ok) {
        setTrip({ status: 'unavailable', reason: api.reason });
        return;
      }
      const doc = session.scenario.status === 'ready' ? session.scenario.doc : {};
      const limits = await scenarioTripLimits(doc);
      const c = api.value.resolveConstraints({
        launchFromJd: api.value.parseIsoToJdTdb(from, 'window.launch'),
        launchToJd: api.value.parseIsoToJdTdb(to, 'window.launch'),
        ...limits,
      });
      await new Promise<void>((r) => setImmediate(r));
      setTrip({ status: 'done', value: api.value.searchRoundTrips(target, c) });
    } catch (err) {
      setTrip({ status: 'error', message: (err as Error).message });
    } finally {
      session.setBusyText(undefined);
    }
  };

  useViewKeys((input, key) => {
    if (input === 'd') {
      setDirection((d) => (d === 'out' ? 'back' : 'out'));
      setCursor(null);
      return;
    }
    if (input === '[' || input === ']') {
      const s = input === '[' ? -1 : 1;
      setWindow((w) => ({ from: shiftYear(w.from, s), to: shiftYear(w.to, s) }));
      setCursor(null);
      return;
    }
    if (!heat) return;
    // Functional updates: held arrow keys deliver several events between two renders.
    const move = (dx: number, dy: number) =>
      setCursor((c) => {
        const from = c ?? bestXY ?? { x: 0, y: 0 };
        return { x: Math.max(0, Math.min(heat.cols - 1, from.x + dx)), y: Math.max(0, Math.min(heat.rows - 1, from.y + dy)) };
      });
    const cursor = cursorRef.current ?? bestXY;
    if (key.leftArrow) move(-1, 0);
    else if (key.rightArrow) move(1, 0);
    else if (key.upArrow) move(0, -1);
    else if (key.downArrow) move(0, 1);
    else if (input === 'b' && bestXY) setCursor(bestXY);
    else if (key.return && pc.status === 'done' && cursor) {
      const idx = heat.arg[cursor.y * heat.cols + cursor.x];
      if (idx < 0) {
        setStatus('No ballistic trip under the cursor; move to a coloured cell.', 'warn');
        return;
      }
      const nT = pc.value.tofDays.length;
      const launchJd = pc.value.launchJd[Math.floor(idx / nT)];
      // A month either side of the picked launch: the round trip search then settles the legs.
      const from = jdToDate(launchJd - 30);
      const to = jdToDate(launchJd + 30);
      session.setField(['window', 'launch'], `${from}..${to}`);
      setStatus(`Mission launch window set to ${from}..${to}; re-planning (Mission view, 3).`, 'ok');
      void runTrip(from, to);
    }
  });

  if (!target) return <Text>No target yet: pick one in Targets (1) with Enter.</Text>;
  if (pc.status === 'unavailable') return <Unavailable what="The porkchop" reason={pc.reason} />;
  if (pc.status === 'error') return <Text color="red" wrap="wrap">Porkchop for {shortLabel(target)}: {pc.message}</Text>;
  if (pc.status !== 'done' || !heat) return <Text>Computing the porkchop for {shortLabel(target)}…</Text>;

  const p = pc.value;
  const cur = cursor ?? bestXY ?? { x: 0, y: 0 };
  const curIdx = heat.arg[cur.y * heat.cols + cur.x];
  const nT = p.tofDays.length;
  const title = `${shortLabel(target)} · ${direction === 'out' ? 'Earth → asteroid' : 'asteroid → Earth'} total Δv, km/s · step ${p.stepDays} d`;
  const tofLabel = (y: number) => {
    const k = Math.round(((heat.rows - 1 - y + 0.5) * nT) / heat.rows);
    return String(Math.round(p.tofDays[Math.min(nT - 1, Math.max(0, k))]));
  };
  const rowsOut: React.ReactNode[] = [];
  for (let y = 0; y < heat.rows; y++) {
    const label = y === 0 || y === heat.rows - 1 || y === Math.floor(heat.rows / 2) ? tofLabel(y) : '';
    const segs: Array<{ text: string; bg?: string; fg?: string; inverse?: boolean }> = [];
    for (let x = 0; x < heat.cols; x++) {
      const lv = levelOf(heat.dv[y * heat.cols + x], heat.lo, heat.hi);
      const isBest = bestXY !== null && bestXY.x === x && bestXY.y === y;
      const isCur = cur.x === x && cur.y === y;
      let ch = color ? ' ' : lv < 0 ? ' ' : CHARS[lv];
      if (isBest) ch = color ? '◆' : 'X';
      if (isCur) ch = '+';
      const seg = { text: ch, bg: color && lv >= 0 ? COLOURS[lv] : undefined, fg: color ? (isCur || isBest ? 'black' : undefined) : undefined, inverse: isCur && (!color || lv < 0) };
      const last = segs[segs.length - 1];
      if (last && last.bg === seg.bg && last.fg === seg.fg && last.inverse === seg.inverse && !isBest && !isCur && !last.text.includes('+') && !last.text.includes('◆') && !last.text.includes('X')) last.text += ch;
      else segs.push(seg);
    }
    rowsOut.push(
      <Text key={y} wrap="truncate">
        {cell(label, 5, 'right')} │
        {segs.map((s, i) => (
          <Text key={i} backgroundColor={s.bg} color={s.fg} inverse={s.inverse}>
            {s.text}
          </Text>
        ))}
      </Text>,
    );
  }
  const years = axisTicks(p.launchJd[0], p.launchJd[p.launchJd.length - 1], heat.cols);
  const legend = color
    ? null
    : `${CHARS.map((c, i) => `${c}${fmt(heat.lo + ((heat.hi - heat.lo) * i) / LEVELS, 1)}`).join(' ')} blank >${fmt(heat.hi, 1)}`;
  const curText =
    curIdx >= 0
      ? `cursor ${jdToDate(p.launchJd[Math.floor(curIdx / nT)])} +${Math.round(p.tofDays[curIdx % nT])} d: Δv ${fmt(p.dvTotal[curIdx], 2)} C3 ${fmt(p.c3[curIdx], 1)} v∞arr ${fmt(p.vInfArr[curIdx], 2)}`
      : 'cursor: no ballistic solution here';
  const bestText = `best ◆ ${fmt(p.best.dvTotalKmS, 2)} km/s ${p.best.launch.slice(0, 10)} +${Math.round(p.best.tofDays)} d (${p.best.source})`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">{title}</Text>
      <Text dimColor wrap="truncate">{cell(' TOF d', 6)}</Text>
      {rowsOut}
      <Text wrap="truncate">{'      └' + '─'.repeat(heat.cols)}</Text>
      <Text wrap="truncate">{'       ' + years}</Text>
      {legend ? (
        <Text dimColor wrap="truncate">
          {legend}
        </Text>
      ) : (
        <Text wrap="truncate">
          {COLOURS.map((c, i) => (
            <Text key={i} backgroundColor={c} color="black">
              {cell(fmt(heat.lo + ((heat.hi - heat.lo) * i) / LEVELS, 1), 5)}
            </Text>
          ))}
          <Text dimColor> blank &gt;{fmt(heat.hi, 1)} km/s</Text>
        </Text>
      )}
      <Text wrap="truncate">{cell(`${curText}   ${bestText}`, width)}</Text>
      <TripSummary trip={trip} window={tripWindow} width={width} />
      {p.warnings.length > 0 ? (
        <Text color="yellow" wrap="truncate">
          ! {p.warnings[0]}
        </Text>
      ) : null}
    </Box>
  );
}

function axisTicks(jd0: number, jd1: number, cols: number): string {
  const line = Array<string>(cols).fill(' ');
  const y0 = new Date((jd0 - 2440587.5) * 86400e3).getUTCFullYear();
  const y1 = new Date((jd1 - 2440587.5) * 86400e3).getUTCFullYear();
  const every = Math.max(1, Math.ceil(((y1 - y0 + 1) * 5) / cols));
  for (let y = y0 + 1; y <= y1; y += every) {
    const jd = Date.UTC(y, 0, 1) / 86400e3 + 2440587.5;
    const x = Math.round(((jd - jd0) / (jd1 - jd0)) * (cols - 1));
    if (x >= 0 && x + 4 <= cols && line.slice(Math.max(0, x - 1), x + 5).every((c) => c === ' ')) {
      for (let k = 0; k < 4; k++) line[x + k] = String(y)[k];
    }
  }
  return line.join('');
}

function tripLine(name: string, t: TripSolution): string {
  return `${name}: ${t.launch.slice(0, 10)} out ${Math.round(t.outDays)} + stay ${Math.round(t.stayDays)} + back ${Math.round(t.returnDays)} = ${Math.round(t.totalDays)} d, Δv ${fmt(t.dvTotalKmS, 2)} km/s (C3 ${fmt(t.c3, 1)}, entry ${fmt(t.entrySpeedKmS, 1)} km/s)`;
}

function TripSummary({ trip, window, width }: { trip: Result<RoundTripResult>; window: { from: string; to: string } | null; width: number }) {
  if (trip.status === 'idle') return <Text dimColor wrap="truncate">Round trip: Enter on a cell searches NHATS-style round trips launching within ±30 d of it.</Text>;
  if (trip.status === 'running') return <Text wrap="truncate">Round trip: searching {window ? `${window.from}..${window.to}` : ''}…</Text>;
  if (trip.status === 'unavailable') return <Text color="yellow" wrap="truncate">Round trip is not available: {trip.reason}</Text>;
  if (trip.status === 'error') return <Text color="red" wrap="truncate">Round trip {window ? `${window.from}..${window.to}` : ''}: {trip.message}</Text>;
  const r = trip.value;
  const c = r.constraints;
  return (
    <Box flexDirection="column" width={width}>
      <Text dimColor wrap="truncate">{`Round trips ${window ? `${window.from}..${window.to}` : ''}: total ≤ ${Math.round(c.maxDays)} d, stay ≥ ${Math.round(c.minStayDays)} d, C3 ≤ ${c.maxC3}, Δv ≤ ${c.maxDvKmS} km/s`}</Text>
      <Text wrap="truncate">{tripLine('Round trip min Δv', r.minDv)}</Text>
      {r.minDuration.launch !== r.minDv.launch || r.minDuration.totalDays !== r.minDv.totalDays ? <Text wrap="truncate">{tripLine('shortest', r.minDuration)}</Text> : null}
    </Box>
  );
}
