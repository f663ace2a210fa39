/**
 * Whole-body market impact (DESIGN §2.7): the metal an entire asteroid contains, in years of world
 * supply, and the price that much would imply if it reached the market — the popular "one metal
 * asteroid would crash the commodities market" claim made quantitative, next to the naive contained
 * value (mass × today's price) that headlines quote.
 */
import { requireFinite } from '../errors.js';
import { loadMarkets, metalFractionOfOxide, type MarketTable } from './market-data.js';
import { REO_FORMULA, respondedPrice } from './price-response.js';

/**
 * A composition as mass fractions by element. Accepts plain fractions (`{Pt: 1.5e-5}`) or the
 * distribution objects the catalog uses (`{Pt: {p50}}`, `{mode}`, `{mean}`, `{value}`,
 * `{min, max}`, `{p10, p50, p90}`); ppm only when the key says so (`ppm`, `p50Ppm`, …).
 */
export type CompositionInput = object; // Record<element, entry>, {elements: …} (catalog Composition) or [{element, …}]

export interface WholeBodyElementImpact {
  element: string;
  name: string;
  massFraction: number;
  containedKg: number;
  /** The element's own world supply, kg of metal per yr (never a group total). */
  worldSupplyKgPerYear: number | null;
  supplyBasis: 'element' | null;
  /** true when that supply figure is approximate (Rh/Ir/Ru trade figures, REE derived shares). */
  supplyApproximate: boolean;
  /** Contained metal ÷ the element's annual world supply. */
  yearsOfWorldSupply: number | null;
  /** The same over the body's mass range, when one is given. */
  yearsOfWorldSupplyRange: [number, number] | null;
  priceUsdPerKg: number | null;
  /** Contained mass × today's price: the headline number. */
  naiveValueUsd: number | null;
  /** Price if the whole content reached the market over `releaseYears` (constant-elasticity response). */
  impliedPriceUsdPerKg: number | null;
  impliedPriceRangeUsdPerKg: [number, number] | null;
  /** Contained mass × implied price. */
  valueAtImpliedPriceUsd: number | null;
  notes: string[];
}

export interface WholeBodyMarketImpact {
  massKg: number;
  massKgRange: [number, number] | null;
  releaseYears: number;
  elements: WholeBodyElementImpact[];
  /** Σ contained × today's price over every priced element. */
  totalNaiveValueUsd: number;
  /** The part of the naive value whose market has a supply figure (so a price response). */
  modelledNaiveValueUsd: number;
  /** That part again at the implied prices. */
  modelledValueAtImpliedPriceUsd: number;
  /** Priced elements without a world-supply figure or elasticity: naive value only. */
  unmodelledNaiveValueUsd: number;
  unmodelledElements: string[];
  /** Elements with a world-supply figure but no price (iron): years of supply only. */
  unpricedWithSupply: string[];
  /** The rare earths as a group: ΣREE contained as oxide against world REO mine output. */
  ree: { containedReoKg: number; worldReoKgPerYear: number; yearsOfWorldSupply: number; yearsOfWorldSupplyRange: [number, number] | null; source: string } | null;
  /** What the table means, in one sentence for reports. */
  summary: string;
  method: string;
}

const FRACTION_KEYS = ['p50', 'median', 'mode', 'mean', 'value', 'fraction', 'massFraction'];
const PPM_KEYS = ['ppm', 'p50Ppm', 'medianPpm', 'modePpm', 'meanPpm', 'valuePpm'];

/** A single representative mass fraction (median-like) from one composition entry, or null. */
export function representativeFraction(entry: unknown): number | null {
  if (typeof entry === 'number') return Number.isFinite(entry) ? entry : null;
  if (!entry || typeof entry !== 'object') return null;
  const o = entry as Record<string, unknown>;
  for (const k of FRACTION_KEYS) if (typeof o[k] === 'number' && Number.isFinite(o[k])) return o[k] as number;
  for (const k of PPM_KEYS) if (typeof o[k] === 'number' && Number.isFinite(o[k])) return (o[k] as number) * 1e-6;
  if (typeof o.min === 'number' && typeof o.max === 'number') return ((o.min as number) + (o.max as number)) / 2;
  if (typeof o.low === 'number' && typeof o.high === 'number') return ((o.low as number) + (o.high as number)) / 2;
  if (o.distribution) return representativeFraction(o.distribution);
  if (o.fraction && typeof o.fraction === 'object') return representativeFraction(o.fraction);
  return null;
}

