/**
 * Mission economics (DESIGN §2.8): costs by year (spacecraft, launch, refinery, capsules,
 * operations), revenue from deliveries — metal landed on Earth at the market-responded price,
 * material delivered to orbit at the launch cost it avoids — then NPV, IRR and payback, for one
 * mission or a campaign whose recurring hardware follows a learning curve.
 */
import { InputError, requireFinite } from '../errors.js';
import { loadMarkets, type MarketTable } from '../supply/market-data.js';
import { respondedPrice } from '../supply/price-response.js';
import { irr, npv, paybackYear } from './discounting.js';

export interface MissionCostInputs {
  /** Spacecraft cost: explicit `costUsd`, or `dryMassKg × usdPerKg`. */
  spacecraft: { dryMassKg?: number; usdPerKg?: number; costUsd?: number };
  /** Launch: wet mass to LEO × price. */
  launch: { massToLeoKg: number; usdPerKg: number };
  refineryUsd: number;
  capsules: { count: number; unitCostUsd: number };
  operationsUsdPerYear: number;
}

export interface Delivery {
  /** Year index from the first capital spend of the first mission (0 = that year). */
  year: number;
  element: string;
  kg: number;
  destination: 'earth' | 'orbit';
}

export interface CampaignInputs {
  missions: number;
  /** Learning rate L: unit cost × L per doubling of missions (0.8–0.95 typical for aerospace). */
  learningRate: number;
  /** Years between mission starts. */
  cadenceYears: number;
}

export interface MissionEconomicsInputs {
  costs: MissionCostInputs;
  /** Deliveries of one mission, years relative to its start. */
  deliveries: Delivery[];
  /** Discount rate per year (0.08 = 8 %). */
  discountRate: number;
  /** Years of operations relative to mission start, inclusive; default 1..last delivery year. */
  operationsYears?: [number, number];
  /** Value of 1 kg delivered to orbit, USD (the avoided launch price); default the mission's launch $/kg. */
  orbitValueUsdPerKg?: number;
  /** Elements that have a use in orbit (others delivered to orbit earn nothing). */
  orbitUsefulElements?: string[];
  campaign?: CampaignInputs;
  markets?: MarketTable;
  /** Per-element elasticity overrides (negative). */
  elasticity?: Record<string, number>;
  /** Per-element reference price overrides, USD/kg of metal (default: data/markets.json). */
  pricesUsdPerKg?: Record<string, number>;
}

export interface CashFlowYear {
  year: number;
  cost: { spacecraft: number; launch: number; refinery: number; capsules: number; operations: number; total: number };
  revenueEarthUsd: number;
  revenueOrbitUsd: number;
  revenueUsd: number;
  netUsd: number;
  discountedNetUsd: number;
  cumulativeNetUsd: number;
}

export interface MissionEconomicsResult {
  years: CashFlowYear[];
  discountRate: number;
  npvUsd: number;
  irr: number | null;
  irrRoots: number[];
  irrNote: string;
  paybackYear: number | null;
  paybackFractionalYear: number | null;
  discountedPaybackYear: number | null;
  totals: { costUsd: number; revenueUsd: number; revenueEarthUsd: number; revenueOrbitUsd: number; naiveRevenueEarthUsd: number };
  revenueByElement: Record<string, { earthKg: number; orbitKg: number; earthUsd: number; orbitUsd: number; naiveEarthUsd: number }>;
  missions: Array<{ index: number; startYear: number; learningFactor: number; capitalUsd: number }>;
  /** Total cost / total kg delivered (all destinations), USD/kg. */
  costPerKgDeliveredUsd: number | null;
  warnings: string[];
}

const ORBIT_USEFUL = ['Fe', 'Ni', 'Co', 'H2O'];

export function spacecraftCostUsd(s: MissionCostInputs['spacecraft']): number {
  if (s.costUsd !== undefined) return requireFinite(s.costUsd, 'costs.spacecraft.costUsd', { min: 0 });
  if (s.dryMassKg === undefined || s.usdPerKg === undefined) throw new InputError('costs.spacecraft: give costUsd, or dryMassKg and usdPerKg', 'costs.spacecraft');
  return requireFinite(s.dryMassKg, 'costs.spacecraft.dryMassKg', { min: 0 }) * requireFinite(s.usdPerKg, 'costs.spacecraft.usdPerKg', { min: 0 });
}

