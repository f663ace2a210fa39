// Mission mass budget: closure at every leg, monotonicity, max cargo and infeasible requests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { G0_MS2 } from '../../src/astro/constants.js';
import { NoSolutionError } from '../../src/errors.js';
import type { MassBudget, MissionLeg, MissionProfile, Spacecraft } from '../../src/propulsion/index.js';
import { massBudget, maxCargo, requireFeasibleBudget } from '../../src/propulsion/mass-budget.js';
import { thrusterPreset } from '../../src/propulsion/thrusters.js';

const REL = 1e-9; // closure is exact up to round-off
const nstar = thrusterPreset('nstar');
const next = thrusterPreset('next-c');

function leg(name: string, dvKmS: number, durationDays: number, r?: [number, number]): MissionLeg {
  return { name, dvKmS, dvMethod: 'user', durationDays, rAu: r ? { min: r[0], max: r[1] } : undefined };
}

function mission(p: Partial<MissionProfile> = {}): MissionProfile {
  return {
    outbound: [leg('out', 1.0, 200)],
    operations: { durationDays: 100, stationKeepingDvKmS: 0.02, deployedMassKg: 300, capsuleMassKg: 40, capsuleSource: 'carried' },
    inbound: [leg('back', 1.2, 300)],
    margins: { dvFraction: 0.1, propellantReserveFraction: 0.05, dryMassContingencyFraction: 0.1 },
    dutyCycle: 0.9,
    thrustDistance: 'worst',
    ...p,
  };
}

/** Closure: every phase's start mass is the sum of its parts; masses chain phase to phase. */
function expectCloses(b: MassBudget, m: MissionProfile): void {
  const ops = m.operations;
  for (const ph of b.phases) {
    const c = ph.start;
    for (const v of [c.dryKg, c.propellantKg, c.deployedKg, c.capsulesKg, c.cargoKg, ph.startMassKg, ph.endMassKg, ph.propellantKg]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(-1e-9);
    }
    const sum = c.dryKg + c.propellantKg + c.deployedKg + c.capsulesKg + c.cargoKg;
    expect(Math.abs(sum - ph.startMassKg)).toBeLessThanOrEqual(REL * ph.startMassKg + 1e-9);
    expect(Math.abs(ph.startMassKg - ph.endMassKg - ph.propellantKg)).toBeLessThanOrEqual(REL * ph.startMassKg + 1e-9);
  }
  for (let i = 0; i + 1 < b.phases.length; i++) {
    const a = b.phases[i];
    const n = b.phases[i + 1];
    // Arrival at the asteroid: refinery off, cargo (and in-situ capsules) on.
    const pickup = n.phase === 'operations' ? b.cargoKg + (ops.capsuleSource === 'in-situ' ? ops.capsuleMassKg : 0) - ops.deployedMassKg : 0;
    expect(Math.abs(a.endMassKg + pickup - n.startMassKg)).toBeLessThanOrEqual(REL * n.startMassKg + 1e-9);
  }
  // With no outbound leg the first phase is the operations, which start after the pick-up.
  const firstPickup = b.phases[0].phase === 'operations' ? b.cargoKg + (ops.capsuleSource === 'in-situ' ? ops.capsuleMassKg : 0) - ops.deployedMassKg : 0;
  expect(Math.abs(b.phases[0].startMassKg - firstPickup - b.launchMassKg)).toBeLessThanOrEqual(REL * b.launchMassKg + 1e-9);
  const last = b.phases[b.phases.length - 1];
  expect(Math.abs(last.endMassKg - (b.dryMassKg + b.propellantReserveKg + ops.capsuleMassKg + b.cargoKg))).toBeLessThanOrEqual(REL * last.endMassKg + 1e-9);
  expect(Math.abs(b.propellantUsableKg - b.phases.reduce((s, p) => s + p.propellantKg, 0))).toBeLessThanOrEqual(REL * b.propellantUsableKg + 1e-9);
}

