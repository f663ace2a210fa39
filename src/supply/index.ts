/**
 * Supply domain (DESIGN §2.7): markets, semiconductors, orbital compute and the link between
 * mining and orbital compute. Pure functions over bundled data (data/markets.json,
 * data/semiconductors.json, data/orbital-compute.json); units kg, W, USD, years.
 *
 * What the plan calls, and the shapes it gets back:
 *
 * - `marketImpact(deliveredKgPerYear: Record<element, kg/yr>, loadMarkets())` → `MarketImpactResult`
 *   `{ elements: ElementMarketImpact[], totalRevenueUsdPerYear, totalNaiveRevenueUsdPerYear, ree, warnings }`;
 *   each element: `{ element, deliveredKgPerYear, priceUsdPerKg|null, worldSupplyKgPerYear|null,
 *   supplyApproximate, supplyDerivation, shareOfWorldSupply|null, shareOfSupplyOutsideDominant|null,
 *   dominantProducer, respondedPriceUsdPerKg|null, respondedPriceRangeUsdPerKg, priceChangeFraction,
 *   revenueUsdPerYear, naiveRevenueUsdPerYear, notes }`.
 *   Price response p = p0·(1 + ΔS/S0)^(1/ε) (`respondedPrice`, `priceRatio`). Each element is compared
 *   with its own world supply (Rh/Ir/Ru from PGM market reports; Nd/Dy/Tb as a published share of
 *   world REO × the oxide's metal fraction, flagged approximate); ΣREE as oxide against world REO is
 *   the separate `ree` line. null = no market data, never a guess.
 * - `semiconductorEquivalents(deliveredKgPerYear, SemiconductorInputs?)` → `{ die:{name, areaMm2,
 *   grossPerWafer, yield, goodPerWafer, note}, stack:'default'|'custom', layers, elements:[{element,
 *   gramsPerWafer, wafersPerYear, acceleratorsPerYear, mgPerAccelerator|null, shareOfWorldWafers}],
 *   notInStack, notInStackNote, limitingElement, fullStackWafersPerYear, worldWafersPerYear }`.
 *   Inputs `{ layers?: FilmLayer[], utilisation?, dieName?, dieAreaMm2?, defectDensityPerCm2?, waferDiameterMm?,
 *   edgeExclusionMm? }` — the scenario's `supply.semiconductors` and `market --layers FILE` give the same.
 * - `orbitalDataCenter(OrbitalDcOptions?)` → `OrbitalDcResult` (the `prospector orbital-dc` result):
 *   `{ satellites, massKg, massT, cost:{hardware, launch, ops, gpuReplacement, nre, inOrbitMaterial, total},
 *   terrestrial:{capex, fuel, total, lcoeUsdPerMWh, energyBasis}, lcoeUsdPerMWh, energyBasis,
 *   parityLaunchCostUsdPerKg|null, parityRawUsdPerKg, parityNote, parityLcoeLaunchCostUsdPerKg|null, … }`.
 *   Both LCOEs are per delivered MWh: orbital P·8760 h·N (the constellation is oversized, no capacity
 *   factor), terrestrial P·8760 h·N·CF.
 *   Options (all optional; defaults from data/orbital-compute.json = DESIGN §2.7): `powerW, years,
 *   launchUsdPerKg, satUsdPerW, specificPowerWPerKg, satPowerW, sunFraction, degradationPerYear,
 *   gpuFailurePerYear, opsPerYear, nreUsd, terrestrial:{…}, preset, massFromOrbitKg, massFromOrbitUsdPerKg }`.
 *   `launchCostSweep(options, fromUsdPerKg, toUsdPerKg, steps)` → rows of orbital vs terrestrial totals.
 * - `orbitalLink({ deliveredToOrbitKg: Record<'Fe'|'Ni'|'Co'|'H2O'|…, kg>, odc?, breakdown?, deliveredCostUsdPerKg? })`
 *   → `{ replacedKg, launchCostSavedUsd, launchCostSavedUsdPerGw, categories:[{category, needKg,
 *   replacedKg, coverage}], gwFurnished, parity:{baselineUsdPerKg, withDeliveryUsdPerKg, changeUsdPerKg, note}, … }`.
 * - `wholeBodyMarketImpact(massKg, composition, {releaseYears?})` → contained metal per element in
 *   years of its own world supply, naive value and the value at the implied (responded) price; ΣREE as
 *   oxide against world REO (`ree`); priced metals without supply and supplied metals without price
 *   (iron) listed apart.
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
