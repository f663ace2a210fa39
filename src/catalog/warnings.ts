/**
 * What a user should know before trusting a catalog entry: orbit age, orbit quality, whether the
 * quick Δv applies, how the size was obtained.
 */
import { AU_KM, DAY_S, JULIAN_YEAR_DAYS, MU_SUN_KM3S2 } from '../astro/constants.js';
import type { Asteroid } from './types.js';

/** Orbits older than this (days from the epoch) get a stale-epoch warning. */
export const STALE_EPOCH_DAYS = 365;
/** MPC U ≥ 5: the orbit is poorly determined (MPC, "Uncertainty parameter U": 5 ≈ 0.5–1.4° per decade in mean anomaly). */
export const HIGH_U = 5;

/**
 * Along-track drift (km per year) that an error δa in the semi-major axis causes: the mean motion
 * n ∝ a^(−3/2) is off by δn = 1.5·n·δa/a, so the body runs ahead or behind by a·δn per unit time.
 */
export function roundingDriftKmPerYear(aAu: number, deltaAAu: number): number {
  const aKm = aAu * AU_KM;
  const nRadS = Math.sqrt(MU_SUN_KM3S2 / aKm ** 3);
  return aKm * 1.5 * nRadS * (deltaAAu / aAu) * DAY_S * JULIAN_YEAR_DAYS;
}

export function epochAgeDays(a: Pick<Asteroid, 'orbit'>, nowJd: number): number {
  return nowJd - a.orbit.epochJd;
}

/**
 * Warnings for one catalog entry. `nowJd` is the date the epoch age is counted to (Julian date;
 * the caller's "today" — the engine never reads the clock).
 */
export function targetWarnings(a: Asteroid, nowJd: number): string[] {
  const w: string[] = [];
  const age = epochAgeDays(a, nowJd);
  if (Math.abs(age) > STALE_EPOCH_DAYS) {
    w.push(
      `stale orbit: epoch is ${(Math.abs(age) / 365.25).toFixed(1)} years ${age > 0 ? 'old' : 'in the future'}; two-body propagation from it drifts (perturbations), so use --catalog with a fresh MPC/SBDB export for trajectory work`,
    );
  }
  if (a.aRoundingAu !== undefined && a.aRoundingAu > 0) {
    const drift = roundingDriftKmPerYear(a.orbit.aAu, a.aRoundingAu);
    w.push(
      `coarse orbit: its source prints a to ±${a.aRoundingAu} AU, so two-body positions drift up to ~${drift >= 1e5 ? `${(drift / 1e6).toFixed(1)} million` : Math.round(drift).toLocaleString('en')} km per year from the epoch on rounding alone; fine for ranking, use --catalog with a full-precision orbit for trajectory work`,
    );
  }
  if (typeof a.u === 'number' && a.u >= HIGH_U) {
    w.push(`poorly determined orbit: MPC uncertainty U = ${a.u} (0 best … 9 worst); positions years from the epoch may be off by degrees`);
  }
  if (a.dvKmS === null) {
    w.push(`no Shoemaker–Helin delta-v: ${a.orbitClass === 'MBA' ? 'main-belt' : 'non-NEA'} orbit (q = ${(a.orbit.aAu * (1 - a.orbit.e)).toFixed(3)} AU); the quick figure is defined for NEAs only — use \`prospector porkchop\` or \`trip\``);
  }
  if (a.H === null && a.diameterKm === null) w.push('no absolute magnitude H and no measured size: size and mass unknown');
  else if (a.sizeBasis === 'prior') w.push('size from H with a C/S albedo prior (spectral class unknown): the diameter range spans a factor ~3');
  if (!a.spectralType) w.push(a.spectralProbabilities ? 'spectral class uncertain: composition is a probability mix' : 'spectral class unknown: composition is a C/S prior mix (Wright et al. 2016 dark fraction)');
  return w;
}
