/**
 * Porkchop plot as a standalone SVG: total-Δv heatmap (an embedded PNG, one pixel per grid cell,
 * so large grids stay small) with vector contour lines (marching squares), a colour bar with
 * units, launch-date × time-of-flight axes with ticks and labels, the minimum marked and
 * annotated, and a title naming the target. Pure: returns the SVG text.
 */
import { deflateSync } from 'node:zlib';
import { isoDateOf as jdToIsoDate } from './dates.js';
import { utcMs } from '../astro/time.js';
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
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10) * p;
}

/** Date ticks: the first of every 1/3/6/12/24 months for long spans, whole days (0 h UTC) below half a year, one tick for a single date. */
export function dateTicks(jd0: number, jd1: number): Array<{ jd: number; label: string }> {
  const span = jd1 - jd0;
  if (!(span >= 1)) return [{ jd: jd0, label: jdToIsoDate(jd0) }];
  const months = span > 365 * 12 ? 24 : span > 365 * 6 ? 12 : span > 365 * 3 ? 6 : span > 540 ? 3 : span > 180 ? 1 : 0;
  const out: Array<{ jd: number; label: string }> = [];
  const d0 = new Date(jdToIsoDate(jd0) + 'T00:00:00Z');
  const jdOf = (d: Date) => d.getTime() / 86400000 + 2440587.5;
  if (months === 0) {
    const step = Math.max(1, niceStep(span, 6));
    // Julian dates of 0 h UTC end in .5.
    for (let jd = Math.ceil((jd0 - 0.5) / step - 1e-9) * step + 0.5; jd <= jd1 + 1e-9; jd += step) out.push({ jd, label: jdToIsoDate(jd) });
    return out.length ? out : [{ jd: jd0, label: jdToIsoDate(jd0) }];
  }
  // utcMs, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  let d = new Date(utcMs(d0.getUTCFullYear(), d0.getUTCMonth() + 1, 1));
  if (jdOf(d) < jd0) d = new Date(utcMs(d.getUTCFullYear(), d.getUTCMonth() + 2, 1));
  while (d.getUTCMonth() % months !== 0) d = new Date(utcMs(d.getUTCFullYear(), d.getUTCMonth() + 2, 1));
  for (; jdOf(d) <= jd1; d = new Date(utcMs(d.getUTCFullYear(), d.getUTCMonth() + 1 + months, 1))) {
    out.push({ jd: jdOf(d), label: months >= 12 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 7) });
  }
  return out;
}

/** Value ticks: nice steps, or the one value of a single-value axis. */
function valueTicks(v0: number, v1: number, target: number): number[] {
  if (!(v1 - v0 > 1e-9)) return [v0];
  const st = niceStep(v1 - v0, target);
  const out: number[] = [];
  for (let v = Math.ceil(v0 / st - 1e-9) * st; v <= v1 + 1e-9; v += st) out.push(+v.toFixed(6));
  return out;
}

// --- contours ------------------------------------------------------------------------------------

/**
 * Contour levels, km/s: porkchops are read near their minimum, so several levels between the
 * minimum and the next whole km/s (at least 0.25 km/s above it), then every 0.5 km/s for 2 km/s,
 * then every 1 km/s (2 beyond 10 km/s of range) up to the top of the colour scale.
 */
export function contourLevels(vmin: number, vmax: number): number[] {
  if (!(vmax > vmin) || !Number.isFinite(vmin) || !Number.isFinite(vmax)) return [];
  let upper = Math.ceil(vmin - 1e-9);
  if (upper - vmin < 0.25) upper += 1;
  const fine = Math.max(0.02, niceStep(upper - vmin, 4));
  const out: number[] = [];
  const push = (v: number) => {
    const r = Math.round(v * 1000) / 1000;
    if (r > vmin + 1e-9 && r <= vmax + 1e-9 && (out.length === 0 || r > out[out.length - 1] + 1e-9)) out.push(r);
  };
  for (let v = Math.floor(vmin / fine + 1e-9) * fine + fine; v <= upper + 1e-9; v += fine) push(v);
  for (let v = upper + 0.5; v <= upper + 2 + 1e-9; v += 0.5) push(v);
  const coarse = vmax - upper > 10 ? 2 : 1;
  for (let v = upper + 2 + coarse; v <= vmax + 1e-9; v += coarse) push(v);
  return out;
}

