// Supply: the plan's delivered metal against world supply and price response, semiconductor
// equivalents, orbital-compute impact, and a chart of orbital vs terrestrial cost against launch price.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { Plan } from '../../../src/scenario/plan-types.js';
import type { LaunchSweepRow, OrbitalDcOptions, OrbitalDcResult } from '../../../src/supply/index.js';
import { requireExports } from '../engine.js';
import type { Session } from '../session.js';
import { cell, fmtMass, fmtUsd, sig } from '../text.js';
import { Unavailable } from '../components.js';

export const SUPPLY_KEYS = 'Mission (3) edits the plan; this view follows it';
export const SUPPLY_HELP: Array<[string, string]> = [
  ['(no keys)', 'the view follows the current plan; edit it in Mission (3)'],
  ['chart', 'orbital data-centre total cost (•) and terrestrial (─) against launch price; o: with this mission\'s material in orbit'],
];

interface SupplyApi {
  launchCostSweep(opts: OrbitalDcOptions, from: number, to: number, steps?: number): { rows: LaunchSweepRow[]; base: OrbitalDcResult };
}

const SWEEP_FROM = 100;
const SWEEP_TO = 3600;

interface Props {
  session: Session;
  width: number;
  height: number;
  setCapture: (on: boolean) => void;
  setStatus: (t: string, tone?: 'info' | 'ok' | 'warn' | 'error') => void;
}

function planOf(session: Session): Plan | null {
  const st = session.plan;
  if (st.status === 'done') return st.plan as Plan;
  if ('previous' in st && st.previous) return st.previous as Plan;
  return null;
}

const pct = (x: number | null) => (x === null ? '—' : x === 0 ? '0 %' : `${sig(x * 100, 2)} %`);

export function SupplyView({ session, width, height }: Props) {
  const plan = planOf(session);
  const [api, setApi] = useState<{ ok: true; value: SupplyApi } | { ok: false; reason: string } | null>(null);
  useEffect(() => {
    let live = true;
    void session.engine('supply').then((m) => {
      if (live) setApi(requireExports<SupplyApi>(m, 'supply', ['launchCostSweep']));
    });
    return () => {
      live = false;
    };
  }, [session.engine]);

  const oc = plan?.orbitalCompute;
  const chartW = Math.max(20, width - 10);
  const sweep = useMemo(() => {
    if (!api?.ok || !oc?.modelled) return null;
    const powerW = Number(oc.powerGw) * 1e9;
    const years = Number(oc.years);
    try {
      const base = api.value.launchCostSweep({ powerW, years }, SWEEP_FROM, SWEEP_TO, chartW);
      const replaced = Number(oc.replacedKg);
      const withMetal = replaced > 0 ? api.value.launchCostSweep({ powerW, years, massFromOrbitKg: replaced }, SWEEP_FROM, SWEEP_TO, chartW) : null;
      return { base: base.rows, withMetal: withMetal?.rows ?? null };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [api, oc, chartW]);

  if (!plan) {
    if (session.plan.status === 'unavailable') return <Unavailable what="The supply view" reason={session.plan.reason} />;
    if (session.plan.status === 'error') return <Text color="red" wrap="wrap">No plan to show: {session.plan.message}</Text>;
    return <Text>Waiting for the plan (Mission view, 3)…</Text>;
  }
  const lines: Array<{ text: string; bold?: boolean; color?: string; dim?: boolean }> = [];
  const sup = plan.supply;
  const dest = plan.delivered.modelled ? plan.delivered.destination : plan.scenario.delivery;
  lines.push({ text: `Supply · ${plan.scenario.name} · delivered to ${dest} (base case, per arrival year)`, bold: true });
  if (!sup.modelled) lines.push({ text: `Markets: ${sup.reason}`, color: 'yellow' });
  else if (sup.elements.length === 0) lines.push({ text: sup.method, dim: true });
  else {
    lines.push({ text: `${cell('', 3)} ${cell('delivered', 10, 'right')} ${cell('world/yr', 9, 'right')} ${cell('share', 8, 'right')} ${cell('ex-dom.', 8, 'right')} ${cell('price $/kg → responded', 24, 'right')}`, dim: true });
    // Room for the chart first (it needs ~8 lines); the market table takes what is left.
    const room = Math.max(2, height - 16);
    const shownEls = sup.elements.slice(0, room);
    for (const e of shownEls) {
      const price = e.priceUsdPerKg === null ? '—' : `${fmtUsd(e.priceUsdPerKg)} → ${fmtUsd(e.respondedPriceUsdPerKg)}`;
      lines.push({
        text: `${cell(e.element, 3)} ${cell(fmtMass(e.deliveredKgPerYear), 10, 'right')} ${cell(fmtMass(e.worldSupplyKgPerYear), 9, 'right')} ${cell(pct(e.shareOfWorld), 8, 'right')} ${cell(pct(e.shareOutsideDominant), 8, 'right')} ${cell(price, 24, 'right')}`,
      });
    }
    if (sup.elements.length > shownEls.length) lines[lines.length - 1].text += `  (+${sup.elements.length - shownEls.length} more)`;
  }
  if (sup.modelled && sup.semiconductors) {
    const s = sup.semiconductors;
    const accel = Object.entries(s)
      .filter(([k]) => k.endsWith(' acceleratorsPerYear'))
      .map(([k, v]) => `${k.split(' ')[0]} ${sig(Number(v), 3)}`)
      .join('  ');
    lines.push({ text: `Semiconductors (${String(s.die)}): full layer stack ${sig(Number(s.fullStackWafersPerYear), 3)} wafers/yr, limited by ${String(s.limitingElement ?? '—')}` });
    if (accel) lines.push({ text: `  accelerators/yr covered: ${accel}` });
  } else if (dest === 'earth') lines.push({ text: 'Semiconductors: no semiconductor use for these products', dim: true });
  if (oc?.modelled) {
    const parity = oc.parityLaunchUsdPerKg === null || oc.parityLaunchUsdPerKg === undefined ? 'never at these inputs' : `$${sig(Number(oc.parityLaunchUsdPerKg), 3)}/kg`;
    lines.push({
      text: `Orbital DC ${oc.powerGw} GW × ${oc.years} yr: ${fmtUsd(Number(oc.orbitalTotalUsd))} vs ground ${fmtUsd(Number(oc.terrestrialTotalUsd))} at $${sig(Number(oc.launchUsdPerKg), 3)}/kg; parity ${parity}`,
    });
    const replaced = Number(oc.replacedKg);
    lines.push({
      text:
        replaced > 0
          ? `  this mission's ${fmtMass(replaced)} in orbit saves ${fmtUsd(Number(oc.launchCostSavedUsd))} of launch; parity → $${sig(Number(oc.parityWithDeliveryUsdPerKg), 3)}/kg`
          : '  Earth delivery: nothing reaches orbit, so orbital compute is unchanged by this mission',
      dim: replaced <= 0,
    });
  } else if (oc) lines.push({ text: `Orbital compute: ${oc.reason}`, color: 'yellow' });

  const chartH = Math.max(3, height - lines.length - 3);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((l, i) => (
        <Text key={i} bold={l.bold} color={l.color} dimColor={l.dim} wrap="truncate">
          {l.text}
        </Text>
      ))}
      {api && !api.ok ? <Unavailable what="The launch-price chart" reason={api.reason} /> : null}
      {sweep && 'error' in sweep ? <Text color="red">Chart: {sweep.error}</Text> : null}
      {sweep && !('error' in sweep) ? <SweepChart rows={sweep.base} withMetal={sweep.withMetal} width={chartW} height={chartH} gw={Number(oc?.modelled ? oc.powerGw : 0)} /> : null}
    </Box>
  );
}

