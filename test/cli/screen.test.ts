// `prospector screen` and `prospector merge` end to end.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
