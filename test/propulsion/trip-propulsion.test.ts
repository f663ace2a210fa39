// Propulsion for a ballistic round trip given the Lambert legs' vectors (MIMA/Damon path).
import { describe, expect, it } from 'vitest';
import { AU_KM, MU_SUN_KM3S2 } from '../../src/astro/constants.js';
import { NoSolutionError } from '../../src/errors.js';
import { thrusterPreset } from '../../src/propulsion/thrusters.js';
import { arcDistanceAu, propulsionForTrip, type TripForPropulsion } from '../../src/propulsion/trip-propulsion.js';
import type { Spacecraft } from '../../src/propulsion/index.js';

const vc = Math.sqrt(MU_SUN_KM3S2 / AU_KM);
const circular = { tofDays: 150, r1: [AU_KM, 0, 0] as [number, number, number], v1: [0, vc, 0] as [number, number, number] };

const trip: TripForPropulsion = {
  outDays: 150,
  stayDays: 60,
  returnDays: 200,
  c3: 4,
  dvDepartKmS: 3.4,
  vArrNeoKmS: Math.hypot(0.3, 0.2, 0.1),
  vDepNeoKmS: Math.hypot(0.25, -0.1, 0),
  dvEntryKmS: 0,
  legs: {
    outbound: { ...circular, vInfDep: [1, 1, 0], vInfArr: [0.3, 0.2, 0.1] },
    inbound: { ...circular, tofDays: 200, vInfDep: [0.25, -0.1, 0], vInfArr: [2, 0, 0] },
  },
};

const sc: Spacecraft = { thruster: thrusterPreset('nstar'), thrusterCount: 2, powerAt1AuW: 5000, dryMassKg: 900 };
const opts = {
  spacecraft: sc,
  operations: { stationKeepingDvKmS: 0.01, deployedMassKg: 200, capsuleMassKg: 50, capsuleSource: 'carried' as const },
  margins: { dvFraction: 0.1, propellantReserveFraction: 0.05, dryMassContingencyFraction: 0.1 },
  dutyCycle: 0.9,
  thrustDistance: 'worst' as const,
};

describe('arcDistanceAu', () => {
  it('a circular 1 AU arc stays at 1 AU; a faster one climbs', () => {
    const r = arcDistanceAu({ ...circular, vInfDep: [0, 0, 0], vInfArr: [0, 0, 0] });
    expect(r.min).toBeCloseTo(1, 9);
    expect(r.max).toBeCloseTo(1, 9);
    const out = arcDistanceAu({ ...circular, v1: [0, vc * 1.1, 0], vInfDep: [0, 0, 0], vInfArr: [0, 0, 0] });
    expect(out.min).toBeCloseTo(1, 9);
    expect(out.max).toBeGreaterThan(1.2);
  });
});

describe('propulsionForTrip with leg vectors', () => {
  it('uses Damon Δv per leg, MIMA checks, and names every method', () => {
    const r = propulsionForTrip(trip, opts);
    expect(r.legs.map((l) => l.lowThrustMethod)).toEqual(['Damon', 'Damon']);
    expect(r.legs.every((l) => l.rAuMethod === 'sampled Lambert arc')).toBe(true);
    // Outbound: the launcher matches the departure v∞, so Δv1 = 0 and Damon gives (1 + √2)|v∞,arr|.
    expect(r.legs[0].lowThrustDvKmS).toBeCloseTo((1 + Math.SQRT2) * trip.vArrNeoKmS, 9);
    expect(r.budget.phases.filter((p) => p.lowThrust).length).toBe(2);
    expect(r.budget.constraints.map((c) => c.id)).toEqual(expect.arrayContaining(['mima:outbound', 'mima:inbound', 'burn-time:inbound']));
    expect(r.mode).toBe('max-cargo');
    expect(r.cargoKg).toBeGreaterThan(0);
    expect(r.budget.feasible).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.launcher.c3Km2S2).toBe(4);
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });
  it('a given cargo beyond the limit is NoSolutionError naming the binding leg', () => {
    const max = propulsionForTrip(trip, opts).cargoKg;
    expect(() => propulsionForTrip(trip, { ...opts, cargoKg: max * 2 + 100 })).toThrow(NoSolutionError);
    const ok = propulsionForTrip(trip, { ...opts, cargoKg: max / 2 });
    expect(ok.mode).toBe('budget');
    expect(ok.budget.feasible).toBe(true);
  });
});
