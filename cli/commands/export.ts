// `prospector export <scenario> --format csv|json|svg -o FILE|-`: the yield forecast per element and year.
import { isAbsolute, resolve } from 'node:path';
import type { RegisterCommand } from '../command.js';
import { runOutput } from '../command.js';
import { InputError } from '../../src/errors.js';
import { loadScenarioFor, planScenario, withPlanFlags, type PlanFlags } from './plan.js';

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('export')
    .description('export the yield forecast per element and year (P10/P50/P90 kg delivered and value): CSV, JSON or an SVG fan chart')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--format <fmt>', 'csv | json | svg (default: PROSPECTOR_EXPORT_FORMAT, then exportFormat in a config file)')
    .requiredOption('-o, --output <file>', 'output file, or "-" for stdout')
    .option('--force', 'overwrite an existing output file')
    .option('--bom', 'start the CSV with a UTF-8 byte-order mark, so Excel reads non-ASCII names right (default: PROSPECTOR_CSV_BOM, csvBom in a config file)')
    .option('--json', 'print a JSON summary of what was written (stdout must not also carry the export)')
    .addHelpText(
      'after',
      `
Examples:
  $ prospector export examples/metal-pgm-earth.yaml --format csv -o yield.csv
  $ prospector export examples/metal-pgm-earth.yaml --format csv --bom -o yield-excel.csv
  $ prospector export examples/water-orbit-ctype.yaml --format svg -o fan.svg --force
  $ prospector export examples/rare-earth-stype.yaml --format json -o - | jq '.result.years[0]'

One row per element and calendar year from the first delivery to the last (zeros in the
years between campaign deliveries). CSV: RFC 4180, CRLF, ASCII headers with units, ISO dates;
UTF-8 (add --bom for Excel when names are not plain ASCII). The file is written to a temp
file and moved into place; an existing file is never replaced without --force.
`,
    );
  withPlanFlags(cmd);
  cmd.action(async (file: string, opts: PlanFlags & { format?: string; output: string; force?: boolean; bom?: boolean; json?: boolean }) => {
    setExit(
      await runOutput(ctx, { json: opts.json }, async () => {
        const { resolveExportSettings, EXPORT_FORMATS } = await import('../config.js');
        const settings = resolveExportSettings({ format: opts.format, bom: opts.bom }, ctx);
        const format = settings.format;
        if (format === undefined) {
          throw new InputError(`--format: required (${EXPORT_FORMATS.join(', ')}); or set exportFormat in ./prospector.config.json or the user config`, '--format');
        }
        if (opts.bom && format !== 'csv') throw new InputError(`--bom: applies to --format csv only, not ${format}`, '--bom');
        if (opts.output === '-' && opts.json) throw new InputError('--json with -o -: stdout carries the export; drop --json or write to a file', '--json');
        // Refuse before the (possibly long) planning run if the target exists; the write itself
        // is exclusive as well, in case the file appears while we plan.
        const outPath = opts.output === '-' ? null : isAbsolute(opts.output) ? opts.output : resolve(ctx.cwd, opts.output);
        if (outPath && !opts.force) {
          const { existsSync } = await import('node:fs');
          if (existsSync(outPath)) throw new InputError(`${opts.output}: file exists; pass --force to overwrite`, '--output');
        }
        const sc = await loadScenarioFor(ctx, file);
        const { plan } = await planScenario(ctx, sc, opts);
        const { forecastCsv, forecastDocument, forecastByYear, hasNonAscii } = await import('../../src/export/forecast.js');
        let data: string;
        const notes: string[] = [];
        if (format === 'csv') {
          data = forecastCsv(plan, { bom: settings.bom });
          if (!settings.bom && hasNonAscii(data)) notes.push('the CSV holds non-ASCII text (UTF-8); for Excel add --bom (or csvBom: true in a config file)');
        } else if (format === 'json') {
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
          writeFileAtomic(outPath, data, { force: opts.force, field: '--output', shown: opts.output });
        }
        const warnings = [...plan.warnings, ...notes];
        const result = { written: opts.output, format, rows, bytes: Buffer.byteLength(data), bom: format === 'csv' ? settings.bom : false, warnings };
        return {
          result,
          warnings,
          // A message, not data: stdout stays empty when the forecast went to a file.
          text: (r) => {
            if (outPath !== null) ctx.stderr.write(`wrote ${r.written} (${r.format}, ${r.rows} element-year rows)\n`);
            return '';
          },
        };
      }),
    );
  });
};
