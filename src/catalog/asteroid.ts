// Turns what a file says (CatalogRecord) into a catalog entry with the derived fields.
import { NEA_MAX_Q_AU, shoemakerHelinDeltaV } from './shoemaker-helin.js';
import { physicalModel } from './physical-model.js';
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

export function toAsteroid(rec: CatalogRecord): Asteroid {
  const { aAu, e, iDeg } = rec.orbit;
  const sh = shoemakerHelinDeltaV(aAu, e, iDeg * DEG);
  const pm = physicalModel(rec);
  const q = aAu * (1 - e);
  // One object literal with a fixed key order: a stable shape keeps 26k of these cheap to build.
  const out: Asteroid = {
    designation: rec.designation,
    number: rec.number,
    name: rec.name,
    packed: rec.packed,
    displayName: displayNameOf(rec),
    orbit: rec.orbit,
    H: rec.H,
    u: rec.u ?? null,
    orbitClass: sh.orbitClass,
    isNea: q < NEA_MAX_Q_AU && e < 1,
    dvKmS: sh.dvKmS,
    dvReason: sh.reason,
    diameterKm: pm.diameterKm?.value ?? null,
    diameterKmLow: pm.diameterKm?.low ?? null,
    diameterKmHigh: pm.diameterKm?.high ?? null,
    diameterKmSigmaLow: rec.diameterKmSigmaLow,
    diameterKmSigmaHigh: rec.diameterKmSigmaHigh,
    albedo: pm.albedo?.value ?? null,
    albedoSigma: rec.albedoSigma,
    sizeBasis: pm.diameterKm?.basis ?? 'prior',
    spectralType: rec.spectralType ?? null,
    spectralProbabilities: rec.spectralProbabilities,
    massKg: pm.massKg?.value ?? null,
    massKgLow: pm.massKg?.low ?? null,
    massKgHigh: pm.massKg?.high ?? null,
    massKgSigma: rec.massKgSigma,
    pha: rec.pha,
    sources: rec.sources,
    notes: rec.notes,
  };
  return out;
}
