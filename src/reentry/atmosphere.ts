/**
 * Earth atmospheres for entry: an isothermal exponential model and the U.S. Standard Atmosphere
 * 1976 (NOAA-S/T 76-1562, NASA-TM-X-74335).
 *
 * US-76 below 86 km is computed from its defining equations (seven geopotential layers with
 * linear molecular-scale temperature, hydrostatic pressure). Above 86 km the standard is defined by
 * species diffusion; we interpolate its printed Table I densities (geometric altitude, 1–2 km
 * spacing to 150 km, 5–50 km above) log-linearly, which stays within the table's 4-figure
 * precision at the nodes, and take the kinetic temperature from the standard's closed forms
 * (isothermal 86–91 km, elliptical 91–110 km, linear 110–120 km, exponential approach to
 * T∞ = 1000 K above). The exponential model has no temperature of its own; for Mach numbers we
 * use the US-76 temperature at the same height (stated in the entry result's assumptions).
 */
import { G0_MS2 } from '../astro/constants.js';

export type AtmosphereModel = 'exponential' | 'us76';

export interface AtmosphereSample {
  densityKgM3: number;
  /** Kinetic temperature, K. */
  temperatureK: number;
  /** Speed of sound √(γ R* T_M / M0), m/s (γ = 1.4, sea-level molar mass; nominal above 86 km). */
  speedOfSoundMS: number;
}

/** Exponential atmosphere: ρ0 = 1.225 kg/m³ (US-76 sea level), H = 7.2 km (DESIGN §2.6). */
export const EXPONENTIAL_RHO0_KGM3 = 1.225;
export const EXPONENTIAL_SCALE_HEIGHT_KM = 7.2;

// US-76 defining constants (NOAA-S/T 76-1562, Part 1, §1.2–1.3).
const R_STAR = 8314.32; // J kmol⁻¹ K⁻¹
const M0 = 28.9644; // kg/kmol
const R0_KM = 6356.766; // radius for geopotential altitude, km
const GAMMA = 1.4;
/** g0·M0/R*, K per geopotential km. */
const GMR = (G0_MS2 * M0) / R_STAR * 1000;

// Layers: base geopotential altitude km', base molecular-scale temperature K, lapse K/km', base pressure Pa.
const LAYER_H = [0, 11, 20, 32, 47, 51, 71, 84.852];
const LAYER_T = [288.15, 216.65, 216.65, 228.65, 270.65, 270.65, 214.65];
const LAYER_L = [-6.5, 0, 1.0, 2.8, 0, -2.8, -2.0];
const LAYER_P = [101325.0, 22632.06, 5474.889, 868.0187, 110.9063, 66.93887, 3.95642];

// US-76 Table I density above 86 km (geometric km, kg/m³), as printed.
const UPPER_Z_KM = [
  86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 122, 124,
  126, 128, 130, 132, 134, 136, 138, 140, 142, 144, 146, 148, 150, 160, 170, 180, 190, 200, 250, 300, 400, 500,
];
const UPPER_RHO = [
  6.958e-6, 5.824e-6, 4.875e-6, 4.081e-6, 3.416e-6, 2.86e-6, 2.393e-6, 2.0e-6, 1.67e-6, 1.393e-6, 1.162e-6, 9.685e-7,
  8.071e-7, 6.725e-7, 5.604e-7, 3.935e-7, 2.769e-7, 1.954e-7, 1.381e-7, 9.708e-8, 6.838e-8, 4.975e-8, 3.72e-8, 2.847e-8,
  2.222e-8, 1.767e-8, 1.428e-8, 1.171e-8, 9.717e-9, 8.152e-9, 6.904e-9, 5.897e-9, 5.074e-9, 4.396e-9, 3.831e-9, 3.358e-9,
  2.958e-9, 2.618e-9, 2.326e-9, 2.076e-9, 1.233e-9, 7.815e-10, 5.194e-10, 3.581e-10, 2.541e-10, 6.073e-11, 1.916e-11,
  2.803e-12, 5.215e-13,
];
const UPPER_LN_RHO = UPPER_RHO.map(Math.log);

function soundSpeed(tK: number): number {
  return Math.sqrt((GAMMA * R_STAR * tK) / M0);
}

/** US-76 kinetic temperature above 86 km (geometric km), from the standard's closed forms. */
function upperTemperatureK(zKm: number): number {
  if (zKm < 91) return 186.8673;
  if (zKm < 110) {
    const u = (zKm - 91) / -19.9429;
    return 263.1905 - 76.3232 * Math.sqrt(Math.max(0, 1 - u * u));
  }
  if (zKm < 120) return 240 + 12 * (zKm - 110);
  const xi = ((zKm - 120) * (R0_KM + 120)) / (R0_KM + zKm);
  return 1000 - 640 * Math.exp(-0.01875 * xi);
}

/**
 * US-76 at geometric altitude `altitudeKm` into `out` without allocating: out[0] density kg/m³,
 * out[1] kinetic temperature K, out[2] speed of sound m/s. Clamped to ≥ 0 km; above 500 km the
 * last table slope is extrapolated.
 */
