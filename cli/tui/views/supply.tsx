// Supply: the plan's delivered metal against world supply and price response, semiconductor
// equivalents, orbital-compute impact, and a chart of orbital vs terrestrial cost against launch
// price. Everything wraps to the width and the view scrolls, so no element or sentence is hidden.
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { Plan } from '../../../src/scenario/plan-types.js';
import type { LaunchSweepRow, OrbitalDcOptions, OrbitalDcResult } from '../../../src/supply/index.js';
import { requireExports } from '../engine.js';
import type { Session } from '../session.js';
import { cell, fmtMass, fmtUsd, sig, wrapText } from '../text.js';
import { Unavailable, clampOffset, scrollKey } from '../components.js';
import { usePersistentState, useTheme, useViewKeys } from '../hooks.js';

export const SUPPLY_KEYS = '↑↓ PgUp PgDn scroll  g/G top/end';
export const SUPPLY_HELP: Array<[string, string]> = [
  ['↑ ↓ PgUp PgDn', 'scroll the view (the market table, semiconductors, orbital compute and the chart)'],
  ['g / G', 'top / end'],
];

interface SupplyApi {
  launchCostSweep(opts: OrbitalDcOptions, from: number, to: number, steps?: number): { rows: LaunchSweepRow[]; base: OrbitalDcResult };
}

const SWEEP_FROM = 100;
const SWEEP_TO = 3600;
/** Chart rows (plus its title and two axis lines). */
const CHART_ROWS = 8;

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

interface Line {
  text: string;
  bold?: boolean;
  color?: string;
  dim?: boolean;
}

export function SupplyView({ session, width, height }: Props) {
  const { c } = useTheme();
  const plan = planOf(session);
  const [scroll, setScroll, scrollRef] = usePersistentState('supply.scroll', 0);
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

  const lines = plan ? supplyLines(plan, width) : [];
  if (api && !api.ok) lines.push(...wrapText(`The launch-price chart is not available: ${api.reason}`, width, '  ').map((text) => ({ text, color: 'yellow' })));
  if (sweep && 'error' in sweep) lines.push(...wrapText(`Chart: ${sweep.error}`, width, '  ').map((text) => ({ text, color: 'red' })));
  if (sweep && !('error' in sweep)) {
    const gw = Number(oc?.modelled ? oc.powerGw : 0);
    lines.push({ text: '' });
    lines.push(...wrapText(`${gw} GW orbital data centre, total cost against launch price: • orbital  ─ terrestrial${sweep.withMetal ? "  o orbital with this mission's material" : ''}`, width, '  ').map((text) => ({ text, dim: true })));
    lines.push(...sweepChartLines(sweep.base, sweep.withMetal, chartW, CHART_ROWS).map((text) => ({ text })));
  }
  const room = Math.max(1, height - 1);
  const first = clampOffset(scroll, lines.length, room);

  useViewKeys((input, key) => {
    const next = scrollKey(key, input, scrollRef.current, lines.length, room);
    if (next !== null) setScroll(next);
  });

  if (!plan) {
    if (session.plan.status === 'unavailable') return <Unavailable what="The supply view" reason={session.plan.reason} />;
    if (session.plan.status === 'error') return <Text color={c('red')} wrap="wrap">No plan to show: {session.plan.message}</Text>;
    return <Text>Waiting for the plan (Mission view, 3)…</Text>;
  }
  const shown = lines.slice(first, first + room);
  const footer = lines.length > room ? `lines ${first + 1}–${first + shown.length} of ${lines.length} · ↑↓ PgUp PgDn scroll` : '';
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {shown.map((l, i) => (
        <Text key={i} bold={l.bold} color={c(l.color)} dimColor={l.dim} wrap="truncate">
          {l.text || ' '}
        </Text>
      ))}
      <Box flexGrow={1} />
      {footer ? (
        <Text dimColor wrap="truncate">
          {footer}
        </Text>
      ) : null}
    </Box>
  );
}

