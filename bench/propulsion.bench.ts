/**
 * Propulsion throughput: whole-mission mass budgets and max-cargo solves per second (what a
 * plan() Monte Carlo of 1,000 samples costs), and MIMA/Damon arc estimates per second (pykep's
 * notebook: MIMA 0.68 µs per call in C++/Python, astrodynamics notes §2.4). No DESIGN §5 target.
 */
import type { Bench } from './run.js';
import { throughput } from './run.js';
import { damon } from '../src/propulsion/damon.js';
import { maxCargo, massBudget } from '../src/propulsion/mass-budget.js';
import { mima } from '../src/propulsion/mima.js';
import { thrusterPreset } from '../src/propulsion/thrusters.js';
import type { MissionProfile, Spacecraft } from '../src/propulsion/index.js';

const sc: Spacecraft = { thruster: thrusterPreset('nstar'), thrusterCount: 2, powerAt1AuW: 10000, dryMassKg: 900, propellantCapacityKg: 800 };
const lam = { dv1KmS: [0.1, -0.2, 0.05] as [number, number, number], dv2KmS: [-0.3, 0.2, 0.1] as [number, number, number] };
const mission: MissionProfile = {
  outbound: [{ name: 'out', dvKmS: 1.2, dvMethod: 'Damon', durationDays: 200, rAu: { min: 0.95, max: 1.2 }, lambert: lam }],
  operations: { durationDays: 120, stationKeepingDvKmS: 0.02, deployedMassKg: 300, capsuleMassKg: 60, capsuleSource: 'carried' },
  inbound: [{ name: 'back', dvKmS: 1.1, dvMethod: 'Damon', durationDays: 300, rAu: { min: 0.95, max: 1.2 }, lambert: lam }],
  margins: { dvFraction: 0.1, propellantReserveFraction: 0.05, dryMassContingencyFraction: 0.1 },
  dutyCycle: 0.9,
  thrustDistance: 'worst',
};

export const bench: Bench = {
  name: 'propulsion',
  run: () => {
    let sink = 0;
    const budgets = throughput(20000, (i) => {
      sink += massBudget(sc, mission, 500 + (i % 100)).launchMassKg;
    });
    const cargo = throughput(5000, () => {
      sink += maxCargo(sc, mission).cargoKg;
    });
    const T = 150 * 86400;
    const mimaRate = throughput(1_000_000, (i) => {
      sink += mima([320 + (i & 7), -345, 43], [-510, 175, 87], T, 0.6, 3000).maxInitialMassKg;
    });
    const damonRate = throughput(1_000_000, (i) => {
      sink += damon([320 + (i & 7), -345, 43], [-510, 175, 87], T, 0.6, 3000).dvMS;
    });
    if (sink === 42) console.log('');
    return [
      { name: 'mass budget (2 legs + ops, MIMA checks)', perSecond: budgets, unit: 'budgets/s', note: 'plan() calls one per Monte Carlo sample' },
      { name: 'max cargo (exact affine solve)', perSecond: cargo, unit: 'solves/s', note: '3 budgets each' },
      { name: 'MIMA arc estimate', perSecond: mimaRate, unit: 'calls/s', anchor: { label: 'pykep notebook 0.68 µs/call', perSecond: 1 / 0.68e-6 } },
      { name: 'Damon arc estimate', perSecond: damonRate, unit: 'calls/s' },
    ];
  },
};