export function us76Into(altitudeKm: number, out: Float64Array | number[]): void {
  const z = altitudeKm > 0 ? altitudeKm : 0;
  if (z < 86) {
    const h = (R0_KM * z) / (R0_KM + z);
    let i = 0;
    while (i < 6 && h >= LAYER_H[i + 1]) i++;
    const dh = h - LAYER_H[i];
    const tb = LAYER_T[i];
    const lb = LAYER_L[i];
    const tm = tb + lb * dh;
    const p = lb === 0 ? LAYER_P[i] * Math.exp((-GMR * dh) / tb) : LAYER_P[i] * Math.pow(tb / tm, GMR / lb);
    // Kinetic temperature equals T_M below 80 km; between 80 and 86 km the molar-mass ratio
    // differs from 1 by < 4.3e-4 (Table 8), negligible here.
    out[0] = (p * M0) / (R_STAR * tm);
    out[1] = tm;
    out[2] = soundSpeed(tm);
    return;
  }
  const n = UPPER_Z_KM.length;
  let j = 0;
  if (z >= UPPER_Z_KM[n - 1]) j = n - 2;
  else while (z >= UPPER_Z_KM[j + 1]) j++;
  const f = (z - UPPER_Z_KM[j]) / (UPPER_Z_KM[j + 1] - UPPER_Z_KM[j]);
  const t = upperTemperatureK(z);
  out[0] = Math.exp(UPPER_LN_RHO[j] + f * (UPPER_LN_RHO[j + 1] - UPPER_LN_RHO[j]));
  out[1] = t;
  out[2] = soundSpeed(t);
}

const scratch = new Float64Array(3);

/** US Standard Atmosphere 1976 at geometric altitude `altitudeKm`. */
export function us76(altitudeKm: number): AtmosphereSample {
  us76Into(altitudeKm, scratch);
  return { densityKgM3: scratch[0], temperatureK: scratch[1], speedOfSoundMS: scratch[2] };
}

/** Isothermal exponential atmosphere ρ = ρ0·exp(−h/H); temperature and sound speed from US-76. */
export function exponentialAtmosphere(
  altitudeKm: number,
  rho0KgM3 = EXPONENTIAL_RHO0_KGM3,
  scaleHeightKm = EXPONENTIAL_SCALE_HEIGHT_KM,
): AtmosphereSample {
  const std = us76(altitudeKm);
  return { densityKgM3: rho0KgM3 * Math.exp(-Math.max(0, altitudeKm) / scaleHeightKm), temperatureK: std.temperatureK, speedOfSoundMS: std.speedOfSoundMS };
}

/** Density only (the hot path of the entry integrator). */
export function densityKgM3(model: AtmosphereModel, altitudeKm: number): number {
  if (model === 'exponential') return EXPONENTIAL_RHO0_KGM3 * Math.exp(-Math.max(0, altitudeKm) / EXPONENTIAL_SCALE_HEIGHT_KM);
  us76Into(altitudeKm, scratch);
  return scratch[0];
}

export function atmosphere(model: AtmosphereModel, altitudeKm: number): AtmosphereSample {
  return model === 'exponential' ? exponentialAtmosphere(altitudeKm) : us76(altitudeKm);
}

// Hot-path US-76: ln ρ and sound speed tabulated every 0.05 km from 0 to 200 km (built once from
// us76Into), interpolated linearly. Cells holding a layer base (a kink in ln ρ) or the 86 km
// seam are evaluated exactly; elsewhere the table stays within 1e-5 relative of the defining
// equations (test/reentry/atmosphere).
const FAST_STEP_KM = 0.05;
const FAST_TOP_KM = 200;
let fastLnRho: Float64Array | undefined;
let fastSound: Float64Array | undefined;
let fastExact: Uint8Array | undefined;

function buildFast(): void {
  const n = Math.round(FAST_TOP_KM / FAST_STEP_KM) + 1;
  const lr = new Float64Array(n);
  const a = new Float64Array(n);
  const o = new Float64Array(3);
  for (let k = 0; k < n; k++) {
    us76Into(k * FAST_STEP_KM, o);
    lr[k] = Math.log(o[0]);
    a[k] = o[2];
  }
  const exact = new Uint8Array(n);
  for (const hb of LAYER_H.slice(1)) {
    const zb = (R0_KM * hb) / (R0_KM - hb); // geopotential → geometric
    exact[Math.min(n - 1, Math.floor(zb / FAST_STEP_KM))] = 1;
  }
  exact[Math.round(86 / FAST_STEP_KM) - 1] = 1;
  fastLnRho = lr;
  fastSound = a;
  fastExact = exact;
}

/** US-76 density (out[0]) and speed of sound (out[2]) from the fine table; exact above 200 km. */
export function us76FastInto(altitudeKm: number, out: Float64Array): void {
  if (!fastLnRho) buildFast();
  const z = altitudeKm > 0 ? altitudeKm : 0;
  if (z >= FAST_TOP_KM) {
    us76Into(z, out);
    return;
  }
  const x = z / FAST_STEP_KM;
  const k = Math.floor(x);
  if (fastExact![k] === 1) {
    us76Into(z, out);
    return;
  }
  const f = x - k;
  const lr = fastLnRho!;
  const a = fastSound!;
  out[0] = Math.exp(lr[k] + f * (lr[k + 1] - lr[k]));
  out[2] = a[k] + f * (a[k + 1] - a[k]);
}
