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

  it('Dawn-class bus, 3 NSTAR firing, default margins: the cargo equals the hand check (rocket equation + burn time + MIMA)', async () => {
    const r = await runCli([...TRIP, '--ion', '--dry-mass', '747', '--power', '10 kW', '--thrusters', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const res = envelope(r).result;
    const p = res.propulsion;
    // Hand check, closed forms only (no engine code). Default margins: Δv +10 %, reserve 5 %,
    // dry contingency 10 %, duty 0.9, thrust at the farthest point of each leg.
    const g0 = 9.80665, ve = 3100 * g0; // NSTAR Isp 3100 s
    const T = 3 * 0.092; // 3 strings at their 2.3 kW cap: 10 kW/r² ≥ 6.9 kW while r ≤ 1.204 AU
    expect(Math.max(...p.legs.map((l: { rAu: { max: number } }) => l.rAu.max))).toBeLessThan(1.204);
    const dry = 747 * 1.1;
    // Both legs are one-sided (the launcher matches the departure v∞; no entry Δv): Damon and
    // MIMA give ΔV = (1 + √2)|Δv|.
    expect(res.minDv.dvEntryKmS).toBe(0);
    const dvIn = (1 + Math.SQRT2) * res.minDv.vDepNeoKmS * 1000 * 1.1;
    const dvOut = (1 + Math.SQRT2) * res.minDv.vArrNeoKmS * 1000 * 1.1;
    const tIn = 225 * 86400;
    const xIn = dvIn / ve, xOut = dvOut / ve;
    const m0Burn = (0.9 * tIn * T) / (ve * (1 - Math.exp(-xIn))); // burn time fits 90 % of the leg
    const m0Mima = (2 * 0.9 * T) / ((dvIn / tIn) * (1 + Math.exp(-xIn))); // MIMA, duty-cycled thrust
    const m0 = Math.min(m0Burn, m0Mima);
    const m1 = m0 * Math.exp(-xIn);
    const E = Math.expm1(xOut);
    // Reserve R = 5 % of all propellant burned; outbound propellant = (m0 − cargo)·E.
    const R = (0.05 * (m0 - m1 + (m0 - m1 + dry) * E)) / (1 - 0.05 * E);
    const cargo = m1 - dry - R;
    expect(m0Mima).toBeLessThan(m0Burn); // MIMA binds, by x²/12 ≈ 0.025 %
    expect(p.binding).toBe('mima:inbound');
    expect(p.cargoKg).toBeCloseTo(cargo, 6);
    expect(p.cargoKg).toBeGreaterThan(2000);
    expect(p.cargoKg).toBeLessThan(2020);
    expect(p.budget.launchMassKg).toBeCloseTo((m0 - cargo) * Math.exp(xOut), 6);
    expect(p.budget.propellantLoadedKg).toBeCloseTo((m0 - cargo) * Math.exp(xOut) - dry, 6);
  });

  it('Δv band: Damon legs carry MIMA error (×0.86…×1.10), no "×1.92" label, Edelbaum not clamped', async () => {
    const r = await runCli([...TRIP, '--ion', '--dry-mass', '747', '--power', '10 kW', '--thrusters', '3', '--json']);
    const p = envelope(r).result.propulsion;
    for (const l of p.legs) {
      expect(l.bandKmS[0]).toBeCloseTo(l.lowThrustDvKmS * 0.86, 12);
      expect(l.bandKmS[1]).toBeCloseTo(l.lowThrustDvKmS * 1.1, 12);
      expect(l.bandBasis[1]).toMatch(/^Damon × 1\.10 \(MIMA \+10 %\)$/);
    }
    expect(p.band.pessimistic.legs.map((l: { basis: string }) => l.basis).join()).not.toMatch(/1\.92/);
    expect(p.band.optimistic.dvKmS).toEqual(p.legs.map((l: { bandKmS: number[] }) => l.bandKmS[0]));
    expect(p.band.optimistic.cargoKg).toBeGreaterThan(p.cargoKg);
    expect(p.band.pessimistic.cargoKg).toBeLessThan(p.cargoKg);
    expect(p.edelbaum.note).toMatch(/not a bound/);
    const t = await runCli([...TRIP, '--ion', '--dry-mass', '747', '--power', '10 kW', '--thrusters', '3']);
    expect(t.stdout).toMatch(/pessimistic: [\d,.]+ kg, binding \S+\n\s+outbound [\d.]+ km\/s = Damon × 1\.10/);
    expect(t.stdout).not.toMatch(/×1\.92/);
  });
});