/**
 * The plan's supply figures as lines for `width` columns, wrapped. They are the base case (the
 * plan's deterministic run, the same basis as Mission's headline cargo), per arrival year.
 */
export function supplyLines(plan: Plan, width: number): Line[] {
  const lines: Line[] = [];
  const push = (text: string, extra: Omit<Line, 'text'> = {}) => lines.push(...wrapText(text, width, '  ').map((t) => ({ text: t, ...extra })));
  const sup = plan.supply;
  const dest = plan.delivered.modelled ? plan.delivered.destination : plan.scenario.delivery;
  const comparison = sup.modelled && sup.path !== 'this mission' ? ` (${sup.path}: comparison only)` : '';
  push(`Supply${comparison} · ${plan.scenario.name} · delivered to ${dest === 'earth' ? 'Earth' : 'Earth orbit'} · base case (as Mission's cargo), per arrival year`, { bold: true });
  if (!sup.modelled) push(`Markets: ${sup.reason}`, { color: 'yellow' });
  else if (sup.elements.length === 0) push(sup.method, { dim: true });
  else {
    const cols: Array<[string, number]> = [['', 3], ['delivered', 9], ['world/yr', 9], ['share', 8], ['ex-dom.', 8], ['price $/kg → resp.', 19], ['change', 8]];
    const tableW = cols.reduce((n, [, w]) => n + w + 1, -1);
    const row = (vals: string[]) => vals.map((v, i) => cell(v, cols[i][1], i === 0 ? 'left' : 'right')).join(' ');
    if (width >= tableW) {
      lines.push({ text: row(cols.map(([h]) => h)), dim: true });
      for (const e of sup.elements) {
        const price = e.priceUsdPerKg === null ? '—' : `${fmtUsd(e.priceUsdPerKg)} → ${fmtUsd(e.respondedPriceUsdPerKg)}`;
        lines.push({
          text: row([e.element, fmtMass(e.deliveredKgPerYear), fmtMass(e.worldSupplyKgPerYear) + (e.supplyApproximate ? '~' : ''), pct(e.shareOfWorld), pct(e.shareOutsideDominant), price, pct(e.priceChangeFraction)]),
        });
      }
    } else {
      // Too narrow for the table: one wrapped sentence per element.
      for (const e of sup.elements) {
        const price = e.priceUsdPerKg === null ? 'no price' : `price ${fmtUsd(e.priceUsdPerKg)} → ${fmtUsd(e.respondedPriceUsdPerKg)}/kg (${pct(e.priceChangeFraction)})`;
        push(`${e.element}: ${fmtMass(e.deliveredKgPerYear)}/yr of ${fmtMass(e.worldSupplyKgPerYear)}${e.supplyApproximate ? '~' : ''}/yr world (${pct(e.shareOfWorld)}; ex-dominant ${pct(e.shareOutsideDominant)}), ${price}`);
      }
    }
    const producers = [...new Set(sup.elements.filter((e) => e.dominantProducer).map((e) => `${e.element} ${e.dominantProducer}`))];
    push(`ex-dom.: share of the supply outside the dominant producer${producers.length ? ` (${producers.join(', ')})` : ''}; resp.: the price after this much new supply`, { dim: true });
    if (sup.elements.some((e) => e.supplyApproximate)) push('~ approximate world-supply figure (market reports; REE derived from world REO)', { dim: true });
    for (const e of sup.elements) {
      const why = (e.notes ?? []).find((n) => n.startsWith('world supply derived') || n.startsWith('no world-supply figure'));
      if (why) push(`${e.element}: ${why}`, { dim: true });
    }
    if (sup.ree) push(`ΣREE as oxide: ${fmtMass(sup.ree.deliveredReoKgPerYear)}/yr = ${pct(sup.ree.shareOfWorld)} of world REO, ${pct(sup.ree.shareOutsideChina)} of the supply outside China`);
  }
  const se = sup.modelled ? sup.semiconductors : null;
  if (se) {
    push(`Semiconductors: ${se.die}, ${sig(se.dieAreaMm2, 3)} mm², ${sig(se.goodDiesPerWafer, 3)} good dies per wafer, ${se.stack} film stack`);
    if (se.dieNote) push(`! ${se.dieNote}`, { color: 'yellow' });
    if (se.elements.length > 0 && width >= 44) {
      const w = [3, 11, 13, 8, 8];
      const row = (vals: string[]) => vals.map((v, i) => cell(v, w[i], i === 0 ? 'left' : 'right')).join(' ');
      lines.push({ text: row(['', 'wafers/yr', 'accelerators', 'mg/acc.', 'of world']), dim: true });
      for (const x of se.elements) {
        lines.push({ text: row([x.element, sig(x.wafersPerYear, 3), sig(x.acceleratorsPerYear, 3), x.mgPerAccelerator === null ? '—' : sig(x.mgPerAccelerator, 3), pct(x.shareOfWorldWafers)]) });
      }
    } else {
      for (const x of se.elements) push(`${x.element}: ${sig(x.wafersPerYear, 3)} wafers/yr, ${sig(x.acceleratorsPerYear, 3)} accelerators/yr (${pct(x.shareOfWorldWafers)} of world wafers)`);
    }
    if (se.notInStackNote) push(se.notInStackNote, { dim: true });
    push(`Full layer stack: ${sig(se.fullStackWafersPerYear, 3)} wafers/yr${se.limitingElement ? `, limited by ${se.limitingElement}` : ''}; world output ${sig(se.worldWafersPerYear, 3)} wafers/yr`);
  } else if (sup.modelled && sup.semiconductorsNote) push(`Semiconductors: ${sup.semiconductorsNote}`, { dim: true });
  else if (dest === 'earth') push('Semiconductors: no semiconductor use for these products', { dim: true });
  const oc = plan.orbitalCompute;
  if (oc.modelled) {
    push(`Orbital DC ${oc.powerGw} GW × ${oc.years} yr: ${fmtUsd(oc.orbitalTotalUsd)} vs ground ${fmtUsd(oc.terrestrialTotalUsd)} at $${sig(oc.launchUsdPerKg, 3)}/kg${oc.launchPriceBasis ? ` (${oc.launchPriceBasis})` : ''}`);
    push(oc.parityLaunchUsdPerKg === null || oc.parityLaunchUsdPerKg === undefined ? `  parity: none — ${oc.parityNote ?? 'not at these inputs'}` : `  parity at a launch price of $${sig(oc.parityLaunchUsdPerKg, 3)}/kg`);
    const l = oc.link;
    if (l) {
      const who = l.path === 'this mission' ? "this mission's" : 'if delivered to orbit, this';
      push(`  ${who} ${fmtMass(l.deliveredKg)} replaces ${fmtMass(l.replacedKg)} of launched mass, saving ${fmtUsd(l.launchCostSavedUsd)}${l.path === 'this mission' ? '' : ' (comparison only: the cargo goes to Earth)'}`, { dim: l.path !== 'this mission' });
      push(
        l.parityBeforeUsdPerKg !== null && l.parityAfterUsdPerKg !== null
          ? `  parity $${sig(l.parityBeforeUsdPerKg, 3)}/kg → $${sig(l.parityAfterUsdPerKg, 3)}/kg`
          : `  parity: ${l.parityNote}`,
        { dim: l.path !== 'this mission' },
      );
    } else if (oc.replacedKg > 0) {
      push(`  this mission's ${fmtMass(oc.replacedKg)} in orbit saves ${fmtUsd(oc.launchCostSavedUsd)} of launch; parity → ${oc.parityWithDeliveryUsdPerKg === null ? 'none' : `$${sig(oc.parityWithDeliveryUsdPerKg, 3)}/kg`}`);
    } else push('  Earth delivery: nothing reaches orbit, so orbital compute is unchanged by this mission', { dim: true });
  } else push(`Orbital compute: ${oc.reason}`, { color: 'yellow' });
  return lines;
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
