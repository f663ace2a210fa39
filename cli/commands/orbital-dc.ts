// `prospector orbital-dc`: orbital vs terrestrial data-centre cost (DESIGN §2.7, §4), with a
// launch-price sweep drawn as a small terminal chart (text) or a table (--csv).
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseChoice, parseMoneyFlag, parseMoneyRange, parseNumber, parseQuantityFlag, USD, USD_PER_KG, USD_PER_MMBTU, USD_PER_W } from '../parse.js';
import { renderPairs } from '../format/table.js';
import type { Style } from '../format/style.js';
import { InputError } from '../../src/errors.js';
import { toCsv } from '../../src/export/csv.js';
import type { LaunchSweepRow, OrbitalDcOptions, OrbitalDcResult } from '../../src/supply/orbital-data-center.js';
import type { OrbitalLinkResult } from '../../src/supply/orbital-link.js';

/** "$23.6 B", "$1.18 M", "$950": money for people. */
export function fmtUsd(x: number | null | undefined, sig = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  const sign = x < 0 ? '−' : '';
  if (a >= 1e15) return `${sign}$${a.toExponential(sig - 1)}`;
  const unit = a >= 1e12 ? ['T', 1e12] : a >= 1e9 ? ['B', 1e9] : a >= 1e6 ? ['M', 1e6] : a >= 1e3 ? ['k', 1e3] : ['', 1];
  const v = a / (unit[1] as number);
  const digits = v === 0 ? 0 : Math.max(0, sig - 1 - Math.floor(Math.log10(v)));
  return `${sign}$${v.toFixed(digits)}${unit[0] ? ' ' + unit[0] : ''}`;
}

