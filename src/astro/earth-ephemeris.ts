/**
 * Earth's heliocentric state (Earth–Moon system split by astronomy-engine's VSOP87 + lunar
 * theory), in km and km/s, ecliptic J2000. astronomy-engine works in equatorial J2000 (EQJ) with
 * AU and AU/day, on a TT day count from J2000; we feed it our TDB date as TT (they differ by
 * < 2 ms, i.e. < 60 m of Earth motion).
 */
import { AstroTime, Body, HelioState, Rotation_EQJ_ECL } from 'astronomy-engine';
import { AU_KM, DAY_S, JD_J2000 } from './constants.js';
import type { Vec3 } from './vec.js';

const R = Rotation_EQJ_ECL().rot;
// astronomy-engine's matrices are column-major in the sense rot[j][i] premultiplies: out_i = Σ_j rot[j][i]·v_j.
const R00 = R[0][0], R01 = R[1][0], R02 = R[2][0];
const R10 = R[0][1], R11 = R[1][1], R12 = R[2][1];
const R20 = R[0][2], R21 = R[1][2], R22 = R[2][2];
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
