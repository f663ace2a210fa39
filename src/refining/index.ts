/**
 * Optical refining at the asteroid (DESIGN §2.5).
 *
 * `refineYield(input: RefiningInput): RefiningResult`
 *   input  {orbit: OrbitElements (AU, deg, TDB epoch), arriveJdTdb, stayDays,
 *           concentrator: {areaM2} | {diameterM}, opticalEfficiency? (0.8), captureEfficiency? (0.5),
 *           dutyCycle? (0.5), route: 'water'|'melt-metal'|'vaporize-metal'|'melt-silicate',
 *           body: {massKg, grades: {H2O, Fe, Ni, Pt, …} bulk mass fractions, metalFraction?},
 *           recovery? {el: 0–1}, specificEnergyMJPerKg?, products? [el], stepDays? (1)}
 *   output {months: [{month, startDate, endDate, days, meanDistanceAu, meanAbsorbedPowerKW,
 *           processedKg, productsKg {el}, cumulativeKg {el}}],
 *           totals {processedKg, productsKg, remainingInBodyKg, feedstockAvailableKg,
 *           feedstockRemainingKg, absorbedEnergyGJ, processEnergyGJ},
 *           exhaustedAfterDays (null unless the body ran out), rateAtArrival,
 *           assumptions {area, efficiencies, route + specific energy + source, recoveries,
 *           distanceAu {min, max}, dates, body mass, metal fraction, feedstock grades}, warnings}
 * Helpers: `bodyFromComposition(massKg, compositionFor(asteroid), 'p50')`, `sphereMassKg(D, ρ)`,
 * `metalPhaseGrades(body)`, `absorbedPowerW(areaM2, ηopt, rAu)`, `concentratorAreaM2({diameterM})`,
 * `refiningRoute(id)` (specific energies, recoveries and their p10/p50/p90 bands with sources, for
 * uncertainty sampling), `concentratorDefaults()`.
 * Errors: InputError naming the field (orbit.aAu, stayDays, concentrator.diameterM, body.massKg, …).
 */
export { refineYield, MONTH_DAYS } from './optical-yield.js';
export type { RefiningInput, RefiningResult, RefiningMonth } from './optical-yield.js';
export { absorbedPowerW, concentratorAreaM2, type ConcentratorSize } from './absorbed-power.js';
export { bodyFromComposition, sphereMassKg, metalPhaseGrades, checkBody, SIDEROPHILE_ELEMENTS, type RefiningBody, type GradeQuantile } from './feedstock.js';
export { refiningRoute, refiningData, concentratorDefaults, ROUTE_IDS, type RouteId, type RefiningRoute, type Band } from './routes.js';
