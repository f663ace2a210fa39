/**
 * Supply domain (DESIGN §2.7): markets, semiconductors, orbital compute and the link between
 * mining and orbital compute. Pure functions over bundled data (data/markets.json,
 * data/semiconductors.json, data/orbital-compute.json); units kg, W, USD, years.
 *
 * What the plan calls, and the shapes it gets back:
 *
 * - `marketImpact(deliveredKgPerYear: Record<element, kg/yr>, loadMarkets())` → `MarketImpactResult`
 *   `{ elements: ElementMarketImpact[], totalRevenueUsdPerYear, totalNaiveRevenueUsdPerYear, ree, warnings }`;
 *   each element: `{ element, deliveredKgPerYear, priceUsdPerKg|null, shareOfWorldSupply|null,
 *   shareOfSupplyOutsideDominant|null, dominantProducer, respondedPriceUsdPerKg|null,
 *   respondedPriceRangeUsdPerKg, priceChangeFraction, revenueUsdPerYear, naiveRevenueUsdPerYear, notes }`.
 *   Price response p = p0·(1 + ΔS/S0)^(1/ε) (`respondedPrice`, `priceRatio`); REE shares are against
 *   world REO (no element-level supply published); null = no market data, never a guess.
 * - `semiconductorEquivalents(deliveredKgPerYear, SemiconductorInputs?)` → `{ die:{name, areaMm2,
 *   grossPerWafer, yield, goodPerWafer}, elements:[{element, gramsPerWafer, wafersPerYear,
 *   acceleratorsPerYear, mgPerAccelerator, shareOfWorldWafers}], notInStack, limitingElement, fullStackWafersPerYear,
 *   worldWafersPerYear }`.
 *   Inputs `{ layers?: FilmLayer[], utilisation?, dieAreaMm2?, defectDensityPerCm2?, waferDiameterMm?, edgeExclusionMm? }`.
 * - `orbitalDataCenter(OrbitalDcOptions?)` → `OrbitalDcResult` (the `prospector orbital-dc` result):
 *   `{ satellites, massKg, massT, cost:{hardware, launch, ops, gpuReplacement, nre, inOrbitMaterial, total},
 *   terrestrial:{capex, fuel, total, lcoeUsdPerMWh}, lcoeUsdPerMWh, parityLaunchCostUsdPerKg|null, parityNote, … }`.
 *   Options (all optional; defaults from data/orbital-compute.json = DESIGN §2.7): `powerW, years,
 *   launchUsdPerKg, satUsdPerW, specificPowerWPerKg, satPowerW, sunFraction, degradationPerYear,
 *   gpuFailurePerYear, opsPerYear, nreUsd, terrestrial:{…}, preset, massFromOrbitKg, massFromOrbitUsdPerKg }`.
 *   `launchCostSweep(options, fromUsdPerKg, toUsdPerKg, steps)` → rows of orbital vs terrestrial totals.
 * - `orbitalLink({ deliveredToOrbitKg: Record<'Fe'|'Ni'|'Co'|'H2O'|…, kg>, odc?, breakdown?, deliveredCostUsdPerKg? })`
 *   → `{ replacedKg, launchCostSavedUsd, launchCostSavedUsdPerGw, categories:[{category, needKg,
 *   replacedKg, coverage}], gwFurnished, parity:{baselineUsdPerKg, withDeliveryUsdPerKg, changeUsdPerKg, note}, … }`.
 * - `wholeBodyMarketImpact(massKg, composition, {releaseYears?})` → contained metal per element in
 *   years of world supply, naive value and the value at the implied (responded) price.
 * - Sizing: `radiatorFluxWPerM2(T, ε, sides)`, `radiatorAreaM2(W, flux)`, `solarArrayPowerW(m², η, W/m²)`.
 */
export { loadMarkets, metalFractionOfOxide, oxideEquivalentKg, type MarketTable, type MetalMarket, type MarketGroup, type SourcedRange } from './market-data.js';
export { priceRatio, respondedPrice, marketImpact, elementImpact, REO_FORMULA, type ElementMarketImpact, type MarketImpactResult } from './price-response.js';
export { wholeBodyMarketImpact, compositionFractions, representativeFraction, type CompositionInput, type WholeBodyMarketImpact, type WholeBodyElementImpact } from './whole-body-impact.js';
export {
  semiconductorDefaults, semiconductorEquivalents, waferMaterial, waferAreaCm2, grossDiesPerWafer, poissonYield,
  type FilmLayer, type SemiconductorInputs, type SemiconductorEquivalents, type SemiconductorElementEquivalent, type LayerMaterial,
} from './semiconductors.js';
export {
  orbitalDataCenter, computeOrbitalDc, resolveOrbitalDcInputs, terrestrialDataCenter, meanDegradationFactor, launchCostSweep,
  satellitePresets, orbitalComputeData,
  type OrbitalDcInputs, type OrbitalDcOptions, type OrbitalDcResult, type TerrestrialInputs, type SatellitePreset, type LaunchSweepRow,
} from './orbital-data-center.js';
export { orbitalLink, type OrbitalLinkInputs, type OrbitalLinkResult, type OrbitalLinkCategory, type MassBreakdown } from './orbital-link.js';
export { radiatorFluxWPerM2, radiatorAreaM2, solarArrayPowerW, solarArrayAreaM2 } from './thermal-sizing.js';