/**
 * Cells (ix, iy)…(ix + 1, iy + 1) that may be contoured: four finite corners, all with the same
 * transfer sense, and no jump far beyond the grid's usual cell-to-cell change. Where the sense
 * flips (180° and 0°/360° transfer angles) the Lambert solution switches between the short and the
 * long way and Δv jumps; the spikes on either side of that ridge change by several km/s from one
 * cell to the next. Contouring there draws scribbles, not shapes, so those cells are left to the
 * colours.
 */
export function contourMask(z: Float64Array, sense: Int8Array | undefined, nx: number, ny: number, sol?: Int8Array): Uint8Array {
  const nc = Math.max(0, (nx - 1) * (ny - 1));
  const ok = new Uint8Array(nc);
  const range = new Float64Array(nc).fill(NaN);
  for (let ix = 0; ix < nx - 1; ix++) {
    for (let iy = 0; iy < ny - 1; iy++) {
      const a = ix * ny + iy, b = a + ny, c = b + 1, d = a + 1;
      const za = z[a], zb = z[b], zc = z[c], zd = z[d];
      if (!(Number.isFinite(za) && Number.isFinite(zb) && Number.isFinite(zc) && Number.isFinite(zd))) continue;
      if (sense && !(sense[a] === sense[b] && sense[a] === sense[c] && sense[a] === sense[d])) continue;
      const cell = ix * (ny - 1) + iy;
      ok[cell] = 1;
      range[cell] = Math.max(za, zb, zc, zd) - Math.min(za, zb, zc, zd);
    }
  }
  // A jump is a cell whose range exceeds JUMP_FACTOR × the 90th percentile of all cell ranges
  // (the smooth surface sets the scale, whatever the grid step).
  const sorted = range.filter((v) => v === v).sort();
  if (sorted.length >= 16) {
    const q90 = sorted[Math.floor(0.9 * (sorted.length - 1))];
    for (let cell = 0; cell < nc; cell++) if (range[cell] > JUMP_FACTOR * q90) ok[cell] = 0;
    // Where the cheapest arc changes (0-rev ↔ N-rev, left ↔ right) because one family stops
    // existing (an N-rev arc needs a minimum flight time), the cost jumps by less: a smaller
    // factor applies to cells whose corners use different arcs.
    if (sol) {
      for (let ix = 0; ix < nx - 1; ix++) {
        for (let iy = 0; iy < ny - 1; iy++) {
          const cell = ix * (ny - 1) + iy;
          if (!ok[cell] || !(range[cell] > SWITCH_JUMP_FACTOR * q90)) continue;
          const a = ix * ny + iy;
          if (!(sol[a] === sol[a + ny] && sol[a] === sol[a + ny + 1] && sol[a] === sol[a + 1])) ok[cell] = 0;
        }
      }
    }
  }
  return ok;
}
/** See contourMask: cells switching arcs with a range above 3× the 90th-percentile cell range are jumps. */
const SWITCH_JUMP_FACTOR = 3;
/** See contourMask; 8× the 90th-percentile cell range keeps every smooth slope of the porkchops tried (1–30-day grids). */
const JUMP_FACTOR = 8;

export interface ContourLine {
  /** x, y pairs in grid units. */
  pts: number[];
  closed: boolean;
  /** Ends (0–2) that stop against a masked cell rather than at the grid border. */
  maskedEnds: number;
}

/**
 * Contour lines of `z` (row-major [ix·ny + iy], launch-major like the porkchop) at `level`, by
 * marching squares on the cells `ok` allows (saddles resolved by the cell-centre mean), chained
 * into polylines through shared grid edges. Points are in grid units (x = ix, y = iy).
 */
