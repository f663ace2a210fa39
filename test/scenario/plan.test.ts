// plan(): every example end to end, determinism, ordered bands, and a hand-checked mass balance.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { plan } from '../../src/scenario/plan.js';
import type { Plan } from '../../src/scenario/plan-types.js';
import { CancelledError } from '../../src/errors.js';

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
            // Per product: the melt route extracts no rare earths by itself, so one value would be refused.
            recovery: Object.fromEntries(
              sc.refinery.products.map((el) => [el, { kind: 'triangular' as const, min: recoveryMode * 0.5, mode: recoveryMode, max: Math.min(1, recoveryMode * 1.5) }]),
            ),
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

  // The hand-checked end-to-end cases (absolute, hand-computed figures) are in hand-check.test.ts.
  it('mass identity and capsule capacity hold for every example, base case and samples', async () => {
    for (const f of files) {
      const p = await plan(await load(f), { samples: 50, seed: 3 });
      if (!p.delivered.modelled) throw new Error('not modelled');
      const d = p.delivered;
      expect(d.deliveredKg).toBeCloseTo(d.refinedKg - d.leftBehindKg - d.consumedKg, 6);
      expect(d.byElement.reduce((s, x) => s + x.kg, 0)).toBeCloseTo(d.deliveredKg, 6);
      if (p.capsules.modelled) expect(p.capsules.count * p.capsules.payloadKg).toBeGreaterThanOrEqual(d.deliveredKg);
    }
  });

  it('a full return leg loads the most valuable product first (starter scenario: Pt, Pd before Co, Ni)', async () => {
    const { parseScenarioText } = await import('../../src/scenario/load.js');
    const { STARTER_SCENARIO } = await import('../../src/scenario/template.js');
    // The starter leaves the launch window to the default: pin "today" so the test does not move with the calendar.
    const p = await plan(await parseScenarioText(STARTER_SCENARIO, 'scenario.yaml'), { samples: 0, today: '2026-12-05' });
    expect(p.scenario.launchWindow).toEqual({ from: '2026-12-05', to: '2045-12-31', basis: 'default' });
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

  it('recovery: one value covers only what the route extracts; other products need their own, with a warning', async () => {
    const { parseScenarioText } = await import('../../src/scenario/load.js');
    const base = `target: {designation: "2014 UV210"}
delivery: orbit
window: {launch: 2030-01-01..2038-12-31, maxTotalDays: 1600 d, minStayDays: 400 d, maxEntrySpeed: 11.1 km/s}
spacecraft: {thrusterPreset: next-c, thrusters: 16, power: 120 kW, dryMass: 6000 kg}
refinery: {route: water, concentratorDiameter: 6 m, products: [H2O, Pt], `;
    // A single value must not let the water route "recover" platinum.
    const one = await parseScenarioText(base + 'recovery: 0.8}\n', 'one.yaml');
    await expect(plan(one, { samples: 0 })).rejects.toThrow(
      /^one\.yaml: refinery\.recovery: one value covers only what route water extracts \(H2O\), not Pt; give it its own recovery/,
    );
    // Without any recovery the product is refused too, naming the route.
    const none = await parseScenarioText(base + '}\n', 'none.yaml');
    await expect(plan(none, { samples: 0 })).rejects.toThrow(/^none\.yaml: refinery\.products: route water does not extract Pt \(it extracts H2O\)/);
    // Per product: H2O keeps the route's band (p50 0.6, data/refining.json), Pt takes the given value, and the plan warns.
    const per = await parseScenarioText(base + 'recovery: {Pt: 0.5}}\n', 'per.yaml');
    const p = await plan(per, { samples: 0 });
    if (!p.refining.modelled) throw new Error('not modelled');
    expect(p.refining.products.map((x) => [x.element, x.recovery])).toEqual([['H2O', 0.6], ['Pt', 0.5]]);
    expect(p.warnings).toContain('refinery.recovery: route water does not extract Pt by itself; the recoveries given assume a further process whose energy and mass are not modelled');
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
