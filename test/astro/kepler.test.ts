import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { elementsToState, propagate, solveKepler, stateToElements, wrapPi } from '../../src/astro/kepler.js';
import { DEG, MU_EARTH_KM3S2 } from '../../src/astro/constants.js';
import { InputError } from '../../src/errors.js';

const relErr = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) / Math.hypot(b[0], b[1], b[2]);

describe('solveKepler', () => {
  it('Vallado (4th ed.) Example 2-1: M = 235.4°, e = 0.4 → E = 220.512074767522°', () => {
    expect(solveKepler(235.4 * DEG, 0.4) / DEG).toBeCloseTo(220.512074767522, 9);
  });

  it('Vallado Example 2-3 (hyperbolic): M = 235.4°, e = 2.4 → H = 1.601376144', () => {
    expect(solveKepler(235.4 * DEG, 2.4)).toBeCloseTo(1.601376144, 8);
  });

  it('parabolic (Barker): D + D³/3 = M', () => {
    const D = solveKepler(2.5, 1);
    expect(D + D ** 3 / 3).toBeCloseTo(2.5, 12);
  });

  it('satisfies the equation to 1e-13 for every e and M (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (M, e) => {
        const E = solveKepler(M, e);
        expect(Math.abs(E - e * Math.sin(E) - M)).toBeLessThan(1e-13 * Math.max(1, Math.abs(M)));
      }),
      { numRuns: 2000, seed: 1 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 1.000001, max: 50, noNaN: true }), (M, e) => {
        const H = solveKepler(M, e);
        expect(Math.abs(e * Math.sinh(H) - H - M)).toBeLessThan(1e-12 * Math.max(1, Math.abs(M)));
      }),
      { numRuns: 2000, seed: 2 },
    );
  });

  it('rejects e < 0 and non-finite input', () => {
    expect(() => solveKepler(1, -0.1)).toThrow(InputError);
    expect(() => solveKepler(NaN, 0.1)).toThrow(InputError);
  });
});

