// `prospector compare`: several scenarios or a sweep, side by side; --json and --csv agree.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, envelope } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';
import { parseVary, COMPARE_CSV_HEADER, type CompareRow } from '../../cli/commands/compare.js';

const EX = (f: string) => join(import.meta.dirname, '../../examples', f);

describe('prospector compare', { timeout: 60_000 }, () => {
  it('parses sweeps with units', () => {
    expect(parseVary('spacecraft.power=20kW..60kW:5')).toEqual({ path: ['spacecraft', 'power'], values: ['20 kW', '30 kW', '40 kW', '50 kW', '60 kW'] });
    expect(parseVary('finance.discountRate=0.05..0.1:2')).toEqual({ path: ['finance', 'discountRate'], values: [0.05, 0.1] });
    expect(() => parseVary('spacecraft.power=20kW..60W:3')).toThrow('--vary: FROM and TO must use the same unit, got "kW" and "W"');
    expect(() => parseVary('power 20..30')).toThrow(/--vary: expected PATH=FROM\.\.TO:N/);
    expect(() => parseVary('a.b=1..2:1')).toThrow('--vary: expected 2–100 steps after ":", got 1');
  });

  it('several scenarios side by side: JSON rows, CSV with the same numbers, text table', async () => {
    const files = [EX('metal-pgm-earth.yaml'), EX('rare-earth-stype.yaml')];
    const j = await runCli(['compare', ...files, '--samples', '30', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const rows = envelope<{ rows: CompareRow[] }>(j).result.rows;
    expect(rows.map((r) => r.target)).toEqual(['(433953) 1997 XR2', '(25143) Itokawa']);
    for (const r of rows) {
      expect(r.deliveredP10Kg! <= r.deliveredP50Kg! && r.deliveredP50Kg! <= r.deliveredP90Kg!).toBe(true);
      expect(r.npvUsd).not.toBeNull();
    }
    const c = await runCli(['compare', ...files, '--samples', '30', '--csv']);
    const csv = parseCsv(c.stdout);
    expect(csv[0]).toEqual([...COMPARE_CSV_HEADER]);
    expect(Number(csv[1][COMPARE_CSV_HEADER.indexOf('delivered_p50_kg')])).toBe(rows[0].deliveredP50Kg);
    expect(csv[2][COMPARE_CSV_HEADER.indexOf('launch_date')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const t = await runCli(['compare', ...files, '--samples', '30']);
    expect(t.stdout).toMatch(/^scenario\s+target/);
    expect(t.stdout).toContain('(25143) Itokawa');
  });

  it('--vary sweeps one field: more concentrator, more metal', async () => {
    const j = await runCli(['compare', EX('rare-earth-stype.yaml'), '--vary', 'refinery.concentratorDiameter=10m..30m:3', '--samples', '0', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const rows = envelope<{ rows: CompareRow[] }>(j).result.rows;
    expect(rows.map((r) => r.label)).toEqual(['refinery.concentratorDiameter=10 m', 'refinery.concentratorDiameter=20 m', 'refinery.concentratorDiameter=30 m']);
    expect(rows[0].refinedKg!).toBeLessThan(rows[1].refinedKg!);
    expect(rows[1].refinedKg!).toBeLessThan(rows[2].refinedKg!);
    // Yield scales with area (D²) when nothing caps it: 30 m vs 10 m → 9×.
    expect(rows[2].refinedKg! / rows[0].refinedKg!).toBeCloseTo(9, 6);
  });

  it('an infeasible variant is a row, not a failure (too little thruster power)', async () => {
    const j = await runCli(['compare', EX('metal-pgm-earth.yaml'), '--vary', 'spacecraft.power=10kW..60kW:2', '--samples', '0', '--json']);
    expect(j.code, j.stderr).toBe(0);
    const rows = envelope<{ rows: CompareRow[]; warnings: string[] }>(j).result.rows;
    expect(rows.map((r) => r.status)).toEqual(['infeasible', 'ok']);
    expect(rows[0].note).toMatch(/no cargo can be returned/);
    expect(rows[0].deliveredKg).toBeNull();
    // All infeasible: exit 3, as for plan.
    const none = await runCli(['compare', EX('metal-pgm-earth.yaml'), '--vary', 'spacecraft.power=5kW..10kW:2', '--samples', '0']);
    expect(none.code).toBe(3);
  });

  it('a sweep value that breaks the schema names the swept field', async () => {
    const r = await runCli(['compare', EX('rare-earth-stype.yaml'), '--vary', 'spacecraft.power=-10kW..10kW:2', '--samples', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rare-earth-stype\.yaml \[spacecraft\.power=-10 kW\]: spacecraft\.power: expected a positive quantity in W/);
    // --json: the field path and the file itself (not the variant label) are separate.
    const j = await runCli(['compare', EX('rare-earth-stype.yaml'), '--vary', 'spacecraft.power=-10kW..10kW:2', '--samples', '0', '--json']);
    expect(envelope(j).error).toMatchObject({ code: 'INVALID_INPUT', field: 'spacecraft.power', file: EX('rare-earth-stype.yaml') });
  });

  it('a bad scenario anywhere in the list fails before anything is planned, in one line', async () => {
    const r = await runCli(['compare', EX('metal-pgm-earth.yaml'), EX('rare-earth-stype.yaml'), 'missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('prospector: missing.yaml: cannot read the scenario file (no such file)\n');
  });

  it('--vary needs exactly one scenario', async () => {
    const r = await runCli(['compare', EX('rare-earth-stype.yaml'), EX('metal-pgm-earth.yaml'), '--vary', 'a.b=1..2:2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prospector: --vary: give exactly one scenario to sweep\n');
  });
});
