/**
 * Fan chart of the yield forecast: cumulative delivered mass per element against calendar year,
 * a shaded P10–P90 band, the P50 line and a P10–P90 whisker at every delivery. A log axis is used
 * when the elements span more than two decades (PGMs in kg beside water in tonnes). Plain SVG 1.1,
 * no scripts, no external fonts; colours from the Okabe–Ito colour-blind-safe palette.
 */
import type { ForecastYear } from './forecast.js';

export interface FanChartOptions {
  title: string;
  subtitle?: string;
  /** Year the campaign starts (cumulative mass is zero then); default: first delivery year − 1. */
  startYear?: number;
  width?: number;
  height?: number;
}

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D00', '#000000'];
/**
 * A dash pattern per element as well as a colour: elements with the same grades (Ir and Os in the
 * IAB/IIIAB table) have identical bands and P50 lines, and a solid line drawn later would hide the
 * earlier one completely; with different patterns both stay visible (and tell apart in greyscale).
 */
const DASHES = ['', '9 4', '2 3', '12 3 2 3', '5 5', '1 4', '14 4 4 4', '6 2 1 2'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function r2(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

function niceStep(span: number, target: number): number {
  const raw = span / target;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10) * p;
}

function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-2) {
    const e = Math.floor(Math.log10(a));
    const m = v / Math.pow(10, e);
    return `${Math.abs(m - 1) < 1e-9 ? '' : `${+m.toFixed(2)}×`}10^${e}`;
  }
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** `10^k` → SVG text with a superscript. */
function tickText(label: string): string {
  const m = /^(.*)10\^(-?\d+)$/.exec(label);
  if (!m) return esc(label);
  return `${esc(m[1])}10<tspan dy="-5" font-size="9">${m[2]}</tspan>`;
}

