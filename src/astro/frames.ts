/**
 * Equatorial J2000 (ICRF axes) ↔ ecliptic J2000: a rotation about x by the J2000 obliquity
 * ε = 84381.448″ (IAU 1976), the obliquity JPL uses for SBDB/Horizons ecliptic elements and that
 * astronomy-engine's Rotation_EQJ_ECL uses. The ~0.02″ frame bias between ICRF and the dynamical
 * J2000 equator is ignored (≈ 15 km at 1 AU).
 */
import { OBLIQUITY_J2000_RAD } from './constants.js';
import type { Vec3 } from './vec.js';

const COS_E = Math.cos(OBLIQUITY_J2000_RAD);
const SIN_E = Math.sin(OBLIQUITY_J2000_RAD);

export function eclipticToEquatorial(v: readonly number[]): Vec3 {
  return [v[0], COS_E * v[1] - SIN_E * v[2], SIN_E * v[1] + COS_E * v[2]];
}

export function equatorialToEcliptic(v: readonly number[]): Vec3 {
  return [v[0], COS_E * v[1] + SIN_E * v[2], -SIN_E * v[1] + COS_E * v[2]];
}

/** In-place rotation of packed 6-number states (x,y,z,vx,vy,vz per record) ecliptic → equatorial. */
export function eclipticToEquatorialStates(states: Float64Array): Float64Array {
  for (let k = 0; k + 2 < states.length; k += 3) {
    const y = states[k + 1];
    const z = states[k + 2];
    states[k + 1] = COS_E * y - SIN_E * z;
    states[k + 2] = SIN_E * y + COS_E * z;
  }
  return states;
}
