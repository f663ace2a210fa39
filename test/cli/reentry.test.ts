import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';
import { parseCsv } from '../../src/export/csv.js';

// Stardust SRC, DESIGN §2.6 (see test/reentry/entry-simulation.test.ts for the validation bands).
const STARDUST = ['--mass', '45.8', '--diameter', '0.811', '--nose-radius', '0.2202', '--cd', '1.5', '--speed', '12.9', '--fpa', '-8.2'];

describe('prospector reentry', () => {
  it('Stardust from flags: DESIGN §4 fields, numbers not strings, inside the validation bands', async () => {
    const r = await runCli(['reentry', ...STARDUST, '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    for (const k of ['peakDecelG', 'peakHeatFluxWCm2', 'heatLoadJCm2', 'timeToPeakS', 'ballisticCoefficient']) expect(typeof res[k]).toBe('number');
    expect(res.peakDecelG).toBeGreaterThan(30);
    expect(res.peakDecelG).toBeLessThan(40);
    expect(res.peakHeatFluxWCm2).toBeGreaterThan(762);
    expect(res.peakHeatFluxWCm2).toBeLessThan(1000);
    expect(res.allenEggersPeakG).toBeCloseTo(61.8, 1);
    expect(Array.isArray(res.warnings)).toBe(true);
  });

  it('units on the flags ("45.8 kg", "12.9 km/s", "-8.2 deg") give the same entry', async () => {
    const a = envelope(await runCli(['reentry', ...STARDUST, '--json'])).result;
    const b = envelope(await runCli(['reentry', '--mass', '45.8 kg', '--diameter', '81.1 cm', '--nose-radius', '0.2202 m', '--cd', '1.5', '--speed', '12.9 km/s', '--fpa', '-8.2 deg', '--json'])).result;
    expect(b.peakDecelG).toBeCloseTo(a.peakDecelG, 9);
    expect(b.heatLoadJCm2).toBeCloseTo(a.heatLoadJCm2, 6);
  });

  it('--preset stardust equals the flags; flags override the preset', async () => {
    const a = envelope(await runCli(['reentry', ...STARDUST, '--json'])).result;
    const p = envelope(await runCli(['reentry', '--preset', 'stardust', '--json'])).result;
    expect(p.preset).toBe('stardust');
    expect(p.peakDecelG).toBeCloseTo(a.peakDecelG, 9);
    const steeper = envelope(await runCli(['reentry', '--preset', 'stardust', '--fpa', '-12', '--json'])).result;
    expect(steeper.peakDecelG).toBeGreaterThan(a.peakDecelG);
  });

  it('text output shows the integrated peak g and labels the closed form as a cross-check', async () => {
    const r = await runCli(['reentry', '--preset', 'stardust', '--atmosphere', 'exponential']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/peak deceleration\s+3\d\.\d g/);
    expect(r.stdout).toMatch(/Allen–Eggers check\s+61\.8 g closed form/);
    expect(r.stdout).toContain('exponential, ρ0 1.225 kg/m³, H 7.2 km');
  });

  it('--csv prints the trajectory once per second', async () => {
    const r = await runCli(['reentry', '--preset', 'stardust', '--csv']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['t_s', 'altitude_km', 'speed_km_s', 'fpa_deg', 'mach', 'decel_g', 'heat_flux_w_cm2']);
    expect(Number(rows[1][1])).toBeCloseTo(125, 6);
    expect(Number(rows[2][0])).toBeCloseTo(1, 9);
  });

  it('--rotating-earth with latitude and azimuth changes the relative entry state', async () => {
    const r = envelope(await runCli(['reentry', '--preset', 'stardust', '--rotating-earth', '--latitude', '41.9', '--azimuth', '100', '--json'])).result;
    expect(r.assumptions.rotatingEarth).toBe(true);
    expect(r.entry.relativeSpeedKmS).toBeLessThan(12.6);
  });

  it.each([
    [['--mass', '-45.8'], '--mass'],
    [['--fpa', '8.2'], '--fpa'],
    [['--diameter', '0'], '--diameter'],
    [['--atmosphere', 'mars'], '--atmosphere'],
    [['--speed', 'fast'], '--speed'],
  ])('bad input %j exits 2 naming %s', async (patch, flag) => {
    const args = [...STARDUST];
    for (let i = 0; i < patch.length; i += 2) {
      const k = args.indexOf(patch[i]);
      if (k >= 0) args[k + 1] = patch[i + 1];
      else args.push(patch[i], patch[i + 1]);
    }
    const r = await runCli(['reentry', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(flag);
    const j = await runCli(['reentry', ...args, '--json']);
    expect(j.code).toBe(2);
    expect(envelope(j).error!.code).toBe('INVALID_INPUT');
  });

  it('--cd-mach preset uses the published Stardust table; a malformed table exits 2', async () => {
    const r = envelope(await runCli(['reentry', '--preset', 'stardust', '--cd-mach', 'preset', '--json'])).result;
    expect(r.assumptions.cd).toBe('mach-table');
    const custom = envelope(await runCli(['reentry', '--preset', 'stardust', '--cd-mach', '0:1.5,50:1.5', '--json'])).result;
    const plain = envelope(await runCli(['reentry', '--preset', 'stardust', '--json'])).result;
    expect(custom.peakDecelG).toBeCloseTo(plain.peakDecelG, 9);
    const bad = await runCli(['reentry', '--preset', 'stardust', '--cd-mach', '20:1.5,10:1.4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cd-mach');
    const noTable = await runCli(['reentry', '--preset', 'genesis', '--cd-mach', 'preset']);
    expect(noTable.code).toBe(2);
  });

  it('--cargo sizes capsules of the given design on the same entry: count, payload, return-leg mass', async () => {
    const r = await runCli(['reentry', '--mass', '100', '--diameter', '0.97', '--nose-radius', '0.26', '--cd', '1.5', '--speed', '12', '--fpa', '-10', '--cargo', '10 t', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.capsules.payloadPerCapsuleKg).toBeCloseTo(30, 9);
    expect(res.capsules.count).toBe(334); // ⌈10,000 / 30⌉
    expect(res.capsules.totalMassKg).toBeCloseTo(334 * 70 + 10_000, 6);
    // TPS fraction from the heat load of the entry shown (Laub & Venkatapathy: 0.091·Q^0.51575 %).
    expect(res.capsules.tpsFraction).toBeCloseTo((0.091 * Math.pow(res.heatLoadJCm2, 0.51575)) / 100, 12);
    const bad = await runCli(['reentry', '--preset', 'stardust', '--payload-fraction', '0.3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--payload-fraction');
  });

  it('a missing required flag without --preset exits 2 naming it; an unknown preset too', async () => {
    const r = await runCli(['reentry', '--mass', '45.8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--diameter');
    const p = await runCli(['reentry', '--preset', 'apollo']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('--preset');
  });

  it('skip-out / no entry is no solution: exit 3 with the corridor edge, never "0.0 g"', async () => {
    for (const fpa of ['0', '-3']) {
      const r = await runCli(['reentry', '--preset', 'stardust', '--fpa', fpa]);
      expect(r.code, fpa).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^prospector: --fpa: at -?\d+\.00° the capsule skips back out of the atmosphere after dipping to [\d.]+ km: no entry; steepen --fpa to -\d+\.\d\d° or below/);
      expect(r.stderr).not.toMatch(/0\.0 g/);
    }
    const j = await runCli(['reentry', '--preset', 'stardust', '--fpa', '0', '--json']);
    expect(j.code).toBe(3);
    const e = envelope(j).error as { code: string; message: string; binding?: string };
    expect(e.code).toBe('NO_SOLUTION');
    expect(e.binding).toBe('skip-out');
    // The edge it names is real: just steeper enters, just shallower skips out.
    const edge = Number(/steepen --fpa to (-\d+\.\d\d)°/.exec(e.message)![1]);
    expect((await runCli(['reentry', '--preset', 'stardust', '--fpa', String(edge)])).code).toBe(0);
    expect((await runCli(['reentry', '--preset', 'stardust', '--fpa', String(edge + 0.05)])).code).toBe(3);
  });

  it('the drogue line says which condition set the time, and where the thresholds come from', async () => {
    const r = await runCli(['reentry', '--preset', 'stardust']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/drogue conditions\s+125\.\d s after entry, 31\.0 km, Mach 1\.\d+ — set by the 31 km altitude ceiling \(Mach 1\.4 was reached earlier, at 11\d\.\d s\)/);
    expect(r.stdout).toMatch(/drogue source\s+31 km: Stardust drogue opening at 31\.03 km, Mach 1\.23, 137\.9 s .*Desai & Qualls 2008.*Mach 1\.4: assumed/);
    const j = envelope(await runCli(['reentry', '--preset', 'stardust', '--json'])).result;
    expect(j.drogue.setBy).toBe('altitude');
    expect(j.assumptions.drogueSource).toMatch(/AIAA 2008-1198/);
    const m = envelope(await runCli(['reentry', '--preset', 'stardust', '--drogue-altitude', 'none', '--json'])).result;
    expect(m.drogue.setBy).toBe('mach');
    expect(m.drogue.timeS).toBeCloseTo(j.drogue.machThresholdTimeS, 6);
  });

  it('refinements: --rotating-earth / --cd-mach report how far each moves peak g, heating and the drogue time', async () => {
    const r = await runCli(['reentry', '--preset', 'stardust', '--rotating-earth', '--latitude', '41', '--azimuth', '110', '--cd-mach', 'preset', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = envelope(r).result;
    const x = res.refinements;
    expect(x.cases.map((c: { refinement: string }) => c.refinement)).toEqual(['Earth rotation', 'Mach-dependent C_D', 'both']);
    // The "both" case is the run shown above it.
    const both = x.cases[2];
    expect(both.peakDecelG).toBeCloseTo(res.peakDecelG, 9);
    expect(both.timeToDrogueS).toBeCloseTo(res.timeToDrogueS, 9);
    // The baseline is the plain run.
    const plain = envelope(await runCli(['reentry', '--preset', 'stardust', '--json'])).result;
    expect(x.baseline.peakDecelG).toBeCloseTo(plain.peakDecelG, 9);
    expect(x.baseline.peakHeatFluxWCm2).toBeCloseTo(plain.peakHeatFluxWCm2, 9);
    for (const c of x.cases) {
      expect(c.delta.peakDecelG).toBeCloseTo(c.peakDecelG - plain.peakDecelG, 9);
      expect(c.delta.peakHeatFluxFraction).toBeCloseTo(c.peakHeatFluxWCm2 / plain.peakHeatFluxWCm2 - 1, 9);
      expect(c.delta.timeToDrogueS).toBeCloseTo(c.timeToDrogueS - plain.timeToDrogueS, 9);
    }
    // Eastbound rotation lowers the air-relative speed: less heating. The hypersonic-only C_D table barely moves anything.
    expect(x.cases[0].delta.peakHeatFluxFraction).toBeLessThan(-0.03);
    expect(Math.abs(x.cases[1].delta.peakDecelFraction)).toBeLessThan(0.01);
    expect(x.notes.join(' ')).toMatch(/starts at Mach 10\.5/);
    const t = await runCli(['reentry', '--preset', 'stardust', '--compare-refinements']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/How much each refinement moves the result/);
    expect(t.stdout).toMatch(/Earth rotation\s+[\d.]+ g \(−[\d.]+ %\)/);
    // Only what was asked: --rotating-earth alone compares rotation only.
    const rot = envelope(await runCli(['reentry', '--preset', 'stardust', '--rotating-earth', '--json'])).result;
    expect(rot.refinements.cases.map((c: { refinement: string }) => c.refinement)).toEqual(['Earth rotation']);
    expect(plain.refinements).toBeUndefined();
  });
});