describe('state ↔ elements', () => {
  it('Vallado Example 2-5 (RV2COE)', () => {
    const el = stateToElements([6524.834, 6862.875, 6448.296], [4.901327, 5.533756, -1.976341], MU_EARTH_KM3S2);
    // Vallado prints p = 11067.790 km, a = 36127.343 km, e = 0.832853, i = 87.870°, Ω = 227.898°,
    // ω = 53.38°, ν = 92.335°; the inputs are rounded to 1 m and 1 mm/s, so agree to ~1e-6.
    expect(el.p / 11067.79 - 1).toBeLessThan(2e-6);
    expect(Math.abs(el.a / 36127.343 - 1)).toBeLessThan(2e-6);
    expect(el.e).toBeCloseTo(0.832853, 5);
    expect(el.i / DEG).toBeCloseTo(87.87, 2);
    expect(el.raan / DEG).toBeCloseTo(227.898, 2);
    expect(el.argp / DEG).toBeCloseTo(53.38, 1);
    expect(el.ta / DEG).toBeCloseTo(92.335, 2);
  });

  const ellArb = fc.record({
    a: fc.double({ min: 6600, max: 1e6, noNaN: true }),
    e: fc.double({ min: 1e-6, max: 0.95, noNaN: true }),
    i: fc.double({ min: 1e-4, max: Math.PI - 1e-4, noNaN: true }),
    raan: fc.double({ min: 0, max: 2 * Math.PI - 1e-9, noNaN: true }),
    argp: fc.double({ min: 0, max: 2 * Math.PI - 1e-9, noNaN: true }),
    ma: fc.double({ min: 0, max: 2 * Math.PI - 1e-9, noNaN: true }),
  });

  it('round trip elements → state → elements (elliptic)', () => {
    fc.assert(
      fc.property(ellArb, (el) => {
        const { r, v } = elementsToState(el, MU_EARTH_KM3S2);
        const back = stateToElements(r, v, MU_EARTH_KM3S2);
        expect(Math.abs(back.a / el.a - 1)).toBeLessThan(1e-9);
        expect(Math.abs(back.e - el.e)).toBeLessThan(1e-9);
        expect(Math.abs(back.i - el.i)).toBeLessThan(1e-9);
        // Angles compared through the state they produce (avoids 0/2π wrap and tiny-e ambiguity).
        const again = elementsToState({ ...back }, MU_EARTH_KM3S2);
        expect(relErr(again.r, r)).toBeLessThan(1e-9);
        expect(relErr(again.v, v)).toBeLessThan(1e-9);
      }),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('hyperbolic elements → state → elements', () => {
    const el = { a: -12000, e: 1.8, i: 0.7, raan: 2, argp: 4, ma: 3.5 };
    const { r, v } = elementsToState(el, MU_EARTH_KM3S2);
    const back = stateToElements(r, v, MU_EARTH_KM3S2);
    expect(back.a).toBeCloseTo(-12000, 6);
    expect(back.e).toBeCloseTo(1.8, 12);
    expect(back.ma).toBeCloseTo(3.5, 10);
  });

  it('equatorial and circular orbits get conventional angles, no NaN', () => {
    const circ = stateToElements([7000, 0, 0], [0, Math.sqrt(MU_EARTH_KM3S2 / 7000), 0], MU_EARTH_KM3S2);
    expect(circ.e).toBeLessThan(1e-12);
    expect(circ.i).toBe(0);
    expect(Object.values(circ).every(Number.isFinite)).toBe(true);
    const eq = stateToElements([7000, 0, 0], [0, 8.5, 0], MU_EARTH_KM3S2);
    expect(eq.raan).toBe(0);
    expect(eq.argp).toBeCloseTo(0, 12);
  });

  it('rejects parabolic elements and a/e sign mismatch', () => {
    expect(() => elementsToState({ a: 7000, e: 1, i: 0, raan: 0, argp: 0, ma: 0 }, MU_EARTH_KM3S2)).toThrow(InputError);
    expect(() => elementsToState({ a: 7000, e: 1.2, i: 0, raan: 0, argp: 0, ma: 0 }, MU_EARTH_KM3S2)).toThrow(/a must be/);
  });
});

describe('propagate (universal variables)', () => {
  it('Vallado Example 2-4: 40 min from r0, v0', () => {
    const { r, v } = propagate([1131.34, -2282.343, 6672.423], [-5.64305, 4.30333, 2.42879], 40 * 60, MU_EARTH_KM3S2);
    // Vallado: r = [−4219.7527, 4363.0292, −3958.7666] km, v = [3.689866, −1.916735, −6.112511] km/s.
    expect(relErr(r, [-4219.7527, 4363.0292, -3958.7666])).toBeLessThan(1e-7);
    expect(relErr(v, [3.689866, -1.916735, -6.112511])).toBeLessThan(1e-6);
  });

  it('Curtis (3rd ed.) Example 3.7: 60 min, μ = 398600 → r = [−3297.77, 7413.40, 0] km', () => {
    const { r } = propagate([7000, -12124, 0], [2.6679, 4.621, 0], 3600, 398600);
    expect(relErr(r, [-3297.77, 7413.4, 0])).toBeLessThan(1e-5);
  });

  const stateArb = fc.record({
    r: fc.tuple(fc.double({ min: -5e4, max: 5e4, noNaN: true }), fc.double({ min: -5e4, max: 5e4, noNaN: true }), fc.double({ min: -5e4, max: 5e4, noNaN: true })),
    vScale: fc.double({ min: 0.2, max: 1.8, noNaN: true }), // × circular speed: ellipses and hyperbolae
    dir: fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })),
    dt: fc.double({ min: -2e5, max: 2e5, noNaN: true }),
  }).filter(({ r, dir }) => {
    const c = [r[1] * dir[2] - r[2] * dir[1], r[2] * dir[0] - r[0] * dir[2], r[0] * dir[1] - r[1] * dir[0]];
    // Not rectilinear: the velocity direction is at least ~3° off the radius.
    return Math.hypot(...r) > 6500 && Math.hypot(...dir) > 0.1 && Math.hypot(...c) > 0.05 * Math.hypot(...r) * Math.hypot(...dir);
  });

  function makeState(s: { r: [number, number, number]; vScale: number; dir: [number, number, number] }) {
    const rn = Math.hypot(...s.r);
    const dn = Math.hypot(...s.dir);
    const vc = Math.sqrt(MU_EARTH_KM3S2 / rn) * s.vScale;
    return { r: s.r, v: s.dir.map((d) => (d / dn) * vc) as [number, number, number] };
  }

  it('forward then back returns to the start; energy and angular momentum are conserved', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { r, v } = makeState(s);
        const h0 = stateToElements(r, v, MU_EARTH_KM3S2);
        if (h0.p / (1 + h0.e) < 100) return; // near-rectilinear through the centre: skip
        const fwd = propagate(r, v, s.dt, MU_EARTH_KM3S2);
        const back = propagate(fwd.r, fwd.v, -s.dt, MU_EARTH_KM3S2);
        expect(relErr(back.r, r)).toBeLessThan(1e-9);
        const en = (x: number[], u: number[]) => (u[0] ** 2 + u[1] ** 2 + u[2] ** 2) / 2 - MU_EARTH_KM3S2 / Math.hypot(x[0], x[1], x[2]);
        expect(Math.abs(en(fwd.r, fwd.v) - en(r, v))).toBeLessThan(1e-9 * (Math.abs(en(r, v)) + MU_EARTH_KM3S2 / Math.hypot(...r)));
        expect(Math.abs(stateToElements(fwd.r, fwd.v, MU_EARTH_KM3S2).h / h0.h - 1)).toBeLessThan(1e-9);
      }),
      { numRuns: 1500, seed: 5 },
    );
  });

  it('propagating dt1 then dt2 equals propagating dt1 + dt2 (elliptic, many revolutions)', () => {
    const r = [7000, 1000, -300];
    const v = [-1.0, 7.4, 1.2];
    const once = propagate(r, v, 1e6 + 2.5e5, MU_EARTH_KM3S2);
    const a = propagate(r, v, 1e6, MU_EARTH_KM3S2);
    const twice = propagate(a.r, a.v, 2.5e5, MU_EARTH_KM3S2);
    expect(relErr(once.r, twice.r)).toBeLessThan(1e-9);
  });

  it('dt = 0 returns the same state; wrapPi maps into (−π, π]', () => {
    expect(propagate([7000, 0, 0], [0, 7.5, 0], 0, MU_EARTH_KM3S2).r).toEqual([7000, 0, 0]);
    expect(wrapPi(3 * Math.PI)).toBeCloseTo(Math.PI, 12);
    expect(wrapPi(-Math.PI)).toBe(Math.PI);
  });
});