export function contourLines(z: Float64Array, nx: number, ny: number, ok: Uint8Array, level: number): ContourLine[] {
  // Crossing points are keyed by grid edge: 2·node for the edge to the next launch, 2·node + 1 for
  // the edge to the next flight time; each edge is shared by at most two cells.
  const segA: number[] = [];
  const segB: number[] = [];
  for (let ix = 0; ix < nx - 1; ix++) {
    for (let iy = 0; iy < ny - 1; iy++) {
      if (!ok[ix * (ny - 1) + iy]) continue;
      const na = ix * ny + iy;
      const a = z[na], b = z[na + ny], c = z[na + ny + 1], d = z[na + 1];
      const idx = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (idx === 0 || idx === 15) continue;
      const B = 2 * na, T = 2 * (na + 1), L = 2 * na + 1, R = 2 * (na + ny) + 1;
      const add = (p: number, q: number) => {
        segA.push(p);
        segB.push(q);
      };
      switch (idx) {
        case 1: case 14: add(L, B); break;
        case 2: case 13: add(B, R); break;
        case 3: case 12: add(L, R); break;
        case 4: case 11: add(R, T); break;
        case 6: case 9: add(B, T); break;
        case 7: case 8: add(L, T); break;
        case 5: case 10: {
          const centreAbove = (a + b + c + d) / 4 > level;
          // 5: a, c above; 10: b, d above. Cut off the corners that are not joined through the centre.
          if ((idx === 5) === centreAbove) {
            add(B, R);
            add(T, L);
          } else {
            add(L, B);
            add(R, T);
          }
          break;
        }
      }
    }
  }
  const first = new Map<number, number>();
  const second = new Map<number, number>();
  for (let sgm = 0; sgm < segA.length; sgm++) {
    for (const e of [segA[sgm], segB[sgm]]) {
      if (first.has(e)) second.set(e, sgm);
      else first.set(e, sgm);
    }
  }
  const point = (e: number): [number, number] => {
    const node = e >> 1;
    const ix = Math.floor(node / ny), iy = node % ny;
    const za = z[node];
    const zb = e & 1 ? z[node + 1] : z[node + ny];
    const t = (level - za) / (zb - za);
    return e & 1 ? [ix, iy + t] : [ix + t, iy];
  };
  const used = new Uint8Array(segA.length);
  const lines: ContourLine[] = [];
  const onBorder = (e: number) => {
    const node = e >> 1;
    const ix = Math.floor(node / ny), iy = node % ny;
    return e & 1 ? ix === 0 || ix === nx - 1 : iy === 0 || iy === ny - 1;
  };
  const otherSeg = (e: number, sgm: number) => {
    const f = first.get(e);
    const g = second.get(e);
    const o = f === sgm ? g : f;
    return o === undefined || used[o] ? -1 : o;
  };
  for (let s0 = 0; s0 < segA.length; s0++) {
    if (used[s0]) continue;
    used[s0] = 1;
    const edges = [segA[s0], segB[s0]];
    // Extend forward from the second end, then backward from the first.
    for (const forward of [true, false]) {
      let sgm = s0;
      let e = forward ? edges[edges.length - 1] : edges[0];
      for (;;) {
        const nx2 = otherSeg(e, sgm);
        if (nx2 < 0) break;
        used[nx2] = 1;
        const next = segA[nx2] === e ? segB[nx2] : segA[nx2];
        if (forward) edges.push(next);
        else edges.unshift(next);
        sgm = nx2;
        e = next;
      }
    }
    const pts: number[] = [];
    for (const e of edges) pts.push(...point(e));
    const closed = edges.length > 2 && edges[0] === edges[edges.length - 1];
    const maskedEnds = closed ? 0 : (onBorder(edges[0]) ? 0 : 1) + (onBorder(edges[edges.length - 1]) ? 0 : 1);
    lines.push({ pts, closed, maskedEnds });
  }
  return lines;
}

/**
 * Lines worth drawing: not crumbs (< 2.5 cells), and not short arcs that start and end against
 * masked cells (< 12 cells) — those hug the spikes beside the 180° ridge.
 */
export function drawableContour(l: ContourLine): boolean {
  const len = polylineLength(l.pts);
  if (len < MIN_FRAGMENT_CELLS) return false;
  return !(l.maskedEnds === 2 && len < MIN_MASKED_ARC_CELLS);
}
const MIN_FRAGMENT_CELLS = 2.5;
const MIN_MASKED_ARC_CELLS = 12;

function polylineLength(p: number[], sx = 1, sy = 1): number {
  let len = 0;
  for (let i = 2; i < p.length; i += 2) len += Math.hypot((p[i] - p[i - 2]) * sx, (p[i + 1] - p[i - 1]) * sy);
  return len;
}

