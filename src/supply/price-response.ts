/**
 * Constant-elasticity price response to extra supply (DESIGN §2.7):
 *   p = p0 · (1 + ΔS/S0)^(1/ε),   ε < 0 the price elasticity of demand.
 * Extra supply ΔS ≥ 0 can only lower the price, and the power law never crosses zero.
 */
import { InputError, requireFinite } from '../errors.js';
import type { MarketTable, MetalMarket, SourcedRange } from './market-data.js';
import { metalFractionOfOxide, REO_FORMULA } from './market-data.js';

/** p/p0 for extra supply ΔS on a market of S0 with elasticity ε (< 0). */
export function priceRatio(addedKgPerYear: number, supplyKgPerYear: number, elasticity: number): number {
  requireFinite(addedKgPerYear, 'addedKgPerYear', { min: 0 });
  requireFinite(supplyKgPerYear, 'supplyKgPerYear', { min: 0, exclusiveMin: true });
  requireFinite(elasticity, 'elasticity', { max: 0, exclusiveMax: true });
  return Math.pow(1 + addedKgPerYear / supplyKgPerYear, 1 / elasticity);
}

/** Market-responded price, USD/kg; ≥ 0 by construction. */
export function respondedPrice(p0UsdPerKg: number, addedKgPerYear: number, supplyKgPerYear: number, elasticity: number): number {
  requireFinite(p0UsdPerKg, 'p0UsdPerKg', { min: 0 });
  return Math.max(0, p0UsdPerKg * priceRatio(addedKgPerYear, supplyKgPerYear, elasticity));
}

export { REO_FORMULA };

export interface ElementMarketImpact {
  element: string;
  name: string;
  group: string;
  deliveredKgPerYear: number;
  /** Reference price, USD/kg metal (null: no market data). */
  priceUsdPerKg: number | null;
  priceYear: number | null;
  priceSource: string | null;
  priceApproximate: boolean;
  /** The element's world supply the share is measured against, kg of metal per yr (never a group total). */
  worldSupplyKgPerYear: number | null;
  supplyBasis: 'element' | null;
  supplyYear: number | null;
  /** true when the supply figure is approximate (trade press or a derived share; see the data source). */
  supplyApproximate: boolean;
  /** How an element supply was derived (REE: share of world REO × metal fraction), else null. */
  supplyDerivation: string | null;
  /** Delivered / world supply of the same element. */
  shareOfWorldSupply: number | null;
  dominantProducer: string | null;
  /** Delivered / (world supply − dominant producer's output). */
  shareOfSupplyOutsideDominant: number | null;
  elasticity: SourcedRange | null;
  /** Responded price at the central ε and at the ε range ends (low = most elastic = smallest fall). */
  respondedPriceUsdPerKg: number | null;
  respondedPriceRangeUsdPerKg: [number, number] | null;
  priceChangeFraction: number | null;
  /** Revenue per year at the responded price (reference price when no response model), USD. */
  revenueUsdPerYear: number | null;
  /** Revenue per year at the unchanged reference price (the naive figure), USD. */
  naiveRevenueUsdPerYear: number | null;
  notes: string[];
}

export interface MarketImpactResult {
  elements: ElementMarketImpact[];
  totalRevenueUsdPerYear: number;
  totalNaiveRevenueUsdPerYear: number;
  /** ΣREE delivered as REO against the world REO supply. */
  ree: { deliveredReoKgPerYear: number; shareOfWorldSupply: number; shareOfSupplyOutsideChina: number; source: string } | null;
  warnings: string[];
}

/** Market impact of metal delivered to Earth each year (kg/yr by element). */
export function marketImpact(
  deliveredKgPerYear: Record<string, number>,
  table: MarketTable,
  opts: { elasticityOverride?: Record<string, number>; priceOverrideUsdPerKg?: Record<string, number> } = {},
): MarketImpactResult {
  const elements: ElementMarketImpact[] = [];
  const warnings: string[] = [];
  let reoKg = 0;
  for (const [el, kg] of Object.entries(deliveredKgPerYear)) {
    requireFinite(kg, `delivered.${el}`, { min: 0 });
    const m = table.metals[el];
    if (!m) {
      warnings.push(`${el}: not in the market table; counted in mass only`);
      elements.push(emptyImpact(el, kg, [`${el} has no entry in data/markets.json`]));
      continue;
    }
    const p0 = opts.priceOverrideUsdPerKg?.[el];
    if (p0 !== undefined) requireFinite(p0, `price.${el}`, { min: 0 });
    const impact = elementImpact(p0 === undefined ? m : { ...m, priceUsdPerKg: p0, priceSource: 'user override', priceYear: null, priceApproximate: false, priceNote: null }, kg, table, opts.elasticityOverride?.[el]);
    if (m.group === 'REE' && REO_FORMULA[el]) reoKg += kg / metalFractionOfOxide(REO_FORMULA[el], el, table.atomicWeights);
    elements.push(impact);
  }
  let ree: MarketImpactResult['ree'] = null;
  const reeGroup = table.groups.REE;
  if (reoKg > 0 && reeGroup) {
    const outside = reeGroup.worldSupplyKgPerYear * (1 - reeGroup.dominantProducer.share);
    ree = { deliveredReoKgPerYear: reoKg, shareOfWorldSupply: reoKg / reeGroup.worldSupplyKgPerYear, shareOfSupplyOutsideChina: reoKg / outside, source: reeGroup.source };
  }
  const totalRevenueUsdPerYear = elements.reduce((s, e) => s + (e.revenueUsdPerYear ?? 0), 0);
  const totalNaiveRevenueUsdPerYear = elements.reduce((s, e) => s + (e.naiveRevenueUsdPerYear ?? 0), 0);
  for (const e of elements) if (e.priceUsdPerKg === null && e.deliveredKgPerYear > 0) warnings.push(`${e.element}: no market data — not valued`);
  return { elements, totalRevenueUsdPerYear, totalNaiveRevenueUsdPerYear, ree, warnings };
}

