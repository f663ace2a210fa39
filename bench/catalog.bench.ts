/**
 * Catalog workloads against DESIGN §5: bundled catalog load (< 300 ms), Shoemaker–Helin over the
 * whole catalog (< 50 ms per 40k orbits), and `prospector targets --limit 10` cold start
 * (< 400 ms; runs the built CLI in dist/, so `npm run build` first). Best of several passes (the
 * least disturbed one). Run alone: `npx tsx bench/catalog.bench.ts`.
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

  // 1. Load: gunzip + JSON.parse + orbit class, Δv and size model for every object.
  const t0 = performance.now();
  let catalog = parseCatalogFile(file).asteroids;
  const firstMs = performance.now() - t0;
  const loadMs = bestMs(5, () => {
    catalog = parseCatalogFile(file).asteroids;
  });
  lines.push({
    name: 'catalog load (bundled)',
    perSecond: 1000 / loadMs,
    unit: 'loads/s',
    target: { label: 'DESIGN §5 < 300 ms', perSecond: 1000 / 300 },
    note: `${catalog.length} objects; ${loadMs.toFixed(0)} ms best, ${firstMs.toFixed(0)} ms first (cold JIT)`,
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

  // 3. CLI cold start on the built JS.
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
