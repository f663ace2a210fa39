import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { irr, learningCurveTotalCost, learningCurveUnitCost, npv, paybackYear } from '../../src/economics/discounting.js';

describe('NPV, IRR and payback on hand-checked cash flows', () => {
  const flows = [-100, 60, 60];
  it('NPV at 10 %: −100 + 60/1.1 + 60/1.21 = 4.1322', () => {
    expect(npv(flows, 0.1)).toBeCloseTo(-100 + 60 / 1.1 + 60 / 1.21, 12);
    expect(npv(flows, 0)).toBe(20);
  });

  it('IRR solves 60x² + 60x − 100 = 0 with x = 1/(1+r): r = 13.066 %', () => {
    const x = (-60 + Math.sqrt(3600 + 24000)) / 120;
    const r = irr(flows);
    expect(r.irr!).toBeCloseTo(1 / x - 1, 10);
    expect(r.roots).toHaveLength(1);
    expect(Math.abs(npv(flows, r.irr!))).toBeLessThan(1e-9);
  });

  it('payback in year 2, at 1.667 years by interpolation (cumulative −100, −40, +20)', () => {
    expect(paybackYear(flows)).toEqual({ year: 2, fractionalYear: 1 + 40 / 60 });
    // Discounted at 10 %: cumulative −100, −45.45, +4.13 → still year 2.
    expect(paybackYear(flows, 0.1).year).toBe(2);
    expect(paybackYear([-100, 10, 10]).year).toBeNull();
    // A late loss that pushes the cumulative below zero again moves payback to the last recovery.
    expect(paybackYear([-100, 150, -100, 100]).year).toBe(3);
  });

  it('no IRR when the flows never change sign, with the reason', () => {
    expect(irr([-10, -5, -1])).toMatchObject({ irr: null });
    expect(irr([-10, -5, -1]).note).toMatch(/never turn positive/);
    expect(irr([10, 5]).note).toMatch(/never turn negative/);
    expect(irr([0, 0]).note).toMatch(/zero/);
  });

  it('two sign changes: both roots (10 % and 20 %) are found', () => {
    // −100 + 230/(1+r) − 132/(1+r)² = 0 ⇔ (1+r)² − 2.3(1+r) + 1.32 = 0 ⇔ 1+r ∈ {1.1, 1.2}.
    const r = irr([-100, 230, -132]);
    expect(r.roots).toHaveLength(2);
    expect(r.roots[0]).toBeCloseTo(0.1, 9);
    expect(r.roots[1]).toBeCloseTo(0.2, 9);
    expect(r.note).toMatch(/several IRRs/);
  });

  it('a conventional project (one outlay, then inflows) has exactly one IRR and NPV(IRR) = 0 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 30 }), (c0, ins) => {
        const f = [-c0, ...ins];
        const total = ins.reduce((a, b) => a + b, 0);
        const r = irr(f);
        if (total === 0) return r.irr === null;
        // The search covers −99 %…+1000 %; a root there exists iff NPV changes sign across it.
        const bracketed = npv(f, -0.99) > 0 && npv(f, 10) < 0;
        if (!bracketed) return r.irr === null || Math.abs(npv(f, r.irr)) <= 1e-7 * Math.max(c0, total);
        return r.roots.length === 1 && Math.abs(npv(f, r.irr!)) <= 1e-7 * Math.max(c0, total);
      }),
      { numRuns: 300 },
    );
  });
});

describe('learning curve C(n) = C1·n^(log2 L)', () => {
  it('an 80 % curve: 100, 80 at n = 2, 64 at n = 4, 70.21 at n = 3', () => {
    expect(learningCurveUnitCost(100, 1, 0.8)).toBe(100);
    expect(learningCurveUnitCost(100, 2, 0.8)).toBeCloseTo(80, 12);
    expect(learningCurveUnitCost(100, 4, 0.8)).toBeCloseTo(64, 12);
    expect(learningCurveUnitCost(100, 3, 0.8)).toBeCloseTo(100 * Math.pow(3, Math.log2(0.8)), 12);
    expect(learningCurveTotalCost(100, 4, 0.8)).toBeCloseTo(100 + 80 + 100 * Math.pow(3, Math.log2(0.8)) + 64, 10);
  });
  it('rejects n < 1 and L outside (0, 1]', () => {
    expect(() => learningCurveUnitCost(100, 0, 0.8)).toThrow(/n:/);
    expect(() => learningCurveUnitCost(100, 2, 1.2)).toThrow(/learningRate/);
  });
});
