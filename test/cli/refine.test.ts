import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';

// Uses the bundled catalog's Bennu (B-type → CI analogue, water route by default).
const BASE = ['refine', 'Bennu', '--arrive', '2030-01-01', '--stay-days', '200', '--concentrator-diameter', '10 m'];

describe('prospector refine', () => {
  it('JSON: monthly rows, cumulative water, assumptions beside the numbers', async () => {
    const r = await runCli([...BASE, '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.assumptions.route.id).toBe('water');
    expect(res.months).toHaveLength(7); // 200 days / 30.4375
    expect(res.assumptions.concentratorAreaM2).toBeCloseTo(78.54, 2);
    expect(res.assumptions.distanceAu.min).toBeGreaterThan(0.89);
    const last = res.months.at(-1);
    expect(last.cumulativeKg.H2O).toBeCloseTo(res.totals.productsKg.H2O, 6);
    expect(res.target.name).toBe('Bennu');
  });

  it('DESIGN §2.5 check through the CLI: a 10 m C-type at 1.5 t/m³ with 12 % water runs dry after ≈ 102 days', async () => {
    const r = await runCli([...BASE, '--body-diameter', '10 m', '--density', '1500', '--grade', 'H2O=12%', '--capture-eff', '1', '--duty', '1', '--recovery', 'H2O=1', '--specific-energy', '8', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.body.massKg).toBeCloseTo(785398.16, 1);
    expect(res.totals.productsKg.H2O).toBeCloseTo(94247.78, 1);
    // At 1 AU it lasts 102.05 d (test/refining); at Bennu P ∝ 1/r², so between 102.05·r_min² and 102.05·r_max².
    const { min, max } = res.assumptions.distanceAu;
    expect(res.exhaustedAfterDays).toBeGreaterThan(102.05 * min * min);
    expect(res.exhaustedAfterDays).toBeLessThan(102.05 * max * max);
    expect(res.warnings.join(' ')).toMatch(/the body is exhausted after/);
  });

  it('--csv prints the monthly table with units in the headers; warnings go to stderr', async () => {
    const r = await runCli([...BASE, '--body-mass', '100 t', '--csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['month', 'start', 'end', 'days', 'r_au', 'p_abs_kw', 'processed_kg', 'H2O_kg', 'H2O_cum_kg', 'H2O_left_in_body_kg']);
    // 100 t at 14 % (CI p50 water) = 14 t of water; the body runs dry, so nothing is left at the end.
    expect(Number(rows.at(-1)![9])).toBeCloseTo(0, 6);
    expect(rows).toHaveLength(8);
    expect(r.stderr).toMatch(/exhausted/);
  });

  it('text output prints the table and the assumptions', async () => {
    const r = await runCli(BASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('H2O kg (cum.)');
    expect(r.stdout).toContain('η_opt 0.8, η_cap 0.5, duty 0.5');
  });

  it.each([
    [['--stay-days', '0'], '--stay-days'],
    [['--concentrator-diameter', '0 m'], '--concentrator-diameter'],
    [['--route', 'smelt'], '--route'],
    [['--arrive', '2030-02-31'], '--arrive'],
    [['--grade', 'H2O=140%'], '--grade'],
    [['--capture-eff', '1.5'], '--capture-eff'],
  ])('bad input %j exits 2 naming %s', async (patch, flag) => {
    const args = [...BASE];
    const k = args.indexOf(patch[0]);
    if (k >= 0) args[k + 1] = patch[1];
    else args.push(...patch);
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(flag);
  });

  it('an unknown element in --grade, --recovery or --products: exit 2 naming it and listing the known ones', async () => {
    for (const [flag, value] of [['--grade', 'Xx=5ppm'], ['--recovery', 'Zz=0.5'], ['--products', 'Unobtainium']]) {
      const r = await runCli([...BASE, flag, value]);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^prospector: ${flag}: unknown element "${value.split('=')[0]}"; known: Pt, Pd, .*H2O\\n$`));
    }
    // Element symbols are matched case-insensitively and reported in canonical form.
    const ok = await runCli([...BASE, '--grade', 'h2o=12%', '--json']);
    expect(ok.code).toBe(0);
    expect(envelope(ok).result.assumptions.feedstockGrades.H2O).toBeCloseTo(0.12, 12);
    // An element the route does not recover: the engine's message, under the flag's name.
    const nr = await runCli([...BASE, '--products', 'Pt']);
    expect(nr.code).toBe(2);
    expect(nr.stderr).toMatch(/^prospector: --products: route water does not recover "Pt"/);
  });

  it('--launch with --out-days is the same as --arrive at launch + out-days', async () => {
    const a = envelope(await runCli([...BASE, '--json'])).result;
    const b = envelope(await runCli(['refine', 'Bennu', '--launch', '2029-10-03', '--out-days', '90', '--stay-days', '200', '--concentrator-diameter', '10 m', '--json'])).result;
    expect(b.assumptions.arriveDate).toBe('2030-01-01');
    expect(b.totals.productsKg.H2O).toBeCloseTo(a.totals.productsKg.H2O, 3); // JD round-off only
    const bad = await runCli(['refine', 'Bennu', '--launch', '2029-10-03', '--stay-days', '200', '--concentrator-diameter', '10 m']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--out-days');
  });

  it('an unknown asteroid exits 2', async () => {
    const r = await runCli(['refine', 'Nonexistentia', '--arrive', '2030-01-01', '--stay-days', '10', '--concentrator-diameter', '10']);
    expect(r.code).toBe(2);
  });

  it('text: a per-month kg column beside the cumulative one, and no raw floating-point fractions', async () => {
    const r = await runCli(['refine', 'Bennu', '--arrive', '2030-01-01', '--stay-days', '100', '--concentrator-diameter', '20 m', '--route', 'melt-metal', '--metal-fraction', '0.9749999999996362', '--products', 'Pt']);
    expect(r.code, r.stderr).toBe(0);
    const header = r.stdout.split('\n').find((l) => /^\s*month\s/.test(l))!;
    expect(header).toMatch(/Pt kg\s+Pt kg \(cum\.\)/);
    expect(r.stdout).toMatch(/metal fraction 0\.975;/);
    expect(r.stdout).not.toMatch(/\d\.\d{7,}/);
    // Month by month, the per-month column adds up to the cumulative one.
    const j = envelope(await runCli(['refine', 'Bennu', '--arrive', '2030-01-01', '--stay-days', '100', '--concentrator-diameter', '20 m', '--route', 'melt-metal', '--products', 'Pt', '--json'])).result;
    let sum = 0;
    for (const m of j.months) {
      sum += m.productsKg.Pt;
      expect(m.cumulativeKg.Pt).toBeCloseTo(sum, 9);
    }
  });
});
