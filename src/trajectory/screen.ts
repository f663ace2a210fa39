/**
 * Catalog-wide screen (DESIGN §2.3): Shoemaker–Helin first to prune, then the NHATS-style
 * round-trip grid for every survivor, spread over worker_threads, ranked by best round-trip Δv.
 *
 * Determinism: each asteroid's row depends only on its orbit and the constraints, and the final
 * order is (Δv, designation), so results are identical whatever the worker count or scheduling.
 * Sharding (`k/n`) takes every n-th candidate of the Shoemaker–Helin-sorted list (index mod n =
 * k − 1), which spreads cheap and expensive objects evenly; `mergeScreens` joins shard outputs
 * after checking they come from the same settings and catalog and cover every shard once.
 * Memory stays bounded: items are streamed to workers a few at a time and only result rows (one
 * per feasible asteroid) are kept.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Asteroid } from '../catalog/index.js';
import { InputError } from '../errors.js';
import { isoDateOf as jdToIsoDate } from './dates.js';
import type { TripConstraints } from './round-trip.js';
import { ScreenEvaluator, type ScreenItem, type ScreenOutcome, type ScreenRow } from './screen-item.js';

export const SCREEN_FORMAT = 'prospector-screen';
export const SCREEN_FORMAT_VERSION = 1;

export interface ShardSpec {
  /** 1-based shard number. */
  k: number;
  n: number;
}

export interface ScreenSettings {
  constraints: TripConstraints;
  launchFrom: string;
  launchTo: string;
  /** Shoemaker–Helin prune: candidates above this one-way LEO→rendezvous Δv are skipped, km/s. */
  maxShDvKmS: number;
  /** Screen only the best N candidates by Shoemaker–Helin (null = all survivors). */
  limit: number | null;
  /** Fingerprint of the candidate list (designations and elements), so shards from different catalogs cannot be merged. */
  catalogSha256: string;
  catalogCount: number;
}

export interface ScreenProgress {
  done: number;
  total: number;
  feasible: number;
  elapsedS: number;
  /** Items per second so far. */
  rate: number;
  etaS: number | null;
}

export interface ScreenResult {
  format: typeof SCREEN_FORMAT;
  formatVersion: number;
  method: 'shoemaker-helin-prune+ballistic-lambert-round-trip';
  settings: ScreenSettings;
  /** null for an unsharded run; for merged output, `merged` lists the shards joined. */
  shard: (ShardSpec & { mode: 'modulo' }) | null;
  merged?: { shards: number; files: string[] };
  /** Candidates after the Shoemaker–Helin prune and limit (all shards). */
  candidates: number;
  /** Candidates this run was responsible for. */
  assigned: number;
  processed: number;
  feasible: number;
  infeasible: number;
  errors: Array<{ designation: string; message: string }>;
  /** True when stopped early (Ctrl+C): rows cover only the processed candidates. */
  partial: boolean;
  workers: number;
  elapsedS: number;
  rows: ScreenRow[];
}

export interface ScreenOptions {
  constraints: TripConstraints;
  maxShDvKmS: number;
  limit?: number | null;
  shard?: ShardSpec | null;
  /** Worker threads; 0 runs in this thread (no workers). Default: all cores. */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (p: ScreenProgress) => void;
  /** Items sent to a worker at a time (default 2). */
  batch?: number;
  /** Least time between progress reports, ms (default 100). */
  progressIntervalMs?: number;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

export function parseShard(text: string, field = '--shard'): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new InputError(`${field}: expected k/n such as 3/8, got "${text}"`, field);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) throw new InputError(`${field}: expected 1 ≤ k ≤ n, got ${k}/${n}`, field);
  return { k, n };
}

/** Shoemaker–Helin prune and order: NEAs with a finite SH Δv ≤ the limit, by (Δv, designation), first `limit`. */
export function screenCandidates(catalog: readonly Asteroid[], maxShDvKmS: number, limit?: number | null): ScreenItem[] {
  const c = catalog
    .filter((a) => a.isNea && a.dvKmS !== null && Number.isFinite(a.dvKmS) && a.dvKmS <= maxShDvKmS)
    .sort((a, b) => a.dvKmS! - b.dvKmS! || (a.designation < b.designation ? -1 : a.designation > b.designation ? 1 : 0));
  const sel = limit !== undefined && limit !== null ? c.slice(0, limit) : c;
  return sel.map((a, index) => ({
    index,
    designation: a.designation,
    name: a.name,
    orbit: a.orbit,
    u: a.u ?? null,
    H: a.H,
    orbitClass: a.orbitClass,
    diameterKm: a.diameterKm,
    shDvKmS: a.dvKmS!,
  }));
}

