// `prospector market`: delivered metal per element → share of world supply, price response and
// semiconductor equivalents (DESIGN §2.7), usable without a scenario.
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { parseNumber, parseQuantityFlag } from '../parse.js';
import { renderTable, renderPairs } from '../format/table.js';
import type { Style } from '../format/style.js';
import { InputError } from '../../src/errors.js';
import { toCsv } from '../../src/export/csv.js';
import { fmtUsd, parseFraction } from './orbital-dc.js';
import type { MarketImpactResult } from '../../src/supply/price-response.js';
import type { SemiconductorEquivalents, SemiconductorInputs } from '../../src/supply/semiconductors.js';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

const MASS_UNITS: Record<string, number> = { kg: 1, g: 1e-3, t: 1000, ozt: 0.0311034768, mg: 1e-6 };

/** "Pt=10t" → ["Pt", 10000]. Units kg (default), g, mg, t, ozt. */
export function parseElementMass(text: string, flag = 'ELEMENT=MASS'): [string, number] {
  const m = /^\s*([A-Z][a-z]?|H2O)\s*=\s*([0-9]*\.?[0-9]+(?:[eE][+-]?\d+)?)\s*(kg|g|mg|t|ozt)?\s*$/.exec(text);
  if (!m) throw new InputError(`${flag}: expected ELEMENT=MASS such as Pt=10t or Pd=2000 (kg, g, t or ozt), got "${text}"`, flag);
  const v = Number(m[2]) * MASS_UNITS[m[3] ?? 'kg'];
  if (!Number.isFinite(v) || v < 0) throw new InputError(`${flag}: mass must be ≥ 0, got "${text}"`, flag);
  return [m[1], v];
}

interface MarketCommandResult {
  perYear: boolean;
  deliveredKgPerYear: Record<string, number>;
  market: MarketImpactResult;
  semiconductors: SemiconductorEquivalents;
  warnings: string[];
}

/**
 * Reads a semiconductor stack file for `--layers`: YAML or JSON, either a list of layers or the
 * scenario's `supply.semiconductors` section ({layers, utilisation, dieAreaMm2, …}); the same
 * schema as scenarios, so units are accepted the same way ("2 nm", "8.14 cm^2").
 */
export async function loadSemiconductorStack(file: string, cwd: string): Promise<SemiconductorInputs> {
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${file}: is a directory (expected a layer-stack file)`, '--layers');
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read the layer-stack file (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`, '--layers');
  }
  const { parseDocumentText, describeZodError } = await import('../../src/scenario/load.js');
  const { semiconductorsSchema, NEEDS_UNITS } = await import('../../src/scenario/schema.js');
  const { loadUnits } = await import('../../src/scenario/units.js');
  const { z } = await import('zod');
  let doc: unknown;
  try {
    doc = await parseDocumentText(text, file);
  } catch (err) {
    throw new InputError((err as Error).message, '--layers');
  }
  if (Array.isArray(doc)) doc = { layers: doc };
  if (doc === null || typeof doc !== 'object') throw new InputError(`${file}: expected a list of layers or a mapping with layers, utilisation, dieAreaMm2, …`, '--layers');
  // Validated at its scenario path so messages and "did you mean" hints match the scenario's.
  const wrapper = z.strictObject({ supply: z.strictObject({ semiconductors: semiconductorsSchema }) });
  const wrapped = { supply: { semiconductors: doc } };
  let r = wrapper.safeParse(wrapped, { reportInput: true });
  if (!r.success && r.error.issues.some((i) => i.message === NEEDS_UNITS)) {
    await loadUnits();
    r = wrapper.safeParse(wrapped, { reportInput: true });
  }
  if (!r.success) {
    const { message } = describeZodError(r.error, file);
    throw new InputError(message.replace(`${file}: supply.semiconductors.`, `${file}: `).replace(`${file}: supply.semiconductors: `, `${file}: `), '--layers');
  }
  return r.data.supply.semiconductors;
}

const pct = (x: number | null) => (x === null ? '—' : Math.abs(x) >= 0.001 ? `${(x * 100).toPrecision(3)} %` : `${(x * 100).toExponential(2)} %`);
const big = (x: number) => (x >= 1e6 ? x.toExponential(3) : x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 2 : 0 }));

