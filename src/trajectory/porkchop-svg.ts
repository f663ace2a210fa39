/**
 * Porkchop plot as a standalone SVG: total-Δv heatmap (an embedded PNG, one pixel per grid cell,
 * so large grids stay small) with vector contour lines (marching squares), a colour bar with
 * units, launch-date × time-of-flight axes with ticks and labels, the minimum marked and
 * annotated, and a title naming the target. Pure: returns the SVG text.
 */
import { deflateSync } from 'node:zlib';
import { isoDateOf as jdToIsoDate } from './dates.js';
import type { Porkchop } from './porkchop.js';

/** matplotlib "viridis" at 9 stops (van der Walt & Smith 2015, CC0): perceptually uniform, colour-blind safe. */
const VIRIDIS: ReadonlyArray<readonly [number, number, number]> = [
  [68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142], [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37],
];

export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i], b = VIRIDIS[i + 1];
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}

// --- minimal PNG encoder (RGBA, no filtering) ---------------------------------------------
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** PNG (RFC 2083) from RGBA rows, top row first. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

// --- ticks ---------------------------------------------------------------------------------
export function niceStep(range: number, target: number): number {
  const raw = range / Math.max(1, target);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10) * p;
}

function dateTicks(jd0: number, jd1: number): Array<{ jd: number; label: string }> {
  const span = jd1 - jd0;
  const months = span > 365 * 12 ? 24 : span > 365 * 6 ? 12 : span > 365 * 3 ? 6 : span > 540 ? 3 : span > 180 ? 1 : 0;
  const out: Array<{ jd: number; label: string }> = [];
  const d0 = new Date(jdToIsoDate(jd0) + 'T00:00:00Z');
  const jdOf = (d: Date) => d.getTime() / 86400000 + 2440587.5;
  if (months === 0) {
    const step = niceStep(span, 6);
    for (let jd = Math.ceil(jd0 / step) * step; jd <= jd1; jd += step) out.push({ jd, label: jdToIsoDate(jd) });
    return out;
  }
  let d = new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), 1));
  if (jdOf(d) < jd0) d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  while (d.getUTCMonth() % months !== 0) d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  for (; jdOf(d) <= jd1; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))) {
    out.push({ jd: jdOf(d), label: months >= 12 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7) });
  }
  return out;
}

// --- contours (marching squares on cell centres) ------------------------------------------------
function contourSegments(z: Float64Array, nx: number, ny: number, level: number, maxJump: number): number[] {
  // z is row-major [ix * ny + iy] (launch-major like the porkchop); returns x1,y1,x2,y2 in cell units.
  // Cells spanning more than maxJump are discontinuities (the plane-change ridge of near-180°/360°
  // transfers), not gradients: every level would cross there, so they are left to the colours.
  const seg: number[] = [];
  const at = (ix: number, iy: number) => z[ix * ny + iy];
  const lerp = (a: number, b: number) => (level - a) / (b - a);
  for (let ix = 0; ix < nx - 1; ix++) {
    for (let iy = 0; iy < ny - 1; iy++) {
      const a = at(ix, iy), b = at(ix + 1, iy), c = at(ix + 1, iy + 1), d = at(ix, iy + 1);
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      if (Math.max(a, b, c, d) - Math.min(a, b, c, d) > maxJump) continue;
      const idx = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (idx === 0 || idx === 15) continue;
      // Edge crossing points: bottom (a-b), right (b-c), top (d-c), left (a-d).
      const pts: Record<string, [number, number]> = {
        B: [ix + lerp(a, b), iy],
        R: [ix + 1, iy + lerp(b, c)],
        T: [ix + lerp(d, c), iy + 1],
        L: [ix, iy + lerp(a, d)],
      };
      const pairs: Record<number, string[]> = {
        1: ['L', 'B'], 2: ['B', 'R'], 3: ['L', 'R'], 4: ['R', 'T'], 5: ['L', 'T', 'B', 'R'], 6: ['B', 'T'], 7: ['L', 'T'],
        8: ['T', 'L'], 9: ['T', 'B'], 10: ['T', 'R', 'B', 'L'], 11: ['T', 'R'], 12: ['R', 'L'], 13: ['R', 'B'], 14: ['B', 'L'],
      };
      const p = pairs[idx];
      for (let k = 0; k < p.length; k += 2) seg.push(pts[p[k]][0], pts[p[k]][1], pts[p[k + 1]][0], pts[p[k + 1]][1]);
    }
  }
  return seg;
}

