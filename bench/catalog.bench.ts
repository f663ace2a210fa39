/**
 * Catalog workloads against DESIGN §5: bundled catalog load (< 300 ms), Shoemaker–Helin over the
 * whole catalog (< 50 ms per 40k orbits), and `prospector targets --limit 10` cold start
 * (< 400 ms; runs the built CLI in dist/, so `npm run build` first). Best of several passes (the
 * least disturbed one). Run alone: `npx tsx bench/catalog.bench.ts`.
 *
 * "Load" is reported three ways: opening the file (read, gunzip, typed-array columns, Δv and
 * orbit class of every object: what ranking needs), building every entry as well (what a full
 * `loadCatalog()` costs), and the open in a fresh process (cold JIT, from dist/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLED_CATALOG } from '../src/catalog/index.js';
import { parseCatalogFile } from '../src/catalog/parse-catalog.js';
import { shoemakerHelinDvKmS } from '../src/catalog/shoemaker-helin.js';
import { dataPath, packageRoot } from '../src/paths.js';
import { formatLine, type Bench, type BenchLine } from './run.js';

function bestMs(passes: number, fn: () => void): number {
  let best = Infinity;
  for (let k = 0; k < passes; k++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function runCatalogBench(): BenchLine[] {
  const lines: BenchLine[] = [];
  const file = dataPath(BUNDLED_CATALOG);

  // 1. Load. Open: read + gunzip + columns, then Δv/orbit class of every row (what `targets` ranks on).
  const open = () => {
    const load = parseCatalogFile(file);
    load.view.dvKmS(0);
    return load;
  };
  const t0 = performance.now();
  let load = open();
  const firstMs = performance.now() - t0;
  const openMs = bestMs(5, () => {
    load = open();
  });
  lines.push({
    name: 'catalog open (bundled: columns + Δv of every object)',
    perSecond: 1000 / openMs,
    unit: 'loads/s',
    target: { label: 'DESIGN §5 < 300 ms', perSecond: 1000 / 300 },
    note: `${load.view.count} objects; ${openMs.toFixed(0)} ms best, ${firstMs.toFixed(0)} ms first (cold JIT)`,
  });
  let catalog = load.asteroids;
  const allMs = bestMs(3, () => {
    catalog = open().asteroids;
  });
  lines.push({
    name: 'catalog load, every entry built (loadCatalog())',
    perSecond: 1000 / allMs,
    unit: 'loads/s',
    target: { label: 'DESIGN §5 < 300 ms', perSecond: 1000 / 300 },
    note: `${catalog.length} entries with size/mass model; ${allMs.toFixed(0)} ms best`,
  });

  // 2. Shoemaker–Helin over the whole catalog (typed arrays, as a screen holds them).
  const n = catalog.length;
  const a = new Float64Array(n), e = new Float64Array(n), inc = new Float64Array(n), out = new Float64Array(n);
  catalog.forEach((x, k) => {
    a[k] = x.orbit.aAu;
    e[k] = x.orbit.e;
    inc[k] = (x.orbit.iDeg * Math.PI) / 180;
  });
  const pass = () => {
    for (let k = 0; k < n; k++) out[k] = shoemakerHelinDvKmS(a[k], e[k], inc[k]);
  };
  for (let k = 0; k < 5; k++) pass();
  const shMs = bestMs(20, pass);
  lines.push({
    name: 'Shoemaker–Helin over the catalog',
    perSecond: (n * 1000) / shMs,
    unit: 'orbits/s',
    target: { label: 'DESIGN §5 40k < 50 ms', perSecond: 40000 / 0.05 },
    note: `${shMs.toFixed(2)} ms per ${n} orbits = ${((shMs * 40000) / n).toFixed(2)} ms per 40k`,
  });

  // 3. Cold process: the open above in a fresh node (built JS), timed inside the child.
  const built = join(packageRoot(), 'dist', 'src', 'catalog', 'index.js');
  if (existsSync(built)) {
    const script = `const t0 = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(built).href)}); const v = m.loadBundledCatalog().view; v.dvKmS(0); process.stdout.write(String(performance.now() - t0));`;
    const cold = () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    let coldMs = Infinity;
    for (let k = 0; k < 5; k++) coldMs = Math.min(coldMs, cold());
    lines.push({
      name: 'catalog open in a fresh process (import + open, built JS)',
      perSecond: 1000 / coldMs,
      unit: 'loads/s',
      target: { label: 'DESIGN §5 < 300 ms', perSecond: 1000 / 300 },
      note: `${coldMs.toFixed(0)} ms best of 5 (module import included)`,
    });
  }

  // 4. CLI cold start on the built JS.
  const bin = join(packageRoot(), 'dist', 'cli', 'bin.js');
  if (existsSync(bin)) {
    const run = () => execFileSync(process.execPath, [bin, 'targets', '--limit', '10'], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, NO_COLOR: '1' } });
    run();
    const ms = bestMs(5, run);
    const baseMs = bestMs(3, () => execFileSync(process.execPath, [bin, '--version'], { stdio: 'ignore' }));
    lines.push({
      name: 'prospector targets --limit 10 (cold process)',
      perSecond: 1000 / ms,
      unit: 'runs/s',
      target: { label: 'DESIGN §5 < 400 ms', perSecond: 1000 / 400 },
      note: `${ms.toFixed(0)} ms best of 5 (\`prospector --version\` alone: ${baseMs.toFixed(0)} ms)`,
    });
  } else {
    process.stderr.write('bench catalog: dist/cli/bin.js missing, cold start skipped (npm run build)\n');
  }
  return lines;
}

export const bench: Bench = { name: 'catalog', run: runCatalogBench };

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const l of runCatalogBench()) process.stdout.write(formatLine(l) + '\n');
}
