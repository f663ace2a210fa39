// Forecast exports: RFC 4180 CSV that round-trips through a CSV parser, yearly sums, a well-formed SVG fan chart.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { plan } from '../../src/scenario/plan.js';
import type { Plan } from '../../src/scenario/plan-types.js';
import { FORECAST_CSV_HEADER, forecastByYear, forecastCsv, forecastDocument } from '../../src/export/forecast.js';
import { fanChartSvg } from '../../src/export/fan-chart-svg.js';
import { parseCsv } from '../../src/export/csv.js';

const EX = (f: string) => join(import.meta.dirname, '../../examples', f);

describe('yield forecast export', { timeout: 60_000 }, () => {
  let p: Plan;
  beforeAll(async () => {
    p = await plan(await loadScenario(EX('metal-pgm-earth.yaml'), { source: 'examples/metal-pgm-earth.yaml' }), { samples: 200, seed: 9 });
  });

  it('CSV: RFC 4180 (CRLF, ASCII header with units), ISO dates, round-trips through parseCsv', () => {
    const csv = forecastCsv(p);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(/^[\x20-\x7e]+$/.test(csv.split('\r\n')[0])).toBe(true); // ASCII header
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...FORECAST_CSV_HEADER]);
    for (const h of rows[0].filter((x) => /delivered|cumulative/.test(x))) expect(h).toMatch(/_kg$/);
    for (const h of rows[0].filter((x) => /value/.test(x))) expect(h).toMatch(/_usd$/);
    const years = forecastByYear(p);
    expect(rows.length - 1).toBe(years.length);
    rows.slice(1).forEach((r, i) => {
      expect(r).toHaveLength(FORECAST_CSV_HEADER.length);
      const y = years[i];
      expect(r[0]).toBe('Metal NEA, PGMs to Earth'); // contains a comma: quoted and restored
      expect(r[4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
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
  });

  it('one row per element and delivery year; cumulative figures are running sums', () => {
    const years = forecastByYear(p);
    const pt = years.filter((y) => y.element === 'Pt');
    expect(pt.length).toBe(3); // campaignMissions: 3, every 10 years
    let c = 0;
    for (const y of pt) {
      c += y.p50Kg;
      expect(y.cumulativeP50Kg).toBeCloseTo(c, 9);
    }
    expect(pt[1].year - pt[0].year).toBe(10);
  });

  it('JSON document carries the assumption and the per-mission rows', () => {
    const d = forecastDocument(p);
    expect(d.assumption).toMatch(/fully correlated/);
    expect(d.missions).toBe(p.forecast);
    expect(d.years.length).toBe(forecastByYear(p).length);
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
      expect(svg).toContain(`>${el}</text>`);
    }
    expect((svg.match(/<polygon /g) ?? []).length).toBe(6);
    // Balanced tags (a cheap well-formedness check without an XML parser).
    const open = (svg.match(/<(g|svg|text|title|desc|circle)[ >]/g) ?? []).length;
    const close = (svg.match(/<\/(g|svg|text|title|desc|circle)>/g) ?? []).length;
    expect(open).toBe(close);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('SVG with no delivered mass says so instead of drawing nothing', () => {
    const svg = fanChartSvg([], { title: 'empty' });
    expect(svg).toContain('no delivered mass modelled');
  });
});
