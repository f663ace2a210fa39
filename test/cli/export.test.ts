// `prospector export`: CSV/JSON/SVG to a file or stdout, atomic, never overwriting without --force.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli, envelope } from '../helpers/cli.js';
import { FORECAST_CSV_HEADER } from '../../src/export/forecast.js';
import { moveIntoPlace, writeFileAtomic } from '../../src/export/atomic-write.js';
import { InputError } from '../../src/errors.js';

const EX = join(import.meta.dirname, '../../examples/rare-earth-stype.yaml');
const METAL = join(import.meta.dirname, '../../examples/metal-pgm-earth.yaml');

/** An independent RFC 4180 parser (csv-parse), strict: every row as long as the header, no stray quotes. */
const strictParse = (text: string, opts: { bom?: boolean } = {}): string[][] => parse(text, { bom: opts.bom ?? false, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });

describe('prospector export', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'prospector-export-'));
  });

  it('writes CSV to a file, leaves no temp file, and the CSV parses back with csv-parse', async () => {
    const r = await runCli(['export', EX, '--format', 'csv', '-o', 'y.csv', '--samples', '50'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote y\.csv \(csv, 4 element-year rows\)\n/);
    const text = readFileSync(join(dir, 'y.csv'), 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff); // no BOM unless asked
    const rows = strictParse(text);
    expect(rows[0]).toEqual([...FORECAST_CSV_HEADER]);
    expect(rows.length).toBe(5); // Nd, Dy, Tb, Pr × one delivery year
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('campaign CSV: every year from first to last delivery, zeros between, exact numbers through csv-parse', async () => {
    const j = await runCli(['export', METAL, '--format', 'json', '-o', '-', '--samples', '40'], { cwd: dir });
    const c = await runCli(['export', METAL, '--format', 'csv', '-o', '-', '--samples', '40'], { cwd: dir });
    expect(c.code, c.stderr).toBe(0);
    const doc = envelope(j).result as { years: Array<Record<string, number | string | null>> };
    const rows = strictParse(c.stdout);
    const col = (name: string) => FORECAST_CSV_HEADER.indexOf(name as (typeof FORECAST_CSV_HEADER)[number]);
    const body = rows.slice(1);
    const years = [...new Set(body.map((r) => Number(r[col('year')])))];
    // 3 missions, one every synodic period (~9.5 yr, rounded): consecutive years × 6 PGMs, 3 of them with cargo.
    expect(years).toEqual(Array.from({ length: years.length }, (_, k) => years[0] + k));
    expect(years.length).toBeGreaterThan(3);
    expect(body.length).toBe(years.length * 6);
    const empty = body.filter((r) => r[col('missions')] === '0');
    expect(empty.length).toBe((years.length - 3) * 6);
    for (const r of empty) {
      expect(r[col('arrival_date')]).toBe('');
      expect(Number(r[col('delivered_p50_kg')])).toBe(0);
      expect(Number(r[col('value_p50_usd')])).toBe(0);
    }
    // Same numbers as the JSON document, bit for bit (shortest round-trip number formatting).
    body.forEach((r, i) => {
      const y = doc.years[i];
      expect(Number(r[col('year')])).toBe(y.year);
      expect(r[col('element')]).toBe(y.element);
      expect(r[col('arrival_date')]).toBe(y.arrivalDate ?? '');
      for (const [h, k] of [['delivered_p10_kg', 'p10Kg'], ['delivered_p50_kg', 'p50Kg'], ['delivered_p90_kg', 'p90Kg'], ['value_p50_usd', 'p50Usd'], ['cumulative_p90_kg', 'cumulativeP90Kg']] as const) {
        expect(Number(r[col(h)])).toBe(y[k]);
      }
    });
    expect(rows[1][0]).toBe('Metal NEA, PGMs to Earth'); // has a comma: quoted, then restored by the parser
  });

  it('--bom starts the CSV with a UTF-8 byte-order mark (for Excel); JSON and SVG refuse it', async () => {
    const r = await runCli(['export', EX, '--format', 'csv', '--bom', '-o', 'bom.csv', '--samples', '5'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const buf = readFileSync(join(dir, 'bom.csv'));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strictParse(buf.toString('utf8'), { bom: true })[0]).toEqual([...FORECAST_CSV_HEADER]);
    const j = await runCli(['export', EX, '--format', 'json', '--bom', '-o', 'x.json', '--samples', '5'], { cwd: dir });
    expect(j.code).toBe(2);
    expect(j.stderr).toBe('prospector: --bom: applies to --format csv only, not json\n');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('a non-ASCII scenario name: UTF-8 in the CSV, a hint to use --bom; with --bom, no hint', async () => {
    const sub = mkdtempSync(join(dir, 'utf8-'));
    writeFileSync(join(sub, 's.yaml'), readFileSync(EX, 'utf8').replace('name: Itokawa rare earths to Earth', 'name: Itokawa – terres rares'));
    const r = await runCli(['export', 's.yaml', '--format', 'csv', '-o', 'a.csv', '--samples', '5'], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the CSV holds non-ASCII text (UTF-8); for Excel add --bom');
    expect(strictParse(readFileSync(join(sub, 'a.csv'), 'utf8'))[1][0]).toBe('Itokawa – terres rares');
    const b = await runCli(['export', 's.yaml', '--format', 'csv', '--bom', '-o', 'b.csv', '--samples', '5'], { cwd: sub });
    expect(b.stderr).not.toContain('--bom');
  });

  it('exportFormat and csvBom from ./prospector.config.json; a flag still wins', async () => {
    const sub = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(sub, 'prospector.config.json'), JSON.stringify({ exportFormat: 'csv', csvBom: true, samples: 3 }));
    const r = await runCli(['export', EX, '-o', '-'], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
    const j = await runCli(['export', EX, '--format', 'json', '-o', '-'], { cwd: sub });
    expect(envelope(j).result.scenario.samples).toBe(3);
    // No format anywhere: say where it can come from.
    const none = await runCli(['export', EX, '-o', 'z.csv'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('prospector: --format: required (csv, json, svg); or set exportFormat in ./prospector.config.json or the user config\n');
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

  it('the move into place is exclusive: a file that appears after the check is not replaced', () => {
    const sub = mkdtempSync(join(dir, 'race-'));
    const target = join(sub, 'out.csv');
    const tmp = join(sub, '.out.csv.tmp');
    writeFileSync(tmp, 'new');
    // Someone else creates the file between our existence check and our write.
    writeFileSync(target, 'theirs');
    expect(() => moveIntoPlace(tmp, target, { shown: 'out.csv' })).toThrow(InputError);
    expect(() => moveIntoPlace(tmp, target, { shown: 'out.csv' })).toThrow('out.csv: file exists; pass --force to overwrite');
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    // With force it replaces atomically (rename), and the temp file is gone.
    moveIntoPlace(tmp, target, { force: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(existsSync(tmp)).toBe(false);
    // writeFileAtomic leaves no temp file behind on refusal either.
    expect(() => writeFileAtomic(target, 'again', { shown: 'out.csv' })).toThrow('out.csv: file exists');
    expect(readdirSync(sub)).toEqual(['out.csv']);
    mkdirSync(join(sub, 'd'));
    writeFileAtomic(join(sub, 'd', 'x.csv'), 'fresh');
    expect(readdirSync(join(sub, 'd'))).toEqual(['x.csv']);
  });

  it('-o - writes to stdout: CSV, JSON envelope with arrival dates, SVG', async () => {
    const csv = await runCli(['export', EX, '--format', 'csv', '-o', '-', '--samples', '5'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(strictParse(csv.stdout)[0][0]).toBe('scenario');
    const json = await runCli(['export', EX, '--format', 'json', '-o', '-', '--samples', '5'], { cwd: dir });
    const doc = envelope(json).result as {
      years: Array<{ element: string; arrivalDate: string | null; p10Kg: number; p50Kg: number; p90Kg: number }>;
      missions: Array<{ arrivalDate: string }>;
    };
    expect(doc.years.map((y) => y.element)).toEqual(['Nd', 'Dy', 'Tb', 'Pr']);
    for (const y of doc.years) {
      expect(y.p10Kg <= y.p50Kg && y.p50Kg <= y.p90Kg).toBe(true);
      expect(y.arrivalDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(doc.missions[0].arrivalDate).toBe(doc.years[0].arrivalDate);
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
    r = await runCli(['export', EX, '--format', 'cvs', '-o', 'a.csv'], { cwd: dir });
    expect(r.stderr).toBe('prospector: --format: expected one of csv, json, svg, got "cvs" (did you mean "csv"?)\n');
    r = await runCli(['export', EX, '--format', 'csv', '-o', 'no/such/dir/a.csv', '--samples', '2'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a\.csv: directory .* does not exist/);
  });
});
