// Compare: the current plan beside the plans kept in this session (k keeps one), headline
// figures side by side; x drops the selected kept plan.
import React, { useState } from 'react';
import { Box, Text } from 'ink';
import type { Plan } from '../../../src/scenario/plan-types.js';
import { useViewKeys } from '../hooks.js';
import type { Session } from '../session.js';
import { cell, fmt, fmtMass, fmtUsd, sig } from '../text.js';

export const COMPARE_KEYS = '←→ select  x drop kept plan  k keep current  e export';
export const COMPARE_HELP: Array<[string, string]> = [
  ['k', 'keep the current plan (any view)'],
  ['← →', 'select a kept plan'],
  ['x', 'drop the selected kept plan'],
];

interface Props {
  session: Session;
  width: number;
  height: number;
  setCapture: (on: boolean) => void;
  setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void;
}

type Row = [string, (p: Plan) => string];

export const COMPARE_ROWS: Row[] = [
  ['target', (p) => (p.target.modelled ? p.target.displayName : '—')],
  ['launch', (p) => (p.trajectory.modelled ? p.trajectory.launch : '—')],
  ['duration', (p) => (p.trajectory.modelled ? `${Math.round(p.trajectory.totalDays)} d` : '—')],
  ['Δv total', (p) => (p.trajectory.modelled ? `${fmt(p.trajectory.dvTotalKmS, 2)} km/s` : '—')],
  ['power', (p) => (p.propulsion.modelled ? `${sig(p.propulsion.powerW / 1000, 3)} kW` : '—')],
  ['launch mass', (p) => (p.propulsion.modelled ? fmtMass(p.propulsion.launchMassKg) : '—')],
  ['feasible', (p) => (p.propulsion.modelled ? (p.propulsion.feasible ? 'yes' : `no (${p.propulsion.binding ?? '?'})`) : '—')],
  ['refined', (p) => (p.refining.modelled ? fmtMass(p.refining.refinedKg) : '—')],
  ['delivered P50', (p) => (p.uncertainty.bands.deliveredKg ? fmtMass(p.uncertainty.bands.deliveredKg.p50) : p.delivered.modelled ? fmtMass(p.delivered.deliveredKg) : '—')],
  ['  P10–P90', (p) => (p.uncertainty.bands.deliveredKg ? `${fmtMass(p.uncertainty.bands.deliveredKg.p10)}–${fmtMass(p.uncertainty.bands.deliveredKg.p90)}` : '—')],
  ['capsules', (p) => (p.capsules.modelled ? String(p.capsules.count) : '—')],
  ['NPV P50', (p) => (p.uncertainty.bands.npvUsd ? fmtUsd(p.uncertainty.bands.npvUsd.p50) : p.economics.modelled ? fmtUsd(p.economics.npvUsd) : '—')],
  ['  P10–P90', (p) => (p.uncertainty.bands.npvUsd ? `${fmtUsd(p.uncertainty.bands.npvUsd.p10)}…${fmtUsd(p.uncertainty.bands.npvUsd.p90)}` : '—')],
  ['IRR', (p) => (p.economics.modelled && p.economics.irr !== null ? `${sig(p.economics.irr * 100, 2)} %` : '—')],
  ['samples', (p) => String(p.uncertainty.samples)],
  ['warnings', (p) => String(p.warnings.length)],
];

export function CompareView({ session, width, height, setStatus }: Props) {
  const [sel, setSel] = useState(0);
  const kept = session.kept;
  useViewKeys((input, key) => {
    if (key.leftArrow) setSel((s) => Math.max(0, s - 1));
    else if (key.rightArrow) setSel((s) => Math.min(Math.max(0, kept.length - 1), s + 1));
    else if (input === 'x' && kept[sel]) {
      setStatus(`Dropped plan ${kept[sel].label}.`, 'info');
      session.dropKept(sel);
      setSel((s) => Math.max(0, Math.min(s, kept.length - 2)));
    }
  });

  const current = session.plan.status === 'done' ? (session.plan.plan as Plan) : null;
  const cols: Array<{ label: string; plan: Plan; kept: number | null }> = [];
  if (current) cols.push({ label: 'current', plan: current, kept: null });
  kept.forEach((k, i) => cols.push({ label: k.label, plan: k.plan as Plan, kept: i }));
  if (cols.length === 0) return <Text>No plans yet: the Mission view (3) plans the scenario; k keeps a plan for comparison.</Text>;
  const labelW = 14;
  const colW = Math.max(12, Math.min(22, Math.floor((width - labelW) / Math.max(1, cols.length))));
  const fit = Math.max(1, Math.floor((width - labelW) / colW));
  // Keep the selected kept plan on screen when there are more columns than fit.
  const selCol = kept.length > 0 ? (current ? 1 : 0) + sel : 0;
  const first = Math.max(0, Math.min(cols.length - fit, selCol - fit + 1));
  const shown = cols.slice(first, first + fit);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {cell('', labelW)}
        {shown.map((c) => (c.kept !== null && c.kept === sel ? `[${cell(c.label, colW - 3)}]` : ` ${cell(c.label, colW - 1)}`)).join('')}
      </Text>
      {COMPARE_ROWS.slice(0, height - 2).map(([name, f], i) => (
        <Text key={i} wrap="truncate">
          {cell(name, labelW)}
          {shown.map((c) => ' ' + cell(f(c.plan), colW - 1)).join('')}
        </Text>
      ))}
      <Text dimColor wrap="truncate">
        {cols.length > fit ? `${first + 1}–${first + shown.length} of ${cols.length} plans (← →)` : `${kept.length} kept`}
      </Text>
    </Box>
  );
}