export function missionEconomics(input: MissionEconomicsInputs): MissionEconomicsResult {
  const c = input.costs;
  const rate = requireFinite(input.discountRate, 'discountRate', { min: -1, exclusiveMin: true });
  const spacecraft = spacecraftCostUsd(c.spacecraft);
  const launch = requireFinite(c.launch.massToLeoKg, 'costs.launch.massToLeoKg', { min: 0 }) * requireFinite(c.launch.usdPerKg, 'costs.launch.usdPerKg', { min: 0 });
  const refinery = requireFinite(c.refineryUsd, 'costs.refineryUsd', { min: 0 });
  const capsules = requireFinite(c.capsules.count, 'costs.capsules.count', { min: 0 }) * requireFinite(c.capsules.unitCostUsd, 'costs.capsules.unitCostUsd', { min: 0 });
  const opsPerYear = requireFinite(c.operationsUsdPerYear, 'costs.operationsUsdPerYear', { min: 0 });
  const orbitValue = requireFinite(input.orbitValueUsdPerKg ?? c.launch.usdPerKg, 'orbitValueUsdPerKg', { min: 0 });
  const useful = new Set(input.orbitUsefulElements ?? ORBIT_USEFUL);
  const markets = input.markets ?? loadMarkets();
  const warnings: string[] = [];

  const camp = input.campaign ?? { missions: 1, learningRate: 1, cadenceYears: 0 };
  if (!Number.isInteger(camp.missions) || camp.missions < 1) throw new InputError(`campaign.missions: expected a whole number ≥ 1, got ${camp.missions}`, 'campaign.missions');
  requireFinite(camp.learningRate, 'campaign.learningRate', { min: 0, max: 1, exclusiveMin: true });
  requireFinite(camp.cadenceYears, 'campaign.cadenceYears', { min: 0 });
  if (!Number.isInteger(camp.cadenceYears)) throw new InputError(`campaign.cadenceYears: expected whole years, got ${camp.cadenceYears}`, 'campaign.cadenceYears');

  let lastDelivery = 0;
  input.deliveries.forEach((d, k) => {
    if (!Number.isInteger(d.year) || d.year < 0) throw new InputError(`deliveries[${k}].year: expected a whole year index ≥ 0, got ${d.year}`, `deliveries[${k}].year`);
    requireFinite(d.kg, `deliveries[${k}].kg`, { min: 0 });
    if (d.destination !== 'earth' && d.destination !== 'orbit') throw new InputError(`deliveries[${k}].destination: expected "earth" or "orbit"`, `deliveries[${k}].destination`);
    lastDelivery = Math.max(lastDelivery, d.year);
  });
  const [opsFrom, opsTo] = input.operationsYears ?? [1, Math.max(1, lastDelivery)];
  if (!Number.isInteger(opsFrom) || !Number.isInteger(opsTo) || opsFrom < 0 || opsTo < opsFrom) throw new InputError(`operationsYears: expected [from, to] whole years with from ≤ to`, 'operationsYears');

  const missionSpan = Math.max(lastDelivery, opsTo);
  const horizon = (camp.missions - 1) * camp.cadenceYears + missionSpan + 1;
  const years: CashFlowYear[] = Array.from({ length: horizon }, (_, t) => ({
    year: t,
    cost: { spacecraft: 0, launch: 0, refinery: 0, capsules: 0, operations: 0, total: 0 },
    revenueEarthUsd: 0, revenueOrbitUsd: 0, revenueUsd: 0, netUsd: 0, discountedNetUsd: 0, cumulativeNetUsd: 0,
  }));
  const missions: MissionEconomicsResult['missions'] = [];
  // Deliveries to Earth are pooled per year so the price responds to the campaign's total supply.
  const earthByYear: Array<Record<string, number>> = Array.from({ length: horizon }, () => ({}));
  const revenueByElement: MissionEconomicsResult['revenueByElement'] = {};
  const byEl = (el: string) => (revenueByElement[el] ??= { earthKg: 0, orbitKg: 0, earthUsd: 0, orbitUsd: 0, naiveEarthUsd: 0 });

  for (let m = 1; m <= camp.missions; m++) {
    const start = (m - 1) * camp.cadenceYears;
    const f = Math.pow(m, Math.log2(camp.learningRate)); // C(n)/C1 (learning on recurring hardware)
    const y0 = years[start].cost;
    y0.spacecraft += spacecraft * f;
    y0.refinery += refinery * f;
    y0.capsules += capsules * f;
    y0.launch += launch;
    missions.push({ index: m, startYear: start, learningFactor: f, capitalUsd: (spacecraft + refinery + capsules) * f + launch });
    for (let t = opsFrom; t <= opsTo; t++) years[start + t].cost.operations += opsPerYear;
    for (const d of input.deliveries) {
      const t = start + d.year;
      if (d.destination === 'earth') {
        earthByYear[t][d.element] = (earthByYear[t][d.element] ?? 0) + d.kg;
        byEl(d.element).earthKg += d.kg;
      } else {
        const e = byEl(d.element);
        e.orbitKg += d.kg;
        if (useful.has(d.element)) {
          const v = d.kg * orbitValue;
          years[t].revenueOrbitUsd += v;
          e.orbitUsd += v;
        } else if (d.kg > 0 && !warnings.some((w) => w.startsWith(`${d.element} delivered to orbit`))) {
          warnings.push(`${d.element} delivered to orbit has no modelled use there: valued at $0`);
        }
      }
    }
  }

  let naiveEarth = 0;
  const noPrice = new Set<string>();
  for (let t = 0; t < horizon; t++) {
    for (const [el, kg] of Object.entries(earthByYear[t])) {
      const mk = markets.metals[el];
      const p0 = input.pricesUsdPerKg?.[el] ?? mk?.priceUsdPerKg ?? null;
      if (p0 === null) {
        if (kg > 0) noPrice.add(el);
        continue;
      }
      requireFinite(p0, `pricesUsdPerKg.${el}`, { min: 0 });
      const e = byEl(el);
      const naive = kg * p0;
      naiveEarth += naive;
      e.naiveEarthUsd += naive;
      const eps = input.elasticity?.[el] ?? mk?.elasticity?.value;
      const s0 = mk?.worldSupplyKgPerYear ?? null;
      const p = s0 !== null && eps !== undefined ? respondedPrice(p0, kg, s0, eps) : p0;
      years[t].revenueEarthUsd += kg * p;
      e.earthUsd += kg * p;
    }
  }
  for (const el of noPrice) warnings.push(`${el} delivered to Earth has no market data: valued at $0`);

  const flows: number[] = [];
  let cum = 0;
  const k = 1 / (1 + rate);
  let d = 1;
  for (const y of years) {
    y.cost.total = y.cost.spacecraft + y.cost.launch + y.cost.refinery + y.cost.capsules + y.cost.operations;
    y.revenueUsd = y.revenueEarthUsd + y.revenueOrbitUsd;
    y.netUsd = y.revenueUsd - y.cost.total;
    y.discountedNetUsd = y.netUsd * d;
    d *= k;
    cum += y.netUsd;
    y.cumulativeNetUsd = cum;
    flows.push(y.netUsd);
  }
  const ir = irr(flows);
  const pb = paybackYear(flows);
  const dpb = paybackYear(flows, rate);
  const totalCost = years.reduce((s, y) => s + y.cost.total, 0);
  const revEarth = years.reduce((s, y) => s + y.revenueEarthUsd, 0);
  const revOrbit = years.reduce((s, y) => s + y.revenueOrbitUsd, 0);
  const totalKg = Object.values(revenueByElement).reduce((s, e) => s + e.earthKg + e.orbitKg, 0);
  return {
    years,
    discountRate: rate,
    npvUsd: npv(flows, rate),
    irr: ir.irr,
    irrRoots: ir.roots,
    irrNote: ir.note,
    paybackYear: pb.year,
    paybackFractionalYear: pb.fractionalYear,
    discountedPaybackYear: dpb.year,
    totals: { costUsd: totalCost, revenueUsd: revEarth + revOrbit, revenueEarthUsd: revEarth, revenueOrbitUsd: revOrbit, naiveRevenueEarthUsd: naiveEarth },
    revenueByElement,
    missions,
    costPerKgDeliveredUsd: totalKg > 0 ? totalCost / totalKg : null,
    warnings,
  };
}
