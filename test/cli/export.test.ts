// `prospector export`: CSV/JSON/SVG to a file or stdout, atomic, never overwriting without --force.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, envelope } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';
import { FORECAST_CSV_HEADER } from '../../src/export/forecast.js';

const EX = join(import.meta.dirname, '../../examples/rare-earth-stype.yaml');

describe('prospector export', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'prospector-export-'));
  });

  it('writes CSV to a file, leaves no temp file, and the CSV parses back', async () => {
    const r = await runCli(['export', EX, '--format', 'csv', '-o', 'y.csv', '--samples', '50'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote y\.csv \(csv, 4 element-year rows\)\n$/);
    const rows = parseCsv(readFileSync(join(dir, 'y.csv'), 'utf8'));
    expect(rows[0]).toEqual([...FORECAST_CSV_HEADER]);
    expect(rows.length).toBe(5); // Nd, Dy, Tb, Pr × one mission
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite without --force (exit 2, file unchanged), overwrites with it', async () => {
    const file = join(dir, 'keep.csv');
    writeFileSync(file, 'precious');
    const r = await runCli(['export', EX, '--format', 'csv', '-o', 'keep.csv', '--samples', '5'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: keep.csv: file exists; pass --force to overwrite\n');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    const f = await runCli(['export', EX, '--format', 'csv', '-o', 'keep.csv', '--samples', '5', '--force'], { cwd: dir });
    expect(f.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^scenario,target,element,year/);
  });

  it('-o - writes to stdout: CSV, JSON envelope, SVG', async () => {
    const csv = await runCli(['export', EX, '--format', 'csv', '-o', '-', '--samples', '5'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(parseCsv(csv.stdout)[0][0]).toBe('scenario');
    const json = await runCli(['export', EX, '--format', 'json', '-o', '-', '--samples', '5'], { cwd: dir });
    const doc = envelope(json).result as { years: Array<{ element: string; p10Kg: number; p50Kg: number; p90Kg: number }> };
    expect(doc.years.map((y) => y.element)).toEqual(['Nd', 'Dy', 'Tb', 'Pr']);
    for (const y of doc.years) expect(y.p10Kg <= y.p50Kg && y.p50Kg <= y.p90Kg).toBe(true);
    const svg = await runCli(['export', EX, '--format', 'svg', '-o', '-', '--samples', '5'], { cwd: dir });
    expect(svg.stdout).toMatch(/^<\?xml[\s\S]*<\/svg>\n$/);
  });

  it('--json reports what was written', async () => {
    const r = await runCli(['export', EX, '--format', 'svg', '-o', 'fan.svg', '--samples', '5', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const res = envelope(r).result as { written: string; format: string; rows: number };
    expect(res).toMatchObject({ written: 'fan.svg', format: 'svg', rows: 4 });
    expect(existsSync(join(dir, 'fan.svg'))).toBe(true);
  });

  it('bad flags: unknown format, missing directory', async () => {
    let r = await runCli(['export', EX, '--format', 'xlsx', '-o', 'a.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: --format: expected one of csv, json, svg, got "xlsx"\n');
    r = await runCli(['export', EX, '--format', 'csv', '-o', 'no/such/dir/a.csv', '--samples', '2'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.csv: directory .* does not exist/);
  });
});
