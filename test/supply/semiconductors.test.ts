import { describe, expect, it } from 'vitest';
import { grossDiesPerWafer, poissonYield, semiconductorEquivalents, waferAreaCm2, waferMaterial } from '../../src/supply/semiconductors.js';

describe('per-wafer material (DESIGN §2.7)', () => {
  it('300 mm wafer area 706.9 cm²', () => {
    expect(waferAreaCm2(300)).toBeCloseTo(706.858, 3);
  });

  it('per µm of film on a 300 mm wafer: Pt 1.52 g, Ru 0.87 g, Co 0.63 g (DESIGN, to 2 decimals)', () => {
    const perMicron = (el: string) =>
      waferMaterial({ utilisation: 1, layers: [{ id: el, element: el, thicknessNm: 1000, levels: 1 }] }).gramsPerWaferByElement[el];
    expect(perMicron('Pt')).toBeCloseTo(1.52, 2);
    expect(perMicron('Ru')).toBeCloseTo(0.87, 2);
    expect(perMicron('Co')).toBeCloseTo(0.63, 2);
  });

  it('consumed metal = film / utilisation, summed over levels', () => {
    const one = waferMaterial({ utilisation: 1, layers: [{ id: 'x', element: 'Pt', thicknessNm: 2, levels: 3 }] });
    const third = waferMaterial({ utilisation: 0.3, layers: [{ id: 'x', element: 'Pt', thicknessNm: 2, levels: 3 }] });
    expect(one.layers[0].filmGPerWafer).toBeCloseTo(21.45 * Math.PI * 225 * 6e-7, 12);
    expect(third.gramsPerWaferByElement.Pt).toBeCloseTo(one.gramsPerWaferByElement.Pt / 0.3, 12);
  });

  it('rejects a layer without a known density, naming it', () => {
    expect(() => waferMaterial({ layers: [{ id: 'x', element: 'Zz', thicknessNm: 1, levels: 1 }] })).toThrow(/layers\[0\]\.densityGcm3/);
    expect(() => waferMaterial({ utilisation: 0 })).toThrow(/utilisation/);
  });
});

describe('dies per wafer and yield', () => {
  it('H100 (814 mm²) on 300 mm: 63 gross dies without edge exclusion, 60 with 3 mm', () => {
    // π·150²/814 − π·300/√1628 = 86.84 − 23.36 = 63.48; with d = 294 mm: 83.40 − 22.89 = 60.51.
    expect(grossDiesPerWafer(814, 300, 0)).toBe(63);
    expect(grossDiesPerWafer(814, 300, 3)).toBe(60);
  });
  it('Poisson yield exp(−A·D0): 8.14 cm² at 0.1/cm² → 44.3 %', () => {
    expect(poissonYield(814, 0.1)).toBeCloseTo(Math.exp(-0.814), 12);
  });
});

describe('semiconductor equivalents of delivered metal', () => {
  it('1 t/yr of Pt covers 1000 g / (g Pt per wafer) wafers and × good dies accelerators', () => {
    const r = semiconductorEquivalents({ Pt: 1000, Pd: 50 });
    const pt = r.elements.find((e) => e.element === 'Pt')!;
    const gPerWafer = waferMaterial().gramsPerWaferByElement.Pt;
    expect(pt.wafersPerYear).toBeCloseTo(1e6 / gPerWafer, 6);
    expect(pt.acceleratorsPerYear).toBeCloseTo(pt.wafersPerYear * 60 * Math.exp(-0.814), 3);
    expect(r.notInStack).toEqual(['Pd']);
    // SEMI SMG 2024: 12,266 MSI × 6.4516 cm²/in² / 706.86 cm² = 1.1196e8 300 mm equivalents.
    expect(r.worldWafersPerYear).toBeCloseTo((12_266e6 * 6.4516) / (Math.PI * 225), 0);
    expect(pt.shareOfWorldWafers).toBeCloseTo(pt.wafersPerYear / r.worldWafersPerYear, 12);
  });
  it('the full-stack figure is limited by the scarcest stack element (0 when one is missing)', () => {
    expect(semiconductorEquivalents({ Pt: 1000 }).fullStackWafersPerYear).toBe(0);
    const all = semiconductorEquivalents({ Pt: 1e6, Ru: 1e6, Co: 1e6, La: 1 });
    expect(all.limitingElement).toBe('La');
  });
  it('says plainly when products are not in the stack, naming magnet rare earths', () => {
    const r = semiconductorEquivalents({ Nd: 100, Dy: 10, Tb: 1 });
    expect(r.elements).toEqual([]);
    expect(r.notInStack).toEqual(['Nd', 'Dy', 'Tb']);
    expect(r.notInStackNote).toMatch(/^Nd, Dy, Tb: not in the wafer stack/);
    expect(r.notInStackNote).toMatch(/NdFeB permanent magnets/);
    expect(semiconductorEquivalents({ Pt: 1 }).notInStackNote).toBeNull();
  });
  it('a die larger than the wafer gives no accelerators and null mg per accelerator, with the reason', () => {
    const r = semiconductorEquivalents({ Pt: 1000 }, { dieAreaMm2: 70_000 });
    expect(r.die.grossPerWafer).toBe(0);
    expect(r.elements[0].acceleratorsPerYear).toBe(0);
    expect(r.elements[0].mgPerAccelerator).toBeNull();
    expect(r.die.note).toMatch(/does not fit on a 300 mm wafer/);
    expect(JSON.stringify(r)).not.toMatch(/Infinity|NaN/);
  });
  it('a custom stack replaces the default: one 2 nm Pt layer, levels and per-layer utilisation honoured', () => {
    // 21.45 g/cm³ × 706.858 cm² × 2e-7 cm × 3 levels / 0.5 = 0.018193 g Pt per wafer.
    const r = semiconductorEquivalents({ Pt: 1, Ru: 1 }, { layers: [{ id: 'pt', element: 'Pt', thicknessNm: 2, levels: 3, utilisation: 0.5 }] });
    expect(r.stack).toBe('custom');
    expect(r.layers.map((l) => l.element)).toEqual(['Pt']);
    expect(r.elements[0].gramsPerWafer).toBeCloseTo((21.45 * Math.PI * 225 * 2e-7 * 3) / 0.5, 12);
    expect(r.notInStack).toEqual(['Ru']);
    expect(semiconductorEquivalents({ Pt: 1 }).stack).toBe('default');
    expect(() => waferMaterial({ layers: [{ id: 'x', element: 'platinum', thicknessNm: 1, levels: 1 }] })).toThrow(/layers\[0\]\.element/);
  });
});
