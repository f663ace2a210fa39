/**
 * Size, albedo, density, mass and spectral class of an asteroid, always with a low/high range
 * and the basis of each number.
 *
 * D[km] = 1329/√pV · 10^(−H/5) (Fowler & Chillemi 1992; Harris & Harris 1997). Preference:
 * measured diameter (radar, thermal IR: SBDB, Spitzer) → measured albedo with H → class mean
 * albedo (Mahlke et al. 2022 templates) → an NEA population prior (below). Mass = (π/6)·D³·ρ with
 * ρ by class (Carry 2012), unless a measured mass exists.
 */
import type { CatalogRecord, SizeBasis } from './types.js';

/** Diameter (km) from absolute magnitude H and geometric albedo pV. */
export function diameterFromH(H: number, albedo: number): number {
  return (1329 / Math.sqrt(albedo)) * 10 ** (-H / 5);
}

/** Albedo that makes an object of magnitude H have diameter D (inverse of diameterFromH). */
export function albedoFromHD(H: number, diameterKm: number): number {
  return ((1329 * 10 ** (-H / 5)) / diameterKm) ** 2;
}

export interface ClassAlbedo {
  mean: number;
  /** 1σ upper/lower spread of the class's albedo distribution. */
  sigmaUp: number;
  sigmaDown: number;
}

/**
 * Mean visual albedo per class with the upper/lower standard deviations: Mahlke, Carry & Mattei
 * 2022 (A&A 665, A26), `mahlke2022_class_templates.csv`, last row (pV). X has no albedo in that
 * scheme (X = E/M/P without albedo), so its spread covers P (low) to E (high).
 */
export const CLASS_ALBEDO: Readonly<Record<string, ClassAlbedo>> = {
  A: { mean: 0.253, sigmaUp: 0.0888, sigmaDown: 0.0657 },
  B: { mean: 0.0625, sigmaUp: 0.0528, sigmaDown: 0.0286 },
  C: { mean: 0.0512, sigmaUp: 0.021, sigmaDown: 0.0149 },
  Ch: { mean: 0.0506, sigmaUp: 0.0167, sigmaDown: 0.0126 },
  D: { mean: 0.0575, sigmaUp: 0.0258, sigmaDown: 0.0178 },
  E: { mean: 0.5452, sigmaUp: 0.1409, sigmaDown: 0.1119 },
  K: { mean: 0.131, sigmaUp: 0.0362, sigmaDown: 0.0283 },
  L: { mean: 0.1822, sigmaUp: 0.0664, sigmaDown: 0.0487 },
  M: { mean: 0.1369, sigmaUp: 0.0522, sigmaDown: 0.0378 },
  O: { mean: 0.2569, sigmaUp: 0.0217, sigmaDown: 0.02 },
  P: { mean: 0.0488, sigmaUp: 0.0202, sigmaDown: 0.0143 },
  Q: { mean: 0.2389, sigmaUp: 0.1191, sigmaDown: 0.0795 },
  R: { mean: 0.3019, sigmaUp: 0.0461, sigmaDown: 0.04 },
  S: { mean: 0.2392, sigmaUp: 0.1031, sigmaDown: 0.0721 },
  V: { mean: 0.2903, sigmaUp: 0.1125, sigmaDown: 0.0811 },
  // X: M mean, spread from P mean − 1σ (0.0345) to E mean + 1σ (0.686).
  X: { mean: 0.1369, sigmaUp: 0.5492, sigmaDown: 0.1024 },
  Z: { mean: 0.0725, sigmaUp: 0.0438, sigmaDown: 0.0273 },
};
export const CLASS_ALBEDO_SOURCE = 'Mahlke, Carry & Mattei 2022, A&A 665, A26 (class templates, mean pV ± 1σ)';

export interface Density {
  mean: number;
  sigma: number;
  /** The Carry 2012 class whose value is used. */
  basis: string;
  source: string;
}

