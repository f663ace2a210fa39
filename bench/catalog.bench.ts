/**
 * Catalog workloads against DESIGN §5: bundled catalog load (< 300 ms), Shoemaker–Helin over the
 * whole catalog (< 50 ms for 40k), and `prospector targets --limit 10` cold start (< 400 ms, run
 * on the built CLI in dist/ when present: `npm run build` first). Run alone:
 * `npx tsx bench/catalog.bench.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLED_CATALOG } from '../src/catalog/index.js';
import { parseCatalogFile } from '../src/catalog/parse-catalog.js';
import { shoemakerHelinDvKmS } from '../src/catalog/shoemaker-helin.js';
import { dataPath, packageRoot } from '../src/paths.js';

export interface BenchLine {
  name: string;
  perSecond: number;
  unit: string;
  note: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export function runCatalogBench(): BenchLine[] {
  const lines: BenchLine[] = [];
  const file = dataPath(BUNDLED_CATALOG);

  // 1. Load: first (cold JIT) and the median of 5 more full parses of the bundled file.
  const times: number[] = [];
  let catalog = parseCatalogFile(file).asteroids;
  for (let k = 0; k < 6; k++) {
    const t0 = performance.now();
    catalog = parseCatalogFile(file).asteroids;
    times.push(performance.now() - t0);
  }
  const loadMs = median(times.slice(1));
  lines.push({ name: 'catalog load (bundled, gunzip + parse + size model)', perSecond: 1000 / loadMs, unit: 'loads/s', note: `${catalog.length} objects; first ${times[0].toFixed(0)} ms, median ${loadMs.toFixed(0)} ms (target < 300 ms: ${(300 / loadMs).toFixed(1)}× margin)` });

  // 2. Shoemaker–Helin over the whole catalog (typed arrays, as a screen would hold them).
  const n = catalog.length;
  const a = new Float64Array(n), e = new Float64Array(n), inc = new Float64Array(n);
  catalog.forEach((x, k) => {
    a[k] = x.orbit.aAu;
    e[k] = x.orbit.e;
    inc[k] = (x.orbit.iDeg * Math.PI) / 180;
  });
  const out = new Float64Array(n);
  const pass = () => {
    for (let k = 0; k < n; k++) out[k] = shoemakerHelinDvKmS(a[k], e[k], inc[k]);
  };
  for (let k = 0; k < 5; k++) pass();
  const passes: number[] = [];
  for (let k = 0; k < 20; k++) {
    const t0 = performance.now();
    pass();
    passes.push(performance.now() - t0);
  }
  const shMs = median(passes);
  const per40k = (shMs * 40000) / n;
  lines.push({ name: 'Shoemaker–Helin over the catalog', perSecond: (n * 1000) / shMs, unit: 'orbits/s', note: `${shMs.toFixed(2)} ms per ${n} orbits → ${per40k.toFixed(2)} ms per 40k (target < 50 ms: ${(50 / per40k).toFixed(0)}× margin)` });

  // 3. CLI cold start, built JS.
  const bin = join(packageRoot(), 'dist', 'cli', 'bin.js');
  if (existsSync(bin)) {
    const runs: number[] = [];
    for (let k = 0; k < 6; k++) {
      const t0 = performance.now();
      execFileSync(process.execPath, [bin, 'targets', '--limit', '10'], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, NO_COLOR: '1' } });
      runs.push(performance.now() - t0);
    }
    const ms = median(runs.slice(1));
    lines.push({ name: 'prospector targets --limit 10 (cold process)', perSecond: 1000 / ms, unit: 'runs/s', note: `median ${ms.toFixed(0)} ms of 5 (target < 400 ms: ratio ${(ms / 400).toFixed(2)})` });
  } else {
    lines.push({ name: 'prospector targets --limit 10 (cold process)', perSecond: NaN, unit: 'runs/s', note: 'skipped: dist/cli/bin.js missing (npm run build)' });
  }
  return lines;
}

export function formatBenchLines(lines: BenchLine[]): string {
  return lines.map((l) => `${l.name}: ${Number.isFinite(l.perSecond) ? l.perSecond.toPrecision(3) : '—'} ${l.unit} — ${l.note}\n`).join('');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(formatBenchLines(runCatalogBench()));
}
