/**
 * Semiconductor equivalents of delivered metal (DESIGN §2.7): material per 300 mm wafer =
 * Σ layers ρ·A·t·levels / target utilisation; wafers → accelerator dies with edge loss and yield.
 * "How many wafers / accelerators per year does this mission's PGM/REE output supply?"
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { InputError, requireFinite } from '../errors.js';

export interface FilmLayer {
  id: string;
  element: string;
  /** Element-equivalent blanket thickness per level, nm. */
  thicknessNm: number;
  levels: number;
  /** g/cm³; defaults to the element density in data/semiconductors.json. */
  densityGcm3?: number;
  /** Target/precursor utilisation for this layer (0–1]; defaults to the stack value. */
  utilisation?: number;
  description?: string;
  source?: string;
}

export interface SemiconductorInputs {
  layers?: FilmLayer[];
  /** A name for the die (default: "NVIDIA H100 (GH100 die)", or "custom die" with a custom area). */
  dieName?: string;
  utilisation?: number;
  waferDiameterMm?: number;
  edgeExclusionMm?: number;
  dieAreaMm2?: number;
  defectDensityPerCm2?: number;
}

export interface SemiconductorDefaults {
  layers: FilmLayer[];
  densities: Record<string, number>;
  utilisation: { value: number; low: number; high: number };
  waferDiameterMm: number;
  edgeExclusionMm: number;
  dieAreaMm2: number;
  dieName: string;
  defectDensityPerCm2: number;
  /** World silicon wafer area shipped per year, cm² (SEMI SMG), and its year. */
  worldWaferAreaCm2PerYear: number;
  worldWaferYear: number;
}

let cached: SemiconductorDefaults | undefined;

export function semiconductorDefaults(): SemiconductorDefaults {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(dataPath('semiconductors.json'), 'utf8')) as any;
  const densities: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw.densities)) if (typeof v === 'number') densities[k] = v;
  cached = {
    layers: raw.layers.map((l: any) => ({ id: l.id, element: l.element, thicknessNm: l.thicknessNm, levels: l.levels, description: l.description, source: l.source })),
    densities,
    utilisation: { value: raw.utilisation.value, low: raw.utilisation.low, high: raw.utilisation.high },
    waferDiameterMm: raw.wafer.diameterMm,
    edgeExclusionMm: raw.wafer.edgeExclusionMm,
    dieAreaMm2: raw.dies.h100.areaMm2,
    dieName: raw.dies.h100.name,
    defectDensityPerCm2: raw.dies.defectDensityPerCm2.value,
    // 1 in² = 6.4516 cm² exactly.
    worldWaferAreaCm2PerYear: raw.worldWaferShipments.areaMsiPerYear * 1e6 * 6.4516,
    worldWaferYear: raw.worldWaferShipments.year,
  };
  return cached;
}

/** Wafer area, cm² (300 mm → 706.9 cm²). */
export function waferAreaCm2(diameterMm: number): number {
  const rCm = diameterMm / 20;
  return Math.PI * rCm * rCm;
}

/**
 * Gross dies per wafer, the standard edge-loss estimate
 * DPW = π(d/2)²/S − π·d/√(2S) with d the usable diameter (wafer − 2·edge exclusion), floored.
 * (e.g. de Vries, IEEE Trans. Semicond. Manuf. 18 (2005) 136, "Investigation of gross die per wafer formulas").
 */
export function grossDiesPerWafer(dieAreaMm2: number, waferDiameterMm = 300, edgeExclusionMm = 0): number {
  requireFinite(dieAreaMm2, 'dieAreaMm2', { min: 0, exclusiveMin: true });
  const d = waferDiameterMm - 2 * edgeExclusionMm;
  if (d <= 0) throw new InputError('edgeExclusionMm: leaves no usable wafer', 'edgeExclusionMm');
  const n = (Math.PI * (d / 2) ** 2) / dieAreaMm2 - (Math.PI * d) / Math.sqrt(2 * dieAreaMm2);
  return Math.max(0, Math.floor(n));
}

