/**
 * Full description of one ballistic leg (dates, end states, Lambert velocities, v∞ vectors): what
 * the trip report prints and what the propulsion models (MIMA/Damon) start from.
 */
import { DAY_S, MU_SUN_KM3S2, OBLIQUITY_J2000_RAD } from '../astro/constants.js';
import { izzoSolveInto } from '../astro/lambert-izzo.js';
import { isoOf as jdToIso } from './dates.js';
import type { Vec3 } from '../astro/vec.js';
import { solutionBranch, solutionRevs } from './leg-grid.js';

export interface LegDetail {
  departJd: number;
  arriveJd: number;
  /** UTC ISO 8601. */
  depart: string;
  arrive: string;
  tofDays: number;
  revs: number;
  branch: 'single' | 'left' | 'right';
  /** Departure body state (km, km/s, heliocentric ecliptic J2000). */
  r1: Vec3;
  vBody1: Vec3;
  /** Arrival body state. */
  r2: Vec3;
  vBody2: Vec3;
  /** Transfer-orbit velocities at departure and arrival (Lambert solution). */
  v1: Vec3;
  v2: Vec3;
  /** v1 − vBody1 and v2 − vBody2. */
  vInfDep: Vec3;
  vInfArr: Vec3;
  vInfDepKmS: number;
  vInfArrKmS: number;
  /** Declination of the departure asymptote, equatorial J2000, degrees. */
  declinationDepDeg: number;
}

const sub3 = (a: Float64Array | number[], ao: number, b: Float64Array | number[], bo: number): Vec3 => [a[ao] - b[bo], a[ao + 1] - b[bo + 1], a[ao + 2] - b[bo + 2]];
const n3 = (v: Vec3) => Math.hypot(v[0], v[1], v[2]);

/**
 * Re-solves the leg between two states and returns solution `sol` (Izzo order); null if that
 * solution does not exist (it always does for a cell the grid reported).
 */
export function legDetail(
  depState: ArrayLike<number>,
  arrState: ArrayLike<number>,
  departJd: number,
  tofDays: number,
  sol: number,
  retrograde: boolean,
): LegDetail | null {
  const revs = solutionRevs(sol);
  const buf = new Float64Array(6 * (2 * revs + 1));
  const r1 = Float64Array.from([depState[0], depState[1], depState[2]]);
  const r2 = Float64Array.from([arrState[0], arrState[1], arrState[2]]);
  const n = izzoSolveInto(r1, r2, tofDays * DAY_S, MU_SUN_KM3S2, retrograde, revs, buf);
  if (sol >= n) return null;
  const o = 6 * sol;
  const v1: Vec3 = [buf[o], buf[o + 1], buf[o + 2]];
  const v2: Vec3 = [buf[o + 3], buf[o + 4], buf[o + 5]];
  const vb1: Vec3 = [depState[3], depState[4], depState[5]];
  const vb2: Vec3 = [arrState[3], arrState[4], arrState[5]];
  const vInfDep = sub3(v1, 0, vb1, 0);
  const vInfArr = sub3(v2, 0, vb2, 0);
  const vd = n3(vInfDep);
  const zEq = vInfDep[1] * Math.sin(OBLIQUITY_J2000_RAD) + vInfDep[2] * Math.cos(OBLIQUITY_J2000_RAD);
  return {
    departJd,
    arriveJd: departJd + tofDays,
    depart: jdToIso(departJd),
    arrive: jdToIso(departJd + tofDays),
    tofDays,
    revs,
    branch: solutionBranch(sol),
    r1: [r1[0], r1[1], r1[2]],
    vBody1: vb1,
    r2: [r2[0], r2[1], r2[2]],
    vBody2: vb2,
    v1,
    v2,
    vInfDep,
    vInfArr,
    vInfDepKmS: vd,
    vInfArrKmS: n3(vInfArr),
    declinationDepDeg: vd > 0 ? (Math.asin(Math.max(-1, Math.min(1, zEq / vd))) * 180) / Math.PI : 0,
  };
}
