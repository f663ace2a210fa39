// The plan's propulsion section: every leg MIMA/Damon-checked with the real masses, the method
// named per leg, the binding constraint, and the capsules' tare riding the return leg.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { plan } from '../../src/scenario/plan.js';
import type { Plan, PlanLeg } from '../../src/scenario/plan-types.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/metal-pgm-earth.yaml');

type Prop = Extract<Plan['propulsion'], { modelled: true }>;
const prop = (p: Plan): Prop => {
  if (!p.propulsion.modelled) throw new Error(p.propulsion.reason);
  return p.propulsion;
};
const leg = (p: Prop, name: string): PlanLeg => p.legs.find((l) => l.name === name)!;

describe('plan propulsion section', { timeout: 60_000 }, () => {
  it('reports per leg the Δv method, MIMA a_req and max initial mass, burn vs available time, and the binding constraint', async () => {
    const sc = await loadScenario(EXAMPLE, { source: 'examples/metal-pgm-earth.yaml' });
    const p = prop(await plan(sc, { samples: 10, seed: 1 }));
    expect(p.legs.map((l) => l.name)).toEqual(['outbound', 'inbound']);
    for (const l of p.legs) {
      expect(l.dvMethod).toBe('Damon');
      expect(l.lowThrust).not.toBeNull();
      expect(l.lowThrust!.aReqMS2).toBeGreaterThan(0);
      expect(l.lowThrust!.massRatio).toBeCloseTo(l.initialMassKg / l.lowThrust!.maxInitialMassKg, 12);
      expect(l.burnDays!).toBeLessThanOrEqual(l.availableBurnDays);
      expect(l.availableBurnDays).toBeCloseTo(0.9 * l.legDays, 9);
      // Closure: the start mass is the sum of its parts.
      const s = l.start;
      expect(s.dryKg + s.propellantKg + s.deployedKg + s.capsulesKg + s.cargoKg).toBeCloseTo(l.initialMassKg, 6);
    }
    expect(p.constraints.map((c) => c.id)).toEqual(expect.arrayContaining(['mima:outbound', 'mima:inbound', 'burn-time:outbound', 'burn-time:inbound']));
    expect(p.binding).toMatch(/^(mima|burn-time):/);
    expect(p.cargoMethod).toBe('rocket equation + burn time + MIMA');
    expect(p.returnLimitedBy).toBe('refined yield');
    expect(p.returnCargoKg).toBeCloseTo(leg(p, 'inbound').start.cargoKg, 9);
  });

  it('capsule tare raises the return-leg mass and propellant (same cargo)', async () => {
    const sc = await loadScenario(EXAMPLE, { source: 'examples/metal-pgm-earth.yaml' });
    const light = prop(await plan(sc, { samples: 1, seed: 1 }));
    // Stardust-class capsules scaled to 3 × the mass (same payload fraction): ~46 kg of cargo now
    // needs 2 capsules of 96 kg hardware instead of 4 of 32 kg.
    const heavySc = { ...sc, capsules: { ...sc.capsules, mass: 3 * 45.8 } };
    const heavy = prop(await plan(heavySc, { samples: 1, seed: 1 }));
    const a = leg(light, 'inbound');
    const b = leg(heavy, 'inbound');
    expect(b.start.cargoKg).toBeCloseTo(a.start.cargoKg, 9);
    expect(a.start.capsulesKg).toBeCloseTo(light.capsuleTareKg, 9);
    expect(b.start.capsulesKg).toBeCloseTo(heavy.capsuleTareKg, 9);
    expect(heavy.capsuleTareKg).toBeGreaterThan(light.capsuleTareKg + 50);
    expect(b.initialMassKg).toBeGreaterThan(a.initialMassKg);
    expect(b.propellantKg).toBeGreaterThan(a.propellantKg);
    // The extra return-leg propellant is what the extra tare costs by the rocket equation.
    const dm = heavy.capsuleTareKg - light.capsuleTareKg;
    const ratio = Math.exp((a.dvKmS * 1000) / (light.ispS * 9.80665)) - 1;
    expect(b.propellantKg - a.propellantKg).toBeGreaterThan(dm * ratio * 0.99);
    // It also rides out (capsules fly out empty): the outbound leg and the launch mass grow too.
    expect(leg(heavy, 'outbound').start.capsulesKg).toBeCloseTo(heavy.capsuleTareKg, 9);
    expect(heavy.launchMassKg).toBeGreaterThan(light.launchMassKg);
  });
});