function group(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** "0.025" or "2.5%" → 0.025. */
export function parseFraction(text: string | undefined, flag: string, opts: { max?: number } = {}): number {
  const t = (text ?? '').trim();
  const pct = t.endsWith('%');
  const v = parseNumber(pct ? t.slice(0, -1) : t, flag, { min: 0 });
  const f = pct ? v / 100 : v;
  const max = opts.max ?? 1;
  if (f > max) throw new InputError(`${flag}: expected a fraction between 0 and ${max} (e.g. 0.025 or 2.5%), got "${t}"`, flag);
  return f;
}

/**
 * "launch-cost=FROM..TO[:N]" → {from, to, steps} in $/kg; the ends are money as --launch-cost takes
 * it ("200..3600", "$200..$3600/kg", "0.2k..3.6k $/kg", "$200..$3,600/t" is per tonne).
 */
export function parseSweep(text: string | undefined): { from: number; to: number; steps: number } {
  const m = /^\s*launch-cost\s*=\s*([^:]*?)\s*(?::\s*([^:]*?)\s*)?$/.exec(text ?? '');
  if (!m || !m[1].includes('..')) {
    throw new InputError(`--sweep: expected launch-cost=FROM..TO[:N] in $/kg (e.g. launch-cost=200..3600:18 or 'launch-cost=$200..$3600/kg'), got "${text ?? ''}"`, '--sweep');
  }
  const [from, to] = parseMoneyRange(m[1], USD_PER_KG, '--sweep', { min: 0 });
  if (to <= from) throw new InputError(`--sweep: the range end ${to} must be above its start ${from}`, '--sweep');
  const steps = m[2] === undefined ? 18 : parseNumber(m[2], '--sweep', { integer: true, min: 2, max: 10000 });
  return { from, to, steps };
}

/** Orbital (o) and terrestrial (-) totals against launch price, parity marked with |. */
export function renderSweepChart(rows: readonly LaunchSweepRow[], parityUsdPerKg: number | null, style: Style, width = 56, height = 12): string {
  const xs = rows.map((r) => r.launchUsdPerKg);
  const x0 = xs[0];
  const x1 = xs[xs.length - 1];
  const hi = Math.max(...rows.map((r) => Math.max(r.orbitalTotalUsd, r.terrestrialTotalUsd)));
  const lo = Math.min(...rows.map((r) => Math.min(r.orbitalTotalUsd, r.terrestrialTotalUsd)));
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
  const yMin = Math.max(0, lo - pad);
  const yMax = hi + pad;
  const grid: string[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => ' '));
  const rowOf = (v: number) => Math.min(height - 1, Math.max(0, height - 1 - Math.round(((v - yMin) / (yMax - yMin)) * (height - 1))));
  const at = (frac: number, key: 'orbitalTotalUsd' | 'terrestrialTotalUsd') => {
    const x = x0 + frac * (x1 - x0);
    let k = 0;
    while (k < rows.length - 2 && rows[k + 1].launchUsdPerKg < x) k++;
    const a = rows[k];
    const b = rows[Math.min(k + 1, rows.length - 1)];
    const t = b.launchUsdPerKg === a.launchUsdPerKg ? 0 : (x - a.launchUsdPerKg) / (b.launchUsdPerKg - a.launchUsdPerKg);
    return a[key] + t * (b[key] - a[key]);
  };
  if (parityUsdPerKg !== null && parityUsdPerKg >= x0 && parityUsdPerKg <= x1) {
    const c = Math.round(((parityUsdPerKg - x0) / (x1 - x0)) * (width - 1));
    for (let r = 0; r < height; r++) grid[r][c] = '|';
  }
  for (let c = 0; c < width; c++) {
    const f = width === 1 ? 0 : c / (width - 1);
    const rt = rowOf(at(f, 'terrestrialTotalUsd'));
    const ro = rowOf(at(f, 'orbitalTotalUsd'));
    grid[rt][c] = '-';
    grid[ro][c] = ro === rt ? '#' : 'o';
  }
  const labelW = 9;
  const lines = grid.map((row, r) => {
    const v = yMax - ((yMax - yMin) * r) / (height - 1);
    const label = r === 0 || r === height - 1 || r === Math.floor((height - 1) / 2) ? fmtUsd(v, 2) : '';
    const body = row.join('').replace(/o/g, style.cyan('o')).replace(/-/g, style.yellow('-')).replace(/#/g, style.bold('#'));
    return `${label.padStart(labelW)} ┤${body}`;
  });
  const axis = `${' '.repeat(labelW)} └${'─'.repeat(width)}`;
  const left = `$${group(x0)}/kg`;
  const right = `$${group(x1)}/kg`;
  const xl = `${' '.repeat(labelW + 2)}${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}`;
  const legend = `${' '.repeat(labelW + 2)}${style.cyan('o')} orbital total  ${style.yellow('-')} terrestrial total  ${style.bold('#')} overlap` +
    (parityUsdPerKg !== null && parityUsdPerKg >= x0 && parityUsdPerKg <= x1 ? `  | parity $${group(parityUsdPerKg)}/kg` : '');
  return [...lines, axis, xl, legend].join('\n') + '\n';
}

/** An area for people: m² below 0.1 km² (a 60 kg satellite has ~1 m² of radiator), else km². */
export function fmtArea(m2: number): string {
  if (!Number.isFinite(m2)) return '—';
  if (m2 >= 1e5) return `${group(m2 / 1e6, m2 >= 1e7 ? 1 : 2)} km²`;
  return `${m2 >= 100 ? group(m2) : m2.toPrecision(3)} m²`;
}

interface OrbitalDcOutput extends OrbitalDcResult {
  sizing: { heatW: number; radiatorAreaM2: number; radiatorAreaKm2: number; radiatorNetFluxWPerM2: number; solarArrayAreaM2: number; solarArrayAreaKm2: number; solarEfficiency: number };
  sweep?: { rows: LaunchSweepRow[] };
  /** With --delivered: the asteroid material in orbit and what it changes (the orbit link). */
  link?: OrbitalLinkResult;
  warnings: string[];
}

function renderText(r: OrbitalDcOutput, s: Style): string {
  const i = r.inputs;
  const gw = i.powerW / 1e9;
  const head = s.bold(`Orbital data centre: ${group(gw, gw < 1 ? 3 : 2)} GW for ${i.years} yr${r.preset ? ` (preset ${r.preset})` : ''}`);
  const orbital = renderPairs([
    ['satellites', `${group(r.satellites)} × ${group(i.satPowerW / 1000, 1)} kW (required ${group(r.requiredPowerW / 1e9, 3)} GW: sun ${i.sunFraction}, mean degradation ${r.meanDegradationFactor.toFixed(4)})`],
    ['mass to LEO', `${group(r.massT)} t at ${i.specificPowerWPerKg} W/kg`],
    ['hardware', `${fmtUsd(r.cost.hardware)} ($${i.satUsdPerW}/W)`],
    ['launch', `${fmtUsd(r.cost.launch)} ($${group(i.launchUsdPerKg)}/kg)`],
    ['operations', `${fmtUsd(r.cost.ops)} (${(i.opsPerYear * 100).toFixed(1)} %/yr of hardware)`],
    ['GPU replacement', `${fmtUsd(r.cost.gpuReplacement)} (${(i.gpuFailurePerYear * 100).toFixed(1)} %/yr of hardware)`],
    ['NRE', fmtUsd(r.cost.nre)],
    ...(r.cost.inOrbitMaterial > 0 ? [['in-orbit material', fmtUsd(r.cost.inOrbitMaterial)] as [string, string]] : []),
    [s.bold('total'), `${s.bold(fmtUsd(r.cost.total))}  $${r.costUsdPerW.toFixed(2)}/W  LCOE $${group(r.lcoeUsdPerMWh)}/MWh`],
    ['radiators', `${fmtArea(r.sizing.radiatorAreaM2)} at ${r.sizing.radiatorNetFluxWPerM2} W/m² net`],
    ['solar arrays', `${fmtArea(r.sizing.solarArrayAreaM2)} at ${(r.sizing.solarEfficiency * 100).toFixed(0)} % and 1361 W/m²`],
  ], '  ');
  const t = i.terrestrial;
  const terr = renderPairs([
    ['capex', `${fmtUsd(r.terrestrial.capex)} (PUE ${t.pue})`],
    ['fuel', `${fmtUsd(r.terrestrial.fuel)} (CF ${t.capacityFactor}, ${group(t.heatRateBtuPerKWh)} BTU/kWh, $${t.gasUsdPerMMBtu.toFixed(2)}/MMBtu)`],
    [s.bold('total'), `${s.bold(fmtUsd(r.terrestrial.total))}  $${r.terrestrial.costUsdPerW.toFixed(2)}/W  LCOE $${group(r.terrestrial.lcoeUsdPerMWh)}/MWh`],
  ], '  ');
  const parity = r.parityLaunchCostUsdPerKg !== null
    ? `${s.bold('Parity launch price')}: ${s.green(`$${group(r.parityLaunchCostUsdPerKg)}/kg`)} (orbital ${r.costRatio.toFixed(2)}× terrestrial at $${group(i.launchUsdPerKg)}/kg)`
    : `${s.bold('Parity launch price')}: ${s.red('none')}: ${r.parityNote.replace(/^no parity: /, '')}`;
  const lcoe = renderPairs([
    ['LCOE basis', `both per MWh delivered — orbital: ${r.energyBasis}; terrestrial: ${r.terrestrial.energyBasis}`],
    ['parity per MWh', r.parityLcoeLaunchCostUsdPerKg === null ? 'none: orbital LCOE stays above terrestrial even with free launch' : `orbital LCOE = terrestrial LCOE at $${group(r.parityLcoeLaunchCostUsdPerKg)}/kg (the totals parity above compares a plant delivering ${(t.capacityFactor * 100).toFixed(0)} % of the energy)`],
  ], '  ');
  let out = `${head}\n${orbital}${s.bold('Terrestrial (on-site gas)')}\n${terr}${parity}\n${lcoe}`;
  if (r.link) {
    const l = r.link;
    const cov = l.categories.map((c) => `${c.category} ${(c.coverage * 100).toFixed(1)} %`).join(', ');
    const p = l.parity;
    out += `\n${s.bold('Asteroid material in orbit')} (${group(l.replacedKg / 1000)} t replaces launched mass: ${cov} of need)\n`;
    out += renderPairs([
      ['launch saved', `${fmtUsd(l.launchCostSavedUsd)} (${fmtUsd(l.launchCostSavedUsdPerGw)} per GW)`],
      ['orbital total', `${fmtUsd(l.baseline.cost.total)} → ${fmtUsd(l.withDelivery.cost.total)}  LCOE $${group(l.baseline.lcoeUsdPerMWh)} → $${group(l.withDelivery.lcoeUsdPerMWh)}/MWh`],
      ['parity', p.note],
      ...Object.entries(l.unusedKg).map(([k, v]) => [`unused ${k}`, v >= 100 ? `${group(v / 1000, 1)} t` : `${group(v, 1)} kg`] as [string, string]),
    ], '  ');
  }
  if (r.sweep) out += `\nTotal cost vs launch price\n${renderSweepChart(r.sweep.rows, r.parityLaunchCostUsdPerKg, s)}`;
  return out;
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('orbital-dc')
    .description('orbital vs terrestrial data-centre cost (open McCalip model) and the launch price for parity')
    .option('--gw <GW>', 'average IT power to deliver, GW or with a unit ("500 MW") (default 1)')
    .option('--years <N>', 'analysis period, years or with a unit (default 5)')
    .option('--launch-cost <$/kg>', `launch price to LEO, $/kg or money with a unit ('$500/kg', '$0.5k/kg', '500 $/t') (default 500)`)
    .option('--specific-power <W/kg>', 'satellite specific power, W/kg or with a unit (default 36.5)')
    .option('--sat-power <W>', 'power per satellite, W or with a unit such as "27 kW" (default 27000)')
    .option('--sat-cost <$/W>', `satellite cost, $/W or money with a unit ('$22/W', '22 USD/W', '$22k/kW') (default 22)`)
    .option('--sun-fraction <f>', 'fraction of the orbit in sunlight (default 0.98)')
    .option('--degradation <f>', 'array degradation per year, 0.025 or 2.5% (default 0.025)')
    .option('--gpu-failure <f>', 'GPU failures per year as a fraction of hardware (default 0.09)')
    .option('--ops <f>', 'operations per year as a fraction of hardware (default 0.01)')
    .option('--nre <$>', `non-recurring engineering, $ ('$1B', '$250M', '1.5 bn USD', 1e9) (default 1e9)`)
    .option('--pue <x>', 'terrestrial power usage effectiveness (default 1.2)')
    .option('--gas-price <$/MMBtu>', `terrestrial gas price, $/MMBtu or money with a unit ('$4.30/MMBtu') (default 4.30)`)
    .option('--preset <name>', 'satellite preset: starlink-v2-mini, starlink-v3, starcloud-1')
    .option('--sweep <spec>', `sweep the launch price: launch-cost=FROM..TO[:N] ($/kg as --launch-cost takes it, e.g. 200..3600 or '$200..$3.6k/kg'; N points, default 18)`)
    .option('--delivered <list>', 'asteroid material already in orbit, e.g. Fe=2000t,Ni=200t,H2O=300t: launch saved and the parity shift')
    .addHelpText('after', `
Model (DESIGN §2.7): P_req = P/(sun·mean (1−d)^y); satellites = ceil(P_req/P_sat);
mass = satellites·P_sat/specific power; total = hardware + launch + ops + GPU replacement + NRE.
Terrestrial: P·(1.8·PUE + 12.5) $/W capex + gas fuel at CF 0.85, 6,200 BTU/kWh.

Money flags take a bare number in the unit shown, or "$"/"USD" with k, M (million; a lowercase m
is refused), B or bn, T, and the flag's denominator: $/kg also as $/t or $/lb, $/W also as $/kW.
Put a "$" before a digit in single quotes: the shell expands "$5" inside double quotes.

Examples:
  $ prospector orbital-dc                                   defaults: 1 GW, 5 yr, $500/kg
  $ prospector orbital-dc --launch-cost 200 --sat-cost 5 --json | jq .result.parityLaunchCostUsdPerKg
  $ prospector orbital-dc --launch-cost '$200/kg' --sat-cost '$5/W' --nre '$1.5B' --gas-price '$3.10/MMBtu'
  $ prospector orbital-dc --preset starlink-v3 --sweep 'launch-cost=$200..$3.6k/kg'
  $ prospector orbital-dc --sweep launch-cost=200..3600:35 --csv > sweep.csv
  $ prospector orbital-dc --sat-cost 5 --delivered Fe=3000t,H2O=500t
`);
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (opts: Record<string, string | boolean | undefined>) => {
    setExit(await runOutput(ctx, opts, async () => {
      const { orbitalDataCenter, launchCostSweep, orbitalComputeData } = await import('../../src/supply/orbital-data-center.js');
      const { radiatorAreaM2, solarArrayAreaM2 } = await import('../../src/supply/thermal-sizing.js');
      const str = (k: string) => opts[k] as string | undefined;
      const o: OrbitalDcOptions = { terrestrial: {} };
      if (str('gw') !== undefined) o.powerW = (await parseQuantityFlag(str('gw'), 'GW', '--gw', { positive: true })) * 1e9;
      if (str('years') !== undefined) o.years = await parseQuantityFlag(str('years'), 'yr', '--years', { positive: true, max: 100 });
      if (str('launchCost') !== undefined) o.launchUsdPerKg = parseMoneyFlag(str('launchCost'), USD_PER_KG, '--launch-cost', { min: 0 });
      if (str('specificPower') !== undefined) o.specificPowerWPerKg = await parseQuantityFlag(str('specificPower'), 'W/kg', '--specific-power', { positive: true });
      if (str('satPower') !== undefined) o.satPowerW = await parseQuantityFlag(str('satPower'), 'W', '--sat-power', { positive: true });
      if (str('satCost') !== undefined) o.satUsdPerW = parseMoneyFlag(str('satCost'), USD_PER_W, '--sat-cost', { min: 0 });
      if (str('sunFraction') !== undefined) {
        o.sunFraction = parseFraction(str('sunFraction'), '--sun-fraction');
        if (o.sunFraction === 0) throw new InputError('--sun-fraction: expected a fraction > 0', '--sun-fraction');
      }
      if (str('degradation') !== undefined) {
        o.degradationPerYear = parseFraction(str('degradation'), '--degradation');
        if (o.degradationPerYear >= 1) throw new InputError('--degradation: expected a fraction below 1 per year', '--degradation');
      }
      if (str('gpuFailure') !== undefined) o.gpuFailurePerYear = parseFraction(str('gpuFailure'), '--gpu-failure', { max: 10 });
      if (str('ops') !== undefined) o.opsPerYear = parseFraction(str('ops'), '--ops', { max: 10 });
      if (str('nre') !== undefined) o.nreUsd = parseMoneyFlag(str('nre'), USD, '--nre', { min: 0 });
      if (str('pue') !== undefined) o.terrestrial!.pue = parseNumber(str('pue'), '--pue', { min: 1 });
      if (str('gasPrice') !== undefined) o.terrestrial!.gasUsdPerMMBtu = parseMoneyFlag(str('gasPrice'), USD_PER_MMBTU, '--gas-price', { min: 0 });
      if (str('preset') !== undefined) o.preset = parseChoice(str('preset'), '--preset', Object.keys(orbitalComputeData().presets));
      const sweepSpec = str('sweep') !== undefined ? parseSweep(str('sweep')) : undefined;

      const base = orbitalDataCenter(o);
      const data = orbitalComputeData();
      const heatW = base.satellites * base.inputs.satPowerW;
      const radM2 = radiatorAreaM2(heatW, data.thermal.starcloudNetFluxWPerM2);
      const solarM2 = solarArrayAreaM2(heatW, data.solar.efficiency, data.solar.irradianceWPerM2);
      const result: OrbitalDcOutput = {
        ...base,
        sizing: {
          heatW,
          radiatorAreaM2: radM2,
          radiatorAreaKm2: radM2 / 1e6,
          radiatorNetFluxWPerM2: data.thermal.starcloudNetFluxWPerM2,
          solarArrayAreaM2: solarM2,
          solarArrayAreaKm2: solarM2 / 1e6,
          solarEfficiency: data.solar.efficiency,
        },
        warnings: [],
      };
      if (base.parityLaunchCostUsdPerKg === null) result.warnings.push(base.parityNote);
      if (sweepSpec) result.sweep = { rows: launchCostSweep(o, sweepSpec.from, sweepSpec.to, sweepSpec.steps).rows };
      const linkWarnings: string[] = [];
      if (str('delivered') !== undefined) {
        const { parseElementMass } = await import('./market.js');
        const { orbitalLink } = await import('../../src/supply/orbital-link.js');
        const delivered: Record<string, number> = {};
        for (const item of (str('delivered') ?? '').split(',').filter((x) => x.trim() !== '')) {
          const [el, kg] = parseElementMass(item, '--delivered');
          delivered[el] = (delivered[el] ?? 0) + kg;
        }
        if (Object.keys(delivered).length === 0) throw new InputError('--delivered: expected ELEMENT=MASS pairs such as Fe=2000t,H2O=300t', '--delivered');
        result.link = orbitalLink({ deliveredToOrbitKg: delivered, odc: o });
        linkWarnings.push(...result.link.notes.filter((n) => /no structural/.test(n)));
        result.warnings.push(...linkWarnings);
      }
      return {
        result,
        warnings: linkWarnings,
        text: (r: OrbitalDcOutput, s: Style) => renderText(r, s),
        csv: csvOf,
      };
    }));
  });
};

