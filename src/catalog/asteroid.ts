// Turns what a file says (CatalogRecord) into a catalog entry with the derived fields.
import { NEA_MAX_Q_AU, shoemakerHelinDeltaV } from './shoemaker-helin.js';
import { newSizeNumbers, sizeNumbersInto } from './physical-model.js';
import type { Asteroid, CatalogRecord } from './types.js';

const DEG = Math.PI / 180;

/** "(101955) Bennu", "(539940) 2017 HW1", "2010 AJ". */
export function displayNameOf(rec: Pick<CatalogRecord, 'number' | 'name' | 'designation'>): string {
  if (rec.number !== undefined) {
    const rest = rec.name ?? (rec.designation !== String(rec.number) ? rec.designation : '');
    return rest ? `(${rec.number}) ${rest}` : `(${rec.number})`;
  }
  return rec.name ? `${rec.name} (${rec.designation})` : rec.designation;
}

const scratch = newSizeNumbers();
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

export function toAsteroid(rec: CatalogRecord): Asteroid {
  const { aAu, e, iDeg } = rec.orbit;
  const sh = shoemakerHelinDeltaV(aAu, e, iDeg * DEG);
  const o = sizeNumbersInto(rec, scratch);
  const q = aAu * (1 - e);
  // One object literal with a fixed key order: a stable shape keeps 26k of these cheap to build.
  const out: Asteroid = {
    designation: rec.designation,
    number: rec.number,
    name: rec.name,
    packed: rec.packed,
    otherDesignations: rec.otherDesignations,
    displayName: displayNameOf(rec),
    orbit: rec.orbit,
    H: rec.H,
    u: rec.u ?? null,
    orbitClass: sh.orbitClass,
    isNea: q < NEA_MAX_Q_AU && e < 1,
    dvKmS: sh.dvKmS,
    dvReason: sh.reason,
    diameterKm: orNull(o.d),
    diameterKmLow: orNull(o.dLo),
    diameterKmHigh: orNull(o.dHi),
    measuredDiameterKm: rec.measuredDiameterKm,
    diameterKmSigmaLow: rec.diameterKmSigmaLow,
    diameterKmSigmaHigh: rec.diameterKmSigmaHigh,
    albedo: orNull(o.pv),
    measuredAlbedo: rec.measuredAlbedo,
    albedoSigma: rec.albedoSigma,
    sizeBasis: o.basis ?? 'prior',
    spectralType: rec.spectralType ?? null,
    spectralProbabilities: rec.spectralProbabilities,
    massKg: orNull(o.m),
    massKgLow: orNull(o.mLo),
    massKgHigh: orNull(o.mHi),
    measuredMassKg: rec.measuredMassKg,
    massKgSigma: rec.massKgSigma,
    pha: rec.pha,
    sources: rec.sources,
    notes: rec.notes,
  };
  return out;
}
