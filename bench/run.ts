/**
 * `npm run bench` — runs every bench/*.bench.ts and prints one line per workload with its
 * throughput and, where DESIGN §5 gives one, the ratio to the target/anchor.
 *   npm run bench                 # all
 *   npm run bench -- lambert      # only files whose name contains "lambert"
 *
 * Shape of a bench file (bench/<name>.bench.ts), preferred:
 *   export const bench: Bench = {
 *     name: 'lambert',
 *     run: async () => [{ name: 'lambert-izzo single-rev Earth→NEA', perSecond: 2.6e6, unit: 'solves/s',
 *                         target: { label: 'DESIGN §5', perSecond: 2.5e6 },
 *                         anchor: { label: 'pykep 2 C++', perSecond: 2.2e6 }, note: '10⁶ fixed-seed geometries' }],
 *   };
 * Also accepted (for files written before this runner): any exported function named run…Bench
 * returning BenchLine[] (name, perSecond, unit, note).
 * Measure with several passes and report the best (least disturbed) one; never assert timings.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRef {
  label: string;
  perSecond: number;
}

export interface BenchLine {
  name: string;
  perSecond: number;
  unit: string;
  /** The DESIGN §5 target, when there is one. */
  target?: BenchRef;
  /** A published figure of another implementation to compare with. */
  anchor?: BenchRef;
  note?: string;
}

export interface Bench {
  name: string;
  run(): BenchLine[] | Promise<BenchLine[]>;
}

/** Best-of-`passes` throughput of `body(i)` over `n` iterations per pass, after one warm-up pass. */
export function throughput(n: number, body: (i: number) => void, passes = 3): number {
  for (let i = 0; i < Math.min(n, 20000); i++) body(i);
  let best = 0;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) body(i);
    const rate = (n * 1000) / (performance.now() - t0);
    if (rate > best) best = rate;
  }
  return best;
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(perSecond >= 10 ? 0 : 2);
}

export function formatLine(l: BenchLine): string {
  const refs: string[] = [];
  if (l.target) refs.push(`target ${l.target.label} ${formatRate(l.target.perSecond)}/s: ${(l.perSecond / l.target.perSecond).toFixed(2)}x`);
  if (l.anchor) refs.push(`anchor ${l.anchor.label} ${formatRate(l.anchor.perSecond)}/s: ${(l.perSecond / l.anchor.perSecond).toFixed(2)}x`);
  if (refs.length === 0) refs.push('no DESIGN anchor');
  return `${l.name}: ${formatRate(l.perSecond)} ${l.unit} (${refs.join('; ')})${l.note ? ` — ${l.note}` : ''}`;
}

async function main(): Promise<void> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const filter = process.argv[2];
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
  if (files.length === 0) {
    process.stderr.write(`bench: no bench/*.bench.ts${filter ? ` matching "${filter}"` : ''}\n`);
    process.exitCode = 2;
    return;
  }
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as Record<string, unknown>;
    const runs: Array<() => BenchLine[] | Promise<BenchLine[]>> = [];
    const b = (mod.bench ?? mod.default) as Bench | undefined;
    if (b && typeof b.run === 'function') runs.push(() => b.run());
    else for (const [k, v] of Object.entries(mod)) if (/^run.*Bench$/.test(k) && typeof v === 'function') runs.push(v as () => BenchLine[]);
    if (runs.length === 0) {
      process.stderr.write(`bench: ${f} exports no bench (see the header of bench/run.ts)\n`);
      continue;
    }
    for (const r of runs) for (const line of await r()) process.stdout.write(formatLine(line) + '\n');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
