// `prospector compare <scenario...> [--vary path=A..B:N]`: several plans side by side (headline figures).
import { dirname, isAbsolute, resolve } from 'node:path';
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { InputError } from '../../src/errors.js';
import type { Plan } from '../../src/scenario/plan-types.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { loadScenarioFor, planScenario, withPlanFlags, type PlanFlags } from './plan.js';
import { parseMoneyRange, USD, USD_PER_KG, USD_PER_MMBTU, USD_PER_W, USD_PER_YEAR, type MoneyUnit } from '../parse.js';

export interface CompareRow {
  label: string;
  /** 'infeasible' when the chain has no solution for this scenario (the reason is in `note`). */
  status: 'ok' | 'infeasible';
  note: string | null;
  source: string | null;
  target: string | null;
  delivery: 'earth' | 'orbit';
  launch: string | null;
  totalDays: number | null;
  dvTotalKmS: number | null;
  refinedKg: number | null;
  deliveredKg: number | null;
  deliveredP10Kg: number | null;
  deliveredP50Kg: number | null;
  deliveredP90Kg: number | null;
  capsulesP50: number | null;
  npvUsd: number | null;
  npvP10Usd: number | null;
  npvP50Usd: number | null;
  npvP90Usd: number | null;
  warnings: number;
}

export interface Sweep {
  path: string[];
  values: Array<string | number>;
}

const NUM_UNIT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*?)\s*$/;

const MONEY_PER: Record<string, MoneyUnit> = { Kg: USD_PER_KG, W: USD_PER_W, MMBtu: USD_PER_MMBTU, Year: USD_PER_YEAR, Yr: USD_PER_YEAR };

/**
 * The money unit of a scenario field named in USD (finance.launchCostUsdPerKg → $/kg,
 * capsules.costUsd → $, markets.pricesUsdPerKg.Pt → $/kg), or undefined for other fields.
 */
export function moneyUnitOfPath(path: readonly string[]): MoneyUnit | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const m = /Usd(?:Per([A-Z][A-Za-z]*))?$/.exec(path[i]);
    if (!m) continue;
    if (m[1] === undefined) return USD;
    return MONEY_PER[m[1]] ?? { per: m[1], example: `$1/${m[1]}` };
  }
  return undefined;
}

/**
 * "spacecraft.power=20kW..60kW:5" → the field path and N evenly spaced values (units kept). A field
 * named in USD takes money as the money flags do ("finance.launchCostUsdPerKg=$1.5k..$3.6k/kg:4",
 * "finance.operationsUsdPerYear=10M..30M:3"), swept as plain numbers in its unit.
 */
