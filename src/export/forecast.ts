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
  /** Missions whose cargo arrives this year (0 in the years between deliveries). */
  missions: number;
  /** ISO date of the first arrival this year; null in a year without a delivery. */
  arrivalDate: string | null;
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
  'campaign missions are fully correlated copies of the sampled mission, so yearly and cumulative quantiles are sums of per-mission quantiles; every calendar year from the first delivery to the last is listed, with zeros in the years between deliveries';

const addNull = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * Rows per (year, element) for every calendar year from the first delivery to the last (a year
 * without a delivery has zeros, so a spreadsheet's year axis has no holes), years ascending,
 * elements in the plan's product order.
 */
export function forecastByYear(plan: Plan): ForecastYear[] {
  const elements: string[] = [];
  for (const r of plan.forecast) if (!elements.includes(r.element)) elements.push(r.element);
  if (plan.forecast.length === 0) return [];
  const delivered = plan.forecast.map((r) => r.year);
  const first = Math.min(...delivered);
  const last = Math.max(...delivered);
  // Value columns are null throughout when the plan does not price the cargo.
  const valued = plan.forecast.every((r) => r.p50Usd !== null);
  const out: ForecastYear[] = [];
  const cum: Record<string, [number, number, number]> = {};
  for (const el of elements) cum[el] = [0, 0, 0];
  for (let year = first; year <= last; year++) {
    for (const el of elements) {
      const rows = plan.forecast.filter((r) => r.year === year && r.element === el);
      const zero = valued ? 0 : null;
      let y: Omit<ForecastYear, 'cumulativeP10Kg' | 'cumulativeP50Kg' | 'cumulativeP90Kg'> = {
        year, element: el, missions: 0, arrivalDate: null, p10Kg: 0, p50Kg: 0, p90Kg: 0, p10Usd: zero, p50Usd: zero, p90Usd: zero,
      };
      for (const r of rows) {
        y = {
          ...y,
          missions: y.missions + 1,
          arrivalDate: y.arrivalDate === null || r.date < y.arrivalDate ? r.date : y.arrivalDate,
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

/** UTF-8 byte-order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 CSV, ASCII headers with units, ISO dates (first arrival in that year; empty in a year
 * without a delivery). With `bom`, the text starts with a UTF-8 byte-order mark for Excel.
 */
export function forecastCsv(plan: Plan, opts: { bom?: boolean } = {}): string {
  const target = plan.target.modelled ? plan.target.designation : '';
  const rows = forecastByYear(plan).map((y) => [
    plan.scenario.name,
    target,
    y.element,
    y.year,
    y.arrivalDate,
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
  ]);
  return (opts.bom ? UTF8_BOM : '') + toCsv(FORECAST_CSV_HEADER, rows);
}

/** True when the text has characters outside printable ASCII (what Excel misreads without a BOM). */
export function hasNonAscii(text: string): boolean {
  return /[^\x09\x0a\x0d\x20-\x7e]/.test(text.startsWith(UTF8_BOM) ? text.slice(1) : text);
}

/** One campaign mission's cargo of one element, as exported (the plan's row, its date named as in `years`). */
export interface ForecastMission {
  mission: number;
  element: string;
  year: number;
  arrivalDate: string;
  p10Kg: number;
  p50Kg: number;
  p90Kg: number;
  p10Usd: number | null;
  p50Usd: number | null;
  p90Usd: number | null;
}

export interface ForecastDocument {
  scenario: Plan['scenario'];
  target: string | null;
  assumption: string;
  years: ForecastYear[];
  missions: ForecastMission[];
  warnings: string[];
}

export function forecastDocument(plan: Plan): ForecastDocument {
  return {
    scenario: plan.scenario,
    target: plan.target.modelled ? plan.target.designation : null,
    assumption: FORECAST_ASSUMPTION,
    years: forecastByYear(plan),
    missions: plan.forecast.map((r) => ({
      mission: r.mission,
      element: r.element,
      year: r.year,
      arrivalDate: r.date,
      p10Kg: r.p10Kg,
      p50Kg: r.p50Kg,
      p90Kg: r.p90Kg,
      p10Usd: r.p10Usd,
      p50Usd: r.p50Usd,
      p90Usd: r.p90Usd,
    })),
    warnings: plan.warnings,
  };
}
