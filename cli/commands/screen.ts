// `prospector screen`: rank the catalog by best round-trip Δv (Shoemaker–Helin prune, then Lambert grids on worker threads).
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { todayIso, type CliContext } from '../context.js';
import { openCatalogFor } from '../config.js';
import { EXIT } from '../exit.js';
import { parseNumber, parseQuantityFlag } from '../parse.js';
import { InputError } from '../../src/errors.js';
import { fmt, renderTable } from '../format/table.js';
import { makeStyle, type Style } from '../format/style.js';
import { toCsv } from '../../src/export/csv.js';
// The marker alone: trajectory/warnings.js would load the ephemeris at every start-up.
import { UNTRUSTWORTHY } from '../../src/trajectory/warning-markers.js';
import type { ScreenProgress, ScreenResult } from '../../src/trajectory/screen.js';
import { addTripConstraintFlags, tripConstraintsFromFlags, type TripFlagValues } from './trip.js';

/**
 * --workers beyond the CPU count buys nothing and each thread holds its own catalog and grids:
 * warn above the CPUs, refuse above this multiple of them (a typo such as 100 on a laptop).
 */
const MAX_WORKERS_PER_CPU = 4;
/**
 * Resident memory per screen worker thread, MB. Measured on this 2-CPU machine, built CLI,
 * `screen --limit 8 --json`: max RSS 159 MB with 2 workers, 287 MB with 8 (≈ 21 MB and ≈ 0.1 s of
 * start-up per extra worker); from source under tsx ≈ 40 MB each.
 */
const WORKER_MEMORY_MB = 20;

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
    .option('--workers <n>', `worker threads (default: the CPUs available, os.availableParallelism()); 0 = no worker threads, everything in the main thread (least memory, one CPU). Never more than the candidates; more than the CPUs warns, more than ${MAX_WORKERS_PER_CPU} × the CPUs is refused`)
    .option('--shard <k/n>', 'run slice k of n (every n-th candidate) for a Slurm array or Kubernetes Indexed Job; join with `prospector merge`')
    .option('--max-sh-dv <kms>', 'Shoemaker–Helin prune: skip asteroids whose one-way LEO→rendezvous Δv exceeds this, km/s (default: --max-dv)')
    .option('--out <file>', 'also write the full JSON result to FILE (atomic; the input of `prospector merge`)')
    .option('--force', 'overwrite --out if it exists');
  addTripConstraintFlags(cmd, { maxRevsDefault: 0 });
  cmd.addHelpText(
    'after',
    `
Results are identical whatever the worker count (ranked by Δv, then designation). Ctrl+C stops and
prints the partial ranking (exit 130). The default launch window starts today (UTC; or 2025-01-01
if later; PROSPECTOR_TODAY=YYYY-MM-DD sets today) and ends 2045-12-31; the output records the window
used, and shards merge only if they screened the same one.

Each worker thread holds its own catalog and grids (~${WORKER_MEMORY_MB} MB): threads beyond the CPU count
add memory and start-up time, not speed. Constraint flags take units as for \`trip\` (--max-days "1 yr").

Examples:
  $ prospector screen --limit 500                       best 500 Shoemaker–Helin candidates, NHATS defaults
  $ prospector screen --max-dv 6 --max-days 360 --csv > accessible.csv
  $ prospector screen --shard 3/16 --launch 2027-01-01..2045-12-31 --out shard-3.json
                                                        one slice of a cluster run (same --launch for every shard)
  $ prospector merge shard-*.json --csv > ranking.csv
`,
  );
  withOutputFlags(cmd, { csv: true });
  cmd.action(async (opts: ScreenFlags) => {
    let progress: ReturnType<typeof progressReporter> | null = null;
    const code = await runOutput(ctx, opts, async () => {
      const { constraints, launchWindow, warnings: windowWarnings } = await tripConstraintsFromFlags(opts, { maxRevsDefault: 0, today: todayIso(ctx) });
      const limit = opts.limit !== undefined ? parseNumber(opts.limit, '--limit', { min: 1, integer: true }) : null;
      const sc = await import('../../src/trajectory/screen.js');
      const cpus = sc.defaultWorkers();
      const workers = opts.workers !== undefined ? parseNumber(opts.workers, '--workers', { min: 0, integer: true }) : cpus;
      if (workers > MAX_WORKERS_PER_CPU * cpus) {
        throw new InputError(
          `--workers: ${workers} is more than ${MAX_WORKERS_PER_CPU} × the ${cpus} CPU${cpus === 1 ? '' : 's'} available here; every worker thread loads its own catalog and grids (~${WORKER_MEMORY_MB} MB each) and threads beyond the CPU count add no speed. Give at most ${cpus}, or split the run across machines with --shard k/n`,
          '--workers',
        );
      }
      const shard = opts.shard !== undefined ? sc.parseShard(opts.shard) : null;
      if (shard && launchWindow.basis === 'default') {
        // Array jobs start when the queue lets them: a shard run tomorrow would screen another
        // window, and merge refuses shards whose windows differ.
        windowWarnings.push(
          `--shard without --launch: the default launch window starts today (${launchWindow.from}); shards run on another day screen another window and will not merge. Give every shard the same window: --launch ${launchWindow.from}..${launchWindow.to}`,
        );
      }
      const maxShDv = opts.maxShDv !== undefined ? await parseQuantityFlag(opts.maxShDv, 'km/s', '--max-sh-dv', { positive: true }) : constraints.maxDvKmS;
      let outPath: string | null = null;
      if (opts.out) {
        const { resolve } = await import('node:path');
        const { existsSync } = await import('node:fs');
        outPath = resolve(ctx.cwd, opts.out);
        // Fail before hours of work, not after.
        if (existsSync(outPath) && !opts.force) {
          throw new InputError(`${opts.out}: file exists; pass --force to overwrite`, '--out');
        }
      }
      const catalog = (await openCatalogFor(ctx, opts.catalog)).load.asteroids;
      // Before the long run, not after it: the result has no warnings field, and --json keeps stdout for the document.
      for (const w of windowWarnings) ctx.stderr.write(`${makeStyle(ctx.colorErr).yellow('warning')}: ${w}\n`);
      if (workers > cpus) {
        // The engine starts no more workers than candidates; say so only when that still oversubscribes.
        const all = sc.screenCandidates(catalog, maxShDv, limit);
        const assigned = shard ? all.filter((it) => it.index % shard.n === shard.k - 1).length : all.length;
        const used = Math.min(workers, Math.max(1, assigned));
        if (used > cpus) {
          ctx.stderr.write(
            `${makeStyle(ctx.colorErr).yellow('warning')}: --workers ${workers}: ${used} worker threads on ${cpus} CPU${cpus === 1 ? '' : 's'} run no faster than ${cpus} and cost ~${WORKER_MEMORY_MB} MB and start-up time each\n`,
          );
        }
      }
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