/** Normalises a composition to `{element: massFraction}` (entries without a usable figure are dropped). */
export function compositionFractions(composition: CompositionInput): Record<string, number> {
  const out: Record<string, number> = {};
  if (Array.isArray(composition)) {
    for (const row of composition as Array<Record<string, unknown>>) {
      const el = (row.element ?? row.symbol ?? row.name) as string | undefined;
      const f = representativeFraction(row);
      if (el && f !== null && f >= 0) out[el] = f;
    }
    return out;
  }
  const src = (composition as any).elements && typeof (composition as any).elements === 'object' ? (composition as any).elements : composition;
  if (Array.isArray(src)) return compositionFractions(src);
  for (const [el, v] of Object.entries(src as Record<string, unknown>)) {
    if (!/^[A-Z][a-z]?$|^H2O$/.test(el)) continue;
    const f = representativeFraction(v);
    if (f !== null && f >= 0) out[el] = f;
  }
  return out;
}

export function wholeBodyMarketImpact(
  massKg: number,
  composition: CompositionInput,
  opts: { releaseYears?: number; markets?: MarketTable; massKgLow?: number | null; massKgHigh?: number | null } = {},
): WholeBodyMarketImpact {
  requireFinite(massKg, 'massKg', { min: 0 });
  const lo = opts.massKgLow ?? null;
  const hi = opts.massKgHigh ?? null;
  if (lo !== null) requireFinite(lo, 'massKgLow', { min: 0 });
  if (hi !== null) requireFinite(hi, 'massKgHigh', { min: 0 });
  const scaleRange = (v: number | null): [number, number] | null =>
    v === null || lo === null || hi === null || massKg === 0 ? null : [(v * Math.min(lo, hi)) / massKg, (v * Math.max(lo, hi)) / massKg];
  const releaseYears = requireFinite(opts.releaseYears ?? 1, 'releaseYears', { min: 0, exclusiveMin: true });
  const table = opts.markets ?? loadMarkets();
  const fractions = compositionFractions(composition);
  const elements: WholeBodyElementImpact[] = [];
  let reoKg = 0;
  for (const [el, f] of Object.entries(fractions)) {
    const m = table.metals[el];
    if (!m) continue; // not a traded commodity we model (Si, Mg, …)
    if (!(f > 1e-15)) continue; // absent (or quantile noise)
    const contained = massKg * f;
    const notes: string[] = [];
    const row: WholeBodyElementImpact = {
      element: el, name: m.name, massFraction: f, containedKg: contained, worldSupplyKgPerYear: null, supplyBasis: null, supplyApproximate: false,
      yearsOfWorldSupply: null, yearsOfWorldSupplyRange: null, priceUsdPerKg: m.priceUsdPerKg, naiveValueUsd: m.priceUsdPerKg === null ? null : contained * m.priceUsdPerKg,
      impliedPriceUsdPerKg: null, impliedPriceRangeUsdPerKg: null, valueAtImpliedPriceUsd: null, notes,
    };
    if (m.priceNote) notes.push(m.priceNote);
    if (m.group === 'REE' && REO_FORMULA[el]) reoKg += contained / metalFractionOfOxide(REO_FORMULA[el], el, table.atomicWeights);
    if (m.worldSupplyKgPerYear !== null) {
      row.worldSupplyKgPerYear = m.worldSupplyKgPerYear;
      row.supplyBasis = 'element';
      row.supplyApproximate = m.supplyApproximate;
      row.yearsOfWorldSupply = contained / m.worldSupplyKgPerYear;
      if (m.supplyDerivation) notes.push(`world supply derived: ${m.supplyDerivation}`);
      if (m.supplyApproximate) notes.push('world supply figure is approximate (see its source)');
      if (m.priceUsdPerKg !== null && m.elasticity) {
        const perYear = contained / releaseYears;
        const p = respondedPrice(m.priceUsdPerKg, perYear, m.worldSupplyKgPerYear, m.elasticity.value);
        const a = respondedPrice(m.priceUsdPerKg, perYear, m.worldSupplyKgPerYear, m.elasticity.low);
        const b = respondedPrice(m.priceUsdPerKg, perYear, m.worldSupplyKgPerYear, m.elasticity.high);
        row.impliedPriceUsdPerKg = p;
        row.impliedPriceRangeUsdPerKg = [Math.min(a, b), Math.max(a, b)];
        row.valueAtImpliedPriceUsd = contained * p;
      } else if (m.priceUsdPerKg === null) notes.push('no price: years of supply only, no implied price');
      else notes.push('no elasticity: valued at today\'s price only');
    } else if (m.group === 'REE') {
      notes.push(`no world-supply figure for ${m.name} alone (only the ΣREE group is compared with world REO)`);
    } else if (m.supplyNote) notes.push(m.supplyNote);
    row.yearsOfWorldSupplyRange = scaleRange(row.yearsOfWorldSupply);
    elements.push(row);
  }
  elements.sort((a, b) => (b.naiveValueUsd ?? -1) - (a.naiveValueUsd ?? -1));
  const totalNaiveValueUsd = elements.reduce((s, e) => s + (e.naiveValueUsd ?? 0), 0);
  const modelled = elements.filter((e) => e.valueAtImpliedPriceUsd !== null);
  const unmodelled = elements.filter((e) => e.valueAtImpliedPriceUsd === null && e.naiveValueUsd !== null && e.naiveValueUsd > 0);
  const modelledNaiveValueUsd = modelled.reduce((s, e) => s + e.naiveValueUsd!, 0);
  const modelledValueAtImpliedPriceUsd = modelled.reduce((s, e) => s + e.valueAtImpliedPriceUsd!, 0);
  const unmodelledNaiveValueUsd = unmodelled.reduce((s, e) => s + e.naiveValueUsd!, 0);
  const unpricedWithSupply = elements.filter((e) => e.yearsOfWorldSupply !== null && e.priceUsdPerKg === null).map((e) => e.element);
  const worst = elements.filter((e) => e.yearsOfWorldSupply !== null).sort((a, b) => b.yearsOfWorldSupply! - a.yearsOfWorldSupply!)[0];
  let summary = worst
    ? `Contains ${fmtYears(worst.yearsOfWorldSupply!)} of world ${worst.name} supply. Naive value $${sci(totalNaiveValueUsd)}; ` +
      (modelled.length
        ? `the priced metals with a supply figure (${modelled.map((e) => e.element).join(', ')}: $${sci(modelledNaiveValueUsd)} naive) would fetch $${sci(modelledValueAtImpliedPriceUsd)} if sold within ${releaseYears} yr.`
        : 'no priced metal has a supply figure, so no implied price.')
    : `No element with a world-supply figure; naive value $${sci(totalNaiveValueUsd)}.`;
  if (unmodelled.length) summary += ` ${unmodelled.map((e) => e.element).join(', ')} ($${sci(unmodelledNaiveValueUsd)} naive) ${unmodelled.length > 1 ? 'have' : 'has'} a price but no world-supply figure or elasticity, so no price response.`;
  if (unpricedWithSupply.length) summary += ` ${unpricedWithSupply.join(', ')}: years of supply only (no market price).`;
  const reeGroup = table.groups.REE;
  const ree: WholeBodyMarketImpact['ree'] =
    reoKg > 0 && reeGroup
      ? { containedReoKg: reoKg, worldReoKgPerYear: reeGroup.worldSupplyKgPerYear, yearsOfWorldSupply: reoKg / reeGroup.worldSupplyKgPerYear, yearsOfWorldSupplyRange: scaleRange(reoKg / reeGroup.worldSupplyKgPerYear), source: reeGroup.source }
      : null;
  return {
    massKg, massKgRange: lo !== null && hi !== null ? [Math.min(lo, hi), Math.max(lo, hi)] : null, releaseYears, elements,
    totalNaiveValueUsd, modelledNaiveValueUsd, modelledValueAtImpliedPriceUsd, unmodelledNaiveValueUsd, unmodelledElements: unmodelled.map((e) => e.element), unpricedWithSupply, ree, summary,
    method: 'contained = mass × median (P50) mass fraction; years = contained / the element\'s annual world supply (ΣREE as oxide against world REO as a group line); implied price p = p0·(1 + (contained/releaseYears)/S0)^(1/ε) (DESIGN §2.7)',
  };
}

function sci(x: number): string {
  return x === 0 ? '0' : x.toExponential(2);
}
function fmtYears(y: number): string {
  return y >= 100 ? `${y.toExponential(2)} years` : `${y.toPrecision(3)} years`;
}