/**
 * Bulk density by class (g/cm³, mean ± 1σ): Carry 2012, PSS 73, 98, Table 3 averages as
 * summarised by SiMDA (C 1.3 ± 0.6, B 2.4 ± 0.5, S 2.7 ± 0.5, M 3.5 ± 1.0, P 2.8 ± 1.6,
 * X 1.9 ± 0.8, Xc 4.9 ± 0.9, Xk 4.2 ± 0.7). Classes without a Carry average take the nearest
 * complex (noted in `basis`).
 * - B takes the C value, as DESIGN §2.1 groups them (C, B ~1.2–1.4): Carry's B average (2.4) rests
 *   on two large main-belt bodies (2 Pallas 2.9, 253 Mathilde 1.3), while the two B/Cb NEAs
 *   measured by spacecraft are 1.190 ± 0.013 (Bennu, Lauretta et al. 2019, Nature 568, 55) and
 *   1.19 ± 0.02 (Ryugu, Watanabe et al. 2019, Science 364, 268) — inside C's 1.3 ± 0.6, not B's.
 * - M stays at Carry's 3.5 ± 1.0 although DESIGN says ~4–5: the 4–5 figures are Carry's
 *   metal-rich Xc/Xk sub-classes (4.9, 4.2). Checked on the compilation itself
 *   (Carry 2012 mass and diameter tables in the reference data set, with Mahlke 2022 classes): the 10
 *   M-types whose density is known to better than 20 % have a median of 3.7 g/cm³ (Lutetia 3.5,
 *   Kalliope 3.1, Klotho 3.9, Kleopatra 4.4, Hesperia 4.7, …); 16 Psyche is 4.17 ± 0.15
 *   (Farnocchia et al. 2024, AJ 168, 21). 3.5 ± 1.0 spans them; 4–5 would exclude most.
 */
const CARRY: Record<string, [number, number]> = {
  C: [1.3, 0.6],
  S: [2.7, 0.5],
  M: [3.5, 1.0],
  P: [2.8, 1.6],
  X: [1.9, 0.8],
  Xc: [4.9, 0.9],
  Xk: [4.2, 0.7],
};
export const DENSITY_SOURCE = 'Carry 2012, PSS 73, 98 ("Density of asteroids"), class averages';

/** Class of a spectral label for the density table. */
const DENSITY_CLASS: Record<string, string> = {
  C: 'C', Ch: 'C', D: 'C', Z: 'C', B: 'C', P: 'P', M: 'M', X: 'X', E: 'X', Xc: 'Xc', Xk: 'Xk',
  S: 'S', Q: 'S', K: 'S', L: 'S', A: 'S', O: 'S', R: 'S', V: 'S',
};

const densityCache = new Map<string, Density | null>();
export function densityForClass(cls: string): Density | null {
  let d = densityCache.get(cls);
  if (d !== undefined) return d;
  const key = DENSITY_CLASS[cls];
  if (!key) d = null;
  else {
    const [mean, sigma] = CARRY[key];
    const basis = key === cls ? `Carry 2012 ${key}` : `Carry 2012 ${key} (used for ${cls})`;
    d = { mean, sigma, basis, source: `${DENSITY_SOURCE} (${basis})` };
  }
  densityCache.set(cls, d);
  return d;
}

/**
 * Maps a spectral label from any scheme (SMASSII/Bus-DeMeo `spec_B`, Tholen `spec_T`, Mahlke)
 * to the classes above; null when unknown/unusual (Tholen U) or empty.
 */
export function canonicalClass(label: string | null | undefined): string | null {
  if (!label) return null;
  const s = label.trim().replace(/[:?]/g, '');
  if (!s) return null;
  if (/^(Ch|Cgh)/.test(s)) return 'Ch';
  if (/^Xk/.test(s)) return 'Xk';
  if (/^Xc/.test(s)) return 'Xc';
  if (/^Xe/.test(s)) return 'E';
  if (/^(C|F|G)/.test(s)) return 'C';
  if (/^T/.test(s)) return 'D';
  const first = s[0].toUpperCase();
  if ('ABDEKLMOPQRSVXZ'.includes(first)) return first;
  return null;
}

/**
 * NEA population prior when the class is unknown: WISE found 25.3 % of NEAs in a dark population
 * and 74.7 % in a brighter one (Wright et al. 2016, AJ 152, 79), carried here as a C/S mix. The
 * central size uses the debiased mean NEA albedo 0.14 (Stuart & Binzel 2004, Icarus 170, 295);
 * the range runs from the S mean + 1σ (small) to the C mean − 1σ (large).
 */
