// End-to-end hand checks of plan(): every expected figure below is an absolute constant worked out
// by hand (arithmetic in the comments), not read back from the plan it checks.
//
// Inputs taken from other modules, each verified in its own tests, are written down as constants
// too and asserted first, so a change upstream fails here loudly instead of moving the target:
// the trajectory (round-trip search: dates, leg durations) and the low-thrust Δv of each leg
// (Damon/MIMA from the Lambert boundary vectors; test/propulsion).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { plan } from '../../src/scenario/plan.js';
import type { Plan } from '../../src/scenario/plan-types.js';

const EX = (f: string) => join(import.meta.dirname, '../../examples', f);

/** Relative closeness: |a/b − 1| ≤ tol. */
function near(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

function sections(p: Plan) {
  if (!p.refining.modelled || !p.delivered.modelled || !p.propulsion.modelled || !p.trajectory.modelled) throw new Error('a section is not modelled');
  return { ref: p.refining, del: p.delivered, prop: p.propulsion, traj: p.trajectory, caps: p.capsules };
}

// NEXT-C (DESIGN §2.4 / data/thrusters.json): Isp 4190 s → ve = 4190 × 9.80665 = 41,089.86 m/s.
const VE_NEXT_C = 41089.8635;

describe('hand-checked plans', { timeout: 60_000 }, () => {
  it('metal example (1997 XR2, PGMs to Earth): absorbed power, processed metal, yield, capsules, mass budget', async () => {
    const p = await plan(await loadScenario(EX('metal-pgm-earth.yaml'), { source: 'examples/metal-pgm-earth.yaml' }), { samples: 0 });
    const { ref, del, prop, traj, caps } = sections(p);
    if (!caps.modelled) throw new Error('capsules not modelled');

    // Inputs from the trajectory module (minimum-Δv round trip of the example's window).
    expect([traj.launch, traj.arrival, traj.outDays, traj.stayDays, traj.returnDays]).toEqual(['2033-12-11', '2034-08-17', 249, 368, 273]);

    // 1. Concentrator: 20 m diameter → A = π·10² = 314.159 m². At 1 AU, with η_opt = 0.8 (mode):
    //    0.8 × 314.159 × 1361 W/m² = 342,056.6 W.
    near(ref.concentratorAreaM2, 314.1593, 1e-6);
    // 2. Over the stay the body moves from r = 0.879 to 0.876 AU, through perihelion (q = 0.861 AU).
    //    Kepler by hand from the catalog elements (JPL SBDB 2025: a 1.077 AU, e 0.2009, M 84.77° at
    //    JD 2461000.5; n = √(μ☉/a³) = 0.881821°/day), arrival JD 2463942.5008 + 249 = 2464191.5008:
    //    1/r² at the 368 daily mid-points averages 0.830473 → P_abs = 342,056.6 × 0.830473 = 284,068.8 W.
    near(ref.absorbedPowerMeanW, 284068.84, 1e-6);
    // 3. Processed metal = P_abs × stay × η_cap × duty / e_spec
    //    = 284,068.8 W × 368 d × 86,400 s/d × 0.5 × 0.5 / 1.35e6 J/kg = 1.672597e6 kg.
    near(ref.processedKg, 1.672597e6, 1e-6);
    expect(ref.capped).toBe(false); // the body holds ~3e10 kg: nothing near exhaustion
    // 4. Grades: M-class IAB/IIIAB bulk (DESIGN §2.1, triangular modes) Pt 10, Pd 5, Rh 2, Ir 3, Os 3,
    //    Ru 6.5 ppm = 29.5 ppm, in a metal fraction of 0.975 → 30.2564 ppm in the metal. Recovery 0.9:
    //    refined = 1.672597e6 × 30.2564e-6 × 0.9 = 45.5461 kg, of which Pt 1.672597e6 × 10.2564e-6 × 0.9 = 15.4394 kg.
    near(ref.refinedKg, 45.54611, 1e-6);
    near(ref.products.find((x) => x.element === 'Pt')!.yieldKg, 15.43936, 1e-6);
    // 5. Capsules: Stardust-class 45.8 kg, payload fraction 0.3 → 13.74 kg each; ⌈45.5461 / 13.74⌉ = 4
    //    capsules (3 would carry only 41.22 kg; 4 carry 54.96 kg ≥ the cargo); their empty tare
    //    4 × (45.8 − 13.74) = 128.24 kg flies out and back.
    expect(caps.count).toBe(4);
    near(caps.payloadKg, 13.74, 1e-12);
    expect(caps.count * caps.payloadKg).toBeGreaterThanOrEqual(del.deliveredKg);
    // 6. Nothing is left behind here (the return leg could carry ~3.9 t): delivered = refined.
    near(del.deliveredKg, 45.54611, 1e-6);
    expect(del.leftBehindKg).toBe(0);

    // 7. Mass budget, rocket equation backwards from Earth with a 10 % propellant reserve R.
    //    Leg Δv (Damon, from the propulsion module): outbound 5.536106, inbound 4.684456 km/s.
    const [out, inb] = prop.legs;
    near(out.dvKmS, 5.536106, 1e-6);
    near(inb.dvKmS, 4.684456, 1e-6);
    //    x_in = e^(4684.456/41089.86) = 1.120758, x_out = e^(5536.106/41089.86) = 1.144230.
    //    Home: B = dry 3000 + cargo 45.5461 + tare 128.24 = 3173.786 kg, plus R.
    //    m0_in = (B + R)·x_in; at the asteroid m_f,out = m0_in + refinery 1000 − cargo 45.5461;
    //    m0_out = m_f,out·x_out; R = 0.1 × (propellant burnt). Linear in R:
    //    R = 0.1[B(x_in − 1) + (B·x_in + 954.454)(x_out − 1)] / (1 − 0.1[(x_in − 1) + x_in(x_out − 1)]) = 106.400 kg
    //    → m0_in = 3676.294, inbound propellant 396.108; m_f,out = 4630.748, m0_out = 5298.640 kg,
    //    outbound propellant 667.892; loaded = 667.892 + 396.108 + 106.400 = 1170.400 kg.
    near(inb.initialMassKg, 3676.294, 1e-6);
    near(inb.propellantKg, 396.1084, 1e-6);
    near(out.propellantKg, 667.8915, 1e-6);
    near(prop.propellantKg, 1170.400, 1e-6);
    //    Closure: launch mass = dry + refinery + capsule tare + propellant = 3000 + 1000 + 128.24 + 1170.400 = 5298.640 kg.
    near(prop.launchMassKg, 5298.640, 1e-6);
    near(prop.launchMassKg, 3000 + 1000 + 4 * (45.8 - 13.74) + prop.propellantKg, 1e-12);
    //    Burn time t = m0·ve/T·(1 − e^(−Δv/ve)), T = 8 × 236 mN = 1.888 N (the 55.2 kW of strings run
    //    at full power inside 1 AU): outbound 5298.640 × 41089.86 / 1.888 × (1 − 1/1.144230) / 86400
    //    = 168.24 d ≤ 0.9 × 249 = 224.1 d; inbound 3676.294 × … × (1 − 1/1.120758) = 99.78 d ≤ 0.9 × 273 = 245.7 d.
    near(out.burnDays!, 168.2383, 1e-6);
    near(inb.burnDays!, 99.77758, 1e-6);
    expect(prop.feasible).toBe(true);
  });

  // A water tug whose return leg cannot carry all it refined. Self-contained (not an example file),
  // so that the numbers are pinned: 2014 UV210 (C-type), orbit delivery, a 120 kW-class tug with 16
  // NEXT-C strings on a 200 kW array (the 110.4 kW of strings run at full power out to 1.35 AU, so
  // the thrust is exactly 16 × 0.236 = 3.776 N), no propellant reserve, fixed dry mass.
  const LEFT_BEHIND = `
target: {designation: "2014 UV210"}
delivery: orbit
window: {launch: 2030-01-01..2038-12-31, maxTotalDays: 1600 d, minStayDays: 400 d, maxEntrySpeed: 11.1 km/s}
spacecraft: {thrusterPreset: next-c, thrusters: 16, power: 200 kW, dryMass: 6000 kg, propellantMargin: 0}
refinery: {route: water, concentratorDiameter: 10 m, opticalEfficiency: 0.8, captureEfficiency: 0.5, dutyCycle: 0.5, products: [H2O], mass: 1000 kg}
`;

  it('left behind because the return leg binds (thrust × time), checked by hand', async () => {
    const p = await plan(await parseScenarioText(LEFT_BEHIND, 'left-behind.yaml'), { samples: 0 });
    const { del, prop, traj } = sections(p);
    // Inputs from the trajectory and propulsion modules.
    expect([traj.launch, traj.outDays, traj.stayDays, traj.returnDays]).toEqual(['2036-12-11', 561, 528, 345]);
    const [out, inb] = prop.legs;
    near(inb.dvKmS, 2.834601, 1e-6);
    near(out.dvKmS, 6.754171, 1e-6);
    const aReq = inb.lowThrust?.aReqMS2 ?? NaN; // MIMA's required acceleration of the return arc
    near(aReq, 9.509532e-5, 1e-6);
    expect(inb.thrustN).toBe(3.776);

    // MIMA: the largest start mass 90 % of 3.776 N can move along the arc in 345 d:
    //   a·τ = 9.509532e-5 × 345 × 86400 = 2834.60 m/s; e^(−2834.60/41089.86) = 0.933335;
    //   m* = 2 × (0.9 × 3.776) / (9.509532e-5 × (1 + 0.933335)) = 36,968.9 kg.
    // Back at Earth it weighs m*·e^(−Δv/ve) = 36,968.9 × 0.933335 = 34,504.6 kg = dry 6000 + cargo:
    //   largest cargo = 28,504.6 kg.
    const mStar = (2 * 0.9 * 3.776) / (9.509532e-5 * (1 + Math.exp(-2834.601 / VE_NEXT_C)));
    near(mStar, 36968.9, 1e-5);
    near(inb.initialMassKg, 36968.9, 1e-5);
    near(del.deliveredKg, 28504.6, 1e-5);
    expect(prop.binding).toBe('mima:inbound');
    // The burn-time limit is right behind it: t = m*·ve/T·(1 − 0.933335) = 36,968.9 × 41,089.86 / 3.776
    //   × 0.066665 = 2.6818e7 s = 310.38 d against 0.9 × 345 = 310.5 d available.
    near(inb.burnDays!, 310.38, 1e-4);
    expect(inb.burnDays!).toBeLessThanOrEqual(0.9 * 345);

    // Refined water: 10 m concentrator, P(1 AU) = 0.8 × 78.540 m² × 1361 W/m² = 85,514.2 W (DESIGN §2.5's
    // 85.5 kW). Kepler from the catalog elements (a 1.1554579 AU, e 0.1315908, M 94.66858° at JD 2459403.5),
    // arrival JD 2465038.5008 + 561: r stays near 1.027–1.030 AU and 1/r² averages 0.786678 over the 528
    // daily mid-points → P_abs = 67,272 W. Into the rock: 67,272 × 528 × 86,400 × η_cap 0.5 × duty 0.5
    // = 7.6722e11 J. The water route's 8.5 MJ/kg (p50) is per kg of water released, and the route's
    // recovery is 0.6 (p50): water = 7.6722e11 / 8.5e6 × 0.6 = 54,157.0 kg.
    near(del.refinedKg, 54157.0, 1e-5);
    // Left behind = refined − carried = 54,157.0 − 28,504.6 = 25,652.4 kg; nothing is consumed (xenon).
    near(del.leftBehindKg, 25652.4, 1e-4);
    expect(del.consumedKg).toBe(0);

    // Propellant (no reserve): inbound 36,968.9 − 34,504.6 = 2,464.3 kg. Outbound ends at the asteroid
    // with m0_in + refinery − cargo = 36,968.9 + 1000 − 28,504.6 = 9,464.3 kg and starts with
    // 9,464.3 × e^(6754.171/41089.86) = 9,464.3 × 1.178671 = 11,155.2 kg → outbound propellant 1,690.9 kg.
    // Closure: launch = dry 6000 + refinery 1000 + propellant (2,464.3 + 1,690.9) = 11,155.2 kg.
    near(inb.propellantKg, 2464.3, 1e-4);
    near(out.initialMassKg, 11155.2, 1e-5);
    near(prop.launchMassKg, 6000 + 1000 + 2464.3 + 1690.9, 1e-5);
    near(prop.launchMassKg, 6000 + 1000 + prop.propellantKg, 1e-12);
  });
});
