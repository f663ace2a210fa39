// Presets, user-defined thrusters, and power/thrust against distance from the Sun.
import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/errors.js';
import { operatingPoint, solarPowerW } from '../../src/propulsion/solar-power.js';
import { thrustFromPowerN } from '../../src/propulsion/thrust.js';
import { resolveThruster, thrusterPreset, thrusterPresets } from '../../src/propulsion/thrusters.js';
import type { Spacecraft } from '../../src/propulsion/index.js';

describe('thruster presets', () => {
  it('every preset has a source and consistent figures', () => {
    const list = thrusterPresets();
    expect(list.map((t) => t.id)).toEqual(expect.arrayContaining(['nstar', 'next-c', 'spt-140']));
    for (const t of list) {
      expect(t.source.length).toBeGreaterThan(20);
      expect(t.efficiency).toBeGreaterThan(0.3);
      expect(t.efficiency).toBeLessThan(0.85);
      expect(t.minInputPowerW).toBeLessThan(t.maxInputPowerW);
    }
  });
  it('unknown preset → NotFoundError naming the field', () => {
    expect(() => thrusterPreset('warp-drive', '--thruster')).toThrow(NotFoundError);
    expect(() => thrusterPreset('warp-drive', '--thruster')).toThrow(/--thruster.*nstar/);
  });
  it('overriding Isp keeps the efficiency and re-derives thrust', () => {
    const t = resolveThruster({ preset: 'nstar', ispS: 2500 });
    expect(t.efficiency).toBeCloseTo(thrusterPreset('nstar').efficiency, 12);
    expect(t.thrustN).toBeCloseTo(thrustFromPowerN(2300, t.efficiency, 2500), 12);
    expect(t.id).toBe('nstar*');
  });
  it('a user-defined thruster derives efficiency from thrust, rejects inconsistent or unphysical sets', () => {
    const t = resolveThruster({ maxInputPowerW: 5000, ispS: 2000, thrustN: 0.3 });
    expect(t.efficiency).toBeCloseTo((0.3 * 9.80665 * 2000) / 10000, 12);
    expect(t.minInputPowerW).toBe(1000);
    expect(() => resolveThruster({ maxInputPowerW: 5000, ispS: 2000, thrustN: 0.3, efficiency: 0.9 })).toThrow(InputError);
    expect(() => resolveThruster({ maxInputPowerW: 1000, ispS: 3000, thrustN: 1 })).toThrow(/efficiency/);
    expect(() => resolveThruster({ maxInputPowerW: 1000, ispS: 3000 })).toThrow(InputError);
  });
});

describe('solar-electric operating point', () => {
  const nstar = thrusterPreset('nstar');
  const sc = (powerAt1AuW: number, count = 1): Spacecraft => ({ thruster: nstar, thrusterCount: count, powerAt1AuW, dryMassKg: 500 });
  it('power falls as 1/r²', () => {
    expect(solarPowerW(10000, 2)).toBe(2500);
    expect(solarPowerW(10000, 0.5)).toBe(40000);
  });
  it('the PPU caps the power, and 1/r² takes over beyond the cap', () => {
    // Dawn-like: 10 kW array, one NSTAR at a time → capped at 2.3 kW out to r = √(10/2.3) = 2.085 AU.
    expect(operatingPoint(sc(10000), 1).thrustN).toBeCloseTo(0.092, 12);
    expect(operatingPoint(sc(10000), 1).limitedBy).toBe('ppu-cap');
    expect(operatingPoint(sc(10000), 2.0).thrustN).toBeCloseTo(0.092, 12);
    const far = operatingPoint(sc(10000), 3);
    expect(far.limitedBy).toBe('array');
    expect(far.thrustN).toBeCloseTo(thrustFromPowerN(10000 / 9, nstar.efficiency, 3100), 12);
  });
  it('below one string’s minimum power the thrusters cannot run', () => {
    // 2.5 kW at 1 AU → 0.5 kW (NSTAR minimum) at √5 = 2.236 AU.
    expect(operatingPoint(sc(2500), 2.2).thrustN).toBeGreaterThan(0);
    const off = operatingPoint(sc(2500), 2.3);
    expect(off.thrustN).toBe(0);
    expect(off.limitedBy).toBe('cut-off');
  });
  it('three strings fire together: ST4/Champollion’s 3 × NSTAR gave 276 mN', () => {
    // Brophy et al. 1999, AIAA-99-2856: three DS1-type engines, 276 mN maximum thrust.
    const op = operatingPoint(sc(10000, 3), 1);
    expect(op.activeThrusters).toBe(3);
    expect(op.thrustN * 1000).toBeCloseTo(276, 6);
    // With 1.2 kW only two strings stay above 0.5 kW each.
    expect(operatingPoint(sc(1200, 3), 1).activeThrusters).toBe(2);
  });
});

describe('user-defined thruster files (zod-validated)', async () => {
  const { thrusterFromJsonText } = await import('../../src/propulsion/thruster-file.js');
  it('a complete thruster: efficiency derived from thrust, minimum power defaults to 20 %', () => {
    const t = thrusterFromJsonText(JSON.stringify({ name: 'x', maxInputPowerW: 1350, ispS: 1600, thrustN: 0.083, source: 'test' }), 'x.json');
    expect(t.efficiency).toBeCloseTo((0.083 * 9.80665 * 1600) / 2700, 12);
    expect(t.minInputPowerW).toBeCloseTo(270, 9);
    expect(t.source).toBe('test');
    expect(t.id).toBe('custom');
  });
  it('a preset plus changes keeps the preset efficiency and re-derives thrust', () => {
    const t = thrusterFromJsonText('{"preset":"nstar","maxInputPowerW":2000}', 'p.json');
    expect(t.efficiency).toBeCloseTo(0.608, 3);
    expect(t.thrustN).toBeCloseTo((2 * t.efficiency * 2000) / (9.80665 * 3100), 12);
    expect(t.id).toBe('nstar*');
  });
  it.each([
    ['{"maxInputPowerW":1000,"ispS":2000}', /^f\.json: efficiency or thrustN/],
    ['{"maxInputPowerW":"1 kW","ispS":2000,"efficiency":0.5}', /^f\.json: maxInputPowerW: expected number/],
    ['{"maxInputPowerW":1000,"ispS":2000,"efficiency":1.5}', /^f\.json: efficiency: /],
    ['{"preset":"warp"}', /^f\.json: preset: unknown thruster preset "warp"/],
    ['not json', /^f\.json: invalid JSON/],
  ])('%s → InputError %s', (text, re) => {
    expect(() => thrusterFromJsonText(text, 'f.json')).toThrow(re);
  });
});
