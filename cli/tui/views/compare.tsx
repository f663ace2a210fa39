// Compare: the current plan beside the plans kept in this session (k keeps one), headline
// figures side by side. Kept plans are labelled by what differs from the scenario file; ← →
// select a column, x drops a kept plan, e / E export the selected plan.
import React from 'react';
import { Box, Text } from 'ink';
import type { Plan } from '../../../src/scenario/plan-types.js';
import { usePersistentState, useTheme, useViewKeys } from '../hooks.js';
import type { Session } from '../session.js';
import { cell, fmt, fmtMass, fmtUsd, sig, wrapText } from '../text.js';
import { clampOffset, scrollKey } from '../components.js';

export const COMPARE_KEYS = '←→ select  ↑↓ scroll  x drop  e/E export it  k keep';
export const COMPARE_HELP: Array<[string, string]> = [
  ['k', 'keep the current plan (any view); it is labelled by what differs from the scenario file'],
  ['← →', 'select a plan (the current one or a kept one); its full label is shown at the bottom'],
  ['↑ ↓ PgUp PgDn', 'scroll the rows'],
  ['x', 'drop the selected kept plan'],
  ['e / E', "export the selected plan's yield forecast as CSV / JSON (planned again at the full sample count when it was a live plan)"],
];

interface Props {
  session: Session;
  width: number;
  height: number;
  setCapture: (on: boolean) => void;
  setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void;
}

type Row = [string, (p: Plan) => string];

const npvBand = (p: Plan) => p.uncertainty.bands.npvUsd;
const delBand = (p: Plan) => p.uncertainty.bands.deliveredKg;

/** Headline rows. "base case" is the deterministic run (what Mission and Supply headline); P50 the samples' median. */
export const COMPARE_ROWS: Row[] = [
  ['target', (p) => (p.target.modelled ? p.target.displayName : '—')],
  ['launch', (p) => (p.trajectory.modelled ? p.trajectory.launch.slice(0, 10) : '—')],
  ['duration', (p) => (p.trajectory.modelled ? `${Math.round(p.trajectory.totalDays)} d` : '—')],
  ['Δv total', (p) => (p.trajectory.modelled ? `${fmt(p.trajectory.dvTotalKmS, 2)} km/s` : '—')],
  ['power', (p) => (p.propulsion.modelled ? `${sig(p.propulsion.powerW / 1000, 3)} kW` : '—')],
  ['launch mass', (p) => (p.propulsion.modelled ? fmtMass(p.propulsion.launchMassKg) : '—')],
  ['feasible', (p) => (p.propulsion.modelled ? (p.propulsion.feasible ? 'yes' : `no (${p.propulsion.binding ?? '?'})`) : '—')],
  ['refined base', (p) => (p.refining.modelled ? fmtMass(p.refining.refinedKg) : '—')],
  ['delivered base', (p) => (p.delivered.modelled ? fmtMass(p.delivered.deliveredKg) : '—')],
  ['delivered P50', (p) => (delBand(p) ? fmtMass(delBand(p)!.p50) : '—')],
  ['  P10–P90', (p) => (delBand(p) ? `${fmtMass(delBand(p)!.p10)}–${fmtMass(delBand(p)!.p90)}` : '—')],
  ['capsules', (p) => (p.capsules.modelled ? String(p.capsules.count) : '—')],
  ['NPV base case', (p) => (p.economics.modelled ? fmtUsd(p.economics.npvUsd) : '—')],
  ['NPV P50', (p) => (npvBand(p) ? fmtUsd(npvBand(p)!.p50) : '—')],
  ['  P10–P90', (p) => (npvBand(p) ? `${fmtUsd(npvBand(p)!.p10)}…${fmtUsd(npvBand(p)!.p90)}` : '—')],
  ['IRR base', (p) => (p.economics.modelled && p.economics.irr !== null ? `${sig(p.economics.irr * 100, 2)} %` : '—')],
  ['samples', (p) => String(p.uncertainty.samples)],
  ['warnings', (p) => String(p.warnings.length)],
];