/** Text chart: orbital total (•), with the mission's material (o) and terrestrial (─) against launch $/kg. */
export function sweepChartLines(rows: LaunchSweepRow[], withMetal: LaunchSweepRow[] | null, width: number, height: number): string[] {
  const ys = rows.flatMap((r) => [r.orbitalTotalUsd, r.terrestrialTotalUsd]).concat(withMetal ? withMetal.map((r) => r.orbitalTotalUsd) : []);
  const max = Math.max(...ys.filter(Number.isFinite));
  const min = 0;
  const grid = Array.from({ length: height }, () => Array<string>(width).fill(' '));
  const yOf = (v: number) => height - 1 - Math.max(0, Math.min(height - 1, Math.round(((v - min) / (max - min)) * (height - 1))));
  rows.forEach((r, x) => {
    if (x >= width) return;
    grid[yOf(r.terrestrialTotalUsd)][x] = '─';
    if (withMetal && withMetal[x]) grid[yOf(withMetal[x].orbitalTotalUsd)][x] = 'o';
    grid[yOf(r.orbitalTotalUsd)][x] = '•';
  });
  // Parity: the first launch price where orbital ≤ terrestrial.
  const px = rows.findIndex((r) => r.orbitalTotalUsd <= r.terrestrialTotalUsd);
  const out = grid.map((row, i) => `${cell(i === 0 ? fmtUsd(max) : i === height - 1 ? '$0' : '', 7, 'right')} ┤${row.join('')}`);
  out.push(`${' '.repeat(8)}└${'─'.repeat(width)}`);
  const left = `$${rows[0]?.launchUsdPerKg ?? SWEEP_FROM}/kg`;
  const right = `$${Math.round(rows[rows.length - 1]?.launchUsdPerKg ?? SWEEP_TO)}/kg launch`;
  const mid = (px > 0 ? `parity ≈ $${Math.round(rows[px].launchUsdPerKg)}/kg` : px === 0 ? 'orbital cheaper throughout' : 'no parity in range') + '  ';
  out.push(`${' '.repeat(9)}${left}${cell(mid, Math.max(0, width - left.length - right.length), 'right')}${right}`.slice(0, 9 + width));
  return out;
}

function SweepChart({ rows, withMetal, width, height, gw }: { rows: LaunchSweepRow[]; withMetal: LaunchSweepRow[] | null; width: number; height: number; gw: number }) {
  const lines = sweepChartLines(rows, withMetal, width, Math.max(2, height - 2));
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate">{`${gw} GW orbital data centre, total cost: • orbital  ─ terrestrial${withMetal ? "  o with this mission's material" : ''}`}</Text>
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate">
          {l}
        </Text>
      ))}
    </Box>
  );
}
