// Forecast exports: RFC 4180 CSV that round-trips through a CSV parser, yearly sums, a well-formed SVG fan chart.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { plan } from '../../src/scenario/plan.js';
import type { Plan } from '../../src/scenario/plan-types.js';
import { FORECAST_CSV_HEADER, forecastByYear, forecastCsv, forecastDocument, hasNonAscii, type ForecastYear } from '../../src/export/forecast.js';
import { fanChartSvg } from '../../src/export/fan-chart-svg.js';
import { parseCsv } from '../../src/export/csv.js';
import { parse } from 'csv-parse/sync';

const EX = (f: string) => join(import.meta.dirname, '../../examples', f);

describe('yield forecast export', { timeout: 60_000 }, () => {
  let p: Plan;
  beforeAll(async () => {
    p = await plan(await loadScenario(EX('metal-pgm-earth.yaml'), { source: 'examples/metal-pgm-earth.yaml' }), { samples: 200, seed: 9 });
  });

  it('CSV: RFC 4180 (CRLF, ASCII header with units), ISO dates, round-trips through csv-parse and parseCsv', () => {
    const csv = forecastCsv(p);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(/^[\x20-\x7e]+$/.test(csv.split('\r\n')[0])).toBe(true); // ASCII header
    // An independent parser (csv-parse, strict about quotes and column counts) and ours agree.
    const rows: string[][] = parse(csv, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });
    expect(parseCsv(csv)).toEqual(rows);
    expect(rows[0]).toEqual([...FORECAST_CSV_HEADER]);
    for (const h of rows[0].filter((x) => /delivered|cumulative/.test(x))) expect(h).toMatch(/_kg$/);
    for (const h of rows[0].filter((x) => /value/.test(x))) expect(h).toMatch(/_usd$/);
    const years = forecastByYear(p);
    expect(rows.length - 1).toBe(years.length);
    rows.slice(1).forEach((r, i) => {
      expect(r).toHaveLength(FORECAST_CSV_HEADER.length);
      const y = years[i];
      expect(r[0]).toBe('Metal NEA, PGMs to Earth'); // contains a comma: quoted and restored
      // ISO date in a delivery year, empty in a year between deliveries.
      expect(r[4]).toMatch(y.missions > 0 ? /^\d{4}-\d{2}-\d{2}$/ : /^$/);
      expect(Number(r[3])).toBe(y.year);
      expect(r[2]).toBe(y.element);
      // Numbers survive the text round trip exactly (shortest round-trip formatting).
      expect(Number(r[6])).toBe(y.p10Kg);
      expect(Number(r[7])).toBe(y.p50Kg);
      expect(Number(r[8])).toBe(y.p90Kg);
      expect(Number(r[6])).toBeLessThanOrEqual(Number(r[7]));
      expect(Number(r[7])).toBeLessThanOrEqual(Number(r[8]));
    });
    expect(csv.split('\r\n')[1].startsWith('"Metal NEA, PGMs to Earth",')).toBe(true);
    // With a BOM for Excel: the same rows after the mark.
    const bom = forecastCsv(p, { bom: true });
    expect(bom.charCodeAt(0)).toBe(0xfeff);
    expect(bom.slice(1)).toBe(csv);
  });

  it('one row per element and calendar year from the first delivery to the last; cumulative figures are running sums', () => {
    const years = forecastByYear(p);
    const pt = years.filter((y) => y.element === 'Pt');
    // campaignMissions: 3, one every cadence c years → deliveries in years 0, c and 2c of 2c + 1.
    const arrivals = [...new Set(p.forecast.map((r) => r.year))].sort((a, b) => a - b);
    expect(arrivals).toHaveLength(3);
    const c = arrivals[1] - arrivals[0];
    expect(c).toBeGreaterThan(1); // so there are empty years to fill
    expect(arrivals[2] - arrivals[1]).toBe(c);
    expect(pt.length).toBe(2 * c + 1);
    expect(years.length).toBe((2 * c + 1) * 6);
    expect(pt.map((y) => y.year)).toEqual(Array.from({ length: 2 * c + 1 }, (_, k) => arrivals[0] + k));
    const delivering = pt.filter((y) => y.missions > 0);
    expect(delivering.map((y) => y.year)).toEqual(arrivals);
    for (const y of pt.filter((x) => x.missions === 0)) {
      expect([y.p10Kg, y.p50Kg, y.p90Kg, y.p50Usd, y.arrivalDate]).toEqual([0, 0, 0, 0, null]);
    }
    let sum = 0;
    for (const y of pt) {
      sum += y.p50Kg;
      expect(y.cumulativeP50Kg).toBeCloseTo(sum, 9);
    }
    for (const y of delivering) expect(y.arrivalDate).toMatch(new RegExp(`^${y.year}-\\d{2}-\\d{2}$`));
  });

  it('JSON document carries the assumption, the arrival dates and the per-mission rows', () => {
    const d = forecastDocument(p);
    expect(d.assumption).toMatch(/fully correlated/);
    expect(d.assumption).toMatch(/zeros in the years between deliveries/);
    expect(d.missions.length).toBe(p.forecast.length);
    d.missions.forEach((m, k) => {
      expect(m.arrivalDate).toBe(p.forecast[k].date);
      expect([m.mission, m.element, m.p50Kg]).toEqual([p.forecast[k].mission, p.forecast[k].element, p.forecast[k].p50Kg]);
    });
    expect(d.years.length).toBe(forecastByYear(p).length);
    expect(d.years.filter((y) => y.missions > 0).every((y) => y.arrivalDate !== null)).toBe(true);
  });

  it('hasNonAscii flags what Excel would misread without a BOM', () => {
    expect(hasNonAscii('scenario,target\r\nA,B\r\n')).toBe(false);
    expect(hasNonAscii('Fe–Ni')).toBe(true);
    expect(hasNonAscii('\uFEFFplain')).toBe(false);
  });

  it('SVG fan chart: well-formed, titled, axes with units, a band and a legend entry per element', () => {
    const svg = fanChartSvg(forecastByYear(p), { title: 'Delivered to Earth: (433953) 1997 XR2', subtitle: 'test & check', startYear: 2033 });
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('test &amp; check'); // escaped
    expect(svg).toContain('Year of delivery');
    expect(svg).toMatch(/Cumulative delivered mass \(kg/);
    for (const el of ['Pt', 'Pd', 'Rh', 'Ir', 'Os', 'Ru']) {
      expect(svg).toContain(`data-element="${el}"`);
      expect(svg).toMatch(new RegExp(`>${el}(<tspan[^>]*>[^<]*</tspan>)?</text>`));
    }
    expect((svg.match(/<polygon /g) ?? []).length).toBe(6);
    // Balanced tags (a cheap well-formedness check without an XML parser).
    const open = (svg.match(/<(g|svg|text|title|desc|circle)[ >]/g) ?? []).length;
    const close = (svg.match(/<\/(g|svg|text|title|desc|circle)>/g) ?? []).length;
    expect(open).toBe(close);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('SVG: elements with the same numbers stay visible (own dash pattern, "same as" in the legend); the last step is not cut off', () => {
    // Ir and Os share grades in the IAB/IIIAB table: identical series, the later drawn on top.
    const row = (element: string, year: number, kg: number): ForecastYear => ({
      year, element, missions: 1, arrivalDate: `${year}-05-01`, p10Kg: kg * 0.7, p50Kg: kg, p90Kg: kg * 1.3, p10Usd: null, p50Usd: null, p90Usd: null,
      cumulativeP10Kg: kg * 0.7 * (year - 2035), cumulativeP50Kg: kg * (year - 2035), cumulativeP90Kg: kg * 1.3 * (year - 2035),
    });
    const years = [2036, 2045, 2054].flatMap((y) => [row('Pt', y, 15), row('Ir', y, 4.6), row('Os', y, 4.6)]);
    const svg = fanChartSvg(years, { title: 'twins', startYear: 2033 });
    const dash = (el: string) => /<polyline [^>]*?(?:stroke-dasharray="([^"]+)")?\/>/.exec(svg.slice(svg.indexOf(`data-element="${el}"`)))![1] ?? '';
    expect(new Set(['Pt', 'Ir', 'Os'].map(dash)).size).toBe(3);
    expect(svg).toContain('>Os<tspan font-size="10" fill="#444444"> (same as Ir)</tspan></text>');
    expect(svg).not.toContain('(same as Pt)');
    // The axis runs past the last delivery (2054) to a labelled tick, with room for the last plateau.
    const ticks = [...svg.matchAll(/text-anchor="middle">(\d{4})<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(2056);
    const xOf = (yr: number) => Number(new RegExp(`<text x="([\\d.]+)" y="[\\d.]+" text-anchor="middle">${yr}</text>`).exec(svg)![1]);
    const lastX = Math.max(...[...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1])));
    const endX = xOf(Math.max(...ticks));
    expect(endX - lastX).toBeGreaterThan(30);
  });

  it('SVG with no delivered mass says so instead of drawing nothing', () => {
    const svg = fanChartSvg([], { title: 'empty' });
    expect(svg).toContain('no delivered mass modelled');
  });
});
