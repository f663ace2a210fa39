/**
 * Prospector's public library API (package.json "exports" "."). Engine units: km, km/s, s, kg,
 * W, radians; epochs are TDB Julian dates; frame heliocentric ecliptic J2000; vectors [x, y, z].
 * Each domain appends its exports below its own heading.
 */

// astro: constants, time, frames, ephemerides, Kepler, Lambert
export * from './astro/constants.js';
export type { Vec3 } from './astro/vec.js';
export {
  dateToJdUtc, jdUtcToDate, utcToTdb, tdbToUtc, dateToJdTdb, jdTdbToDate, jdToIso, jdToIsoDate,
  parseIsoToJdTdb, unpackMpcEpoch, taiMinusUtc,
} from './astro/time.js';
export { eclipticToEquatorial, equatorialToEcliptic } from './astro/frames.js';
export { earthState, earthStatesAt } from './astro/earth-ephemeris.js';
export {
  solveKepler, elementsToState, stateToElements, propagate, propagateStatusInto, PropagationError,
  PROPAGATE_OK, PROPAGATE_INVALID_INPUT, PROPAGATE_NO_CONVERGENCE, PROPAGATE_OVERFLOW,
  type KeplerElements, type StateElements,
} from './astro/kepler.js';
export { orbitState, orbitStatesAt, heliocentricDistanceAu, orbitalPeriodDays, type OrbitElements } from './astro/orbit.js';
export { solveLambert, type LambertOptions, type LambertSolution, type LambertSolver } from './astro/lambert.js';
export { izzoSolveInto } from './astro/lambert-izzo.js';
export { propagationWarnings, closestEarthApproach } from './astro/propagation-warnings.js';

// supply: markets, semiconductors, orbital compute, the orbit link (DESIGN §2.7)
export {
  loadMarkets, metalFractionOfOxide, priceRatio, respondedPrice, marketImpact, wholeBodyMarketImpact,
  semiconductorEquivalents, waferMaterial, grossDiesPerWafer, poissonYield,
  orbitalDataCenter, terrestrialDataCenter, launchCostSweep, satellitePresets, orbitalLink,
  radiatorFluxWPerM2, radiatorAreaM2, solarArrayPowerW, solarArrayAreaM2,
  type MarketTable, type MetalMarket, type MarketImpactResult, type ElementMarketImpact, type WholeBodyMarketImpact,
  type FilmLayer, type SemiconductorInputs, type SemiconductorEquivalents,
  type OrbitalDcOptions, type OrbitalDcInputs, type OrbitalDcResult, type TerrestrialInputs, type SatellitePreset, type LaunchSweepRow,
  type OrbitalLinkInputs, type OrbitalLinkResult, type MassBreakdown,
} from './supply/index.js';

// economics: cash flows, NPV, IRR, payback, learning curve (DESIGN §2.8)
export {
  missionEconomics, npv, irr, paybackYear, learningCurveUnitCost, learningCurveTotalCost,
  type MissionEconomicsInputs, type MissionEconomicsResult, type MissionCostInputs, type Delivery, type CampaignInputs, type CashFlowYear, type IrrResult,
} from './economics/index.js';

// refining: optical (concentrated-sunlight) refining yield over the stay (DESIGN §2.5)
export {
  refineYield, absorbedPowerW, concentratorAreaM2, bodyFromComposition, sphereMassKg, metalPhaseGrades,
  refiningRoute, concentratorDefaults, ROUTE_IDS, MONTH_DAYS,
  type RefiningInput, type RefiningResult, type RefiningMonth, type RefiningBody, type RouteId, type RefiningRoute,
  type ConcentratorSize, type GradeQuantile, type Band,
} from './refining/index.js';

// reentry: entry simulation, heritage capsules, metal-return capsule sizing (DESIGN §2.6)
export {
  simulateEntry, us76, exponentialAtmosphere, suttonGravesHeatFluxWM2, allenEggersPeakDecelG, tpsMassFraction,
  heritageCapsules, capsulePreset, ballisticCoefficientKgM2, sizeCapsule, capsulesForCargo, DEFAULT_METAL_CAPSULE,
  type EntryInput, type EntryResult, type DrogueConditions, type AtmosphereModel, type HeritageCapsule,
  type CapsuleDesign, type CapsuleSizing, type CapsulesForCargo,
} from './reentry/index.js';
export { entryRefinementEffects } from './reentry/refinement-effects.js';
export { shallowestCapturedFpaRad } from './reentry/skip-out-boundary.js';

