/**
 * One unit of screening work: the best NHATS-style round trip to one asteroid, reduced to the
 * row the ranking needs. Shared by the in-process path and the worker threads so both give
 * identical rows.
 */
import { NoSolutionError } from '../errors.js';
import type { OrbitElements } from '../astro/orbit.js';
import { createWorkspace, searchRoundTrips, tripWarnings, type RoundTripWorkspace, type TripConstraints, type TripSolution } from './round-trip.js';

/** What is sent to a worker for one asteroid (plain data, structured-clone friendly). */
export interface ScreenItem {
  /** Position in the candidate list (Shoemaker–Helin order); the key for determinism checks. */
  index: number;
  designation: string;
  name?: string;
  orbit: OrbitElements;
  u?: number | null;
  H: number | null;
  orbitClass: string;
  diameterKm: number | null;
  shDvKmS: number;
}

export type TripSummary = Omit<TripSolution, 'legs'>;

export interface ScreenRow {
  rank: number;
  index: number;
  designation: string;
  name?: string;
  orbitClass: string;
  H: number | null;
  diameterKm: number | null;
  shDvKmS: number;
  minDv: TripSummary;
  minDuration: TripSummary;
  warnings: string[];
}

export type ScreenOutcome =
  | { kind: 'row'; row: ScreenRow }
  | { kind: 'infeasible'; index: number; designation: string; binding: string }
  | { kind: 'error'; index: number; designation: string; message: string };

export function summarize(t: TripSolution): TripSummary {
  const { legs: _legs, ...rest } = t;
  return rest;
}

export class ScreenEvaluator {
  private ws: RoundTripWorkspace;
  constructor(private readonly constraints: TripConstraints) {
    this.ws = createWorkspace(constraints);
  }

  evaluate(item: ScreenItem): ScreenOutcome {
    const target = { designation: item.designation, name: item.name, orbit: item.orbit, u: item.u };
    try {
      const r = searchRoundTrips(target, this.constraints, { workspace: this.ws, warnings: false, explainFailure: false });
      return {
        kind: 'row',
        row: {
          rank: 0,
          index: item.index,
          designation: item.designation,
          name: item.name,
          orbitClass: item.orbitClass,
          H: item.H,
          diameterKm: item.diameterKm,
          shDvKmS: item.shDvKmS,
          minDv: summarize(r.minDv),
          minDuration: summarize(r.minDuration),
          // Warnings only for rows that make the ranking (the scan costs a few ms).
          warnings: tripWarnings(target, [r.minDv, r.minDuration]),
        },
      };
    } catch (e) {
      if (e instanceof NoSolutionError) return { kind: 'infeasible', index: item.index, designation: item.designation, binding: e.binding ?? 'unknown' };
      return { kind: 'error', index: item.index, designation: item.designation, message: e instanceof Error ? e.message : String(e) };
    }
  }
}
