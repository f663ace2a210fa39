// `prospector screen`: rank the catalog by best round-trip Δv (Shoemaker–Helin prune, then Lambert grids on worker threads).
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { parseNumber } from '../parse.js';
import { fmt, renderTable } from '../format/table.js';
import { makeStyle, type Style } from '../format/style.js';
import { toCsv } from '../../src/export/csv.js';
// The marker alone: trajectory/warnings.js would load the ephemeris at every start-up.
import { UNTRUSTWORTHY } from '../../src/trajectory/warning-markers.js';
import type { ScreenProgress, ScreenResult } from '../../src/trajectory/screen.js';
import { addTripConstraintFlags, tripConstraintsFromFlags, type TripFlagValues } from './trip.js';

interface ScreenFlags extends TripFlagValues {
  limit?: string;
  workers?: string;
  shard?: string;
  maxShDv?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
  csv?: boolean;
}

const CSV_HEADER = [
  'rank', 'designation', 'name', 'orbit_class', 'h_mag', 'diameter_km', 'sh_dv_km_s',
  'min_dv_total_km_s', 'min_dv_launch', 'min_dv_out_days', 'min_dv_stay_days', 'min_dv_return_days', 'min_dv_total_days', 'min_dv_c3_km2_s2',
  'min_dur_total_days', 'min_dur_dv_total_km_s', 'min_dur_launch', 'warnings',
];

export function screenCsv(r: ScreenResult): string {
  return toCsv(
    CSV_HEADER,
    r.rows.map((x) => [
      x.rank, x.designation, x.name ?? '', x.orbitClass, x.H, x.diameterKm, x.shDvKmS,
      x.minDv.dvTotalKmS, x.minDv.launch.slice(0, 10), x.minDv.outDays, x.minDv.stayDays, x.minDv.returnDays, x.minDv.totalDays, x.minDv.c3,
      x.minDuration.totalDays, x.minDuration.dvTotalKmS, x.minDuration.launch.slice(0, 10), x.warnings.join(' | '),
    ]),
  );
}

export function screenText(r: ScreenResult, s: Style): string {
  const c = r.settings.constraints;
  const head =
    `Round-trip screen: ${r.feasible} of ${r.processed} candidates feasible` +
    (r.partial ? s.yellow(` (PARTIAL: stopped after ${r.processed} of ${r.assigned})`) : '') +
    (r.shard ? ` — shard ${r.shard.k}/${r.shard.n} (${r.assigned} of ${r.candidates} candidates)` : r.merged ? ` — merged from ${r.merged.shards} shards` : '') +
    `\nconstraints: launch ${r.settings.launchFrom}..${r.settings.launchTo}, ≤ ${c.maxDays} d, stay ≥ ${c.minStayDays} d, C3 ≤ ${c.maxC3}, entry ≤ ${c.maxEntryKmS} km/s, Δv ≤ ${c.maxDvKmS} km/s, step ${c.stepDays} d; ` +
    `Shoemaker–Helin prune ≤ ${r.settings.maxShDvKmS} km/s${r.settings.limit !== null ? `, best ${r.settings.limit}` : ''}\n\n`;
  const table = renderTable(r.rows, [
    { header: 'rank', value: (x) => String(x.rank) },
    { header: 'designation', value: (x) => (x.name ? `${x.designation} ${x.name}` : x.designation), align: 'left' },
    { header: 'class', value: (x) => x.orbitClass, align: 'left' },
    { header: 'H', value: (x) => fmt(x.H, 1) },
    { header: 'SH Δv', value: (x) => fmt(x.shDvKmS, 2) },
    { header: 'min Δv km/s', value: (x) => s.bold(fmt(x.minDv.dvTotalKmS)) },
    { header: 'launch', value: (x) => x.minDv.launch.slice(0, 10), align: 'left' },
    { header: 'out/stay/ret d', value: (x) => `${x.minDv.outDays}/${x.minDv.stayDays}/${x.minDv.returnDays}` },
    { header: 'min days', value: (x) => String(x.minDuration.totalDays) },
    { header: 'Δv', value: (x) => fmt(x.minDuration.dvTotalKmS, 2) },
    { header: 'orbit', value: (x) => orbitFlag(x.warnings, s), align: 'left' },
  ]);
  const foot = r.errors.length ? `\n${r.errors.length} candidate(s) failed: ${r.errors.slice(0, 3).map((e) => `${e.designation} (${e.message})`).join('; ')}\n` : '';
  return head + table + foot;
}

/** Short flag for the warnings that matter most when reading the ranking (all of them are in --json/--csv). */
function orbitFlag(warnings: string[], s: Style): string {
  const f: string[] = [];
  if (warnings.some((w) => w.includes(UNTRUSTWORTHY))) f.push(s.yellow('⚠ encounters'));
  else if (warnings.some((w) => w.includes('AU from Earth'))) f.push('close approach');
  const u = warnings.map((w) => /uncertainty U = (\d)/.exec(w)).find(Boolean);
  if (u) f.push(s.yellow(`U=${u[1]}`));
  return f.join(', ');
}

