// `prospector screen` and `prospector merge` end to end.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';
import { progressReporter } from '../../cli/commands/screen.js';
import type { CliContext } from '../../cli/context.js';

const BASE = ['screen', '--limit', '6', '--workers', '0', '--launch', '2028-01-01..2029-12-31'];

describe('prospector screen / merge', () => {
  it('--json: ranked rows, no progress on stderr', async () => {
    const r = await runCli([...BASE, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const res = envelope(r).result;
    expect(res.format).toBe('prospector-screen');
    expect(res.processed).toBe(6);
    expect(res.partial).toBe(false);
    expect(res.rows[0].rank).toBe(1);
    expect(res.rows[0].minDv.dvTotalKmS).toBeGreaterThan(3);
  });

  it('text: table on stdout, plain progress lines (every ~10 %) on a non-TTY stderr; CSV with units', async () => {
    const r = await runCli(BASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Round-trip screen: \d+ of 6 candidates feasible/);
    const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('screen: '));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.at(-1)).toMatch(/6\/6 \(100\.0%\).*\/s\s+ETA/);
    const c = await runCli([...BASE, '--csv']);
    const rows = parseCsv(c.stdout);
    expect(rows[0]).toContain('min_dv_total_km_s');
  });

  it('shards with --out, then merge: same ranking as one run; mismatched shards refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-'));
    const full = envelope(await runCli([...BASE, '--json'])).result;
    for (const k of [1, 2]) {
      const r = await runCli([...BASE, '--shard', `${k}/2`, '--out', join(dir, `s${k}.json`), '--json']);
      expect(r.code).toBe(0);
      expect(envelope(r).result.shard).toEqual({ k, n: 2, mode: 'modulo' });
    }
    const m = await runCli(['merge', join(dir, 's1.json'), join(dir, 's2.json'), '--json']);
    expect(m.code).toBe(0);
    const merged = envelope(m).result;
    expect(merged.rows.map((r: any) => [r.designation, r.minDv.dvTotalKmS])).toEqual(full.rows.map((r: any) => [r.designation, r.minDv.dvTotalKmS]));
    const miss = await runCli(['merge', join(dir, 's1.json')]);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toMatch(/shard 2\/2 missing/);
    await runCli([...BASE, '--max-dv', '9', '--shard', '2/2', '--out', join(dir, 'other.json'), '--json']);
    const mixed = await runCli(['merge', join(dir, 's1.json'), join(dir, 'other.json')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/different settings/);
    writeFileSync(join(dir, 'junk.json'), '{"a":1}');
    const junk = await runCli(['merge', join(dir, 'junk.json')]);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/junk\.json: not a prospector screen output/);
    // --out refuses to overwrite before doing the work.
    const again = await runCli([...BASE, '--shard', '1/2', '--out', join(dir, 's1.json')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);
  });

  it('Ctrl+C: partial results printed, marked partial, exit 130', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await runCli([...BASE, '--json'], { signal: ac.signal });
    expect(r.code).toBe(130);
    const res = envelope(r).result;
    expect(res.partial).toBe(true);
  });

  it('bad flags: exit 2', async () => {
    for (const [args, re] of [
      [['--shard', '3/2'], /--shard/],
      [['--workers', '-1'], /--workers/],
      [['--limit', '0'], /--limit/],
    ] as const) {
      const r = await runCli(['screen', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });

  it('--workers: refused above 4 × the CPUs, warned above the CPUs, never more threads than candidates', async () => {
    const cpus = availableParallelism();
    const tooMany = await runCli(['screen', '--workers', String(4 * cpus + 1)]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(new RegExp(`^prospector: --workers: ${4 * cpus + 1} is more than 4 × the ${cpus} CPUs? available here; .*~\\d+ MB each.*--shard k/n\\n$`));
    // More workers than candidates: clamped to the candidates, so no oversubscription to warn about.
    const clamped = await runCli(['screen', '--limit', '1', '--workers', String(cpus + 1), '--launch', '2030-01-01..2030-06-01', '--step', '16', '--json']);
    expect(clamped.code).toBe(0);
    expect(envelope(clamped).result.workers).toBe(1);
    expect(clamped.stderr).not.toMatch(/--workers/);
    // Truly more threads than CPUs: it runs, with one warning on stderr (also with --json).
    const over = await runCli(['screen', '--limit', String(cpus + 1), '--workers', String(cpus + 1), '--launch', '2030-01-01..2030-03-01', '--step', '32', '--max-days', '200', '--json']);
    expect(over.code).toBe(0);
    expect(envelope(over).result.workers).toBe(cpus + 1);
    expect(over.stderr).toMatch(new RegExp(`warning: --workers ${cpus + 1}: ${cpus + 1} worker threads on ${cpus} CPUs? run no faster than ${cpus}`));
    const help = await runCli(['screen', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/0 = no worker threads, everything in the main thread/);
  });

  it('progress on a terminal: one redrawn line (\\r) with bar, counts, rate and ETA, ended by a newline', () => {
    let out = '';
    const stderr = { isTTY: true, columns: 100, write: (x: string) => ((out += x), true) } as unknown as CliContext['stderr'];
    const p = progressReporter({ stderr, colorErr: false } as CliContext);
    p.update({ done: 5, total: 20, feasible: 2, elapsedS: 1, rate: 5, etaS: 3 });
    p.update({ done: 20, total: 20, feasible: 9, elapsedS: 4, rate: 5, etaS: 0 });
    p.done();
    const frames = out.split('\r').filter(Boolean);
    expect(frames).toHaveLength(2);
    expect(frames[0]).toMatch(/\[#+\.+\] 5\/20 \(25\.0%\)\s+5\.0\/s\s+ETA 3s\s+feasible 2/);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
  });
});