export const PRIOR_CLASS_PROBABILITIES: Readonly<Record<string, number>> = { C: 0.253, S: 0.747 };
export const PRIOR_ALBEDO = 0.14;
export const PRIOR_SOURCE = 'C/S prior: Wright et al. 2016 (AJ 152, 79) dark fraction 25.3 %; mean pV 0.14 Stuart & Binzel 2004';
/** Prior albedo range: C mean − 1σ to S mean + 1σ (Mahlke 2022). */
export const PRIOR_ALBEDO_LOW = 0.0512 - 0.0149;
export const PRIOR_ALBEDO_HIGH = 0.2392 + 0.1031;
const CLASS_SIZE_SOURCE = 'H with class-mean albedo (Mahlke, Carry & Mattei 2022)';
const MASS_SOURCE = '(π/6)·D³·ρ, ρ by class (Carry 2012)';
let PRIOR_DENSITY: (Range & { source: string }) | null | undefined;

/**
 * Relative 1σ used when a survey diameter/albedo comes without its own error: NEOWISE-style
 * thermal fits are good to ~10 % in D and ~20 % in pV (Mainzer et al. 2011, ApJ 736, 100).
 */
export const DEFAULT_DIAMETER_REL_SIGMA = 0.1;
export const DEFAULT_ALBEDO_REL_SIGMA = 0.2;

export interface Range {
  value: number;
  low: number;
  high: number;
}

export interface PhysicalModel {
  diameterKm: (Range & { basis: SizeBasis; source: string }) | null;
  albedo: (Range & { source: string }) | null;
  densityGcm3: (Range & { source: string }) | null;
  massKg: (Range & { source: string }) | null;
  spectral: { type: string | null; canonical: string | null; probabilities: Record<string, number> | null; source: string | null };
}

/**
 * Density for a class mix: probability-weighted mean; the range spans the lowest −1σ to the
 * highest +1σ of the classes with probability ≥ 5 % (a mix is not narrower than its members).
 */
function mixDensity(probs: Record<string, number>): (Range & { source: string }) | null {
  let mean = 0;
  let low = Infinity;
  let high = -Infinity;
  let total = 0;
  for (const [cls, p] of Object.entries(probs)) {
    const d = densityForClass(cls);
    if (!d || !(p > 0)) continue;
    mean += p * d.mean;
    total += p;
    if (p >= 0.05) {
      low = Math.min(low, Math.max(0.5, d.mean - d.sigma));
      high = Math.max(high, d.mean + d.sigma);
    }
  }
  if (total <= 0 || !Number.isFinite(low)) return null;
  return { value: mean / total, low, high, source: `${DENSITY_SOURCE}, weighted by class probability` };
}

/**
 * The numbers of the model without the explanation: filled into a caller-owned object so that
 * sizing a 26k catalog at load allocates nothing per asteroid. `physicalModel` wraps it with
 * sources; NaN means "unknown".
 */
export interface SizeNumbers {
  canonical: string | null;
  usesPrior: boolean;
  basis: SizeBasis | null;
  d: number;
  dLo: number;
  dHi: number;
  albedoKind: 'measured' | 'implied' | 'class' | 'class-mix' | 'prior' | null;
  pv: number;
  pvLo: number;
  pvHi: number;
  densityKind: 'class' | 'prior' | 'class-mix' | 'measured' | null;
  rho: number;
  rhoLo: number;
  rhoHi: number;
  massKind: 'measured' | 'model' | null;
  m: number;
  mLo: number;
  mHi: number;
}

export function newSizeNumbers(): SizeNumbers {
  return { canonical: null, usesPrior: false, basis: null, d: NaN, dLo: NaN, dHi: NaN, albedoKind: null, pv: NaN, pvLo: NaN, pvHi: NaN, densityKind: null, rho: NaN, rhoLo: NaN, rhoHi: NaN, massKind: null, m: NaN, mLo: NaN, mHi: NaN };
}

const SPHERE = Math.PI / 6;

