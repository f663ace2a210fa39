import { describe, expect, it } from 'vitest';
import { defaultCapsuleUnitCost } from '../../src/economics/capsule-cost.js';

describe('default capsule cost (Stardust-scaled flight hardware)', () => {
  it('Stardust SRC 45.8 kg: $128 M / 300 kg dry (1999 $) × CPI-U 313.689/166.6 × 45.8 kg ≈ $36.8 M', () => {
    // Hand check: 128e6 / 300 = 426,667 $/kg (1999); × 1.88289 = 803,366 $/kg (2024); × 45.8 kg = 36.79 M$.
    const d = defaultCapsuleUnitCost(45.8);
    expect(d.usdPerKg).toBeCloseTo(426_667 * (313.689 / 166.6), 3);
    expect(d.unitCostUsd).toBeCloseTo(45.8 * 426_667 * (313.689 / 166.6), 2);
    expect(d.unitCostUsd / 1e6).toBeCloseTo(36.79, 2);
    expect(d.year).toBe(2024);
    expect(d.basis).toMatch(/Stardust-scaled default/);
    expect(d.basis).toMatch(/capsules\.costUsd/);
  });
  it('scales linearly with the capsule mass and rejects a non-positive mass', () => {
    expect(defaultCapsuleUnitCost(100).unitCostUsd).toBeCloseTo((100 / 16.7) * defaultCapsuleUnitCost(16.7).unitCostUsd, 3);
    expect(() => defaultCapsuleUnitCost(0)).toThrow(/capsuleMassKg/);
  });
});
