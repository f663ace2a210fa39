/**
 * An imported orbit file (MPCORB.DAT, NEA.txt, nea_extended.json, an SBDB export) says little
 * about size and class; the bundled catalog holds the measured diameters/albedos, spectral
 * classes and masses gathered for it (SOURCES.md). Objects in both get those figures, so that
 * `--catalog fresh.dat` changes the orbit, not Nereus's measured size. The file's own values win
 * where it has them; each copied figure keeps its original source.
 */
import type { CatalogView } from './catalog-view.js';
import { findRow } from './lookup.js';
import type { CatalogRecord } from './types.js';

/** Fills the physical fields `records` lack from the bundled entries with the same number or designation. Returns how many records gained something. */
export function mergeBundledPhysical(records: CatalogRecord[], bundled: CatalogView): number {
  let merged = 0;
  for (const r of records) {
    const k = rowOf(bundled, r);
    if (k === undefined) continue;
    const b = bundled.asteroid(k);
    let gained = false;
    const sources = { ...r.sources };
    // Diameter and albedo go together (an albedo belongs to the diameter it was fitted with).
    if (r.measuredDiameterKm == null && r.measuredAlbedo == null && (b.measuredDiameterKm != null || b.measuredAlbedo != null)) {
      if (b.measuredDiameterKm != null) {
        r.measuredDiameterKm = b.measuredDiameterKm;
        r.diameterKmSigmaLow = b.diameterKmSigmaLow ?? null;
        r.diameterKmSigmaHigh = b.diameterKmSigmaHigh ?? null;
        if (b.sources?.diameter) sources.diameter = b.sources.diameter;
      }
      if (b.measuredAlbedo != null) {
        r.measuredAlbedo = b.measuredAlbedo;
        r.albedoSigma = b.albedoSigma ?? null;
        if (b.sources?.albedo) sources.albedo = b.sources.albedo;
      }
      gained = true;
    }
    if (!r.spectralType && !r.spectralProbabilities && (b.spectralType || b.spectralProbabilities)) {
      r.spectralType = b.spectralType;
      if (b.spectralProbabilities) r.spectralProbabilities = b.spectralProbabilities;
      if (b.sources?.spectral) sources.spectral = b.sources.spectral;
      gained = true;
    }
    if (r.measuredMassKg == null && b.measuredMassKg != null) {
      r.measuredMassKg = b.measuredMassKg;
      r.massKgSigma = b.massKgSigma ?? null;
      if (b.sources?.mass) sources.mass = b.sources.mass;
      gained = true;
    }
    if (!r.name && b.name) r.name = b.name;
    if (!r.notes && b.notes) r.notes = b.notes;
    if (gained) {
      r.sources = sources;
      merged++;
    }
  }
  return merged;
}

const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/**
 * Same object: by number when both have one; else by designation (principal or other), never by
 * name alone, and never across two different numbers.
 */
function rowOf(view: CatalogView, r: CatalogRecord): number | undefined {
  if (r.number !== undefined) {
    const k = findRow(view, String(r.number));
    if (k !== undefined) return k;
  }
  for (const d of [r.designation, ...(r.otherDesignations ?? [])]) {
    if (!d || /^\d+$/.test(d.trim())) continue;
    const k = findRow(view, d);
    if (k === undefined) continue;
    const bn = view.number(k);
    if (r.number !== undefined && bn !== undefined && bn !== r.number) continue;
    const want = norm(d);
    if (norm(view.designation(k)) === want || (view.otherDesignations(k) ?? []).some((o) => norm(o) === want)) return k;
  }
  return undefined;
}
