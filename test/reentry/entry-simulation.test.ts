import { describe, expect, it } from 'vitest';
import { simulateEntry, type EntryInput } from '../../src/reentry/entry-simulation.js';
import { allenEggersPeakDecelG } from '../../src/reentry/allen-eggers.js';
import { suttonGravesHeatFluxWM2 } from '../../src/reentry/sutton-graves.js';
import { InputError } from '../../src/errors.js';
import { capsulePreset } from '../../src/reentry/capsules.js';

const DEG = Math.PI / 180;
// Stardust SRC as DESIGN §2.6 states it (Desai et al. 1999/2008): 45.8 kg, 0.811 m, R_n 0.2202 m,
// C_D 1.5, 12.9 km/s at 125 km, γ −8.2° (inertial).
const STARDUST: EntryInput = { massKg: 45.8, diameterM: 0.811, noseRadiusM: 0.2202, cd: 1.5, speedKmS: 12.9, fpaRad: -8.2 * DEG };

// Validation bands, DESIGN §2.6: peak stagnation heating within the NASA computations' 762–1000
// W/cm²; peak deceleration 30–40 g (reconstruction ≈ 33 g, 3-DOF ballistic ≈ 36–40 g); drogue
// conditions (≈ 31 km) 125–140 s after entry interface.
const HEAT_BAND = [762, 1000];
const G_BAND = [30, 40];
const DROGUE_BAND = [125, 140];

