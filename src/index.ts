/**
 * Prospector's public library API (package.json "exports" "."). Engine units: km, km/s, s, kg,
 * W, radians; epochs are TDB Julian dates; frame heliocentric ecliptic J2000; vectors [x, y, z].
 * Each domain appends its exports below its own heading.
 */

// astro: constants, time, frames, ephemerides, Kepler, Lambert
export * from './astro/constants.js';
export type { Vec3 } from './astro/vec.js';
export {
  dateToJdUtc, jdUtcToDate, utcToTdb, tdbToUtc, dateToJdTdb, jdTdbToDate, jdToIso, jdToIsoDate,
  parseIsoToJdTdb, unpackMpcEpoch, taiMinusUtc,
} from './astro/time.js';
export { eclipticToEquatorial, equatorialToEcliptic } from './astro/frames.js';
export { earthState, earthStatesAt } from './astro/earth-ephemeris.js';
export { solveKepler, elementsToState, stateToElements, propagate, type KeplerElements, type StateElements } from './astro/kepler.js';
export { orbitState, orbitStatesAt, heliocentricDistanceAu, orbitalPeriodDays, type OrbitElements } from './astro/orbit.js';
export { solveLambert, type LambertOptions, type LambertSolution, type LambertSolver } from './astro/lambert.js';
export { izzoSolveInto } from './astro/lambert-izzo.js';
export { propagationWarnings, closestEarthApproach } from './astro/propagation-warnings.js';
