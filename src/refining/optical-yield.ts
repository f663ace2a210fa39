/**
 * Optical refining yield over the stay at the asteroid (DESIGN §2.5).
 *
 * Absorbed power P_abs(t) = η_opt·A_c·1361 W/m² / r(t)², with r(t) the asteroid's heliocentric
 * distance from its orbit (two-body, src/astro/orbit.ts), evaluated at the midpoint of each step
 * (default one day; steps are cut at month boundaries). Process power = P_abs·η_cap·duty.
 * - 'product' routes (water): released water = energy / e_spec; rock processed = released / grade.
 * - 'feedstock' routes: feedstock processed = energy / e_spec (separated metal, or bulk rock).
 * Product of element X = processed × grade of X in the feedstock × recovery of X. Processing stops
 * when the feedstock the body holds is used up ("the body is exhausted after N days").
 * Months are Julian months (365.25/12 = 30.4375 days) counted from arrival.
 */
import { DAY_S, JULIAN_YEAR_DAYS } from '../astro/constants.js';
import { checkOrbitElements, heliocentricDistanceAu, type OrbitElements } from '../astro/orbit.js';
import { jdToIsoDate } from '../astro/time.js';
import { InputError, requireFinite } from '../errors.js';
import { absorbedPowerW, concentratorAreaM2, type ConcentratorSize } from './absorbed-power.js';
import { checkBody, METAL_PHASE_ELEMENTS, metalPhaseGrades, type RefiningBody } from './feedstock.js';
import { concentratorDefaults, refiningRoute, type RefiningRoute, type RouteId } from './routes.js';

export const MONTH_DAYS = JULIAN_YEAR_DAYS / 12;

export interface RefiningInput {
  /** The asteroid's heliocentric orbit (AU, degrees, TDB epoch). */
  orbit: OrbitElements;
  /** Start of processing (arrival), TDB Julian date. */
  arriveJdTdb: number;
  stayDays: number;
  concentrator: ConcentratorSize;
  /** η_opt, default 0.8. */
  opticalEfficiency?: number;
  /** η_cap, default 0.5 (DESIGN band 0.3–0.7). */
  captureEfficiency?: number;
  /** Fraction of time processing, default 0.5 (band 0.3–0.7). */
  dutyCycle?: number;
  route: RouteId | string;
  body: RefiningBody;
  /** Recovery overrides by element (0–1); elements not in the route get 0 unless given here. */
  recovery?: Record<string, number>;
  /** Override of the route's specific energy (default its p50), MJ/kg. */
  specificEnergyMJPerKg?: number;
  /** Report only these products (default: every element the route recovers). */
  products?: string[];
  /** Integration step, days (default 1). */
  stepDays?: number;
}

export interface RefiningMonth {
  /** 1-based month of the stay. */
  month: number;
  startJdTdb: number;
  endJdTdb: number;
  startDate: string;
  endDate: string;
  days: number;
  meanDistanceAu: number;
  meanAbsorbedPowerKW: number;
  /** Feedstock processed this month (separated metal for metal routes, rock otherwise), kg. */
  processedKg: number;
  productsKg: Record<string, number>;
  cumulativeKg: Record<string, number>;
  /** Of each product element, what the unprocessed part of the body still holds at month end, kg. */
  remainingInBodyKg: Record<string, number>;
}