/** Poisson die yield Y = exp(−A·D0) (A in cm²). */
export function poissonYield(dieAreaMm2: number, defectDensityPerCm2: number): number {
  requireFinite(defectDensityPerCm2, 'defectDensityPerCm2', { min: 0 });
  return Math.exp(-(dieAreaMm2 / 100) * defectDensityPerCm2);
}

export interface LayerMaterial {
  id: string;
  element: string;
  thicknessNm: number;
  levels: number;
  densityGcm3: number;
  utilisation: number;
  /** Film mass deposited on the wafer, g. */
  filmGPerWafer: number;
  /** Metal consumed per wafer (film / utilisation), g. */
  consumedGPerWafer: number;
  source?: string;
}

/** Metal consumed per wafer, by layer and by element (g). */
export function waferMaterial(inputs: SemiconductorInputs = {}): { layers: LayerMaterial[]; gramsPerWaferByElement: Record<string, number>; waferAreaCm2: number } {
  const def = semiconductorDefaults();
  const layers = inputs.layers ?? def.layers;
  const util = inputs.utilisation ?? def.utilisation.value;
  requireFinite(util, 'utilisation', { min: 0, max: 1, exclusiveMin: true });
  const area = waferAreaCm2(inputs.waferDiameterMm ?? def.waferDiameterMm);
  const out: LayerMaterial[] = [];
  const byEl: Record<string, number> = {};
  layers.forEach((l, i) => {
    const field = `layers[${i}]`;
    if (typeof l.element !== 'string' || !/^[A-Z][a-z]?$/.test(l.element)) throw new InputError(`${field}.element: expected an element symbol such as Pt, got ${JSON.stringify(l.element)}`, `${field}.element`);
    requireFinite(l.thicknessNm, `${field}.thicknessNm`, { min: 0 });
    requireFinite(l.levels, `${field}.levels`, { min: 0 });
    const rho = l.densityGcm3 ?? def.densities[l.element];
    if (rho === undefined) throw new InputError(`${field}.densityGcm3: no default density for ${l.element}; give one`, `${field}.densityGcm3`);
    const u = l.utilisation ?? util;
    requireFinite(u, `${field}.utilisation`, { min: 0, max: 1, exclusiveMin: true });
    const film = rho * area * l.thicknessNm * 1e-7 * l.levels; // nm → cm
    const consumed = film / u;
    out.push({ id: l.id, element: l.element, thicknessNm: l.thicknessNm, levels: l.levels, densityGcm3: rho, utilisation: u, filmGPerWafer: film, consumedGPerWafer: consumed, source: l.source });
    byEl[l.element] = (byEl[l.element] ?? 0) + consumed;
  });
  return { layers: out, gramsPerWaferByElement: byEl, waferAreaCm2: area };
}

export interface SemiconductorElementEquivalent {
  element: string;
  deliveredKgPerYear: number;
  gramsPerWafer: number;
  wafersPerYear: number;
  acceleratorsPerYear: number;
  /** Metal per good accelerator die, mg; null when the wafer yields no good die (see die.note). */
  mgPerAccelerator: number | null;
  /** Wafers covered ÷ the world's wafer output in 300 mm equivalents (all device types: an upper bound). */
  shareOfWorldWafers: number;
}

export interface SemiconductorEquivalents {
  /** `note` says why there are no accelerators when the die does not fit the wafer. */
  die: { name: string; areaMm2: number; grossPerWafer: number; yield: number; goodPerWafer: number; note: string | null };
  utilisation: number;
  /** Which layer stack was used: the bundled default or one given by the caller. */
  stack: 'default' | 'custom';
  layers: LayerMaterial[];
  elements: SemiconductorElementEquivalent[];
  /** Delivered elements with no layer in the stack (not used on wafers in this model). */
  notInStack: string[];
  /** The plain-words statement for `notInStack` (e.g. "Nd, Dy, Tb: not in the wafer stack …"), null when empty. */
  notInStackNote: string | null;
  /** The element that limits a full stack (fewest wafers), when more than one is delivered. */
  limitingElement: string | null;
  /** World silicon wafer output in 300 mm equivalents per year (SEMI SMG area shipments). */
  worldWafersPerYear: number;
  worldWafersYear: number;
  /** Wafers per year the delivered metal covers for the whole stack (min over stack elements; 0 when one is missing). */
  fullStackWafersPerYear: number;
  method: string;
}

