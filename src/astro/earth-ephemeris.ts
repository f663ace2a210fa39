/**
 * Earth's heliocentric state (astronomy-engine: VSOP87 Earth–Moon barycentre plus its lunar
 * theory), in km and km/s, ecliptic J2000. astronomy-engine works in equatorial J2000 (EQJ) with
 * AU and AU/day, on a TT day count from J2000; we feed it our TDB date as TT (they differ by
 * < 2 ms, i.e. < 60 m of Earth motion).
 *
 * Frame: DESIGN §1 says to rotate with astronomy-engine's Rotation_EQJ_ECL, but that matrix uses
 * the IAU 2006 obliquity (84381.406″) while JPL's ecliptic — the frame of every SBDB/MPC element
 * set we propagate — uses 84381.448″. The 0.042″ mismatch is ~30 km at 1 AU; we rotate with
 * JPL's obliquity (frames.ts) so Earth and asteroids share one frame.
 */
import { AstroTime, Body, HelioState } from 'astronomy-engine';
import { AU_KM, DAY_S, JD_J2000, OBLIQUITY_J2000_RAD } from './constants.js';
import type { Vec3 } from './vec.js';

const COS_E = Math.cos(OBLIQUITY_J2000_RAD);
const SIN_E = Math.sin(OBLIQUITY_J2000_RAD);
// Equatorial → ecliptic: rotation about x by +ε.
const R00 = 1, R01 = 0, R02 = 0;
const R10 = 0, R11 = COS_E, R12 = SIN_E;
const R20 = 0, R21 = -SIN_E, R22 = COS_E;
const KM_S_PER_AU_DAY = AU_KM / DAY_S;

/** Writes Earth's state at `jdTdb` into out[offset..offset+5] (km, km/s, ecliptic J2000). */
export function earthStateInto(jdTdb: number, out: Float64Array | number[], offset = 0): void {
  const s = HelioState(Body.Earth, AstroTime.FromTerrestrialTime(jdTdb - JD_J2000));
  const x = s.x, y = s.y, z = s.z, vx = s.vx, vy = s.vy, vz = s.vz;
  out[offset] = (R00 * x + R01 * y + R02 * z) * AU_KM;
  out[offset + 1] = (R10 * x + R11 * y + R12 * z) * AU_KM;
  out[offset + 2] = (R20 * x + R21 * y + R22 * z) * AU_KM;
  out[offset + 3] = (R00 * vx + R01 * vy + R02 * vz) * KM_S_PER_AU_DAY;
  out[offset + 4] = (R10 * vx + R11 * vy + R12 * vz) * KM_S_PER_AU_DAY;
  out[offset + 5] = (R20 * vx + R21 * vy + R22 * vz) * KM_S_PER_AU_DAY;
}

/** Earth heliocentric state at a TDB Julian date: km and km/s, ecliptic J2000. */
export function earthState(jdTdb: number): { r: Vec3; v: Vec3 } {
  const o = [0, 0, 0, 0, 0, 0];
  earthStateInto(jdTdb, o);
  return { r: [o[0], o[1], o[2]], v: [o[3], o[4], o[5]] };
}

/** Earth states at many dates: 6 numbers per date (x, y, z, vx, vy, vz), km and km/s. */
export function earthStatesAt(jdTdb: Float64Array | readonly number[]): Float64Array {
  const out = new Float64Array(jdTdb.length * 6);
  for (let i = 0; i < jdTdb.length; i++) earthStateInto(jdTdb[i], out, 6 * i);
  return out;
}