export function sizeNumbersInto(rec: CatalogRecord, o: SizeNumbers): SizeNumbers {
  const canonical = canonicalClass(rec.spectralType ?? null);
  const usesPrior = !canonical && !rec.spectralProbabilities;
  o.canonical = canonical;
  o.usesPrior = usesPrior;
  o.basis = null;
  o.albedoKind = null;
  o.d = o.dLo = o.dHi = o.pv = o.pvLo = o.pvHi = NaN;
  const H = rec.H !== null && Number.isFinite(rec.H) ? rec.H : null;
  const mA = rec.measuredAlbedo && rec.measuredAlbedo > 0 ? rec.measuredAlbedo : 0;
  if (rec.measuredDiameterKm && rec.measuredDiameterKm > 0) {
    const D = rec.measuredDiameterKm;
    o.basis = 'measured';
    o.d = D;
    o.dLo = Math.max(D - (rec.diameterKmSigmaLow ?? D * DEFAULT_DIAMETER_REL_SIGMA), D * 0.05);
    o.dHi = D + (rec.diameterKmSigmaHigh ?? D * DEFAULT_DIAMETER_REL_SIGMA);
    if (mA) {
      const sg = rec.albedoSigma ?? mA * DEFAULT_ALBEDO_REL_SIGMA;
      o.albedoKind = 'measured';
      o.pv = mA;
      o.pvLo = Math.max(mA - sg, 0.005);
      o.pvHi = mA + sg;
    } else if (H !== null) {
      // Albedo implied by the measured size and H (inverse of diameterFromH).
      o.albedoKind = 'implied';
      o.pv = albedoFromHD(H, D);
      o.pvLo = albedoFromHD(H, o.dHi);
      o.pvHi = albedoFromHD(H, o.dLo);
    }
  } else if (H !== null) {
    const ca = canonical ? CLASS_ALBEDO[canonical] : undefined;
    if (mA) {
      const sg = rec.albedoSigma ?? mA * DEFAULT_ALBEDO_REL_SIGMA;
      o.basis = 'albedo';
      o.albedoKind = 'measured';
      o.pv = mA;
      o.pvLo = Math.max(mA - sg, 0.005);
      o.pvHi = mA + sg;
    } else if (ca) {
      o.basis = 'class';
      o.albedoKind = 'class';
      o.pv = ca.mean;
      o.pvLo = ca.mean - ca.sigmaDown;
      o.pvHi = ca.mean + ca.sigmaUp;
    } else if (rec.spectralProbabilities) {
      // A classification with probabilities but no usable label: weight the class albedos.
      const mix = mixAlbedo(rec.spectralProbabilities);
      o.basis = 'class';
      o.albedoKind = 'class-mix';
      o.pv = mix.value;
      o.pvLo = mix.low;
      o.pvHi = mix.high;
    } else {
      o.basis = 'prior';
      o.albedoKind = 'prior';
      o.pv = PRIOR_ALBEDO;
      o.pvLo = PRIOR_ALBEDO_LOW;
      o.pvHi = PRIOR_ALBEDO_HIGH;
    }
    // 10^(−H/5) once: the three diameters scale with 1/√pV.
    const k = 1329 * 10 ** (-H / 5);
    o.d = k / Math.sqrt(o.pv);
    o.dLo = k / Math.sqrt(o.pvHi);
    o.dHi = k / Math.sqrt(o.pvLo);
  }

  // Density and mass.
  o.densityKind = null;
  o.rho = o.rhoLo = o.rhoHi = NaN;
  const dc = canonical ? densityForClass(canonical) : null;
  if (dc) {
    o.densityKind = 'class';
    o.rho = dc.mean;
    o.rhoLo = Math.max(0.5, dc.mean - dc.sigma);
    o.rhoHi = dc.mean + dc.sigma;
  } else {
    const mix = usesPrior ? (PRIOR_DENSITY ??= mixDensity(PRIOR_CLASS_PROBABILITIES)) : rec.spectralProbabilities ? mixDensity(rec.spectralProbabilities) : null;
    if (mix) {
      o.densityKind = usesPrior ? 'prior' : 'class-mix';
      o.rho = mix.value;
      o.rhoLo = mix.low;
      o.rhoHi = mix.high;
    }
  }
  o.massKind = null;
  o.m = o.mLo = o.mHi = NaN;
  const mm = rec.measuredMassKg;
  if (mm && mm > 0) {
    const sg = rec.massKgSigma ?? 0;
    o.massKind = 'measured';
    o.m = mm;
    o.mLo = mm - sg;
    o.mHi = mm + sg;
    if (o.basis !== null) {
      // Bulk density implied by mass and size; its range takes both uncertainties (small mass with
      // large body, large mass with small body).
      const vol = (dKm: number) => SPHERE * (dKm * 1e5) ** 3; // cm³
      o.densityKind = 'measured';
      o.rho = (mm * 1e3) / vol(o.d);
      o.rhoLo = (o.mLo * 1e3) / vol(o.dHi);
      o.rhoHi = (o.mHi * 1e3) / vol(o.dLo);
    }
  } else if (o.basis !== null && o.densityKind !== null) {
    // km³ · g/cm³ → kg: 1 km³ = 1e15 cm³, 1 g = 1e-3 kg.
    o.massKind = 'model';
    o.m = SPHERE * o.d ** 3 * o.rho * 1e12;
    o.mLo = SPHERE * o.dLo ** 3 * o.rhoLo * 1e12;
    o.mHi = SPHERE * o.dHi ** 3 * o.rhoHi * 1e12;
  }
  return o;
}

