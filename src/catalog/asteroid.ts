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
  // The fields every entry has, in a fixed order (one hidden class for the common case); the rarely
  // present measured/extra fields are added only when set, which keeps 26k entries small.
  const out: Asteroid = {
    designation: rec.designation,
    number: rec.number,
    name: rec.name,
    displayName: displayNameOf(rec),
    orbit: rec.orbit,
    H: rec.H,
    u: rec.u ?? null,
    orbitClass: sh.orbitClass,
    isNea: q < NEA_MAX_Q_AU && e < 1,
    dvKmS: sh.dvKmS,
    diameterKm: orNull(o.d),
    diameterKmLow: orNull(o.dLo),
    diameterKmHigh: orNull(o.dHi),
    albedo: orNull(o.pv),
    sizeBasis: o.basis,
    spectralType: rec.spectralType ?? null,
    massKg: orNull(o.m),
    massKgLow: orNull(o.mLo),
    massKgHigh: orNull(o.mHi),
    sources: rec.sources,
  };
  if (rec.packed !== undefined) out.packed = rec.packed;
  if (rec.aRoundingAu !== undefined) out.aRoundingAu = rec.aRoundingAu;
  if (sh.reason !== undefined) out.dvReason = sh.reason;
  if (rec.measuredDiameterKm != null) {
    out.measuredDiameterKm = rec.measuredDiameterKm;
    out.diameterKmSigmaLow = rec.diameterKmSigmaLow;
    out.diameterKmSigmaHigh = rec.diameterKmSigmaHigh;
  }
  if (rec.measuredAlbedo != null) {
    out.measuredAlbedo = rec.measuredAlbedo;
    out.albedoSigma = rec.albedoSigma;
  }
  if (rec.spectralProbabilities) out.spectralProbabilities = rec.spectralProbabilities;
  if (rec.measuredMassKg != null) {
    out.measuredMassKg = rec.measuredMassKg;
    out.massKgSigma = rec.massKgSigma;
  }
  if (rec.pha !== undefined) out.pha = rec.pha;
  if (rec.notes) out.notes = rec.notes;
  if (rec.otherDesignations) out.otherDesignations = rec.otherDesignations;
  return out;
}