function emptyImpact(el: string, kg: number, notes: string[]): ElementMarketImpact {
  return {
    element: el, name: el, group: 'unknown', deliveredKgPerYear: kg, priceUsdPerKg: null, priceYear: null, priceSource: null, priceApproximate: false,
    worldSupplyKgPerYear: null, supplyBasis: null, supplyYear: null, supplyApproximate: false, supplyDerivation: null, shareOfWorldSupply: null, dominantProducer: null, shareOfSupplyOutsideDominant: null,
    elasticity: null, respondedPriceUsdPerKg: null, respondedPriceRangeUsdPerKg: null, priceChangeFraction: null, revenueUsdPerYear: null,
    naiveRevenueUsdPerYear: null, notes,
  };
}

/** Impact of `kg` per year of one element (or of a one-off quantity treated as a year's supply). */
export function elementImpact(m: MetalMarket, kg: number, table: MarketTable, elasticityOverride?: number): ElementMarketImpact {
  const notes: string[] = [];
  const out = emptyImpact(m.element, kg, notes);
  out.name = m.name;
  out.group = m.group;
  out.priceUsdPerKg = m.priceUsdPerKg;
  out.priceYear = m.priceYear;
  out.priceSource = m.priceSource;
  out.priceApproximate = m.priceApproximate;
  if (m.priceNote) notes.push(m.priceNote);
  if (m.priceApproximate) notes.push('price is approximate (see its source)');
  const elasticity = elasticityOverride !== undefined
    ? { value: elasticityOverride, low: elasticityOverride, high: elasticityOverride, source: 'user override' }
    : m.elasticity;
  if (elasticityOverride !== undefined && !(elasticityOverride < 0)) throw new InputError(`elasticity for ${m.element}: expected a negative number, got ${elasticityOverride}`, `elasticity.${m.element}`);
  out.elasticity = elasticity;

  if (m.worldSupplyKgPerYear !== null) {
    out.worldSupplyKgPerYear = m.worldSupplyKgPerYear;
    out.supplyBasis = 'element';
    out.supplyYear = m.supplyYear;
    out.supplyApproximate = m.supplyApproximate;
    out.supplyDerivation = m.supplyDerivation;
    out.shareOfWorldSupply = kg / m.worldSupplyKgPerYear;
    if (m.dominantProducer && m.dominantProducer.share !== null) {
      out.dominantProducer = m.dominantProducer.country;
      out.shareOfSupplyOutsideDominant = kg / (m.worldSupplyKgPerYear * (1 - m.dominantProducer.share));
    }
    if (m.supplyDerivation) notes.push(`world supply derived: ${m.supplyDerivation}`);
    if (m.supplyApproximate) notes.push('world supply figure is approximate (see its source)');
  } else if (m.group === 'REE') {
    // Never compare one rare earth with all rare earths: the ΣREE line does the group comparison.
    notes.push(`no world-supply figure for ${m.name} alone: no share or price response for it (ΣREE as oxide is compared with world REO in the group line)`);
  } else if (m.supplyNote) notes.push(m.supplyNote);

  if (m.priceUsdPerKg !== null) {
    out.naiveRevenueUsdPerYear = kg * m.priceUsdPerKg;
    if (m.worldSupplyKgPerYear !== null && elasticity) {
      const p = respondedPrice(m.priceUsdPerKg, kg, m.worldSupplyKgPerYear, elasticity.value);
      const a = respondedPrice(m.priceUsdPerKg, kg, m.worldSupplyKgPerYear, elasticity.low);
      const b = respondedPrice(m.priceUsdPerKg, kg, m.worldSupplyKgPerYear, elasticity.high);
      out.respondedPriceUsdPerKg = p;
      out.respondedPriceRangeUsdPerKg = [Math.min(a, b), Math.max(a, b)];
      out.priceChangeFraction = p / m.priceUsdPerKg - 1;
      out.revenueUsdPerYear = kg * p;
    } else {
      out.revenueUsdPerYear = out.naiveRevenueUsdPerYear;
      notes.push('valued at the reference price: no supply or elasticity to model a price response');
    }
  }
  return out;
}