/** Chains marching-squares segments (x1,y1,x2,y2,…) into polylines by shared end points. */
export function joinSegments(seg: number[]): number[][] {
  const key = (x: number, y: number) => `${Math.round(x * 1e6)},${Math.round(y * 1e6)}`;
  const n = seg.length / 4;
  const used = new Uint8Array(n);
  const ends = new Map<string, number[]>();
  for (let s = 0; s < n; s++) {
    for (const e of [0, 1]) {
      const k = key(seg[4 * s + 2 * e], seg[4 * s + 2 * e + 1]);
      const list = ends.get(k);
      if (list) list.push(s);
      else ends.set(k, [s]);
    }
  }
  const other = (s: number, x: number, y: number): [number, number] => {
    const a: [number, number] = [seg[4 * s], seg[4 * s + 1]];
    const b: [number, number] = [seg[4 * s + 2], seg[4 * s + 3]];
    return key(a[0], a[1]) === key(x, y) ? b : a;
  };
  const lines: number[][] = [];
  for (let s0 = 0; s0 < n; s0++) {
    if (used[s0]) continue;
    used[s0] = 1;
    let pts: number[] = [seg[4 * s0], seg[4 * s0 + 1], seg[4 * s0 + 2], seg[4 * s0 + 3]];
    for (const dir of [1, 0]) {
      for (;;) {
        const x = dir ? pts[pts.length - 2] : pts[0];
        const y = dir ? pts[pts.length - 1] : pts[1];
        const next = (ends.get(key(x, y)) ?? []).find((t) => !used[t]);
        if (next === undefined) break;
        used[next] = 1;
        const [ox, oy] = other(next, x, y);
        if (dir) pts.push(ox, oy);
        else pts = [ox, oy, ...pts];
      }
    }
    lines.push(pts);
  }
  return lines;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PorkchopSvgOptions {
  width?: number;
  height?: number;
  /** Upper end of the colour scale, km/s (default: min + 10 km/s, at most the 95th percentile). */
  maxDvKmS?: number;
  title?: string;
}

export function porkchopSvg(pc: Porkchop, opts: PorkchopSvgOptions = {}): string {
  const W = opts.width ?? 960;
  const H = opts.height ?? 600;
  const m = { left: 78, right: 120, top: 58, bottom: 64 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const nx = pc.launchJd.length;
  const ny = pc.tofDays.length;
  const z = pc.dvTotal;
  const finite = Array.from(z).filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const vmin = finite.length ? finite[0] : 0;
  const p95 = finite.length ? finite[Math.floor(0.95 * (finite.length - 1))] : 1;
  const vmax = opts.maxDvKmS ?? Math.max(vmin + 0.5, Math.min(vmin + 10, p95));
  // Heatmap pixels: x = launch, y = TOF (top row = longest TOF).
  const rgba = new Uint8Array(nx * ny * 4);
  for (let ix = 0; ix < nx; ix++) {
    for (let iy = 0; iy < ny; iy++) {
      const v = z[ix * ny + iy];
      const p = ((ny - 1 - iy) * nx + ix) * 4;
      if (!Number.isFinite(v)) {
        rgba.set([255, 255, 255, 0], p);
      } else if (v > vmax) {
        rgba.set([225, 225, 225, 255], p);
      } else {
        const [r, g, b] = viridis((v - vmin) / (vmax - vmin));
        rgba.set([r, g, b, 255], p);
      }
    }
  }
  const png = encodePng(nx, ny, rgba).toString('base64');
  const x0 = pc.launchJd[0], x1 = pc.launchJd[nx - 1];
  const y0 = pc.tofDays[0], y1 = pc.tofDays[ny - 1];
  const sx = (jd: number) => m.left + (nx > 1 ? ((jd - x0) / (x1 - x0)) * (pw - pw / nx) + pw / nx / 2 : pw / 2);
  const sy = (tof: number) => m.top + ph - (ny > 1 ? ((tof - y0) / (y1 - y0)) * (ph - ph / ny) + ph / ny / 2 : ph / 2);
  const cellX = (cx: number) => sx(x0 + (cx * (x1 - x0)) / Math.max(1, nx - 1));
  const cellY = (cy: number) => sy(y0 + (cy * (y1 - y0)) / Math.max(1, ny - 1));
  const parts: string[] = [];
  const title = opts.title ?? `${pc.name ? `${pc.name} (${pc.designation})` : pc.designation}: ${pc.direction === 'out' ? 'Earth → asteroid' : 'asteroid → Earth'} total Δv`;
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  parts.push(`<title>${esc(title)}</title>`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${m.left + pw / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`);
  const sub = pc.direction === 'out'
    ? `Δv = LEO (${pc.leoAltitudeKm} km) departure + arrival v∞ (rendezvous); ballistic Lambert, 0–${pc.maxRevs} rev; grid ${pc.stepDays} d`
    : `Δv = departure relative speed + entry cap (${pc.maxEntryKmS} km/s); ballistic Lambert, 0–${pc.maxRevs} rev; grid ${pc.stepDays} d`;
  parts.push(`<text x="${m.left + pw / 2}" y="42" text-anchor="middle" fill="#444">${esc(sub)}</text>`);
  parts.push(`<image x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" preserveAspectRatio="none" style="image-rendering:pixelated" href="data:image/png;base64,${png}"/>`);
  // Contours at nice levels.
  const cstep = niceStep(vmax - vmin, 8);
  const paths: string[] = [];
  for (let lv = Math.ceil(vmin / cstep) * cstep; lv <= vmax + 1e-9; lv += cstep) {
    if (lv <= vmin) continue;
    const seg = contourSegments(z, nx, ny, lv, 3 * cstep);
    if (seg.length === 0) continue;
    let d = '';
    for (const line of joinSegments(seg)) {
      d += 'M' + line.map((v, k) => (k % 2 === 0 ? cellX(v) : cellY(v)).toFixed(1)).join(' ').replace(/^(\S+ \S+) /, '$1L');
    }
    paths.push(`<path d="${d}" fill="none" stroke="white" stroke-opacity="0.75" stroke-width="0.8"><title>${lv.toFixed(2)} km/s</title></path>`);
  }
  parts.push(`<g clip-path="url(#plot)">${paths.join('')}</g>`);
  parts.push(`<defs><clipPath id="plot"><rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}"/></clipPath></defs>`);
  parts.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="black"/>`);
  // Axes.
  for (const t of dateTicks(x0, x1)) {
    const x = sx(t.jd);
    parts.push(`<line x1="${x.toFixed(1)}" y1="${m.top + ph}" x2="${x.toFixed(1)}" y2="${m.top + ph + 5}" stroke="black"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${m.top + ph + 18}" text-anchor="middle">${t.label}</text>`);
  }
  const ys = niceStep(Math.max(1, y1 - y0), 6);
  for (let v = Math.ceil(y0 / ys) * ys; v <= y1 + 1e-9; v += ys) {
    const y = sy(v);
    parts.push(`<line x1="${m.left - 5}" y1="${y.toFixed(1)}" x2="${m.left}" y2="${y.toFixed(1)}" stroke="black"/>`);
    parts.push(`<text x="${m.left - 8}" y="${(y + 4).toFixed(1)}" text-anchor="end">${+v.toFixed(6)}</text>`);
  }
  parts.push(`<text x="${m.left + pw / 2}" y="${H - 20}" text-anchor="middle">${pc.direction === 'out' ? 'Launch date (UTC)' : 'Departure from the asteroid (UTC)'}</text>`);
  parts.push(`<text transform="translate(22 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">Time of flight (days)</text>`);
  // Minimum marker.
  const b = pc.best;
  const bx = sx(b.launchJd), by = sy(b.tofDays);
  parts.push(`<g><circle cx="${bx.toFixed(1)}" cy="${by.toFixed(1)}" r="6" fill="none" stroke="#d62728" stroke-width="2"/><line x1="${(bx - 9).toFixed(1)}" y1="${by.toFixed(1)}" x2="${(bx + 9).toFixed(1)}" y2="${by.toFixed(1)}" stroke="#d62728" stroke-width="1.5"/><line x1="${bx.toFixed(1)}" y1="${(by - 9).toFixed(1)}" x2="${bx.toFixed(1)}" y2="${(by + 9).toFixed(1)}" stroke="#d62728" stroke-width="1.5"/></g>`);
  const label = `min ${b.dvTotalKmS.toFixed(3)} km/s — ${b.launch.slice(0, 10)}, ${b.tofDays.toFixed(1)} d${pc.direction === 'out' ? `, C3 ${b.c3.toFixed(1)} km²/s²` : ''}`;
  const right = bx > m.left + pw * 0.6;
  const ly = by < m.top + 30 ? by + 22 : by - 12;
  parts.push(`<text x="${(right ? bx - 12 : bx + 12).toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${right ? 'end' : 'start'}" font-weight="bold" fill="#d62728" stroke="white" stroke-width="3" paint-order="stroke">${esc(label)}</text>`);
  // Colour bar.
  const cbx = m.left + pw + 24, cbw = 16;
  const nBar = 64;
  for (let k = 0; k < nBar; k++) {
    const [r, g, bb] = viridis((k + 0.5) / nBar);
    const y = m.top + ph - ((k + 1) * ph) / nBar;
    parts.push(`<rect x="${cbx}" y="${y.toFixed(2)}" width="${cbw}" height="${(ph / nBar + 0.5).toFixed(2)}" fill="rgb(${r},${g},${bb})"/>`);
  }
  parts.push(`<rect x="${cbx}" y="${m.top}" width="${cbw}" height="${ph}" fill="none" stroke="black"/>`);
  for (let v = Math.ceil(vmin / cstep) * cstep; v <= vmax + 1e-9; v += cstep) {
    const y = m.top + ph - ((v - vmin) / (vmax - vmin)) * ph;
    parts.push(`<line x1="${cbx + cbw}" y1="${y.toFixed(1)}" x2="${cbx + cbw + 4}" y2="${y.toFixed(1)}" stroke="black"/><text x="${cbx + cbw + 7}" y="${(y + 4).toFixed(1)}">${+v.toFixed(3)}</text>`);
  }
  parts.push(`<text transform="translate(${cbx + cbw + 62} ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">Total Δv (km/s)</text>`);
  parts.push(`<rect x="${cbx}" y="${m.top + ph + 12}" width="${cbw}" height="10" fill="rgb(225,225,225)" stroke="black"/><text x="${cbx + cbw + 6}" y="${m.top + ph + 21}">&gt; ${vmax.toFixed(1)}</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