// propulsion: solar-electric thrust, MIMA/Damon/Edelbaum, mission mass budget (DESIGN §2.4)
export {
  thrustFromPowerN, efficiencyFromThrust, exhaustVelocityMS, massFlowKgS, solarPowerW, operatingPoint,
  thrusterPresets, thrusterPreset, resolveThruster, edelbaumDeltaV, edelbaumCircularKmS, EDELBAUM_BAND,
  mima, MIMA_BAND, damon, lambertLowThrustBand, LAMBERT_OPTIMISM_BAND,
  propellantForDeltaV, finalMassForDeltaV, burnTimeS,
  massBudget, maxCargo, requireFeasibleBudget, describeViolation, constraintMethods, sizeSpacecraft, DEFAULT_SIZING, SIZING_SOURCES,
  propulsionForTrip, arcDistanceAu,
  type OperatingPoint, type MimaResult, type DamonResult, type TripForPropulsion, type TripLegVectors, type PropulsionReport,
  type PropulsionLegReport, type PropulsionOptions, type BandCase,
  type DvMethod, type ThrusterModel, type ThrusterSpec, type Spacecraft, type DistanceRangeAu, type ThrustDistancePolicy,
  type MissionLeg, type AsteroidOperations, type Margins, type MissionProfile, type ConstraintCheck, type LegLowThrustCheck,
  type BudgetPhase, type MassComposition, type MassBudget, type MaxCargoResult, type SizingAssumptions, type SizingResult,
} from './propulsion/index.js';
export { thrusterFromJsonText } from './propulsion/thruster-file.js';
export { defaultCapsuleUnitCost } from './economics/capsule-cost.js';

// catalog: parsers, bundled catalog, lookup, sizing, composition, Shoemaker–Helin (DESIGN §2.1)
export {
  loadCatalog, loadCatalogWithDiagnostics, loadBundledCatalog, openCatalog, findAsteroid, tryFindAsteroid,
  shoemakerHelinDeltaV, orbitClassOf, diameterFromH, physicalModel, compositionFor, targetWarnings,
  parseCatalogFile, summarizeDiagnostics,
  type Asteroid, type CatalogRecord, type CatalogLoad, type ParseDiagnostic, type SizeBasis, type CatalogFormat,
} from './catalog/index.js';
export type { Composition, GradeDistribution } from './catalog/composition.js';
export type { PhysicalModel } from './catalog/physical-model.js';
export { packNumber, unpackNumber, packProvisional, unpackProvisional } from './catalog/packed-designation.js';

// scenario: scenario files, the end-to-end plan with Monte Carlo bands, forecast exports (DESIGN §2.9, §3)
export { loadScenario, parseScenario, parseScenarioText } from './scenario/load.js';
export { plan, type PlanOptions } from './scenario/plan.js';
export { scenarioSchema, PRODUCTS, ROUTES, type Scenario, type ScenarioInput, type Product, type Route } from './scenario/schema.js';
export { STARTER_SCENARIO } from './scenario/template.js';
export type {
  Plan, Section, NotModelled, Band as PlanBand, PlanTarget, PlanTrajectory, PlanPropulsion, PlanLeg, PlanRefining, PlanProduct,
  PlanCapsules, PlanDelivered, PlanSupply, PlanSupplyElement, PlanOrbitalCompute, PlanEconomics, PlanInputSummary, PlanForecastRow,
} from './scenario/plan-types.js';
export type { Dist } from './scenario/dist.js';
export { forecastByYear, forecastCsv, forecastDocument, FORECAST_CSV_HEADER, type ForecastYear, type ForecastDocument } from './export/forecast.js';
export { fanChartSvg, type FanChartOptions } from './export/fan-chart-svg.js';

// trajectory: porkchops, NHATS-style round trips, catalog screen (DESIGN §2.3)
export {
  porkchop, porkchopAsync, porkchopCells, PorkchopCancelledError, iteratePorkchopCells, porkchopGridShape, launchSeasons, legCost,
  type Porkchop, type PorkchopOptions, type PorkchopCell, type PorkchopBest, type PorkchopDirection, type LaunchSeason,
} from './trajectory/porkchop.js';
export { porkchopSvg, type PorkchopSvgOptions } from './trajectory/porkchop-svg.js';
export {
  searchRoundTrips, searchRoundTripsAsync, evaluateTrip, evaluateTripUnchecked, resolveConstraints, createWorkspace, NHATS_DEFAULTS,
  type TripConstraints, type TripSolution, type RoundTripResult, type FixedTrip, type SearchOptions, type RoundTripWorkspace,
} from './trajectory/round-trip.js';
export {
  departureDvFromC3, entrySpeedKmS, entryCapDvKmS, maxVInfForEntryKmS, roundTripTotalDv,
  LEO_ALTITUDE_KM, ENTRY_INTERFACE_ALTITUDE_KM, MAX_ENTRY_SPEED_KMS,
} from './trajectory/delta-v.js';
export type { LegDetail } from './trajectory/leg-detail.js';
export type { TrajectoryTarget } from './trajectory/ephemeris-lattice.js';
export { targetWarnings as trajectoryWarnings } from './trajectory/warnings.js';
export {
  runScreen, mergeScreens, screenCandidates, parseShard, defaultWorkers,
  type ScreenOptions, type ScreenResult, type ScreenSettings, type ScreenProgress, type ShardSpec,
} from './trajectory/screen.js';
export type { ScreenRow, TripSummary } from './trajectory/screen-item.js';
