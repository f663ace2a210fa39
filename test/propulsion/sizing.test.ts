// "To return X kg, what spacecraft is needed?"
import { describe, expect, it } from 'vitest';
import { NoSolutionError } from '../../src/errors.js';
import type { MissionProfile } from '../../src/propulsion/index.js';
import { massBudget } from '../../src/propulsion/mass-budget.js';
import { DEFAULT_SIZING, SIZING_SOURCES, sizeSpacecraft } from '../../src/propulsion/sizing.js';
import { thrusterPreset } from '../../src/propulsion/thrusters.js';

const mission: MissionProfile = {
  outbound: [{ name: 'out', dvKmS: 1, dvMethod: 'user', durationDays: 200 }],
  operations: { durationDays: 100, stationKeepingDvKmS: 0.01, deployedMassKg: 500, capsuleMassKg: 100, capsuleSource: 'carried' },
  inbound: [{ name: 'back', dvKmS: 1, dvMethod: 'user', durationDays: 300 }],
  margins: { dvFraction: 0.1, propellantReserveFraction: 0.05, dryMassContingencyFraction: 0.1 },
  dutyCycle: 0.9,
  thrustDistance: 'worst',
};

describe('sizeSpacecraft', () => {
  const spt = thrusterPreset('spt-140');
  it('returns the smallest power whose budget closes', () => {
    const r = sizeSpacecraft(5000, mission, spt, { busDryMassKg: 800 });
    expect(r.budget.feasible).toBe(true);
    expect(r.thrusterCount).toBe(Math.ceil(r.powerAt1AuW / spt.maxInputPowerW));
    // Dry mass grows with power as the assumptions say.
    expect(r.spacecraft.dryMassKg).toBeCloseTo(800 + (DEFAULT_SIZING.arraySpecificMassKgPerKw * r.powerAt1AuW) / 1000 + (DEFAULT_SIZING.propulsionSpecificMassKgPerKw * r.thrusterCount * 4500) / 1000, 9);
    expect(r.budget.tankageKg).toBeCloseTo(DEFAULT_SIZING.tankageFraction * r.budget.propellantLoadedKg, 9);
    // 1 % less power no longer works (same strings).
    const smaller = { ...r.spacecraft, powerAt1AuW: r.powerAt1AuW * 0.99, dryMassKg: r.spacecraft.dryMassKg - (DEFAULT_SIZING.arraySpecificMassKgPerKw * r.powerAt1AuW * 0.01) / 1000 };
    expect(massBudget(smaller, { ...mission, tankageFraction: DEFAULT_SIZING.tankageFraction }, 5000).feasible).toBe(false);
    for (const k of ['arraySpecificMassKgPerKw', 'propulsionSpecificMassKgPerKw', 'tankageFraction']) expect(SIZING_SOURCES[k].length).toBeGreaterThan(20);
  });
  it('more cargo needs more power', () => {
    const a = sizeSpacecraft(2000, mission, spt, { busDryMassKg: 800 });
    const b = sizeSpacecraft(8000, mission, spt, { busDryMassKg: 800 });
    expect(b.powerAt1AuW).toBeGreaterThan(a.powerAt1AuW);
  });
  it('an impossible request is NoSolutionError with the binding constraint', () => {
    // 3 km/s in 10 days each way: thrust per kg saturates long before.
    const rush: MissionProfile = { ...mission, outbound: [{ ...mission.outbound[0], dvKmS: 3, durationDays: 10 }], inbound: [{ ...mission.inbound[0], dvKmS: 3, durationDays: 10 }] };
    let err: unknown;
    try {
      sizeSpacecraft(10000, rush, thrusterPreset('nstar'), { busDryMassKg: 500, maxThrusters: 8 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NoSolutionError);
    expect((err as NoSolutionError).binding).toMatch(/^burn-time:/);
  });
});
