import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveLambert } from '../../src/astro/lambert.js';
import { izzoSolveInto, izzoTof } from '../../src/astro/lambert-izzo.js';
import { uvSolve } from '../../src/astro/lambert-uv.js';
import { propagate, propagateInto, stateToElements } from '../../src/astro/kepler.js';
import { MU_EARTH_KM3S2, MU_SUN_KM3S2 } from '../../src/astro/constants.js';
import { InputError } from '../../src/errors.js';
import { earthNeaGeometries } from '../../bench/earth-nea-geometries.js';

/** DESIGN §2.2 demands 1e-6 relative on every published validation case. */
const REL_CASE = 1e-6;
/** DESIGN §2.2: propagating v1 for tof must land on r2 to 1e-10 relative. */
const REL_CLOSURE = 1e-10;
/** Izzo vs the universal-variable solver: both converge to ~1e-13; allow 1e-8 relative in |v|. */
const REL_AGREE = 1e-8;

function relErr(got: readonly number[], want: readonly number[]): number {
  const d = Math.hypot(got[0] - want[0], got[1] - want[1], got[2] - want[2]);
  return d / Math.hypot(want[0], want[1], want[2]);
}

function closure(r1: number[], r2: number[], v1: number[], tof: number, mu: number): number {
  const p = propagate(r1, v1, tof, mu);
  return relErr(p.r, r2);
}

// DESIGN §2.2 cases. Molniya and long-way cases: Vallado/poliastro test suite values (as listed in
// DESIGN); heliocentric: the poliastro/pykep "Curtis" heliocentric case; μ = 1: pykep's
// lambert_problem_test.cpp exact case (notes §2.1 item 10).
const MOLNIYA = {
  r1: [22592.145603, -1599.915239, -19783.950506],
  r2: [1922.067697, 4054.157051, -8925.727465],
};

describe.each(['izzo', 'uv'] as const)('solveLambert (%s): DESIGN §2.2 validation cases', (solver) => {
  it('Molniya, 10 h: 0-rev, 1-rev left and right branches', () => {
    const sols = solveLambert(MOLNIYA.r1, MOLNIYA.r2, 10 * 3600, MU_EARTH_KM3S2, { maxRevs: 1, solver });
    expect(sols.map((s) => [s.revs, s.branch])).toEqual([[0, 'single'], [1, 'left'], [1, 'right']]);
    expect(relErr(sols[0].v1, [2.000652697, 0.387688615, -2.66694776])).toBeLessThan(REL_CASE);
    expect(relErr(sols[0].v2, [-3.792466189, -1.777076406, 6.856814395])).toBeLessThan(REL_CASE);
    expect(relErr(sols[1].v1, [0.503357699, 0.618694082, -1.571769037])).toBeLessThan(REL_CASE);
    expect(relErr(sols[2].v1, [-2.457595534, 1.169458007, 0.431612577])).toBeLessThan(REL_CASE);
    for (const s of sols) expect(closure(MOLNIYA.r1, MOLNIYA.r2, s.v1, 36000, MU_EARTH_KM3S2)).toBeLessThan(REL_CLOSURE);
  });

  it('Molniya, 5 h: no 1-rev solution, reported as absence (no throw)', () => {
    const sols = solveLambert(MOLNIYA.r1, MOLNIYA.r2, 5 * 3600, MU_EARTH_KM3S2, { maxRevs: 1, solver });
    expect(sols).toHaveLength(1);
    expect(sols[0].revs).toBe(0);
  });

  it('long way (transfer angle > 180°), 2 h', () => {
    const [s] = solveLambert([10000, 0, 0], [8000, -5000, 0], 7200, MU_EARTH_KM3S2, { solver });
    expect(relErr(s.v1, [0.365913, 5.822881, 0])).toBeLessThan(REL_CASE);
    expect(relErr(s.v2, [3.993976, 4.782366, 0])).toBeLessThan(REL_CASE);
  });

  it('heliocentric, μ☉', () => {
    const r1 = [-7.52669489e7, -3.72205805e8, -9.17950811e6];
    const r2 = [-6.15200041e6, -3.9198566e8, -5.0652086e5];
    const [s] = solveLambert(r1, r2, 3489390.108265222, MU_SUN_KM3S2, { solver });
    expect(relErr(s.v1, [19.591173, -7.224789, 2.459517])).toBeLessThan(REL_CASE);
    expect(relErr(s.v2, [19.924965, -4.134533, 2.499255])).toBeLessThan(REL_CASE);
  });

  it('μ = 1, quarter circle the long way round clockwise (retrograde), tof 3π/2', () => {
    const [s] = solveLambert([1, 0, 0], [0, 1, 0], (3 * Math.PI) / 2, 1, { retrograde: true, solver });
    expect(Math.hypot(s.v1[0] - 0, s.v1[1] + 1, s.v1[2])).toBeLessThan(REL_CASE);
    expect(Math.hypot(s.v2[0] - 1, s.v2[1], s.v2[2])).toBeLessThan(REL_CASE);
  });
});