export function candidatesFingerprint(items: readonly ScreenItem[]): string {
  const h = createHash('sha256');
  for (const it of items) {
    const o = it.orbit;
    h.update(`${it.designation}|${o.epochJd}|${o.aAu}|${o.e}|${o.iDeg}|${o.omDeg}|${o.wDeg}|${o.maDeg}\n`);
  }
  return h.digest('hex');
}

/** (Δv, designation) order and ranks 1..N. */
export function rankRows(rows: ScreenRow[]): ScreenRow[] {
  rows.sort((a, b) => a.minDv.dvTotalKmS - b.minDv.dvTotalKmS || (a.designation < b.designation ? -1 : a.designation > b.designation ? 1 : 0));
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

/**
 * Starts one screen worker. Built, the worker is screen-worker.js next to this file. From source
 * (vitest, tsx) it is TypeScript: Node 20 workers ignore `--import tsx` in execArgv, so a tiny
 * bootstrap registers tsx's ESM loader inside the worker and then imports the .ts file.
 */
function startWorker(workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./screen-worker.js', here), { workerData });
  const url = new URL('./screen-worker.ts', here);
  const api = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export async function runScreen(catalog: readonly Asteroid[], o: ScreenOptions): Promise<ScreenResult> {
  const t0 = Date.now();
  const all = screenCandidates(catalog, o.maxShDvKmS, o.limit);
  const shard = o.shard ?? null;
  const mine = shard ? all.filter((it) => it.index % shard.n === shard.k - 1) : all;
  const settings: ScreenSettings = {
    constraints: o.constraints,
    launchFrom: jdToIsoDate(o.constraints.launchFromJd),
    launchTo: jdToIsoDate(o.constraints.launchToJd),
    maxShDvKmS: o.maxShDvKmS,
    limit: o.limit ?? null,
    catalogSha256: candidatesFingerprint(all),
    catalogCount: catalog.length,
  };
  const workers = Math.max(0, Math.min(o.workers ?? defaultWorkers(), Math.max(1, mine.length)));
  const rows: ScreenRow[] = [];
  const errors: Array<{ designation: string; message: string }> = [];
  let infeasible = 0;
  let done = 0;
  const total = mine.length;
  let lastReport = 0;
  const report = (force = false) => {
    if (!o.onProgress) return;
    const now = Date.now();
    if (!force && now - lastReport < (o.progressIntervalMs ?? 100)) return;
    lastReport = now;
    const elapsedS = (now - t0) / 1000;
    const rate = elapsedS > 0 ? done / elapsedS : 0;
    o.onProgress({ done, total, feasible: rows.length, elapsedS, rate, etaS: rate > 0 ? (total - done) / rate : null });
  };
  const take = (out: ScreenOutcome) => {
    done++;
    if (out.kind === 'row') rows.push(out.row);
    else if (out.kind === 'infeasible') infeasible++;
    else errors.push({ designation: out.designation, message: out.message });
  };
  report(true);
  if (workers === 0) {
    const ev = new ScreenEvaluator(o.constraints);
    for (const it of mine) {
      if (o.signal?.aborted) break;
      take(ev.evaluate(it));
      report();
      // Let the event loop breathe so that Ctrl+C and progress output get through.
      if (done % 16 === 0) await new Promise((r) => setImmediate(r));
    }
  } else {
    await runPool(mine, workers, o, (outs) => {
      for (const x of outs) take(x);
      report();
    });
  }
  report(true);
  const partial = done < total;
  errors.sort((a, b) => (a.designation < b.designation ? -1 : 1));
  return {
    format: SCREEN_FORMAT,
    formatVersion: SCREEN_FORMAT_VERSION,
    method: 'shoemaker-helin-prune+ballistic-lambert-round-trip',
    settings,
    shard: shard ? { ...shard, mode: 'modulo' } : null,
    candidates: all.length,
    assigned: total,
    processed: done,
    feasible: rows.length,
    infeasible,
    errors,
    partial,
    workers,
    elapsedS: (Date.now() - t0) / 1000,
    rows: rankRows(rows),
  };
}

/** Streams items to `n` workers, `batch` at a time; resolves when all are done or the signal fires. */
function runPool(items: ScreenItem[], n: number, o: ScreenOptions, onOutcomes: (x: ScreenOutcome[]) => void): Promise<void> {
  const batch = Math.max(1, o.batch ?? 2);
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let outstanding = 0;
    let finished = false;
    const pool: Worker[] = [];
    const finish = (err?: unknown) => {
      if (finished) return;
      finished = true;
      o.signal?.removeEventListener('abort', onAbort);
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => finish();
    if (o.signal?.aborted) return finish();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const feed = (w: Worker) => {
      if (finished) return;
      if (o.signal?.aborted) return finish();
      if (next >= items.length) {
        if (outstanding === 0) finish();
        return;
      }
      const chunk = items.slice(next, next + batch);
      next += chunk.length;
      outstanding++;
      w.postMessage({ items: chunk });
    };
    for (let i = 0; i < n; i++) {
      const w = startWorker({ constraints: o.constraints });
      pool.push(w);
      w.on('message', (msg: { ready?: true; outcomes?: ScreenOutcome[] }) => {
        if (finished) return;
        if (msg.outcomes) {
          outstanding--;
          onOutcomes(msg.outcomes);
        }
        feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (!finished && code !== 0) finish(new Error(`screen worker exited with code ${code}`));
      });
    }
  });
}

/** Joins shard outputs (same settings and catalog, every shard 1..n exactly once, none partial) into one ranking. */
export function mergeScreens(parts: Array<{ file: string; result: ScreenResult }>): ScreenResult {
  if (parts.length === 0) throw new InputError('merge: no input files', 'FILE');
  for (const p of parts) {
    const r = p.result as Partial<ScreenResult> | undefined;
    if (!r || r.format !== SCREEN_FORMAT || !Array.isArray(r.rows) || !r.settings) {
      throw new InputError(`${p.file}: not a prospector screen output (expected the --json output or --out file of \`prospector screen\`)`, p.file);
    }
    if (r.formatVersion !== SCREEN_FORMAT_VERSION) throw new InputError(`${p.file}: screen format version ${r.formatVersion}, expected ${SCREEN_FORMAT_VERSION}`, p.file);
    if (r.partial) throw new InputError(`${p.file}: a partial (interrupted) shard; re-run shard ${r.shard ? `${r.shard.k}/${r.shard.n}` : ''} to completion before merging`, p.file);
  }
  const first = parts[0];
  for (const p of parts.slice(1)) {
    const diff = differingSettings(first.result.settings, p.result.settings);
    if (diff.length > 0) {
      throw new InputError(`${p.file}: screened with different settings than ${first.file} (${diff.slice(0, 4).join(', ')} differ); shards must share catalog and constraints`, p.file);
    }
  }
  const unsharded = parts.filter((p) => !p.result.shard);
  if (unsharded.length > 0) {
    if (parts.length > 1) throw new InputError(`${unsharded[0].file}: not a shard (no --shard); merge joins the shards of one sharded screen`, unsharded[0].file);
  }
  const n = first.result.shard?.n ?? 1;
  const seen = new Map<number, string>();
  for (const p of parts) {
    const s = p.result.shard;
    if (s && s.n !== n) throw new InputError(`${p.file}: shard ${s.k}/${s.n} does not belong to a screen split in ${n}`, p.file);
    const k = s?.k ?? 1;
    if (seen.has(k)) throw new InputError(`${p.file}: shard ${k}/${n} given twice (also ${seen.get(k)})`, p.file);
    seen.set(k, p.file);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new InputError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')} missing`, 'FILE');
  const assigned = parts.reduce((s, p) => s + p.result.assigned, 0);
  if (assigned !== first.result.candidates) {
    throw new InputError(`merge: the shards cover ${assigned} candidates but the screen has ${first.result.candidates}`, 'FILE');
  }
  const rows = rankRows(parts.flatMap((p) => p.result.rows.map((r) => ({ ...r }))));
  const errors = parts.flatMap((p) => p.result.errors).sort((a, b) => (a.designation < b.designation ? -1 : 1));
  return {
    format: SCREEN_FORMAT,
    formatVersion: SCREEN_FORMAT_VERSION,
    method: first.result.method,
    settings: first.result.settings,
    shard: null,
    merged: { shards: n, files: parts.map((p) => p.file) },
    candidates: first.result.candidates,
    assigned,
    processed: parts.reduce((s, p) => s + p.result.processed, 0),
    feasible: rows.length,
    infeasible: parts.reduce((s, p) => s + p.result.infeasible, 0),
    errors,
    partial: false,
    workers: parts.reduce((s, p) => s + p.result.workers, 0),
    elapsedS: parts.reduce((s, p) => s + p.result.elapsedS, 0),
    rows,
  };
}

function differingSettings(a: ScreenSettings, b: ScreenSettings): string[] {
  const out: string[] = [];
  const ac = a.constraints as unknown as Record<string, unknown>;
  const bc = (b.constraints ?? {}) as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ac), ...Object.keys(bc)])) if (JSON.stringify(ac[k]) !== JSON.stringify(bc[k])) out.push(k);
  const as = a as unknown as Record<string, unknown>;
  const bs = b as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(as), ...Object.keys(bs)])) {
    if (k !== 'constraints' && JSON.stringify(as[k]) !== JSON.stringify(bs[k])) out.push(k === 'catalogSha256' ? 'catalog' : k);
  }
  return out;
}
