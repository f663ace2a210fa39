// Target browser: the catalog as a scrollable, sortable, searchable table with the selected
// asteroid's details beside it (i: all of them, scrollable). Sort, filters, search and cursor
// survive view switches. Rows the planner cannot size are marked ✗ and refused with a reason.
import React, { useEffect, useMemo, useRef } from 'react';
import { Box, Text } from 'ink';
import type { Asteroid, CatalogApi } from '../types.js';
import { asteroidLabel, shortLabel } from '../types.js';
import { cell, fmt, fmtMass, fmtSize, fmtSizeRange, jdToDate, sig, wrapText } from '../text.js';
import type { LineEdit } from '../line-edit.js';
import { editLine } from '../line-edit.js';
import { Pager, Unavailable, scrollKey, type PagerLine } from '../components.js';
import { usePersistentState, useStateRef, useTheme, useViewKeys } from '../hooks.js';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'ready'; asteroids: Asteroid[]; api: CatalogApi }
  | { status: 'unavailable'; reason: string }
  | { status: 'error'; message: string };

export const SORTS = ['dv', 'diameter', 'class', 'spectral', 'name'] as const;
export type SortKey = (typeof SORTS)[number];
const CLASSES = ['all', 'Atira', 'Aten', 'Apollo', 'Amor', 'MBA', 'Other'] as const;
const SPECTRAL = ['all', 'C', 'S', 'X', 'M', 'V', 'unknown'] as const;

export const TARGETS_KEYS = '⏎ pick  / find  s/r sort  c/t/v filter  x clear  i info';
export const TARGETS_HELP: Array<[string, string]> = [
  ['↑ ↓ PgUp PgDn', 'move through the table'],
  ['g / G, Home / End', 'first / last row'],
  ['Enter', 'pick the target and open its trajectory (refused for ✗ rows: no size or mass estimate, so a mission cannot be sized)'],
  ['i', "all of the highlighted asteroid's details: orbit, size, composition and analogue, warnings (↑ ↓ scroll, i or Esc closes)"],
  ['/', 'search by name, number or designation (Enter keeps it and picks the highlighted match, Esc clears)'],
  ['s / r', 'cycle the sort column (Δv, size, class, type, name) / reverse it'],
  ['c / t', 'cycle the orbit-class / spectral-type filter'],
  ['v', 'maximum Δv filter in km/s (empty for none)'],
  ['x', 'clear search and filters'],
];

