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
  /** World primary supply of the element, kg of metal per yr; null when there is no figure. */
  worldSupplyKgPerYear: number | null;
  supplyYear: number | null;
  supplySource: string | null;
  supplyNote: string | null;
  /** true when the data file flags the supply figure approximate (trade press, derived shares). */
  supplyApproximate: boolean;
  /** How the figure was obtained when it is not a published element total (REE: share × world REO × metal fraction). */
  supplyDerivation: string | null;
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
  const groups = parseGroups(raw);
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
      ...supplyOf(el, m, groups, atomicWeights),
      supplyYear: m.worldSupply?.year ?? null,
      supplySource: m.worldSupply?.source ?? null,
      supplyNote: m.worldSupplyNote ?? null,
      supplyApproximate: m.worldSupply?.approximate === true,
      dominantProducer: m.dominantProducer ? { country: m.dominantProducer.country, share: m.dominantProducer.share ?? null, source: m.dominantProducer.source } : null,
      elasticity: elasticityOf(m.elasticity),
    };
  }
  return { metals, groups, atomicWeights, oztPerKg };
}

/**
 * An element's world supply in kg of metal per year: a published figure (`valueKgPerYear`), or a
 * share of its group's supply (`shareOfGroup`; REE: share × world REO = kg of oxide, × the metal
 * fraction of the oxide = kg of metal).
 */
function supplyOf(el: string, m: any, groups: Record<string, MarketGroup>, atomicWeights: Record<string, number>): { worldSupplyKgPerYear: number | null; supplyDerivation: string | null } {
  const w = m.worldSupply;
  if (!w) return { worldSupplyKgPerYear: null, supplyDerivation: null };
  if (typeof w.valueKgPerYear === 'number') return { worldSupplyKgPerYear: w.valueKgPerYear, supplyDerivation: null };
  if (typeof w.shareOfGroup === 'number') {
    const g = groups[w.group];
    if (!g) throw new InputError(`markets.json: metals.${el}.worldSupply.group: no group "${w.group}" with a world supply`, `metals.${el}.worldSupply.group`);
    if (!(w.shareOfGroup > 0 && w.shareOfGroup <= 1)) throw new InputError(`markets.json: metals.${el}.worldSupply.shareOfGroup: expected a fraction in (0, 1], got ${w.shareOfGroup}`, `metals.${el}.worldSupply.shareOfGroup`);
    const groupKg = w.shareOfGroup * g.worldSupplyKgPerYear;
    if (w.basis === 'oxide') {
      const oxide = m.price?.oxide ?? REO_FORMULA[el];
      if (!oxide) throw new InputError(`markets.json: metals.${el}.worldSupply: oxide basis but no oxide formula for ${el}`, `metals.${el}.worldSupply`);
      const f = metalFractionOfOxide(oxide, el, atomicWeights);
      return {
        worldSupplyKgPerYear: groupKg * f,
        supplyDerivation: `${(w.shareOfGroup * 100).toPrecision(3)} % of world ${g.basis} (${(g.worldSupplyKgPerYear / 1e6).toPrecision(3)} kt) = ${(groupKg / 1e6).toPrecision(3)} kt ${oxide} = ${((groupKg * f) / 1e6).toPrecision(3)} kt ${el} metal`,
      };
    }
    return { worldSupplyKgPerYear: groupKg, supplyDerivation: `${(w.shareOfGroup * 100).toPrecision(3)} % of the ${g.name} supply` };
  }
  throw new InputError(`markets.json: metals.${el}.worldSupply: expected valueKgPerYear or shareOfGroup`, `metals.${el}.worldSupply`);
}

/**
 * Oxide formulas USGS uses for REO equivalents (USGS MCS Rare Earths: production reported as
 * rare-earth-oxide equivalent; Ce as CeO2, Pr as Pr6O11, Tb as Tb4O7, the rest as R2O3).
 */
export const REO_FORMULA: Record<string, string> = {
  La: 'La2O3', Ce: 'CeO2', Pr: 'Pr6O11', Nd: 'Nd2O3', Sm: 'Sm2O3', Eu: 'Eu2O3', Gd: 'Gd2O3', Tb: 'Tb4O7', Dy: 'Dy2O3', Y: 'Y2O3',
};

function parseGroups(raw: any): Record<string, MarketGroup> {
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
  return groups;
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
