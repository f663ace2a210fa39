// `prospector lambert`: solve Lambert's problem between two position vectors (DESIGN §4).
import type { RegisterCommand } from '../command.js';
import { runOutput, withOutputFlags } from '../command.js';
import { fmt, renderTable } from '../format/table.js';
import { InputError, NoSolutionError } from '../../src/errors.js';
import { parseChoice, parseNumber, parseQuantityFlag, parseVector3, readFlags } from '../parse.js';

type V3 = [number, number, number];

export interface LambertResult {
  r1Km: V3;
  r2Km: V3;
  tofS: number;
  muKm3S2: number;
  retrograde: boolean;
  maxRevs: number;
  solver: 'izzo' | 'uv';
  transferAngleDeg: number;
  solutions: Array<{ revs: number; branch: 'single' | 'left' | 'right'; v1: V3; v2: V3; v1KmS: number; v2KmS: number }>;
  warnings: string[];
}

interface Opts {
  r1?: string;
  r2?: string;
  tof?: string;
  mu?: string;
  retrograde?: boolean;
  maxRevs?: string;
  solver?: string;
  json?: boolean;
}

// --mu sun|earth: the μ values of src/astro/constants.ts (sources there).
async function parseMu(text: string | undefined): Promise<number> {
  const { MU_SUN_KM3S2, MU_EARTH_KM3S2 } = await import('../../src/astro/constants.js');
  if (text === undefined) return MU_SUN_KM3S2;
  const t = text.trim().toLowerCase();
  if (t === 'sun') return MU_SUN_KM3S2;
  if (t === 'earth') return MU_EARTH_KM3S2;
  if (t === '') throw new InputError(`--mu: expected sun, earth or a gravitational parameter > 0 in km³/s², got "${text}"`, '--mu');
  // A number in km³/s², or with a unit ("3.986e14 m^3/s^2"); an unreadable word is most likely a body name.
  try {
    return await parseQuantityFlag(text.trim(), 'km^3/s^2', '--mu', { positive: true });
  } catch (err) {
    if (err instanceof InputError && err.message.startsWith('--mu: expected a gravitational parameter in')) {
      throw new InputError(`--mu: expected sun, earth or a gravitational parameter > 0 in km³/s² (a number, or with a unit such as "3.986e14 m^3/s^2"), got "${text}"`, '--mu');
    }
    throw err;
  }
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('lambert')
    .description("solve Lambert's problem: the velocities that carry r1 to r2 in a given time (km, km/s)")
    .option('--r1 <x,y,z>', 'departure position, km')
    .option('--r2 <x,y,z>', 'arrival position, km')
    .option('--tof <time>', 'time of flight: seconds, or with a unit ("10 h", "200 day")')
    .option('--mu <sun|earth|km3/s2>', 'gravitational parameter of the central body, km³/s² or with a unit ("3.986e14 m^3/s^2") (default: sun, 1.32712440018e11)')
    .option('--retrograde', 'transfer with angular momentum along −z (clockwise seen from +z)')
    .option('--max-revs <n>', 'also find arcs with up to n complete revolutions (0–50)', '0')
    .option('--solver <izzo|uv>', "izzo (Izzo 2015, default) or uv (universal variables, the cross-check)", 'izzo')
    .addHelpText(
      'after',
      `
Solutions come 0-revolution first, then a left and a right branch for each N = 1 … --max-revs
that exists. Vectors are in any inertial frame; the output uses the same one.

Examples:
  $ prospector lambert --r1 22592.145603,-1599.915239,-19783.950506 --r2 1922.067697,4054.157051,-8925.727465 --tof "10 h" --mu earth --max-revs 1
  $ prospector lambert --r1 1.5e8,0,0 --r2 0,2.2e8,1e6 --tof "200 day" --json | jq '.result.solutions[0].v1'
`,
    );
  withOutputFlags(cmd, { csv: false });
  cmd.action(async (o: Opts) => {
    setExit(
      await runOutput(ctx, o, async () => {
        // Every given flag is checked before a missing one is reported (readFlags).
        const { r1, r2, tof: tofS, mu: muGiven, maxRevs: maxRevsGiven, solver: solverGiven } = await readFlags(o, {
          r1: { flag: '--r1', parse: parseVector3, required: 'departure position x,y,z in km' },
          r2: { flag: '--r2', parse: parseVector3, required: 'arrival position x,y,z in km' },
          tof: { flag: '--tof', parse: (t, f) => parseQuantityFlag(t, 's', f, { positive: true }), required: 'time of flight, e.g. 36000 or "10 h"' },
          mu: { flag: '--mu', parse: (t) => parseMu(t) },
          maxRevs: { flag: '--max-revs', parse: (t, f) => parseNumber(t, f, { integer: true, min: 0, max: 50 }) },
          solver: { flag: '--solver', parse: (t, f) => parseChoice(t, f, ['izzo', 'uv'] as const) },
        });
        const mu = muGiven ?? (await parseMu(undefined));
        const maxRevs = maxRevsGiven ?? 0;
        const solver = solverGiven ?? 'izzo';
        const retrograde = o.retrograde === true;
        const n1 = Math.hypot(...r1);
        const n2 = Math.hypot(...r2);
        if (n1 === 0) throw new InputError('--r1: the position must not be the origin (the central body)', '--r1');
        if (n2 === 0) throw new InputError('--r2: the position must not be the origin (the central body)', '--r2');
        const { solveLambert, transferSinAngle } = await import('../../src/astro/lambert.js');
        const { izzoMinTofS } = await import('../../src/astro/lambert-izzo.js');
        const { MU_SUN_KM3S2 } = await import('../../src/astro/constants.js');
        if (!(transferSinAngle(r1, r2) > 1e-10)) {
          throw new InputError('--r2: r1 and r2 are collinear with the central body (transfer angle 0° or 180°), so the transfer plane is undefined; move one point slightly out of line', '--r2');
        }
        const warnings: string[] = [];
        // A common unit slip (esa/pykep#85): Earth-orbit positions with the default solar μ.
        if (mu === MU_SUN_KM3S2 && Math.max(n1, n2) < 2e6) {
          warnings.push(`positions are within 2 million km of the centre but μ is the Sun's; for Earth orbits pass --mu earth`);
        }
        const sols = solveLambert(r1, r2, tofS, mu, { retrograde, maxRevs, solver });
        if (sols.length === 0) throw await unresolvedArc(r1, r2, tofS, mu, retrograde, solver);
        const found = sols.reduce((m, s) => Math.max(m, s.revs), 0);
        if (found < maxRevs) {
          const N = found + 1;
          const tmin = izzoMinTofS(r1, r2, N, mu, retrograde);
          warnings.push(
            `no ${N}-revolution solution for this time of flight${Number.isFinite(tmin) ? ` (a ${N}-revolution arc needs at least ${tmin.toPrecision(6)} s)` : ''}; ` +
              `showing ${found === 0 ? 'the 0-revolution arc' : `arcs up to ${found} revolution${found > 1 ? 's' : ''}`}`,
          );
        }
        warnings.push(...(await plausibilityWarnings(r1, r2, mu, sols)));
        const cosA = (r1[0] * r2[0] + r1[1] * r2[1] + r1[2] * r2[2]) / (n1 * n2);
        const hz = r1[0] * r2[1] - r1[1] * r2[0];
        let angle = (Math.acos(Math.max(-1, Math.min(1, cosA))) * 180) / Math.PI;
        // The arc goes the long way when its sense disagrees with r1 × r2 (see lambert-izzo.ts).
        if ((hz < 0) !== retrograde) angle = 360 - angle;
        const result: LambertResult = {
          r1Km: r1,
          r2Km: r2,
          tofS,
          muKm3S2: mu,
          retrograde,
          maxRevs,
          solver,
          transferAngleDeg: angle,
          solutions: sols.map((s) => ({ ...s, v1KmS: Math.hypot(...s.v1), v2KmS: Math.hypot(...s.v2) })),
          warnings,
        };
        return { result, warnings, text: (r, s) => renderLambert(r, s.bold) };
      }),
    );
  });
};