function renderText(r: MarketCommandResult, s: Style): string {
  const unit = r.perYear ? 'kg/yr' : 'kg';
  const rows = r.market.elements;
  let out = s.bold(`Market impact of delivered metal (${r.perYear ? 'per year' : 'one year\'s sale'})`) + '\n';
  out += renderTable(rows, [
    { header: 'element', value: (e) => e.element, align: 'left' },
    { header: unit, value: (e) => big(e.deliveredKgPerYear) },
    { header: 'price $/kg', value: (e) => (e.priceUsdPerKg === null ? 'no data' : big(e.priceUsdPerKg) + (e.priceApproximate ? '~' : '')) },
    { header: 'world share', value: (e) => pct(e.shareOfWorldSupply) + (e.supplyApproximate ? '~' : '') },
    { header: 'ex-dominant', value: (e) => (e.shareOfSupplyOutsideDominant === null ? '—' : `${pct(e.shareOfSupplyOutsideDominant)} (ex ${e.dominantProducer})`), align: 'left' },
    { header: 'price change', value: (e) => pct(e.priceChangeFraction) },
    { header: 'ε range price $/kg', value: (e) => (e.respondedPriceRangeUsdPerKg ? `${big(e.respondedPriceRangeUsdPerKg[0])}–${big(e.respondedPriceRangeUsdPerKg[1])}` : '—') },
    { header: 'revenue', value: (e) => fmtUsd(e.revenueUsdPerYear) },
  ], { header: s.bold });
  out += renderPairs([
    ['revenue at responded prices', fmtUsd(r.market.totalRevenueUsdPerYear)],
    ['naive (today\'s prices)', fmtUsd(r.market.totalNaiveRevenueUsdPerYear)],
    ...(r.market.ree ? [['ΣREE as oxide', `${big(r.market.ree.deliveredReoKgPerYear)} kg REO = ${pct(r.market.ree.shareOfWorldSupply)} of world REO, ${pct(r.market.ree.shareOfSupplyOutsideChina)} of supply outside China`] as [string, string]] : []),
  ]);
  if (rows.some((e) => e.priceApproximate || e.supplyApproximate)) out += s.dim('  ~ approximate figure (trade press or a derived share; see its source in --json)\n');
  for (const e of rows) {
    const why = e.notes.find((n) => n.startsWith('world supply derived') || n.startsWith('no world-supply figure'));
    if (why) out += s.dim(`  ${e.element}: ${why}\n`);
  }
  const sc = r.semiconductors;
  out += '\n' + s.bold(`Semiconductor equivalents (${sc.die.name}, ${Number(sc.die.areaMm2.toPrecision(6))} mm²: ${sc.die.grossPerWafer} gross dies/wafer, yield ${(sc.die.yield * 100).toFixed(0)} %; ${sc.stack} layer stack)`) + '\n';
  if (sc.die.note) out += `  ${s.yellow('!')} ${sc.die.note}\n`;
  if (sc.elements.length === 0) out += '  none of the delivered elements is in the wafer film stack\n';
  else {
    out += renderTable(sc.elements, [
      { header: 'element', value: (e) => e.element, align: 'left' },
      { header: 'g/wafer', value: (e) => e.gramsPerWafer.toPrecision(3) },
      { header: 'wafers/yr', value: (e) => big(e.wafersPerYear) },
      { header: 'accelerators/yr', value: (e) => big(e.acceleratorsPerYear) },
      { header: 'mg/accelerator', value: (e) => (e.mgPerAccelerator === null ? '—' : e.mgPerAccelerator.toPrecision(3)) },
      { header: '× world wafers', value: (e) => (e.shareOfWorldWafers >= 0.01 ? e.shareOfWorldWafers.toPrecision(3) : e.shareOfWorldWafers.toExponential(2)) },
    ], { header: s.bold });
  }
  if (sc.notInStackNote) out += `  ${sc.notInStackNote}\n`;
  out += s.dim(`  world output ≈ ${big(sc.worldWafersPerYear)} 300 mm-equivalent wafers/yr (SEMI ${sc.worldWafersYear}, all device types); film stack utilisation ${sc.utilisation}\n`);
  return out;
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('market')
    .description('delivered metal → share of world supply, market-responded price and semiconductor equivalents')
    .argument('<element=mass...>', 'delivered mass per element, e.g. Pt=10t Pd=2000 (kg by default; g, t, ozt)')
    .option('--once', 'a one-off quantity rather than a yearly flow (it is sold within one year)')
    .option('--elasticity <list>', 'override ε per element, e.g. Pt=-0.3,Pd=-1')
    .option('--layers <file>', 'semiconductor layer stack (YAML/JSON): a list of layers, or {layers, utilisation, dieAreaMm2, defectDensityPerCm2, …} as in a scenario\'s supply.semiconductors')
    .option('--die-area <mm2>', 'accelerator die area, mm² or with a unit ("8.14 cm^2") (default 814, NVIDIA H100; overrides --layers)')
    .option('--utilisation <f>', 'sputter target utilisation for the film stack (default 0.3; overrides --layers)')
    .addHelpText('after', `
Price response p = p0·(1 + ΔS/S0)^(1/ε) (DESIGN §2.7), with the data/markets.json figures
(USGS MCS; each with its source). Elements without market data are reported, not guessed.

Examples:
  $ prospector market Pt=10t                         10 t/yr of platinum
  $ prospector market Pt=2t Pd=1t Ru=300 Co=50t --json | jq .result.market.elements
  $ prospector market Nd=5t Dy=500 --elasticity Nd=-0.3 --csv
  $ prospector market Pt=1t Ru=200 --layers stack.yaml     a custom film stack

A layer: {element: Ru, thicknessNm: 2, levels: 6} (optional id, densityGcm3, utilisation,
source); thickness is the element-equivalent blanket film per level. Defaults and their
sources: data/semiconductors.json.
`);
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (pairs: string[], opts: Record<string, string | boolean | undefined>) => {
    setExit(await runOutput(ctx, opts, async () => {
      const { loadMarkets } = await import('../../src/supply/market-data.js');
      const { marketImpact } = await import('../../src/supply/price-response.js');
      const { semiconductorEquivalents } = await import('../../src/supply/semiconductors.js');
      const delivered: Record<string, number> = {};
      for (const p of pairs) {
        const [el, kg] = parseElementMass(p);
        delivered[el] = (delivered[el] ?? 0) + kg;
      }
      const table = loadMarkets();
      const unknown = Object.keys(delivered).filter((el) => !table.metals[el]);
      if (unknown.length) throw new InputError(`ELEMENT=MASS: no market entry for ${unknown.join(', ')} (known: ${Object.keys(table.metals).join(', ')})`, 'ELEMENT=MASS');
      const elasticity: Record<string, number> = {};
      if (typeof opts.elasticity === 'string') {
        for (const item of opts.elasticity.split(',')) {
          const m = /^\s*([A-Z][a-z]?)\s*=\s*(.+)$/.exec(item);
          if (!m) throw new InputError(`--elasticity: expected ELEMENT=VALUE pairs such as Pt=-0.3, got "${item}"`, '--elasticity');
          elasticity[m[1]] = parseNumber(m[2], '--elasticity', { max: -1e-9 });
        }
      }
      const semiInputs: SemiconductorInputs = typeof opts.layers === 'string' ? await loadSemiconductorStack(opts.layers, ctx.cwd) : {};
      if (typeof opts.dieArea === 'string') semiInputs.dieAreaMm2 = await parseQuantityFlag(opts.dieArea, 'mm^2', '--die-area', { positive: true, max: 70000 });
      if (typeof opts.utilisation === 'string') {
        semiInputs.utilisation = parseFraction(opts.utilisation, '--utilisation');
        if (semiInputs.utilisation === 0) throw new InputError('--utilisation: expected a fraction > 0', '--utilisation');
      }
      const market = marketImpact(delivered, table, { elasticityOverride: elasticity });
      let semiconductors: SemiconductorEquivalents;
      try {
        semiconductors = semiconductorEquivalents(delivered, semiInputs);
      } catch (err) {
        // The engine names the field (layers[2].densityGcm3); say which file it came from.
        if (err instanceof InputError && typeof opts.layers === 'string' && /^(layers|utilisation|edgeExclusion|waferDiameter|dieArea|defectDensity)/.test(err.message)) throw new InputError(`${opts.layers}: ${err.message}`, '--layers');
        throw err;
      }
      const warnings = [...market.warnings, ...(semiconductors.die.note ? [semiconductors.die.note] : [])];
      const result: MarketCommandResult = { perYear: opts.once !== true, deliveredKgPerYear: delivered, market, semiconductors, warnings };
      return {
        result,
        warnings,
        text: (r: MarketCommandResult, s: Style) => renderText(r, s),
        csv: (r: MarketCommandResult) => {
          const semi = new Map(r.semiconductors.elements.map((e) => [e.element, e]));
          return toCsv(
            ['element', 'delivered_kg_per_year', 'price_usd_per_kg', 'price_year', 'world_supply_kg_per_year', 'supply_basis', 'share_of_world_supply', 'dominant_producer', 'share_outside_dominant', 'elasticity', 'responded_price_usd_per_kg', 'price_change_fraction', 'revenue_usd_per_year', 'naive_revenue_usd_per_year', 'wafers_per_year', 'accelerators_per_year'],
            r.market.elements.map((e) => [
              e.element, e.deliveredKgPerYear, e.priceUsdPerKg, e.priceYear, e.worldSupplyKgPerYear, e.supplyBasis, e.shareOfWorldSupply, e.dominantProducer,
              e.shareOfSupplyOutsideDominant, e.elasticity?.value ?? null, e.respondedPriceUsdPerKg, e.priceChangeFraction, e.revenueUsdPerYear, e.naiveRevenueUsdPerYear,
              semi.get(e.element)?.wafersPerYear ?? null, semi.get(e.element)?.acceleratorsPerYear ?? null,
            ]),
          );
        },
      };
    }));
  });
};