export function parseVary(text: string): Sweep {
  const flag = '--vary';
  const m = /^([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*)=(.+)\.\.(.+):(\d+)$/.exec(text.trim());
  if (!m) throw new InputError(`${flag}: expected PATH=FROM..TO:N, e.g. spacecraft.power=20kW..60kW:5, got "${text}"`, flag);
  const [, path, a, b, nText] = m;
  const n = Number(nText);
  if (!Number.isInteger(n) || n < 2 || n > 100) throw new InputError(`${flag}: expected 2–100 steps after ":", got ${nText}`, flag);
  const segments = path.split('.');
  const money = moneyUnitOfPath(segments);
  if (money) {
    const [x0, x1] = parseMoneyRange(`${a}..${b}`, money, flag);
    return { path: segments, values: Array.from({ length: n }, (_, i) => +(x0 + ((x1 - x0) * i) / (n - 1)).toPrecision(12)) };
  }
  if (/\$|\bUSD\b/i.test(`${a}..${b}`)) {
    throw new InputError(`${flag}: ${path} is not a money field (money fields are named …Usd or …UsdPer…, e.g. finance.launchCostUsdPerKg), got "${a}..${b}"`, flag);
  }
  const ma = NUM_UNIT.exec(a);
  const mb = NUM_UNIT.exec(b);
  if (!ma || !mb) throw new InputError(`${flag}: expected numbers with an optional unit in FROM..TO, got "${a}..${b}"`, flag);
  const unitA = ma[2];
  const unitB = mb[2] || unitA;
  if (unitA !== unitB) throw new InputError(`${flag}: FROM and TO must use the same unit, got "${unitA}" and "${unitB}"`, flag);
  const x0 = Number(ma[1]);
  const x1 = Number(mb[1]);
  const values: Array<string | number> = [];
  for (let i = 0; i < n; i++) {
    const v = +(x0 + ((x1 - x0) * i) / (n - 1)).toPrecision(12);
    values.push(unitA ? `${v} ${unitA}` : v);
  }
  return { path: path.split('.'), values };
}

function setPath(doc: Record<string, unknown>, path: string[], value: unknown): void {
  let o: Record<string, unknown> = doc;
  for (const k of path.slice(0, -1)) {
    const next = o[k];
    if (next === undefined || next === null) o[k] = {};
    else if (typeof next !== 'object' || Array.isArray(next)) throw new InputError(`--vary: ${path.join('.')}: ${k} is not a section of the scenario`, '--vary');
    o = o[k] as Record<string, unknown>;
  }
  o[path[path.length - 1]] = value;
}

export function compareRow(label: string, p: Plan): CompareRow {
  return {
    label,
    status: 'ok',
    note: null,
    source: p.scenario.source,
    target: p.target.modelled ? p.target.displayName : null,
    delivery: p.scenario.delivery,
    launch: p.trajectory.modelled ? p.trajectory.launch : null,
    totalDays: p.trajectory.modelled ? p.trajectory.totalDays : null,
    dvTotalKmS: p.trajectory.modelled ? p.trajectory.dvTotalKmS : null,
    refinedKg: p.refining.modelled ? p.refining.refinedKg : null,
    deliveredKg: p.delivered.modelled ? p.delivered.deliveredKg : null,
    deliveredP10Kg: p.uncertainty.bands.deliveredKg?.p10 ?? null,
    deliveredP50Kg: p.uncertainty.bands.deliveredKg?.p50 ?? null,
    deliveredP90Kg: p.uncertainty.bands.deliveredKg?.p90 ?? null,
    capsulesP50: p.uncertainty.bands.capsules?.p50 ?? (p.capsules.modelled ? p.capsules.count : null),
    npvUsd: p.economics.modelled ? p.economics.npvUsd : null,
    npvP10Usd: p.uncertainty.bands.npvUsd?.p10 ?? null,
    npvP50Usd: p.uncertainty.bands.npvUsd?.p50 ?? null,
    npvP90Usd: p.uncertainty.bands.npvUsd?.p90 ?? null,
    warnings: p.warnings.length,
  };
}

function infeasibleRow(label: string, sc: Scenario, note: string): CompareRow {
  return {
    label, status: 'infeasible', note, source: sc.source ?? null, target: sc.target.designation, delivery: sc.delivery,
    launch: null, totalDays: null, dvTotalKmS: null, refinedKg: null, deliveredKg: null, deliveredP10Kg: null, deliveredP50Kg: null,
    deliveredP90Kg: null, capsulesP50: null, npvUsd: null, npvP10Usd: null, npvP50Usd: null, npvP90Usd: null, warnings: 0,
  };
}

export const COMPARE_CSV_HEADER = [
  'label', 'status', 'source', 'target', 'delivery', 'launch_date', 'total_days', 'dv_total_km_s', 'refined_kg', 'delivered_kg',
  'delivered_p10_kg', 'delivered_p50_kg', 'delivered_p90_kg', 'capsules_p50', 'npv_usd', 'npv_p10_usd', 'npv_p50_usd', 'npv_p90_usd', 'warnings',
] as const;

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('compare')
    .description('plan several scenarios (or one swept over a field) and show the headline figures side by side')
    .argument('<scenario...>', 'scenario files (YAML or JSON)')
    .option('--vary <path=FROM..TO:N>', `sweep one field of a single scenario, e.g. spacecraft.power=20kW..60kW:5; fields in USD take money ('finance.launchCostUsdPerKg=$1.5k..$3.6k/kg:4')`)
    .addHelpText(
      'after',
      `
Examples:
  $ prospector compare examples/*.yaml
  $ prospector compare examples/metal-pgm-earth.yaml --vary refinery.concentratorDiameter=10m..30m:5
  $ prospector compare examples/metal-pgm-earth.yaml --vary 'finance.launchCostUsdPerKg=$1.5k..$3.6k/kg:4'
  $ prospector compare a.yaml b.yaml --samples 200 --csv > compare.csv
`,
    );
  withPlanFlags(cmd);
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (files: string[], opts: PlanFlags & { vary?: string }) => {
    setExit(
      await runOutput(ctx, opts, async () => {
        const jobs: Array<{ label: string; scenario: () => Promise<Scenario> }> = [];
        if (opts.vary !== undefined) {
          if (files.length !== 1) throw new InputError('--vary: give exactly one scenario to sweep', '--vary');
          const sweep = parseVary(opts.vary);
          const { readScenarioDocument, parseScenario } = await import('../../src/scenario/load.js');
          const file = files[0];
          const abs = isAbsolute(file) ? file : resolve(ctx.cwd, file);
          for (const v of sweep.values) {
            const label = `${sweep.path.join('.')}=${v}`;
            jobs.push({
              label,
              scenario: async () => {
                const doc = (await readScenarioDocument(abs, { source: file })) as Record<string, unknown>;
                if (doc === null || typeof doc !== 'object') return parseScenario(doc, file);
                setPath(doc, sweep.path, v);
                const sc = await parseScenario(doc, `${file} [${label}]`, file);
                const cat = sc.target.catalog;
                // As loadScenario does: a catalog named in the file is relative to the file.
                return cat !== undefined && !isAbsolute(cat) ? { ...sc, target: { ...sc.target, catalog: resolve(dirname(abs), cat) } } : sc;
              },
            });
          }
        } else {
          for (const f of files) jobs.push({ label: f, scenario: () => loadScenarioFor(ctx, f) });
        }
        // Validate every scenario before planning any: a typo in the last file should not cost a long run.
        const scenarios: Scenario[] = [];
        for (const j of jobs) scenarios.push(await j.scenario());
        const rows: CompareRow[] = [];
        const warnings: string[] = [];
        const { NoSolutionError } = await import('../../src/errors.js');
        for (let i = 0; i < jobs.length; i++) {
          try {
            const { plan } = await planScenario(ctx, { ...scenarios[i], source: scenarios[i].source ?? files[0] }, opts);
            rows.push(compareRow(jobs[i].label, plan));
            for (const w of plan.warnings) warnings.push(`${jobs[i].label}: ${w}`);
          } catch (err) {
            // In a comparison an infeasible variant is a result, not a failure of the command.
            if (!(err instanceof NoSolutionError)) throw err;
            rows.push(infeasibleRow(jobs[i].label, scenarios[i], err.message));
            warnings.push(`${jobs[i].label}: infeasible: ${err.message}`);
          }
        }
        if (rows.every((r) => r.status === 'infeasible')) {
          throw new NoSolutionError(`compare: no scenario is feasible (${rows[0].note})`, 'compare');
        }
        const { renderTable } = await import('../format/table.js');
        const { num, usd } = await import('../format/plan-report.js');
        const { toCsv } = await import('../../src/export/csv.js');
        const band = (a: number | null, b: number | null, c: number | null, f: (x: number | null) => string) => (b === null ? '—' : `${f(b)} (${f(a)} to ${f(c)})`);
        return {
          result: { rows, warnings },
          warnings,
          csv: (r) =>
            toCsv(
              COMPARE_CSV_HEADER,
              r.rows.map((x) => [x.label, x.status, x.source, x.target, x.delivery, x.launch, x.totalDays, x.dvTotalKmS, x.refinedKg, x.deliveredKg, x.deliveredP10Kg, x.deliveredP50Kg, x.deliveredP90Kg, x.capsulesP50, x.npvUsd, x.npvP10Usd, x.npvP50Usd, x.npvP90Usd, x.warnings]),
            ),
          text: (r, style) =>
            renderTable(
              r.rows,
              [
                { header: 'scenario', value: (x) => x.label, align: 'left' },
                { header: 'target', value: (x) => x.target ?? '—', align: 'left' },
                { header: 'to', value: (x) => x.delivery, align: 'left' },
                { header: 'launch', value: (x) => x.launch ?? '—', align: 'left' },
                { header: 'days', value: (x) => num(x.totalDays) },
                { header: 'Δv km/s', value: (x) => num(x.dvTotalKmS) },
                { header: 'refined kg', value: (x) => num(x.refinedKg) },
                { header: 'delivered kg P50 (P10 to P90)', value: (x) => band(x.deliveredP10Kg, x.deliveredP50Kg ?? x.deliveredKg, x.deliveredP90Kg, num) },
                { header: 'capsules', value: (x) => num(x.capsulesP50) },
                { header: 'NPV P50 (P10 to P90)', value: (x) => (x.status === 'infeasible' ? style.red('infeasible') : band(x.npvP10Usd, x.npvP50Usd ?? x.npvUsd, x.npvP90Usd, usd)) },
              ],
              { header: style.bold },
            ),
        };
      }),
    );
  });
};