/** Magnet rare earths (NdFeB and its Dy/Tb/Pr additions): named when they turn up outside the film stack. */
const MAGNET_REE = new Set(['Nd', 'Pr', 'Dy', 'Tb', 'Sm']);

/** Wafers and accelerators per year whose film needs the delivered metal (kg/yr by element) covers. */
export function semiconductorEquivalents(deliveredKgPerYear: Record<string, number>, inputs: SemiconductorInputs = {}): SemiconductorEquivalents {
  const def = semiconductorDefaults();
  const mat = waferMaterial(inputs);
  const dieArea = inputs.dieAreaMm2 ?? def.dieAreaMm2;
  const gross = grossDiesPerWafer(dieArea, inputs.waferDiameterMm ?? def.waferDiameterMm, inputs.edgeExclusionMm ?? def.edgeExclusionMm);
  const y = poissonYield(dieArea, inputs.defectDensityPerCm2 ?? def.defectDensityPerCm2);
  const good = gross * y;
  const waferMm = inputs.waferDiameterMm ?? def.waferDiameterMm;
  const dieNote = gross === 0 ? `a ${dieArea} mm² die does not fit on a ${waferMm} mm wafer (0 whole dies after edge loss): no accelerators, mg per accelerator undefined` : null;
  const worldWafers = def.worldWaferAreaCm2PerYear / mat.waferAreaCm2;
  const elements: SemiconductorElementEquivalent[] = [];
  const notInStack: string[] = [];
  for (const [el, kg] of Object.entries(deliveredKgPerYear)) {
    requireFinite(kg, `delivered.${el}`, { min: 0 });
    const g = mat.gramsPerWaferByElement[el];
    if (!g) {
      if (kg > 0) notInStack.push(el);
      continue;
    }
    const wafers = (kg * 1000) / g;
    elements.push({ element: el, deliveredKgPerYear: kg, gramsPerWafer: g, wafersPerYear: wafers, acceleratorsPerYear: wafers * good, mgPerAccelerator: good > 0 ? (g * 1000) / good : null, shareOfWorldWafers: wafers / worldWafers });
  }
  const stackEls = Object.keys(mat.gramsPerWaferByElement);
  let full = Infinity;
  let limiting: string | null = null;
  for (const el of stackEls) {
    const e = elements.find((x) => x.element === el);
    const w = e ? e.wafersPerYear : 0;
    if (w < full) {
      full = w;
      limiting = el;
    }
  }
  const magnets = notInStack.filter((el) => MAGNET_REE.has(el));
  const notInStackNote = notInStack.length === 0
    ? null
    : `${notInStack.join(', ')}: not in the wafer stack — no layer of this ${inputs.layers ? 'custom' : 'default'} stack uses ${notInStack.length > 1 ? 'them' : 'it'}, so ${notInStack.length > 1 ? 'they supply' : 'it supplies'} no wafers here` +
      (magnets.length ? ` (${magnets.join(', ')} ${magnets.length > 1 ? 'go' : 'goes'} into NdFeB permanent magnets, not chip films)` : '');
  return {
    die: { name: inputs.dieName ?? (inputs.dieAreaMm2 ? 'custom die' : def.dieName), areaMm2: dieArea, grossPerWafer: gross, yield: y, goodPerWafer: good, note: dieNote },
    utilisation: inputs.utilisation ?? def.utilisation.value,
    stack: inputs.layers ? 'custom' : 'default',
    layers: mat.layers,
    elements,
    notInStack,
    notInStackNote,
    limitingElement: elements.length > 0 ? limiting : null,
    worldWafersPerYear: worldWafers,
    worldWafersYear: def.worldWaferYear,
    fullStackWafersPerYear: Number.isFinite(full) ? full : 0,
    method: 'g/wafer = Σ ρ·A·t·levels / utilisation; wafers = delivered / (g/wafer); accelerators = wafers × gross dies × Poisson yield (DESIGN §2.7)',
  };
}