function csvOf(r: OrbitalDcOutput): string {
  if (r.sweep) {
    return toCsv(
      ['launch_usd_per_kg', 'orbital_total_usd', 'terrestrial_total_usd', 'orbital_lcoe_usd_per_mwh', 'orbital_over_terrestrial', 'parity_launch_usd_per_kg'],
      r.sweep.rows.map((x) => [x.launchUsdPerKg, x.orbitalTotalUsd, x.terrestrialTotalUsd, x.orbitalLcoeUsdPerMWh, x.ratio, r.parityLaunchCostUsdPerKg]),
    );
  }
  return toCsv(
    ['power_gw', 'years', 'launch_usd_per_kg', 'satellites', 'mass_t', 'hardware_usd', 'launch_usd', 'ops_usd', 'gpu_replacement_usd', 'nre_usd', 'total_usd', 'terrestrial_total_usd', 'lcoe_usd_per_mwh', 'terrestrial_lcoe_usd_per_mwh', 'parity_launch_usd_per_kg'],
    [[r.inputs.powerW / 1e9, r.inputs.years, r.inputs.launchUsdPerKg, r.satellites, r.massT, r.cost.hardware, r.cost.launch, r.cost.ops, r.cost.gpuReplacement, r.cost.nre, r.cost.total, r.terrestrial.total, r.lcoeUsdPerMWh, r.terrestrial.lcoeUsdPerMWh, r.parityLaunchCostUsdPerKg]],
  );
}
