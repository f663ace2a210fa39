/**
 * Heritage sample-return capsules (data/capsules.json, each with its source): Stardust, Hayabusa,
 * Hayabusa2, OSIRIS-REx, Genesis. Used as presets for `prospector reentry --preset` and as the
 * starting point of metal-return capsule designs.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { NotFoundError } from '../errors.js';

export interface HeritageCapsule {
  id: string;
  name: string;
  massKg: number;
  diameterM: number;
  noseRadiusM: number;
  cd: number;
  shape: string;
  entry: { speedKmS: number; fpaDeg: number; altitudeKm: number };
  /** Published C_D(Mach) points, [[mach, cd], …], when available. */
  cdMach?: Array<[number, number]>;
  cdMachSource?: string;
  flown: string;
  /** Fields whose values are approximate or engineering estimates. */
  approximate?: string[];
  source: string;
}

let cache: HeritageCapsule[] | undefined;

export function heritageCapsules(): HeritageCapsule[] {
  if (!cache) {
    const doc = JSON.parse(readFileSync(dataPath('capsules.json'), 'utf8')) as { capsules: HeritageCapsule[] };
    cache = doc.capsules;
  }
  return cache;
}

export function capsulePresetIds(): string[] {
  return heritageCapsules().map((c) => c.id);
}

/** A heritage capsule by id (case-insensitive; "osirisrex" and "osiris-rex" both match). */
export function capsulePreset(id: string, field = 'preset'): HeritageCapsule {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const hit = heritageCapsules().find((c) => norm(c.id) === norm(id) || norm(c.name) === norm(id));
  if (!hit) throw new NotFoundError(`${field}: no capsule preset "${id}" (known: ${capsulePresetIds().join(', ')})`, field);
  return hit;
}

/** β = m/(C_D·π·D²/4), kg/m². */
export function ballisticCoefficientKgM2(massKg: number, cd: number, diameterM: number): number {
  return massKg / (cd * Math.PI * diameterM * diameterM * 0.25);
}