/** Text block for `prospector target`: the whole-body market impact (DESIGN §2.7). */
export function renderWholeBodyImpact(r: import('../../src/supply/whole-body-impact.js').WholeBodyMarketImpact, s: Style): string {
  const sci = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : x === 0 ? '0' : Math.abs(x) >= 1e5 || Math.abs(x) < 1e-2 ? x.toExponential(2) : x.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  let out = `${s.bold('market impact')} (whole body at median grades, sold within ${r.releaseYears} yr; p = p0·(1 + M/S0)^(1/ε))\n`;
  if (r.elements.length === 0) return out + '  no traded commodity in this composition\n';
  out += renderTable(r.elements, [
    { header: '  element', value: (e) => `  ${e.element}`, align: 'left' },
    { header: 'contained kg', value: (e) => sci(e.containedKg) },
    { header: 'years of world supply', value: (e) => (e.yearsOfWorldSupply === null ? 'no data' : `${sci(e.yearsOfWorldSupply)}${e.supplyApproximate ? '~' : ''}${e.yearsOfWorldSupplyRange ? ` (${sci(e.yearsOfWorldSupplyRange[0])}–${sci(e.yearsOfWorldSupplyRange[1])})` : ''}`) },
    { header: 'price $/kg', value: (e) => sci(e.priceUsdPerKg) },
    { header: 'naive value', value: (e) => fmtUsd(e.naiveValueUsd) },
    { header: 'implied $/kg', value: (e) => sci(e.impliedPriceUsdPerKg) },
    { header: 'value at implied', value: (e) => fmtUsd(e.valueAtImpliedPriceUsd) },
  ], { header: s.dim });
  if (r.ree) out += `  ΣREE as oxide: ${sci(r.ree.containedReoKg)} kg REO = ${sci(r.ree.yearsOfWorldSupply)} years of world REO mine output${r.ree.yearsOfWorldSupplyRange ? ` (${sci(r.ree.yearsOfWorldSupplyRange[0])}–${sci(r.ree.yearsOfWorldSupplyRange[1])})` : ''}\n`;
  if (r.elements.some((e) => e.supplyApproximate)) out += s.dim('  ~ approximate world-supply figure (Rh/Ir/Ru trade figures, REE derived from a published output distribution; sources in --json)\n');
  out += `  ${r.summary}\n`;
  return out;
}
