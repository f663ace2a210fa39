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
  const v = Number(t);
  if (t === '' || !Number.isFinite(v) || v <= 0) {
    throw new InputError(`--mu: expected sun, earth or a gravitational parameter > 0 in km³/s², got "${text}"`, '--mu');
  }
  return v;
}

export const register: RegisterCommand = (program, ctx, setExit) => {
  const cmd = program
    .command('lambert')
    .description("solve Lambert's problem: the velocities that carry r1 to r2 in a given time (km, km/s)")
    .option('--r1 <x,y,z>', 'departure position, km')
    .option('--r2 <x,y,z>', 'arrival position, km')
    .option('--tof <time>', 'time of flight: seconds, or with a unit ("10 h", "200 day")')
    .option('--mu <sun|earth|km3/s2>', 'gravitational parameter of the central body (default: sun, 1.32712440018e11)')
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
        if (sols.length === 0) {
          throw new NoSolutionError(`no transfer found for this time of flight (${tofS} s)`, '--tof');
        }
        const found = sols.reduce((m, s) => Math.max(m, s.revs), 0);
        if (found < maxRevs) {
          const N = found + 1;
          const tmin = izzoMinTofS(r1, r2, N, mu, retrograde);
          warnings.push(
            `no ${N}-revolution solution for this time of flight${Number.isFinite(tmin) ? ` (a ${N}-revolution arc needs at least ${tmin.toPrecision(6)} s)` : ''}; ` +
              `showing ${found === 0 ? 'the 0-revolution arc' : `arcs up to ${found} revolution${found > 1 ? 's' : ''}`}`,
          );
        }
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