export interface TargetFilters {
  query: string;
  orbitClass: (typeof CLASSES)[number];
  spectral: (typeof SPECTRAL)[number];
  maxDv: number | null;
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_FILTERS: TargetFilters = { query: '', orbitClass: 'all', spectral: 'all', maxDv: null, sort: 'dv', descending: false };

/**
 * Whether `plan` can size a mission to this asteroid: it needs the body's mass (from a size
 * estimate), as the scenario chain requires. A catalog without masses falls back on the diameter.
 */
export function plannable(a: Asteroid): boolean {
  if (a.massKg !== undefined) return a.massKg !== null && a.massKg > 0;
  return a.diameterKm !== null;
}

export function unplannableReason(a: Asteroid): string {
  const why = a.H === null ? 'no absolute magnitude H and no measured size' : 'no size estimate';
  return `${shortLabel(a)} cannot be planned: ${why}, so its mass (the feedstock) is unknown`;
}

/** Spectral family for filtering: "Sq" → S, "Ch" → C, "B" → C (carbonaceous complex), "Xk" → X. */
export function spectralFamily(t: string | null): string {
  if (!t) return 'unknown';
  const c = t.trim()[0]?.toUpperCase() ?? '';
  if (c === 'B' || c === 'D' || c === 'T' || c === 'K' || c === 'L') return c === 'B' ? 'C' : c;
  return c || 'unknown';
}

export function filterAndSort(all: Asteroid[], f: TargetFilters): Asteroid[] {
  const q = f.query.trim().toLowerCase();
  const rows = all.filter((a) => {
    if (f.orbitClass !== 'all' && a.orbitClass !== f.orbitClass) return false;
    if (f.spectral !== 'all' && spectralFamily(a.spectralType) !== f.spectral) return false;
    if (f.maxDv !== null && !(a.dvKmS !== null && a.dvKmS <= f.maxDv)) return false;
    if (q) {
      const hay = `${a.number ?? ''} ${a.name ?? ''} ${a.designation} ${a.packed ?? ''}`.toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
  const key = (a: Asteroid): number | string | null => {
    switch (f.sort) {
      case 'dv':
        return a.dvKmS;
      case 'diameter':
        return a.diameterKm;
      case 'class':
        return a.orbitClass;
      case 'spectral':
        return a.spectralType;
      case 'name':
        return (a.name ?? a.designation).toLowerCase();
    }
  };
  const dir = f.descending ? -1 : 1;
  // Missing values always sink to the bottom, whatever the direction.
  return rows.sort((x, y) => {
    const a = key(x);
    const b = key(y);
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    return c === 0 ? x.designation.localeCompare(y.designation) : dir * c;
  });
}

interface Props {
  state: CatalogState;
  /** How the search bar names the session's catalog: "bundled" or the file's name. */
  catalogName: string;
  /** The session's date (YYYY-MM-DD): orbit epoch ages in the warnings are counted to it. */
  today: string;
  selected: Asteroid | null;
  onPick: (a: Asteroid) => void;
  width: number;
  height: number;
  setCapture: (on: boolean) => void;
  setStatus: (text: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void;
  /** Clears the status line if it still shows `text` (a message about a row the cursor has left). */
  clearStatus?: (text: string) => void;
}

export function TargetsView({ state, catalogName, today, selected, onPick, width, height, setCapture, setStatus, clearStatus }: Props) {
  const { c } = useTheme();
  const [cursor, setCursor, cursorRef] = usePersistentState('targets.cursor', 0);
  const [top, setTop] = usePersistentState('targets.top', 0);
  const [edit, setEdit, editRef] = useStateRef<{ field: 'query' | 'maxDv'; line: LineEdit } | null>(null);
  const [filters, setFilters, filtersRef] = usePersistentState<TargetFilters>('targets.filters', DEFAULT_FILTERS);
  // The full details of the highlighted row (i), with its scroll offset.
  const [info, setInfo, infoRef] = useStateRef<number | null>(null);
  const asteroids = state.status === 'ready' ? state.asteroids : [];
  const rows = useMemo(() => filterAndSort(asteroids.slice(), filters), [asteroids, filters]);

  const side = width >= 76;
  const detailsWidth = side ? Math.min(34, width - 46) : width;
  const tableWidth = side ? width - detailsWidth - 1 : width;
  const detailsHeight = side ? height - 1 : Math.min(7, Math.max(0, height - 6));
  const visible = Math.max(1, height - 2 - (side ? 0 : detailsHeight));

  useEffect(() => {
    setCursor((c) => Math.min(c, Math.max(0, rows.length - 1)));
  }, [rows.length]);
  useEffect(() => {
    if (cursor < top) setTop(cursor);
    else if (cursor >= top + visible) setTop(cursor - visible + 1);
  }, [cursor, top, visible]);

  const current = rows[cursor] ?? null;
  // The "cannot plan this row" message is about one row: it goes when the cursor leaves that row.
  const rowError = useRef<{ designation: string; text: string } | null>(null);
  useEffect(() => {
    const e = rowError.current;
    if (e && e.designation !== current?.designation) {
      clearStatus?.(e.text);
      rowError.current = null;
    }
  }, [current, clearStatus]);
  const infoLines = useMemo(() => (current && state.status === 'ready' ? detailLines(current, state.api, width, today) : []), [current, state, width, today]);

  /** Picks the row under the cursor (the latest cursor and filters, even if a key arrived before their render). */
  const pickHighlighted = (f: typeof filtersRef.current, at: number) => {
    const picked = filterAndSort(asteroids.slice(), f)[at];
    if (!picked) return;
    if (!plannable(picked)) {
      const text = `${unplannableReason(picked)}. Pick another target (✗ marks these rows; i shows the details).`;
      rowError.current = { designation: picked.designation, text };
      setStatus(text, 'error');
      return;
    }
    onPick(picked);
  };

  useViewKeys(
    (input, key) => {
      if (infoRef.current !== null) {
        const next = scrollKey(key, input, infoRef.current, infoLines.length, Math.max(1, height - 2));
        if (next !== null) setInfo(next);
        else if (key.escape || input === 'i' || key.return) {
          setInfo(null);
          setCapture(false);
        }
        return;
      }
      const edit = editRef.current;
      const filters = filtersRef.current;
      if (edit) {
        const r = editLine(edit.line, input, key);
        if (r.kind === 'edit') {
          setEdit({ ...edit, line: r.line });
          if (edit.field === 'query') {
            setFilters((f) => ({ ...f, query: r.line.text }));
            setCursor(0);
          }
        } else if (r.kind === 'cancel') {
          if (edit.field === 'query') setFilters((f) => ({ ...f, query: '' }));
          setEdit(null);
          setCapture(false);
        } else if (r.kind === 'submit') {
          if (edit.field === 'maxDv') {
            const t = r.line.text.trim();
            const v = t === '' ? null : Number(t.replace(/\s*km\/s$/i, ''));
            if (v !== null && !(Number.isFinite(v) && v > 0)) {
              setStatus(`max Δv: '${t}' is not a speed in km/s (e.g. 5.5)`, 'error');
              return;
            }
            setFilters((f) => ({ ...f, maxDv: v }));
            setCursor(0);
          }
          setEdit(null);
          setCapture(false);
          // Enter on a search keeps the filter and picks the highlighted match, as ⏎ says.
          if (edit.field === 'query' && r.line.text.trim() !== '') pickHighlighted({ ...filters, query: r.line.text }, r.line.text === filters.query ? cursorRef.current : 0);
        }
        return;
      }
      if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
      else if (key.downArrow) setCursor((c) => Math.min(rows.length - 1, c + 1));
      else if (key.pageUp) setCursor((c) => Math.max(0, c - visible));
      else if (key.pageDown) setCursor((c) => Math.min(rows.length - 1, c + visible));
      else if (key.home || input === 'g') setCursor(0);
      else if (key.end || input === 'G') setCursor(Math.max(0, rows.length - 1));
      else if (key.return) pickHighlighted(filtersRef.current, cursorRef.current);
      else if (input === 'i') {
        if (!current) return;
        setInfo(0);
        setCapture(true);
      } else if (input === '/') {
        setEdit({ field: 'query', line: { text: filters.query, cursor: filters.query.length } });
        setCapture(true);
      } else if (input === 'v') {
        const t = filters.maxDv === null ? '' : String(filters.maxDv);
        setEdit({ field: 'maxDv', line: { text: t, cursor: t.length } });
        setCapture(true);
      } else if (input === 's') {
        setFilters((f) => ({ ...f, sort: SORTS[(SORTS.indexOf(f.sort) + 1) % SORTS.length], descending: false }));
        setCursor(0);
      } else if (input === 'r') {
        setFilters((f) => ({ ...f, descending: !f.descending }));
        setCursor(0);
      } else if (input === 'c') {
        setFilters((f) => ({ ...f, orbitClass: CLASSES[(CLASSES.indexOf(f.orbitClass) + 1) % CLASSES.length] }));
        setCursor(0);
      } else if (input === 't') {
        setFilters((f) => ({ ...f, spectral: SPECTRAL[(SPECTRAL.indexOf(f.spectral) + 1) % SPECTRAL.length] }));
        setCursor(0);
      } else if (input === 'x') {
        setFilters({ ...DEFAULT_FILTERS, sort: filters.sort, descending: filters.descending });
        setCursor(0);
      }
    },
  );

  if (state.status === 'loading') {
    return (
      <Box flexDirection="column">
        <Text wrap="truncate">Loading the asteroid catalog ({catalogName})…</Text>
        <Text dimColor wrap="wrap">
          Meanwhile: 3 opens the Mission view (the scenario plans in the background), ? lists every key.
        </Text>
      </Box>
    );
  }
  if (state.status === 'unavailable') return <Unavailable what="The target catalog" reason={state.reason} />;
  if (state.status === 'error') return <Text color={c('red')} wrap="wrap">Catalog: {state.message}</Text>;
  if (info !== null && current) {
    return <Pager title={`Details: ${asteroidLabel(current)}`} lines={infoLines} width={width} height={height} offset={info} hint="i or Esc closes" />;
  }

  const sortName = { dv: 'Δv', diameter: 'size', class: 'class', spectral: 'type', name: 'name' }[filters.sort];
  const searchText = edit?.field === 'query' ? withCursor(edit.line) : filters.query || '—';
  const maxDvText = edit?.field === 'maxDv' ? withCursor(edit.line) + ' km/s' : filters.maxDv === null ? 'any' : `≤${filters.maxDv}`;
  const bar = searchBar(`/${searchText}  sort ${sortName}${filters.descending ? '↓' : '↑'}  class ${filters.orbitClass}  type ${filters.spectral}  Δv ${maxDvText}`, catalogName, `${rows.length}/${asteroids.length}`, width);

  // name | class | type | D km | Δv
  const wNum = 6;
  const wCls = 6;
  const wSpec = 4;
  const wName = Math.max(8, tableWidth - 2 - wCls - wSpec - wNum * 2 - 5);
  const header = `  ${cell('Target', wName)} ${cell('Class', wCls)} ${cell('Type', wSpec)} ${cell('Size', wNum + 1, 'right')} ${cell('Δv', wNum, 'right')}`;
  const shown = rows.slice(top, top + visible);

  const table = (
    <Box flexDirection="column" width={tableWidth} overflow="hidden">
      <Text bold wrap="truncate">{cell(header, tableWidth)}</Text>
      {shown.length === 0 ? <Text dimColor>No asteroid matches the search and filters (x clears them).</Text> : null}
      {shown.map((a, i) => {
        const idx = top + i;
        const isCur = idx === cursor;
        const isSel = selected?.designation === a.designation;
        // Column 1: the cursor (visible without colour or inverse); column 2: the picked target, or ✗ (cannot be planned).
        const mark = isSel ? '●' : plannable(a) ? ' ' : '✗';
        const line = `${isCur ? '>' : ' '}${mark}${cell(asteroidLabel(a), wName)} ${cell(a.orbitClass, wCls)} ${cell(a.spectralType ?? '?', wSpec)} ${cell(fmtSize(a.diameterKm), wNum + 1, 'right')} ${cell(a.dvKmS === null ? '—' : fmt(a.dvKmS, 2), wNum, 'right')}`;
        return (
          <Text key={a.designation} inverse={isCur} bold={isCur} wrap="truncate">
            {cell(line, tableWidth)}
          </Text>
        );
      })}
    </Box>
  );
  const details = current ? <Details a={current} api={state.api} width={detailsWidth} height={detailsHeight} today={today} /> : null;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text color={edit ? 'cyan' : undefined} wrap="truncate">{cell(bar, width)}</Text>
      {side ? (
        <Box flexDirection="row">
          {table}
          <Box width={1} />
          {details}
        </Box>
      ) : (
        <Box flexDirection="column">
          {table}
          {details}
        </Box>
      )}
    </Box>
  );
}

/**
 * The search bar: the filters, which catalog the table is (`catalog: bundled`, `catalog: NEA.txt`,
 * its name shortened to what the width leaves, dropped when even that does not fit), then the
 * count of rows shown out of the catalog's, last on the line.
 */
export function searchBar(filters: string, catalogName: string, count: string, width: number): string {
  const label = '  catalog: ';
  const room = width - filters.length - label.length - 2 - count.length;
  if (room < Math.min(catalogName.length, 8)) return `${filters}  ${count}`;
  return `${filters}${label}${catalogName.length <= room ? catalogName : `${catalogName.slice(0, room - 1)}…`}  ${count}`;
}

function withCursor(l: LineEdit): string {
  return l.text.slice(0, l.cursor) + '▏' + l.text.slice(l.cursor);
}

/** The highlighted asteroid: as many detail lines as the pane holds, then where to read the rest. */
function Details({ a, api, width, height, today }: { a: Asteroid; api: CatalogApi; width: number; height: number; today: string }) {
  const { c } = useTheme();
  const lines = useMemo(() => detailLines(a, api, width, today), [a, api, width, today]);
  const shown = lines.length <= height ? lines : [...lines.slice(0, Math.max(0, height - 1)), { text: `… ${lines.length - height + 1} more lines: i shows all`, dim: true }];
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold} color={c(l.color)} dimColor={l.dim} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}

type Line = PagerLine;

/** Everything known about an asteroid, wrapped to `width` (no sentence or element is dropped). */
export function detailLines(a: Asteroid, api: CatalogApi, width: number, today: string): Line[] {
  const o = a.orbit;
  const q = o.aAu * (1 - o.e);
  const Q = o.aAu * (1 + o.e);
  const out: Line[] = [];
  const push = (text: string, extra: Omit<Line, 'text'> = {}) => out.push(...wrapText(text, width, '  ').map((t) => ({ text: t, ...extra })));
  push(asteroidLabel(a), { bold: true });
  push(`${a.designation} · ${a.orbitClass}${a.isNea ? ' NEA' : ''} · type ${a.spectralType ?? 'unknown'}`, { dim: true });
  push(`a ${fmt(o.aAu, 3)} AU  e ${fmt(o.e, 3)}  i ${fmt(o.iDeg, 2)}°`);
  push(`q ${fmt(q, 3)}  Q ${fmt(Q, 3)} AU  epoch ${jdToDate(o.epochJd)}`);
  const d =
    a.diameterKm === null ? 'unknown' : a.diameterKmLow !== null && a.diameterKmHigh !== null ? fmtSizeRange(a.diameterKm, a.diameterKmLow, a.diameterKmHigh) : fmtSize(a.diameterKm);
  push(`D ${d}`);
  push(`H ${a.H === null ? '—' : fmt(a.H, 1)}  pV ${a.albedo === null ? '—' : fmt(a.albedo, 3)}  mass ${fmtMass(a.massKg ?? null)}`);
  push(a.dvKmS === null ? (a.isNea ? 'Δv —' : 'Δv — (Shoemaker–Helin is NEA-only)') : `Δv ${fmt(a.dvKmS, 2)} km/s (Shoemaker–Helin)`);
  if (!plannable(a)) push(`✗ ${unplannableReason(a)}.`, { color: 'red' });
  const comp = compositionSummary(a, api);
  if (comp.error) push(comp.error, { dim: true });
  else if (comp.entries.length > 0 || comp.analogue) {
    push(`Composition (P50 grade${comp.basis ? `, by ${comp.basis}` : ''})`, { bold: true });
    if (comp.analogue) push(`analogue: ${comp.analogue}`, { dim: true });
    // Elements packed as many to a line as fit.
    let line = '';
    for (const [el, v] of comp.entries) {
      const part = `${el} ${fmtGrade(v)}`;
      if (line && line.length + 2 + part.length > width) {
        out.push({ text: line });
        line = '';
      }
      line = line ? `${line}  ${part}` : ` ${part}`;
    }
    if (line) out.push({ text: line });
  }
  const warnings = warningsFor(a, api, today);
  if (warnings.length > 0) {
    push('Warnings', { bold: true, color: 'yellow' });
    for (const w of warnings) push(`! ${w}`, { color: 'yellow' });
  }
  return out;
}

/** Mass fraction as ppm below 0.1 %, else %. */
export function fmtGrade(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  if (x >= 1e-3) return `${sig(x * 100, 3)} %`;
  return `${sig(x * 1e6, 3)} ppm`;
}

const GRADE_ORDER = ['Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru', 'Au', 'Fe', 'Ni', 'Co', 'H2O', 'water', 'REE', 'La', 'Ce', 'Pr', 'Nd', 'Sm', 'Eu', 'Gd', 'Tb', 'Dy', 'Y', 'Ga', 'Ge'];

/** compositionFor()'s elements (all of them, PGMs first), its meteorite analogue(s) and basis. */
export function compositionSummary(a: Asteroid, api: CatalogApi): { entries: Array<[string, number]>; analogue: string | null; basis: string | null; error?: string } {
  if (typeof api.compositionFor !== 'function') return { entries: [], analogue: null, basis: null, error: 'composition: not available in this build' };
  let comp: unknown;
  try {
    comp = api.compositionFor(a);
  } catch (err) {
    return { entries: [], analogue: null, basis: null, error: `composition: ${(err as Error).message}` };
  }
  const entries = compositionEntries(comp);
  entries.sort((x, y) => (GRADE_ORDER.indexOf(x[0]) + 1 || 99) - (GRADE_ORDER.indexOf(y[0]) + 1 || 99));
  const o = comp && typeof comp === 'object' ? (comp as Record<string, unknown>) : {};
  const analogues = Array.isArray(o.analogues) ? (o.analogues as Array<{ label?: string; analogue?: string; probability?: number }>) : [];
  const analogue =
    analogues.length === 0
      ? null
      : analogues.map((x) => `${x.label ?? x.analogue ?? '?'}${analogues.length > 1 && typeof x.probability === 'number' ? ` ${Math.round(x.probability * 100)} %` : ''}`).join(', ');
  return { entries, analogue, basis: typeof o.basis === 'string' ? o.basis : null };
}

/** Composition as text lines (two elements a line), e.g. for a narrow pane. */
export function compositionLines(a: Asteroid, api: CatalogApi): string[] {
  const c = compositionSummary(a, api);
  if (c.error) return [c.error];
  const parts = c.entries.map(([el, v]) => `${el} ${fmtGrade(v)}`);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push(' ' + parts.slice(i, i + 2).join('  '));
  return lines;
}

export function compositionEntries(comp: unknown): Array<[string, number]> {
  const central = (d: unknown): number | null => {
    if (typeof d === 'number') return d;
    if (d && typeof d === 'object') {
      const o = d as Record<string, unknown>;
      for (const k of ['p50', 'median', 'mode', 'mean', 'value', 'massFraction', 'fraction']) {
        if (typeof o[k] === 'number') return o[k] as number;
        if (o[k] && typeof o[k] === 'object') {
          const inner = central(o[k]);
          if (inner !== null) return inner;
        }
      }
      for (const k of ['grade', 'distribution', 'dist']) if (o[k] !== undefined) return central(o[k]);
    }
    return null;
  };
  let src: unknown = comp;
  if (src && typeof src === 'object' && !Array.isArray(src)) {
    const o = src as Record<string, unknown>;
    for (const k of ['elements', 'grades', 'byElement']) if (o[k] && typeof o[k] === 'object') src = o[k];
  }
  const out: Array<[string, number]> = [];
  if (Array.isArray(src)) {
    for (const e of src) {
      const el = (e as { element?: string; symbol?: string; name?: string })?.element ?? (e as { symbol?: string })?.symbol ?? (e as { name?: string })?.name;
      const v = central(e);
      if (el && v !== null) out.push([el, v]);
    }
  } else if (src && typeof src === 'object') {
    for (const [el, d] of Object.entries(src as Record<string, unknown>)) {
      if (el === 'source' || el === 'sources' || el === 'analogue' || el === 'analogues' || el === 'class' || el === 'basis' || el === 'metalFraction') continue;
      const v = central(d);
      if (v !== null) out.push([el, v]);
    }
  }
  return out;
}

/**
 * The catalog's own warnings when it has them; otherwise the ones the data shows by itself. Ages
 * are counted to `today` (YYYY-MM-DD, the session's date: PROSPECTOR_TODAY or the run's start).
 */
export function warningsFor(a: Asteroid, api: CatalogApi, today: string): string[] {
  const nowJd = Date.parse(`${today}T00:00:00Z`) / 86400e3 + 2440587.5;
  if (typeof api.targetWarnings === 'function') {
    try {
      return api.targetWarnings(a, nowJd);
    } catch {
      /* fall through to the data's own warnings */
    }
  }
  const w: string[] = [];
  const ageYears = (nowJd - a.orbit.epochJd) / 365.25;
  if (Math.abs(ageYears) > 2) w.push(`orbit epoch ${jdToDate(a.orbit.epochJd)} is ${Math.abs(ageYears).toFixed(1)} yr old`);
  if (typeof a.u === 'number' && a.u >= 5) w.push(`orbit uncertainty U=${a.u} (poorly determined)`);
  if (a.spectralType === null) w.push('spectral type unknown: composition is a class mix');
  if (a.diameterKm === null) w.push('no size estimate');
  return w;
}