describe('simulateEntry: Stardust validation (DESIGN §2.6)', () => {
  for (const atmosphere of ['exponential', 'us76'] as const) {
    describe(atmosphere, () => {
      const r = simulateEntry({ ...STARDUST, atmosphere });
      it('peak stagnation heating within 762–1000 W/cm²', () => {
        expect(r.peakHeatFluxWCm2).toBeGreaterThanOrEqual(HEAT_BAND[0]);
        expect(r.peakHeatFluxWCm2).toBeLessThanOrEqual(HEAT_BAND[1]);
      });
      it('peak deceleration 30–40 g from the integrated trajectory', () => {
        expect(r.peakDecelG).toBeGreaterThanOrEqual(G_BAND[0]);
        expect(r.peakDecelG).toBeLessThanOrEqual(G_BAND[1]);
      });
      it('drogue conditions 125–140 s after the interface, at ≈ 31 km and supersonic ≤ Mach 1.4', () => {
        expect(r.timeToDrogueS).not.toBeNull();
        expect(r.timeToDrogueS!).toBeGreaterThanOrEqual(DROGUE_BAND[0]);
        expect(r.timeToDrogueS!).toBeLessThanOrEqual(DROGUE_BAND[1]);
        expect(r.drogue!.altitudeKm).toBeLessThanOrEqual(31.0001);
        expect(r.drogue!.mach).toBeLessThanOrEqual(1.4);
        expect(r.drogue!.machThresholdTimeS).toBeLessThanOrEqual(r.drogue!.timeS);
      });
      it('peakDecelG is the integrated value, NOT the Allen–Eggers closed form (≈ 62 g)', () => {
        // V²·sin|γ|/(2eHg0) = 12900²·sin 8.2°/(2e·7200·9.80665) = 61.8 g.
        expect(r.allenEggersPeakG).toBeCloseTo(61.8, 1);
        expect(r.peakDecelG).toBeLessThan(0.7 * r.allenEggersPeakG);
      });
      it('ballistic coefficient m/(C_D·A) = 59.1 kg/m² and a heat pulse that peaks before the g pulse', () => {
        expect(r.ballisticCoefficient).toBeCloseTo(45.8 / (1.5 * Math.PI * 0.811 ** 2 / 4), 9);
        expect(r.timeToPeakS).toBeLessThan(r.timeToPeakDecelS);
        expect(r.heatLoadJCm2).toBeGreaterThan(1.5e4);
        expect(r.heatLoadJCm2).toBeLessThan(4e4);
      });
    });
  }

  it('converges: halving the default 0.1 s RK4 step moves peak g, heating and heat load < 1e-4 relative', () => {
    const a = simulateEntry(STARDUST);
    const b = simulateEntry({ ...STARDUST, stepS: 0.05 });
    for (const k of ['peakDecelG', 'peakHeatFluxWCm2', 'heatLoadJCm2'] as const) expect(Math.abs(a[k] / b[k] - 1)).toBeLessThan(1e-4);
  });

  it('Earth rotation: an eastbound entry meets the air 0.34 km/s slower and heats less', () => {
    const r = simulateEntry({ ...STARDUST, rotatingEarth: true, latitudeRad: 41.9 * DEG, azimuthRad: 100 * DEG });
    const n = simulateEntry(STARDUST);
    expect(r.entry.relativeSpeedKmS).toBeLessThan(12.9 - 0.3);
    expect(r.peakHeatFluxWCm2).toBeLessThan(n.peakHeatFluxWCm2);
    // Without rotation the relative and inertial states coincide.
    expect(n.entry.relativeSpeedKmS).toBe(12.9);
    expect(n.entry.relativeFpaDeg).toBeCloseTo(-8.2, 12);
  });

  it('peak heat flux equals Sutton–Graves at the recorded peak point', () => {
    const r = simulateEntry({ ...STARDUST, trajectoryEveryS: 0.1 });
    const top = r.trajectory!.reduce((a, b) => (b.heatFluxWCm2 > a.heatFluxWCm2 ? b : a));
    expect(top.heatFluxWCm2).toBeCloseTo(r.peakHeatFluxWCm2, 6);
    expect(suttonGravesHeatFluxWM2(1e-4, 1, 1e4)).toBeCloseTo(1.7415e-4 * 1e-2 * 1e12, 3);
  });

  it('a Mach table equal to the constant C_D reproduces the constant-C_D run', () => {
    const a = simulateEntry(STARDUST);
    const b = simulateEntry({ ...STARDUST, cdMach: [[0, 1.5], [50, 1.5]] });
    expect(b.peakDecelG).toBeCloseTo(a.peakDecelG, 9);
  });

  it("Mach-dependent C_D: Stardust's published hypersonic table (Mitcheltree et al. 1999) moves the results < 1 %", () => {
    const table = capsulePreset('stardust').cdMach!;
    const a = simulateEntry(STARDUST);
    const b = simulateEntry({ ...STARDUST, cdMach: table });
    for (const k of ['peakDecelG', 'peakHeatFluxWCm2', 'heatLoadJCm2'] as const) expect(Math.abs(b[k] / a[k] - 1)).toBeLessThan(0.01);
    expect(b.assumptions.cd).toBe('mach-table');
    // β at the interface uses C_D at the entry Mach (≈ 41 → between the 40.0 and 42.7 points).
    expect(b.ballisticCoefficient).toBeGreaterThan(45.8 / (1.4959 * Math.PI * 0.811 ** 2 / 4));
  });

  it('sensitivity, not validation: the same state at a 135 km interface delays peak heating to ≈ 50 s and lowers peak g to ≈ 33 g', () => {
    // Stardust's published timeline (peak heating ≈ 50 s, reconstruction ≈ 33 g) matches the
    // 12.9 km/s, −8.2° state placed at 135 km (as some Stardust simulation set-ups do) better
    // than at 125 km; DESIGN §2.6 fixes 125 km, which the validation above uses.
    const r = simulateEntry({ ...STARDUST, altitudeKm: 135 });
    expect(r.timeToPeakS).toBeGreaterThan(45);
    expect(r.timeToPeakS).toBeLessThan(55);
    expect(r.peakDecelG).toBeGreaterThan(30);
    expect(r.peakDecelG).toBeLessThan(36);
  });

  it('a very shallow entry skips out and says so', () => {
    const r = simulateEntry({ ...STARDUST, fpaRad: -2 * DEG });
    expect(r.skippedOut).toBe(true);
    expect(r.timeToDrogueS).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/skipped out/);
  });

  it.each([
    [{ massKg: -1 }, 'massKg'],
    [{ diameterM: 0 }, 'diameterM'],
    [{ fpaRad: 0.1 }, 'fpaRad'],
    [{ noseRadiusM: Number.NaN }, 'noseRadiusM'],
    [{ speedKmS: 0 }, 'speedKmS'],
    [{ atmosphere: 'mars' as never }, 'atmosphere'],
  ])('bad input %o → InputError naming %s', (patch, field) => {
    expect(() => simulateEntry({ ...STARDUST, ...patch })).toThrow(InputError);
    try {
      simulateEntry({ ...STARDUST, ...patch });
    } catch (e) {
      expect((e as InputError).field).toBe(field);
    }
  });

  it('Allen–Eggers closed form: linear in sin|γ|', () => {
    expect(allenEggersPeakDecelG(12.9, -16.4 * DEG, 7.2) / allenEggersPeakDecelG(12.9, -8.2 * DEG, 7.2)).toBeCloseTo(Math.sin(16.4 * DEG) / Math.sin(8.2 * DEG), 12);
  });
});
