// `prospector propulsion`: validation figures through the CLI, exit codes, JSON shape.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AU_KM, MU_SUN_KM3S2 } from '../../src/astro/constants.js';
import { envelope, runCli } from '../helpers/cli.js';

const LEGS = ['--dv-out', '0.591', '--days-out', '129', '--dv-back', '0.521', '--days-back', '225', '--stay', '32', '--impulsive'];

describe('prospector propulsion', () => {
  it('MIMA validation case (DESIGN §2.4) to 1e-6 relative', async () => {
    const r = await runCli(['propulsion', '--dv1', '0.32,-0.345,0.043', '--dv2', '-0.51,0.175,0.087', '--tof', '150', '--tmax', '0.6', '--isp', '3000', '--json']);
    expect(r.code).toBe(0);
    const m = envelope(r).result.mima;
    expect(Math.abs(m.aReqMS2 / 1.530170621e-4 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(m.maxInitialMassKg / 4053.2366 - 1)).toBeLessThan(1e-6);
    expect(m.method).toBe('MIMA');
    expect(envelope(r).result.damon.method).toBe('Damon');
  });

  it('Edelbaum validation case (LEO→GEO, 28.5°) to 1e-6 km/s', async () => {
    const r = await runCli(['propulsion', '--edelbaum', '7000,42166', '--di', '28.5', '--central', 'earth', '--json']);
    expect(r.code).toBe(0);
    expect(Math.abs(envelope(r).result.dvKmS - 5.783775)).toBeLessThan(1e-6);
  });

  it('max cargo for 1991 VG with a Dawn-class spacecraft, text and JSON', async () => {
    const flags = [...LEGS, '--dry-mass', '747.1', '--power', '10000', '--margin', '0', '--reserve', '0', '--contingency', '0', '--propellant-capacity', '425'];
    const j = await runCli(['propulsion', ...flags, '--json']);
    expect(j.code).toBe(0);
    const res = envelope(j).result;
    expect(res.mode).toBe('max-cargo');
    expect(res.cargoKg).toBeCloseTo(1065.5, 0); // hand check in test/propulsion/nhats-sanity.test.ts
    expect(res.binding).toBe('burn-time:inbound');
    expect(res.budget.method).toBe('rocket equation');
    const t = await runCli(['propulsion', ...flags]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Max returnable cargo: 1,065\.\d kg/);
    expect(t.stdout).toMatch(/rocket equation/);
  });

  it('10 t of cargo with a 1 kW engine → exit 3, binding named, no NaN', async () => {
    const r = await runCli(['propulsion', ...LEGS, '--dry-mass', '500', '--power', '1 kW', '--cargo', '10000', '--json']);
    expect(r.code).toBe(3);
    const e = envelope(r);
    expect(e.error?.code).toBe('NO_SOLUTION');
    expect((e.error as { binding?: string }).binding).toMatch(/^burn-time:/);
    expect(r.stdout + r.stderr).not.toMatch(/NaN/);
    const t = await runCli(['propulsion', ...LEGS, '--dry-mass', '500', '--power', '1 kW', '--cargo', '10000']);
    expect(t.code).toBe(3);
    expect(t.stderr).toMatch(/infeasible: burn time/);
  });

  it('sizing a spacecraft for a cargo', async () => {
    const r = await runCli(['propulsion', '--dv-out', '1', '--days-out', '200', '--dv-back', '1', '--days-back', '300', '--cargo', '5000', '--size', '--bus-mass', '800', '--thruster', 'spt-140', '--json']);
    expect(r.code).toBe(0);
    const res = envelope(r).result;
    expect(res.mode).toBe('size');
    expect(res.budget.feasible).toBe(true);
    expect(res.powerAt1AuW).toBeGreaterThan(0);
  });

  it('bad input → exit 2 naming the flag', async () => {
    const bad = [
      [['propulsion', ...LEGS, '--dry-mass', '500', '--duty', '1.5'], '--duty'],
      [['propulsion', ...LEGS], '--dry-mass'],
      [['propulsion', ...LEGS, '--dry-mass', '500', '--thruster', 'warp'], '--thruster'],
      [['propulsion', '--dv-out', '1,2', '--days-out', '100', '--dry-mass', '500'], '--days-out'],
      [['propulsion', ...LEGS, '--dry-mass', '500', '--power', '3 kg'], '--power'],
    ] as const;
    for (const [argv, flag] of bad) {
      const r = await runCli([...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(flag);
    }
  });

  it('lists the thruster presets with sources', async () => {
    const r = await runCli(['propulsion', '--list-thrusters', '--json']);
    expect(r.code).toBe(0);
    const list = envelope(r).result.thrusters;
    expect(list.find((t: { id: string }) => t.id === 'nstar').efficiency).toBeCloseTo(0.608, 3);
  });

  it('--trip budgets a saved `trip --json` trajectory (Damon legs, MIMA checks)', async () => {
    const vc = Math.sqrt(MU_SUN_KM3S2 / AU_KM);
    const leg = (tofDays: number, vInfDep: number[], vInfArr: number[]) => ({ tofDays, r1: [AU_KM, 0, 0], v1: [0, vc, 0], vInfDep, vInfArr });
    const minDv = {
      outDays: 150, stayDays: 60, returnDays: 200, c3: 4, dvDepartKmS: 3.4,
      vArrNeoKmS: Math.hypot(0.3, 0.2, 0.1), vDepNeoKmS: Math.hypot(0.25, -0.1, 0), dvEntryKmS: 0,
      legs: { outbound: leg(150, [1, 1, 0], [0.3, 0.2, 0.1]), inbound: leg(200, [0.25, -0.1, 0], [2, 0, 0]) },
    };
    const dir = mkdtempSync(join(tmpdir(), 'prospector-prop-'));
    const file = join(dir, 'trip.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, result: { minDv, minDuration: minDv } }));
    const r = await runCli(['propulsion', '--trip', file, '--dry-mass', '900', '--thrusters', '2', '--power', '5000', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = envelope(r).result;
    expect(res.legs.map((l: { lowThrustMethod: string }) => l.lowThrustMethod)).toEqual(['Damon', 'Damon']);
    expect(res.cargoKg).toBeGreaterThan(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schemaVersion":1,"result":{}}');
    const b = await runCli(['propulsion', '--trip', bad, '--dry-mass', '900']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--trip/);
  });
});
