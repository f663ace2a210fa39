// `prospector trip … --ion`: the propulsion section for the trip's trajectory (DESIGN §2.4, §4).
import { describe, expect, it } from 'vitest';
import { envelope, runCli } from '../helpers/cli.js';

// 1991 VG, NHATS minimum-Δv trajectory (launch 2039-05-01, 129 + 32 + 225 d), evaluated as given.
const TRIP = ['trip', '1991 VG', '--launch', '2039-05-01', '--out-days', '129', '--stay-days', '32', '--return-days', '225'];

describe('prospector trip --ion', () => {
  it('adds the propulsion report: Damon legs, MIMA checks, max cargo with its binding constraint', async () => {
    const r = await runCli([...TRIP, '--ion', '--dry-mass', '747.1', '--power', '10000', '--thrusters', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = envelope(r).result;
    expect(res.minDv).toBeDefined(); // the trip itself is still there
    const p = res.propulsion;
    expect(p.legs.map((l: { lowThrustMethod: string }) => l.lowThrustMethod)).toEqual(['Damon', 'Damon']);
    expect(p.legs.every((l: { impulsiveMethod: string }) => l.impulsiveMethod === 'ballistic Lambert')).toBe(true);
    expect(p.mode).toBe('max-cargo');
    expect(p.cargoKg).toBeGreaterThan(0);
    expect(p.budget.method).toBe('rocket equation');
    expect(p.cargoMethod).toMatch(/MIMA/);
    expect(p.edelbaum.method).toBe('Edelbaum');
    expect(p.budget.constraints.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['mima:outbound', 'mima:inbound']));
    expect(r.stdout).not.toMatch(/NaN/);
  });

  it('text output carries the ion section', async () => {
    const r = await runCli([...TRIP, '--ion', '--dry-mass', '747.1', '--power', '10000', '--thrusters', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Ion propulsion/);
    expect(r.stdout).toMatch(/Max returnable cargo: [\d,.]+ kg/);
  });

  it('a single NSTAR cannot fly this schedule: exit 3, MIMA binding, shortfall named', async () => {
    const r = await runCli([...TRIP, '--ion', '--dry-mass', '747.1', '--power', '10000', '--json']);
    expect(r.code).toBe(3);
    const e = envelope(r).error as { code: string; message: string; binding?: string };
    expect(e.code).toBe('NO_SOLUTION');
    expect(e.binding).toMatch(/^(mima|burn-time):outbound$/);
    expect(e.message).toMatch(/short by [\d.]+ mN/);
  });

  it('spacecraft flags without --ion, and --ion without --dry-mass, are input errors (exit 2)', async () => {
    const a = await runCli([...TRIP, '--dry-mass', '747']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--dry-mass.*--ion/);
    const b = await runCli([...TRIP, '--ion']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--dry-mass/);
  });
});
