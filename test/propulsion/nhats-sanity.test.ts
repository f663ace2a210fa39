// Real low-Δv target: 1991 VG's NHATS minimum-Δv round trip with a Dawn-class NSTAR spacecraft.
// The returnable cargo is checked against a hand derivation (written out below and in the
// propulsion report to the lead).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { G0_MS2 } from '../../src/astro/constants.js';
import { parseCsv } from '../../src/export/csv.js';
import { LAMBERT_OPTIMISM_BAND } from '../../src/propulsion/lambert-band.js';
import { maxCargo } from '../../src/propulsion/mass-budget.js';
import { thrusterPreset } from '../../src/propulsion/thrusters.js';
import { propulsionForTrip } from '../../src/propulsion/trip-propulsion.js';
import type { MissionProfile, Spacecraft } from '../../src/propulsion/index.js';

const CSV = fileURLToPath(new URL('../../../shared/data/nhats/nhats_coorbital_records.csv', import.meta.url));
const have = existsSync(CSV);
if (!have) console.warn(`skipping NHATS sanity case: ${CSV} not found`);

// Dawn: dry 747.1 kg, 425 kg xenon capacity (PDS Dawn instrument-host description, Rayman et al.
// 2006); 10 kW arrays at 1 AU; NSTAR one at a time (PPU cap 2.3 kW).
const DAWN: Spacecraft = { thruster: thrusterPreset('nstar'), thrusterCount: 1, powerAt1AuW: 10000, dryMassKg: 747.1, propellantCapacityKg: 425 };

describe.skipIf(!have)('1991 VG, NHATS minimum-Δv trajectory, Dawn-class NSTAR spacecraft', () => {
  const rows = have ? parseCsv(readFileSync(CSV, 'utf8')) : [];
  const header = rows[0] ?? [];
  const rec = rows.find((r) => r[0] === '1991 VG') ?? [];
  const col = (name: string) => Number(rec[header.indexOf(name)]);
  const out = col('min_dv_dur_out');
  const stay = col('min_dv_dur_at');
  const back = col('min_dv_dur_ret');
  const vArr = col('min_dv_vrel_arr_neo');
  const vDep = col('min_dv_vrel_dep_neo');
  const vEntry = col('min_dv_vrel_arr_earth');

  it('reads the record (129 + 32 + 225 d; 0.591 / 0.521 km/s)', () => {
    expect([out, stay, back]).toEqual([129, 32, 225]);
    expect([vArr, vDep, vEntry]).toEqual([0.591, 0.521, 0]);
  });

  it('max cargo matches the hand derivation', () => {
    const k = LAMBERT_OPTIMISM_BAND.median; // 1.68 × impulsive, no other margins, duty 0.9
    const m: MissionProfile = {
      outbound: [{ name: 'outbound', dvKmS: vArr * k, dvMethod: 'ballistic Lambert', durationDays: out }],
      operations: { durationDays: stay, stationKeepingDvKmS: 0, deployedMassKg: 0, capsuleMassKg: 0, capsuleSource: 'carried' },
      inbound: [{ name: 'inbound', dvKmS: (vDep + vEntry) * k, dvMethod: 'ballistic Lambert', durationDays: back }],
      margins: { dvFraction: 0, propellantReserveFraction: 0, dryMassContingencyFraction: 0 },
      dutyCycle: 0.9,
      thrustDistance: 'worst',
    };
    const r = maxCargo(DAWN, m);
    // Hand derivation. ve = 3100·g0 = 30 400.6 m/s; T = 0.092 N (PPU-capped at 1 AU).
    // Inbound burn fits 0.9·225 d if m0 ≤ t·T/(ve·(1 − e^(−Δv/ve))) with Δv = 875.28 m/s:
    //   1.7496e7 s · 0.092 / (30 400.6 · 0.028381) = 1 865.6 kg; final mass = 1 865.6·e^(−0.028791)
    //   = 1 812.6 kg = 747.1 + cargo → cargo ≈ 1 065.5 kg.
    // Outbound (Δv 992.88 m/s, 116.1 d) allows a launch mass up to 944.8 kg; at this cargo the
    // launch mass is (1 865.6 − 1 065.5)·e^(0.03266) = 826.6 kg, and xenon 79.5 kg ≤ 425 kg.
    const ve = 3100 * G0_MS2;
    const dvIn = (vDep + vEntry) * k * 1000;
    const m0In = (0.9 * back * 86400 * 0.092) / (ve * -Math.expm1(-dvIn / ve));
    const hand = m0In * Math.exp(-dvIn / ve) - 747.1;
    expect(r.binding).toBe('burn-time:inbound');
    expect(r.cargoKg).toBeCloseTo(hand, 6);
    expect(r.cargoKg).toBeGreaterThan(1060);
    expect(r.cargoKg).toBeLessThan(1070);
    expect(r.budget.launchMassKg).toBeCloseTo(826.6, 1);
    expect(r.budget.propellantLoadedKg).toBeCloseTo(79.5, 1);
  });

  it('the trip report brackets it with the Lambert-optimism band and names every method', () => {
    const rep = propulsionForTrip(
      { outDays: out, stayDays: stay, returnDays: back, vArrNeoKmS: vArr, vDepNeoKmS: vDep, dvEntryKmS: vEntry },
      {
        spacecraft: DAWN,
        operations: { stationKeepingDvKmS: 0, deployedMassKg: 0, capsuleMassKg: 0, capsuleSource: 'carried' },
        margins: { dvFraction: 0, propellantReserveFraction: 0, dryMassContingencyFraction: 0 },
        dutyCycle: 0.9,
        thrustDistance: 'worst',
        target: { aAu: 1.027, iDeg: 1.45 },
      },
    );
    expect(rep.cargoKg).toBeCloseTo(1065.5, 0);
    expect(rep.band.optimistic.cargoKg!).toBeGreaterThan(rep.cargoKg);
    expect(rep.band.pessimistic.cargoKg!).toBeLessThan(rep.cargoKg);
    expect(rep.legs.every((l) => l.impulsiveMethod === 'ballistic Lambert' && l.lowThrustMethod === 'ballistic Lambert')).toBe(true);
    expect(rep.budget.method).toBe('rocket equation');
    expect(rep.edelbaum?.method).toBe('Edelbaum');
    // Without leg vectors the report says so.
    expect(rep.warnings.join(' ')).toMatch(/no Lambert leg vectors/);
    // Lambert-optimism band ends, labelled with their own factor.
    expect(rep.band.optimistic.dvKmS[0]).toBeCloseTo(vArr * 1.15, 12);
    expect(rep.band.pessimistic.legs[1].basis).toBe('impulsive × 1.92 (Lambert optimism)');
    // Edelbaum (1.25 km/s for the whole 1 AU → 1.027 AU, 1.45° change) exceeds these legs: flagged, not clamped.
    expect(rep.edelbaum!.dvKmS).toBeGreaterThan(1.2);
    expect(rep.edelbaum!.legsBelow).toEqual(['outbound', 'inbound']);
    expect(rep.band.optimistic.legs.every((l) => l.belowEdelbaum)).toBe(true);
    expect(rep.warnings.join(' ')).toMatch(/below Edelbaum's 1\.\d{3} km\/s for the whole orbit change: not clamped/);
  });
});
