/**
 * Full-catalog screen timing (DESIGN §5: < 15 min on 2 cores with NHATS defaults, linear in
 * workers): runs `runScreen` on the bundled catalog with each worker count given and prints
 * wall time, throughput, the scaling ratio and the process's peak RSS (workers are threads, so
 * their memory is included).
 *
 *   npx tsx scripts/screen-bench.ts [--workers 1,2] [--limit N] [--shard k/n]
 *
 * `--shard 1/10` times a tenth of the catalog (every 10th candidate, same mix of cheap and
 * expensive objects) when a full run per worker count is too long.
 */
import { loadCatalog } from '../src/catalog/index.js';
import { parseIsoToJdTdb } from '../src/astro/time.js';
import { resolveConstraints, NHATS_DEFAULTS } from '../src/trajectory/round-trip.js';
import { parseShard, runScreen } from '../src/trajectory/screen.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const workerCounts = (opt('--workers') ?? '1,2').split(',').map(Number);
const limit = opt('--limit') ? Number(opt('--limit')) : null;
const shard = opt('--shard') ? parseShard(opt('--shard')!) : null;

const catalog = loadCatalog();
const constraints = resolveConstraints({ launchFromJd: parseIsoToJdTdb(NHATS_DEFAULTS.launchFrom), launchToJd: parseIsoToJdTdb(NHATS_DEFAULTS.launchTo) });
const rates: number[] = [];
for (const workers of workerCounts) {
  const t0 = performance.now();
  let last = 0;
  const r = await runScreen(catalog, {
    constraints,
    maxShDvKmS: constraints.maxDvKmS,
    limit,
    shard,
    workers,
    onProgress: (p) => {
      if (p.done - last >= Math.max(1, Math.floor(p.total / 10)) || p.done === p.total) {
        last = p.done;
        process.stderr.write(`  ${workers}w: ${p.done}/${p.total} ${p.rate.toFixed(1)}/s\n`);
      }
    },
  });
  const s = (performance.now() - t0) / 1000;
  rates.push(r.processed / s);
  console.log(
    `screen ${workers} worker(s): ${r.processed} candidates (of ${r.candidates}${shard ? `, shard ${shard.k}/${shard.n}` : ''}) in ${s.toFixed(1)} s = ${(r.processed / s).toFixed(1)}/s; ` +
      `${r.feasible} feasible, ${r.infeasible} infeasible, ${r.errors.length} errors; full catalog at this rate: ${((r.candidates / (r.processed / s)) / 60).toFixed(1)} min`,
  );
}
if (rates.length > 1) console.log(`scaling ${workerCounts.at(-1)} vs ${workerCounts[0]} workers: ${(rates.at(-1)! / rates[0]).toFixed(2)}×`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