/** Point and direction at the middle (by length) of a polyline given in pixels. */
function midPoint(p: number[]): [number, number] {
  const half = polylineLength(p) / 2;
  let acc = 0;
  for (let i = 2; i < p.length; i += 2) {
    const l = Math.hypot(p[i] - p[i - 2], p[i + 1] - p[i - 1]);
    if (acc + l >= half && l > 0) {
      const t = (half - acc) / l;
      return [p[i - 2] + t * (p[i] - p[i - 2]), p[i - 1] + t * (p[i + 1] - p[i - 1])];
    }
    acc += l;
  }
  return [p[0], p[1]];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PorkchopSvgOptions {
  width?: number;
  height?: number;
  /** Upper end of the colour scale, km/s (default: min + 10 km/s, at most the 95th percentile). */
  maxDvKmS?: number;
  title?: string;
}

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function porkchopSvg(pc: Porkchop, opts: PorkchopSvgOptions = {}): string {
  const W = opts.width ?? 960;
  const H = opts.height ?? 600;
  const m = { left: 78, right: 120, top: 58, bottom: 64 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const nx = pc.launchJd.length;
  const ny = pc.tofDays.length;
  const z = pc.dvTotal;
  let nFinite = 0;
  for (let i = 0; i < z.length; i++) if (Number.isFinite(z[i])) nFinite++;
  const finite = new Float64Array(nFinite);
  for (let i = 0, j = 0; i < z.length; i++) if (Number.isFinite(z[i])) finite[j++] = z[i];
  finite.sort();
  const vmin = nFinite ? finite[0] : 0;
  const p95 = nFinite ? finite[Math.floor(0.95 * (nFinite - 1))] : 1;
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
    : `Δv = departure speed relative to the asteroid + entry cap (${pc.maxEntryKmS} km/s); ballistic Lambert, 0–${pc.maxRevs} rev; grid ${pc.stepDays} d`;
  parts.push(`<text x="${m.left + pw / 2}" y="42" text-anchor="middle" fill="#444">${esc(sub)}</text>`);
  parts.push(`<image x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" preserveAspectRatio="none" style="image-rendering:pixelated" href="data:image/png;base64,${png}"/>`);

  // Minimum marker and its label first: contour labels keep clear of them.
  const b = pc.best;
  const bx = sx(b.launchJd), by = sy(b.tofDays);
  const minLabel = `min ${b.dvTotalKmS.toFixed(3)} km/s — ${b.launch.slice(0, 10)}, ${b.tofDays.toFixed(1)} d${pc.direction === 'out' ? `, C3 ${b.c3.toFixed(1)} km²/s²` : ''}`;
  const right = bx > m.left + pw * 0.6;
  const ly = by < m.top + 30 ? by + 22 : by - 12;
  const lx = right ? bx - 12 : bx + 12;
  const minW = minLabel.length * 7.2;
  const placed: Box[] = [[bx - 10, by - 10, bx + 10, by + 10], right ? [lx - minW, ly - 13, lx, ly + 4] : [lx, ly - 13, lx + minW, ly + 4]];

  // Contours (adaptive levels), labelled where there is room.
  const levels = contourLevels(vmin, vmax);
  const ok = contourMask(z, pc.transferSense, nx, ny, pc.sol);
  const paths: string[] = [];
  const labels: string[] = [];
  for (const lv of levels) {
    const lines = contourLines(z, nx, ny, ok, lv).filter(drawableContour);
    if (lines.length === 0) continue;
    const px = lines.map((line) => line.pts.map((v, k) => (k % 2 === 0 ? cellX(v) : cellY(v))));
    let d = '';
    for (const line of px) {
      d += 'M' + line.map((v) => v.toFixed(1)).join(' ').replace(/^(\S+ \S+) /, '$1L');
    }
    const whole = Math.abs(lv - Math.round(lv)) < 1e-9;
    paths.push(`<path d="${d}" fill="none" stroke="white" stroke-opacity="${whole ? 0.9 : 0.7}" stroke-width="${whole ? 1.1 : 0.7}"><title>${lv.toFixed(2)} km/s</title></path>`);
    // Label: the middle of the longest lines (≥ 60 px), at most two per level, never overlapping.
    const text = String(+lv.toFixed(3));
    const w = text.length * 6 + 6;
    let n = 0;
    const order = px.map((p) => ({ p, len: polylineLength(p) })).sort((a, c) => c.len - a.len);
    for (const { p, len } of order) {
      if (n >= 2 || len < 60) break;
      const [cx, cy] = midPoint(p);
      const box: Box = [cx - w / 2, cy - 7, cx + w / 2, cy + 7];
      if (box[0] < m.left || box[2] > m.left + pw || box[1] < m.top || box[3] > m.top + ph) continue;
      if (placed.some((q) => overlaps(q, box))) continue;
      placed.push(box);
      labels.push(`<text x="${cx.toFixed(1)}" y="${(cy + 3.5).toFixed(1)}" text-anchor="middle" font-size="10" fill="#222" stroke="white" stroke-width="3" paint-order="stroke">${text}</text>`);
      n++;
    }
  }
  parts.push(`<defs><clipPath id="plot"><rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}"/></clipPath></defs>`);
  parts.push(`<g clip-path="url(#plot)">${paths.join('')}</g>`);
  parts.push(`<g>${labels.join('')}</g>`);
  parts.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="black"/>`);
  // Axes.
  for (const t of dateTicks(x0, x1)) {
    const x = sx(t.jd);
    parts.push(`<line x1="${x.toFixed(1)}" y1="${m.top + ph}" x2="${x.toFixed(1)}" y2="${m.top + ph + 5}" stroke="black"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${m.top + ph + 18}" text-anchor="middle">${t.label}</text>`);
  }
  for (const v of valueTicks(y0, y1, 6)) {
    const y = sy(v);
    parts.push(`<line x1="${m.left - 5}" y1="${y.toFixed(1)}" x2="${m.left}" y2="${y.toFixed(1)}" stroke="black"/>`);
    parts.push(`<text x="${m.left - 8}" y="${(y + 4).toFixed(1)}" text-anchor="end">${+v.toFixed(6)}</text>`);
  }
  parts.push(`<text x="${m.left + pw / 2}" y="${H - 20}" text-anchor="middle">${pc.direction === 'out' ? 'Launch date (UTC)' : 'Departure from the asteroid (UTC)'}</text>`);
  parts.push(`<text transform="translate(22 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">Time of flight (days)</text>`);
  // Minimum marker.
  parts.push(`<g><circle cx="${bx.toFixed(1)}" cy="${by.toFixed(1)}" r="6" fill="none" stroke="#d62728" stroke-width="2"/><line x1="${(bx - 9).toFixed(1)}" y1="${by.toFixed(1)}" x2="${(bx + 9).toFixed(1)}" y2="${by.toFixed(1)}" stroke="#d62728" stroke-width="1.5"/><line x1="${bx.toFixed(1)}" y1="${(by - 9).toFixed(1)}" x2="${bx.toFixed(1)}" y2="${(by + 9).toFixed(1)}" stroke="#d62728" stroke-width="1.5"/></g>`);
  parts.push(`<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${right ? 'end' : 'start'}" font-weight="bold" fill="#d62728" stroke="white" stroke-width="3" paint-order="stroke">${esc(minLabel)}</text>`);
  // Colour bar, with the contour levels drawn across it.
  const cbx = m.left + pw + 24, cbw = 16;
  const nBar = 64;
  for (let k = 0; k < nBar; k++) {
    const [r, g, bb] = viridis((k + 0.5) / nBar);
    const y = m.top + ph - ((k + 1) * ph) / nBar;
    parts.push(`<rect x="${cbx}" y="${y.toFixed(2)}" width="${cbw}" height="${(ph / nBar + 0.5).toFixed(2)}" fill="rgb(${r},${g},${bb})"/>`);
  }
  const barY = (v: number) => m.top + ph - ((v - vmin) / (vmax - vmin)) * ph;
  for (const lv of levels) parts.push(`<line x1="${cbx}" y1="${barY(lv).toFixed(1)}" x2="${cbx + cbw}" y2="${barY(lv).toFixed(1)}" stroke="white" stroke-opacity="0.8" stroke-width="0.7"/>`);
  parts.push(`<rect x="${cbx}" y="${m.top}" width="${cbw}" height="${ph}" fill="none" stroke="black"/>`);
  for (const v of valueTicks(vmin, vmax, 8)) {
    if (v < vmin - 1e-9) continue;
    const y = barY(v);
    parts.push(`<line x1="${cbx + cbw}" y1="${y.toFixed(1)}" x2="${cbx + cbw + 4}" y2="${y.toFixed(1)}" stroke="black"/><text x="${cbx + cbw + 7}" y="${(y + 4).toFixed(1)}">${+v.toFixed(3)}</text>`);
  }
  parts.push(`<text transform="translate(${cbx + cbw + 62} ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">Total Δv (km/s)</text>`);
  parts.push(`<rect x="${cbx}" y="${m.top + ph + 12}" width="${cbw}" height="10" fill="rgb(225,225,225)" stroke="black"/><text x="${cbx + cbw + 6}" y="${m.top + ph + 21}">&gt; ${vmax.toFixed(1)}</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