/** Speed of light in vacuum, km/s: exact by the definition of the metre (CGPM 1983). */
const C_KMS = 299792.458;
/** Nominal solar radius, km: IAU 2015 Resolution B3. */
const R_SUN_KM = 695700;

/**
 * Warnings for answers that are arithmetic but not physics: arcs faster than light (positions in
 * the wrong unit, a tof in ms…), points inside the central body, and, about the Earth, points
 * beyond its Hill sphere where the Sun's pull dominates and an Earth two-body arc means little.
 */
async function plausibilityWarnings(r1: V3, r2: V3, mu: number, sols: Array<{ v1: V3; v2: V3 }>): Promise<string[]> {
  const { MU_SUN_KM3S2, MU_EARTH_KM3S2, R_EARTH_KM, AU_KM } = await import('../../src/astro/constants.js');
  const out: string[] = [];
  const fastest = Math.max(...sols.flatMap((x) => [Math.hypot(...x.v1), Math.hypot(...x.v2)]));
  if (fastest > C_KMS) {
    out.push(
      `the arc${sols.length > 1 ? 's need' : ' needs'} speeds up to ${fastest.toPrecision(4)} km/s, ${(fastest / C_KMS).toPrecision(3)} × the speed of light: ` +
        'not a physical transfer (Newtonian two-body mechanics does not apply); check the units: positions in km, --tof in s or with a unit, --mu in km³/s²',
    );
  }
  const body = mu === MU_EARTH_KM3S2 ? { name: 'the Earth', radiusKm: R_EARTH_KM } : mu === MU_SUN_KM3S2 ? { name: 'the Sun', radiusKm: R_SUN_KM } : null;
  if (body) {
    for (const [flag, r] of [['--r1', r1], ['--r2', r2]] as const) {
      const n = Math.hypot(...r);
      if (n < body.radiusKm) out.push(`${flag} is inside ${body.name} (|r| = ${n.toPrecision(6)} km < radius ${body.radiusKm} km): no trajectory passes there`);
    }
  }
  if (mu === MU_EARTH_KM3S2) {
    // Hill radius a·(m/3M)^(1/3) at 1 AU ≈ 1.50 million km (μ ratio from constants.ts).
    const hillKm = AU_KM * Math.cbrt(MU_EARTH_KM3S2 / (3 * MU_SUN_KM3S2));
    const far = Math.max(Math.hypot(...r1), Math.hypot(...r2));
    if (far > hillKm) out.push(`a position is ${(far / 1e6).toPrecision(3)} million km from the Earth, beyond its Hill sphere (${(hillKm / 1e6).toPrecision(3)} million km) where the Sun's pull dominates: an Earth two-body arc does not describe the motion there`);
  }
  return out;
}

