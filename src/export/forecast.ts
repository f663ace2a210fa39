/**
 * Yield forecast per element and year (the `export` command): P10/P50/P90 kg delivered and their
 * value in USD, from a Plan's `forecast` rows. Campaign missions are identical copies of the
 * sampled mission (same body, same technology), i.e. fully correlated: the quantiles of a sum of
 * comonotonic outcomes are the sums of their quantiles, which is what the per-year totals and the
 * cumulative figures use.
 */
import type { Plan } from '../scenario/plan-types.js';
import { toCsv } from './csv.js';

export interface ForecastYear {
  year: number;
  element: string;
  missions: number;
  p10Kg: number;
  p50Kg: number;
  p90Kg: number;
  p10Usd: number | null;
  p50Usd: number | null;
  p90Usd: number | null;
  cumulativeP10Kg: number;
  cumulativeP50Kg: number;
  cumulativeP90Kg: number;
}

export const FORECAST_ASSUMPTION =
  'campaign missions are fully correlated copies of the sampled mission, so yearly and cumulative quantiles are sums of per-mission quantiles';

const addNull = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/** Rows per (year, element), years ascending, elements in the plan's product order. */
export function forecastByYear(plan: Plan): ForecastYear[] {
  const elements: string[] = [];
  for (const r of plan.forecast) if (!elements.includes(r.element)) elements.push(r.element);
  const years = [...new Set(plan.forecast.map((r) => r.year))].sort((a, b) => a - b);
  const out: ForecastYear[] = [];
  const cum: Record<string, [number, number, number]> = {};
  for (const el of elements) cum[el] = [0, 0, 0];
  for (const year of years) {
    for (const el of elements) {
      const rows = plan.forecast.filter((r) => r.year === year && r.element === el);
      if (rows.length === 0) continue;
      let y: Omit<ForecastYear, 'cumulativeP10Kg' | 'cumulativeP50Kg' | 'cumulativeP90Kg'> = {
        year, element: el, missions: 0, p10Kg: 0, p50Kg: 0, p90Kg: 0, p10Usd: 0, p50Usd: 0, p90Usd: 0,
      };
      for (const r of rows) {
        y = {
          ...y,
          missions: y.missions + 1,
          p10Kg: y.p10Kg + r.p10Kg,
          p50Kg: y.p50Kg + r.p50Kg,
          p90Kg: y.p90Kg + r.p90Kg,
          p10Usd: addNull(y.p10Usd, r.p10Usd),
          p50Usd: addNull(y.p50Usd, r.p50Usd),
          p90Usd: addNull(y.p90Usd, r.p90Usd),
        };
      }
      const c = cum[el];
      c[0] += y.p10Kg;
      c[1] += y.p50Kg;
      c[2] += y.p90Kg;
      out.push({ ...y, cumulativeP10Kg: c[0], cumulativeP50Kg: c[1], cumulativeP90Kg: c[2] });
    }
  }
  return out;
}

export const FORECAST_CSV_HEADER = [
  'scenario',
  'target',
  'element',
  'year',
  'arrival_date',
  'missions',
  'delivered_p10_kg',
  'delivered_p50_kg',
  'delivered_p90_kg',
  'value_p10_usd',
  'value_p50_usd',
  'value_p90_usd',
  'cumulative_p10_kg',
  'cumulative_p50_kg',
  'cumulative_p90_kg',
] as const;

/** RFC 4180 CSV, ASCII headers with units, ISO dates (first arrival in that year). */
export function forecastCsv(plan: Plan): string {
  const target = plan.target.modelled ? plan.target.designation : '';
  const rows = forecastByYear(plan).map((y) => {
    const first = plan.forecast.find((r) => r.year === y.year && r.element === y.element);
    return [
      plan.scenario.name,
      target,
      y.element,
      y.year,
      first ? first.date : '',
      y.missions,
      y.p10Kg,
      y.p50Kg,
      y.p90Kg,
      y.p10Usd,
      y.p50Usd,
      y.p90Usd,
      y.cumulativeP10Kg,
      y.cumulativeP50Kg,
      y.cumulativeP90Kg,
    ];
  });
  return toCsv(FORECAST_CSV_HEADER, rows);
}

export interface ForecastDocument {
  scenario: Plan['scenario'];
  target: string | null;
  assumption: string;
  years: ForecastYear[];
  missions: Plan['forecast'];
  warnings: string[];
}

export function forecastDocument(plan: Plan): ForecastDocument {
  return {
    scenario: plan.scenario,
    target: plan.target.modelled ? plan.target.designation : null,
    assumption: FORECAST_ASSUMPTION,
    years: forecastByYear(plan),
    missions: plan.forecast,
    warnings: plan.warnings,
  };
}
