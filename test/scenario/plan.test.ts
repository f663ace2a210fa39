// plan(): every example end to end, determinism, ordered bands, and a hand-checked mass balance.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { plan } from '../../src/scenario/plan.js';
import type { Plan } from '../../src/scenario/plan-types.js';
import { CancelledError } from '../../src/errors.js';
import { SOLAR_CONSTANT_WM2, DAY_S } from '../../src/astro/constants.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');
const files = readdirSync(EXAMPLES).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const load = (f: string) => loadScenario(join(EXAMPLES, f), { source: `examples/${f}` });

function ordered(p: Plan): void {
  const bands = [p.uncertainty.bands.deliveredKg, p.uncertainty.bands.capsules, p.uncertainty.bands.npvUsd, ...p.uncertainty.bands.yieldKg.map((y) => y.band)];
  for (const b of bands) {
    if (!b) continue;
    expect(b.p10).toBeLessThanOrEqual(b.p50);
    expect(b.p50).toBeLessThanOrEqual(b.p90);
  }
}

describe('plan()', { timeout: 60_000 }, () => {
  it('ships at least three examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const f of files) {
    it(`plans ${f} end to end`, async () => {
      const sc = await load(f);
      const p = await plan(sc, { samples: 100, seed: 1 });
      for (const k of ['target', 'trajectory', 'propulsion', 'refining', 'delivered', 'supply', 'orbitalCompute', 'economics'] as const) {
        expect(p[k].modelled, `${f}: ${k} ${p[k].modelled ? '' : p[k].reason}`).toBe(true);
      }
      expect(p.capsules.modelled).toBe(sc.delivery === 'earth');
      expect(p.uncertainty.samples).toBe(100);
      expect(p.uncertainty.bands.deliveredKg).not.toBeNull();
      expect(p.forecast.length).toBe(sc.finance.campaignMissions * sc.refinery.products.length);
      ordered(p);
      // Nothing NaN or infinite anywhere in the plan.
      JSON.stringify(p, (_k, v) => {
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        return v;
      });
    });
  }

  it('same seed → byte-identical JSON; another seed → different numbers', async () => {
    const sc = await load('metal-pgm-earth.yaml');
    const a = JSON.stringify(await plan(sc, { samples: 200, seed: 42 }));
    const b = JSON.stringify(await plan(sc, { samples: 200, seed: 42 }));
    const c = JSON.stringify(await plan(sc, { samples: 200, seed: 43 }));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('bands stay ordered P10 ≤ P50 ≤ P90 over seeds, sample counts, concentrator sizes and recoveries (property)', async () => {
    const sc = await load('rare-earth-stype.yaml');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 2, max: 60, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        async (seed, samples, diameterM, recoveryMode) => {
        const varied = {
          ...sc,
          refinery: {
            ...sc.refinery,
            concentratorDiameter: diameterM,
            recovery: { kind: 'triangular' as const, min: recoveryMode * 0.5, mode: recoveryMode, max: Math.min(1, recoveryMode * 1.5) },
          },
        };
        const p = await plan(varied, { samples, seed });
        ordered(p);
        for (const r of p.forecast) {
          expect(r.p10Kg).toBeLessThanOrEqual(r.p50Kg);
          expect(r.p50Kg).toBeLessThanOrEqual(r.p90Kg);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('samples: 0 gives the deterministic base case only', async () => {
    const p = await plan(await load('metal-pgm-earth.yaml'), { samples: 0 });
    expect(p.uncertainty.bands.deliveredKg).toBeNull();
    expect(p.uncertainty.bands.yieldKg).toEqual([]);
    if (!p.delivered.modelled) throw new Error('delivered not modelled');
    // The forecast then carries the base case in all three columns.
    const pt = p.forecast.find((r) => r.element === 'Pt' && r.mission === 1)!;
    const base = p.delivered.byElement.find((e) => e.element === 'Pt')!.kg;
    expect([pt.p10Kg, pt.p50Kg, pt.p90Kg]).toEqual([base, base, base]);
  });

  it('hand check (metal example, base case): refining arithmetic, mass identity, capsules', async () => {
    const sc = await load('metal-pgm-earth.yaml');
    const p = await plan(sc, { samples: 0 });
    if (!p.refining.modelled || !p.delivered.modelled || !p.capsules.modelled || !p.target.modelled) throw new Error('not modelled');
    const r = p.refining;
    // Concentrator 20 m diameter (example file) → A = π·10² = 314.159 m².
    expect(r.concentratorAreaM2).toBeCloseTo(Math.PI * 100, 6);
    // Mean absorbed power lies between the aphelion and perihelion values of η_opt·A·1361/r²
    // (η_opt mode 0.8 in the example; q = a(1−e), Q = a(1+e) from the target's orbit).
    const { aAu, e } = p.target.orbit;
    const at = (rAu: number) => (0.8 * Math.PI * 100 * SOLAR_CONSTANT_WM2) / (rAu * rAu);
    expect(r.absorbedPowerMeanW).toBeGreaterThan(at(aAu * (1 + e)));
    expect(r.absorbedPowerMeanW).toBeLessThan(at(aAu * (1 - e)));
    // Processed metal = absorbed energy × η_cap (0.5) × duty (0.5) / 1.35 MJ/kg (melt-metal, DESIGN §2.5).
    const processed = (r.absorbedPowerMeanW * r.stayDays * DAY_S * 0.5 * 0.5) / 1.35e6;
    expect(r.processedKg / processed - 1).toBeLessThan(1e-9);
    expect(r.capped).toBe(false);
    // Product = processed × grade (in the metal) × recovery (0.9, the example's mode).
    for (const prod of r.products) {
      expect(prod.recovery).toBe(0.9);
      expect(prod.yieldKg).toBeCloseTo(r.processedKg * prod.grade * 0.9, 9);
    }
    expect(r.refinedKg).toBeCloseTo(r.products.reduce((s, x) => s + x.yieldKg, 0), 9);
    // Identity: delivered = refined − left behind − consumed (exact).
    const d = p.delivered;
    expect(d.refinedKg).toBe(r.refinedKg);
    expect(d.deliveredKg).toBeCloseTo(d.refinedKg - d.leftBehindKg - d.consumedKg, 9);
    expect(d.consumedKg).toBe(0);
    expect(d.byElement.reduce((s, x) => s + x.kg, 0)).toBeCloseTo(d.deliveredKg, 9);
    // Capsules carry the cargo: count × payload ≥ delivered, and one fewer would not.
    const c = p.capsules;
    // Stardust SRC 45.8 kg (DESIGN §2.6); payload fraction mode 0.3 in the example → 13.74 kg per capsule.
    expect(c.capsuleMassKg).toBeCloseTo(45.8, 9);
    expect(c.payloadKg).toBeCloseTo(0.3 * 45.8, 9);
    expect(c.count).toBe(Math.ceil(d.deliveredKg / (0.3 * 45.8)));
    expect(c.count * c.payloadKg).toBeGreaterThanOrEqual(d.deliveredKg);
    expect((c.count - 1) * c.payloadKg).toBeLessThan(d.deliveredKg);
  });

  it('identity holds when the return leg cannot carry everything (water to orbit)', async () => {
    const p = await plan(await load('water-orbit-ctype.yaml'), { samples: 0 });
    if (!p.delivered.modelled || !p.propulsion.modelled) throw new Error('not modelled');
    const d = p.delivered;
    expect(d.leftBehindKg).toBeGreaterThan(0);
    expect(d.deliveredKg).toBeCloseTo(p.propulsion.maxReturnCargoKg, 6);
    expect(d.deliveredKg).toBeCloseTo(d.refinedKg - d.leftBehindKg - d.consumedKg, 6);
  });

  it('a full return leg loads the most valuable product first (starter scenario: Pt, Pd before Co, Ni)', async () => {
    const { parseScenarioText } = await import('../../src/scenario/load.js');
    const { STARTER_SCENARIO } = await import('../../src/scenario/template.js');
    const p = await plan(await parseScenarioText(STARTER_SCENARIO, 'scenario.yaml'), { samples: 0 });
    if (!p.delivered.modelled || !p.refining.modelled) throw new Error('not modelled');
    expect(p.delivered.leftBehindKg).toBeGreaterThan(0); // tens of tonnes of Ni refined, < 1 t returnable
    const kg = (el: string) => p.delivered.modelled && p.delivered.byElement.find((e) => e.element === el)!.kg;
    const refined = (el: string) => p.refining.modelled && p.refining.products.find((e) => e.element === el)!.yieldKg;
    // USGS prices: Pd > Pt ≫ Co > Ni per kg, so the PGMs come home in full and Ni gets what is left.
    expect(kg('Pt')).toBeCloseTo(refined('Pt') as number, 9);
    expect(kg('Pd')).toBeCloseTo(refined('Pd') as number, 9);
    expect(kg('Ni')).toBeLessThan(refined('Ni') as number);
    expect(p.delivered.deliveredKg).toBeCloseTo(p.delivered.refinedKg - p.delivered.leftBehindKg, 6);
  });

  it('stops on an aborted signal', async () => {
    const sc = await load('metal-pgm-earth.yaml');
    const ac = new AbortController();
    ac.abort();
    await expect(plan(sc, { samples: 100, signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
  });

  it('an unknown asteroid is an input error naming the file and the field', async () => {
    const sc = await load('metal-pgm-earth.yaml');
    await expect(plan({ ...sc, target: { designation: 'No Such Rock 9999' } }, { samples: 0 })).rejects.toThrow(/^examples\/metal-pgm-earth\.yaml: target\.designation: /);
  });
});
