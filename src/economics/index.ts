/**
 * Economics domain (DESIGN §2.8). Units USD, kg, years (year index 0 = first capital spend).
 *
 * - `missionEconomics(MissionEconomicsInputs)` → `MissionEconomicsResult`. Inputs:
 *   `{ costs: { spacecraft: {costUsd} | {dryMassKg, usdPerKg}, launch: {massToLeoKg, usdPerKg},
 *      refineryUsd, capsules: {count, unitCostUsd}, operationsUsdPerYear },
 *      deliveries: Array<{ year, element, kg, destination: 'earth'|'orbit' }>,   // one mission, years from its start
 *      discountRate, operationsYears?: [from, to], orbitValueUsdPerKg?, orbitUsefulElements?,
 *      campaign?: { missions, learningRate, cadenceYears }, markets?, elasticity? }`.
 *   Capital (spacecraft, launch, refinery, capsules) falls in each mission's start year; recurring
 *   hardware follows C(n) = C1·n^(log2 L); launch is priced per kg and not learned. Earth deliveries
 *   of the same year are pooled and sold at the market-responded price; orbit deliveries of
 *   Fe/Ni/Co/H2O earn the avoided launch price. Result: `{ years: CashFlowYear[] ({year, cost:{spacecraft,
 *   launch, refinery, capsules, operations, total}, revenueEarthUsd, revenueOrbitUsd, revenueUsd, netUsd,
 *   discountedNetUsd, cumulativeNetUsd}), npvUsd, irr|null, irrRoots, irrNote, paybackYear|null,
 *   paybackFractionalYear, discountedPaybackYear, totals, revenueByElement, missions, costPerKgDeliveredUsd, warnings }`.
 * - `npv(flows, rate)`, `irr(flows)` → `{irr|null, roots, note}` (grid + bisection; null with a reason
 *   when the flows never change sign), `paybackYear(flows, rate?)`.
 * - `learningCurveUnitCost(C1, n, L)`, `learningCurveTotalCost(C1, n, L)`.
 * - `defaultCapsuleUnitCost(capsuleMassKg)` → `{unitCostUsd, usdPerKg, year, basis}`: the Stardust-scaled
 *   capsule price used when a scenario gives no `capsules.costUsd` (data/capsules.json `cost`).
 */
export { npv, irr, paybackYear, learningCurveUnitCost, learningCurveTotalCost, type IrrResult } from './discounting.js';
export {
  missionEconomics, spacecraftCostUsd,
  type MissionEconomicsInputs, type MissionEconomicsResult, type MissionCostInputs, type Delivery, type CampaignInputs, type CashFlowYear,
} from './mission-economics.js';
export { defaultCapsuleUnitCost, type CapsuleCostDefault } from './capsule-cost.js';
