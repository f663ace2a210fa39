import { describe, expect, it } from 'vitest';
import { capsulesForCargo, sizeCapsule, DEFAULT_METAL_CAPSULE } from '../../src/reentry/capsule-sizing.js';
import { ballisticCoefficientKgM2, capsulePreset, heritageCapsules } from '../../src/reentry/capsules.js';
import { tpsMassFraction } from '../../src/reentry/tps-mass.js';
import { InputError, NoSolutionError, NotFoundError } from '../../src/errors.js';

const DEG = Math.PI / 180;

describe('heritage capsules (data/capsules.json)', () => {
  it('has the five presets, each with a source, inside DESIGN §2.6 heritage ranges', () => {
    const ids = heritageCapsules().map((c) => c.id);
    expect(ids).toEqual(['stardust', 'hayabusa', 'hayabusa2', 'osiris-rex', 'genesis']);
    for (const c of heritageCapsules()) {
      expect(c.source.length).toBeGreaterThan(40);
      const beta = ballisticCoefficientKgM2(c.massKg, c.cd, c.diameterM);
      // DESIGN §2.6: β ≈ 55–120 kg/m² across heritage (Hayabusa at the top, 120.8 with C_D 1.1).
      expect(beta).toBeGreaterThan(55);
      expect(beta).toBeLessThan(122);
    }
  });
  it('Stardust preset: 45.8 kg, 0.811 m, R_n 0.2202 m (DESIGN §2.6)', () => {
    const s = capsulePreset('Stardust');
    expect([s.massKg, s.diameterM, s.noseRadiusM, s.cd]).toEqual([45.8, 0.811, 0.2202, 1.5]);
    expect(capsulePreset('OSIRIS-REx').id).toBe('osiris-rex');
  });
  it('unknown preset → NotFoundError listing the known ones', () => {
    expect(() => capsulePreset('apollo')).toThrow(NotFoundError);
    expect(() => capsulePreset('apollo')).toThrow(/stardust, hayabusa/);
  });
});

describe('TPS mass from heat load (Laub & Venkatapathy 2003)', () => {
  it('MF% = 0.091·Q^0.51575: Galileo-class 2e5 J/cm² → ≈ 50 %', () => {
    // Galileo probe's heat shield was about half its entry mass (the fit's anchor at the top end).
    expect(tpsMassFraction(2e5)).toBeCloseTo(0.091 * Math.pow(2e5, 0.51575) / 100, 12);
    expect(tpsMassFraction(2e5)).toBeGreaterThan(0.45);
    expect(tpsMassFraction(2e5)).toBeLessThan(0.55);
  });
  it('is increasing in heat load', () => {
    expect(tpsMassFraction(3e4)).toBeGreaterThan(tpsMassFraction(2e4));
  });
});

describe('capsulesForCargo', () => {
  const v = 12.0;
  const fpa = -10 * DEG;
  it('count = ⌈cargo / payload per capsule⌉ and the return leg carries hardware + cargo', () => {
    const r = capsulesForCargo(10_000, { grossMassKg: 100 }, v, fpa);
    expect(r.payloadPerCapsuleKg).toBeCloseTo(30, 9); // 30 % of 100 kg (heat shield ≈ 15 % leaves room)
    expect(r.count).toBe(Math.ceil(10_000 / 30));
    expect(r.hardwareMassKg).toBeCloseTo(r.count * 70, 6);
    expect(r.totalMassKg).toBeCloseTo(r.hardwareMassKg + 10_000, 6);
    expect(r.capsuleMassKg).toBe(100);
    expect(r.entry.peakDecelG).toBeGreaterThan(10);
    // Diameter from β: D = √(4m/(π·C_D·β)).
    expect(r.sizing.diameterM).toBeCloseTo(Math.sqrt((4 * 100) / (Math.PI * 1.5 * 90)), 12);
    expect(r.sizing.tpsFraction).toBeCloseTo(tpsMassFraction(r.entry.heatLoadJCm2), 12);
  });
  it('exact multiples need no extra capsule; zero cargo needs none', () => {
    expect(capsulesForCargo(300, { grossMassKg: 100 }, v, fpa).count).toBe(10);
    expect(capsulesForCargo(0, { grossMassKg: 100 }, v, fpa).count).toBe(0);
  });
  it('a heavy heat shield squeezes the payload below the target and warns', () => {
    const s = sizeCapsule({ grossMassKg: 100, payloadFraction: 0.4, otherFraction: 0.5 }, 14, -30 * DEG);
    expect(s.payloadFraction).toBeLessThan(0.4);
    expect(s.payloadFraction).toBeCloseTo(1 - s.tpsFraction - 0.5, 12);
    expect(s.warnings.join(' ')).toMatch(/payload fraction limited/);
  });
  it('no room for payload → NoSolutionError; skip-out → NoSolutionError', () => {
    expect(() => sizeCapsule({ grossMassKg: 100, otherFraction: 0.9 }, 12, -10 * DEG)).toThrow(NoSolutionError);
    expect(() => sizeCapsule({ grossMassKg: 100 }, 12, -1 * DEG)).toThrow(NoSolutionError);
  });
  it('entryOptions reach the sizing entry (a rotating Earth lowers the heat load and the heat shield)', () => {
    const plain = sizeCapsule({ grossMassKg: 100 }, 12, -10 * DEG);
    const rot = sizeCapsule({ grossMassKg: 100, entryOptions: { rotatingEarth: true, latitudeRad: 0, azimuthRad: Math.PI / 2 } }, 12, -10 * DEG);
    expect(rot.entry.assumptions.rotatingEarth).toBe(true);
    expect(rot.heatLoadJCm2).toBeLessThan(plain.heatLoadJCm2);
    expect(rot.tpsFraction).toBeLessThan(plain.tpsFraction);
  });
  it('accepts a heritage preset as the design', () => {
    const r = capsulesForCargo(100, 'stardust', 12.9, -8.2 * DEG);
    expect(r.capsuleMassKg).toBe(45.8);
    expect(r.sizing.diameterM).toBeCloseTo(0.811, 9);
    expect(r.sizing.noseRadiusM).toBeCloseTo(0.2202, 9);
  });
  it('bad inputs name the field', () => {
    expect(() => capsulesForCargo(-1, DEFAULT_METAL_CAPSULE, v, fpa)).toThrow(/cargoKg/);
    expect(() => capsulesForCargo(1, { grossMassKg: 0 }, v, fpa)).toThrow(InputError);
    expect(() => capsulesForCargo(1, { grossMassKg: 50 }, v, 0.2)).toThrow(/fpaRad/);
  });
});