function fmtDuration(sec: number | null): string {
  if (sec === null || !Number.isFinite(sec)) return '--';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(r).padStart(2, '0')}s` : `${r}s`;
}

/** Progress on stderr: a redrawn bar on a terminal, a plain line every ~10 % otherwise. */
export function progressReporter(ctx: CliContext): { update: (p: ScreenProgress) => void; done: () => void } {
  const tty = ctx.stderr.isTTY === true;
  const st = makeStyle(ctx.colorErr);
  let lastDecile = -1;
  let drawn = false;
  return {
    update: (p) => {
      const frac = p.total > 0 ? p.done / p.total : 1;
      const line = `${p.done}/${p.total} (${(frac * 100).toFixed(1)}%)  ${p.rate.toFixed(1)}/s  ETA ${fmtDuration(p.etaS)}  feasible ${p.feasible}`;
      if (tty) {
        const width = Math.max(10, Math.min(30, (ctx.stderr.columns ?? 80) - line.length - 12));
        const fill = Math.round(frac * width);
        ctx.stderr.write(`\r${st.cyan('screen')} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${line}\x1b[K`);
        drawn = true;
      } else {
        const dec = Math.floor(frac * 10);
        if (dec > lastDecile) {
          lastDecile = dec;
          ctx.stderr.write(`screen: ${line}\n`);
        }
      }
    },
    done: () => {
      if (tty && drawn) ctx.stderr.write('\n');
    },
  };
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('screen')
    .description('rank the catalog by best NHATS-style round-trip Δv (Shoemaker–Helin prune, then Lambert grids on all cores)')
    .option('--limit <n>', 'screen only the best N candidates by Shoemaker–Helin Δv')
    .option('--workers <n>', 'worker threads (default: all cores; 0 = run in this thread)')
    .option('--shard <k/n>', 'run slice k of n (every n-th candidate) for a Slurm array or Kubernetes Indexed Job; join with `prospector merge`')
    .option('--max-sh-dv <kms>', 'Shoemaker–Helin prune: skip asteroids whose one-way LEO→rendezvous Δv exceeds this, km/s (default: --max-dv)')
    .option('--out <file>', 'also write the full JSON result to FILE (atomic; the input of `prospector merge`)')
    .option('--force', 'overwrite --out if it exists');
  addTripConstraintFlags(cmd, { maxRevsDefault: 0 });
  cmd.addHelpText(
    'after',
    `
Results are identical whatever the worker count (ranked by Δv, then designation). Ctrl+C stops and
prints the partial ranking (exit 130).

Examples:
  $ prospector screen --limit 500                       best 500 Shoemaker–Helin candidates, NHATS defaults
  $ prospector screen --max-dv 6 --max-days 360 --csv > accessible.csv
  $ prospector screen --shard 3/16 --out shard-3.json   one slice of a cluster run
  $ prospector merge shard-*.json --csv > ranking.csv
`,
  );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (opts: ScreenFlags) => {
    let progress: ReturnType<typeof progressReporter> | null = null;
    const code = await runOutput(ctx, opts, async () => {
      const { constraints } = await tripConstraintsFromFlags(opts, { maxRevsDefault: 0 });
      const limit = opts.limit !== undefined ? parseNumber(opts.limit, '--limit', { min: 1, integer: true }) : null;
      const sc = await import('../../src/trajectory/screen.js');
      const workers = opts.workers !== undefined ? parseNumber(opts.workers, '--workers', { min: 0, max: 256, integer: true }) : sc.defaultWorkers();
      const shard = opts.shard !== undefined ? sc.parseShard(opts.shard) : null;
      const maxShDv = opts.maxShDv !== undefined ? parseNumber(opts.maxShDv, '--max-sh-dv', { positive: true }) : constraints.maxDvKmS;
      let outPath: string | null = null;
      if (opts.out) {
        const { resolve } = await import('node:path');
        const { existsSync } = await import('node:fs');
        outPath = resolve(ctx.cwd, opts.out);
        // Fail before hours of work, not after.
        if (existsSync(outPath) && !opts.force) {
          const { InputError } = await import('../../src/errors.js');
          throw new InputError(`${opts.out}: file exists; pass --force to overwrite`, '--out');
        }
      }
      const { loadCatalog } = await import('../../src/catalog/index.js');
      const catalog = loadCatalog(opts.catalog);
      progress = opts.json ? null : progressReporter(ctx);
      const result = await sc.runScreen(catalog, {
        constraints,
        maxShDvKmS: maxShDv,
        limit,
        shard,
        workers,
        signal: ctx.signal,
        onProgress: progress ? progress.update : undefined,
      });
      progress?.done();
      progress = null;
      if (outPath) {
        const { writeFileAtomic } = await import('../../src/export/atomic-write.js');
        const { jsonResult } = await import('../format/json.js');
        writeFileAtomic(outPath, jsonResult(result), { force: opts.force, field: '--out' });
      }
      return {
        result,
        text: (r, s) => screenText(r, s),
        csv: (r) => screenCsv(r),
        warnings: result.partial ? [`interrupted: partial results (${result.processed} of ${result.assigned} candidates)`] : [],
        exitCode: result.partial ? EXIT.INTERRUPTED : EXIT.OK,
      };
    });
    (progress as ReturnType<typeof progressReporter> | null)?.done();
    setExit(code);
  });
};