describe('mass budget', () => {
  const sc: Spacecraft = { thruster: nstar, thrusterCount: 2, powerAt1AuW: 6000, dryMassKg: 800 };

  it('hand check: one leg, no margins — Tsiolkovsky and the burn time by hand', () => {
    const m: MissionProfile = {
      outbound: [leg('out', 2, 400)],
      operations: { durationDays: 0, stationKeepingDvKmS: 0, deployedMassKg: 0, capsuleMassKg: 0, capsuleSource: 'carried' },
      inbound: [],
      margins: { dvFraction: 0, propellantReserveFraction: 0, dryMassContingencyFraction: 0 },
      dutyCycle: 1,
      thrustDistance: 'worst',
    };
    const b = massBudget({ ...sc, thrusterCount: 1 }, m, 0);
    const ve = 3100 * G0_MS2;
    expect(b.launchMassKg).toBeCloseTo(800 * Math.exp(2000 / ve), 9);
    expect(b.phases[0].burnDays! * 86400).toBeCloseTo((b.launchMassKg * ve * (1 - Math.exp(-2000 / ve))) / 0.092, 3);
  });

  it('margins: Δv margin scales the Δv, contingency the dry mass, reserve is never burned', () => {
    const b = massBudget(sc, mission(), 500);
    expect(b.phases[0].dvKmS).toBeCloseTo(1.1, 12);
    expect(b.dryMassKg).toBeCloseTo(880, 9);
    expect(b.propellantReserveKg).toBeCloseTo(0.05 * b.propellantUsableKg, 9);
    expect(b.propellantLoadedKg).toBeCloseTo(b.propellantUsableKg * 1.05, 9);
    expectCloses(b, mission());
  });

  it('tankage and reserve that can never close → NoSolutionError', () => {
    const m = mission({ outbound: [leg('out', 60, 4000)], inbound: [leg('back', 60, 4000)], tankageFraction: 0.5 });
    expect(() => massBudget({ ...sc, thruster: next }, m, 0)).toThrow(NoSolutionError);
  });

  it('property: the budget closes at every leg, with no NaN or negative mass', () => {
    fc.assert(
      fc.property(
        fc.record({
          dvOut: fc.array(fc.double({ min: 0, max: 6, noNaN: true }), { minLength: 0, maxLength: 3 }),
          dvBack: fc.array(fc.double({ min: 0, max: 6, noNaN: true }), { minLength: 1, maxLength: 3 }),
          sk: fc.double({ min: 0, max: 0.2, noNaN: true }),
          deployed: fc.double({ min: 0, max: 2000, noNaN: true }),
          caps: fc.double({ min: 0, max: 500, noNaN: true }),
          inSitu: fc.boolean(),
          cargo: fc.double({ min: 0, max: 50000, noNaN: true }),
          reserve: fc.double({ min: 0, max: 0.3, noNaN: true }),
          contingency: fc.double({ min: 0, max: 0.5, noNaN: true }),
          dvMargin: fc.double({ min: 0, max: 0.5, noNaN: true }),
          tankage: fc.double({ min: 0, max: 0.15, noNaN: true }),
          r: fc.double({ min: 0.9, max: 3, noNaN: true }),
        }),
        (x) => {
          const m: MissionProfile = {
            outbound: x.dvOut.map((dv, i) => leg(`out${i}`, dv, 100, [0.9, x.r])),
            operations: { durationDays: 50, stationKeepingDvKmS: x.sk, deployedMassKg: x.deployed, capsuleMassKg: x.caps, capsuleSource: x.inSitu ? 'in-situ' : 'carried' },
            inbound: x.dvBack.map((dv, i) => leg(`back${i}`, dv, 100, [0.9, x.r])),
            margins: { dvFraction: x.dvMargin, propellantReserveFraction: x.reserve, dryMassContingencyFraction: x.contingency },
            dutyCycle: 0.9,
            thrustDistance: 'worst',
            tankageFraction: x.tankage,
          };
          let b: MassBudget;
          try {
            b = massBudget(sc, m, x.cargo);
          } catch (err) {
            // Only the reserve/tankage feedback may refuse, and it says why.
            expect(err).toBeInstanceOf(NoSolutionError);
            return;
          }
          expectCloses(b, m);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: propellant is monotonic in Δv and in cargo', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        fc.integer({ min: 0, max: 2 }),
        (dv, ddv, cargo, dcargo, which) => {
          const build = (d: number) => {
            const m = mission();
            const legs = [m.outbound[0], m.inbound[0]];
            if (which < 2) legs[which] = { ...legs[which], dvKmS: d };
            else m.operations = { ...m.operations, stationKeepingDvKmS: d / 10 };
            return { ...m, outbound: [legs[0]], inbound: [legs[1]] };
          };
          const p = (d: number, c: number) => massBudget(sc, build(d), c).propellantLoadedKg;
          expect(p(dv + ddv, cargo)).toBeGreaterThan(p(dv, cargo));
          expect(p(dv, cargo + dcargo)).toBeGreaterThan(p(dv, cargo));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('maxCargo', () => {
  const sc: Spacecraft = { thruster: nstar, thrusterCount: 2, powerAt1AuW: 6000, dryMassKg: 800, propellantCapacityKg: 900 };

  it('the answer sits exactly on its binding constraint', () => {
    const m = mission();
    const r = maxCargo(sc, m);
    expect(r.budget.feasible).toBe(true);
    expect(r.cargoKg).toBeGreaterThan(0);
    const c = r.budget.constraints.find((x) => x.id === r.binding)!;
    expect(c.value / c.limit).toBeCloseTo(1, 9);
    expect(massBudget(sc, m, r.cargoKg * 1.001 + 0.01).feasible).toBe(false);
    expectCloses(r.budget, m);
  });

  it('the tank capacity binds when the thrust is plentiful', () => {
    const big: Spacecraft = { ...sc, thruster: next, thrusterCount: 4, powerAt1AuW: 30000, propellantCapacityKg: 300 };
    const r = maxCargo(big, mission());
    expect(r.binding).toBe('propellant-capacity');
    expect(r.budget.propellantLoadedKg).toBeCloseTo(300, 6);
  });

  it('holding thrust at the farthest point costs cargo against the mean', () => {
    // 6 kW at 1 AU, one NSTAR: capped at 2.3 kW out to 1.6 AU (the mean), 1.24 kW at 2.2 AU.
    const far = mission({ outbound: [leg('out', 1, 400, [1, 2.2])], inbound: [leg('back', 1.2, 600, [1, 2.2])] });
    const sc1: Spacecraft = { ...sc, thrusterCount: 1, powerAt1AuW: 6000, propellantCapacityKg: undefined };
    const worst = maxCargo(sc1, far).cargoKg;
    const mean = maxCargo(sc1, { ...far, thrustDistance: 'mean' }).cargoKg;
    expect(mean).toBeGreaterThan(worst);
  });

  it('10 t of cargo with a 1 kW engine: NoSolutionError naming the binding constraint, exit-3 class', () => {
    const tiny: Spacecraft = { thruster: nstar, thrusterCount: 1, powerAt1AuW: 1000, dryMassKg: 500 };
    const m = mission({ outbound: [leg('out', 1, 200)], inbound: [leg('back', 1, 300)] });
    let err: unknown;
    try {
      requireFeasibleBudget(tiny, m, 10000);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NoSolutionError);
    expect((err as NoSolutionError).binding).toMatch(/^burn-time:/);
    expect((err as Error).message).not.toMatch(/NaN|-\d/);
    // And the budget itself reports it rather than returning nonsense.
    const b = massBudget(tiny, m, 10000);
    expect(b.feasible).toBe(false);
    expect(b.launchMassKg).toBeGreaterThan(0);
  });

  it('no cargo at all → NoSolutionError; nothing depends on cargo → InputError', () => {
    const tiny: Spacecraft = { thruster: nstar, thrusterCount: 1, powerAt1AuW: 600, dryMassKg: 2000 };
    expect(() => maxCargo(tiny, mission())).toThrow(NoSolutionError);
    const noReturn = mission({ inbound: [], operations: { ...mission().operations, stationKeepingDvKmS: 0 } });
    expect(() => maxCargo({ ...sc, propellantCapacityKg: undefined }, noReturn)).toThrow(/not limited by propulsion/);
  });

  it('rejects bad input naming the field', () => {
    expect(() => massBudget(sc, mission({ dutyCycle: 1.5 }), 0)).toThrow(/dutyCycle/);
    expect(() => massBudget(sc, mission(), -1)).toThrow(/cargoKg/);
    expect(() => massBudget(sc, mission({ inbound: [leg('back', Number.NaN, 10)] }), 0)).toThrow(/inbound\[0\]\.dvKmS/);
  });
});

describe('MIMA feasibility of a leg with Lambert vectors', () => {
  it('reports the shortfall in thrust and power, and that power closes it', () => {
    const lam = { dv1KmS: [0.32, -0.345, 0.043] as [number, number, number], dv2KmS: [-0.51, 0.175, 0.087] as [number, number, number] };
    const m: MissionProfile = {
      outbound: [{ name: 'out', dvKmS: 1.2, dvMethod: 'Damon', durationDays: 150, lambert: lam }],
      operations: { durationDays: 0, stationKeepingDvKmS: 0, deployedMassKg: 0, capsuleMassKg: 0, capsuleSource: 'carried' },
      inbound: [],
      margins: { dvFraction: 0, propellantReserveFraction: 0, dryMassContingencyFraction: 0 },
      dutyCycle: 1,
      thrustDistance: 'worst',
    };
    const sc: Spacecraft = { thruster: nstar, thrusterCount: 10, powerAt1AuW: 2300, dryMassKg: 1500 };
    const b = massBudget(sc, m, 0);
    const lt = b.phases[0].lowThrust!;
    expect(lt.feasible).toBe(false);
    expect(b.binding).toBe('mima:out');
    expect(lt.thrustShortfallN).toBeGreaterThan(0);
    expect(lt.needsMoreStrings).toBe(false); // ten strings' PPUs can take the extra power
    expect(massBudget({ ...sc, thrusterCount: 1 }, m, 0).phases[0].lowThrust!.needsMoreStrings).toBe(true);
    const more = massBudget({ ...sc, powerAt1AuW: sc.powerAt1AuW + lt.powerShortfallW * 1.0001 }, m, 0);
    // Dry mass is fixed here, so the extra power alone must make MIMA pass.
    expect(more.phases[0].lowThrust!.feasible).toBe(true);
  });
});