export interface RefiningResult {
  months: RefiningMonth[];
  totals: {
    processedKg: number;
    productsKg: Record<string, number>;
    /** Element content of the body not yet processed (tailings of processed rock excluded), kg. */
    remainingInBodyKg: Record<string, number>;
    feedstockAvailableKg: number;
    feedstockRemainingKg: number;
    absorbedEnergyGJ: number;
    processEnergyGJ: number;
  };
  /** Day of the stay on which the feedstock ran out, or null. */
  exhaustedAfterDays: number | null;
  /** Rate at arrival: feedstock kg/day and, for product routes, product kg/day (before recovery). */
  rateAtArrival: { absorbedPowerKW: number; processedKgPerDay: number; releasedKgPerDay: number | null };
  assumptions: {
    concentratorAreaM2: number;
    concentratorDiameterM: number | null;
    opticalEfficiency: number;
    captureEfficiency: number;
    dutyCycle: number;
    solarConstantWM2: number;
    route: { id: RouteId; name: string; basis: 'product' | 'feedstock'; feedstock: 'bulk' | 'metal'; specificEnergyMJPerKg: number; source: string };
    recovery: Record<string, number>;
    recoverySource: string;
    distanceAu: { min: number; max: number };
    arriveDate: string;
    departDate: string;
    stayDays: number;
    stepDays: number;
    bodyMassKg: number;
    metalFraction: number;
    /** Grades in the feedstock actually processed (metal-phase grades for metal routes). */
    feedstockGrades: Record<string, number>;
  };
  warnings: string[];
}

function validate(inp: RefiningInput): void {
  if (inp === null || typeof inp !== 'object') throw new InputError('refining: expected an object of inputs', 'refining');
  if (!inp.orbit || typeof inp.orbit !== 'object') throw new InputError('orbit: expected orbit elements {epochJd, aAu, e, iDeg, omDeg, wDeg, maDeg}', 'orbit');
  checkOrbitElements(inp.orbit, 'orbit');
  requireFinite(inp.arriveJdTdb, 'arriveJdTdb', { min: 2000000, max: 3000000 });
  requireFinite(inp.stayDays, 'stayDays', { min: 0, exclusiveMin: true, max: 36525 });
  if (inp.opticalEfficiency !== undefined) requireFinite(inp.opticalEfficiency, 'opticalEfficiency', { min: 0, exclusiveMin: true, max: 1 });
  if (inp.captureEfficiency !== undefined) requireFinite(inp.captureEfficiency, 'captureEfficiency', { min: 0, exclusiveMin: true, max: 1 });
  if (inp.dutyCycle !== undefined) requireFinite(inp.dutyCycle, 'dutyCycle', { min: 0, exclusiveMin: true, max: 1 });
  if (inp.specificEnergyMJPerKg !== undefined) requireFinite(inp.specificEnergyMJPerKg, 'specificEnergyMJPerKg', { min: 0.01, max: 1000 });
  if (inp.stepDays !== undefined) requireFinite(inp.stepDays, 'stepDays', { min: 0.01, max: 30 });
  checkBody(inp.body, 'body');
  if (inp.recovery) for (const [el, r] of Object.entries(inp.recovery)) requireFinite(r, `recovery.${el}`, { min: 0, max: 1 });
}

