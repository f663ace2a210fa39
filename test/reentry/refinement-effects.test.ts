// How much Earth rotation and a Mach-dependent C_D move the Stardust entry (DESIGN §2.6), and the
// skip-out edge of the corridor.
import { describe, expect, it } from 'vitest';
import { simulateEntry, type EntryInput } from '../../src/reentry/entry-simulation.js';
import { entryRefinementEffects } from '../../src/reentry/refinement-effects.js';
import { shallowestCapturedFpaRad } from '../../src/reentry/skip-out-boundary.js';
import { capsulePreset } from '../../src/reentry/capsules.js';
import { InputError } from '../../src/errors.js';

const DEG = Math.PI / 180;
const STARDUST: EntryInput = { massKg: 45.8, diameterM: 0.811, noseRadiusM: 0.2202, cd: 1.5, speedKmS: 12.9, fpaRad: -8.2 * DEG };

describe('entryRefinementEffects', () => {
  const table = capsulePreset('stardust').cdMach!;
  const x = entryRefinementEffects({ ...STARDUST, rotatingEarth: true, cdMach: table }, { rotation: { latitudeRad: 41 * DEG, azimuthRad: 110 * DEG }, cdMach: table });

  it('baseline ignores the input refinements; each case equals a direct run', () => {
    const plain = simulateEntry(STARDUST);
    expect(x.baseline.peakDecelG).toBe(plain.peakDecelG);
    const rot = simulateEntry({ ...STARDUST, rotatingEarth: true, latitudeRad: 41 * DEG, azimuthRad: 110 * DEG });
    expect(x.cases[0].refinement).toBe('Earth rotation');
    expect(x.cases[0].peakHeatFluxWCm2).toBe(rot.peakHeatFluxWCm2);
    expect(x.cases[0].delta.heatLoadFraction).toBeCloseTo(rot.heatLoadJCm2 / plain.heatLoadJCm2 - 1, 12);
    expect(x.cases.map((c) => c.refinement)).toEqual(['Earth rotation', 'Mach-dependent C_D', 'both']);
  });

  it('an eastbound entry heats less (air-relative speed lower); a westbound one more', () => {
    const west = entryRefinementEffects(STARDUST, { rotation: { latitudeRad: 0, azimuthRad: 270 * DEG } });
    expect(x.cases[0].delta.peakHeatFluxWCm2).toBeLessThan(0);
    expect(west.cases[0].delta.peakHeatFluxWCm2).toBeGreaterThan(0);
    expect(west.cases).toHaveLength(1);
  });

  it('the drogue time is set by the 31 km ceiling in every case and moves by under a second', () => {
    for (const c of [x.baseline, ...x.cases]) expect(c.drogueSetBy).toBe('altitude');
    for (const c of x.cases) expect(Math.abs(c.delta.timeToDrogueS!)).toBeLessThan(1);
  });

  it('bad input is an InputError naming the field', () => {
    expect(() => entryRefinementEffects({ ...STARDUST, massKg: -1 }, {})).toThrow(InputError);
  });
});

describe('shallowestCapturedFpaRad', () => {
  it('brackets the skip-out edge to 0.005°', () => {
    const edge = shallowestCapturedFpaRad({ ...STARDUST, fpaRad: 0 })!;
    expect(edge).toBeLessThan(-4 * DEG);
    expect(edge).toBeGreaterThan(-8.2 * DEG);
    expect(simulateEntry({ ...STARDUST, fpaRad: edge }).skippedOut).toBe(false);
    expect(simulateEntry({ ...STARDUST, fpaRad: edge + 0.006 * DEG }).skippedOut).toBe(true);
  });
  it('a slower entry has a shallower edge', () => {
    const fast = shallowestCapturedFpaRad({ ...STARDUST, fpaRad: 0 })!;
    const slow = shallowestCapturedFpaRad({ ...STARDUST, speedKmS: 11, fpaRad: 0 })!;
    expect(slow).toBeGreaterThan(fast);
  });
});