describe('solveLambert input handling', () => {
  it('rejects malformed input with InputError naming the field', () => {
    expect(() => solveLambert([1, 2] as unknown as number[], [1, 0, 0], 10, 1)).toThrow(/r1/);
    expect(() => solveLambert([1, 0, 0], [0, 1, 0], -5, 1)).toThrow(InputError);
    expect(() => solveLambert([1, 0, 0], [0, 1, 0], 5, 0)).toThrow(/mu/);
    expect(() => solveLambert([1, 0, 0], [0, 1, 0], 5, 1, { maxRevs: 1.5 })).toThrow(/maxRevs/);
    expect(() => solveLambert([1, 0, 0], [2, 0, 0], 5, 1)).toThrow(/collinear/);
    expect(() => solveLambert([1, 0, 0], [-2, 0, 0], 5, 1)).toThrow(/collinear/);
  });

  it('izzoSolveInto never throws: degenerate input gives 0 solutions', () => {
    const out = new Float64Array(6);
    expect(izzoSolveInto([1, 0, 0], [2, 0, 0], 5, 1, false, 0, out)).toBe(0);
    expect(izzoSolveInto([1, 0, 0], [1, 0, 0], 5, 1, false, 0, out)).toBe(0);
    expect(izzoSolveInto([1, 0, 0], [0, 1, 0], -1, 1, false, 0, out)).toBe(0);
    expect(izzoSolveInto([1, 0, 0], [0, 1, 0], NaN, 1, false, 0, out)).toBe(0);
    expect(izzoSolveInto([NaN, 0, 0], [0, 1, 0], 1, 1, false, 0, out)).toBe(0);
    expect(izzoSolveInto([1, 0, 0], [0, 1, 0], 1, -1, false, 0, out)).toBe(0);
    // Long tof allows many revolutions, but never more than asked or than `out` can hold.
    expect(izzoSolveInto([1, 0, 0], [0, 1, 0], 100, 1, false, NaN, out)).toBe(1);
    expect(izzoSolveInto([1, 0, 0], [0, 1, 0], 100, 1, false, 10, out)).toBe(1);
    expect(izzoSolveInto([1, 0, 0], [0, 1, 0], 100, 1, false, 10, new Float64Array(6 * 5))).toBe(5);
  });

  it('prograde and retrograde arcs go round in opposite senses', () => {
    const pro = solveLambert([1, 0, 0], [0, 1, 0], 2, 1)[0];
    const retro = solveLambert([1, 0, 0], [0, 1, 0], 2, 1, { retrograde: true })[0];
    // h_z = x·vy − y·vx at r1 = [1,0,0] is vy.
    expect(pro.v1[1]).toBeGreaterThan(0);
    expect(retro.v1[1]).toBeLessThan(0);
  });

  it('hyperbolic arcs (tof far below the parabolic time)', () => {
    const r1 = [7000, 0, 0];
    const r2 = [0, 42000, 1000];
    for (const solver of ['izzo', 'uv'] as const) {
      const [s] = solveLambert(r1, r2, 1800, MU_EARTH_KM3S2, { solver });
      const v2 = s.v1[0] ** 2 + s.v1[1] ** 2 + s.v1[2] ** 2;
      expect(v2 / 2 - MU_EARTH_KM3S2 / 7000).toBeGreaterThan(0); // positive energy
      expect(closure(r1, r2, s.v1, 1800, MU_EARTH_KM3S2)).toBeLessThan(REL_CLOSURE);
    }
  });

  it('extremely hyperbolic arcs (tof down to nondimensional 1e-150) are found, not reported missing', () => {
    // μ = 1, quarter circle: at tof ≪ the parabolic 0.977 s the arc is a straight line crossed at
    // chord/tof; gravity bends it by ~μ·tof²/r², far below 1e-12 here. Before the cancellation-free
    // log argument, T(x) was +∞ from x ≈ 1e9 on and tof 1e-9 gave no solution.
    const r1 = [1, 0, 0];
    const r2 = [0, 1, 0];
    for (const tof of [1e-9, 1e-20, 1e-100, 1e-150]) {
      const sols = solveLambert(r1, r2, tof, 1);
      expect(sols, String(tof)).toHaveLength(1);
      const step = sols[0].v1.map((v) => v * tof);
      expect(relErr(step, [-1, 1, 0]), String(tof)).toBeLessThan(1e-12);
    }
    // Independent check: the sideways sag from the chord grows as μ·tof² (0.6232·tof² here) from
    // tof 1e-2 down to where it reaches rounding; a cancellation error would not scale so.
    const sag = (tof: number) => (solveLambert(r1, r2, tof, 1)[0].v1[0] * tof + 1) / (tof * tof);
    for (const tof of [1e-3, 1e-4, 1e-5, 1e-6]) expect(sag(tof) / sag(1e-2), String(tof)).toBeCloseTo(1, 2);
    // Where the universal-variable solver is still resolved, both agree; below that it reports no
    // solution (its y(z) cancels) instead of a velocity wrong in the 6th digit.
    const [a] = solveLambert(r1, r2, 1e-3, 1);
    const [b] = solveLambert(r1, r2, 1e-3, 1, { solver: 'uv' });
    expect(relErr(a.v1, b.v1)).toBeLessThan(1e-8);
    expect(solveLambert(r1, r2, 1e-5, 1, { solver: 'uv' })).toHaveLength(0);
    // Beyond the double range (x² overflows): no solution, never a wrong one.
    expect(solveLambert(r1, r2, 1e-170, 1)).toHaveLength(0);
  });

  it('T(x) keeps its large-x asymptote (1 − λ|λ|)/x without cancellation', () => {
    // x − λz → (1 − λ|λ|)·x as z → |λ|x, and E → x².
    for (const lam of [-0.7, 0.414, 0.9]) {
      for (const x of [1e6, 1e9, 1e12, 1e50, 1e150]) {
        expect((izzoTof(x, 0, lam) * x) / (1 - lam * Math.abs(lam)), `λ ${lam}, x ${x}`).toBeCloseTo(1, 5);
      }
    }
  });

  it('near-180° transfers still close (plane from the tiny out-of-line component)', () => {
    const r1 = [1.0e8, 0, 0];
    const r2 = [-1.3e8, 1e3, 2e2]; // 180° − 4.5e-4°
    const [s] = solveLambert(r1, r2, 200 * 86400, MU_SUN_KM3S2);
    expect(closure(r1, r2, s.v1, 200 * 86400, MU_SUN_KM3S2)).toBeLessThan(1e-9);
  });

  it('tof at the Battin-series switch (x ≈ 1) is continuous', () => {
    // T(x) forms must agree where they meet (|x − 1| = 0.01 and 0.2); 1e-9 relative.
    for (const lam of [-0.9, -0.3, 0, 0.5, 0.95]) {
      for (const x of [0.8, 0.99, 1.01, 1.2]) {
        const a = izzoTof(x - 1e-9, 0, lam);
        const b = izzoTof(x + 1e-9, 0, lam);
        expect(Math.abs(a - b) / Math.abs(a)).toBeLessThan(1e-7);
      }
    }
  });
});

