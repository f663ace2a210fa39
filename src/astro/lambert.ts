/**
 * Lambert's problem, API form: validates input, picks the solver, returns every solution with
 * its revolution count and branch. Grids should call `izzoSolveInto` directly (no allocation).
 */
import { InputError } from '../errors.js';
import { izzoSolveInto } from './lambert-izzo.js';
import { uvSolve, type LambertSolution } from './lambert-uv.js';

export type { LambertSolution } from './lambert-uv.js';
export type LambertSolver = 'izzo' | 'uv';

export interface LambertOptions {
  /** Transfer with angular momentum along −z (clockwise seen from +z). Default false. */
  retrograde?: boolean;
  /** Largest number of complete revolutions to consider. Default 0. */
  maxRevs?: number;
  /** Default 'izzo'; 'uv' is the independent universal-variable solver. */
  solver?: LambertSolver;
}

/** Largest maxRevs accepted (beyond this the arcs are of no practical use and the output is huge). */
export const MAX_LAMBERT_REVS = 50;

function checkVec(v: readonly number[], field: string): void {
  if (!Array.isArray(v) && !(v instanceof Float64Array)) throw new InputError(`${field}: expected a 3-vector [x, y, z] in km`, field);
  if (v.length !== 3 || !(Number.isFinite(v[0]) && Number.isFinite(v[1]) && Number.isFinite(v[2]))) {
    throw new InputError(`${field}: expected a 3-vector of finite numbers [x, y, z] in km`, field);
  }
  if (v[0] === 0 && v[1] === 0 && v[2] === 0) throw new InputError(`${field}: position must not be the origin (the central body)`, field);
}

/**
 * Solves Lambert's problem from r1 to r2 (km) in `tofS` seconds about a body with gravitational
 * parameter `mu` (km³/s²). Returns 0-rev first, then (left, right) pairs for N = 1 … maxRevs that
 * exist; an empty array when no arc has that time of flight. Throws InputError for malformed
 * input or geometry that has no defined transfer plane (coincident or collinear r1, r2).
 */
export function solveLambert(
  r1: readonly number[], r2: readonly number[], tofS: number, mu: number, opts: LambertOptions = {},
): LambertSolution[] {
  checkVec(r1, 'r1');
  checkVec(r2, 'r2');
  if (!(typeof tofS === 'number' && Number.isFinite(tofS) && tofS > 0)) throw new InputError(`tof: expected a time of flight > 0 s, got ${tofS}`, 'tof');
  if (!(typeof mu === 'number' && Number.isFinite(mu) && mu > 0)) throw new InputError(`mu: expected a gravitational parameter > 0 km³/s², got ${mu}`, 'mu');
  const maxRevs = opts.maxRevs ?? 0;
  if (!Number.isInteger(maxRevs) || maxRevs < 0 || maxRevs > MAX_LAMBERT_REVS) {
    throw new InputError(`maxRevs: expected a whole number 0…${MAX_LAMBERT_REVS}, got ${maxRevs}`, 'maxRevs');
  }
  const sinAngle = transferSinAngle(r1, r2);
  if (!(sinAngle > 1e-10)) {
    throw new InputError(
      'r1, r2: the positions are collinear with the central body (transfer angle 0° or 180°), so the transfer plane is undefined',
      'r2',
    );
  }
  const retrograde = opts.retrograde ?? false;
  const solver = opts.solver ?? 'izzo';
  if (solver === 'uv') return uvSolve(r1, r2, tofS, mu, retrograde, maxRevs);
  if (solver !== 'izzo') throw new InputError(`solver: expected izzo or uv, got ${String(solver)}`, 'solver');
  const out = new Float64Array(6 * (1 + 2 * maxRevs));
  const n = izzoSolveInto(r1, r2, tofS, mu, retrograde, maxRevs, out);
  const sols: LambertSolution[] = [];
  // The 0-rev arc always exists for a valid geometry; N-rev pairs follow.
  for (let k = 0; k < n; k++) {
    const o = 6 * k;
    const revs = k === 0 ? 0 : Math.ceil(k / 2);
    const branch = k === 0 ? 'single' : k % 2 === 1 ? 'left' : 'right';
    sols.push({ revs, branch, v1: [out[o], out[o + 1], out[o + 2]], v2: [out[o + 3], out[o + 4], out[o + 5]] });
  }
  return sols;
}

/** |sin| of the angle between r1 and r2 (0 when collinear). */
export function transferSinAngle(r1: readonly number[], r2: readonly number[]): number {
  const cx = r1[1] * r2[2] - r1[2] * r2[1];
  const cy = r1[2] * r2[0] - r1[0] * r2[2];
  const cz = r1[0] * r2[1] - r1[1] * r2[0];
  return Math.hypot(cx, cy, cz) / (Math.hypot(r1[0], r1[1], r1[2]) * Math.hypot(r2[0], r2[1], r2[2]));
}
