// `prospector export <scenario> --format csv|json|svg -o FILE|-`: the yield forecast per element and year.
import { isAbsolute, resolve } from 'node:path';
import type { RegisterCommand } from '../command.js';
import { runOutput } from '../command.js';
import { InputError } from '../../src/errors.js';
import { parseChoice } from '../parse.js';
import { loadScenarioFor, planScenario, withPlanFlags, type PlanFlags } from './plan.js';

const FORMATS = ['csv', 'json', 'svg'] as const;

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('export')
    .description('export the yield forecast per element and year (P10/P50/P90 kg delivered and value): CSV, JSON or an SVG fan chart')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption('--format <fmt>', 'csv | json | svg')
    .requiredOption('-o, --output <file>', 'output file, or "-" for stdout')
    .option('--force', 'overwrite an existing output file')
    .option('--json', 'print a JSON summary of what was written (stdout must not also carry the export)')
    .addHelpText(
      'after',
      `
Examples:
  $ prospector export examples/metal-pgm-earth.yaml --format csv -o yield.csv
  $ prospector export examples/water-orbit-ctype.yaml --format svg -o fan.svg --force
  $ prospector export examples/rare-earth-stype.yaml --format json -o - | jq '.result.years[0]'
`,
    );
  withPlanFlags(cmd);
  cmd.action(async (file: string, opts: PlanFlags & { format: string; output: string; force?: boolean; json?: boolean }) => {
    setExit(
      await runOutput(ctx, { json: opts.json }, async () => {
        const format = parseChoice(opts.format, '--format', FORMATS);
        if (opts.output === '-' && opts.json) throw new InputError('--json with -o -: stdout carries the export; drop --json or write to a file', '--json');
        // Refuse before the (possibly long) planning run if the target exists.
        const outPath = opts.output === '-' ? null : isAbsolute(opts.output) ? opts.output : resolve(ctx.cwd, opts.output);
        if (outPath && !opts.force) {
          const { existsSync } = await import('node:fs');
          if (existsSync(outPath)) throw new InputError(`${opts.output}: file exists; pass --force to overwrite`, '--output');
        }
        const sc = await loadScenarioFor(ctx, file);
        const { plan } = await planScenario(ctx, sc, opts);
        const { forecastCsv, forecastDocument, forecastByYear } = await import('../../src/export/forecast.js');
        let data: string;
        if (format === 'csv') data = forecastCsv(plan);
        else if (format === 'json') {
          const { jsonResult } = await import('../format/json.js');
          data = jsonResult(forecastDocument(plan));
        } else {
          const { fanChartSvg } = await import('../../src/export/fan-chart-svg.js');
          const launchYear = plan.trajectory.modelled ? Number(plan.trajectory.launch.slice(0, 4)) : undefined;
          const target = plan.target.modelled ? plan.target.displayName : sc.target.designation;
          data = fanChartSvg(forecastByYear(plan), {
            title: `Delivered ${plan.scenario.delivery === 'earth' ? 'to Earth' : 'to Earth orbit'}: ${target}`,
            subtitle: `${plan.scenario.name} · ${plan.scenario.samples} Monte Carlo samples, seed ${plan.scenario.seed} · cumulative over the campaign`,
            startYear: launchYear,
          });
        }
        const rows = forecastByYear(plan).length;
        if (outPath === null) {
          ctx.stdout.write(data);
        } else {
          const { writeFileAtomic } = await import('../../src/export/atomic-write.js');
          writeFileAtomic(outPath, data, { force: opts.force, field: '--output' });
        }
        const result = { written: opts.output, format, rows, bytes: Buffer.byteLength(data), warnings: plan.warnings };
        return {
          result,
          warnings: plan.warnings,
          text: (r) => (outPath === null ? '' : `wrote ${r.written} (${r.format}, ${r.rows} element-year rows)\n`),
        };
      }),
    );
  });
};