/**
 * Periapsis radius of the arc. Arcs that dive to within 1 % of min(|r1|, |r2|) of the centre are
 * near-rectilinear "bounces" (h → 0), which no real mission flies (they pass through the
 * central body) and where single-step Kepler propagation itself is ill-conditioned (measured
 * 4e-11 on one such arc with a v1 that UV and Izzo agree on to 1e-15). Closure is checked on the
 * rest.
 */
function periapsisRadius(r: number[], v: number[], mu: number): number {
  const el = stateToElements(r, v, mu);
  return el.p / (1 + el.e);
}

// Random problems in non-dimensional-ish units: |r| in [0.3, 3], μ = 1, angles all round.
const vecArb = fc.tuple(
  fc.double({ min: 0.3, max: 3, noNaN: true }),
  fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  fc.double({ min: -1.2, max: 1.2, noNaN: true }),
).map(([r, lon, lat]) => [r * Math.cos(lat) * Math.cos(lon), r * Math.cos(lat) * Math.sin(lon), r * Math.sin(lat)]);

function sinAngle(a: number[], b: number[]): number {
  const c = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  return Math.hypot(c[0], c[1], c[2]) / (Math.hypot(a[0], a[1], a[2]) * Math.hypot(b[0], b[1], b[2]));
}

describe('Lambert properties (fast-check)', () => {
  const problem = fc.record({
    r1: vecArb,
    r2: vecArb,
    tof: fc.double({ min: 0.05, max: 60, noNaN: true }),
    retrograde: fc.boolean(),
    maxRevs: fc.integer({ min: 0, max: 5 }),
  // Transfer angles within ~0.6° of 0 or 180° are excluded: with r1, r2 nearly collinear the
  // arc can be nearly rectilinear (h → 0), where the Kepler propagation used to check closure
  // itself loses digits (f, g cancellation). Those cases get their own tests above.
  }).filter((p) => sinAngle(p.r1, p.r2) > 1e-2);

  it('every Izzo solution closes: propagate(r1, v1, tof) lands on r2 (≤ 1e-10 relative)', () => {
    fc.assert(
      fc.property(problem, ({ r1, r2, tof, retrograde, maxRevs }) => {
        const sols = solveLambert(r1, r2, tof, 1, { retrograde, maxRevs });
        expect(sols.length).toBeGreaterThanOrEqual(1);
        const rMin = Math.min(Math.hypot(r1[0], r1[1], r1[2]), Math.hypot(r2[0], r2[1], r2[2]));
        for (const s of sols) {
          if (periapsisRadius(r1, s.v1, 1) < 0.01 * rMin) continue;
          const p = propagate(r1, s.v1, tof, 1);
          expect(relErr(p.r, r2)).toBeLessThan(REL_CLOSURE);
          expect(relErr(p.v, s.v2)).toBeLessThan(1e-8);
        }
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it('Izzo and the universal-variable solver find the same solutions', () => {
    fc.assert(
      fc.property(problem, ({ r1, r2, tof, retrograde, maxRevs }) => {
        const a = solveLambert(r1, r2, tof, 1, { retrograde, maxRevs });
        const b = uvSolve(r1, r2, tof, 1, retrograde, maxRevs);
        // Near T_min the two branches merge; a solver may legitimately see 0 or 2 there.
        const shared = Math.min(a.length, b.length);
        expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(2);
        for (let k = 0; k < shared; k++) {
          expect(a[k].revs).toBe(b[k].revs);
          expect(a[k].branch).toBe(b[k].branch);
          expect(relErr(a[k].v1, b[k].v1)).toBeLessThan(a[k].revs === 0 ? REL_AGREE : 1e-6);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("pykep's delta-guidance identity holds: (v1×r1)·(v1×(r2−r1)) + μ r2·(r̂2 − r̂1) = 0", () => {
    // notes §2.1 item 10: |F| < 1e-12 in non-dimensional units (μ = 1, |r| ~ 1); we allow 1e-10
    // because our |r| range (0.3…3) and speeds scale F up to ~10².
    fc.assert(
      fc.property(problem, ({ r1, r2, tof, retrograde, maxRevs }) => {
        for (const s of solveLambert(r1, r2, tof, 1, { retrograde, maxRevs })) {
          const v = s.v1;
          const d = [r2[0] - r1[0], r2[1] - r1[1], r2[2] - r1[2]];
          const a = [v[1] * r1[2] - v[2] * r1[1], v[2] * r1[0] - v[0] * r1[2], v[0] * r1[1] - v[1] * r1[0]];
          const b = [v[1] * d[2] - v[2] * d[1], v[2] * d[0] - v[0] * d[2], v[0] * d[1] - v[1] * d[0]];
          const n1 = Math.hypot(r1[0], r1[1], r1[2]);
          const n2 = Math.hypot(r2[0], r2[1], r2[2]);
          const F = a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
            + (r2[0] * (r2[0] / n2 - r1[0] / n1) + r2[1] * (r2[1] / n2 - r1[1] / n1) + r2[2] * (r2[2] / n2 - r1[2] / n1));
          expect(Math.abs(F)).toBeLessThan(1e-10);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('Earth→NEA geometries (fixed seed; the full 10⁶ run is `tsx bench/lambert-million.ts`)', () => {
  it('20,000 sampled cases: zero failures, every solution closes to 1e-10', () => {
    const N = 20_000;
    const g = earthNeaGeometries(N);
    const out = new Float64Array(6);
    const p = new Float64Array(6);
    let failures = 0;
    let worst = 0;
    for (let k = 0; k < N; k++) {
      const r1 = g.r1.subarray(3 * k, 3 * k + 3);
      const r2 = g.r2.subarray(3 * k, 3 * k + 3);
      const n = izzoSolveInto(r1, r2, g.tofS[k], MU_SUN_KM3S2, false, 0, out);
      if (n !== 1 || !propagateInto(r1[0], r1[1], r1[2], out[0], out[1], out[2], g.tofS[k], MU_SUN_KM3S2, p)) {
        failures++;
        continue;
      }
      const err = Math.hypot(p[0] - r2[0], p[1] - r2[1], p[2] - r2[2]) / Math.hypot(r2[0], r2[1], r2[2]);
      if (!(err <= worst)) worst = err;
    }
    expect(failures).toBe(0);
    expect(worst).toBeLessThan(REL_CLOSURE);
  });
});