interface Column {
  label: string;
  plan: Plan;
  kept: number | null;
}

function columns(session: Session): Column[] {
  const current = session.plan.status === 'done' ? (session.plan.plan as Plan) : null;
  const cols: Column[] = [];
  if (current) cols.push({ label: 'current', plan: current, kept: null });
  session.kept.forEach((k, i) => cols.push({ label: k.label, plan: k.plan as Plan, kept: i }));
  return cols;
}

/** The kept plan selected in Compare, or null for the current plan (what e / E export there). */
export function compareSelection(session: Session): number | null {
  const cols = columns(session);
  const col = cols[Math.max(0, Math.min(session.compareSel, cols.length - 1))];
  return col ? col.kept : null;
}

export function CompareView({ session, width, height, setStatus }: Props) {
  const { c } = useTheme();
  const [scroll, setScroll, scrollRef] = usePersistentState('compare.scroll', 0);
  const cols = columns(session);
  const sel = Math.max(0, Math.min(session.compareSel, cols.length - 1));
  const selected = cols[sel];
  const footer = selected
    ? wrapText(
        selected.kept === null
          ? `◂ current plan ▸ ${session.kept.length} kept · e/E export it · k keeps it`
          : `◂ kept plan ${selected.label} (vs the scenario file) ▸ x drops it · e/E export it`,
        width,
        '  ',
      )
    : [];
  const room = Math.max(1, height - 1 - footer.length);

  useViewKeys((input, key) => {
    const next = key.upArrow || key.downArrow || key.pageUp || key.pageDown ? scrollKey(key, '', scrollRef.current, COMPARE_ROWS.length, room) : null;
    if (next !== null) setScroll(next);
    else if (key.leftArrow) session.setCompareSel(Math.max(0, sel - 1));
    else if (key.rightArrow) session.setCompareSel(Math.min(Math.max(0, cols.length - 1), sel + 1));
    else if (input === 'x') {
      if (!selected) return;
      if (selected.kept === null) {
        setStatus('The current plan cannot be dropped: select a kept plan (← →); k keeps the current one.', 'warn');
        return;
      }
      setStatus(`Dropped kept plan ${selected.label}.`, 'info');
      session.dropKept(selected.kept);
      session.setCompareSel(Math.max(0, Math.min(sel, cols.length - 2)));
    }
  });

  if (cols.length === 0) return <Text>No plans yet: the Mission view (3) plans the scenario; k keeps a plan for comparison.</Text>;
  const labelW = 15;
  const colW = Math.max(12, Math.min(24, Math.floor((width - labelW) / Math.max(1, cols.length))));
  const fit = Math.max(1, Math.floor((width - labelW) / colW));
  // Keep the selected column on screen when there are more columns than fit.
  const first = Math.max(0, Math.min(cols.length - fit, sel - fit + 1));
  const shown = cols.slice(first, first + fit);
  const rowFirst = clampOffset(scroll, COMPARE_ROWS.length, room);
  const rows = COMPARE_ROWS.slice(rowFirst, rowFirst + room);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {cell(cols.length > fit ? `${first + 1}–${first + shown.length} of ${cols.length}` : '', labelW)}
        {shown.map((col, k) => {
          const on = first + k === sel;
          const text = on ? `[${cell(col.label, colW - 3)}]` : ` ${cell(col.label, colW - 1)}`;
          return (
            <Text key={k} inverse={on}>
              {text}
            </Text>
          );
        })}
      </Text>
      {rows.map(([name, f], i) => (
        <Text key={i} wrap="truncate">
          {cell(name, labelW)}
          {shown.map((col) => ' ' + cell(f(col.plan), colW - 1)).join('')}
        </Text>
      ))}
      <Box flexGrow={1} />
      {footer.map((l, i) => (
        <Text key={`f${i}`} color={c('cyan')} wrap="truncate">
          {l}
        </Text>
      ))}
    </Box>
  );
}