/** Derives size, mass and class (with ranges and sources) from what the record says. */
export function physicalModel(rec: CatalogRecord): PhysicalModel {
  const o = sizeNumbersInto(rec, newSizeNumbers());
  const srcs = rec.sources ?? {};
  const spectral = {
    type: rec.spectralType ?? null,
    canonical: o.canonical,
    probabilities: o.usesPrior ? { ...PRIOR_CLASS_PROBABILITIES } : rec.spectralProbabilities ?? null,
    source: o.usesPrior ? PRIOR_SOURCE : srcs.spectral ?? null,
  };
  const albedoSource: Record<NonNullable<SizeNumbers['albedoKind']>, string> = {
    measured: srcs.albedo ?? 'catalog',
    implied: 'from measured diameter and H',
    class: `${CLASS_ALBEDO_SOURCE}, class ${o.canonical}`,
    'class-mix': `${CLASS_ALBEDO_SOURCE}, weighted by class probability`,
    prior: PRIOR_SOURCE,
  };
  const albedo = o.albedoKind ? { value: o.pv, low: o.pvLo, high: o.pvHi, source: albedoSource[o.albedoKind] } : null;
  const sizeSource: Record<SizeBasis, string> = {
    measured: srcs.diameter ?? 'catalog',
    albedo: `H with measured albedo (${srcs.albedo ?? 'catalog'})`,
    class: o.albedoKind === 'class-mix' ? `H with class-probability-weighted albedo (${CLASS_ALBEDO_SOURCE})` : CLASS_SIZE_SOURCE,
    prior: PRIOR_SOURCE,
  };
  const diameter = o.basis ? { value: o.d, low: o.dLo, high: o.dHi, basis: o.basis, source: sizeSource[o.basis] } : null;
  let densitySource = '';
  if (o.densityKind === 'class') densitySource = densityForClass(o.canonical!)!.source;
  else if (o.densityKind === 'prior' || o.densityKind === 'class-mix') densitySource = `${DENSITY_SOURCE}, weighted by class probability`;
  else if (o.densityKind === 'measured') densitySource = `measured mass and diameter (${srcs.mass ?? 'catalog'})`;
  const densityGcm3 = o.densityKind ? { value: o.rho, low: o.rhoLo, high: o.rhoHi, source: densitySource } : null;
  const massKg = o.massKind ? { value: o.m, low: o.mLo, high: o.mHi, source: o.massKind === 'measured' ? srcs.mass ?? 'catalog' : MASS_SOURCE } : null;
  return { diameterKm: diameter, albedo, densityGcm3, massKg, spectral };
}

function mixAlbedo(probs: Record<string, number>): Range {
  let v = 0, lo = 0, hi = 0, t = 0;
  for (const [cls, p] of Object.entries(probs)) {
    const ca = CLASS_ALBEDO[cls];
    if (!ca || !(p > 0)) continue;
    v += p * ca.mean;
    lo += p * (ca.mean - ca.sigmaDown);
    hi += p * (ca.mean + ca.sigmaUp);
    t += p;
  }
  if (t <= 0) return { value: PRIOR_ALBEDO, low: 0.036, high: 0.342 };
  return { value: v / t, low: lo / t, high: hi / t };
}
