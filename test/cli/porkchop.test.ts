// `prospector porkchop` end to end: JSON cells and best, RFC 4180 CSV with units, SVG written atomically.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';

const ARGS = ['porkchop', '2000 SG344', '--launch', '2028-01-01..2028-12-31', '--tof', '60..400', '--step', '10'];

describe('prospector porkchop', () => {
  it('--json: cells with C3, arrival v∞ and total Δv, the refined best, launch seasons', async () => {
    const r = await runCli([...ARGS, '--json']);
    expect(r.code).toBe(0);
    const e = envelope(r);
    const res = e.result;
    expect(res.cells.length).toBeGreaterThan(1000);
    const c = res.cells[0];
    for (const f of ['launch', 'tofDays', 'c3', 'vInfArrKmS', 'dvTotalKmS', 'declinationDeg', 'dvLeoKmS']) expect(c[f], f).not.toBeUndefined();
    expect(res.best.dvTotalKmS).toBeLessThanOrEqual(Math.min(...res.cells.map((x: any) => x.dvTotalKmS)));
    expect(res.seasons.length).toBeGreaterThan(0);
    expect(res.grid.cells).toBe(37 * 35);
  });

  it('--csv: RFC 4180 with units in the headers and ISO dates', async () => {
    const r = await runCli([...ARGS, '--csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\r\n');
    const rows = parseCsv(r.stdout);
    expect(rows[0].slice(0, 4)).toEqual(['launch', 'tof_days', 'arrival', 'c3_km2_s2']);
    expect(rows[0]).toContain('dv_total_km_s');
    expect(rows[1][0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('--svg: written, refused without --force when it exists, overwritten with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pork-'));
    const file = join(dir, 'p.svg');
    const r = await runCli([...ARGS, '--svg', file]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Total Δv (km/s)');
    writeFileSync(file, 'keep');
    const again = await runCli([...ARGS, '--svg', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);
    expect(readFileSync(file, 'utf8')).toBe('keep');
    const forced = await runCli([...ARGS, '--svg', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('<svg');
    expect(existsSync(join(dir, 'missing', 'p.svg'))).toBe(false);
  });

  it('--direction back and bad flags', async () => {
    const b = await runCli(['porkchop', '2000 SG344', '--direction', 'back', '--launch', '2028-06-01..2028-12-31', '--tof', '60..300', '--step', '10', '--json']);
    expect(b.code).toBe(0);
    expect(envelope(b).result.best.entrySpeedKmS).toBeGreaterThan(11);
    for (const [args, re] of [
      [['--launch', '2028-01-01..2028-12-31'], /--tof/],
      [['--tof', '60..400'], /--launch/],
      [['--launch', '2028-01-01..2028-12-31', '--tof', '400..60'], /--tof/],
      [['--launch', '2028-01-01..2028-12-31', '--tof', '60..400', '--direction', 'sideways'], /--direction/],
    ] as const) {
      const r = await runCli(['porkchop', '2000 SG344', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });
});