/** Yield of an optical refinery over a stay, month by month. Throws InputError naming the field. */
export function refineYield(inp: RefiningInput): RefiningResult {
  validate(inp);
  const route: RefiningRoute = refiningRoute(String(inp.route), 'route');
  const defaults = concentratorDefaults();
  const area = concentratorAreaM2(inp.concentrator, 'concentrator');
  const etaOpt = inp.opticalEfficiency ?? defaults.opticalEfficiency;
  const etaCap = inp.captureEfficiency ?? defaults.captureEfficiency;
  const duty = inp.dutyCycle ?? defaults.dutyCycle;
  const eSpecJ = (inp.specificEnergyMJPerKg ?? route.specificEnergyMJPerKg.p50) * 1e6;
  const stepDays = inp.stepDays ?? 1;
  const body = inp.body;
  const mf = body.metalFraction ?? 0;
  const warnings: string[] = [];

  // Grades of the feedstock the route processes.
  const metal = metalPhaseGrades(body);
  warnings.push(...metal.warnings);
  let feedGrades: Record<string, number>;
  let feedstockAvailable: number;
  if (route.feedstock === 'metal') {
    feedGrades = metal.grades;
    feedstockAvailable = body.massKg * mf;
    if (!(mf > 0)) warnings.push(`route ${route.id}: the body has no free Fe–Ni metal (metal fraction 0), so there is nothing to process`);
  } else {
    feedGrades = { ...body.grades };
    feedstockAvailable = body.massKg;
    if (route.id === 'melt-silicate') {
      // Only free metal settles out of a silicate melt: metal-phase elements at their metal share.
      for (const el of METAL_PHASE_ELEMENTS) feedGrades[el] = mf * (metal.grades[el] ?? 0);
    }
  }

  // Recoveries: the route's p50s, overridden per element.
  const recovery: Record<string, number> = {};
  for (const [el, band] of Object.entries(route.recovery)) recovery[el] = band.p50;
  for (const [el, r] of Object.entries(inp.recovery ?? {})) recovery[el] = r;
  let products = Object.keys(recovery).filter((el) => recovery[el] > 0 && (feedGrades[el] ?? 0) > 0);
  if (inp.products) {
    // An explicit product needs a recovery (the route's or given); 0 is allowed (sampled bands may reach it).
    for (const p of inp.products) if (recovery[p] === undefined) throw new InputError(`products: route ${route.id} does not recover "${p}" (it recovers ${products.join(', ') || 'nothing'}; set a recovery to add it)`, 'products');
    products = [...inp.products];
  }

  // Basis: per kg of product released (water) or per kg of feedstock.
  let basisGrade = 1;
  if (route.basis === 'product') {
    const el = route.basisElement ?? 'H2O';
    basisGrade = feedGrades[el] ?? 0;
    if (!(basisGrade > 0)) warnings.push(`route ${route.id}: the body holds no ${el} (grade 0), so nothing is released`);
    else if (basisGrade < 0.08) warnings.push(`route ${route.id}: ${el} grade ${(basisGrade * 100).toFixed(1)} wt% is below CI-like rock (10–18 wt%); the ${route.specificEnergyMJPerKg.p50} MJ/kg figure underestimates the energy for drier rock`);
  }
  // Feedstock processed per joule of process energy.
  const kgPerJ = route.basis === 'product' ? (basisGrade > 0 ? 1 / (eSpecJ * basisGrade) : 0) : 1 / eSpecJ;
  if (feedstockAvailable <= 0) feedstockAvailable = 0;

  // Element content of the body, and what each kg of processed feedstock carries away.
  const contentKg = (el: string) => body.massKg * (body.grades[el] ?? mf * (metal.grades[el] ?? 0));
  const carriedPerKg = (el: string) => (route.feedstock === 'metal' ? (metal.grades[el] ?? 0) : (body.grades[el] ?? 0));
  const remainingAfter = (el: string, processedKg: number) => Math.max(0, contentKg(el) - processedKg * carriedPerKg(el));

  const cumulative: Record<string, number> = Object.fromEntries(products.map((p) => [p, 0]));
  const months: RefiningMonth[] = [];
  let processedTotal = 0;
  let absorbedJ = 0;
  let processJ = 0;
  let remaining = feedstockAvailable;
  let exhaustedAt: number | null = null;
  let rMin = Infinity;
  let rMax = -Infinity;
  const stay = inp.stayDays;
  const nMonths = Math.ceil(stay / MONTH_DAYS - 1e-9);

  for (let m = 0; m < nMonths; m++) {
    const d0 = m * MONTH_DAYS;
    const d1 = Math.min(stay, (m + 1) * MONTH_DAYS);
    let processed = 0;
    let energyAbs = 0;
    let rSum = 0;
    let rDays = 0;
    for (let a = d0; a < d1 - 1e-12; a += stepDays) {
      const b = Math.min(d1, a + stepDays);
      const dtDays = b - a;
      const r = heliocentricDistanceAu(inp.orbit, inp.arriveJdTdb + 0.5 * (a + b));
      if (r < rMin) rMin = r;
      if (r > rMax) rMax = r;
      rSum += r * dtDays;
      rDays += dtDays;
      const pAbs = absorbedPowerW(area, etaOpt, r);
      const eAbs = pAbs * dtDays * DAY_S;
      energyAbs += eAbs;
      if (remaining <= 0) continue;
      const eProc = eAbs * etaCap * duty;
      let dm = eProc * kgPerJ;
      if (dm >= remaining) {
        if (dm > 0 && exhaustedAt === null) exhaustedAt = a + dtDays * (remaining / dm);
        processJ += eProc * (remaining / dm);
        dm = remaining;
      } else {
        processJ += eProc;
      }
      remaining -= dm;
      processed += dm;
    }
    processedTotal += processed;
    absorbedJ += energyAbs;
    const productsKg: Record<string, number> = {};
    for (const p of products) {
      productsKg[p] = processed * (feedGrades[p] ?? 0) * recovery[p];
      cumulative[p] += productsKg[p];
    }
    months.push({
      month: m + 1,
      startJdTdb: inp.arriveJdTdb + d0,
      endJdTdb: inp.arriveJdTdb + d1,
      startDate: jdToIsoDate(inp.arriveJdTdb + d0),
      endDate: jdToIsoDate(inp.arriveJdTdb + d1),
      days: d1 - d0,
      meanDistanceAu: rSum / rDays,
      meanAbsorbedPowerKW: energyAbs / ((d1 - d0) * DAY_S) / 1000,
      processedKg: processed,
      productsKg,
      cumulativeKg: { ...cumulative },
      remainingInBodyKg: Object.fromEntries(products.map((p) => [p, remainingAfter(p, processedTotal)])),
    });
  }

  if (exhaustedAt !== null) {
    warnings.push(
      `the body is exhausted after ${exhaustedAt.toFixed(1)} days of the ${stay}-day stay: all ${(feedstockAvailable / 1000).toFixed(3)} t of ${route.feedstock === 'metal' ? 'free metal' : 'rock'} processed; the rest of the stay yields nothing`,
    );
  }

  // What is left in the body: bulk content minus what the processed feedstock carried away.
  const remainingInBody: Record<string, number> = {};
  const allEls = new Set([...Object.keys(body.grades), ...products]);
  for (const el of allEls) remainingInBody[el] = remainingAfter(el, processedTotal);

  const pArr = absorbedPowerW(area, etaOpt, heliocentricDistanceAu(inp.orbit, inp.arriveJdTdb));
  const procPerDay = pArr * etaCap * duty * DAY_S * kgPerJ;
  return {
    months,
    totals: {
      processedKg: processedTotal,
      productsKg: { ...cumulative },
      remainingInBodyKg: remainingInBody,
      feedstockAvailableKg: feedstockAvailable,
      feedstockRemainingKg: remaining,
      absorbedEnergyGJ: absorbedJ / 1e9,
      processEnergyGJ: processJ / 1e9,
    },
    exhaustedAfterDays: exhaustedAt,
    rateAtArrival: {
      absorbedPowerKW: pArr / 1000,
      processedKgPerDay: procPerDay,
      releasedKgPerDay: route.basis === 'product' ? procPerDay * basisGrade : null,
    },
    assumptions: {
      concentratorAreaM2: area,
      concentratorDiameterM: inp.concentrator.diameterM ?? null,
      opticalEfficiency: etaOpt,
      captureEfficiency: etaCap,
      dutyCycle: duty,
      solarConstantWM2: 1361,
      route: { id: route.id, name: route.name, basis: route.basis, feedstock: route.feedstock, specificEnergyMJPerKg: eSpecJ / 1e6, source: route.specificEnergySource },
      recovery: Object.fromEntries(products.map((p) => [p, recovery[p]])),
      recoverySource: route.recoverySource,
      distanceAu: { min: rMin, max: rMax },
      arriveDate: jdToIsoDate(inp.arriveJdTdb),
      departDate: jdToIsoDate(inp.arriveJdTdb + stay),
      stayDays: stay,
      stepDays,
      bodyMassKg: body.massKg,
      metalFraction: mf,
      feedstockGrades: Object.fromEntries(products.map((p) => [p, feedGrades[p] ?? 0])),
    },
    warnings,
  };
}
