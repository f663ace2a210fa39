/**
 * The bundled market table (data/markets.json): prices converted to USD per kg of metal, world
 * supply, dominant producer, elasticity. Figures keep their `source` so reports can cite them.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { InputError } from '../errors.js';
import { OZT_PER_KG } from '../astro/constants.js';

export interface SourcedRange {
  value: number;
  low: number;
  high: number;
  source: string;
}

export interface MetalMarket {
  /** Element symbol as used across the engine ("Pt", "Nd", "H2O"). */
  element: string;
  name: string;
  group: string;
  /** Price of the metal, USD per kg of metal (oxide prices already converted); null = no market data. */
  priceUsdPerKg: number | null;
  priceYear: number | null;
  priceSource: string | null;
  /** The price as published (e.g. 980 USD/ozt, 56 USD/kg Nd2O3). */
  quotedPrice: { value: number; unit: string; basis: 'metal' | 'oxide'; oxide?: string } | null;
  /** true when the price is flagged approximate in the data file. */
  priceApproximate: boolean;
  /** Why there is no price, when there is none. */
  priceNote: string | null;
  /** World primary supply of the element, kg/yr; null when not published element by element. */
  worldSupplyKgPerYear: number | null;
  supplyYear: number | null;
  supplySource: string | null;
  supplyNote: string | null;
  dominantProducer: { country: string; share: number | null; source: string } | null;
  elasticity: SourcedRange | null;
}

export interface MarketGroup {
  name: string;
  /** Group supply in kg/yr on `basis` (REE: kg of REO). */
  worldSupplyKgPerYear: number;
  basis: string;
  year: number;
  source: string;
  dominantProducer: { country: string; share: number; source: string };
  elasticity: SourcedRange | null;
}

export interface MarketTable {
  metals: Record<string, MetalMarket>;
  groups: Record<string, MarketGroup>;
  atomicWeights: Record<string, number>;
  oztPerKg: number;
}

let cached: MarketTable | undefined;

/** Loads data/markets.json once (or parses a given JSON document, for tests and overrides). */
export function loadMarkets(json?: unknown): MarketTable {
  if (json === undefined && cached) return cached;
  const raw = (json ?? JSON.parse(readFileSync(dataPath('markets.json'), 'utf8'))) as any;
  const table = parseMarkets(raw);
  if (json === undefined) cached = table;
  return table;
}

function elasticityOf(e: any): SourcedRange | null {
  if (!e) return null;
  return { value: e.value, low: e.low ?? e.value, high: e.high ?? e.value, source: e.source };
}

function parseMarkets(raw: any): MarketTable {
  if (!raw || typeof raw !== 'object' || !raw.metals) throw new InputError('markets.json: expected an object with "metals"', 'markets.json');
  const atomicWeights: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw.atomicWeights ?? {})) if (typeof v === 'number') atomicWeights[k] = v;
  const oztPerKg = raw.conversions?.oztPerKg?.value ?? OZT_PER_KG;
  const metals: Record<string, MetalMarket> = {};
  for (const [el, m] of Object.entries<any>(raw.metals)) {
    let priceUsdPerKg: number | null = null;
    if (m.price) {
      const p = m.price;
      const perKg = toUsdPerKg(p.value, p.unit, oztPerKg, `markets.json: metals.${el}.price.unit`);
      if (p.basis === 'oxide') {
        if (!p.oxide) throw new InputError(`markets.json: metals.${el}.price: oxide basis needs "oxide"`, `metals.${el}.price.oxide`);
        priceUsdPerKg = perKg / metalFractionOfOxide(p.oxide, el, atomicWeights);
      } else priceUsdPerKg = perKg;
    }
    metals[el] = {
      element: el,
      name: m.name ?? el,
      group: m.group ?? 'other',
      priceUsdPerKg,
      priceYear: m.price?.year ?? null,
      priceSource: m.price?.source ?? null,
      quotedPrice: m.price ? { value: m.price.value, unit: m.price.unit, basis: m.price.basis ?? 'metal', ...(m.price.oxide ? { oxide: m.price.oxide } : {}) } : null,
      priceApproximate: m.price?.approximate === true,
      priceNote: m.priceNote ?? null,
      worldSupplyKgPerYear: m.worldSupply?.valueKgPerYear ?? null,
      supplyYear: m.worldSupply?.year ?? null,
      supplySource: m.worldSupply?.source ?? null,
      supplyNote: m.worldSupplyNote ?? null,
      dominantProducer: m.dominantProducer ? { country: m.dominantProducer.country, share: m.dominantProducer.share ?? null, source: m.dominantProducer.source } : null,
      elasticity: elasticityOf(m.elasticity),
    };
  }
  const groups: Record<string, MarketGroup> = {};
  for (const [g, v] of Object.entries<any>(raw.groups ?? {})) {
    if (!v.worldSupply) continue;
    groups[g] = {
      name: v.name ?? g,
      worldSupplyKgPerYear: v.worldSupply.valueKgPerYear,
      basis: v.worldSupply.basis ?? 'metal',
      year: v.worldSupply.year,
      source: v.worldSupply.source,
      dominantProducer: { country: v.dominantProducer.country, share: v.dominantProducer.share, source: v.dominantProducer.source },
      elasticity: elasticityOf(v.elasticity),
    };
  }
  return { metals, groups, atomicWeights, oztPerKg };
}

function toUsdPerKg(value: number, unit: string, oztPerKg: number, field: string): number {
  switch (unit) {
    case 'USD/kg':
      return value;
    case 'USD/ozt':
      return value * oztPerKg;
    case 'USD/t':
      return value / 1000;
    case 'USD/lb':
      return value / 0.45359237;
    default:
      throw new InputError(`${field}: unknown price unit "${unit}" (expected USD/kg, USD/ozt, USD/t or USD/lb)`, field);
  }
}

/**
 * Mass fraction of `element` in an oxide formula such as "Nd2O3" or "Tb4O7", from atomic weights
 * (IUPAC 2021 via data/markets.json): Nd2O3 → 2·144.242/(2·144.242 + 3·15.999) = 0.8574.
 */
export function metalFractionOfOxide(formula: string, element: string, atomicWeights: Record<string, number>): number {
  const parts = [...formula.matchAll(/([A-Z][a-z]?)(\d*)/g)].filter((m) => m[0] !== '');
  let total = 0;
  let metal = 0;
  for (const [, sym, n] of parts) {
    const w = atomicWeights[sym];
    if (w === undefined) throw new InputError(`oxide ${formula}: no atomic weight for ${sym}`, 'atomicWeights');
    const count = n === '' ? 1 : Number(n);
    total += w * count;
    if (sym === element) metal += w * count;
  }
  if (metal === 0) throw new InputError(`oxide ${formula} does not contain ${element}`, 'oxide');
  return metal / total;
}

/** Converts kg of an element to kg of its priced oxide (REE reporting basis), or returns kg unchanged. */
export function oxideEquivalentKg(market: MetalMarket, kg: number, table: MarketTable): number {
  const oxide = market.quotedPrice?.oxide;
  return oxide ? kg / metalFractionOfOxide(oxide, market.element, table.atomicWeights) : kg;
}
