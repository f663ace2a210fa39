/**
 * Row access to a loaded catalog without building every entry: ranking (`targets`) reads Δv,
 * orbit class and class label straight from columns and builds full `Asteroid` objects only for
 * the rows it shows. The bundled catalog is backed by typed arrays (bundled-format.ts); an
 * imported file by the array of entries its parser produced.
 */
import { toAsteroid } from './asteroid.js';
import { bundledRecordInto, type BundledTable } from './bundled-format.js';
import { orbitClassOf, shoemakerHelinDvKmS, type OrbitClass } from './shoemaker-helin.js';
import type { Asteroid, CatalogRecord } from './types.js';

export interface CatalogView {
  readonly count: number;
  /** Shoemaker–Helin rendezvous Δv, km/s; null for non-NEAs (the quick figure is NEA-only). */
  dvKmS(k: number): number | null;
  orbitClass(k: number): OrbitClass;
  designation(k: number): string;
  name(k: number): string | undefined;
  number(k: number): number | undefined;
  packed(k: number): string | undefined;
  /**
   * The packed form when it is not simply the standard packing of the number or designation
   * (which lookups derive from the query anyway); what the lookup index needs.
   */
  unusualPacked(k: number): string | undefined;
  spectralType(k: number): string | null;
  otherDesignations(k: number): readonly string[] | undefined;
  /** The full entry of row k (built once, then cached). */
  asteroid(k: number): Asteroid;
  /** Every entry, in catalog order (built once). */
  all(): Asteroid[];
}

const DEG = Math.PI / 180;
const CLASSES: readonly OrbitClass[] = ['Atira', 'Aten', 'Apollo', 'Amor', 'MBA', 'Other'];

/** A view over entries already built (imported files, tests). */
export function arrayView(list: readonly Asteroid[]): CatalogView {
  return {
    count: list.length,
    dvKmS: (k) => list[k].dvKmS,
    orbitClass: (k) => list[k].orbitClass,
    designation: (k) => list[k].designation,
    name: (k) => list[k].name,
    number: (k) => list[k].number,
    packed: (k) => list[k].packed,
    unusualPacked: (k) => list[k].packed,
    spectralType: (k) => list[k].spectralType ?? null,
    otherDesignations: (k) => list[k].otherDesignations,
    asteroid: (k) => list[k],
    all: () => list as Asteroid[],
  };
}

/**
 * A view over the bundled columns. Δv and orbit class are computed for every row in one pass
 * on first use (the same functions toAsteroid uses, so both agree to the bit).
 */
export function bundledView(t: BundledTable): CatalogView {
  const n = t.count;
  const objs: Array<Asteroid | undefined> = new Array(n);
  const scratch = {} as CatalogRecord;
  let dv: Float64Array | undefined;
  let cls: Uint8Array | undefined;
  let every: Asteroid[] | undefined;
  const a = t.col('aAu'), e = t.col('e'), inc = t.col('iDeg');
  const quick = () => {
    dv = new Float64Array(n);
    cls = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const c = CLASSES.indexOf(orbitClassOf(a[k], e[k]));
      cls[k] = c;
      // As shoemakerHelinDeltaV: the figure for the four NEA classes, none for MBA/Other.
      dv[k] = c < 4 ? shoemakerHelinDvKmS(a[k], e[k], inc[k] * DEG) : NaN;
    }
  };
  const designation = t.col('designation'), name = t.col('name'), packed = t.col('packed'), spectral = t.col('spectralType'), number = t.col('number');
  const view: CatalogView = {
    count: n,
    dvKmS: (k) => {
      if (!dv) quick();
      const v = dv![k];
      return Number.isFinite(v) ? v : null;
    },
    orbitClass: (k) => {
      if (!cls) quick();
      return CLASSES[cls![k]];
    },
    designation: (k) => t.str(designation[k]),
    name: (k) => t.str(name[k]) || undefined,
    number: (k) => number[k] || undefined,
    packed: (k) => t.str(packed[k]) || undefined,
    unusualPacked: (k) => (t.unusualPacked(k) ? t.str(packed[k]) || undefined : undefined),
    spectralType: (k) => t.str(spectral[k]) || null,
    otherDesignations: (k) => t.extra(k)?.otherDesignations,
    // One scratch record refilled per row: toAsteroid copies what it keeps (the orbit is fresh).
    asteroid: (k) => (objs[k] ??= toAsteroid(bundledRecordInto(t, k, scratch))),
    all: () => {
      if (!every) {
        every = new Array(n);
        for (let k = 0; k < n; k++) every[k] = view.asteroid(k);
      }
      return every;
    },
  };
  return view;
}
