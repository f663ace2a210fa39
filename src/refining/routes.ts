/**
 * Processing routes of the optical refinery (data/refining.json, each with its sources):
 * water (energy per kg of water released), melt-metal, vaporize-metal (per kg of separated Fe–Ni
 * metal), melt-silicate (per kg of bulk rock).
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { NotFoundError } from '../errors.js';

export type RouteId = 'water' | 'melt-metal' | 'vaporize-metal' | 'melt-silicate';
export const ROUTE_IDS: readonly RouteId[] = ['water', 'melt-metal', 'vaporize-metal', 'melt-silicate'];

export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

export interface RefiningRoute {
  id: RouteId;
  name: string;
  /** 'product': specific energy per kg of `basisElement` released; 'feedstock': per kg processed. */
  basis: 'product' | 'feedstock';
  basisElement?: string;
  /** 'bulk': whole rock; 'metal': the free Fe–Ni metal phase, separated first. */
  feedstock: 'bulk' | 'metal';
  specificEnergyMJPerKg: Band;
  specificEnergySource: string;
  recovery: Record<string, Band>;
  recoverySource: string;
  recoveryNote?: string;
}

interface RefiningData {
  source: string;
  concentrator: Record<'opticalEfficiency' | 'captureEfficiency' | 'dutyCycle', Band & { source: string }>;
  routes: Record<RouteId, Omit<RefiningRoute, 'id'>>;
}

let cache: RefiningData | undefined;
export function refiningData(): RefiningData {
  cache ??= JSON.parse(readFileSync(dataPath('refining.json'), 'utf8')) as RefiningData;
  return cache;
}

export function refiningRoute(id: string, field = 'route'): RefiningRoute {
  const key = id.toLowerCase().replace('vaporise', 'vaporize') as RouteId;
  const r = refiningData().routes[key];
  if (!r) throw new NotFoundError(`${field}: unknown refining route "${id}" (expected one of ${ROUTE_IDS.join(', ')})`, field);
  return { id: key, ...r };
}

/** Default concentrator efficiencies and duty cycle (p50 of the bands in data/refining.json). */
export function concentratorDefaults(): { opticalEfficiency: number; captureEfficiency: number; dutyCycle: number } {
  const c = refiningData().concentrator;
  return { opticalEfficiency: c.opticalEfficiency.p50, captureEfficiency: c.captureEfficiency.p50, dutyCycle: c.dutyCycle.p50 };
}