export function fanChartSvg(years: ForecastYear[], opts: FanChartOptions): string {
  const W = opts.width ?? 860;
  const H = opts.height ?? 520;
  const m = { left: 92, right: 170, top: 64, bottom: 64 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;

  const elements: string[] = [];
  for (const y of years) if (!elements.includes(y.element)) elements.push(y.element);
  const yearList = years.map((y) => y.year);
  const first = yearList.length ? Math.min(...yearList) : 2030;
  const last = yearList.length ? Math.max(...yearList) : first + 1;
  const x0 = opts.startYear ?? first - 1;
  // Room after the last delivery (a tenth of the span, at least two years) so its step reads as a
  // plateau, not a rise cut off at the frame; the axis then ends on a labelled tick.
  const xEnd = Math.max(last + Math.max(2, Math.ceil(0.1 * (last - x0))), x0 + 2);
  const xStep = Math.max(1, Math.round(niceStep(xEnd - x0, 8)));
  const x1 = Math.ceil(xEnd / xStep) * xStep;

  const positives = years.flatMap((y) => [y.cumulativeP10Kg, y.cumulativeP50Kg, y.cumulativeP90Kg]).filter((v) => v > 0);
  const vmax = positives.length ? Math.max(...positives) : 1;
  const vmin = positives.length ? Math.min(...positives) : 1;
  const logScale = vmax / vmin > 100;

  let yLo: number;
  let yHi: number;
  let yTicks: number[];
  if (logScale) {
    yLo = Math.pow(10, Math.floor(Math.log10(vmin)));
    yHi = Math.pow(10, Math.ceil(Math.log10(vmax)));
    yTicks = [];
    for (let e = Math.log10(yLo); e <= Math.log10(yHi) + 1e-9; e++) yTicks.push(Math.pow(10, e));
  } else {
    const step = niceStep(vmax, 5);
    yLo = 0;
    yHi = Math.ceil(vmax / step) * step;
    yTicks = [];
    for (let v = 0; v <= yHi + step * 1e-9; v += step) yTicks.push(v);
  }
  const sx = (yr: number) => m.left + ((yr - x0) / (x1 - x0)) * pw;
  const sy = (v: number) => {
    if (logScale) {
      const c = Math.max(v, yLo);
      return m.top + ph - ((Math.log10(c) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * ph;
    }
    return m.top + ph - ((v - yLo) / (yHi - yLo || 1)) * ph;
  };

  const parts: string[] = [];
  parts.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12" role="img" aria-labelledby="title desc">`,
  );
  parts.push(`<title id="title">${esc(opts.title)}</title>`);
  parts.push(`<desc id="desc">Cumulative delivered mass per element (a step at each delivery) with P10–P90 bands and the P50 line, by calendar year.</desc>`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${m.left}" y="28" font-size="16" font-weight="bold">${esc(opts.title)}</text>`);
  if (opts.subtitle) parts.push(`<text x="${m.left}" y="46" font-size="11" fill="#444444">${esc(opts.subtitle)}</text>`);

  // Grid and axes.
  parts.push(`<g stroke="#e3e3e3" stroke-width="1">`);
  for (const v of yTicks) parts.push(`<line x1="${m.left}" y1="${r2(sy(v))}" x2="${m.left + pw}" y2="${r2(sy(v))}"/>`);
  parts.push(`</g>`);
  const xTicks: number[] = [];
  for (let yr = Math.ceil(x0 / xStep) * xStep; yr <= x1; yr += xStep) xTicks.push(yr);
  parts.push(`<g stroke="#333333" stroke-width="1" fill="none">`);
  parts.push(`<line x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}"/>`);
  parts.push(`<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}"/>`);
  for (const yr of xTicks) parts.push(`<line x1="${r2(sx(yr))}" y1="${m.top + ph}" x2="${r2(sx(yr))}" y2="${m.top + ph + 5}"/>`);
  for (const v of yTicks) parts.push(`<line x1="${m.left - 5}" y1="${r2(sy(v))}" x2="${m.left}" y2="${r2(sy(v))}"/>`);
  parts.push(`</g>`);
  parts.push(`<g fill="#333333" font-size="11">`);
  for (const yr of xTicks) parts.push(`<text x="${r2(sx(yr))}" y="${m.top + ph + 19}" text-anchor="middle">${yr}</text>`);
  for (const v of yTicks) parts.push(`<text x="${m.left - 8}" y="${r2(sy(v) + 4)}" text-anchor="end">${tickText(tickLabel(v))}</text>`);
  parts.push(`</g>`);
  parts.push(`<text x="${m.left + pw / 2}" y="${H - 18}" text-anchor="middle" font-size="12">Year of delivery (calendar year, UTC)</text>`);
  parts.push(
    `<text x="22" y="${m.top + ph / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 22 ${m.top + ph / 2})">Cumulative delivered mass (kg${logScale ? ', log scale' : ''})</text>`,
  );

  // Elements whose cumulative P10/P50/P90 equal an earlier element's at every delivery (to 0.1 %):
  // drawn exactly on top of it, so the legend says so.
  const series = (el: string) => years.filter((y) => y.element === el).sort((a, b) => a.year - b.year);
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(Math.abs(a), Math.abs(b));
  const twinOf = new Map<string, string>();
  elements.forEach((el, k) => {
    const mine = series(el);
    const twin = elements.slice(0, k).find((other) => {
      const theirs = series(other);
      return (
        theirs.length === mine.length &&
        mine.every((r, i) => r.year === theirs[i].year && same(r.cumulativeP10Kg, theirs[i].cumulativeP10Kg) && same(r.cumulativeP50Kg, theirs[i].cumulativeP50Kg) && same(r.cumulativeP90Kg, theirs[i].cumulativeP90Kg))
      );
    });
    if (twin) twinOf.set(el, twinOf.get(twin) ?? twin);
  });

  // Bands, medians and whiskers per element.
  elements.forEach((el, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const dash = DASHES[k % DASHES.length];
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : '';
    const rows = years.filter((y) => y.element === el).sort((a, b) => a.year - b.year);
    const pts = [{ year: x0, lo: 0, mid: 0, hi: 0 }, ...rows.map((r) => ({ year: r.year, lo: r.cumulativeP10Kg, mid: r.cumulativeP50Kg, hi: r.cumulativeP90Kg }))];
    // Deliveries are discrete: the cumulative mass is a step that rises in each delivery year.
    const stepped: typeof pts = [];
    pts.forEach((p, i) => {
      if (i > 0) stepped.push({ ...pts[i - 1], year: p.year });
      stepped.push(p);
    });
    stepped.push({ ...pts[pts.length - 1], year: x1 });
    const drawable = logScale ? stepped.filter((p) => p.lo > 0 || p.hi > 0) : stepped;
    parts.push(`<g data-element="${esc(el)}">`);
    if (drawable.length >= 2) {
      const upper = drawable.map((p) => `${r2(sx(p.year))},${r2(sy(p.hi))}`);
      const lower = drawable.map((p) => `${r2(sx(p.year))},${r2(sy(p.lo))}`).reverse();
      parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${colour}" fill-opacity="0.18" stroke="none"/>`);
      parts.push(`<polyline points="${drawable.map((p) => `${r2(sx(p.year))},${r2(sy(p.mid))}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${dashAttr}/>`);
    }
    // Whiskers and dots mark deliveries only, not the zero-delivery years between them.
    for (const r of rows.filter((row) => row.missions > 0)) {
      const x = sx(r.year) + (k - (elements.length - 1) / 2) * 4;
      parts.push(`<line x1="${r2(x)}" y1="${r2(sy(r.cumulativeP10Kg))}" x2="${r2(x)}" y2="${r2(sy(r.cumulativeP90Kg))}" stroke="${colour}" stroke-width="1.5"/>`);
      parts.push(`<circle cx="${r2(x)}" cy="${r2(sy(r.cumulativeP50Kg))}" r="3.5" fill="${colour}"><title>${esc(`${el} ${r.year}: P10 ${tickLabel(r.cumulativeP10Kg)} kg, P50 ${tickLabel(r.cumulativeP50Kg)} kg, P90 ${tickLabel(r.cumulativeP90Kg)} kg`)}</title></circle>`);
    }
    parts.push(`</g>`);
  });

  // Legend.
  const lx = m.left + pw + 20;
  parts.push(`<g font-size="12">`);
  parts.push(`<text x="${lx}" y="${m.top + 4}" font-weight="bold">Element</text>`);
  elements.forEach((el, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const y = m.top + 24 + k * 22;
    parts.push(`<rect x="${lx}" y="${y - 9}" width="22" height="12" fill="${colour}" fill-opacity="0.18"/>`);
    const dash = DASHES[k % DASHES.length];
    parts.push(`<line x1="${lx}" y1="${y - 3}" x2="${lx + 22}" y2="${y - 3}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    const twin = twinOf.get(el);
    parts.push(`<text x="${lx + 30}" y="${y + 1}">${esc(el)}${twin ? `<tspan font-size="10" fill="#444444"> (same as ${esc(twin)})</tspan>` : ''}</text>`);
  });
  const ly = m.top + 40 + elements.length * 22;
  parts.push(`<text x="${lx}" y="${ly}" font-size="10" fill="#444444">band: P10–P90</text>`);
  parts.push(`<text x="${lx}" y="${ly + 14}" font-size="10" fill="#444444">line, dot: P50</text>`);
  parts.push(`</g>`);
  if (elements.length === 0) parts.push(`<text x="${m.left + pw / 2}" y="${m.top + ph / 2}" text-anchor="middle" fill="#888888">no delivered mass modelled</text>`);
  parts.push(`</svg>`);
  return parts.join('\n') + '\n';
}
