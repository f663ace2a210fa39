// `prospector porkchop` end to end: JSON cells and best, RFC 4180 CSV with units, SVG written atomically.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv, toCsv } from '../../src/export/csv.js';
import { jsonResult } from '../../cli/format/json.js';
import { findAsteroid, loadCatalog } from '../../src/catalog/index.js';
import { parseIsoToJdTdb } from '../../src/astro/time.js';
import { launchSeasons, porkchop, porkchopCells } from '../../src/trajectory/porkchop.js';

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

  it('streamed --json and --csv are byte for byte what one JSON.stringify / toCsv of the whole grid gives', async () => {
    const pc = porkchop(findAsteroid(loadCatalog(), '2000 SG344'), {
      launchFromJd: parseIsoToJdTdb('2028-01-01'), launchToJd: parseIsoToJdTdb('2028-12-31'), tofMinDays: 60, tofMaxDays: 400, stepDays: 10, maxRevs: 0,
    });
    const cells = porkchopCells(pc);
    const whole = {
      designation: pc.designation, name: pc.name, direction: pc.direction, method: 'ballistic-lambert-grid', stepDays: pc.stepDays, maxRevs: pc.maxRevs, leoAltitudeKm: pc.leoAltitudeKm,
      grid: { launches: pc.launchJd.length, tofs: pc.tofDays.length, cells: pc.launchJd.length * pc.tofDays.length, solved: cells.length },
      best: pc.best, bestGrid: pc.bestGrid, seasons: launchSeasons(pc), svg: null, warnings: pc.warnings, cells,
    };
    const j = await runCli([...ARGS, '--json']);
    expect(j.stdout).toBe(jsonResult(whole));
    const c = await runCli([...ARGS, '--csv']);
    const header = ['launch', 'tof_days', 'arrival', 'c3_km2_s2', 'v_inf_dep_km_s', 'declination_deg', 'v_inf_arr_km_s', 'dv_leo_km_s', 'entry_speed_km_s', 'dv_total_km_s', 'revs', 'branch'];
    expect(c.stdout).toBe(toCsv(header, cells.map((x) => [x.launch, x.tofDays, x.arrival, x.c3, x.vInfDepKmS, x.declinationDeg, x.vInfArrKmS, x.dvLeoKmS, x.entrySpeedKmS, x.dvTotalKmS, x.revs, x.branch])));
  });

  it('a grid too large for any output: exit 2 naming --step, at once (before computing)', async () => {
    const t0 = performance.now();
    const r = await runCli(['porkchop', '2000 SG344', '--launch', '2025-01-01..2045-12-31', '--tof', '1..2000', '--step', '1', '--json']);
    expect(r.code).toBe(2);
    expect(envelope(r).error!.message).toMatch(/^--step: 7670 launch dates × 2000 flight times = 15340000 cells, more than the 4000000 a porkchop holds in memory/);
    // Not a performance assertion: 15 M cells would take many seconds; refusing takes none.
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('Ctrl+C: exit 130 with the best cell of the launch dates done (CANCELLED envelope)', async () => {
    const ac = new AbortController();
    const run = runCli(['porkchop', '2000 SG344', '--launch', '2025-01-01..2034-12-31', '--tof', '30..400', '--step', '1', '--json'], { signal: ac.signal });
    setTimeout(() => ac.abort(), 400);
    const r = await run;
    expect(r.code).toBe(130);
    const e = envelope(r).error as any;
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toMatch(/^interrupted after \d+ of 3652 launch dates/);
    expect(e.partial.launches).toBe(3652);
  });

  it('--direction back: the departure columns say they are relative to the asteroid (CSV, JSON, text)', async () => {
    const back = ['porkchop', '2000 SG344', '--direction', 'back', '--launch', '2028-06-01..2028-12-31', '--tof', '60..300', '--step', '10'];
    const c = await runCli([...back, '--csv']);
    const rows = parseCsv(c.stdout);
    expect(rows[0]).toEqual(['launch', 'tof_days', 'arrival', 'v_dep_neo_km_s', 'neo_departure_c3_km2_s2', 'neo_departure_declination_deg', 'v_inf_arr_km_s', 'entry_speed_km_s', 'dv_total_km_s', 'revs', 'branch']);
    expect(rows[1]).toHaveLength(rows[0].length);
    expect(Number(rows[1][4])).toBeCloseTo(Number(rows[1][3]) ** 2, 9);
    const j = envelope(await runCli([...back, '--json'])).result;
    for (const x of [j.cells[0], j.best, j.bestGrid]) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['vDepNeoKmS', 'neoDepartureC3', 'neoDepartureDeclinationDeg', 'entrySpeedKmS']));
      expect(x).not.toHaveProperty('c3');
      expect(x).not.toHaveProperty('declinationDeg');
      expect(x).not.toHaveProperty('dvLeoKmS');
    }
    const t = await runCli(back);
    expect(t.stdout).toMatch(/asteroid departure\s+v∞ [\d.]+ km\/s relative to the asteroid/);
    expect(t.stdout).not.toMatch(/^\s*C3\s/m);
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
