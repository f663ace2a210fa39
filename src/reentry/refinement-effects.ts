/**
 * How much each entry-model refinement moves the headline results (DESIGN §2.6: "Earth rotation
 * and a Mach-dependent C_D are welcome refinements; report how much each moves the result").
 * The same entry is integrated without either refinement (inertial atmosphere, constant C_D), with
 * each alone and with both; every case reports peak deceleration, peak heat flux, heat load, time
 * to peak heating and time to drogue conditions, and its change from the baseline.
 */
import { simulateEntry, type EntryInput, type EntryResult } from './entry-simulation.js';

export interface EntrySummary {
  peakDecelG: number;
  peakHeatFluxWCm2: number;
  heatLoadJCm2: number;
  timeToPeakS: number;
  timeToDrogueS: number | null;
  /** Which drogue condition was met last (null when drogue conditions were not reached). */
  drogueSetBy: 'altitude' | 'mach' | null;
  skippedOut: boolean;
}

export interface RefinementCase extends EntrySummary {
  refinement: 'Earth rotation' | 'Mach-dependent C_D' | 'both';
  /** Change from the baseline: absolute, and relative for the magnitudes. */
  delta: {
    peakDecelG: number;
    peakDecelFraction: number;
    peakHeatFluxWCm2: number;
    peakHeatFluxFraction: number;
    heatLoadJCm2: number;
    heatLoadFraction: number;
    timeToPeakS: number;
    /** Null when either case does not reach drogue conditions. */
    timeToDrogueS: number | null;
  };
}

export interface RefinementEffects {
  /** Inertial (non-rotating) atmosphere, constant C_D. */
  baseline: EntrySummary;
  cases: RefinementCase[];
  /** The rotation geometry and C_D table compared. */
  rotation: { latitudeDeg: number; azimuthDeg: number } | null;
  cdMachPoints: number | null;
  notes: string[];
}

function summary(r: EntryResult): EntrySummary {
  return {
    peakDecelG: r.peakDecelG,
    peakHeatFluxWCm2: r.peakHeatFluxWCm2,
    heatLoadJCm2: r.heatLoadJCm2,
    timeToPeakS: r.timeToPeakS,
    timeToDrogueS: r.timeToDrogueS,
    drogueSetBy: r.drogue ? r.drogue.setBy : null,
    skippedOut: r.skippedOut,
  };
}

/**
 * Compares the refinements available for `input`: Earth rotation when `rotation` is given (the
 * interface latitude and azimuth, rad), a Mach-dependent C_D when `cdMach` is given. `input`'s own
 * rotatingEarth/cdMach settings are ignored: the baseline has neither. Throws InputError like
 * simulateEntry for bad inputs.
 */
export function entryRefinementEffects(
  input: EntryInput,
  opts: { rotation?: { latitudeRad: number; azimuthRad: number }; cdMach?: ReadonlyArray<readonly [number, number]> },
): RefinementEffects {
  const plain: EntryInput = { ...input, rotatingEarth: false, cdMach: undefined, latitudeRad: undefined, azimuthRad: undefined, trajectoryEveryS: undefined };
  const base = summary(simulateEntry(plain));
  const variants: Array<[RefinementCase['refinement'], EntryInput]> = [];
  const rot = opts.rotation ? { rotatingEarth: true, latitudeRad: opts.rotation.latitudeRad, azimuthRad: opts.rotation.azimuthRad } : null;
  if (rot) variants.push(['Earth rotation', { ...plain, ...rot }]);
  if (opts.cdMach) variants.push(['Mach-dependent C_D', { ...plain, cdMach: opts.cdMach }]);
  if (rot && opts.cdMach) variants.push(['both', { ...plain, ...rot, cdMach: opts.cdMach }]);
  const frac = (a: number, b: number) => (b !== 0 ? a / b - 1 : 0);
  const cases = variants.map(([refinement, inp]): RefinementCase => {
    const s = summary(simulateEntry(inp));
    return {
      refinement,
      ...s,
      delta: {
        peakDecelG: s.peakDecelG - base.peakDecelG,
        peakDecelFraction: frac(s.peakDecelG, base.peakDecelG),
        peakHeatFluxWCm2: s.peakHeatFluxWCm2 - base.peakHeatFluxWCm2,
        peakHeatFluxFraction: frac(s.peakHeatFluxWCm2, base.peakHeatFluxWCm2),
        heatLoadJCm2: s.heatLoadJCm2 - base.heatLoadJCm2,
        heatLoadFraction: frac(s.heatLoadJCm2, base.heatLoadJCm2),
        timeToPeakS: s.timeToPeakS - base.timeToPeakS,
        timeToDrogueS: s.timeToDrogueS !== null && base.timeToDrogueS !== null ? s.timeToDrogueS - base.timeToDrogueS : null,
      },
    };
  });
  const notes: string[] = [];
  if (opts.cdMach) {
    const lowest = opts.cdMach[0][0];
    if (lowest > 1.4) notes.push(`the C_D(Mach) table starts at Mach ${lowest}: below it C_D is held at its first value, so the supersonic end of the entry (and the drogue time) sees no Mach effect`);
  }
  if (rot) notes.push('speed and flight-path angle at the interface are inertial; with rotation the air-relative entry is slower (eastbound) or faster (westbound)');
  return {
    baseline: base,
    cases,
    rotation: opts.rotation ? { latitudeDeg: (opts.rotation.latitudeRad * 180) / Math.PI, azimuthDeg: (opts.rotation.azimuthRad * 180) / Math.PI } : null,
    cdMachPoints: opts.cdMach ? opts.cdMach.length : null,
    notes,
  };
}
