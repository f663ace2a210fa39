/**
 * States of Earth and of a target on a date lattice, evaluated once per date so that grids never
 * call an ephemeris per cell (DESIGN §2.2: astronomy-engine ~4 µs per call, cache on the grid).
 */
import { earthStatesAt } from '../astro/earth-ephemeris.js';
import { orbitStatesAt, type OrbitElements } from '../astro/orbit.js';

/** What a trajectory needs to know about its target. `Asteroid` from the catalog satisfies it. */
export interface TrajectoryTarget {
  designation: string;
  name?: string;
  orbit: OrbitElements;
  /** MPC orbit uncertainty parameter (0–9), when known. */
  u?: number | null;
}

export type Body = 'earth' | TrajectoryTarget;

/** jd0, jd0 + step, …, n dates. */
export function lattice(jd0: number, stepDays: number, n: number): Float64Array {
  const out = new Float64Array(Math.max(0, n));
  for (let i = 0; i < out.length; i++) out[i] = jd0 + i * stepDays;
  return out;
}

/** 6 numbers per date (km, km/s, heliocentric ecliptic J2000). */
export function statesAt(body: Body, jdTdb: Float64Array): Float64Array {
  return body === 'earth' ? earthStatesAt(jdTdb) : orbitStatesAt(body.orbit, jdTdb);
}

/** Inclination above 90° means the target goes round the Sun the other way: solve Lambert retrograde. */
export function isRetrograde(target: TrajectoryTarget): boolean {
  return target.orbit.iDeg > 90;
}