/**
 * Every geometry has a 0-revolution arc for every tof > 0 (hyperbolic when the tof is shorter than
 * the parabolic one), so an empty answer is a limit of floating-point arithmetic, and the message
 * says which and by how much instead of "no transfer".
 */
async function unresolvedArc(r1: V3, r2: V3, tofS: number, mu: number, retrograde: boolean, solver: 'izzo' | 'uv'): Promise<NoSolutionError> {
  const { izzoNondimensionalTof } = await import('../../src/astro/lambert-izzo.js');
  const nd = izzoNondimensionalTof(r1, r2, tofS, mu, retrograde);
  const chordKm = Math.hypot(r2[0] - r1[0], r2[1] - r1[1], r2[2] - r1[2]);
  const shorter = nd.parabolicT / nd.T;
  if (!(shorter > 1)) {
    return new NoSolutionError(`--tof: the ${solver} solver found no 0-revolution arc for ${tofS} s although one exists for every time of flight (an elliptic one here); this is a solver failure — please report it with these inputs`, '--tof');
  }
  const why =
    solver === 'izzo'
      ? `Izzo's variable x ≈ (1 − λ|λ|)/T would exceed ~1e154, where x² overflows (nondimensional T = ${nd.T.toPrecision(3)}; the solver reaches down to T ≈ 1e-154)`
      : 'the universal-variable y(z) = r1 + r2 + A(zS − 1)/√C is a difference that falls below 1e-8·(r1 + r2) for arcs this fast and keeps too few digits for the velocities; --solver izzo reaches far shorter times';
  return new NoSolutionError(
    `--tof: a hyperbolic 0-revolution arc exists (${tofS} s is ${shorter.toPrecision(3)} × shorter than the parabolic transfer, ${nd.parabolicTofS.toPrecision(4)} s; ` +
      `it would cross the ${chordKm.toPrecision(4)} km chord at about ${(chordKm / tofS).toPrecision(3)} km/s), but the ${solver} solver cannot resolve it in double precision: ${why}`,
    '--tof',
  );
}

function renderLambert(r: LambertResult, bold: (s: string) => string): string {
  const v = (x: V3) => x.map((c) => fmt(c, 6)).join(', ');
  const head =
    `Lambert (${r.solver}), tof ${r.tofS} s, μ ${r.muKm3S2} km³/s², ${r.retrograde ? 'retrograde' : 'prograde'}, ` +
    `transfer angle ${fmt(r.transferAngleDeg, 3)}° (+ 360° per revolution)\n\n`;
  return (
    head +
    renderTable(
      r.solutions,
      [
        { header: 'revs', value: (s) => String(s.revs) },
        { header: 'branch', value: (s) => s.branch, align: 'left' },
        { header: 'v1 (km/s)', value: (s) => v(s.v1) },
        { header: '|v1|', value: (s) => fmt(s.v1KmS, 6) },
        { header: 'v2 (km/s)', value: (s) => v(s.v2) },
        { header: '|v2|', value: (s) => fmt(s.v2KmS, 6) },
      ],
      { header: bold },
    )
  );
}
