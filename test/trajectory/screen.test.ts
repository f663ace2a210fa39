// Catalog screen: same results whatever the worker count (workers started from the TypeScript
// source through tsx), shards that merge into the unsharded ranking, merge refusals, Ctrl+C.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { parseIsoToJdTdb } from '../../src/astro/time.js';
import { resolveConstraints } from '../../src/trajectory/round-trip.js';
import { mergeScreens, parseShard, runScreen, screenCandidates, type ScreenResult } from '../../src/trajectory/screen.js';

const catalog = loadCatalog();
// A two-year window keeps each object at ~10 ms; the logic does not depend on the window.
const constraints = resolveConstraints({ launchFromJd: parseIsoToJdTdb('2028-01-01'), launchToJd: parseIsoToJdTdb('2029-12-31') });
const base = { constraints, maxShDvKmS: 12, limit: 10 };
const rowsKey = (r: ScreenResult) => JSON.stringify(r.rows);

describe('screen', () => {
  it('Shoemaker–Helin prune and order: NEAs only, by (Δv, designation), limit applied', () => {
    const c = screenCandidates(catalog, 5, 50);
    expect(c.length).toBe(50);
    for (let i = 1; i < c.length; i++) expect(c[i].shDvKmS).toBeGreaterThanOrEqual(c[i - 1].shDvKmS);
    expect(c.every((x) => x.shDvKmS <= 5)).toBe(true);
    expect(c.map((x) => x.index)).toEqual(c.map((_, i) => i));
  });

  it('identical rows in-thread, with 1 and with 2 worker threads (workers run from the .ts source via tsx)', async () => {
    const r0 = await runScreen(catalog, { ...base, workers: 0 });
    const r2 = await runScreen(catalog, { ...base, workers: 2, batch: 1 });
    const r1 = await runScreen(catalog, { ...base, workers: 1 });
    expect(r0.processed).toBe(10);
    expect(r0.feasible + r0.infeasible + r0.errors.length).toBe(10);
    expect(r0.feasible).toBeGreaterThan(0);
    expect(rowsKey(r2)).toBe(rowsKey(r0));
    expect(rowsKey(r1)).toBe(rowsKey(r0));
    for (let i = 1; i < r0.rows.length; i++) expect(r0.rows[i].minDv.dvTotalKmS).toBeGreaterThanOrEqual(r0.rows[i - 1].minDv.dvTotalKmS);
    expect(r0.rows.map((r) => r.rank)).toEqual(r0.rows.map((_, i) => i + 1));
  });

  it('shards 1/3..3/3 merge into exactly the unsharded ranking; merge refuses gaps, duplicates, mixed settings, partial shards', async () => {
    const full = await runScreen(catalog, { ...base, workers: 0 });
    const shards: Array<{ file: string; result: ScreenResult }> = [];
    for (let k = 1; k <= 3; k++) shards.push({ file: `s${k}.json`, result: await runScreen(catalog, { ...base, workers: 0, shard: { k, n: 3 } }) });
    expect(shards.map((s) => s.result.assigned).reduce((a, b) => a + b)).toBe(10);
    expect(shards[0].result.shard).toEqual({ k: 1, n: 3, mode: 'modulo' });
    const merged = mergeScreens(shards);
    expect(rowsKey(merged)).toBe(rowsKey(full));
    expect(merged.merged?.shards).toBe(3);
    expect(() => mergeScreens(shards.slice(0, 2))).toThrow(/shard 3\/3 missing/);
    expect(() => mergeScreens([shards[0], shards[0], shards[1]])).toThrow(/given twice/);
    const other = await runScreen(catalog, { ...base, constraints: { ...constraints, maxDvKmS: 8 }, workers: 0, shard: { k: 3, n: 3 } });
    expect(() => mergeScreens([shards[0], shards[1], { file: 'x.json', result: other }])).toThrow(/x\.json: screened with different settings.*maxDvKmS/);
    const partial = { file: 'p.json', result: { ...shards[2].result, partial: true } };
    expect(() => mergeScreens([shards[0], shards[1], partial])).toThrow(/p\.json: a partial/);
    expect(() => mergeScreens([{ file: 'bad.json', result: { hello: 1 } as never }])).toThrow(/bad\.json: not a prospector screen output/);
  });

  it('stops on the signal with partial results, in-thread and with workers', async () => {
    const ac = new AbortController();
    const r = await runScreen(catalog, {
      ...base,
      workers: 0,
      signal: ac.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.done >= 3) ac.abort();
      },
    });
    expect(r.partial).toBe(true);
    expect(r.processed).toBeGreaterThanOrEqual(3);
    expect(r.processed).toBeLessThan(10);
    const ac2 = new AbortController();
    ac2.abort();
    const r2 = await runScreen(catalog, { ...base, workers: 2, signal: ac2.signal });
    expect(r2.partial).toBe(true);
    expect(r2.processed).toBe(0);
  });

  it('Ctrl+C on the worker path after some items are done: the finished rows are kept, identical to the full run, and marked partial', async () => {
    const full = await runScreen(catalog, { ...base, workers: 0 });
    const ac = new AbortController();
    let abortedAtDone = -1;
    const r = await runScreen(catalog, {
      ...base,
      workers: 2,
      batch: 1,
      signal: ac.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.done >= 3 && abortedAtDone < 0) {
          abortedAtDone = p.done;
          ac.abort();
        }
      },
    });
    expect(abortedAtDone).toBeGreaterThanOrEqual(3);
    expect(r.partial).toBe(true);
    expect(r.processed).toBeGreaterThanOrEqual(3);
    expect(r.processed).toBeLessThan(10);
    expect(r.feasible + r.infeasible + r.errors.length).toBe(r.processed);
    // Every row kept is the full run's row for that asteroid (ranks renumbered within the partial set).
    const byName = new Map(full.rows.map((x) => [x.designation, x]));
    for (const row of r.rows) expect({ ...row, rank: 0 }).toEqual({ ...byName.get(row.designation)!, rank: 0 });
    expect(r.rows.map((x) => x.rank)).toEqual(r.rows.map((_, i) => i + 1));
  });

  it('parses --shard', () => {
    expect(parseShard('2/8')).toEqual({ k: 2, n: 8 });
    expect(() => parseShard('0/8')).toThrow(/--shard/);
    expect(() => parseShard('9/8')).toThrow(/--shard/);
    expect(() => parseShard('a')).toThrow(/--shard: expected k\/n/);
  });
});
